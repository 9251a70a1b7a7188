//! What a cell's Markdown is, as the model asks of a key cell: a list of codes in code spans
//! (`` `A`, `B` ``), lines between line breaks (`400<br>403`), or one link (`[20003](20003.md)`).

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::{Cell, Kept, PARSER_OPTIONS, html, is_anchor_close, link_href};

/// The codes a cell's Markdown lists, each in a code span, where it is a list of two or more and
/// nothing else: `` `warming_up`, `warming_up_daily` ``, as pages write the codes that share a
/// row (also with `/` or `or` between them). `None` for any other cell.
#[inline]
pub fn listed_code_spans(markdown: &str) -> Option<Vec<String>> {
    let listed = listed_code_span_ranges(markdown)?;
    Some(listed.into_iter().map(|(code, _)| code).collect())
}

/// [`listed_code_spans`] with where each code span is in `markdown` (its backticks included).
#[inline]
pub fn listed_code_span_ranges(markdown: &str) -> Option<Vec<(String, Range<usize>)>> {
    // Most cells are no list: told by their first and last bytes (a cell's Markdown is
    // trimmed of spaces), not parsed.
    let bytes = markdown.as_bytes();
    if bytes.last() != Some(&b'`') || bytes.first() != Some(&b'`') {
        return None;
    }
    parse_code_span_list(markdown)
}

/// Where each line of a cell of several lines (`400<br>403`) is in its `markdown`, trimmed:
/// the text between line breaks (`<br>` and the like, [`html::is_line_break`]). `None` for a
/// cell of one line, or where a line is empty, as two breaks in a row leave one.
pub fn line_ranges(markdown: &str) -> Option<Vec<Range<usize>>> {
    if !markdown.contains('<') {
        return None;
    }
    let mut lines = Vec::new();
    let mut start = 0;
    for (event, range) in Parser::new_ext(markdown, PARSER_OPTIONS).into_offset_iter() {
        if let Event::InlineHtml(html) = event
            && html::is_line_break(&html)
        {
            lines.push(start..range.start);
            start = range.end;
        }
    }
    lines.push(start..markdown.len());
    let trimmed = |range: Range<usize>| {
        let line = &markdown[range.clone()];
        let start = range.start + (line.len() - line.trim_start().len());
        start..start + line.trim().len()
    };
    let lines: Vec<Range<usize>> = lines.into_iter().map(trimmed).collect();
    (lines.len() > 1 && lines.iter().all(|line| !line.is_empty())).then_some(lines)
}

/// Whether `gap`, the text between two codes of a cell, lists them: a comma, a slash or `or`
/// (`` `A` / `B` ``, `400, 422`), spaces around it.
pub fn is_list_separator(gap: &str) -> bool {
    matches!(gap.trim(), "," | "/" | "or" | ", or")
}

/// [`listed_code_span_ranges`] of a cell that starts and ends with a backtick.
#[cold]
fn parse_code_span_list(markdown: &str) -> Option<Vec<(String, Range<usize>)>> {
    let is_separator = is_list_separator;
    let mut codes = Vec::new();
    let mut gap = String::new();
    for (event, range) in Parser::new_ext(markdown, PARSER_OPTIONS).into_offset_iter() {
        match event {
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {}
            Event::Text(text) => gap.push_str(&text),
            Event::Code(code) => {
                let between = !codes.is_empty();
                if (between && !is_separator(&gap)) || (!between && !gap.trim().is_empty()) {
                    return None;
                }
                gap.clear();
                codes.push((code.into_string(), range));
            }
            _ => return None,
        }
    }
    (codes.len() > 1 && gap.trim().is_empty()).then_some(codes)
}

