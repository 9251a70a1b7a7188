//! Stage 4, after the columns are found: in a table written in HTML, rows whose code cell is
//! one cell that spans them (`<td rowspan="3">ACLNN_ERR_PARAM_INVALID</td>`, as Huawei's CANN
//! pages give a code the several causes of its error, a row each) are one row of that code,
//! as the page shows the code once: each other cell of theirs that differs from row to row is
//! one cell of their texts, a line each. Without it, the code would be a duplicate of itself.
//! (A cell that spans rows stands in each row it covers: [`crate::markdown`] reads it so, and
//! a cell spanning rows in another column, `Retry: No` beside three codes, is each row's.)

use std::sync::Arc;

use pulldown_cmark::{CowStr, Event};

use crate::markdown::{Cell, Events, Kept, Row, Table};

/// `table` with each run of rows whose key cell (column `key`) is one cell spanning them made
/// one row; `None` where no key cell spans rows, as the table serves as it is.
pub fn rows<'a>(table: &Table<'a>, key: usize) -> Option<Table<'a>> {
    let spans = |pair: &[Row<'a>]| pair[0].cells()[key].is_same_cell(&pair[1].cells()[key]);
    if !table.html || !table.rows.windows(2).any(spans) {
        return None;
    }
    let mut rows = Vec::with_capacity(table.rows.len());
    let mut run: Vec<&Row<'a>> = Vec::new();
    for row in &table.rows {
        if run.last().is_some_and(|last| !last.cells()[key].is_same_cell(&row.cells()[key])) {
            rows.push(one_row(&run));
            run.clear();
        }
        run.push(row);
    }
    rows.push(one_row(&run));
    Some(table.with_rows(rows))
}

/// The one row of `run`, rows whose key cell spans them all: each column's cell the one cell
/// where they share it, else their cells' texts joined ([`joined`]).
fn one_row<'a>(run: &[&Row<'a>]) -> Row<'a> {
    let first = run[0];
    if run.len() == 1 {
        return first.clone();
    }
    let last = run[run.len() - 1];
    let cells = (0..first.cells().len())
        .map(|column| {
            let mut distinct: Vec<&Cell<'a>> = Vec::with_capacity(run.len());
            for row in run {
                let cell = &row.cells()[column];
                let shown = !cell.missing && !cell.text.is_empty();
                if shown && !distinct.iter().any(|seen| seen.is_same_cell(cell)) {
                    distinct.push(cell);
                }
            }
            match distinct.as_slice() {
                [] => first.cells()[column].clone(),
                [one] => (*one).clone(),
                several => joined(several),
            }
        })
        .collect();
    Row::new(first.span.start..last.span.end, cells, first.extra.clone())
}

/// One cell of `cells`, each a line of it (as `<br>` between them shows them): their texts and
/// their inline events so joined; where it is on the page, the first's.
fn joined<'a>(cells: &[&Cell<'a>]) -> Cell<'a> {
    let texts: Vec<&str> = cells.iter().map(|cell| &*cell.text).collect();
    let kept = match cells.iter().all(|cell| matches!(cell.kept, Kept::EventsOnly(_))) {
        true => {
            let mut events: Events<'a> = Vec::new();
            for cell in cells {
                let Kept::EventsOnly(own) = &cell.kept else { continue };
                if !events.is_empty() {
                    events.push((Event::InlineHtml(CowStr::Borrowed("<br>")), cell.span.clone()));
                }
                events.extend(own.iter().cloned());
            }
            Kept::EventsOnly(Box::new(events))
        }
        // Kept as the page reads them, which cells written in HTML never are.
        false => Kept::Nothing,
    };
    Cell {
        text: Arc::from(texts.join("\n")),
        span: cells[0].span.clone(),
        markdown: cells[0].markdown.clone(),
        kept,
        missing: false,
        anchor: cells.iter().find_map(|cell| cell.anchor.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown;

    const PAGE: &str = "<table>\n<tr><th>Code</th><th>Number</th><th>Cause</th><th>Retry</th></tr>\n\
        <tr><td>NULLPTR</td><td>1</td><td>A null pointer.</td><td rowspan=\"3\">No</td></tr>\n\
        <tr><td rowspan=\"2\">INVALID</td><td rowspan=\"2\">2</td><td>A type.</td></tr>\n\
        <tr><td>A shape.</td></tr>\n<tr><td>OTHER</td><td>3</td><td></td><td>Yes</td></tr>\n</table>\n";

    fn texts(table: &Table<'_>) -> Vec<Vec<String>> {
        let row = |row: &Row<'_>| row.cells().iter().map(|cell| cell.text.to_string()).collect();
        table.rows.iter().map(row).collect()
    }

    /// The rows a code cell spans are one row of that code: a cell they share is the one
    /// cell, the cells that differ one of their texts, a line each. A cell spanning rows in
    /// another column (`Retry`) leaves each row its own: it is each row's.
    #[test]
    fn the_rows_a_code_cell_spans_are_one_row() {
        let page = markdown::parse(PAGE);
        let table = &page.tables[0];
        assert_eq!(texts(table).len(), 4);
        let merged = rows(table, 0).unwrap();
        assert_eq!(
            texts(&merged),
            [
                ["NULLPTR", "1", "A null pointer.", "No"],
                ["INVALID", "2", "A type.\nA shape.", "No"],
                ["OTHER", "3", "", "Yes"],
            ]
        );
        let cause = &merged.rows[1].cells()[2];
        assert_eq!(&PAGE[cause.span.clone()], "A type.");
        // Keyed by `Number`, the same; by `Cause`, whose cells span no rows, none.
        assert_eq!(texts(&rows(table, 1).unwrap()), texts(&merged));
        assert!(rows(table, 2).is_none());
    }

    /// A pipe table's rows are never one cell, however alike.
    #[test]
    fn a_pipe_tables_rows_are_its_own() {
        let page = markdown::parse("| Code | Cause |\n|---|---|\n| A | x |\n| A | y |\n");
        assert!(rows(&page.tables[0], 0).is_none());
    }
}
