//! The second half of stage 4: with `split-codes = true`, each row whose key cell lists
//! several codes, each in a code span (`` `BAD_REQUEST` / `VALIDATION_FAILED` ``, as pages
//! write the codes that share a row), becomes a row of each code with the row's other cells,
//! so that each code is a variant of its own, found by its own code. The key cell of each is
//! the code's span alone: what diagnostics point at and the variant's rustdoc shows.

use std::sync::Arc;

use pulldown_cmark::Event;

use crate::manifest::TableSpec;
use crate::markdown::{Cell, Kept, Row, Table, listed_code_span_ranges};

/// `table` with each row whose key cell (column `key`) lists codes made a row of each, in the
/// order the cell lists them; `None` where the manifest does not ask for it or no cell lists
/// codes, as the table serves as it is.
pub fn rows<'a>(
    spec: &TableSpec,
    source: &'a str,
    table: &Table<'a>,
    key: usize,
) -> Option<Table<'a>> {
    if !spec.split_codes.as_ref().is_some_and(|split| *split.get_ref()) {
        return None;
    }
    let listed = |row: &Row<'a>| {
        let cell = &row.cells()[key];
        let start = cell.markdown.start;
        let listed = listed_code_span_ranges(&source[cell.markdown.clone()])?;
        Some(
            listed
                .into_iter()
                .map(move |(code, range)| (code, start + range.start..start + range.end)),
        )
    };
    if !table.rows.iter().any(|row| listed(row).is_some()) {
        return None;
    }
    let mut rows = Vec::with_capacity(table.rows.len());
    for row in &table.rows {
        let Some(codes) = listed(row) else {
            rows.push(row.clone());
            continue;
        };
        for (code, span) in codes {
            let mut cells = row.cells().to_vec();
            cells[key] = code_cell(&cells[key], code, span);
            rows.push(Row::new(row.span.clone(), cells, row.extra.clone()));
        }
    }
    Some(table.with_rows(rows))
}

/// The key cell of one code that `listed` lists, whose code span is at `span`: its text the
/// code, as GFM reads it in a table (`\|` is a pipe, in a code span too), its rustdoc the
/// code span, and the anchor of the cell, which names the row.
fn code_cell<'a>(listed: &Cell<'a>, code: String, span: std::ops::Range<usize>) -> Cell<'a> {
    let code = code.replace("\\|", "|");
    let events = vec![(Event::Code(code.clone().into()), span.clone())];
    Cell {
        text: Arc::from(code),
        span: span.clone(),
        markdown: span,
        kept: Kept::EventsOnly(Box::new(events)),
        missing: false,
        anchor: listed.anchor.clone(),
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
                        | 502 | `MALFORMED`, `NETWORK`, or `A\\|B` | Upstream. |\n";

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

    /// Each code a key cell lists in code spans is a row of its own, in the cell's order, with
    /// the row's other cells; its key cell is the code span alone (where diagnostics point),
    /// its text the code as GFM reads it in a table (`A\|B` is `A|B`). A cell of one code
    /// stays as it is.
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
                "`A\\|B`"
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
}
