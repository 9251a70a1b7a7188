//! Tables large enough that generation spreads its work over threads still come out in the
//! document's order, the same bytes every time.

use catalog_gen::{Input, markdown, synth};

const ROWS: usize = 7000;

fn generate(docs: &synth::Docs) -> String {
    let pages = catalog_gen::pages_in_memory(docs.pages.clone());
    let files = catalog_gen::generate(&Input {
        manifest_path: "catalog.toml",
        manifest_text: &docs.manifest,
        pages: &pages,
        command: "cargo xtask regen",
    })
    .expect("synthetic docs are valid");
    files
        .into_iter()
        .find(|file| file.path == "service_0.rs")
        .expect("the module's file")
        .text
        .to_string()
}

/// The lines between `start` (a line of its own) and the next line that closes it.
fn section<'a>(text: &'a str, start: &str, end: &str) -> Vec<&'a str> {
    text.lines()
        .skip_while(|line| line.trim() != start)
        .skip(1)
        .take_while(|line| line.trim() != end)
        .map(str::trim)
        .collect()
}

#[test]
fn rows_keep_the_documents_order_and_bytes_do_not_change_between_runs() {
    let docs = synth::docs(ROWS, 1, "out", &[]);
    let text = generate(&docs);
    assert_eq!(text, generate(&docs), "two runs gave different bytes");

    let page = markdown::parse(&docs.pages[0].1);
    let table = &page.tables[0];
    assert_eq!(table.rows.len(), ROWS);
    let rows =
        section(&text, "const ROWS: &'static [[&'static ::core::primitive::str; 4]] = &[", "];");
    assert_eq!(rows.len(), ROWS);
    for (line, row) in rows.iter().zip(&table.rows) {
        let start = format!("[\"{}\", \"{}\", ", row.cells[0].text, row.cells[1].text);
        assert!(line.starts_with(&start), "{line} should start with {start}");
    }
    let all = section(&text, "pub const ALL: &'static [Self] = &[", "];");
    let indices = section(&text, "match self {", "}");
    assert_eq!(all.len(), ROWS);
    for (index, (variant, arm)) in all.iter().zip(&indices).enumerate() {
        let variant = variant.trim_end_matches(',');
        assert_eq!(*arm, format!("{variant} => {index},"));
    }
}
