//! MDX pages (`.mdx`, as Docusaurus sites write theirs): MDX reads a paragraph at the page's
//! top level that starts with `import` or `export` as JavaScript (ESM: `import Tabs from
//! '@theme/Tabs';`, `export const Highlight = …`), which the published page never shows, where
//! Markdown reads it as a paragraph of text; so too a paragraph that is one JSX comment
//! (`{/* vale off */}`, as writers leave notes for each other and for their linters). The
//! module's rustdoc leaves such blocks out. A JSX comment in a paragraph or a table's cell
//! (`Bad request {/* TODO: rename */}`) shows nothing either: the page is read from a copy where
//! each is an HTML comment of as many bytes ([`comments`]), whose text is none.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag};

use super::{PARSER_OPTIONS, Page};

/// Whether the page at `path` is an MDX page, told by its extension.
pub fn is_mdx(path: &str) -> bool {
    path.rsplit_once('.').is_some_and(|(_, extension)| extension.eq_ignore_ascii_case("mdx"))
}

/// Which Markdown a page is written in, told by its file's extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// GitHub's (`.md`, and any other extension).
    Gfm,
    /// MDX (`.mdx`, as Docusaurus sites write theirs), whose JSX comments (`{/* TODO */}`)
    /// show nothing.
    Mdx,
}

impl Dialect {
    /// The dialect of the page at `path`.
    pub fn of(path: &str) -> Dialect {
        if is_mdx(path) { Dialect::Mdx } else { Dialect::Gfm }
    }
}

/// Where `text`, an MDX page's Markdown, has JSX comments (`{/* TODO: rename */}`, as writers
/// leave notes in a page and in its tables' cells), which MDX shows nothing of: in its text, not
/// in code or HTML, with no `|`, which would part a table's cells otherwise, and at least
/// `{/* */}` long. Pulldown-cmark reads them from a copy where each is an HTML comment
/// ([`as_html_comment`]), which Markdown shows nothing of either. None, without parsing the
/// page, where it has no `{/*`, as most have none.
pub fn comments(text: &str) -> Vec<Range<usize>> {
    let opening = memchr::memmem::Finder::new(b"{/*");
    if opening.find(text.as_bytes()).is_none() {
        return Vec::new();
    }
    // What MDX reads as written, in order: code and HTML.
    let literal: Vec<Range<usize>> = Parser::new_ext(text, PARSER_OPTIONS)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Code(_) | Event::Html(_) | Event::InlineHtml(_) => Some(range),
            Event::Start(Tag::CodeBlock(_)) => Some(range),
            _ => None,
        })
        .collect();
    let mut comments = Vec::new();
    let (mut from, mut next_literal) = (0, 0);
    while let Some(at) = opening.find(&text.as_bytes()[from..]) {
        let start = from + at;
        let Some(length) = text[start + 3..].find("*/}") else { break };
        let end = start + 3 + length + 3;
        // The first code or HTML that does not end before the comment starts.
        while literal.get(next_literal).is_some_and(|literal| literal.end <= start) {
            next_literal += 1;
        }
        let in_literal = literal.get(next_literal).is_some_and(|literal| literal.start < end);
        let comment = &text[start..end];
        if in_literal || comment.contains('|') || as_html_comment(comment).is_none() {
            from = start + 3;
        } else {
            comments.push(start..end);
            from = end;
        }
    }
    comments
}

/// `comment`, a JSX comment (`{/* TODO */}`), as an HTML comment of as many bytes, which shows
/// nothing either: `<!--`, spaces and `-->` on one line, as a table's row is. `None` for
/// anything else, or a comment too short to be written so (`{/**/}`).
pub fn as_html_comment(comment: &str) -> Option<String> {
    let inside = jsx_comment_inside(comment)?;
    // Seven bytes at least: `<!---->`.
    let spaces = (inside.len() + 6).checked_sub(7)?;
    Some(format!("<!--{}-->", " ".repeat(spaces)))
}

