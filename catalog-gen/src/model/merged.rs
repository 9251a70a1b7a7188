//! Stage 4, after the columns are found: rows that are one row of the page, made one. Two
//! kinds:
//!
//! - In a table written in HTML, rows whose code cell is one cell that spans them (`<td
//!   rowspan="3">ACLNN_ERR_PARAM_INVALID</td>`, as Huawei's CANN pages give a code the several
//!   causes of its error, a row each), as the page shows the code once. (A cell that spans
//!   rows stands in each row it covers: [`crate::markdown`] reads it so, and a cell spanning
//!   rows in another column, `Retry: No` beside three codes, is each row's.)
//! - With `continued-rows = true`, rows without a code (their code cell empty, and their name
//!   cell too where another column names the variants) right below a row: more lines of the
//!   row above, as tables exported from wikis, or wrapped to a width as MQTT libraries write
//!   their tables of reason codes, write a cell's further lines.
//!
//! Each other cell of the rows that differs from row to row is one cell of their texts, a
//! line each. Without it, the code would be a duplicate of itself, or a row would have none.

use std::sync::Arc;

use crate::markdown::{Cell, CellExtras, Kept, Row, Table};
use crate::model::columns::Columns;

/// `table`, keyed and named by `columns`, with each run of rows that are one row made one
/// (`continued`: whether the manifest joins the rows that continue the one above them);
/// `None` where no rows are, as the table serves as it is. `firsts` are where the rows that
/// start a table of the page start (the first row's, and where `all-tables` joins several,
/// the first row's of each other): no row continues a row of another table.
pub fn rows<'a>(
    table: &Table<'a>,
    firsts: &[usize],
    columns: &Columns,
    continued: bool,
) -> Option<Table<'a>> {
    // Not only where `table.html`: of tables `all-tables` joins, some may be in HTML. Cells
    // of a pipe table are never one cell.
    let joins = |above: &Row<'a>, row: &Row<'a>| {
        above.cells()[columns.key].is_same_cell(&row.cells()[columns.key])
            || continued && may_continue(row, columns) && !firsts.contains(&row.span.start)
    };
    // A pipe table alone, its rows never one cell: nothing to look for.
    if !table.html && firsts.len() == 1 && !continued {
        return None;
    }
    if !table.rows.windows(2).any(|pair| joins(&pair[0], &pair[1])) {
        return None;
    }
    let mut merged = Vec::with_capacity(table.rows.len());
    let mut run: Vec<&Row<'a>> = Vec::new();
    for row in &table.rows {
        if run.last().is_some_and(|last| !joins(last, row)) {
            merged.push(one_row(&run));
            run.clear();
        }
        run.push(row);
    }
    merged.push(one_row(&run));
    Some(table.with_rows(merged))
}

/// Whether `row`, not the first of its table, may be more lines of the row above it: its code
/// cell empty, and its name cell too. With `continued-rows`, it is; without, its error offers
/// the option.
pub fn may_continue(row: &Row<'_>, columns: &Columns) -> bool {
    row.cells()[columns.key].text.is_empty() && row.cells()[columns.name].text.is_empty()
}

/// The one row of `run`, rows that are one: each column's cell the one cell where they share
/// it or where one only shows text, else their cells joined ([`joined`]).
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

