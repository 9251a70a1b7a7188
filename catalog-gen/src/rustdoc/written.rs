//! Events written back as Markdown that reads back as the same blocks.
//!
//! pulldown-cmark-to-cmark writes most events faithfully, checks some of what it writes, and
//! refuses what it cannot write (`Unrepresentable`). Not all it writes reads back as written:
//! version 23 puts an HTML block straight under a list nested in a list item, and a block
//! that cannot interrupt a paragraph (`<Warning>`, in TiDB's release notes) then reads as more
//! of the list's last paragraph. So what it writes is read back, and taken only where its
//! blocks are the events' blocks; where not, it is written again with a blank line's aid, then
//! also with an empty comment before an item's text that would read as a lazy line, then block
//! by block, a block whose emphasis does not read back with its emphasis written
//! as HTML (`<em>`, `<strong>`, `<del>`), and a block no way writes is its plain text. The
//! blocks written one by one are not read back together: two lists that differ only in their
//! bullets, written alike, read as one.
//!
//! What is read back is the blocks, each line of an HTML block, and where each emphasis starts
//! and ends among the text (its characters but whitespace): the writer's delimiters can read
//! otherwise where runs meet (`_**a**a**a:**_`, written `***a**a**a:**`, where the middle run
//! closes the outer emphasis). Where the writer differs from the page only in whitespace
//! (a space before a line break it drops), the text is the same.

use std::borrow::Borrow;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::render::html_tag;
use super::{ANY_FOOTNOTE, escape, trim_written};
use crate::markdown::PARSER_OPTIONS;

/// `events` as Markdown whose blocks read back as theirs; where a top-level block cannot be
/// so written, its plain text, escaped.
pub(super) fn markdown(events: &[Event<'_>]) -> String {
    let tight = lone_paragraph_items_tight(events);
    let events = tight.as_deref().unwrap_or(events);
    if let Some(out) = read_back_as_written(events) {
        return out;
    }
    let blocks = top_level_blocks(events).map(|block| {
        let written =
            read_back_as_written(block).or_else(|| read_back_as_written(&emphasis_as_html(block)?));
        written.map_or_else(|| escape(&plain(block)), |out| trim_written(&out).into())
    });
    blocks.filter(|block| !block.is_empty()).collect::<Vec<_>>().join("\n\n")
}

/// `events` with each list of one item that holds one paragraph and nothing else made tight
/// (the paragraph's start and end dropped); `None` where there is no such list.
///
/// Written loose, such a list is opened by pulldown-cmark-to-cmark 23 with a link reference
/// definition that keeps its paragraph one (`* [cmark-loose-1]: <>`), which clippy denies in
/// a doc comment (`doc_nested_refdefs`). Tight, it shows the same but for the space around its
/// item. Pages rarely have one; a list item left with one paragraph once its table or anchor is
/// dropped (a table of Windows' docs, in a step of a numbered list) is one.
fn lone_paragraph_items_tight<'a>(events: &[Event<'a>]) -> Option<Vec<Event<'a>>> {
    let is_lone_paragraph = |start: usize| {
        let opens = matches!(
            events.get(start..start + 3),
            Some([
                Event::Start(Tag::List(_)),
                Event::Start(Tag::Item),
                Event::Start(Tag::Paragraph)
            ])
        );
        if !opens {
            return None;
        }
        // A paragraph holds no block, so its end is the first after its start.
        let end = start
            + 3
            + events[start + 3..].iter().position(|e| *e == Event::End(TagEnd::Paragraph))?;
        let closes = matches!(
            events.get(end + 1..end + 3),
            Some([Event::End(TagEnd::Item), Event::End(TagEnd::List(_))])
        );
        closes.then_some(end)
    };
    let mut dropped = Vec::new();
    for start in 0..events.len() {
        if let Some(end) = is_lone_paragraph(start) {
            dropped.extend([start + 2, end]);
        }
    }
    if dropped.is_empty() {
        return None;
    }
    let kept = events.iter().enumerate().filter(|(index, _)| !dropped.contains(index));
    Some(kept.map(|(_, event)| event.clone()).collect())
}

