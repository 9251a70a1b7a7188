//! Warnings: the run succeeds and they are reported; `deny_warnings` makes them errors and
//! nothing is written. (What each warning says is in the golden files of `tests/ui`.)

use std::fs;

use catalog_gen::regen::{self, Error, Mode, Options};
use catalog_gen::{Diagnostic, Input, pages_in_memory, synth};

/// The warnings of generating `docs`.
fn warnings_of(docs: &synth::Docs) -> Vec<Diagnostic> {
    let pages = pages_in_memory(docs.pages.clone());
    let input = Input {
        manifest_path: "c.toml",
        manifest_text: &docs.manifest,
        pages: &pages,
        command: "x",
    };
    let manifest = catalog_gen::parse_manifest("c.toml", &docs.manifest).unwrap();
    catalog_gen::generate_from(&manifest, &input).unwrap().warnings
}

fn warnings(rows: usize, options: &[String]) -> Vec<String> {
    let docs = synth::docs(rows, 1, "out", options);
    warnings_of(&docs).into_iter().map(|warning| warning.message).collect()
}

#[test]
fn a_table_of_thousands_of_rows_gets_no_discriminants_by_default_and_a_warning_saying_why() {
    let found = warnings(2_001, &[]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("has 2001 rows, more than 2000, so its codes are not its discriminants")
    );
    assert!(warnings(2_001, &["discriminants = false".to_owned()]).is_empty());
    assert!(warnings(2_001, &["discriminants = true".to_owned()]).is_empty());
    assert!(warnings(2_000, &[]).is_empty());
}

const MANIFEST: &str = "output = \"../out\"\n[[table]]\npage = \"p.md\"\n\
    url = \"https://x.test/p.html\"\nmodule = \"m\"\nenum = \"E\"\nkey-column = \"Code\"\n\
    key-type = \"u8\"\nname-column = \"Name\"\n";
const PAGE: &str = "| Code | Name | Meaning |\n|---|---|---|\n| 1 | One | a |\n| 2 | Two |\n";

#[test]
fn warnings_are_reported_and_the_files_written_unless_they_are_denied() {
    let sandbox = tempfile::tempdir().unwrap();
    let docs = sandbox.path().join("docs");
    fs::create_dir_all(&docs).unwrap();
    fs::write(docs.join("catalog.toml"), MANIFEST).unwrap();
    fs::write(docs.join("p.md"), PAGE).unwrap();
    let manifest = docs.join("catalog.toml");

    let denied = Options { deny_warnings: true, ..Options::default() };
    match regen::regen(&manifest, &denied) {
        Err(error @ Error::Problems(_)) => {
            let rendered = error.render(false);
            assert!(rendered.starts_with("error: row has 2 cells, the table has 3 columns"));
            assert!(rendered.contains("warnings are denied (`--deny-warnings`)"), "{rendered}");
        }
        other => panic!("denied warnings must fail: {other:?}"),
    }
    assert!(!sandbox.path().join("out").exists(), "nothing is written");

    let report = regen::regen(&manifest, &Options::default()).unwrap();
    let rendered = report.render_warnings(false).expect("the short row's warning");
    assert!(rendered.starts_with("warning: row has 2 cells"), "{rendered}");
    assert!(rendered.ends_with("warning: 1 warning in the docs or the manifest\n"), "{rendered}");
    assert!(sandbox.path().join("out/m.rs").is_file());
    let check = Options { mode: Mode::Check, ..Options::default() };
    assert!(regen::regen(&manifest, &check).unwrap().is_up_to_date());
}

