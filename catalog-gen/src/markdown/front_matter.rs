//! A page's front matter: the block of YAML at its top that static site generators (Jekyll,
//! which GitHub Pages runs, Hugo, docfx, Docusaurus) read a page's metadata from, its title
//! among them. GitHub shows it as a table of its own above the page, not as Markdown: the
//! page is read from below it, and a page whose title is only there has that title.
//!
//! pulldown-cmark's own metadata blocks are not used: it takes one anywhere on the page (any
//! `---` line, a line of text, and a later `---` line), where a thematic break above a setext
//! heading is the page's. Front matter is only ever the first thing on the page.

use std::ops::Range;

use saphyr_parser::{Event, Parser, ScalarStyle};

/// A page's front matter.
#[derive(Clone, Debug, PartialEq)]
pub struct FrontMatter {
    /// Its byte range: the `---` lines and the YAML between them.
    pub span: Range<usize>,
    /// Its top-level `title`, as text on one line: where the block is YAML whose top level
    /// is a mapping with a `title` that is text (a string, or a number).
    pub title: Option<String>,
}

/// The length of the front matter that starts `text`, its closing line included; 0 where
/// there is none. Jekyll's rule: the first line is `---`, the block ends at the first line
/// after it that is `---` or `...`, and either may have trailing spaces. Without a closing
/// line, the page has no front matter.
pub fn len(text: &str) -> usize {
    let mut lines = text.split_inclusive('\n');
    if !lines.next().is_some_and(|line| is_delimiter(line, "---")) {
        return 0;
    }
    let mut end = text.find('\n').map_or(text.len(), |at| at + 1);
    for line in lines {
        end += line.len();
        if is_delimiter(line, "---") || is_delimiter(line, "...") {
            return end;
        }
    }
    0
}

/// Whether `line` is `delimiter` followed only by spaces and its line end.
fn is_delimiter(line: &str, delimiter: &str) -> bool {
    line.strip_prefix(delimiter).is_some_and(|rest| rest.trim_end().is_empty())
}

/// The front matter of `text` from `start` on, if any, with its range on the page.
pub fn read(text: &str, start: usize) -> Option<FrontMatter> {
    let len = len(&text[start..]);
    if len == 0 {
        return None;
    }
    let block = &text[start..start + len];
    // The YAML: the lines between the first line and the last.
    let body_start = block.find('\n').map_or(block.len(), |at| at + 1);
    let body_end = block.trim_end_matches(['\n', '\r']).rfind('\n').map_or(body_start, |at| at + 1);
    let yaml = &block[body_start..body_end.max(body_start)];
    Some(FrontMatter { span: start..start + len, title: title(yaml) })
}

/// The top-level `title` of `yaml`, on one line: `None` where the YAML does not parse, its top
/// level is not a mapping, or its title is missing, empty, null, or not a scalar.
fn title(yaml: &str) -> Option<String> {
    // The whole block is parsed: a title is only taken from YAML that a site would read.
    let events: Vec<Event<'_>> = Parser::new_from_str(yaml)
        .map(|event| event.map(|(event, _)| event))
        .collect::<Result<_, _>>()
        .ok()?;
    let mut events = events
        .into_iter()
        .skip_while(|event| matches!(event, Event::StreamStart | Event::DocumentStart(_)));
    if !matches!(events.next()?, Event::MappingStart(..)) {
        return None;
    }
    loop {
        let key = events.next()?;
        let is_title = matches!(&key, Event::Scalar(key, ..) if key == "title");
        skip_node(&mut events, &key)?;
        let value = events.next()?;
        if is_title {
            return match value {
                Event::Scalar(text, style, ..) if !is_null(&text, style) => {
                    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
                    (!line.is_empty()).then_some(line)
                }
                _ => None,
            };
        }
        skip_node(&mut events, &value)?;
    }
}

/// Consumes the rest of the node `first` starts: nothing for a scalar or alias, everything up
/// to its end for a mapping or sequence. `None` at the end of the mapping or the events.
fn skip_node<'e>(events: &mut impl Iterator<Item = Event<'e>>, first: &Event<'e>) -> Option<()> {
    let mut depth = match first {
        Event::MappingStart(..) | Event::SequenceStart(..) => 1usize,
        Event::Scalar(..) | Event::Alias(_) => 0,
        _ => return None,
    };
    while depth > 0 {
        match events.next()? {
            Event::MappingStart(..) | Event::SequenceStart(..) => depth += 1,
            Event::MappingEnd | Event::SequenceEnd => depth -= 1,
            _ => {}
        }
    }
    Some(())
}

/// Whether a scalar is YAML's null: unquoted `~`, `null` (in its three spellings) or nothing.
fn is_null(text: &str, style: ScalarStyle) -> bool {
    style == ScalarStyle::Plain && matches!(text, "" | "~" | "null" | "Null" | "NULL")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_the_first_lines_from_dashes_to_dashes_or_dots() {
        assert_eq!(len("---\ntitle: A\n---\n# B\n"), 17);
        assert_eq!(len("---  \r\ntitle: A\r\n...\r\n"), 22);
        assert_eq!(len("---\n---\ntext"), 8);
        assert_eq!(len("---\ntitle: A\n---"), 16);
        // Not front matter: no closing line, a longer rule, text after the dashes, or not first.
        for text in ["---\ntitle: A\n", "----\na\n----\n", "--- a\nb\n---\n", "\n---\na\n---\n"] {
            assert_eq!(len(text), 0, "{text:?}");
        }
    }

    #[test]
    fn the_title_is_the_top_level_title_on_one_line() {
        let read_title = |yaml: &str| read(&format!("---\n{yaml}---\n"), 0).unwrap().title;
        assert_eq!(read_title("title: Button\nsubtitle: 按钮\n"), Some("Button".into()));
        assert_eq!(read_title("order: 1\ntitle: \"date | Docs\"\n"), Some("date | Docs".into()));
        assert_eq!(
            read_title("nav: {title: Nested}\ntitle: >-\n  Two\n  lines\n"),
            Some("Two lines".into())
        );
        assert_eq!(read_title("title: 2024\n"), Some("2024".into()));
        assert_eq!(read_title("title: '~'\n"), Some("~".into()));
        for yaml in [
            "title: ~\n",
            "title:\n",
            "title: [a, b]\n",
            "- title\n",
            "nav:\n  title: A\n",
            "title: [\n",
            "name: A\n",
        ] {
            assert_eq!(read_title(yaml), None, "{yaml:?}");
        }
    }

    #[test]
    fn the_span_is_on_the_page() {
        let page = "\u{feff}---\ntitle: A\n---\n";
        let front = read(page, 3).unwrap();
        assert_eq!((front.span, front.title), (3..page.len(), Some("A".into())));
    }
}
