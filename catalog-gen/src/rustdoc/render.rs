//! Events made rustdoc's Markdown, then written ([`written`]): anchors dropped (and what they
//! leave: spaces at a line's end, breaks, empty paragraphs), links and images made absolute and
//! inline, code blocks fenced as text, and runs that would read otherwise once side by side
//! joined, or written as HTML.

use std::borrow::Cow;

use pulldown_cmark::{BlockQuoteKind, CodeBlockKind, CowStr, Event, LinkType, Tag, TagEnd};
use url::Url;

use super::{absolute, written};
use crate::markdown::{self, PARSER_OPTIONS};

/// Drops the spaces that `kept` ends with, where a line ends: a line that ended with an anchor
/// after two spaces or more (`` `Name`  <a name="name"></a> ``, as every property of
/// CloudFormation's reference pages starts), the anchor dropped, would end with the spaces,
/// which make a hard break, where GitHub shows a soft one. (pulldown-cmark gives no text that
/// ends in spaces before a line end otherwise.)
fn trim_spaces_at_line_end(kept: &mut Vec<Event<'_>>) {
    // Text of only spaces is dropped, and the text before it looked at: the spaces around
    // several anchors dropped are as many texts.
    while let Some(Event::Text(text)) = kept.last_mut() {
        let trimmed = text.trim_end_matches([' ', '\t']);
        if !trimmed.is_empty() {
            if trimmed.len() < text.len() {
                *text = trimmed.to_owned().into();
            }
            return;
        }
        kept.pop();
    }
}

/// How a re-rendered link is written: a reference-style one (`[text][1]`, with `[1]: url` on
/// a line of its own) inline, `[text](url)`. A cell's rustdoc is followed on its line by more
/// text (the name after the code: `[1]: url: Name` is no definition), and sits beside other
/// cells whose `[1]` may be another link.
fn written_inline(link_type: LinkType) -> LinkType {
    match link_type {
        LinkType::Autolink | LinkType::Email => link_type,
        _ => LinkType::Inline,
    }
}

