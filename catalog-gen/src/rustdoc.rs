//! Markdown for rustdoc: a page's events re-rendered with links made absolute against the
//! page's URL, anchors dropped and code blocks marked as text (so they are not doctests).

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, LinkType, Tag, TagEnd};
use url::Url;

use crate::markdown::{self, PARSER_OPTIONS, Page};

/// A block of generated Markdown that takes the place of a table in the page's prose.
pub struct Replacement {
    /// Indices into [`Page::events`] of the table.
    pub events: Range<usize>,
    /// The Markdown events to put there instead.
    pub with: Vec<Event<'static>>,
}

/// The page's prose: every event but those in `skip` (the title, tables), with each
/// replacement's events at its place.
pub fn prose(
    page: &Page<'_>,
    base: &Url,
    skip: &[Range<usize>],
    replacements: &[Replacement],
) -> String {
    let mut events: Vec<Event<'_>> = Vec::new();
    let mut i = 0;
    while i < page.events.len() {
        if let Some(replacement) = replacements.iter().find(|r| r.events.start == i) {
            events.extend(replacement.with.iter().cloned());
            i = replacement.events.end;
        } else if let Some(skipped) = skip.iter().find(|range| range.start == i) {
            i = skipped.end.max(i + 1);
        } else {
            events.push(page.events[i].0.clone());
            i += 1;
        }
    }
    render(events, base)
}

/// The Markdown of a cell's inline content (events `range` of `page`).
///
/// Most cells are valid rustdoc as written, so their source text is used as is; only cells
/// with something to rewrite (a relative or reference-style link, an anchor) are re-rendered.
pub fn inline(page: &Page<'_>, range: Range<usize>, base: &Url) -> String {
    let events = &page.events[range.clone()];
    if let Some(text) = verbatim(page.source, events) {
        return text.to_owned();
    }
    // Inline events are rendered inside a paragraph, as they would be in a page; bare, the
    // renderer encodes spaces at their edges as `&#32;`.
    let mut events = vec![Event::Start(Tag::Paragraph)];
    events.extend(page.events[range].iter().map(|(event, _)| event.clone()));
    events.push(Event::End(TagEnd::Paragraph));
    render(events, base).trim().to_owned()
}

/// The source text of inline `events`, if rustdoc renders it as the page does: no link to
/// make absolute or resolve from elsewhere in the page, no anchor to drop.
fn verbatim<'a>(source: &'a str, events: &[(Event<'_>, Range<usize>)]) -> Option<&'a str> {
    let needs_rewrite = |event: &Event<'_>| match event {
        Event::Start(Tag::Link { link_type, dest_url, .. })
        | Event::Start(Tag::Image { link_type, dest_url, .. }) => {
            !matches!(link_type, LinkType::Inline | LinkType::Autolink | LinkType::Email)
                || !(dest_url.is_empty() || Url::parse(dest_url).is_ok())
        }
        Event::InlineHtml(html) | Event::Html(html) => {
            markdown::is_anchor(html) || markdown::is_anchor_close(html)
        }
        Event::Start(Tag::CodeBlock(_)) => true,
        _ => false,
    };
    if events.iter().any(|(event, _)| needs_rewrite(event)) {
        return None;
    }
    let start = events.iter().map(|(_, range)| range.start).min()?;
    let end = events.iter().map(|(_, range)| range.end).max()?;
    let text = source.get(start..end)?.trim();
    // A trailing backslash would escape whatever rustdoc puts after the cell.
    (!text.ends_with('\\')).then_some(text)
}

fn render(events: Vec<Event<'_>>, base: &Url) -> String {
    let mut kept = Vec::with_capacity(events.len());
    let mut in_anchor = false;
    for event in events {
        let event = match event {
            Event::InlineHtml(html) | Event::Html(html) if markdown::is_anchor(&html) => {
                in_anchor = true;
                continue;
            }
            Event::InlineHtml(html) | Event::Html(html)
                if in_anchor && markdown::is_anchor_close(&html) =>
            {
                in_anchor = false;
                continue;
            }
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                Event::Start(Tag::Link { link_type, dest_url: absolute(dest_url, base), title, id })
            }
            Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
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
            other => other,
        };
        in_anchor = false;
        kept.push(event);
    }
    let mut out = String::new();
    // Re-rendering events that came from pulldown-cmark cannot fail; should it ever, the
    // plain text is the fallback rather than a panic.
    if pulldown_cmark_to_cmark::cmark(kept.iter(), &mut out, PARSER_OPTIONS).is_err() {
        out = kept
            .iter()
            .filter_map(|event| match event {
                Event::Text(text) | Event::Code(text) => Some(text.as_ref()),
                _ => None,
            })
            .collect();
    }
    out
}

/// A link target made absolute against `base`; `.md` pages become `.html`, as published.
pub fn absolute<'a>(dest: CowStr<'a>, base: &Url) -> CowStr<'a> {
    if dest.is_empty() || Url::parse(&dest).is_ok() {
        return dest;
    }
    let (path, fragment) = match dest.split_once('#') {
        Some((path, fragment)) => (path, Some(fragment)),
        None => (dest.as_ref(), None),
    };
    let path = match path.strip_suffix(".md") {
        Some(stem) => format!("{stem}.html"),
        None => path.to_owned(),
    };
    let relative = match fragment {
        Some(fragment) => format!("{path}#{fragment}"),
        None => path,
    };
    match base.join(&relative) {
        Ok(url) => url.to_string().into(),
        Err(_) => dest,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Url {
        Url::parse(
            "https://docs.aws.amazon.com/mediaconvert/latest/ug/mediaconvert_error_codes.html",
        )
        .unwrap()
    }

    #[test]
    fn relative_page_links_become_published_urls() {
        let url = absolute("iam-role.md".into(), &base());
        assert_eq!(&*url, "https://docs.aws.amazon.com/mediaconvert/latest/ug/iam-role.html");
        let url = absolute("upload-input-files.md#http-input-requirements".into(), &base());
        assert_eq!(
            &*url,
            "https://docs.aws.amazon.com/mediaconvert/latest/ug/upload-input-files.html#http-input-requirements"
        );
    }

    #[test]
    fn absolute_and_empty_links_are_kept() {
        let kept =
            "http://docs.aws.amazon.com/mediaconvert/latest/ug/mediaconvert_error_codes.html";
        assert_eq!(&*absolute(kept.into(), &base()), kept);
        assert_eq!(&*absolute("mailto:a@b.c".into(), &base()), "mailto:a@b.c");
        assert_eq!(&*absolute("".into(), &base()), "");
    }

    #[test]
    fn cells_render_as_markdown_with_absolute_links_and_escapes() {
        let page = markdown::parse(
            "| a |\n| --- |\n| See [Set Up IAM Permissions](iam-role.md)\\. `x` \\[y\\] |\n",
        );
        let cell = &page.tables[0].rows[0].cells[0];
        assert_eq!(
            inline(&page, cell.events.clone(), &base()),
            "See [Set Up IAM Permissions](https://docs.aws.amazon.com/mediaconvert/latest/ug/iam-role.html). `x` \\[y\\]"
        );
    }

    #[test]
    fn prose_drops_anchors_and_fences_code_as_text() {
        let page = markdown::parse("## Example<a name=\"e\"></a>\n\n```\nGET / HTTP/1.1\n```\n");
        let text = prose(&page, &base(), &[], &[]);
        assert!(!text.contains("<a"), "{text}");
        assert!(text.contains("````text\nGET / HTTP/1.1\n````"), "{text}");
    }
}