/// `events` written as pulldown-cmark-to-cmark writes them, or else with an empty paragraph
/// after each list or block quote that a block follows (which it writes as nothing but the
/// blank line it puts after a paragraph), or else with that and [a comment before each item's
/// text that would read as a lazy line](with_comments_before_lazy_text); the first that reads
/// back as the blocks of the events it writes.
fn read_back_as_written(events: &[Event<'_>]) -> Option<String> {
    let reads_back = |events: &[Event<'_>], out: &String| {
        blocks(Parser::new_ext(out, PARSER_OPTIONS)) == blocks(events)
    };
    let write = |events: &[Event<'_>]| {
        let mut out = String::new();
        // Each item of a numbered list numbered as the page numbers it (`12.`, `13.`, `14.`:
        // the list's start and one more each item, as Markdown reads them whatever their
        // numbers), where the writer's default writes every one with the first's number.
        let options = pulldown_cmark_to_cmark::Options {
            increment_ordered_list_bullets: true,
            ..Default::default()
        };
        // The writer checks a block with emphasis by reading it back alone, where a footnote
        // reference has no definition (else it reads as text: `Unrepresentable`).
        pulldown_cmark_to_cmark::cmark_with_options(events.iter(), &mut out, ANY_FOOTNOTE, options)
            .ok()?;
        Some(out)
    };
    let written = |events: &[Event<'_>]| write(events).filter(|out| reads_back(events, out));
    // Each aid built only where the writing before it did not read back: most blocks need none.
    written(events).or_else(|| {
        let blank_lines = with_blank_lines_after_lists(events);
        let aided = blank_lines.as_deref().unwrap_or(events);
        let blank_lines_written = blank_lines.as_deref().and_then(written);
        blank_lines_written.or_else(|| written(&with_comments_before_lazy_text(aided)?))
    })
}

/// `events` with each emphasis, strong emphasis and strikethrough written as HTML, which
/// reads back as written wherever it stands; `None` where there is none.
fn emphasis_as_html<'a>(events: &[Event<'a>]) -> Option<Vec<Event<'a>>> {
    let as_html = |event: &Event<'a>| match event {
        Event::Start(tag) if is_emphasis(tag.to_end()) => {
            Some(Event::InlineHtml(html_tag(tag.to_end(), false).into()))
        }
        Event::End(end) if is_emphasis(*end) => {
            Some(Event::InlineHtml(html_tag(*end, true).into()))
        }
        _ => None,
    };
    events.iter().any(|event| as_html(event).is_some()).then(|| {
        events.iter().map(|event| as_html(event).unwrap_or_else(|| event.clone())).collect()
    })
}

/// `events` with an empty paragraph between each list's or block quote's end and a block
/// right after it; `None` where there is no such place.
fn with_blank_lines_after_lists<'a>(events: &[Event<'a>]) -> Option<Vec<Event<'a>>> {
    let is_block =
        |event: &Event<'_>| matches!(event, Event::Start(tag) if !is_inline(tag.to_end()));
    let empty_paragraph = [Event::Start(Tag::Paragraph), Event::End(TagEnd::Paragraph)];
    with_aid_after_lists(events, is_block, &empty_paragraph)
}

/// `events` with an HTML block of an empty comment (`<!-- -->`, which shows nothing) between
/// each list's or block quote's end and the inline text right after it; `None` where there is
/// no such place.
///
/// Such text is a tight item's own, after a list or quote nested in the item: where the
/// nested block ends in a paragraph, written as it is the text would read as that
/// paragraph's lazy continuation (`- 1. A table's replacement.` then `  text`, the item's
/// text under the nested item). A page has it after a block that is no paragraph (a table,
/// which a paragraph replaces in the prose). A blank line would end the paragraph too, but
/// would make the item loose; a comment, a block that interrupts a paragraph, leaves it tight.
fn with_comments_before_lazy_text<'a>(events: &[Event<'a>]) -> Option<Vec<Event<'a>>> {
    let comment = [
        Event::Start(Tag::HtmlBlock),
        Event::Html("<!-- -->\n".into()),
        Event::End(TagEnd::HtmlBlock),
    ];
    with_aid_after_lists(events, is_inline_event, &comment)
}