/// The ranges of indices into `page`'s events of the blocks its site never shows: each
/// paragraph at the page's top level (in no quote or list) whose first line starts with
/// `import ` or `export ` (ESM), or that is one JSX comment (read as a block of HTML where it
/// starts a line, as `comments` has it read), its start and end events included.
pub fn hidden_blocks(page: &Page<'_>) -> Vec<Range<usize>> {
    let mut blocks = Vec::new();
    let mut depth = 0usize;
    for (index, (event, range)) in page.events.iter().enumerate() {
        match event {
            Event::Start(block @ (Tag::Paragraph | Tag::HtmlBlock))
                if depth == 0 && is_hidden(page.source, range) =>
            {
                // Neither block holds one of its kind: its end is the next such end (not that
                // of an emphasis in it: `a*2*3` reads as one).
                let block_end = Event::End(block.to_end());
                let end = page.events[index..]
                    .iter()
                    .position(|(event, _)| *event == block_end)
                    .map_or(page.events.len(), |at| index + at + 1);
                blocks.push(index..end);
                depth += 1;
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    blocks
}

/// Whether the paragraph at `range` of `source` is ESM (at a line's start, `import` or
/// `export` and a space) or one JSX comment and nothing else.
fn is_hidden(source: &str, range: &Range<usize>) -> bool {
    let at_line_start = source[..range.start].ends_with('\n') || range.start == 0;
    let text = &source[range.start..];
    let esm = at_line_start && (text.starts_with("import ") || text.starts_with("export "));
    esm || is_one_jsx_comment(source[range.clone()].trim())
}

/// Whether `text` is one JSX comment (`{/* draft */}`, over lines too): its first `*/` is its
/// end, so that `{/* a */} text {/* b */}` is text.
fn is_one_jsx_comment(text: &str) -> bool {
    jsx_comment_inside(text).is_some_and(|inside| !inside.contains("*/"))
}

/// What is between `{/*` and `*/}` where `text` starts and ends with them.
fn jsx_comment_inside(text: &str) -> Option<&str> {
    text.strip_prefix("{/*")?.strip_suffix("*/}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown;

    /// The hidden blocks of an MDX page are its top-level paragraphs that start with `import`
    /// or `export`, over several lines too, or are one JSX comment; the word inside a
    /// paragraph, indented, or in a list is text, as is a comment with text beside it.
    #[test]
    fn hidden_blocks_are_top_level_paragraphs_of_import_and_export_or_a_comment() {
        let source = "import Tabs from '@theme/Tabs';\nimport X from './x';\n\n# Errors\n\n\
                      export const Hi = ({c}) => (\n  <span>{c}</span>\n);\n\n\
                      export const f = (a) => a*2*3 + `b`;\n\n\
                      We import data.\n\n- import a\n\n> export b\n\n  import c\n\n\
                      {/* vale off */}\n\n{/*\n  TODO: more\n*/}\n\n{/* a */} b\n\n{/* a */} {/* b */}\n\n\
                      - {/* in a list */}\n\n| A |\n|---|\n| 1 |\n";
        let page = markdown::parse(source);
        let blocks: Vec<String> = hidden_blocks(&page)
            .into_iter()
            .map(|range| {
                let (_, start) = &page.events[range.start];
                let (_, end) = &page.events[range.end - 1];
                source[start.start..end.end].to_owned()
            })
            .collect();
        assert_eq!(
            blocks,
            [
                "import Tabs from '@theme/Tabs';\nimport X from './x';\n",
                "export const Hi = ({c}) => (\n  <span>{c}</span>\n);\n",
                "export const f = (a) => a*2*3 + `b`;\n",
                "{/* vale off */}\n",
                "{/*\n  TODO: more\n*/}\n",
            ]
        );
        assert!(is_mdx("docs/errors.mdx") && is_mdx("E.MDX"));
        assert!(!is_mdx("errors.md") && !is_mdx("mdx"));
    }

    /// An MDX page's JSX comments are found in its text and its tables' cells, over lines
    /// too, and each written as an HTML comment of as many bytes; in code, in HTML, with a `|`,
    /// unclosed or too short to write so, they are text.
    #[test]
    fn jsx_comments_are_found_in_text_and_read_as_html_comments() {
        let text = "A {/* one */} b `{/* code */}` c {/* two\nlines */}.\n\n\
                    ```\n{/* block */}\n```\n\n<div>{/* html */}</div>\n\n\
                    | a | b |\n|---|---|\n| 1 {/* *cell* */} | {/* a \\| b */} |\n\n\
                    {/**/} {/* open\n";
        let found: Vec<&str> = comments(text).into_iter().map(|range| &text[range]).collect();
        assert_eq!(found, ["{/* one */}", "{/* two\nlines */}", "{/* *cell* */}"]);
        assert_eq!(as_html_comment("{/* one */}").as_deref(), Some("<!--    -->"));
        assert_eq!(as_html_comment("{/* */}").as_deref(), Some("<!---->"));
        assert_eq!(as_html_comment("{/* a\nb */}").as_deref(), Some("<!--    -->"));
        assert_eq!(as_html_comment("{/**/}"), None);
        assert_eq!(as_html_comment("<!-- x -->"), None);
        assert!(comments("No comment {/ * here */}.").is_empty());
    }
}
