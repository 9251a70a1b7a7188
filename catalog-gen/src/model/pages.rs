//! Stage 1: every page the manifest names, parsed once however many tables it has, each
//! table with its header: the header row, or where that is empty, the first row; a table set
//! in columns (`| Code | Description | Code | Description |`) read a group of columns after
//! the other.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::diagnostics::Diagnostic;
use crate::manifest::Manifest;
use crate::markdown::{self, Cell, Dialect, Page, Row, Table};
use crate::model::problems::Place;
use crate::rustdoc;
use crate::source::{PageText, Pages};

/// A page read into tables, with its path as shown.
#[derive(Debug)]
pub struct ParsedPage<'a> {
    /// The page's path as shown to the user.
    pub path: String,
    /// The parsed page.
    pub page: Page<'a>,
    /// The page's text, shared: the rustdoc of its enums' variants reads their cells from it.
    pub text: Arc<String>,
}

/// The pages of `manifest` that could be read, by their `page` value; a problem for each that
/// could not.
pub fn parse<'a>(
    manifest_path: &str,
    manifest: &'a Manifest,
    pages: &'a Pages,
    problems: &mut Vec<Diagnostic>,
) -> BTreeMap<&'a str, ParsedPage<'a>> {
    let mut parsed = BTreeMap::new();
    let mut reported = Vec::new();
    for spec in &manifest.tables {
        let key = spec.page.get_ref().as_str();
        if parsed.contains_key(key) || reported.contains(&key) {
            continue;
        }
        let place = Place { manifest: manifest_path, page: key };
        match pages.get(key) {
            Some(PageText { text: Ok(text), path }) => {
                // Cells keep what rustdoc needs to rewrite them: their edits where they serve
                // against every URL the page is published at, their events otherwise.
                let mut tables = manifest.tables.iter().filter(|t| t.page.get_ref() == key);
                let plain_base = tables.all(|t| rustdoc::edits_serve_at(t.url.get_ref()));
                let keeper = || rustdoc::Keeper::new(plain_base);
                let mut page = markdown::parse_keeping_as(text, Dialect::of(path), keeper);
                for table in &mut page.tables {
                    head_by_first_row(text, table);
                    read_group_after_group(table);
                }
                parsed.insert(key, ParsedPage { path: path.clone(), page, text: Arc::clone(text) });
            }
            Some(PageText { text: Err(reason), .. }) => {
                problems.push(place.page_unreadable(spec.page.span(), key, reason));
                reported.push(key);
            }
            None => {
                problems.push(place.page_not_loaded(spec.page.span(), key));
                reported.push(key);
            }
        }
    }
    parsed
}

