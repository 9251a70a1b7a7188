//! The second half of stage 4: with `split-codes = true`, each row whose key cell holds
//! several codes, listed in code spans (`` `BAD_REQUEST` / `VALIDATION_FAILED` ``, as pages
//! write the codes that share a row), listed as plain integers (`400, 422`, `404/410`) or on
//! lines of their own (`400<br>403`), becomes a row
//! of each code with the row's other cells, so that each code is a variant of its own, found
//! by its own code. The key cell of each is the code alone: its text, and where it is on the
//! page, which diagnostics point at.

use std::ops::Range;
use std::sync::Arc;

use pulldown_cmark::{CowStr, Event};

use crate::int_code::Codes;
use crate::manifest::TableSpec;
use crate::markdown::{
    Cell, CellExtras, Kept, Row, Table, is_list_separator, line_ranges, listed_code_span_ranges,
};

/// `table` with each row whose key cell (column `key`) holds several codes made a row of
/// each, in the cell's order; `None` where the manifest does not ask for it or no cell holds
/// several, as the table serves as it is.
pub fn rows<'a>(
    spec: &TableSpec,
    source: &'a str,
    table: &Table<'a>,
    key: usize,
) -> Option<Table<'a>> {
    if !spec.splits_codes() {
        return None;
    }
    let read = spec.codes();
    let split: Vec<Option<Vec<Cell<'a>>>> =
        table.rows.iter().map(|row| codes(source, &row.cells()[key], read)).collect();
    if split.iter().all(Option::is_none) {
        return None;
    }
    let mut rows = Vec::with_capacity(table.rows.len());
    for (row, codes) in table.rows.iter().zip(split) {
        let Some(codes) = codes else {
            rows.push(row.clone());
            continue;
        };
        for code in codes {
            let mut cells = row.cells().to_vec();
            cells[key] = code;
            rows.push(Row::new(row.span.clone(), cells, row.extra.clone()));
        }
    }
    Some(table.with_rows(rows))
}

/// Whether `split-codes` makes a row of each code of a key cell whose Markdown is `markdown`
/// and whose plain text is `text`, in a table whose codes read as `codes`: what a help that
/// offers it asks, so that it offers it only where it would split the cell.
pub fn holds_several(markdown: &str, text: &str, codes: Codes) -> bool {
    pieces(markdown, text, codes).is_some()
}

/// Whether `split-codes` makes a row of each code of such a key cell, and each is an integer:
/// what the help for an integer code offers it for (`400<br>422`, not `E_INVALIDARG` over
/// `0x80070057`, a name and its code).
pub fn holds_several_integers(markdown: &str, text: &str, codes: Codes) -> bool {
    pieces(markdown, text, codes)
        .is_some_and(|pieces| pieces.iter().all(|(code, ..)| codes.number(code).is_some()))
}

/// One code of a cell of several: its text, where it is in the cell's Markdown, and the event
/// its rustdoc is (a code span, or text).
type Piece<'a> = (String, Range<usize>, fn(CowStr<'a>) -> Event<'a>);

/// The codes a key cell of Markdown `markdown` and plain text `text` holds, where it holds
/// several: listed in code spans, listed as integers (as `codes` reads them), or on lines of
/// their own (each line a code: its plain text, as the cell's is).
fn pieces<'a>(markdown: &str, text: &str, codes: Codes) -> Option<Vec<Piece<'a>>> {
    if let Some(listed) = listed_code_span_ranges(markdown) {
        // GFM reads `\|` in a table's cell as a pipe, in a code span too.
        let code = |(code, range): (String, _)| (code.replace("\\|", "|"), range, Event::Code as _);
        return Some(listed.into_iter().map(code).collect());
    }
    if let Some(listed) = listed_integer_ranges(markdown, codes) {
        let code =
            |range: Range<usize>| (markdown[range.clone()].to_owned(), range, Event::Text as _);
        return Some(listed.into_iter().map(code).collect());
    }
    let lines = line_ranges(markdown)?;
    let texts: Vec<&str> = text.lines().collect();
    // Each line of the text is a line of the Markdown, which a line break ended; a line the
    // text reads otherwise (a list item's) is no code of its own.
    if texts.len() != lines.len() || texts.iter().any(|text| text.trim().is_empty()) {
        return None;
    }
    let line = |(text, range): (&str, _)| (text.trim().to_owned(), range, Event::Text as _);
    Some(texts.into_iter().zip(lines).map(line).collect())
}