pub(super) fn render(events: Vec<Event<'_>>, base: &Url) -> String {
    let events = super::scripts::without_scripts(disallowed_html_as_text(events));
    let mut kept = Vec::with_capacity(events.len());
    let mut in_anchor = false;
    // Whether an anchor was dropped since the last event kept.
    let mut anchor_dropped = false;
    // Whether the last event was a blank comment, dropped.
    let mut comment_dropped = false;
    for event in events {
        // Only the event right after an anchor's start can be its end.
        let was_in_anchor = std::mem::take(&mut in_anchor);
        let after_comment = std::mem::take(&mut comment_dropped);
        if event == Event::SoftBreak {
            trim_spaces_at_line_end(&mut kept);
        }
        let event = match event {
            Event::InlineHtml(html) => Event::InlineHtml(html_targets_absolute(html, base)),
            Event::Html(html) => Event::Html(html_targets_absolute(html, base)),
            other => other,
        };
        let event = match event {
            Event::InlineHtml(html) if markdown::is_anchor(&html) => {
                in_anchor = true;
                anchor_dropped = true;
                continue;
            }
            // A comment of nothing shows nothing, and says nothing to a reader of the source:
            // an MDX page's JSX comment, read as one (`markdown::mdx::comments`). Dropped as an
            // anchor is.
            Event::InlineHtml(html) if markdown::is_blank_comment(&html) => {
                anchor_dropped = true;
                comment_dropped = true;
                continue;
            }
            // A line of an HTML block: dropped where it is only an anchor, kept whole (anchor
            // and all) where it shows more.
            Event::Html(html) if markdown::is_anchor_line(&html) => {
                // `<a id="x"></a>` closes itself: no line after it is its end.
                let line = html.trim_end();
                let closed = line.get(line.len().saturating_sub(4)..);
                in_anchor = !closed.is_some_and(markdown::is_anchor_close);
                anchor_dropped = true;
                continue;
            }
            Event::InlineHtml(html) | Event::Html(html)
                if was_in_anchor && markdown::is_anchor_close(&html) =>
            {
                continue;
            }
            Event::Start(Tag::Link { link_type, dest_url, title, .. }) => {
                let (link_type, id) = (written_inline(link_type), CowStr::Borrowed(""));
                Event::Start(Tag::Link { link_type, dest_url: absolute(dest_url, base), title, id })
            }
            Event::Start(Tag::Image { link_type, dest_url, title, .. }) => {
                let (link_type, id) = (written_inline(link_type), CowStr::Borrowed(""));
                Event::Start(Tag::Image {
                    link_type,
                    dest_url: absolute(dest_url, base),
                    title,
                    id,
                })
            }
            Event::Start(Tag::CodeBlock(_)) => {
                Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced("text".into())))
            }
            Event::Start(Tag::BlockQuote(Some(kind))) => {
                // GitHub shows an alert's tag as the quote's title (`> [!NOTE]`, "Note");
                // rustdoc has no alerts and would show the tag as text.
                kept.extend(alert_title(kind));
                continue;
            }
            Event::End(TagEnd::BlockQuote(Some(_))) => Event::End(TagEnd::BlockQuote(None)),
            // Two code spans, or two runs of the same emphasis, side by side (`*a*_b_`, or an
            // anchor between them dropped) show as one, and are written as one: side by side,
            // their backticks or delimiters would read as one run (`` `a``b` ``, one code span
            // that shows the backticks; `*a**b*`, one emphasis that shows the asterisks).
            Event::Code(code) if matches!(kept.last(), Some(Event::Code(_))) => {
                if let Some(Event::Code(before)) = kept.pop() {
                    kept.push(Event::Code(format!("{before}{code}").into()));
                }
                continue;
            }
            Event::Start(tag @ (Tag::Emphasis | Tag::Strong | Tag::Strikethrough))
                if kept.last() == Some(&Event::End(tag.to_end())) =>
            {
                kept.pop();
                continue;
            }
            Event::InlineHtml(html)
                if matches!(kept.last(), Some(Event::SoftBreak))
                    && interrupts_a_paragraph(&html) =>
            {
                // Inline HTML that starts a line of a paragraph (a comment, `<div>`, after
                // spaces that made it no block), written at the line's start, would start an
                // HTML block: the line end before it is written as the space it shows as.
                kept.pop();
                kept.push(Event::Text(" ".into()));
                Event::InlineHtml(html)
            }
            Event::HardBreak
                if matches!(kept.last(), Some(Event::SoftBreak | Event::HardBreak)) =>
            {
                // A line of just `\` (a break where a line starts: Azure PowerShell's help
                // pages) is written by pulldown-cmark-to-cmark as two spaces on a line of their
                // own, a blank line, which ends the paragraph. `<br>` breaks the line as well.
                Event::InlineHtml("<br>".into())
            }
            Event::SoftBreak
                if matches!(kept.last(), Some(Event::SoftBreak | Event::HardBreak)) =>
            {
                // A line of only an anchor, dropped: two line ends in a row would write a
                // blank line, which ends the paragraph.
                continue;
            }
            Event::HardBreak if starts_inline_text(kept.last()) && !anchor_dropped => {
                // A first line of just `\` (an item `*  \`, in Kubernetes' meeting notes)
                // shows as a break before the text: `<br>`, which the writer cannot drop.
                Event::InlineHtml("<br>".into())
            }
            Event::SoftBreak | Event::HardBreak if starts_inline_text(kept.last()) => {
                // The line began with an anchor, dropped: its text begins a line now.
                continue;
            }
            Event::End(end @ (TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough)) => {
                end_emphasis(&mut kept, end);
                continue;
            }
            Event::Text(text)
                if matches!(
                    kept.last(),
                    Some(Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough))
                ) && text.starts_with(char::is_whitespace) =>
            {
                // An emphasis that starts with a space after an anchor, dropped (`*<a
                // name="x"></a> a*`): `* a*` would be text. The space is as well before it.
                let content = text.trim_start();
                let space = text[..text.len() - content.len()].to_owned();
                let start = kept.pop().expect("an emphasis");
                kept.extend([Event::Text(space.into()), start]);
                if content.is_empty() {
                    continue;
                }
                Event::Text(content.to_owned().into())
            }
            Event::End(end @ (TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item)) => {
                // The line ended with an anchor, dropped: a break left at the text's end is
                // one pulldown-cmark-to-cmark cannot write (`Unrepresentable`).
                while matches!(kept.last(), Some(Event::SoftBreak | Event::HardBreak)) {
                    kept.pop();
                }
                // Nor do spaces before a comment dropped at its end show.
                if after_comment {
                    trim_spaces_at_line_end(&mut kept);
                }
                // A paragraph of only anchors is none; in a container, an empty one is
                // `Unrepresentable` too.
                if end == TagEnd::Paragraph
                    && matches!(kept.last(), Some(Event::Start(Tag::Paragraph)))
                {
                    kept.pop();
                    continue;
                }
                Event::End(end)
            }
            other => other,
        };
        anchor_dropped = false;
        kept.push(event);
    }
    emphasis_markdown_cannot_write_as_html(&mut kept);
    written::markdown(&kept)
}

