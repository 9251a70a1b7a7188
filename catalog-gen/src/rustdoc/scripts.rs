//! What would run a script where the generated docs are shown, dropped as GitHub's sanitizer
//! drops it: an event handler of a raw HTML tag (`<img src=x onerror="…">`), an attribute whose
//! value is a script URL (`<a href="javascript:…">`), and a Markdown link to one
//! (`[x](javascript:…)`, whose text stays). rustdoc passes raw HTML and link targets on as they
//! are, and a page from upstream is no code the team reviewed.

use std::borrow::Cow;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use crate::markdown;

/// `events` without what would run a script ([module docs](self)). An HTML block's lines are
/// read as one, as a tag may run over several.
pub(super) fn without_scripts(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    // Most events hold no attribute with a value and link to no script: told without a tag
    // read.
    let may_run = |event: &Event<'_>| match event {
        Event::Html(html) | Event::InlineHtml(html) => html.contains('='),
        Event::Start(Tag::Link { dest_url, .. }) => markdown::is_script_url(dest_url.as_bytes()),
        _ => false,
    };
    if !events.iter().any(may_run) {
        return events;
    }
    let mut kept = Vec::with_capacity(events.len());
    let mut in_script_link = false;
    let mut events = events.into_iter();
    while let Some(event) = events.next() {
        match event {
            // Links do not nest: the next link end is this one's.
            Event::Start(Tag::Link { dest_url, .. })
                if markdown::is_script_url(dest_url.as_bytes()) =>
            {
                in_script_link = true;
            }
            Event::End(TagEnd::Link) if std::mem::take(&mut in_script_link) => {}
            Event::InlineHtml(html) => kept.push(Event::InlineHtml(cut(html))),
            Event::Html(line) => kept.push(Event::Html(cut(line))),
            Event::Start(Tag::HtmlBlock) => {
                kept.push(Event::Start(Tag::HtmlBlock));
                let mut lines = Vec::new();
                let after = loop {
                    match events.next() {
                        Some(Event::Html(line)) => lines.push(line),
                        other => break other,
                    }
                };
                kept.extend(cut_lines(lines).into_iter().map(Event::Html));
                kept.extend(after);
            }
            other => kept.push(other),
        }
    }
    kept
}

/// `html` without its scripting attributes ([`markdown::scripting_attributes`]).
fn cut(html: CowStr<'_>) -> CowStr<'_> {
    match markdown::without_scripting_attributes(&html) {
        Cow::Borrowed(_) => html,
        Cow::Owned(kept) => kept.into(),
    }
}

/// The lines of an HTML block without its scripting attributes, read as one text: an attribute
/// on a line of its own (`<img src=x` over `onerror="…">`) is one. Each line keeps its line
/// break.
fn cut_lines(lines: Vec<CowStr<'_>>) -> Vec<CowStr<'_>> {
    if lines.len() < 2 {
        return lines.into_iter().map(cut).collect();
    }
    let block: String = lines.iter().map(|line| &**line).collect();
    let cuts = markdown::scripting_attributes(&block);
    if cuts.is_empty() {
        return lines;
    }
    let mut start = 0;
    lines
        .into_iter()
        .map(|line| {
            let span = start..start + line.len();
            start = span.end;
            let inside: Vec<_> = cuts
                .iter()
                .filter(|cut| cut.start < span.end && span.start < cut.end)
                .map(|cut| {
                    cut.start.max(span.start) - span.start..cut.end.min(span.end) - span.start
                })
                .collect();
            if inside.is_empty() {
                return line;
            }
            let mut kept = markdown::cut_out(&line, &inside);
            if line.ends_with('\n') && !kept.ends_with('\n') {
                kept.push('\n');
            }
            kept.into()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use pulldown_cmark::{Event, Parser};

    use super::without_scripts;
    use crate::markdown::PARSER_OPTIONS;
    use crate::rustdoc::written;

    fn shown(markdown: &str) -> String {
        let events: Vec<Event<'_>> = Parser::new_ext(markdown, PARSER_OPTIONS).collect();
        written::markdown(&without_scripts(events))
    }

    #[test]
    fn what_would_run_a_script_is_dropped() {
        let shown = |markdown| shown(markdown).trim_end().to_owned();
        assert_eq!(shown("a <img src=x onerror=\"alert(1)\"> b"), "a <img src=x> b");
        assert_eq!(shown("[click](javascript:alert(1)) here"), "click here");
        assert_eq!(
            shown("[fine](https://x.test/) [x](JAVASCRIPT:go)"),
            "[fine](https://x.test/) x"
        );
        let block = "<div>\n<img src=x\nonerror=\"alert(1)\" alt=y>\n</div>";
        assert_eq!(shown(block), "<div>\n<img src=x\n alt=y>\n</div>");
        let untouched = "<div title=\"a=b\">\n<a href=\"x.md\">x</a>\n</div>";
        assert_eq!(shown(untouched), untouched);
    }
}
