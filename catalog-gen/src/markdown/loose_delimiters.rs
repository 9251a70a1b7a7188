//! Delimiter rows that only pulldown-cmark reads as such.
//!
//! GFM's delimiter row is a row of cells that are each an optional colon, dashes and an
//! optional colon, with spaces or tabs around them (cmark-gfm's `table_marker`). pulldown-cmark
//! 0.13 takes more: spaces between a colon and the dashes or among the dashes (`: --:`,
//! `- -`), and colons among them (`-:-`, `::--`), as Dynamics 365's implementation guide
//! writes one (`|: --: |--|`): here a table, on GitHub a paragraph. It also takes a row that
//! opens with a list item's marker (`- | - |`), which GitHub reads as a list item that ends
//! the paragraph above it.
//!
//! Such a row is found once the page is read, from each table's header: where every table's
//! delimiter row is GFM's, this costs a look at one line a table. Where one is not, the page
//! is read again from a copy where one dash or colon of that row is written otherwise
//! ([`super::rewrite`]), so that pulldown-cmark reads no table there. The byte is one past the
//! row's first pipe where there is one: inline text, whatever blocks the line opens before it
//! (a list item's marker, say), and not a pipe, so the line has as many cells as it had if it
//! is the header of a table below. Read as text, the line is the page's. The table's rows that
//! pulldown-cmark could read as a delimiter row once the table is no more (each under the row
//! above it), and GitHub reads as text, are so rewritten at the same time: a page of them is
//! read twice, not once a row.

use std::ops::Range;

use super::Table;
use super::lines::{is_piped_delimiter_row, line_at, line_start, opens_list_item, past_marks};

/// What [`read_as_text`] finds: bytes to rewrite, and the delimiter rows they are for.
pub(super) struct ReadAsText {
    /// The bytes to rewrite, on the page, in order.
    pub bytes: Vec<Range<usize>>,
    /// Where each table's delimiter row that GitHub reads as text starts, in order.
    pub delimiter_rows: Vec<usize>,
}