/// `events` with the raw HTML GFM's tagfilter disallows (`<script>`, `<style>`,
/// [`markdown::disallowed_tags`]) shown as text, as GitHub shows it: rustdoc passes raw HTML on
/// as it is, where a script would run and a style restyle the whole page.
///
/// Such a tag inline is its text. An HTML block that starts with one (the `<script setup>` at
/// the top of a VitePress page) is its lines' text, as a paragraph: written with the tag's `<`
/// as `&lt;`, as GitHub writes it, its first line would start no HTML block where rustdoc reads
/// it again. In another HTML block, the tag's `<` is written `&lt;`.
fn disallowed_html_as_text(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let disallowed = |html: &str| markdown::disallowed_tags(html).next().is_some();
    let any = events.iter().any(
        |event| matches!(event, Event::Html(html) | Event::InlineHtml(html) if disallowed(html)),
    );
    if !any {
        return events;
    }
    let mut shown = Vec::with_capacity(events.len());
    // Whether the events are in an HTML block shown as a paragraph of its text.
    let mut as_text = false;
    let mut events = events.into_iter().peekable();
    while let Some(event) = events.next() {
        let event = match event {
            Event::Start(Tag::HtmlBlock) => {
                as_text = events.peek().is_some_and(|first| {
                    matches!(first, Event::Html(line)
                        if markdown::disallowed_tags(line.trim_start()).next() == Some(0))
                });
                if as_text { Event::Start(Tag::Paragraph) } else { Event::Start(Tag::HtmlBlock) }
            }
            Event::End(TagEnd::HtmlBlock) if std::mem::take(&mut as_text) => {
                Event::End(TagEnd::Paragraph)
            }
            Event::Html(line) if as_text => {
                let line = line.trim();
                if line.is_empty() {
                    continue;
                }
                if !matches!(shown.last(), Some(Event::Start(Tag::Paragraph))) {
                    shown.push(Event::SoftBreak);
                }
                Event::Text(line.to_owned().into())
            }
            Event::Html(line) => match markdown::tag_filtered(&line) {
                Cow::Borrowed(_) => Event::Html(line),
                Cow::Owned(filtered) => Event::Html(filtered.into()),
            },
            Event::InlineHtml(html) if disallowed(&html) => Event::Text(html),
            other => other,
        };
        shown.push(event);
    }
    shown
}

/// `html` with the relative targets of its links and images ([`markdown::link_targets`])
/// [made absolute](absolute) against `base`, as a Markdown link's are.
fn html_targets_absolute<'a>(html: CowStr<'a>, base: &Url) -> CowStr<'a> {
    let targets = markdown::link_targets(&html);
    if targets.is_empty() {
        return html;
    }
    let mut made = String::with_capacity(html.len() + 64);
    let mut copied = 0;
    for target in targets {
        made.push_str(&html[copied..target.start]);
        let url = absolute(html[target.clone()].into(), base);
        // A quote in the URL (from the page's own URL: `'` is kept in a path) would end the
        // value in its quotes early: the target is kept as written.
        let quote = html[..target.start].chars().next_back().filter(|c| matches!(c, '"' | '\''));
        let fits = quote.is_none_or(|quote| !url.contains(quote));
        made.push_str(if fits { &url } else { &html[target.clone()] });
        copied = target.end;
    }
    made.push_str(&html[copied..]);
    made.into()
}

/// The start of a plain quote that shows an alert of `kind` as GitHub titles it: a first
/// paragraph of its name in bold.
fn alert_title(kind: BlockQuoteKind) -> [Event<'static>; 6] {
    let title = match kind {
        BlockQuoteKind::Note => "Note",
        BlockQuoteKind::Tip => "Tip",
        BlockQuoteKind::Important => "Important",
        BlockQuoteKind::Warning => "Warning",
        BlockQuoteKind::Caution => "Caution",
    };
    [
        Event::Start(Tag::BlockQuote(None)),
        Event::Start(Tag::Paragraph),
        Event::Start(Tag::Strong),
        Event::Text(title.into()),
        Event::End(TagEnd::Strong),
        Event::End(TagEnd::Paragraph),
    ]
}

