//! MDX pages (`.mdx`, as Docusaurus sites write theirs): MDX reads a paragraph at the page's
//! top level that starts with `import` or `export` as JavaScript (ESM: `import Tabs from
//! '@theme/Tabs';`, `export const Highlight = …`), which the published page never shows, where
//! Markdown reads it as a paragraph of text; so too a paragraph that is one JSX comment
//! (`{/* vale off */}`, as writers leave notes for each other and for their linters). The
//! module's rustdoc leaves such blocks out.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::Page;

/// Whether the page at `path` is an MDX page, told by its extension.
pub fn is_mdx(path: &str) -> bool {
    path.rsplit_once('.').is_some_and(|(_, extension)| extension.eq_ignore_ascii_case("mdx"))
}

/// The ranges of indices into `page`'s events of the blocks its site never shows: each
/// paragraph at the page's top level (in no quote or list) whose first line starts with
/// `import ` or `export ` (ESM), or that is one JSX comment, its start and end events included.
pub fn hidden_blocks(page: &Page<'_>) -> Vec<Range<usize>> {
    let mut blocks = Vec::new();
    let mut depth = 0usize;
    for (index, (event, range)) in page.events.iter().enumerate() {
        match event {
            Event::Start(Tag::Paragraph) if depth == 0 && is_hidden(page.source, range) => {
                // A paragraph holds no paragraph: its end is the next paragraph's end (not that
                // of an emphasis in it: `a*2*3` reads as one).
                let end = page.events[index..]
                    .iter()
                    .position(|(event, _)| matches!(event, Event::End(TagEnd::Paragraph)))
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
    let Some(inside) = text.strip_prefix("{/*").and_then(|rest| rest.strip_suffix("*/}")) else {
        return false;
    };
    !inside.contains("*/")
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
}
