//! Markdown for rustdoc: a page's events re-rendered with links made absolute against the
//! page's URL, anchors dropped and code blocks marked as text (so they are not doctests).

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, LinkType, Tag, TagEnd};
use url::Url;

use crate::markdown::{self, Cell, PARSER_OPTIONS, Page};

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

/// Whether a cell with this inline event needs its events kept for [`inline`]: a link or image
/// that is not [absolute and inline](is_absolute_inline), or an anchor. The policy passed to
/// [`markdown::parse_keeping`].
pub fn needs_rewrite(event: &Event<'_>) -> bool {
    match event {
        Event::Start(
            Tag::Link { link_type, dest_url, .. } | Tag::Image { link_type, dest_url, .. },
        ) => !is_absolute_inline(*link_type, dest_url),
        Event::InlineHtml(html) | Event::Html(html) => {
            markdown::is_anchor(html) || markdown::is_anchor_close(html)
        }
        _ => false,
    }
}

/// A link rustdoc shows as the page does, wherever the page is published: written inline (or
/// as an autolink), to an absolute URL or nowhere.
pub fn is_absolute_inline(link_type: LinkType, dest_url: &str) -> bool {
    matches!(link_type, LinkType::Inline | LinkType::Autolink | LinkType::Email)
        && (dest_url.is_empty() || is_absolute_url(dest_url))
}

/// Whether `dest` is an absolute URL. One without a `:` has no scheme, so it cannot be, and
/// most links in docs are relative: they are told without parsing.
fn is_absolute_url(dest: &str) -> bool {
    dest.contains(':') && Url::parse(dest).is_ok()
}

/// The Markdown of a table cell of the page `source`.
///
/// A cell is valid rustdoc much as written, so its source text is used, with relative link
/// targets made absolute and anchors dropped; only cells the source text cannot serve (a
/// reference-style link, a link with a title) are re-rendered from their events.
pub fn inline(source: &str, cell: &Cell, base: &Url) -> String {
    if cell.events.is_empty() {
        return source[cell.markdown.clone()].trim().to_owned();
    }
    if let Some(text) = source_text(source, &cell.events, base) {
        return text;
    }
    // Inline events are rendered inside a paragraph, as they would be in a page; bare, the
    // renderer encodes spaces at their edges as `&#32;`.
    let mut events = vec![Event::Start(Tag::Paragraph)];
    events.extend(cell.events.iter().map(|(event, _)| event.clone()));
    events.push(Event::End(TagEnd::Paragraph));
    render(events, base).trim().to_owned()
}

/// Plain text as Markdown that renders as that text (a retired row's cells, which are kept as
/// plain text): escaped by the same renderer that renders cells.
pub fn escape(text: &str) -> String {
    let events =
        [Event::Start(Tag::Paragraph), Event::Text(text.into()), Event::End(TagEnd::Paragraph)];
    let mut out = String::new();
    match pulldown_cmark_to_cmark::cmark(events.iter(), &mut out, PARSER_OPTIONS) {
        Ok(_) => out.trim().to_owned(),
        Err(_) => text.to_owned(),
    }
}