/// Where each integer of a cell that is integers and nothing else, listed as code spans are
/// ([`is_list_separator`]: `400, 422`, `404/410`, `0x10 or 0x11`; in a table of hexadecimal
/// digits alone, `0A, 0B`), is in its `markdown`, each read as `codes` reads a code (integers
/// in decimal where the codes are text); `None` for any other cell (one integer, a range
/// `400-499`, words).
fn listed_integer_ranges(markdown: &str, codes: Codes) -> Option<Vec<Range<usize>>> {
    // Most cells are no such list: told by their first and last bytes, not split into words.
    let bytes = markdown.as_bytes();
    let (first, last) = (*bytes.first()?, *bytes.last()?);
    let starts_a_number = match codes {
        Codes::Hex => first.is_ascii_hexdigit(),
        Codes::Text | Codes::Decimal => first.is_ascii_digit() || first == b'-',
    };
    if !starts_a_number || !last.is_ascii_alphanumeric() {
        return None;
    }
    // Words of what an integer is written with: a range (`400-499`) is one word, and no
    // integer.
    let mut words = Vec::new();
    let mut start = None;
    for (at, c) in markdown.char_indices().chain([(markdown.len(), ' ')]) {
        match (c.is_ascii_alphanumeric() || c == '-', start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                words.push(from..at);
                start = None;
            }
            _ => {}
        }
    }
    let integers: Vec<Range<usize>> =
        words.into_iter().filter(|word| codes.number(&markdown[word.clone()]).is_some()).collect();
    let (first, last) = (integers.first()?, integers.last()?);
    // A comma between digits alone is a number's thousands (`1,024`), or may be.
    let lists = |gap: &str| is_list_separator(gap) && gap != ",";
    let gaps_list = integers.windows(2).all(|pair| lists(&markdown[pair[0].end..pair[1].start]));
    (integers.len() > 1 && first.start == 0 && last.end == markdown.len() && gaps_list)
        .then_some(integers)
}

/// The key cells of the codes `cell`, of the page `source`, holds, where it holds several, read
/// as `read` reads a table's codes.
fn codes<'a>(source: &str, cell: &Cell<'a>, read: Codes) -> Option<Vec<Cell<'a>>> {
    let pieces = pieces(&source[cell.markdown.clone()], &cell.text, read)?;
    let start = cell.markdown.start;
    let cells = pieces.into_iter().map(|(code, range, event)| {
        code_cell(cell, code, start + range.start..start + range.end, event)
    });
    Some(cells.collect())
}

