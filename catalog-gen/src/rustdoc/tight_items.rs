//! A table in an item of a tight list, replaced in the prose by a paragraph.
//!
//! pulldown-cmark gives a tight list's items their text without paragraphs (`1. Step:` over a
//! table: the item's text, then the table). A paragraph put in place of the table beside that
//! text is a shape no Markdown reads back as: written, the item reads as a loose one of two
//! paragraphs, so the prose fell back to its plain text, which lost the list, the link to the
//! enum and the line between (`Step:The table is generated as E.`). In a tight item the
//! replacement is put inline instead, on a line of its own: a hard break before it where text
//! precedes it, and before the text that follows it.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::written::{is_inline, is_inline_event};

/// The blocks open as a page's events are walked, and whether inline text that follows needs
/// a line of its own.
#[derive(Default)]
pub(super) struct TightItems {
    /// For each block open, where it is a list, the index of its start among the page's events.
    open: Vec<Option<usize>>,
    /// Whether a replacement was put inline, so that inline text after it needs a break.
    break_pending: bool,
}

impl TightItems {
    /// Follows the page's event at `at` in `events`, which is pushed onto the prose (unless
    /// dropped: an item path's link); `prose`, the events so far, gets the break a replacement
    /// put inline leaves before it.
    pub(super) fn follow<'a>(
        &mut self,
        events: &[(Event<'a>, Range<usize>)],
        at: usize,
        prose: &mut Vec<Event<'a>>,
    ) {
        let event = &events[at].0;
        match event {
            Event::Start(tag) if !is_inline(tag.to_end()) => {
                self.open.push(matches!(tag, Tag::List(_)).then_some(at));
            }
            Event::End(end) if !is_inline(*end) => {
                self.open.pop();
            }
            _ => {}
        }
        if std::mem::take(&mut self.break_pending) && is_inline_event(event) {
            prose.push(Event::HardBreak);
        }
    }

    /// Puts `block`, a paragraph in place of a table, onto `prose`: inline where the table
    /// stood in an item of a tight list among the page's `events`, else as it is.
    pub(super) fn put<'a>(
        &mut self,
        events: &[(Event<'a>, Range<usize>)],
        block: &[Event<'a>],
        prose: &mut Vec<Event<'a>>,
    ) {
        let in_tight_item = match self.open[..] {
            [.., Some(list), None] => is_tight(events, list),
            _ => false,
        };
        let inline = match block {
            [Event::Start(Tag::Paragraph), inline @ .., Event::End(TagEnd::Paragraph)]
                if in_tight_item =>
            {
                inline
            }
            _ => {
                prose.extend(block.iter().cloned());
                return;
            }
        };
        if prose.last().is_some_and(is_inline_event) {
            prose.push(Event::HardBreak);
        }
        prose.extend(inline.iter().cloned());
        self.break_pending = true;
    }
}

/// Whether the list that starts at `list` among `events` is tight, as its items' text shows:
/// an item holds text without a paragraph (pulldown-cmark gives a loose list's text in
/// paragraphs). A list whose items hold no text of their own, only blocks (a table, an HTML
/// block), tells nothing, and a paragraph in place of its table reads back as one, loose or not.
fn is_tight(events: &[(Event<'_>, Range<usize>)], list: usize) -> bool {
    let mut depth = 0usize;
    for (event, _) in &events[list + 1..] {
        // Depth 1 is inside an item: what is there is the item's own.
        if depth == 1 && is_inline_event(event) {
            return true;
        }
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) if depth == 0 => return false,
            Event::End(_) => depth -= 1,
            _ => {}
        }
    }
    false
}