/// The source text of inline `events`, edited where rustdoc would read it differently from
/// the page: a relative inline link's target is made absolute in place, anchors are cut out.
/// `None` where that is not enough.
fn source_text(source: &str, events: &[(Event<'_>, Range<usize>)], base: &Url) -> Option<String> {
    let start = events.iter().map(|(_, range)| range.start).min()?;
    let end = events.iter().map(|(_, range)| range.end).max()?;
    let mut text = String::with_capacity(end - start);
    let mut copied = start;
    let mut in_anchor = false;
    for (index, (event, range)) in events.iter().enumerate() {
        let was_in_anchor = std::mem::take(&mut in_anchor);
        match event {
            Event::Start(Tag::Link { link_type, dest_url, title, .. })
            | Event::Start(Tag::Image { link_type, dest_url, title, .. }) => {
                if is_absolute_inline(*link_type, dest_url) {
                    continue;
                }
                if *link_type != LinkType::Inline || !title.is_empty() {
                    return None;
                }
                // `[text](target)`: the text ends where the link's last inner event ends.
                let inner = &events[index + 1..];
                let inner_end = inner
                    .iter()
                    .take_while(|(_, inner_range)| inner_range.end <= range.end)
                    .filter(|(_, inner_range)| inner_range != range)
                    .map(|(_, inner_range)| inner_range.end)
                    .max()
                    .unwrap_or(range.start + 1);
                let target = source.get(inner_end..range.end)?;
                let url = absolute(dest_url.clone(), base);
                let plain = !url.contains(|c: char| c.is_whitespace() || "()<>".contains(c));
                if !(target.starts_with("](") && target.ends_with(')') && plain) {
                    return None;
                }
                text.push_str(source.get(copied..inner_end)?);
                text.push_str("](");
                text.push_str(&url);
                text.push(')');
                copied = range.end;
            }
            Event::InlineHtml(html) | Event::Html(html)
                if markdown::is_anchor(html)
                    || (was_in_anchor && markdown::is_anchor_close(html)) =>
            {
                in_anchor = markdown::is_anchor(html);
                text.push_str(source.get(copied..range.start)?);
                copied = range.end;
            }
            Event::Start(Tag::CodeBlock(_)) => return None,
            _ => {}
        }
    }
    text.push_str(source.get(copied.max(start)..end)?);
    let trimmed = text.trim();
    // A trailing backslash would escape whatever rustdoc puts after the cell.
    if trimmed.ends_with('\\') {
        return None;
    }
    Some(if trimmed.len() == text.len() { text } else { trimmed.to_owned() })
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
    if dest.is_empty() || is_absolute_url(&dest) {
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

    fn cell_markdown(row: &str) -> String {
        let source = format!("| a |\n| --- |\n| {row} |\n");
        let page = markdown::parse_keeping(&source, needs_rewrite);
        inline(&source, &page.tables[0].rows[0].cells[0], &base())
    }

    #[test]
    fn cells_keep_their_markdown_with_relative_links_made_absolute() {
        assert_eq!(
            cell_markdown("See [Set Up *IAM* Permissions](iam-role.md)\\. `x` \\[y\\]"),
            "See [Set Up *IAM* Permissions](https://docs.aws.amazon.com/mediaconvert/latest/ug/iam-role.html)\\. `x` \\[y\\]"
        );
        assert_eq!(
            cell_markdown("![logo](img/a.png) and [](b.md#c) and [abs](https://x.org/a_(b))"),
            "![logo](https://docs.aws.amazon.com/mediaconvert/latest/ug/img/a.png) and \
             [](https://docs.aws.amazon.com/mediaconvert/latest/ug/b.html#c) and [abs](https://x.org/a_(b))"
        );
    }

    #[test]
    fn cells_drop_anchors_and_rerender_what_source_text_cannot_serve() {
        assert_eq!(cell_markdown("<a name=\"x\"></a>Text <b>bold</b>"), "Text <b>bold</b>");
        // A title: re-rendered from the events, the link still made absolute.
        let titled = cell_markdown("[t](a.md \"Title\")");
        assert!(
            titled.contains("(https://docs.aws.amazon.com/mediaconvert/latest/ug/a.html"),
            "{titled}"
        );
    }

    #[test]
    fn prose_drops_anchors_and_fences_code_as_text() {
        let page = markdown::parse_keeping(
            "## Example<a name=\"e\"></a>\n\n```\nGET / HTTP/1.1\n```\n",
            needs_rewrite,
        );
        let text = prose(&page, &base(), &[], &[]);
        assert!(!text.contains("<a"), "{text}");
        assert!(text.contains("````text\nGET / HTTP/1.1\n````"), "{text}");
    }
}
