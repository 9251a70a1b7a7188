//! Tabs in a table's delimiter row, read as GitHub reads them.
//!
//! GFM takes a tab as it takes a space around a delimiter row's cells (cmark-gfm's
//! `table_spacechar`), as Ethereum's EIPs write them (`|:----:\t|:-----:\t|`). pulldown-cmark
//! 0.13 takes only spaces there, and reads such a table as a paragraph: on GitHub a table, here
//! "no tables".
//!
//! So the page is read from a copy where those tabs are spaces, one byte for one, so that
//! every offset stays ([`super::rewrite`]). Only tabs of a line that is then a table's
//! delimiter row are so written: anywhere else a tab is not a space (two spaces at a line's end
//! are a hard break; a tab and a space are not), and a tab that indents a line is up to four
//! columns, which a space is not. A line whose tabs all indent it is left as it is. Which lines
//! are delimiter rows is told by reading the copy: a second reading, paid only by a page (or a
//! piece of a large one) with a line of pipes and dashes that has a tab.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag};

use super::{PARSER_OPTIONS, lines};

/// The tabs of `text` (each one byte) that GitHub reads as spaces, in order: those of its
/// tables' delimiter rows ([module docs](self)). None, without a search past the first
/// `memchr`, in a text with no tab.
pub(super) fn read_as_spaces(text: &str) -> Vec<Range<usize>> {
    if memchr::memchr(b'\t', text.as_bytes()).is_none() {
        return Vec::new();
    }
    let candidates = tabs_of_delimiter_like_lines(text);
    if candidates.is_empty() {
        return Vec::new();
    }
    let mut copy = text.to_owned();
    super::rewrite(&mut copy, &candidates);
    let rows = delimiter_rows(&copy);
    let in_a_row = |tab: &Range<usize>| {
        let row = rows.partition_point(|row| row.end <= tab.start);
        rows.get(row).is_some_and(|row| row.contains(&tab.start))
    };
    candidates.into_iter().filter(in_a_row).collect()
}

/// The tabs, past a line's indent, of each line that could be a delimiter row once they are
/// spaces: after any container's marks (`>`, spaces and tabs), a line that [could be a
/// delimiter row](lines::is_delimiter_row) as a large page's cuts are guessed, with a
/// pipe, and not a list item's marker (`- `).
fn tabs_of_delimiter_like_lines(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut tabs = Vec::new();
    let mut from = 0;
    while let Some(found) = memchr::memchr(b'\t', &bytes[from..]) {
        let start = lines::line_start(bytes, from + found);
        from = lines::line_end(bytes, start);
        let line = lines::line_at(bytes, start);
        let rest = lines::past_marks(line);
        if !lines::is_piped_delimiter_row(rest) || lines::opens_list_item(rest) {
            continue;
        }
        let rest_start = start + (line.len() - rest.len());
        let inner = rest.iter().enumerate().filter(|(_, byte)| **byte == b'\t');
        tabs.extend(inner.map(|(at, _)| rest_start + at..rest_start + at + 1));
    }
    tabs
}

/// Where each table's delimiter row is in `text`, as pulldown-cmark reads it: the line after
/// its header row, in order.
fn delimiter_rows(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let heads =
        Parser::new_ext(text, PARSER_OPTIONS).into_offset_iter().filter_map(|(event, range)| {
            matches!(event, Event::Start(Tag::TableHead)).then_some(range.end)
        });
    heads.map(|start| start..lines::line_end(bytes, start)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spaced(text: &str) -> String {
        let mut copy = text.to_owned();
        super::super::rewrite(&mut copy, &read_as_spaces(text));
        copy
    }

    #[test]
    fn tabs_of_a_delimiter_row_are_read_as_spaces() {
        // Ethereum's EIP-3332: tabs before each pipe of every row.
        let page = "|  Op  \t| Cost \t|\n|:----:\t|:----:\t|\n| 0x46 \t|   8  \t|\n";
        assert_eq!(spaced(page), "|  Op  \t| Cost \t|\n|:----: |:----: |\n| 0x46 \t|   8  \t|\n");
        // In a block quote; a tab at the row's end; no pipe at its start.
        let quoted = "> a | b\n>\t---\t| ---\t\n";
        assert_eq!(spaced(quoted), "> a | b\n>\t--- | --- \n");
    }

    #[test]
    fn tabs_anywhere_else_are_kept() {
        for text in [
            // No header above: the line is a paragraph's, where two spaces at its end would be
            // a hard break.
            "Text\n\n|---|\t\t\nmore\n",
            // A column more than the header's: no table.
            "| a |\n|---\t|---|\n",
            // Code, indented by a tab.
            "| a |\n\n\t|---|\t\n",
            "```\n| a |\n|---\t|\n```\n",
            // A list item's marker.
            "| a |\n-\t|---|\n",
            "No delimiter\there.\n",
        ] {
            assert!(read_as_spaces(text).is_empty(), "{text:?}");
        }
    }
}