/// The target of the one link that is all of `cell` (`[20003](errors/20003.md)`, as pages
/// link each code to a page of its own, or `[20003][1]` with the page's definition of `1`),
/// as the page writes it; `None` for any other cell.
pub fn whole_link(source: &str, cell: &Cell<'_>) -> Option<String> {
    match &cell.kept {
        // A reference-style link's target is the page's definition, which its events have.
        Kept::Events(events) | Kept::EventsOnly(events) => {
            let events: Vec<&Event<'_>> = events.iter().map(|(event, _)| event).collect();
            link_target(&events)
        }
        // Lines of several cells are no one link.
        Kept::Lines(_) => None,
        Kept::Nothing | Kept::Edits(_) => {
            let markdown = source.get(cell.markdown.clone())?.trim();
            // Most cells are no link: told by their first and last bytes, not parsed.
            let end = markdown.len().saturating_sub("</a>".len());
            let html_link =
                markdown.starts_with('<') && markdown.get(end..).is_some_and(is_anchor_close);
            if !(markdown.starts_with('[') && markdown.ends_with(')') || html_link) {
                return None;
            }
            let events: Vec<Event<'_>> = Parser::new_ext(markdown, PARSER_OPTIONS).collect();
            match &events[..] {
                [Event::Start(Tag::Paragraph), inner @ .., Event::End(TagEnd::Paragraph)] => {
                    link_target(&inner.iter().collect::<Vec<_>>())
                }
                _ => None,
            }
        }
    }
}

/// The target of the one link that `events`, a cell's inline events, are: a link's start,
/// what it shows, and its end, and nothing beside it; in Markdown, or in HTML (`<a
/// href="#e-1">E1</a>`).
fn link_target(events: &[&Event<'_>]) -> Option<String> {
    match events {
        [Event::Start(Tag::Link { dest_url, .. }), inner @ .., Event::End(TagEnd::Link)]
            if !dest_url.is_empty()
                && !inner.iter().any(|event| matches!(event, Event::End(TagEnd::Link))) =>
        {
            Some(dest_url.to_string())
        }
        [Event::InlineHtml(open), inner @ .., Event::InlineHtml(close)]
            if is_anchor_close(close)
                && !inner.iter().any(
                    |event| matches!(event, Event::InlineHtml(html) if is_anchor_close(html)),
                ) =>
        {
            link_href(open).map(str::to_owned)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::parse_keeping;

    /// A code cell that is one inline link gives the row the page it links to; a cell with
    /// more than the link, two links, or a reference-style link (its definition elsewhere on
    /// the page) gives none.
    #[test]
    fn a_cell_that_is_one_link_gives_its_target() {
        let target = |cell: &str| {
            let page = format!("| c |\n|---|\n| {cell} |\n\n[r]: https://x.test/r\n");
            let page = parse_keeping(&page, || crate::rustdoc::Keeper::new(true));
            whole_link(page.source, &page.tables[0].rows[0].cells()[0])
        };
        assert_eq!(target("[20003](errors/20003.md)").as_deref(), Some("errors/20003.md"));
        assert_eq!(target("[`E1`](https://x.test/e1)").as_deref(), Some("https://x.test/e1"));
        assert_eq!(target("[E2][r]").as_deref(), Some("https://x.test/r"), "by its definition");
        // In HTML, as pages rendered by a site write it.
        assert_eq!(target("<a href=\"#e-1\">E1</a>").as_deref(), Some("#e-1"));
        assert_eq!(
            target("<a href=\"other.md#e3\"><code>E3</code></a>").as_deref(),
            Some("other.md#e3")
        );
        for not_one_link in [
            "20003",
            "[a](x) [b](y)",
            "[a](x) (more)",
            "**[a](x)**",
            "[a]()",
            "<a href=\"x\">a</a> more",
            "<a href=\"x\">a</a><a href=\"y\">b</a>",
            "<a name=\"x\">a</a>",
            "<b>a</b>",
        ] {
            assert_eq!(target(not_one_link), None, "{not_one_link}");
        }
    }

    #[test]
    fn a_cell_that_lists_code_spans_and_nothing_else_lists_codes() {
        let listed = |markdown: &str| listed_code_spans(markdown);
        assert_eq!(listed("`a`, `b_c`"), Some(vec!["a".to_owned(), "b_c".to_owned()]));
        assert_eq!(
            listed("`a` / `b` or ``c`d``"),
            Some(vec!["a".into(), "b".into(), "c`d".into()])
        );
        assert_eq!(listed("`a`, or `b`").map(|codes| codes.len()), Some(2));
        for other in
            ["`a`", "`a` `b`", "`a`, `b` for now", "see `a`, `b`", "`a`, **b**", "a, b", ""]
        {
            assert_eq!(listed(other), None, "{other}");
        }
    }
}