/// A name too long is warned of where regen makes it from a row's cell, with the pin that
/// shortens it; not where a pin gives it (the manifest's choice; the help's pin, keyed by the
/// row's code, would have named the row twice), nor where a retired row keeps it (a shorter one
/// would break its users; the warning pointed at the page's first line, where the row is not).
#[test]
fn only_a_long_name_made_from_a_cell_is_warned_of() {
    const LONG: &str = "The server is down because something happened that nobody expected and \
                        we do not know what to do about it now";
    let sandbox = tempfile::tempdir().unwrap();
    let docs = sandbox.path().join("docs");
    fs::create_dir_all(&docs).unwrap();
    let manifest = docs.join("catalog.toml");
    let regen_warnings = |manifest_text: &str, page: &str| {
        fs::write(&manifest, manifest_text).unwrap();
        fs::write(docs.join("p.md"), page).unwrap();
        let report = regen::regen(&manifest, &Options::default()).unwrap();
        report.render_warnings(false).unwrap_or_default()
    };
    let page = format!("# Codes\n\n| Code | Name |\n|---|---|\n| 1 | One |\n| 2 | {LONG} |\n");
    let made = regen_warnings(MANIFEST, &page);
    assert!(made.contains("characters long"), "{made}");
    assert!(made.contains("docs/p.md:6:7\n"), "{made}");
    assert!(made.contains(r#"`variants = { "2" = "..." }`"#), "{made}");

    let pinned_long = format!("{MANIFEST}variants = {{ \"One\" = \"{}\" }}\n", "X".repeat(90));
    let without_long_row = page.replace(&format!("| 2 | {LONG} |\n"), "");
    fs::remove_dir_all(sandbox.path().join("out")).unwrap();
    assert_eq!(regen_warnings(&pinned_long, &without_long_row), "");

    // The long row generated, then retired.
    fs::remove_dir_all(sandbox.path().join("out")).unwrap();
    regen_warnings(MANIFEST, &page);
    let retiring = format!("{MANIFEST}retired = {{ \"2\" = {{}} }}\n");
    assert_eq!(regen_warnings(&retiring, &without_long_row), "");
    let module = fs::read_to_string(sandbox.path().join("out/m.rs")).unwrap();
    assert!(module.contains("TheServerIsDownBecause"), "the retired row keeps its name");
}

/// A table of more than 2,000 rows whose manifest stops asking for discriminants would lose
/// them, which changes what `E::X as u32` gives: the break gate refuses it until the manifest
/// says which.
#[test]
fn a_large_table_keeps_its_discriminants_until_the_manifest_says() {
    let sandbox = tempfile::tempdir().unwrap();
    let docs_dir = sandbox.path().join("docs");
    let write = |options: &[&str]| {
        let options: Vec<String> = options.iter().map(|line| (*line).to_owned()).collect();
        let docs = synth::docs(2_001, 1, "../out", &options);
        fs::create_dir_all(&docs_dir).unwrap();
        fs::write(docs_dir.join("catalog.toml"), &docs.manifest).unwrap();
        for (path, text) in &docs.pages {
            let path = docs_dir.join(path);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        }
    };
    let manifest = docs_dir.join("catalog.toml");
    let module = sandbox.path().join("out/service_0.rs");
    let has_discriminants = || fs::read_to_string(&module).unwrap().contains("#[repr(u32)]");

    write(&["discriminants = true"]);
    let kept = regen::regen(&manifest, &Options::default()).unwrap();
    assert!(kept.render_warnings(false).is_none(), "an explicit choice is not warned of");
    assert!(has_discriminants());

    write(&[]);
    let refused = regen::regen(&manifest, &Options::default()).unwrap_err().render(false);
    assert!(
        refused.contains("the codes of `Service0Error` would no longer be its discriminants"),
        "{refused}"
    );
    assert!(refused.contains("keep them with `discriminants = true`"), "{refused}");
    assert!(has_discriminants(), "nothing was written");

    write(&["discriminants = false"]);
    let breaking = Options { allow_breaking: true, ..Options::default() };
    let dropped = regen::regen(&manifest, &breaking).unwrap();
    assert!(dropped.changelog.summary().contains("codes are no longer the discriminants"));
    assert!(!has_discriminants());
}

/// A table large enough that its rows are checked on several cores (more than 4,096 rows on
/// two): every row's warnings are reported, in the rows' order, stage by stage.
#[test]
fn the_warnings_of_a_large_table_come_in_the_order_of_its_rows() {
    const ROWS: usize = 6_000;
    let docs = synth::docs(ROWS, 1, "out", &["discriminants = false".to_owned()]);
    let mut page = docs.pages[0].1.clone();
    let rows: Vec<usize> = page.match_indices("\n|  0x").map(|(at, _)| at + 1).collect();
    assert_eq!(rows.len(), ROWS);
    // Rows whose third cell is made an export's placeholder, naming the row, and rows without
    // their last cell, in both halves (read on different cores). Edited from the last row up,
    // so that the rows before keep their places.
    let marked = [0, 1, ROWS / 2, ROWS / 2 + 1, ROWS - 1];
    let shortened = [2, ROWS - 2];
    let mut edited: Vec<usize> = marked.iter().chain(&shortened).copied().collect();
    edited.sort_unstable_by(|a, b| b.cmp(a));
    for row in edited {
        let line = rows[row]..rows[row] + page[rows[row]..].find('\n').unwrap();
        let bars: Vec<usize> =
            page[line.clone()].match_indices('|').map(|(at, _)| line.start + at).collect();
        if marked.contains(&row) {
            let placeholder = format!(" [\\[See row {row}\\]](https://x.test/{row}) ");
            page.replace_range(bars[2] + 1..bars[3], &placeholder);
        } else {
            page.replace_range(bars[bars.len() - 2] + 1..line.end, "");
        }
    }
    // Each warning with the line it points at; rows keep their lines (no line was added).
    let line_in = |page: &str, at: usize| page[..at].matches('\n').count() + 1;
    let row_line = |row: usize| line_in(&docs.pages[0].1, rows[row]);
    let edited =
        synth::Docs { pages: vec![(docs.pages[0].0.clone(), page.clone())], ..docs.clone() };
    let found: Vec<(String, usize)> = warnings_of(&edited)
        .into_iter()
        .map(|warning| (warning.message, line_in(&page, warning.labels[0].span.start)))
        .collect();
    // Rows are read (stage 5) before the warnings of stage 10.
    let short = shortened
        .iter()
        .map(|&row| ("row has 3 cells, the table has 4 columns".to_owned(), row_line(row)));
    let placeholders = marked.iter().map(|&row| {
        let message =
            format!("the `Details` cell's whole text is the placeholder `[See row {row}]`");
        (message, row_line(row))
    });
    let expected: Vec<(String, usize)> = short.chain(placeholders).collect();
    assert_eq!(found, expected);
}