/// Where a table of two columns or more has a header row empty in every cell and a first row
/// with text, that row is its header: exports from wikis and editors whose tables have no
/// header write the one a Markdown table needs empty, and the header they show below it
/// (DingTalk's API pages: `|  |  |  |` over `| 错误码（errcode） | 错误码描述（errmsg） | 解决方案 |`).
/// GitHub shows that row as the table's first; readers take it as the header, and no manifest
/// could name the columns otherwise (two columns without a header cannot be told apart). A
/// table of one column keeps its empty header: its first row may as well be its first code.
/// So does a record, a table of fields whose every label is bold in its first column (Azure
/// File Sync's troubleshooting page gives each error one: `| **HRESULT** | 0x800704c7 |`): its
/// first row is its first field, not the names of its columns.
fn head_by_first_row(source: &str, table: &mut Table<'_>) {
    let empty = |cells: &[Cell<'_>]| cells.iter().all(|cell| cell.text.is_empty());
    let first_has_text = table.rows.first().is_some_and(|row| !empty(row.cells()));
    if table.header.len() >= 2
        && empty(&table.header)
        && first_has_text
        && !is_record(source, table)
    {
        table.header = table.rows.remove(0).into_cells();
    }
}

/// Where a table's header is one group of two columns or more set again beside itself (`| Code
/// | Description | Code | Description |`, as pages set a long list of short codes in two
/// columns or more, to save space), headers compared as a reader compares them
/// ([`super::normalize`]), each group is a list of rows: the table's rows are the first
/// group's, top to bottom, then the next group's, as a list set in columns is read; a group
/// whose cells are all empty in a row (the last row's, where the list ends) has no row there.
/// The header is the first group's. Text past the last group stays with the last group's row.
fn read_group_after_group(table: &mut Table<'_>) {
    let headers: Vec<String> =
        table.header.iter().map(|cell| super::normalize(&cell.text)).collect();
    let width = headers.len();
    let repeats = |group: &usize| {
        width.is_multiple_of(*group)
            && headers[..*group].iter().any(|header| !header.is_empty())
            && headers.chunks(*group).all(|chunk| chunk == &headers[..*group])
    };
    let Some(group) = (2..=width / 2).find(repeats) else { return };
    let mut rows = Vec::with_capacity(table.rows.len() * (width / group));
    for at in (0..width).step_by(group) {
        let last = at + group == width;
        for row in &table.rows {
            let cells = &row.cells()[at..at + group];
            if cells.iter().all(|cell| cell.text.is_empty()) {
                continue;
            }
            // Each keeps its line's span: a later group's first row starts where the table's
            // first row does, so that `continued-rows` continues no row of the group before it
            // (`merged::rows` tells a table's first row by where it starts).
            let extra = if last { row.extra.clone() } else { None };
            rows.push(Row::new(row.span.clone(), cells.to_vec(), extra));
        }
    }
    table.header.truncate(group);
    table.rows = rows;
}

/// Whether `table` is a record: two rows or more whose first cells are labels, each one bold
/// run (`**HRESULT**`), with rows whose first cell is empty between records, and a first row
/// whose other cells are not all bold too (a header written in bold, `| **Error Code** |
/// **Meaning** |`, is a header).
fn is_record(source: &str, table: &Table<'_>) -> bool {
    let bold = |cell: &Cell<'_>| markdown::is_one_bold_run(&source[cell.markdown.clone()]);
    let labelled =
        table.rows.iter().map(|row| &row.cells()[0]).filter(|cell| !cell.text.is_empty());
    let (mut labels, mut all_bold) = (0, true);
    for cell in labelled {
        labels += 1;
        all_bold &= bold(cell);
    }
    let header_in_bold =
        table.rows[0].cells().iter().all(|cell| cell.text.is_empty() || bold(cell));
    labels >= 2 && all_bold && !header_in_bold
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::pages_in_memory;

    #[test]
    fn each_page_is_parsed_once_and_unreadable_ones_are_problems() {
        let table = "[[table]]\nurl = \"https://x.test/\"\nkey-column = \"c\"\nkey-type = \"u8\"\n";
        let manifest = format!(
            "output = \"o\"\n{table}page = \"a.md\"\nmodule = \"a\"\nenum = \"A\"\n\
             {table}page = \"a.md\"\nmodule = \"a\"\nenum = \"B\"\n\
             {table}page = \"gone.md\"\nmodule = \"c\"\nenum = \"C\"\n"
        );
        let manifest = crate::manifest::parse("m.toml", &manifest).unwrap();
        let pages = pages_in_memory([("a.md", "| c |\n|---|\n| 1 |\n")]);
        let mut problems = Vec::new();
        let parsed = parse("m.toml", &manifest, &pages, &mut problems);
        assert_eq!(parsed.keys().copied().collect::<Vec<_>>(), ["a.md"]);
        assert_eq!(parsed["a.md"].page.tables.len(), 1);
        let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(messages, ["page `gone.md` was not loaded"]);
    }

    /// The header's and each row's texts of the first table of `source`, once `stage` has
    /// read it.
    fn read_by(
        source: &str,
        stage: impl FnOnce(&str, &mut Table<'_>),
    ) -> (Vec<String>, Vec<Vec<String>>) {
        let texts = |cells: &[Cell<'_>]| -> Vec<String> {
            cells.iter().map(|cell| cell.text.to_string()).collect()
        };
        let mut page = markdown::parse(source);
        let table = &mut page.tables[0];
        stage(source, table);
        (texts(&table.header), table.rows.iter().map(|row| texts(row.cells())).collect())
    }

    #[test]
    fn an_empty_header_of_two_columns_or_more_gives_way_to_a_first_row_with_text() {
        let read = |source: &str| read_by(source, head_by_first_row);
        let headed: (Vec<String>, Vec<Vec<String>>) =
            read("|  |  |\n| --- | --- |\n| 错误码 | 说明 |\n| -1 | 系统繁忙 |\n");
        assert_eq!(
            headed,
            (vec!["错误码".into(), "说明".into()], vec![vec!["-1".into(), "系统繁忙".into()]])
        );
        // A header written in bold, as Zoho ZeptoMail's page has it, over rows of bold codes.
        let bold = "| | |\n|-|-|\n| **Code** | **Meaning** |\n| **530** | Must issue STARTTLS. |\n\
                    | **535** | Authentication Failed. |\n";
        assert_eq!(read(bold).0, ["Code", "Meaning"]);
        let source = "|  |  |\n| --- | --- |\n| Code | |\n";
        let mut page = markdown::parse(source);
        head_by_first_row(source, &mut page.tables[0]);
        let header = &page.tables[0].header;
        assert_eq!(&source[header[0].span.clone()], "Code");
        assert!(page.tables[0].rows.is_empty());
        // Kept: one column, a header with any text, a first row without any.
        for source in [
            "| |\n|---|\n| 1 |\n| 2 |\n",
            "| Code | |\n|---|---|\n| 1 | a |\n| 2 | b |\n",
            "| | |\n|---|---|\n| | |\n| 1 | a |\n",
            // A record: bold labels, one a row, or two records with an empty row between.
            "| | |\n|-|-|\n| **HRESULT** | 0x800704c7 |\n| **錯誤字串** | ERROR_CANCELLED |\n",
            "| | |\n|-|-|\n| **HRESULT** | 0x8e5e0211 |\n| | |\n| **HRESULT** | 0x80c8031a |\n",
        ] {
            let rows = source.lines().count() - 2;
            assert_eq!(read(source).1.len(), rows, "{source}");
        }
    }

    /// A table set in columns is read a group after the other, each top to bottom, a group's
    /// empty cells in the last row no row; its header is the first group's, and the codes
    /// generate as any table's. Other headers that repeat are not a group set again.
    #[test]
    fn a_table_set_in_columns_is_read_a_group_after_the_other() {
        let read = |source: &str| read_by(source, |_, table| read_group_after_group(table));
        let page = "| Code | Description | code | DESCRIPTION |\n|---|---|---|---|\n\
                    | 200 | OK | 400 | Bad Request |\n| 201 | Created | 401 | Unauthorized |\n\
                    | 202 | Accepted | | |\n";
        let (header, rows) = read(page);
        assert_eq!(header, ["Code", "Description"]);
        let codes: Vec<&str> = rows.iter().map(|row| row[0].as_str()).collect();
        assert_eq!(codes, ["200", "201", "202", "400", "401"]);
        assert_eq!(rows[3], ["400", "Bad Request"]);
        let four = "| A | B | A | B | A | B | A | B |\n|-|-|-|-|-|-|-|-|\n| 1 | a | 2 | b | 3 | c | 4 | d |\n";
        assert_eq!(read(four).1.len(), 4);
        for kept in [
            "| A | A |\n|-|-|\n| 1 | 2 |\n",
            "| A | B | A |\n|-|-|-|\n| 1 | 2 | 3 |\n",
            "| | | | |\n|-|-|-|-|\n| 1 | 2 | 3 | 4 |\n",
        ] {
            assert_eq!(
                read(kept).1[0].len(),
                kept.lines().next().unwrap().matches('|').count() - 1
            );
        }
        let manifest = "output = \"o\"\n[[table]]\npage = \"p.md\"\nurl = \"https://x.test/p\"\n\
                        module = \"m\"\nenum = \"E\"\nkey-column = \"Code\"\nkey-type = \"u16\"\n\
                        name-column = \"Description\"\n";
        let pages = pages_in_memory([("p.md", page)]);
        let input = crate::Input {
            manifest_path: "c.toml",
            manifest_text: manifest,
            pages: &pages,
            command: "x",
        };
        let files =
            crate::generate(&input).unwrap_or_else(|failure| panic!("{}", failure.render(false)));
        let module = files.iter().find(|file| file.path == "m.rs").unwrap().text.to_string();
        let order = [
            "Ok = 200",
            "Created = 201",
            "Accepted = 202",
            "BadRequest = 400",
            "Unauthorized = 401",
        ];
        let at: Vec<usize> = order.iter().map(|variant| module.find(variant).unwrap()).collect();
        assert!(at.is_sorted(), "{module}");
        // A later group's first row continues no row of the group before it.
        let continued = manifest.replace("\"Description\"", "\"Name\"") + "continued-rows = true\n";
        let page = "| Code | Name | Meaning | Code | Name | Meaning |\n|-|-|-|-|-|-|\n\
                    | 200 | OK | Fine. | | | stray |\n| 201 | Created | New. | 400 | Bad | No. |\n";
        let pages = pages_in_memory([("p.md", page)]);
        let input = crate::Input { manifest_text: &continued, pages: &pages, ..input };
        let refused = crate::generate(&input).unwrap_err().render(false);
        assert!(refused.contains("error: empty code cell"), "{refused}");
    }
}
