//! Tables large enough that generation spreads its work over threads still come out in the
//! document's order, the same bytes every time.

use catalog_gen::{Input, markdown, synth};

const ROWS: usize = 7000;

/// The module's text and the API snapshot's.
fn generate(docs: &synth::Docs) -> (String, String) {
    let pages = catalog_gen::pages_in_memory(docs.pages.clone());
    let files = catalog_gen::generate(&Input {
        manifest_path: "catalog.toml",
        manifest_text: &docs.manifest,
        pages: &pages,
        command: "cargo xtask regen",
    })
    .expect("synthetic docs are valid");
    let text = |path: &str| {
        let file = files.iter().find(|file| file.path == path).expect("a generated file");
        file.text.to_string()
    };
    (text("service_0.rs"), text(catalog_gen::api::SNAPSHOT_FILE))
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
    let (text, snapshot) = generate(&docs);
    let again = generate(&docs);
    assert!(again.0 == text && again.1 == snapshot, "two runs gave different bytes");

    let page = markdown::parse(&docs.pages[0].1);
    let table = &page.tables[0];
    assert_eq!(table.rows.len(), ROWS);
    let rows =
        section(&text, "const ROWS: &'static [[&'static ::core::primitive::str; 4]] = &[", "];");
    assert_eq!(rows.len(), ROWS);
    for (line, row) in rows.iter().zip(&table.rows) {
        let start = format!("[\"{}\", \"{}\", ", row.cells()[0].text, row.cells()[1].text);
        assert!(line.starts_with(&start), "{line} should start with {start}");
    }
    let all = section(&text, "pub const ALL: &'static [Self] = &[", "];");
    let indices = section(&text, "match self {", "}");
    assert_eq!(all.len(), ROWS);
    for (index, (variant, arm)) in all.iter().zip(&indices).enumerate() {
        let variant = variant.trim_end_matches(',');
        assert_eq!(*arm, format!("{variant} => {index},"));
    }
    // The API snapshot's variants, made on every core too, in the same order.
    let snapshot_variants: Vec<&str> = snapshot
        .lines()
        .filter_map(|line| line.trim().strip_prefix("{ variant = \"")?.split('"').next())
        .collect();
    let module_variants: Vec<&str> = all
        .iter()
        .map(|variant| variant.trim_end_matches(',').rsplit("::").next().unwrap())
        .collect();
    assert_eq!(snapshot_variants, module_variants);
}

/// The generated files in `dir`, by name.
fn generated_files(dir: &std::path::Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .map(|path| {
            (path.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(path).unwrap())
        })
        .collect()
}

/// Also: the module each edit replaces is set aside where `Options::set_aside` says, as it
/// was, and the next regeneration removes it.
#[test]
fn a_cell_edited_anywhere_in_a_large_table_is_written_as_a_new_regeneration_writes_it() {
    use catalog_gen::regen::{self, Options};
    let docs = synth::docs(ROWS, 1, "out", &[]);
    let page = &docs.pages[0].1;
    let rows: Vec<usize> = page.match_indices("\n|  0x").map(|(at, _)| at + 1).collect();
    assert_eq!(rows.len(), ROWS);
    let edited = tempfile::tempdir().unwrap();
    docs.write_to(edited.path()).unwrap();
    let manifest = edited.path().join("catalog.toml");
    let set_aside = edited.path().join("set aside");
    let options = Options { set_aside: Some(&set_aside), ..Options::default() };
    regen::regen(&manifest, &options).unwrap();
    // Larger than the 8 MB from which a replaced file's cached pages are dropped on a thread
    // beside its writing (regen's `WRITE_BEHIND`): the edits below take that path too.
    let module = std::fs::metadata(edited.path().join("out/service_0.rs")).unwrap().len();
    assert!(module > 8 << 20, "the module has {module} bytes");
    // The first row, one in the middle and the last: the files already there have the text
    // before the edit in common with the new ones, then differ.
    for row in [0, ROWS / 2, ROWS - 1] {
        // A word put at the start of the row's third cell (its details).
        let mut page = page.clone();
        let third_cell = page[rows[row]..].match_indices('|').nth(2).unwrap().0;
        page.insert_str(rows[row] + third_cell + 1, " edited");
        let docs = synth::Docs { pages: vec![(docs.pages[0].0.clone(), page)], ..docs.clone() };
        docs.write_to(edited.path()).unwrap();
        let before = std::fs::read(edited.path().join("out/service_0.rs")).unwrap();
        regen::regen(&manifest, &options).unwrap();
        let edited_files = generated_files(&edited.path().join("out"));
        // Only the module is large enough (8 MB) to be set aside; the snapshot is not.
        let kept: Vec<Vec<u8>> = generated_files(&set_aside).into_values().collect();
        assert!(kept == [before], "row {row}: the replaced module is not set aside as it was");
        // The same docs regenerated into an empty directory, which removes what was set aside.
        std::fs::remove_dir_all(edited.path().join("out")).unwrap();
        regen::regen(&manifest, &options).unwrap();
        assert!(generated_files(&set_aside).is_empty(), "row {row}: the next regen removes it");
        let fresh_files = generated_files(&edited.path().join("out"));
        assert_eq!(edited_files.keys().collect::<Vec<_>>(), fresh_files.keys().collect::<Vec<_>>());
        for (name, text) in &edited_files {
            assert!(
                *text == fresh_files[name],
                "row {row}: {name} differs from a new regeneration"
            );
        }
    }
}

/// A replaced file that cannot be set aside (here the place is a file, not a directory; on
/// another file system, the hard link fails the same way) is freed by the rename over it as
/// before: regen succeeds, writes what a new regeneration writes, and leaves what is in the
/// way alone.
#[test]
fn a_module_that_cannot_be_set_aside_is_replaced_all_the_same() {
    use catalog_gen::regen::{self, Options};
    let docs = synth::docs(ROWS, 1, "out", &[]);
    let dir = tempfile::tempdir().unwrap();
    docs.write_to(dir.path()).unwrap();
    let manifest = dir.path().join("catalog.toml");
    let in_the_way = dir.path().join("set aside");
    std::fs::write(&in_the_way, "a file where the directory would be\n").unwrap();
    let options = Options { set_aside: Some(&in_the_way), ..Options::default() };
    regen::regen(&manifest, &options).unwrap();
    let module = dir.path().join("out/service_0.rs");
    assert!(std::fs::metadata(&module).unwrap().len() > 8 << 20, "large enough to be set aside");

    let page = docs.pages[0].1.replacen("truncated properly", "truncated correctly", 1);
    let edited = synth::Docs { pages: vec![(docs.pages[0].0.clone(), page)], ..docs.clone() };
    edited.write_to(dir.path()).unwrap();
    let before = std::fs::read(&module).unwrap();
    regen::regen(&manifest, &options).unwrap();
    let replaced = std::fs::read(&module).unwrap();
    assert!(replaced != before, "the edit rewrote the module");
    let left = std::fs::read_to_string(&in_the_way).unwrap();
    assert_eq!(left, "a file where the directory would be\n", "what is in the way is left alone");
    // The same docs regenerated into an empty directory.
    std::fs::remove_dir_all(dir.path().join("out")).unwrap();
    regen::regen(&manifest, &Options::default()).unwrap();
    assert!(std::fs::read(&module).unwrap() == replaced, "not what a new regeneration writes");
}