/// The key cell of one code of the cell `holding`, at `span`: its text the code, its rustdoc
/// the code as `event` renders it (a code span, or text), and the anchor of the cell, which
/// names the row.
fn code_cell<'a>(
    holding: &Cell<'a>,
    code: String,
    span: Range<usize>,
    event: fn(CowStr<'a>) -> Event<'a>,
) -> Cell<'a> {
    let events = vec![(event(code.clone().into()), span.clone())];
    Cell {
        text: Arc::from(code),
        span: span.clone(),
        markdown: span,
        kept: Kept::EventsOnly(Box::new(events)),
        missing: false,
        // The row's anchor, not the holding cell's pictures: the key cell is the code alone.
        extras: CellExtras { anchor: holding.anchor().map(Box::from), without_pictures: None }
            .boxed(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown;
    use crate::model::testing::spec;

    const PAGE: &str = "| Status | Code | Description |\n|---|---|---|\n\
                        | 400 | `BAD_REQUEST` / `VALIDATION_FAILED` | Invalid. |\n\
                        | 404 | `NOT_FOUND` | Gone. |\n\
                        | 502 | `MALFORMED`, `NETWORK`, or `A\\|B` | Upstream. |\n\
                        | 409 | **CONFLICT** <br/> BUSY | Busy. |\n| 410 | A <br><br> B | Gone. |\n";

    fn split(options: &str) -> Option<Vec<(String, String, String)>> {
        let page = markdown::parse(PAGE);
        let spec = spec(&format!("key-column = \"Code\"\nkey-type = \"str\"\n{options}"));
        let table = rows(&spec, PAGE, &page.tables[0], 1)?;
        let row = |row: &Row<'_>| {
            let key = &row.cells()[1];
            let texts = row.texts().iter().map(|text| text.to_string()).collect::<Vec<_>>();
            (
                texts.join(" | "),
                PAGE[key.span.clone()].to_owned(),
                PAGE[row.span.clone()].to_owned(),
            )
        };
        Some(table.rows.iter().map(row).collect())
    }

    /// Each code a key cell lists in code spans, or holds a line each, is a row of its own, in
    /// the cell's order, with the row's other cells; its key cell is the code alone (where
    /// diagnostics point), its text the code as GFM reads it in a table (`A\|B` is `A|B`). A
    /// cell of one code stays as it is, and so does one whose lines have an empty one between.
    #[test]
    fn each_code_a_cell_lists_is_a_row_of_its_own() {
        let rows = split("split-codes = true").unwrap();
        let texts: Vec<&str> = rows.iter().map(|(texts, _, _)| texts.as_str()).collect();
        assert_eq!(
            texts,
            [
                "400 | BAD_REQUEST | Invalid.",
                "400 | VALIDATION_FAILED | Invalid.",
                "404 | NOT_FOUND | Gone.",
                "502 | MALFORMED | Upstream.",
                "502 | NETWORK | Upstream.",
                "502 | A|B | Upstream.",
                "409 | CONFLICT | Busy.",
                "409 | BUSY | Busy.",
                "410 | A\n\nB | Gone.",
            ]
        );
        let spans: Vec<&str> = rows.iter().map(|(_, span, _)| span.as_str()).collect();
        assert_eq!(
            spans,
            [
                "`BAD_REQUEST`",
                "`VALIDATION_FAILED`",
                "`NOT_FOUND`",
                "`MALFORMED`",
                "`NETWORK`",
                "`A\\|B`",
                "**CONFLICT**",
                "BUSY",
                "A <br><br> B",
            ]
        );
        // Each stays on its line of the page.
        assert!(rows[1].2.contains("400 |") && rows[5].2.contains("502 |"), "{rows:?}");
    }

    /// Without `split-codes = true`, or where no cell lists codes, the table serves as it is.
    #[test]
    fn a_table_is_split_only_where_asked_and_a_cell_lists_codes() {
        assert!(split("").is_none());
        assert!(split("split-codes = false").is_none());
        let page = markdown::parse("| Code |\n|---|\n| `A` |\n| B / C |\n");
        let spec = spec("key-column = \"Code\"\nkey-type = \"str\"\nsplit-codes = true");
        assert!(rows(&spec, "| Code |\n|---|\n| `A` |\n| B / C |\n", &page.tables[0], 0).is_none());
    }

    /// The codes `listed_integer_ranges` finds in `markdown`, read as `codes`.
    fn listed(markdown: &str, codes: Codes) -> Option<Vec<String>> {
        let ranges = listed_integer_ranges(markdown, codes)?;
        Some(ranges.into_iter().map(|range| markdown[range].to_owned()).collect())
    }

    /// Asserts that, read as `codes`, each cell of `lists` lists its codes (and holds several
    /// integers) and no cell of `none` lists any.
    fn assert_listed(codes: Codes, lists: &[(&str, &[&str])], none: &[&str]) {
        for &(markdown, expected) in lists {
            assert_eq!(listed(markdown, codes).expect(markdown), expected, "{markdown}");
            assert!(holds_several_integers(markdown, markdown, codes), "{markdown}");
        }
        for &markdown in none {
            assert_eq!(listed(markdown, codes), None, "{markdown}");
        }
    }

    /// The key cells, on the page, of the table of `source` split, its codes in its first
    /// column, headed `header`, and `options` the rest of its `[[table]]`.
    fn split_keys<'s>(source: &'s str, header: &str, options: &str) -> Vec<&'s str> {
        let page = markdown::parse(source);
        let spec = spec(&format!("key-column = \"{header}\"\nsplit-codes = true\n{options}"));
        let table = rows(&spec, source, &page.tables[0], 0).unwrap();
        table.rows.iter().map(|row| &source[row.cells()[0].span.clone()]).collect()
    }

    /// Integers listed as code spans are, without the backticks (`400, 422`, as API guides
    /// give the statuses that share a meaning), are codes of their own; a range, a class, one
    /// integer and words, integers with more between them, or a number with a thousands
    /// separator (`1,024`) are not.
    #[test]
    fn integers_listed_plainly_are_codes_of_their_own() {
        let lists: [(&str, &[&str]); 4] = [
            ("400, 422", &["400", "422"]),
            ("404/410", &["404", "410"]),
            ("0x10 or 0x11", &["0x10", "0x11"]),
            ("-1, -2, or 3", &["-1", "-2", "3"]),
        ];
        let none = ["400", "400-499", "400-499, 500", "4xx, 5xx", "400 and 422", "400 Bad, 422"];
        let more =
            ["400 (see below), 422", "Status 400, 422", "400, 422.", "1,024", "1,024, 2,048"];
        // Hexadecimal digits are no decimal integer, and `0A` two words of one.
        let hex = ["0A, 0B"];
        assert_listed(Codes::Decimal, &lists, &[&none[..], &more, &hex].concat());
        let source = "| Code | Meaning |\n|---|---|\n| 400, 422 | Invalid. |\n| 404 | Gone. |\n";
        assert_eq!(split_keys(source, "Code", "key-type = \"u16\""), ["400", "422", "404"]);
    }

    /// In a table of hexadecimal digits alone (`key-radix = 16`), such digits listed plainly
    /// are codes of their own as decimal ones are elsewhere (`0A, 0B`, `FF/FE`); a range, one
    /// code and words, and digits a comma alone parts are not.
    #[test]
    fn hexadecimal_digits_listed_plainly_are_codes_of_their_own_in_a_table_of_them() {
        let lists: [(&str, &[&str]); 3] = [
            ("0A, 0B", &["0A", "0B"]),
            ("FF/FE", &["FF", "FE"]),
            ("0ah or 0x0B", &["0ah", "0x0B"]),
        ];
        let none = ["0A", "0A-0F", "0A Busy, 0B", "0A,0B", "-1, -2", "0A, 0G"];
        assert_listed(Codes::Hex, &lists, &none);
        let source =
            "| Code (hex) | Meaning |\n|---|---|\n| 0A, 0B | Gateway. |\n| 10 | Vendor. |\n";
        let options = "key-type = \"u8\"\nkey-radix = 16";
        assert_eq!(split_keys(source, "Code (hex)", options), ["0A", "0B", "10"]);
    }
}
