//! Warnings: the run succeeds and they are reported; `deny_warnings` makes them errors and
//! nothing is written. (What each warning says is in the golden files of `tests/ui`.)

use std::fs;

use catalog_gen::regen::{self, Error, Mode, Options};
use catalog_gen::{Input, pages_in_memory, synth};

fn warnings(rows: usize, options: &[String]) -> Vec<String> {
    let docs = synth::docs(rows, 1, "out", options);
    let pages = pages_in_memory(docs.pages);
    let input = Input {
        manifest_path: "c.toml",
        manifest_text: &docs.manifest,
        pages: &pages,
        command: "x",
    };
    let manifest = catalog_gen::parse_manifest("c.toml", &docs.manifest).unwrap();
    let generation = catalog_gen::generate_from(&manifest, &input).unwrap();
    generation.warnings.into_iter().map(|warning| warning.message).collect()
}

#[test]
fn a_table_of_thousands_of_rows_with_explicit_discriminants_is_warned_of() {
    let found = warnings(2_001, &[]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("has 2001 rows and its codes are explicit discriminants"));
    assert!(warnings(2_001, &["discriminants = false".to_owned()]).is_empty());
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