/// The bytes to rewrite, on the page, of each of `tables`' delimiter rows that GitHub does not
/// read as one ([module docs](self)); and, where a table has one, of its rows that
/// pulldown-cmark could read as such once that table is no more. GitHub reads them as text,
/// the table's lines being a paragraph's; found here, they are not found one reading at a
/// time (each the delimiter row of a table under the row above it).
pub(super) fn read_as_text(page: &str, tables: &[Table<'_>]) -> ReadAsText {
    let bytes = page.as_bytes();
    let mut found = ReadAsText { bytes: Vec::new(), delimiter_rows: Vec::new() };
    // A table written in HTML has no delimiter row.
    for table in tables.iter().filter(|table| !table.html) {
        let Some(header_end) = table.header.iter().map(|cell| cell.span.end).max() else {
            continue;
        };
        let Some(newline) = memchr::memchr(b'\n', &bytes[header_end..]) else { continue };
        let delimiter_row = header_end + newline + 1;
        let Some(byte) = byte_to_rewrite(page, delimiter_row) else { continue };
        found.bytes.push(byte);
        found.delimiter_rows.push(delimiter_row);
        let rows = table.rows.iter().map(|row| line_start(bytes, row.span.start));
        found.bytes.extend(rows.filter_map(|start| {
            let could_be = is_piped_delimiter_row(past_marks(line_at(bytes, start)));
            could_be.then(|| byte_to_rewrite(page, start)).flatten()
        }));
    }
    found
}

/// The byte to rewrite of the delimiter row on the line from `start`, which pulldown-cmark
/// reads as one, if GFM does not.
fn byte_to_rewrite(page: &str, start: usize) -> Option<Range<usize>> {
    let line = line_at(page.as_bytes(), start);
    let row = past_marks(line);
    let list_item = opens_list_item(row);
    if !list_item && is_delimiter_row_on_github(row) {
        return None;
    }
    let is_marker = |byte: &u8| matches!(byte, b'-' | b':');
    let pipe = memchr::memchr(b'|', row);
    let past_pipe = pipe.map_or(0, |pipe| pipe + 1);
    let at = row[past_pipe..].iter().rposition(is_marker).map(|at| past_pipe + at);
    // Without a dash or colon past the pipe, a list item's marker stays, and its pipe is
    // rewritten; any other row's last dash or colon.
    let at = at.or(pipe.filter(|_| list_item)).or_else(|| row.iter().rposition(is_marker))?;
    let at = start + (line.len() - row.len()) + at;
    Some(at..at + 1)
}

/// Whether GFM reads `row` (a line past its containers' marks, without its line end) as a
/// delimiter row ([`gfm_delimiter_cells`]).
fn is_delimiter_row_on_github(row: &[u8]) -> bool {
    gfm_delimiter_cells(row).is_some()
}

/// Where GFM reads `row` (a line past its containers' marks, without its line end) as a
/// delimiter row, `[|]? marker ([|] marker)* [|]?`, each marker `:?-+:?` with spaces or tabs
/// around it (cmark-gfm's `scan_table_start`), its number of cells.
pub(super) fn gfm_delimiter_cells(row: &[u8]) -> Option<usize> {
    let is_space = |byte: &u8| matches!(byte, b' ' | b'\t' | 0x0B | 0x0C);
    let skip_spaces =
        |rest: &[u8]| rest.iter().position(|byte| !is_space(byte)).unwrap_or(rest.len());
    let mut rest = row.strip_prefix(b"|").unwrap_or(row);
    let mut cells = 0;
    loop {
        rest = &rest[skip_spaces(rest)..];
        rest = rest.strip_prefix(b":").unwrap_or(rest);
        let dashes = rest.iter().take_while(|byte| **byte == b'-').count();
        if dashes == 0 {
            return None;
        }
        cells += 1;
        rest = &rest[dashes..];
        rest = rest.strip_prefix(b":").unwrap_or(rest);
        rest = &rest[skip_spaces(rest)..];
        match rest {
            [] => return Some(cells),
            [b'|', after @ ..] if after.iter().all(is_space) => return Some(cells),
            [b'|', after @ ..] => rest = after,
            _ => return None,
        }
    }
}

/// The cells of `row`, a table's row (a line past its containers' marks) as GFM splits it:
/// at each pipe not escaped with a backslash, a pipe at either end opening or closing it.
pub(super) fn gfm_row_cells(row: &[u8]) -> usize {
    let row = row.trim_ascii();
    let mut pipes = 0;
    let mut escaped = false;
    for &byte in row {
        pipes += usize::from(byte == b'|' && !escaped);
        escaped = byte == b'\\' && !escaped;
    }
    let open = usize::from(row.starts_with(b"|"));
    let close = usize::from(row.len() > 1 && row.ends_with(b"|") && !row.ends_with(b"\\|"));
    (pipes + 1).saturating_sub(open + close)
}

#[cfg(test)]
mod tests {
    use super::super::{KeepNothing, Whole, parse};
    use super::*;

    #[test]
    fn rows_have_as_many_cells_as_github_splits_them_into() {
        for (row, cells) in
            [("| a | b |", 2), ("a | b", 2), ("| a \\| b |", 1), ("|a|", 1), ("| a ", 1)]
        {
            assert_eq!(gfm_row_cells(row.as_bytes()), cells, "{row}");
        }
        for (row, cells) in [("| -- | -- | -- | -- |", 4), ("---|:-:", 2), ("|-|", 1)] {
            assert_eq!(gfm_delimiter_cells(row.as_bytes()), Some(cells), "{row}");
        }
        let unequal = |page: &str| -> Vec<(usize, usize)> {
            let page = parse(page);
            let found = super::super::unequal_headers(&page);
            found.iter().map(|found| (found.header_cells, found.delimiter_cells)).collect()
        };
        assert_eq!(
            unequal("Text.\n\n| a | b | c |\n| -- | -- | -- | -- |\n| 1 | 2 | 3 |\n"),
            [(3, 4)]
        );
        assert_eq!(unequal("> | a | b |\n> |---|\n"), [(2, 1)]);
        // A table, and lines in a code block, are no paragraph's.
        assert!(unequal("| a | b |\n|---|---|\n| 1 | 2 |\n").is_empty());
        assert!(unequal("```\n| a | b |\n|---|\n```\n").is_empty());
    }

    #[test]
    fn delimiter_rows_are_told_as_github_tells_them() {
        for row in ["|---|", "| :-- | --: |", ":-:|---", "|-|-|", "---", "|\t:--:\t|  ", "|--|--|"]
        {
            assert!(is_delimiter_row_on_github(row.as_bytes()), "{row}");
        }
        for row in ["|: --: |--|", "|:-- -:|", "| - - |", "|-:-|", "|::--|", "|--::|", "|:|", "||"]
        {
            assert!(!is_delimiter_row_on_github(row.as_bytes()), "{row}");
        }
        for row in ["- | - |", "-\t|--|", "- |"] {
            assert!(opens_list_item(row.as_bytes()), "{row}");
        }
        for row in ["-|-", "--- | ---", "-   ", "| - |"] {
            assert!(!opens_list_item(row.as_bytes()), "{row}");
        }
    }

    /// The page with the bytes [`read_as_text`] finds in its first reading written as `%`.
    fn rewritten(page: &str) -> String {
        let whole = Whole::of(page);
        let first = super::super::read_whole_once(page, &whole, &[], &[], &|| KeepNothing);
        let mut copy = page.to_owned();
        super::super::rewrite(&mut copy, &read_as_text(page, &first.tables).bytes);
        copy
    }

    #[test]
    fn a_byte_past_the_first_pipe_of_a_loose_delimiter_row_is_rewritten() {
        // Dynamics 365's implementation guide.
        let page = "| Done? | Task |\n|: --: |--|\n| x | y |\n";
        assert_eq!(rewritten(page), "| Done? | Task |\n|: --: |-%|\n| x | y |\n");
        // Past a list item's markers, which GitHub reads as such.
        let listed = "a | b\n- - | --\n";
        assert_eq!(rewritten(listed), "a | b\n- - | -%\n");
        // In a block quote.
        let quoted = "> a | b\n> -- | -:-\n";
        assert_eq!(rewritten(quoted), "> a | b\n> -- | -:%\n");
        // A list item's first line, as GitHub reads it: only its pipe is left to rewrite.
        let item = "a | b\n- | -\n";
        assert_eq!(rewritten(item), "a | b\n- | %\n");
        let one_column = "| a |\n- |\n";
        assert_eq!(rewritten(one_column), "| a |\n- %\n");
        // GFM's delimiter rows are left as they are.
        let fine = "| a | b |\n| :-- |\t--: |\n| 1 | 2 |\n";
        assert_eq!(rewritten(fine), fine);
    }

    #[test]
    fn a_table_under_a_loose_delimiter_row_is_no_table_and_its_lines_are_the_pages() {
        let page = "| Done? | Task |\n|: --: |--|\n| x | y |\n\nAfter.\n";
        let read = parse(page);
        assert!(read.tables.is_empty());
        let texts: Vec<_> = (read.events.iter())
            .filter_map(|(event, _)| match event {
                pulldown_cmark::Event::Text(text) => Some(text.to_string()),
                _ => None,
            })
            .collect();
        assert_eq!(texts, ["| Done? | Task |", "|: --: |--|", "| x | y |", "After."]);
        // Under it, a table of its own, whose header is the loose row: read with that
        // header's cells as the page writes them.
        let under = "| a | b |\n|: --: |--|\n|---|---|\n| 1 | 2 |\n";
        let read = parse(under);
        assert_eq!(read.tables.len(), 1);
        let header: Vec<_> = read.tables[0].header.iter().map(|cell| &*cell.text).collect();
        assert_eq!(header, [": --:", "--"]);
    }

    #[test]
    fn rows_under_a_loose_delimiter_row_that_could_be_one_are_found_with_it() {
        // Each loose row the header of the next table once the one above is no table: found
        // one reading at a time, a page of such rows was read once for each.
        let page = format!("| a | b |\n{}", "|: --: |--|\n| x | y |\n".repeat(50));
        let whole = Whole::of(&page);
        let first = super::super::read_whole_once(&page, &whole, &[], &[], &|| KeepNothing);
        assert_eq!(read_as_text(&page, &first.tables).bytes.len(), 50);
        assert!(parse(&page).tables.is_empty());
        // A row GFM takes as a delimiter row makes a table of its own, under the paragraph,
        // whose loose rows are rows.
        let under = "| a | b |\n|: --: |--|\n| x | y |\n|---|---|\n|: --: |--|\n";
        let read = parse(under);
        assert_eq!(read.tables.len(), 1);
        let row: Vec<_> = read.tables[0].rows[0].cells().iter().map(|cell| &*cell.text).collect();
        assert_eq!(row, [": --:", "--"]);
    }
}
