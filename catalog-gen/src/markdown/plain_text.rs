//! A cell's plain text: what the rendered page shows of its inline events, as the accessors
//! return it.

use std::ops::Range;
use std::sync::Arc;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::{
    CellExtras, is_anchor, is_anchor_close, is_block_tag, is_comment, is_formatting_tag,
    is_line_break,
};
use crate::scan;

/// The plain text of inline events: escapes resolved, link text kept, emphasis and link
/// markup dropped, invisible `<a name>` anchors dropped, `<br>` as a line break (without the
/// spaces around it, which show nothing), the tags of
/// HTML's formatting elements dropped as emphasis is (`<code>404</code>` is `404`, as the page
/// shows it), the tags of blocks as the ends of lines (`<dt>A</dt> <dt>B</dt>` is `A` and `B`,
/// one a line), comments dropped (they show nothing), other inline HTML kept as written;
/// trimmed.
pub fn plain_text(events: &[(Event<'_>, Range<usize>)]) -> String {
    // Allocated once at its final size or a little more, not grown.
    let size = events.iter().map(|(event, _)| match event {
        Event::Text(part) | Event::Code(part) | Event::InlineHtml(part) | Event::Html(part) => {
            part.len()
        }
        Event::FootnoteReference(label) => label.len() + 3,
        _ => 1,
    });
    let mut text = String::with_capacity(size.sum());
    push_plain_text(events, &mut text);
    trim_from(&mut text, 0);
    text
}

/// Trims the whitespace at both ends of what `text` holds from `start` on, in place: no copy
/// of a text made only to be trimmed.
pub(crate) fn trim_from(text: &mut String, start: usize) {
    let end = start + scan::trim_end(&text[start..]).len();
    text.truncate(end);
    let leading = text[start..].len() - scan::trim_start(&text[start..]).len();
    text.drain(start..start + leading);
}

/// [`plain_text`] made in `scratch` and shared, with the cell's [extras](CellExtras): its
/// `anchor`, and where it has a picture, its words without it (told in the same pass, as
/// few cells have one). A cell's text is made once into a buffer the page's reader reuses,
/// then copied once where the page and the variant share it (made in a `String` of its own,
/// it would be allocated and freed for every cell).
pub(super) fn text_and_extras(
    events: &[(Event<'_>, Range<usize>)],
    anchor: Option<Box<str>>,
    scratch: &mut String,
) -> (Arc<str>, Option<Box<CellExtras>>) {
    scratch.clear();
    let has_picture = push_plain_text(events, scratch);
    let text = Arc::from(scan::trim(scratch));
    let without_pictures = if has_picture { without_pictures(events) } else { None };
    (text, CellExtras { anchor, without_pictures }.boxed())
}

/// Of inline `events` with a picture (`![warning](w.png) Disk full`), their [`plain_text`]
/// without the pictures' alt text (`Disk full`), which the page shows as a picture; `None`
/// where that is nothing: a picture alone is known by its alt text.
fn without_pictures(events: &[(Event<'_>, Range<usize>)]) -> Option<Box<str>> {
    // Alt text may hold a picture of its own: its events end at the outermost's end.
    let mut depth = 0usize;
    let words: Vec<(Event<'_>, Range<usize>)> = events
        .iter()
        .filter(|(event, _)| {
            match event {
                Event::Start(Tag::Image { .. }) => depth += 1,
                Event::End(TagEnd::Image) => {
                    depth -= 1;
                    return false;
                }
                _ => {}
            }
            depth == 0
        })
        .cloned()
        .collect();
    let words = plain_text(&words);
    (!words.is_empty()).then(|| words.into())
}

/// Appends the plain text of `events` to `text`, untrimmed; whether they hold a picture.
fn push_plain_text(events: &[(Event<'_>, Range<usize>)], text: &mut String) -> bool {
    let mut has_picture = false;
    let mut skip_anchor_close = false;
    // After a block's tag, the next text starts a line: the spaces before it show nothing.
    let mut line_start = false;
    for (event, _) in events {
        match event {
            // Most text is no line's start: pushed as it is, the check of spaces spared.
            Event::Text(part) | Event::Code(part) if !line_start => text.push_str(part),
            Event::Text(part) | Event::Code(part) => push_text(text, part, &mut line_start),
            Event::InlineHtml(html) | Event::Html(html) => {
                if is_anchor(html) {
                    skip_anchor_close = true;
                    continue;
                }
                if skip_anchor_close && is_anchor_close(html) {
                    skip_anchor_close = false;
                    continue;
                }
                if is_line_break(html) {
                    break_line(text);
                    line_start = true;
                } else if is_block_tag(html) {
                    end_line(text);
                    line_start = true;
                } else if !is_formatting_tag(html) && !is_comment(html) {
                    push_text(text, html, &mut line_start);
                }
            }
            Event::SoftBreak if !line_start => text.push(' '),
            Event::HardBreak => text.push('\n'),
            Event::FootnoteReference(label) => {
                line_start = false;
                text.push_str("[^");
                text.push_str(label);
                text.push(']');
            }
            Event::Start(Tag::Image { .. }) => has_picture = true,
            _ => {}
        }
        skip_anchor_close = false;
    }
    has_picture
}

/// Appends `part`, without the spaces it starts with where it starts a line after a block
/// (`line_start`, which the first text it pushes ends). Out of line, as is [`end_line`]: few
/// cells hold blocks, and the reading of every other cell stays small enough to inline.
#[cold]
#[inline(never)]
fn push_text(text: &mut String, part: &str, line_start: &mut bool) {
    let part = match *line_start {
        true => scan::trim_start(part),
        false => part,
    };
    if !part.is_empty() {
        *line_start = false;
        text.push_str(part);
    }
}

/// Ends the line `text` ends with at a `<br>`, its trailing spaces dropped, as a browser
/// shows none at the end of a line (`state. <br />` in Microsoft's Win32 reference): one line
/// break for each `<br>`, so that two leave an empty line between, as the page shows them.
#[cold]
#[inline(never)]
fn break_line(text: &mut String) {
    let kept = text.trim_end_matches([' ', '\t']).len();
    text.truncate(kept);
    text.push('\n');
}

/// Ends the line `text` ends with, at a block's tag: its trailing spaces dropped, and a line
/// break after it where it has text and none yet (`<dt>A</dt> <dt>B</dt>` is `A` and `B`, one
/// a line, as the page shows them).
#[cold]
#[inline(never)]
fn end_line(text: &mut String) {
    let kept = text.trim_end_matches([' ', '\t']).len();
    text.truncate(kept);
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
}