/// One cell of `cells`, each a line of it (as `<br>` between them shows them): their texts
/// joined, and the cells kept for its rustdoc ([`Kept::Lines`]); where it is on the page, the
/// first's.
fn joined<'a>(cells: &[&Cell<'a>]) -> Cell<'a> {
    let texts: Vec<&str> = cells.iter().map(|cell| &*cell.text).collect();
    let (first, last) = (cells[0], cells[cells.len() - 1]);
    // The lines' words shown, joined as their texts are, where a line has a picture.
    let has_pictures = cells.iter().any(|cell| cell.has_pictures_beside_words());
    let words = || cells.iter().map(|cell| cell.words_shown()).collect::<Vec<_>>().join("\n");
    let extras = CellExtras {
        anchor: cells.iter().find_map(|cell| cell.anchor()).map(Box::from),
        without_pictures: has_pictures.then(|| words().into()),
    };
    Cell {
        text: Arc::from(texts.join("\n")),
        span: first.span.clone(),
        markdown: first.markdown.start..last.markdown.end.max(first.markdown.start),
        kept: Kept::Lines(cells.iter().map(|&cell| cell.clone()).collect()),
        missing: false,
        extras: extras.boxed(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown;
    use crate::model::columns;
    use crate::model::testing::{PLACE, spec};

    const PAGE: &str = "<table>\n<tr><th>Code</th><th>Number</th><th>Cause</th><th>Retry</th></tr>\n\
        <tr><td>NULLPTR</td><td>1</td><td>A null pointer.</td><td rowspan=\"3\">No</td></tr>\n\
        <tr><td rowspan=\"2\">INVALID</td><td rowspan=\"2\">2</td><td>A type.</td></tr>\n\
        <tr><td>A shape.</td></tr>\n<tr><td>OTHER</td><td>3</td><td></td><td>Yes</td></tr>\n</table>\n";

    fn texts(table: &Table<'_>) -> Vec<Vec<String>> {
        let row = |row: &Row<'_>| row.cells().iter().map(|cell| cell.text.to_string()).collect();
        table.rows.iter().map(row).collect()
    }

    /// The first table of `page` with its rows made one as `options` (the `[[table]]`'s) say;
    /// `None` where none are.
    fn merged<'a>(page: &markdown::Page<'a>, options: &str) -> Option<Table<'a>> {
        let spec = spec(&format!("key-type = \"str\"\n{options}"));
        let columns = columns::resolve(&PLACE, &spec, &page.tables[0], &mut Vec::new()).unwrap();
        let firsts = [page.tables[0].rows[0].span.start];
        rows(&page.tables[0], &firsts, &columns, spec.continues_rows())
    }

    /// The rows a code cell spans are one row of that code: a cell they share is the one
    /// cell, the cells that differ one of their texts, a line each. A cell spanning rows in
    /// another column (`Retry`) leaves each row its own: it is each row's.
    #[test]
    fn the_rows_a_code_cell_spans_are_one_row() {
        let page = markdown::parse(PAGE);
        let table = &page.tables[0];
        assert_eq!(texts(table).len(), 4);
        let merged_by = |key: &str| merged(&page, &format!("key-column = \"{key}\""));
        let one = merged_by("Code").unwrap();
        assert_eq!(
            texts(&one),
            [
                ["NULLPTR", "1", "A null pointer.", "No"],
                ["INVALID", "2", "A type.\nA shape.", "No"],
                ["OTHER", "3", "", "Yes"],
            ]
        );
        let cause = &one.rows[1].cells()[2];
        assert_eq!(&PAGE[cause.span.clone()], "A type.");
        assert!(matches!(&cause.kept, Kept::Lines(lines) if lines.len() == 2));
        // Keyed by `Number`, the same; by `Cause`, whose cells span no rows, none.
        assert_eq!(texts(&merged_by("Number").unwrap()), texts(&one));
        assert!(merged_by("Cause").is_none());
        // Joined (`all-tables`) after a pipe table, the HTML table's rows are as they were.
        let source = format!(
            "| Code | Number | Cause | Retry |\n|---|---|---|---|\n| A | 0 | x | y |\n\n{PAGE}"
        );
        let page = markdown::parse(&source);
        let joined = crate::model::select::joined(&[&page.tables[0], &page.tables[1]]);
        let spec = spec("key-column = \"Code\"\nkey-type = \"str\"");
        let columns = columns::resolve(&PLACE, &spec, &joined, &mut Vec::new()).unwrap();
        let both = rows(&joined, &[0, 1], &columns, false).unwrap();
        assert_eq!(texts(&both)[1..], texts(&one)[..]);
    }

    /// A cell joined of lines shows the words each line shows: a line's picture beside its
    /// words is left out of them, as of a cell's, and the lines' anchor is the cell's.
    #[test]
    fn a_joined_cells_words_are_its_lines_words() {
        let page = markdown::parse(
            "| Name |\n|---|\n| ![warning](w.png) Disk |\n| <a name=\"f\"></a>full |\n\
             | ![Gone](g.png) |\n",
        );
        let cells: Vec<&Cell<'_>> = page.tables[0].rows.iter().map(|row| &row.cells()[0]).collect();
        let two = joined(&cells[..2]);
        assert_eq!(
            (&*two.text, two.words_shown(), two.anchor()),
            ("warning Disk\nfull", "Disk\nfull", Some("f"))
        );
        let three = joined(&cells);
        assert_eq!(three.words_shown(), "Disk\nfull\nGone");
        // Without a picture beside words, the words shown are the text, and nothing is kept.
        let plain = joined(&cells[1..]);
        assert_eq!(plain.words_shown(), "full\nGone");
        assert_eq!(plain.extras.map(|extras| extras.without_pictures), Some(None));
    }

    /// A pipe table's rows are never one cell, however alike.
    #[test]
    fn a_pipe_tables_rows_are_its_own() {
        let page = markdown::parse("| Code | Cause |\n|---|---|\n| A | x |\n| A | y |\n");
        assert!(merged(&page, "key-column = \"Code\"\ncontinued-rows = true").is_none());
    }

    /// With `continued-rows = true`, rows without a code or a name right below a row are
    /// more lines of it, as a table wrapped to a width writes them (MQTT's reason codes); in a
    /// block quote too. A row without a code but with a name, a first row without a code,
    /// and the rows of a second table `all-tables` joins stay rows of their own.
    #[test]
    fn rows_without_a_code_continue_the_row_above_where_the_manifest_says_so() {
        let source = "| Dec | Name | Description |\n|---|---|---|\n\
            |     |      | Before any code. |\n\
            | 128 | Unspecified error | The receiver does not accept it, |\n\
            |     |                   | or it matches no other value. |\n\
            |     |                   | |\n\
            | 131 | Implementation specific error | Not willing. |\n\
            |     | Not authorized    | No code, a name. |\n";
        let options = "key-column = \"Dec\"\nname-column = \"Name\"";
        let page = markdown::parse(source);
        assert!(merged(&page, options).is_none());
        let one = merged(&page, &format!("{options}\ncontinued-rows = true")).unwrap();
        assert_eq!(
            texts(&one),
            [
                ["", "", "Before any code."],
                [
                    "128",
                    "Unspecified error",
                    "The receiver does not accept it,\nor it matches no other value."
                ],
                ["131", "Implementation specific error", "Not willing."],
                ["", "Not authorized", "No code, a name."],
            ]
        );
        let row = &one.rows[1];
        assert!(source[row.span.clone()].starts_with("128 |"));
        // Its rustdoc is each line's Markdown, as the page writes it.
        let cell = &row.cells()[2];
        assert_eq!(
            &source[cell.markdown.clone()],
            "The receiver does not accept it, |\n|     |                   | or it matches no other value."
        );
        let quoted = markdown::parse("> | C | D |\n> |---|---|\n> | 1 | a |\n> |   | b |\n");
        let one = merged(&quoted, "key-column = \"C\"\ncontinued-rows = true").unwrap();
        assert_eq!(texts(&one), [["1", "a\nb"]]);
        // In HTML, an empty code cell so too.
        let html = markdown::parse(
            "<table><tr><th>C</th><th>D</th></tr><tr><td>1</td><td>a</td></tr>\
             <tr><td></td><td><b>b</b></td></tr></table>\n",
        );
        let one = merged(&html, "key-column = \"C\"\ncontinued-rows = true").unwrap();
        assert_eq!(texts(&one), [["1", "a\nb"]]);
        // Two tables of one list (`all-tables`): the second's first row is its own.
        let two =
            markdown::parse("| C | D |\n|---|---|\n| 1 | a |\n\n| C | D |\n|---|---|\n|   | b |\n");
        let joined = crate::model::select::joined(&[&two.tables[0], &two.tables[1]]);
        let spec = spec("key-column = \"C\"\nkey-type = \"u8\"");
        let columns = columns::resolve(&PLACE, &spec, &joined, &mut Vec::new()).unwrap();
        let [first, second] = [0, 1].map(|table| two.tables[table].rows[0].span.start);
        assert!(rows(&joined, &[first, second], &columns, true).is_none());
        assert_eq!(texts(&rows(&joined, &[first], &columns, true).unwrap()), [["1", "a\nb"]]);
    }
}