/// `events` with `aid` between each list's or block quote's end and the event right after it
/// where `follows` takes that event; `None` where there is no such place.
fn with_aid_after_lists<'a>(
    events: &[Event<'a>],
    follows: impl Fn(&Event<'a>) -> bool,
    aid: &[Event<'a>],
) -> Option<Vec<Event<'a>>> {
    let mut aided = Vec::with_capacity(events.len() + aid.len());
    for event in events {
        if follows(event)
            && matches!(aided.last(), Some(Event::End(TagEnd::List(_) | TagEnd::BlockQuote(_))))
        {
            aided.extend_from_slice(aid);
        }
        aided.push(event.clone());
    }
    (aided.len() > events.len()).then_some(aided)
}

/// Where a block or an emphasis starts or ends, a thematic break, a line of an HTML block
/// (trimmed), or the text between (its characters but whitespace, code spans' and footnote
/// references' included).
#[derive(Clone, Debug, PartialEq)]
enum Mark {
    Start(TagEnd),
    End(TagEnd),
    Rule,
    Html(String),
    Text(String),
}

/// The blocks of `events`, as where each starts and ends, in order, without inline markup but
/// emphasis and without empty paragraphs (which are written as nothing), the lines of each
/// HTML block, and the text between: a line the writer puts where it reads as text of the
/// paragraph before (`<Warning>` right under a nested list) leaves the blocks as they were where
/// the line after it starts an HTML block of its own (a comment).
fn blocks<'a, E: Borrow<Event<'a>>>(events: impl IntoIterator<Item = E>) -> Vec<Mark> {
    let mut blocks = Vec::new();
    // Whether the last mark is a paragraph's start with nothing in it yet.
    let mut empty = false;
    // The text since the last mark, but whitespace.
    let mut text = String::new();
    for event in events {
        let mark = match event.borrow() {
            Event::Start(tag) => Mark::Start(tag.to_end()),
            Event::End(end) => Mark::End(*end),
            Event::Rule => Mark::Rule,
            Event::Html(line) if !line.trim().is_empty() => Mark::Html(line.trim().to_owned()),
            other => {
                match other {
                    Event::Text(part) | Event::Code(part) => {
                        text.extend(part.chars().filter(|c| !c.is_whitespace()))
                    }
                    // As written: read back alone, away from its definition, it is that text.
                    Event::FootnoteReference(label) => {
                        text.push_str("[^");
                        text.extend(label.chars().filter(|c| !c.is_whitespace()));
                        text.push(']');
                    }
                    _ => {}
                }
                empty = false;
                continue;
            }
        };
        match mark {
            Mark::Start(end) | Mark::End(end) if is_inline(end) && !is_emphasis(end) => {
                empty = false
            }
            Mark::End(TagEnd::Paragraph) if empty => {
                blocks.pop();
                empty = false;
            }
            mark => {
                if !text.is_empty() {
                    blocks.push(Mark::Text(std::mem::take(&mut text)));
                }
                empty = mark == Mark::Start(TagEnd::Paragraph);
                blocks.push(mark);
            }
        }
    }
    if !text.is_empty() {
        blocks.push(Mark::Text(text));
    }
    blocks
}

/// Whether `end` ends an emphasis, a strong emphasis or a strikethrough.
fn is_emphasis(end: TagEnd) -> bool {
    matches!(end, TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough)
}

/// Whether `end` ends inline markup, not a block.
pub(super) fn is_inline(end: TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

/// Whether `event` is inline: text, or inline markup's start or end.
pub(super) fn is_inline_event(event: &Event<'_>) -> bool {
    match event {
        Event::Start(tag) => is_inline(tag.to_end()),
        Event::End(end) => is_inline(*end),
        Event::Text(_)
        | Event::Code(_)
        | Event::InlineHtml(_)
        | Event::InlineMath(_)
        | Event::DisplayMath(_)
        | Event::FootnoteReference(_)
        | Event::SoftBreak
        | Event::HardBreak
        | Event::TaskListMarker(_) => true,
        Event::Html(_) | Event::Rule => false,
    }
}

/// `events` cut into their top-level blocks, each from its start to its end.
fn top_level_blocks<'e, 'a>(events: &'e [Event<'a>]) -> impl Iterator<Item = &'e [Event<'a>]> {
    let mut depth = 0usize;
    let mut start = 0;
    let mut ranges = Vec::new();
    for (index, event) in events.iter().enumerate() {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth == 0 {
            ranges.push(start..index + 1);
            start = index + 1;
        }
    }
    ranges.into_iter().map(move |range| &events[range])
}

/// The text and code of `events`, joined.
fn plain(events: &[Event<'_>]) -> String {
    let texts = events.iter().filter_map(|event| match event {
        Event::Text(text) | Event::Code(text) => Some(text.as_ref()),
        _ => None,
    });
    texts.collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A top-level block written alone keeps the whitespace the page starts it with, other
    /// than line breaks: a form feed trimmed, `\u{c}> a` read as a quote, whose next line
    /// clippy denies as a lazy continuation (found by the fuzzer). The list after it, a rule in
    /// nested items, is one no way writes, so the blocks are written one by one (the list as
    /// its plain text, which a rule has none of).
    #[test]
    fn a_block_written_alone_keeps_the_whitespace_it_starts_with() {
        for start in ["\u{c}", "\u{a0}", "\u{3000}"] {
            let page = format!("{start}> a\nb\n\n- - - ***\n");
            let events: Vec<Event<'_>> = Parser::new_ext(&page, PARSER_OPTIONS).collect();
            let written = markdown(&events);
            assert_eq!(written, format!("{start}> a\nb"));
        }
        // Spaces the page's text starts with are written as an entity, so that no whitespace
        // the trimming keeps is the writer's own.
        assert_eq!(escape("  x"), "&#32; x");
    }

    /// A numbered list is written numbered as the page numbers it (the steps of a protocol,
    /// from 12), where the writer would write each item with the first's number; past
    /// 999,999,999, where a tenth digit would make no item, the writer numbers no further.
    #[test]
    fn numbered_items_are_written_with_the_numbers_the_page_gives_them() {
        let written = |page: &str| {
            let events: Vec<Event<'_>> = Parser::new_ext(page, PARSER_OPTIONS).collect();
            markdown(&events)
        };
        assert_eq!(written("12. a\n13. b\n14. c\n"), "12. a\n13. b\n14. c");
        assert_eq!(written("1. a\n1. b\n"), "1. a\n2. b");
        assert_eq!(
            written("999999998. a\n1. b\n1. c\n"),
            "999999998. a\n999999999. b\n999999999. c"
        );
    }
}