/// Writes as HTML (`<em>`, `<strong>`, `<del>`) each emphasis, strong emphasis or
/// strikethrough that Markdown cannot write where it is, which pulldown-cmark-to-cmark 23
/// writes as delimiters that read otherwise:
/// - right after a strong one, or the other way round (`**/LINKREPRO:**_path_`, in cpp-docs,
///   written `**/LINKREPRO:***path*`, one run of asterisks between them);
/// - right inside one of its own kind, at its start or end (`__**a** b__`, written
///   `****a** b**`);
/// - right after a letter or digit (`&amp<a name="x"></a>*`a`*`, its anchor dropped) or right
///   before one, with punctuation at that edge inside it: a `*` between a letter and a
///   backtick neither opens nor closes an emphasis.
///
/// One between letters (`a*b*c`), or between punctuation (`**(x)**:`), is Markdown still.
/// (Runs of the same emphasis side by side are one by then: [`render`] joins them.)
fn emphasis_markdown_cannot_write_as_html(kept: &mut [Event<'_>]) {
    let is_word = |event: Option<&Event<'_>>, last: bool| match event {
        Some(Event::Text(text)) => {
            let edge = if last { text.chars().next_back() } else { text.chars().next() };
            edge.is_some_and(char::is_alphanumeric)
        }
        _ => false,
    };
    let mut open: Vec<usize> = Vec::new();
    for at in 0..kept.len() {
        match &kept[at] {
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough) => open.push(at),
            Event::End(end @ (TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough)) => {
                let end = *end;
                let Some(start) = open.pop() else { continue };
                let before = start.checked_sub(1).and_then(|before| kept.get(before));
                let after = kept.get(at + 1);
                // An emphasis right after another (of the other kind: the same is joined).
                let after_other = end != TagEnd::Strikethrough
                    && matches!(before, Some(Event::End(TagEnd::Emphasis | TagEnd::Strong)));
                // One of the same kind right inside another, at its start or end: four
                // asterisks in a row (`__**a** b__` written `****a** b**`) are one run.
                let same = |event: Option<&Event<'_>>| match event {
                    Some(Event::Start(tag)) => tag.to_end() == end,
                    Some(Event::End(outer)) => *outer == end,
                    _ => false,
                };
                let inside_same = same(before) || same(after);
                // A delimiter between a letter outside and punctuation inside.
                let tight_start = is_word(before, true) && !is_word(kept.get(start + 1), false);
                let tight_end = is_word(after, false) && !is_word(kept.get(at - 1), true);
                if after_other || inside_same || tight_start || tight_end {
                    kept[start] = Event::InlineHtml(html_tag(end, false).into());
                    kept[at] = Event::InlineHtml(html_tag(end, true).into());
                }
            }
            _ => {}
        }
    }
}

/// Whether a line that starts with `html` would start an HTML block in a paragraph (`<div>`,
/// `<pre>`, a comment: CommonMark's kinds 1 to 6), asked of the parser, not of a list of tags.
fn interrupts_a_paragraph(html: &str) -> bool {
    let text = format!("a\n{}\n", html.lines().next().unwrap_or_default().trim_start());
    let mut events = pulldown_cmark::Parser::new_ext(&text, PARSER_OPTIONS);
    events.any(|event| matches!(event, Event::Start(Tag::HtmlBlock)))
}

/// Ends the emphasis (or strong emphasis, or strikethrough) that `end` ends, at the end of
/// `kept`, so that Markdown can write it as the page shows it. One that ended in a space
/// before an anchor, dropped (`*a <a name="x"></a>*`) would be text as `*a *`: the space is
/// as well after it. One around only anchors, and spaces, is none: `**` would be text.
fn end_emphasis(kept: &mut Vec<Event<'_>>, end: TagEnd) {
    let mut space = String::new();
    while let Some(Event::Text(text)) = kept.last_mut() {
        let content = text.trim_end();
        if content.len() == text.len() {
            break;
        }
        space.insert_str(0, &text[content.len()..]);
        if !content.is_empty() {
            *text = content.to_owned().into();
            break;
        }
        kept.pop();
    }
    if kept.last() == Some(&Event::Start(opening(end))) {
        kept.pop();
    } else {
        kept.push(Event::End(end));
    }
    if !space.is_empty() {
        kept.push(Event::Text(space.into()));
    }
}

/// The HTML tag that starts, or `closes`, the emphasis, strong emphasis or strikethrough that
/// `end` ends.
pub(super) fn html_tag(end: TagEnd, closes: bool) -> &'static str {
    match (end, closes) {
        (TagEnd::Strong, false) => "<strong>",
        (TagEnd::Strong, true) => "</strong>",
        (TagEnd::Strikethrough, false) => "<del>",
        (TagEnd::Strikethrough, true) => "</del>",
        (_, false) => "<em>",
        (_, true) => "</em>",
    }
}

/// The start of the emphasis that `end` ends.
fn opening(end: TagEnd) -> Tag<'static> {
    match end {
        TagEnd::Strong => Tag::Strong,
        TagEnd::Strikethrough => Tag::Strikethrough,
        _ => Tag::Emphasis,
    }
}

/// Whether inline text after `event` starts a line: after the start of a paragraph, a
/// heading or a list item (a tight list's items hold their text with no paragraph), or after
/// a block's end (text in a tight list item, after an HTML block in it).
fn starts_inline_text(event: Option<&Event<'_>>) -> bool {
    match event {
        Some(Event::Start(tag)) => matches!(tag, Tag::Paragraph | Tag::Heading { .. } | Tag::Item),
        Some(Event::End(end)) => !written::is_inline(*end),
        _ => false,
    }
}
