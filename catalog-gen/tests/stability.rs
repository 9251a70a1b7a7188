//! The break gate through the library's entry point, on files: a regeneration that would
//! rename or remove what the checked-in API snapshot has is refused with the pin that keeps
//! it; following the help makes it pass. Outputs are golden files in `stability/`.

mod golden;

use std::fs;
use std::path::{Path, PathBuf};

use catalog_gen::Cleanup;
use catalog_gen::changelog::Semver;
use catalog_gen::regen::{self, Error, Mode, Options};

const MANIFEST: &str = r#"output = "../out"

[[table]]
page = "status.md"
url = "https://example.com/status.html"
module = "status"
enum = "Status"
key-column = "Code"
key-type = "u16"
name-column = "Name"
shared-codes = true
"#;

const PAGE: &str = "# Statuses\n\n| Code | Name | Meaning |\n|---|---|---|\n\
                    | 400 | Bad | The request is bad. |\n| 400 | Worse | It is worse. |\n";

const WRITE: Options<'static> = Options {
    mode: Mode::Write,
    allow_breaking: false,
    deny_warnings: false,
    cleanup: Cleanup::Free,
    set_aside: None,
};
const CHECK: Options<'static> = Options {
    mode: Mode::Check,
    allow_breaking: false,
    deny_warnings: false,
    cleanup: Cleanup::Free,
    set_aside: None,
};

/// A docs tree with `page` and `manifest`, generated once from `PAGE`.
fn docs(dir: &Path) -> PathBuf {
    let docs = dir.join("docs");
    fs::create_dir_all(&docs).unwrap();
    fs::write(docs.join("catalog.toml"), MANIFEST).unwrap();
    fs::write(docs.join("status.md"), PAGE).unwrap();
    let manifest = docs.join("catalog.toml");
    let report = written(&manifest);
    assert!(report.changes.iter().any(|(_, path)| path.ends_with("/out/api.toml")), "{report:?}");
    manifest
}

/// The page of the docs tree whose manifest is `manifest` ([`docs`], [`integer_docs`]).
fn page_of(manifest: &Path) -> PathBuf {
    manifest.with_file_name("status.md")
}

/// The refusal, rendered, with paths shown from the docs tree's parent as from a user there
/// (the test runs elsewhere, and paths are shown from the current directory).
fn refused(manifest: &Path, options: &Options) -> String {
    let root = manifest.parent().and_then(Path::parent).unwrap();
    match regen::regen(manifest, options) {
        Err(error @ Error::Problems(_)) => {
            error.render(false).replace(&format!("{}/", root.display()), "")
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

/// The report of a regen that writes, which must succeed (else its errors, rendered).
fn written(manifest: &Path) -> regen::Report {
    regen::regen(manifest, &WRITE).unwrap_or_else(|e| panic!("{}", e.render(false)))
}

/// Adds `line` to the manifest, in its last `[[table]]`.
fn add_to_manifest(manifest: &Path, line: &str) {
    let text = fs::read_to_string(manifest).unwrap();
    fs::write(manifest, format!("{text}{line}\n")).unwrap();
}

#[test]
fn a_rename_in_a_shared_code_table_is_reported_as_a_rename_with_its_pin() {
    let sandbox = tempfile::tempdir().unwrap();
    let manifest = docs(sandbox.path());
    let page = page_of(&manifest);
    fs::write(&page, format!("{PAGE}| 401 | Bad! | Even worse. |\n")).unwrap();

    // `Bad` and `Bad!` both make `Bad`, so both take their code: `Bad` would become `Bad400`.
    let rendered = refused(&manifest, &CHECK);
    golden::assert_matches("stability/shared_code_rename.stderr", &rendered);
    assert_eq!(refused(&manifest, &WRITE), rendered, "writing is refused the same way");

    // The pin the help gives keeps the name; the new row is an addition.
    add_to_manifest(&manifest, r#"variants = { "Bad" = "Bad" }"#);
    let report = written(&manifest);
    assert!(!report.is_up_to_date());
    let api = fs::read_to_string(sandbox.path().join("out/api.toml")).unwrap();
    for variant in ["\"Bad\"", "\"Worse\"", "\"Bad401\""] {
        assert!(api.contains(&format!("variant = {variant}")), "{api}");
    }
}

#[test]
fn a_removed_row_is_refused_unless_breaking_is_allowed() {
    let sandbox = tempfile::tempdir().unwrap();
    let manifest = docs(sandbox.path());
    let page = page_of(&manifest);
    fs::write(&page, PAGE.replace("| 400 | Worse | It is worse. |\n", "")).unwrap();
    golden::assert_matches("stability/removed_row.stderr", &refused(&manifest, &CHECK));
    let allowed = Options { allow_breaking: true, ..WRITE };
    regen::regen(&manifest, &allowed).unwrap_or_else(|e| panic!("{}", e.render(false)));
    assert!(regen::regen(&manifest, &CHECK).unwrap().is_up_to_date());
}

/// A row the manifest leaves out (`skip-rows`) is, to the break gate, a row the page no longer
/// has: refused as a removal, with the retirement that would keep its variant or the entry that
/// lets it back in; let back in, it is an added row.
#[test]
fn a_row_left_out_is_a_removed_row_and_let_back_in_an_added_one() {
    let sandbox = tempfile::tempdir().unwrap();
    let manifest = docs(sandbox.path());
    let all_rows = fs::read_to_string(&manifest).unwrap();
    add_to_manifest(&manifest, r#"skip-rows = ["Worse"]"#);
    golden::assert_matches("stability/skipped_row.stderr", &refused(&manifest, &CHECK));
    let allowed = Options { allow_breaking: true, ..WRITE };
    let report =
        regen::regen(&manifest, &allowed).unwrap_or_else(|e| panic!("{}", e.render(false)));
    assert!(report.changelog.summary().contains("removed: Worse (400)"), "{report:?}");
    let api = fs::read_to_string(sandbox.path().join("out/api.toml")).unwrap();
    assert!(api.contains(r#"variant = "Bad""#) && !api.contains("Worse"), "{api}");

    // Its code is then shared again: `from_code(400)` no longer finds `Bad`, a major change.
    fs::write(&manifest, all_rows).unwrap();
    let summary = written(&manifest).changelog.summary();
    assert!(summary.starts_with("changes for users: major"), "{summary}");
    assert!(summary.contains("added: Worse (400)\n    code 400 now shared"), "{summary}");
}

/// Rows the page puts in another order, where codes are not the discriminants (here they are
/// shared): the derived `Ord` follows the page, so code that sorts variants sees another order.
/// No manifest line keeps the old order: written, not refused, and a major release.
#[test]
fn rows_in_another_order_are_written_as_a_major_change_where_ord_follows_the_page() {
    let sandbox = tempfile::tempdir().unwrap();
    let manifest = docs(sandbox.path());
    let page = page_of(&manifest);
    let (bad, worse) =
        ("| 400 | Bad | The request is bad. |\n", "| 400 | Worse | It is worse. |\n");
    fs::write(&page, PAGE.replace(&format!("{bad}{worse}"), &format!("{worse}{bad}"))).unwrap();
    let report = written(&manifest);
    let summary = report.changelog.summary();
    assert!(summary.starts_with("changes for users: major"), "{summary}");
    assert!(
        summary.contains("reordered: Worse (ALL and Ord follow the page's order)"),
        "{summary}"
    );
    let module = fs::read_to_string(sandbox.path().join("out/status.rs")).unwrap();
    let declared = |variant: &str| module.find(&format!("    {variant},\n")).unwrap();
    assert!(declared("Worse") < declared("Bad"), "{module}");
}

/// A row whose name cell is empty is named by its code (`_400`); where rows share its code,
/// the helps key it by its name, `""`, and say which row that is.
#[test]
fn a_row_without_a_name_is_retired_by_its_empty_name_where_rows_share_its_code() {
    let sandbox = tempfile::tempdir().unwrap();
    let manifest = docs(sandbox.path());
    let page = page_of(&manifest);
    fs::write(&page, format!("{PAGE}| 400 |  | Reserved. |\n")).unwrap();
    written(&manifest);
    let api = fs::read_to_string(sandbox.path().join("out/api.toml")).unwrap();
    assert!(api.contains(r#"{ variant = "_400", code = "400", name = "", "#), "{api}");

    fs::write(&page, PAGE).unwrap();
    let refused = refused(&manifest, &CHECK);
    assert!(refused.contains("its row (`400`, whose name cell is empty) is no"), "{refused}");
    let retired = r#"retired = { "" = { note = "no longer in the documentation" } }"#;
    assert!(refused.contains(retired), "{refused}");
    add_to_manifest(&manifest, retired);
    let report = written(&manifest);
    let summary = report.changelog.summary();
    assert!(summary.contains("retired: _400 (400)"), "{summary}");
}

/// What the snapshot does not record, the page's prose and the cells' Markdown (a link's
/// target, formatting, an anchor), is still in the generated module: a regen that rewrites it reports
/// that the enum's documentation or code changed, a patch release, never "nothing changed"; as
/// does one that rewrites a module another catalog-gen wrote otherwise, or that the manifest's
/// `layout` lays out otherwise.
#[test]
fn prose_and_links_the_snapshot_does_not_record_are_a_patch() {
    let sandbox = tempfile::tempdir().unwrap();
    let manifest = docs(sandbox.path());
    let page = page_of(&manifest);
    let snapshot = sandbox.path().join("out/api.toml");
    let recorded = fs::read_to_string(&snapshot).unwrap();
    let linked = PAGE.replace("is bad.", "is [bad](https://example.com/bad).");
    let edits = [
        PAGE.replace("# Statuses\n", "# Statuses\n\nEvery status the service returns.\n"),
        linked.clone(),
        linked.replace("example.com/bad", "example.com/worse"),
        linked.replace("[bad](https://example.com/bad)", "*bad*"),
        // An anchor: the row's `url()` points at it.
        PAGE.replace("| The request is bad.", "| <a name=\"bad\"></a>The request is bad."),
    ];
    for edit in edits {
        fs::write(&page, &edit).unwrap();
        let checked = regen::regen(&manifest, &CHECK).unwrap();
        let report = written(&manifest);
        assert!(!report.is_up_to_date(), "{edit}");
        let summary = report.changelog.summary();
        let expected = "changes for users: patch (documented text or the rows' order changed)\n  \
             status::Status (patch)\n    documentation or code changed, not the API nor any \
             cell's text (the page's prose; links, formatting or anchors in cells; the \
             manifest's `layout`; another catalog-gen)\n";
        assert_eq!(summary, expected, "{edit}");
        assert_eq!(checked.changelog, report.changelog, "--check says what a regen would do");
        assert_eq!(fs::read_to_string(&snapshot).unwrap(), recorded, "no cell's text changed");
        assert!(regen::regen(&manifest, &CHECK).unwrap().changelog.is_empty());
    }
    // So too where the module was written otherwise by another catalog-gen (here, by hand).
    let module = sandbox.path().join("out/status.rs");
    let text = fs::read_to_string(&module).unwrap();
    fs::write(&module, text.replacen("\n\n", "\n\n// An older generator's line.\n", 1)).unwrap();
    let report = written(&manifest);
    assert_eq!(report.changelog.semver(), Semver::Patch);
    assert!(report.changelog.summary().contains("documentation or code changed"));
    // And where the manifest lays the code out otherwise (`layout`, which no snapshot records).
    add_to_manifest(&manifest, r#"layout = "match""#);
    let report = written(&manifest);
    assert!(report.changelog.summary().contains("the manifest's `layout`"));
}

/// Two tables of one page in one module: a link changed in one table's cell is that enum's
/// documentation, and not the other's, whose part of the module is as it was; the page's prose
/// changed is both enums' (the module's docs are theirs).
#[test]
fn a_module_of_two_enums_documents_the_one_whose_part_changed() {
    let sandbox = tempfile::tempdir().unwrap();
    let manifest = docs(sandbox.path());
    let page = page_of(&manifest);
    let second = "[[table]]\npage = \"status.md\"\nurl = \"https://example.com/status.html\"\n\
                  module = \"status\"\nenum = \"Retry\"\nheading = \"Retries\"\n\
                  key-column = \"Code\"\nkey-type = \"u16\"\nname-column = \"Name\"";
    add_to_manifest(&manifest, "heading = \"Statuses\"");
    add_to_manifest(&manifest, second);
    let retries = "\n## Retries\n\n| Code | Name |\n|---|---|\n| 503 | [Busy](busy.md) |\n";
    fs::write(&page, format!("{PAGE}{retries}")).unwrap();
    written(&manifest);
    let summary = |page_text: String| {
        fs::write(&page, page_text).unwrap();
        written(&manifest).changelog.summary()
    };
    let documented = "documentation or code changed";
    let linked = summary(format!("{PAGE}{}", retries.replace("busy.md", "wait.md")));
    assert!(linked.contains(&format!("status::Retry (patch)\n    {documented}")), "{linked}");
    assert!(!linked.contains("status::Status"), "{linked}");
    let prose = format!("{PAGE}{}", retries.replace("busy.md", "wait.md"))
        .replace("# Statuses\n", "# Statuses\n\nEvery status the service returns.\n");
    let prose = summary(prose);
    for name in ["Retry", "Status"] {
        assert!(prose.contains(&format!("status::{name} (patch)\n    {documented}")), "{prose}");
    }
}

/// A snapshot that does not read back stops the gate (it cannot tell what would break), with
/// how to get out; `--allow-breaking` writes it anew. Equal to the new one, it is never parsed.
#[test]
fn an_unreadable_snapshot_is_refused_unless_breaking_is_allowed() {
    let sandbox = tempfile::tempdir().unwrap();
    let manifest = docs(sandbox.path());
    let snapshot = sandbox.path().join("out/api.toml");
    let good = fs::read_to_string(&snapshot).unwrap();
    // A page edit makes the new snapshot differ, so the old one must be read.
    let page = page_of(&manifest);
    fs::write(&page, PAGE.replace("It is worse.", "It is worse still.")).unwrap();
    fs::write(&snapshot, good.replace("variants = [", "variants = [[[")).unwrap();
    let rendered = refused(&manifest, &WRITE);
    assert!(rendered.contains("cannot read the API snapshot"), "{rendered}");
    assert!(rendered.contains("`--allow-breaking` to write it anew"), "{rendered}");
    let allowed = Options { allow_breaking: true, ..WRITE };
    regen::regen(&manifest, &allowed).unwrap_or_else(|e| panic!("{}", e.render(false)));
    assert!(regen::regen(&manifest, &CHECK).unwrap().is_up_to_date());
    assert!(fs::read_to_string(&snapshot).unwrap().contains("It is worse still."));
}

/// Drops the row `Worse` from the page beside `manifest`, and retires it in the manifest.
fn retire_worse(manifest: &Path) {
    let page = manifest.with_file_name("status.md");
    fs::write(&page, PAGE.replace("| 400 | Worse | It is worse. |\n", "")).unwrap();
    let text = fs::read_to_string(manifest).unwrap();
    let retire = "retired = { \"Worse\" = { since = \"2026\" } }\n";
    fs::write(manifest, format!("{text}{retire}")).unwrap();
}

/// Retiring a row reads, of the checked-in snapshot, only the retired variants' lines, found
/// by their code or name as regen writes strings; a snapshot that writes one otherwise (here an
/// escape where regen writes the letter) is read whole, and the row keeps its last text.
#[test]
fn a_retired_row_keeps_its_text_from_a_snapshot_that_writes_its_name_otherwise() {
    let sandbox = tempfile::tempdir().unwrap();
    let manifest = docs(sandbox.path());
    let snapshot = sandbox.path().join("out/api.toml");
    let recorded = fs::read_to_string(&snapshot).unwrap();
    assert!(recorded.contains("name = \"Worse\""), "{recorded}");
    fs::write(&snapshot, recorded.replace("name = \"Worse\"", "name = \"Wors\\u0065\"")).unwrap();
    retire_worse(&manifest);

    let report = written(&manifest);
    assert!(!report.is_up_to_date());
    let api = fs::read_to_string(&snapshot).unwrap();
    let retired = api.lines().find(|line| line.contains("variant = \"Worse\"")).unwrap();
    assert!(retired.contains("retired = true") && retired.contains("It is worse."), "{api}");
    assert!(regen::regen(&manifest, &CHECK).unwrap().is_up_to_date());
}

/// A snapshot damaged in a line that differs from the new one's is refused with the file's own
/// line, whether the review reads it beside the new one or retiring reads its retired lines.
#[test]
fn a_damaged_variant_line_is_reported_at_its_line_in_the_file() {
    for retiring in [false, true] {
        let sandbox = tempfile::tempdir().unwrap();
        let manifest = docs(sandbox.path());
        let snapshot = sandbox.path().join("out/api.toml");
        let written = fs::read_to_string(&snapshot).unwrap();
        let line = written.lines().position(|line| line.contains("name = \"Worse\"")).unwrap();
        fs::write(&snapshot, written.replace("It is worse.\"] },", "It is worse.\"] ")).unwrap();
        if retiring {
            retire_worse(&manifest);
        } else {
            let page = page_of(&manifest);
            fs::write(&page, PAGE.replace("It is worse.", "It is worse still.")).unwrap();
        }
        let rendered = refused(&manifest, &WRITE);
        assert!(rendered.contains("cannot read the API snapshot"), "{rendered}");
        let at = format!("at line {}, column", line + 2);
        assert!(rendered.contains(&at), "{retiring}: not {at}: {rendered}");
    }
}

/// A docs tree of `page` and the manifest [`MANIFEST`] of unique codes followed by `lines`,
/// generated once: the manifest's path, and the report of that regen.
fn unique_codes_docs(dir: &Path, page: &str, lines: &str) -> (PathBuf, regen::Report) {
    let docs = dir.join("docs");
    fs::create_dir_all(&docs).unwrap();
    fs::write(docs.join("status.md"), page).unwrap();
    let manifest = docs.join("catalog.toml");
    set_manifest(&manifest, format!("{}{lines}", MANIFEST.replace("shared-codes = true\n", "")));
    let report = written(&manifest);
    (manifest, report)
}

/// A docs tree of two unique codes, `01` and `second` (`10`, `0x10`), generated once in base
/// 10, then its manifest given `key-radix = 16`: the manifest's path, and its text before.
fn docs_read_in_base_16(dir: &Path, second: &str) -> (PathBuf, String) {
    let page = format!(
        "# Errors\n\n| Code | Name | Meaning |\n|---|---|---|\n\
         | 01 | Disk | The disk. |\n| {second} | Full | It is full. |\n"
    );
    let (manifest, _) = unique_codes_docs(dir, &page, "");
    let text = fs::read_to_string(&manifest).unwrap();
    set_manifest(&manifest, format!("{text}key-radix = 16\n"));
    (manifest, text)
}

/// A docs tree of a table of unique integer codes, which are its discriminants, generated once.
fn integer_docs(dir: &Path) -> PathBuf {
    let page = "# Errors\n\n| Code | Name | Meaning |\n|---|---|---|\n\
                | 1 | Disk | The disk. |\n| 2 | Full | It is full. |\n";
    let (manifest, report) = unique_codes_docs(dir, page, "");
    let api = fs::read_to_string(dir.join("out/api.toml")).unwrap();
    assert!(api.contains("discriminants = true\ncode-type = \"u16\"\n"), "{api}");
    assert!(!report.is_up_to_date());
    manifest
}

fn set_manifest(manifest: &Path, text: String) {
    fs::write(manifest, text).unwrap();
}

/// The integer docs tree ([`integer_docs`]), its manifest's `from` then made `to`: the refusal
/// is the golden file `golden`. The sandbox and the manifest.
fn manifest_changed(from: &str, to: &str, golden: &str) -> (tempfile::TempDir, PathBuf) {
    let sandbox = tempfile::tempdir().unwrap();
    let manifest = integer_docs(sandbox.path());
    let text = fs::read_to_string(&manifest).unwrap();
    assert!(text.contains(from), "{text}");
    set_manifest(&manifest, text.replace(from, to));
    golden::assert_matches(golden, &refused(&manifest, &CHECK));
    (sandbox, manifest)
}

/// The release a regen allowed to break needs, and its changelog's lines.
fn allowed(manifest: &Path) -> String {
    let allowed = Options { allow_breaking: true, ..WRITE };
    let report = regen::regen(manifest, &allowed).unwrap_or_else(|e| panic!("{}", e.render(false)));
    assert!(regen::regen(manifest, &CHECK).unwrap().is_up_to_date());
    report.changelog.summary()
}

/// Codes that rows may share cannot be the discriminants: the gate says so, and keeps them
/// by taking `shared-codes` out, not by `discriminants = true`, which the manifest cannot ask
/// for there (it said so before, and the help that came back after its paste was a loop).
#[test]
fn discriminants_dropped_by_shared_codes_are_kept_by_taking_them_out() {
    let sandbox = tempfile::tempdir().unwrap();
    let manifest = integer_docs(sandbox.path());
    let text = fs::read_to_string(&manifest).unwrap();
    set_manifest(&manifest, format!("{text}shared-codes = true\n"));
    let rendered = refused(&manifest, &CHECK);
    golden::assert_matches("stability/dropped_by_shared_codes.stderr", &rendered);
    set_manifest(&manifest, format!("{text}shared-codes = true\ndiscriminants = true\n"));
    let rendered = refused(&manifest, &CHECK);
    golden::assert_matches("stability/discriminants_of_shared_codes.stderr", &rendered);
    set_manifest(&manifest, format!("{text}shared-codes = true\n"));
    assert!(allowed(&manifest).contains("codes are no longer the discriminants"));
}

/// The type of the codes is what `code()` returns and `from_code` takes: another type is a
/// break, recorded in the API snapshot (`code-type`), and the changelog says so; codes that
/// become strings are one break, not two.
#[test]
fn codes_of_another_type_are_a_break() {
    let u16 = "key-type = \"u16\"";
    let (_sandbox, manifest) =
        manifest_changed(u16, "key-type = \"u32\"", "stability/code_type.stderr");
    let text = fs::read_to_string(&manifest).unwrap();
    set_manifest(&manifest, text.replace("key-type = \"u32\"", "key-type = \"str\""));
    let rendered = refused(&manifest, &CHECK);
    assert!(rendered.contains("would be `str`, not `u16`"), "{rendered}");
    assert!(!rendered.contains("discriminants"), "one break: {rendered}");
    let summary = allowed(&manifest);
    assert!(summary.contains("codes are str, not u16"), "{summary}");
    assert!(summary.starts_with("changes for users: major"), "{summary}");
}

/// The base the codes are read in (`key-radix`) is what `code()` returns for a code written
/// `10`: another base is a break where a code reads as another number, recorded in the API
/// snapshot (`code-radix`), and the changelog says so; where every code reads the same in both
/// (`0` to `9`), it is none.
#[test]
fn codes_read_in_another_base_are_a_break_where_a_code_reads_otherwise() {
    let sandbox = tempfile::tempdir().unwrap();
    let (manifest, text) = docs_read_in_base_16(sandbox.path(), "10");
    golden::assert_matches("stability/code_radix.stderr", &refused(&manifest, &CHECK));
    let summary = allowed(&manifest);
    assert!(summary.contains("codes are read in base 16, not 10"), "{summary}");
    assert!(summary.starts_with("changes for users: major"), "{summary}");
    let api = fs::read_to_string(sandbox.path().join("out/api.toml")).unwrap();
    assert!(api.contains("code-type = \"u16\"\ncode-radix = 16\n"), "{api}");
    // And back: the snapshot says the codes were read in base 16.
    set_manifest(&manifest, text);
    let rendered = refused(&manifest, &CHECK);
    assert!(rendered.contains("would be read in base 10, not 16"), "{rendered}");
    assert!(rendered.contains("keep `key-radix = 16`"), "{rendered}");

    // Codes that read the same in either base are no break.
    let sandbox = tempfile::tempdir().unwrap();
    let (manifest, _) = docs_read_in_base_16(sandbox.path(), "0x10");
    let report = written(&manifest);
    assert!(!report.is_up_to_date(), "the snapshot records the base");
    assert!(regen::regen(&manifest, &CHECK).unwrap().is_up_to_date());
    // A row gone is retired by its code in the table's base: `10` is the row of `0x10`.
    let page_path = page_of(&manifest);
    let page = fs::read_to_string(&page_path).unwrap();
    fs::write(&page_path, page.replace("| 0x10 | Full | It is full. |\n", "")).unwrap();
    add_to_manifest(&manifest, "retired = { \"10\" = {} }");
    let report = written(&manifest);
    assert!(
        report.changelog.summary().contains("retired: Full (0x10)"),
        "{}",
        report.changelog.summary()
    );
}

/// An enum's module is part of the path users write to it: a new module is a break.
#[test]
fn an_enum_moved_to_another_module_is_a_break() {
    let (from, to) = ("module = \"status\"", "module = \"errors\"");
    let (sandbox, manifest) = manifest_changed(from, to, "stability/moved_enum.stderr");
    let summary = allowed(&manifest);
    assert!(summary.contains("moved from the module status"), "{summary}");
    assert!(sandbox.path().join("out/errors.rs").exists());
    assert!(!sandbox.path().join("out/status.rs").exists());
}

/// The `enum` of a `[[table]]` renamed: the old name would name nothing, and the gate says so
/// at the table, with the line that keeps it (it said the enum was removed, nowhere, and asked
/// for the `[[table]]` to be restored).
#[test]
fn an_enum_renamed_in_the_manifest_is_a_break_at_its_table() {
    let (from, to) = ("enum = \"Status\"", "enum = \"Fault\"");
    let (_sandbox, manifest) = manifest_changed(from, to, "stability/renamed_enum.stderr");
    let summary = allowed(&manifest);
    assert!(summary.contains("status::Fault (major)\n    renamed from Status\n"), "{summary}");
    assert!(!summary.contains("new enum"), "{summary}");
}

/// A `[[table]]` taken out of the manifest: its enum would be removed. No `[[table]]` is left
/// to point at, so the refusal points at the enum's record in the API snapshot (it had no
/// location), and its help names the lines the `[[table]]` had.
#[test]
fn an_enum_whose_table_is_gone_is_a_break_at_its_record_in_the_snapshot() {
    let sandbox = tempfile::tempdir().unwrap();
    let manifest = integer_docs(sandbox.path());
    let text = fs::read_to_string(&manifest).unwrap();
    set_manifest(&manifest, text[..text.find("[[table]]").unwrap()].to_owned());
    golden::assert_matches("stability/removed_enum.stderr", &refused(&manifest, &CHECK));
    // The snapshot as a `\r\n` checkout has it: the same place.
    let snapshot = sandbox.path().join("out/api.toml");
    let lf = fs::read_to_string(&snapshot).unwrap();
    fs::write(&snapshot, lf.replace('\n', "\r\n")).unwrap();
    golden::assert_matches("stability/removed_enum.stderr", &refused(&manifest, &CHECK));
    fs::write(&snapshot, lf).unwrap();
    let summary = allowed(&manifest);
    assert!(summary.contains("status::Status (major)\n    enum removed\n"), "{summary}");
}

/// A row added with the name cell of a row already there: the gate asks for the pin that
/// keeps the old row's variant name, and once it is pasted, the changelog says that
/// `from_name` finds neither row by that name from then on (names several rows share are not
/// looked up): a major release, as for a code rows come to share.
#[test]
fn a_name_rows_come_to_share_is_a_major_change_once_its_pin_is_pasted() {
    let sandbox = tempfile::tempdir().unwrap();
    let manifest = integer_docs(sandbox.path());
    let page = page_of(&manifest);
    let text = fs::read_to_string(&page).unwrap();
    fs::write(&page, format!("{text}| 3 | Disk | Another disk. |\n")).unwrap();
    let refusal = refused(&manifest, &CHECK);
    assert!(refusal.contains(r#"`variants = { "1" = "Disk" }`"#), "{refusal}");
    add_to_manifest(&manifest, r#"variants = { "1" = "Disk" }"#);
    let report = written(&manifest);
    let summary = report.changelog.summary();
    assert!(summary.starts_with("changes for users: major"), "{summary}");
    assert!(summary.contains(r#"name "Disk" now shared: from_name("Disk")"#), "{summary}");
    assert!(summary.contains("added: Disk3 (3)"), "{summary}");
}

/// Renamed variants beside the manifest's pins: each help gives the one `variants` line of the
/// manifest's pins and those that keep every renamed variant's name, a pinned row's given its
/// old name again, so that any one, pasted in place of the manifest's, keeps every name (a
/// line per variant was a TOML duplicate key beside the manifest's `variants`).
#[test]
fn renames_beside_the_manifests_pins_get_one_line_that_keeps_every_name() {
    let sandbox = tempfile::tempdir().unwrap();
    let page = "# Errors\n\n| Code | Name |\n|---|---|\n| 1 | Disk |\n| 2 | Full |\n| 3 | Slow |\n";
    let pins = "variants = { \"3\" = \"TooSlow\" }\n";
    let (manifest, _) = unique_codes_docs(sandbox.path(), page, pins);
    let text = MANIFEST.replace("shared-codes = true\n", "");
    let renamed = page.replace("Disk |", "Disk gone |").replace("Full |", "Disk full |");
    fs::write(page_of(&manifest), renamed).unwrap();
    set_manifest(&manifest, format!("{text}variants = {{ \"3\" = \"Late\" }}\n"));
    let rendered = refused(&manifest, &CHECK);
    golden::assert_matches("stability/renames_beside_pins.stderr", &rendered);

    let line = r#"variants = { "3" = "TooSlow", "1" = "Disk", "2" = "Full" }"#;
    assert_eq!(rendered.matches(&format!("`{line}`")).count(), 3, "{rendered}");
    set_manifest(&manifest, format!("{text}{line}\n"));
    // Every variant keeps its name: the name cells changed, nothing was renamed.
    let summary = written(&manifest).changelog.summary();
    assert!(summary.starts_with("changes for users: minor"), "{summary}");
    assert!(summary.contains("name changed: Full (2) \"Full\" -> \"Disk full\""), "{summary}");
    assert!(!summary.contains("renamed"), "{summary}");
}

/// Rows removed beside the manifest's retirements: each help gives the one `retired` line of
/// the manifest's retirements (their dates and notes as written) and those that keep every
/// row removed, so that any one, pasted in place of the manifest's, keeps every variant.
#[test]
fn removals_beside_the_manifests_retirements_get_one_line_that_keeps_every_row() {
    let sandbox = tempfile::tempdir().unwrap();
    let rows = ["| 1 | Disk |\n", "| 2 | Full |\n", "| 3 | Slow |\n", "| 4 | Late |\n"];
    let page = |rows: &[&str]| format!("# Errors\n\n| Code | Name |\n|---|---|\n{}", rows.concat());
    let (manifest, _) = unique_codes_docs(sandbox.path(), &page(&rows), "");
    let text = MANIFEST.replace("shared-codes = true\n", "");
    let retired = r#"retired = { "1" = { since = "2026-01-02", note = "use \"Full\"" } }"#;
    set_manifest(&manifest, format!("{text}{retired}\n"));
    fs::write(page_of(&manifest), page(&rows[1..])).unwrap();
    written(&manifest);

    fs::write(page_of(&manifest), page(&rows[1..2])).unwrap();
    let rendered = refused(&manifest, &CHECK);
    golden::assert_matches("stability/removals_beside_retirements.stderr", &rendered);
    let line = r#"retired = { "1" = { since = "2026-01-02", note = "use \"Full\"" }, "3" = { note = "no longer in the documentation" }, "4" = { note = "no longer in the documentation" } }"#;
    assert_eq!(rendered.matches(&format!("`{line}`")).count(), 2, "{rendered}");
    set_manifest(&manifest, format!("{text}{line}\n"));
    let summary = written(&manifest).changelog.summary();
    assert!(
        summary.contains("retired: Slow (3)") && summary.contains("retired: Late (4)"),
        "{summary}"
    );
    let module = fs::read_to_string(sandbox.path().join("out/status.rs")).unwrap();
    // The manifest's retirement keeps its date and note.
    assert!(module.contains("since 2026-01-02; use \\\"Full\\\"\")]"), "{module}");
}

/// A sandbox whose docs are `page`, saved as `<name>.md`, under a manifest of one `[[table]]`
/// of it with `options`, generated once: the sandbox, the manifest and the API snapshot.
fn generated_once(name: &str, options: &str, page: &str) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let sandbox = tempfile::tempdir().unwrap();
    let docs = sandbox.path().join("docs");
    fs::create_dir_all(&docs).unwrap();
    let manifest = docs.join("catalog.toml");
    let table = format!(
        "output = \"../out\"\n\n[[table]]\npage = \"{name}.md\"\n\
         url = \"https://example.com/{name}.html\"\n{options}"
    );
    fs::write(&manifest, table).unwrap();
    fs::write(docs.join(format!("{name}.md")), page).unwrap();
    written(&manifest);
    let snapshot = sandbox.path().join("out/api.toml");
    (sandbox, manifest, snapshot)
}

/// A catalog generated before rows of HTTP statuses were named by their reason phrase
/// (`429 (TOO MANY REQUESTS)` made `_429TooManyRequests`, now `TooManyRequests`): the upgrade's
/// regen is refused, and the pin its help gives keeps the old names.
#[test]
fn names_made_of_the_rest_of_a_key_cell_are_a_rename_that_a_pin_keeps() {
    let page = "# Statuses\n\n| Code | Meaning |\n|---|---|\n\
                | 429 (TOO MANY REQUESTS) | Slow down. |\n| 404 (NOT FOUND) | Gone. |\n";
    let options = "module = \"status\"\nenum = \"Status\"\nkey-column = \"Code\"\n\
                   key-type = \"u16\"\nkey-pattern = '^(\\d+)\\b'\n";
    let (_sandbox, manifest, snapshot) = generated_once("status", options, page);
    let api = fs::read_to_string(&snapshot).unwrap();
    assert!(api.contains("variant = \"TooManyRequests\"") && api.contains("\"NotFound\""), "{api}");

    // The snapshot as the catalog-gen before had written it.
    let before = api.replace("\"TooManyRequests\"", "\"_429TooManyRequests\"");
    fs::write(&snapshot, before.replace("\"NotFound\"", "\"_404NotFound\"")).unwrap();
    let pin = r#"variants = { "429" = "_429TooManyRequests", "404" = "_404NotFound" }"#;
    let rendered = refused(&manifest, &CHECK);
    assert!(rendered.contains("`Status::_429TooManyRequests` would become"), "{rendered}");
    assert_eq!(rendered.matches(pin).count(), 2, "{rendered}");
    add_to_manifest(&manifest, pin);
    written(&manifest);
    let api = fs::read_to_string(&snapshot).unwrap();
    assert!(api.contains("variant = \"_429TooManyRequests\""), "{api}");
}

/// A catalog generated before plural acronyms were words (`Too many IDs` made `TooManyIDs`,
/// now `TooManyIds`; a header `Affected URLs` made `affected_ur_ls`, now `affected_urls`): the
/// upgrade's regen is refused, and the pins its helps give keep the old names.
#[test]
fn plural_acronyms_made_words_are_a_rename_that_pins_keep() {
    let page = "# Limits\n\n| Code | Meaning | Affected URLs |\n|---|---|---|\n\
                | 1 | Too many IDs | /ids |\n| 2 | Bad PRBs | /prbs |\n";
    let options = "module = \"limits\"\nenum = \"Limit\"\nkey-column = \"Code\"\n\
                   key-type = \"u16\"\nname-column = \"Meaning\"\n";
    let (_sandbox, manifest, snapshot) = generated_once("limits", options, page);
    let api = fs::read_to_string(&snapshot).unwrap();
    assert!(api.contains("\"TooManyIds\"") && api.contains("\"BadPrbs\""), "{api}");
    assert!(api.contains("\"affected_urls\""), "{api}");

    // The snapshot as the catalog-gen before had written it.
    let before =
        api.replace("\"TooManyIds\"", "\"TooManyIDs\"").replace("\"BadPrbs\"", "\"BadPrBs\"");
    fs::write(&snapshot, before.replace("\"affected_urls\"", "\"affected_ur_ls\"")).unwrap();
    let rendered = refused(&manifest, &CHECK);
    assert!(rendered.contains("`Limit::TooManyIDs` would become"), "{rendered}");
    let variants = r#"variants = { "1" = "TooManyIDs", "2" = "BadPrBs" }"#;
    assert_eq!(rendered.matches(variants).count(), 2, "{rendered}");
    let method = "the method `Limit::affected_ur_ls()` would become `Limit::affected_urls()`";
    assert!(rendered.contains(method), "{rendered}");
    assert!(rendered.contains("its column `Affected URLs` is still in the table"), "{rendered}");
    let accessors = r#"accessors = { "Affected URLs" = "affected_ur_ls" }"#;
    assert_eq!(rendered.matches(accessors).count(), 1, "{rendered}");
    add_to_manifest(&manifest, variants);
    add_to_manifest(&manifest, accessors);
    written(&manifest);
    let api = fs::read_to_string(&snapshot).unwrap();
    assert!(api.contains("\"TooManyIDs\"") && api.contains("\"BadPrBs\""), "{api}");
    assert!(api.contains("\"affected_ur_ls\""), "{api}");
}

/// A page that gives its codes a section each, one enum of them all (`all-tables`): a row that
/// moves to another section, keeping its place in the page's order, changes nothing users see
/// (each table is a line of the module's rustdoc, which names no row); a new section's rows are variants added (minor); and a
/// section whose table takes another column is refused at its header, nothing written.
#[test]
fn sections_joined_into_one_enum_change_as_their_rows_do() {
    let sandbox = tempfile::tempdir().unwrap();
    let section = |heading: &str, rows: &str| {
        format!("\n## {heading}\n\n| Code | Name | Meaning |\n|---|---|---|\n{rows}")
    };
    let (disk, full, bad) =
        ("| 1 | Disk | The disk. |\n", "| 2 | Full | It is full. |\n", "| 3 | Bad | Bad. |\n");
    let page = format!(
        "# Errors\n{}{}",
        section("Client", &[disk, full].concat()),
        section("Server", bad)
    );
    let (manifest, _) = unique_codes_docs(sandbox.path(), &page, "all-tables = true\n");
    let api = || fs::read_to_string(sandbox.path().join("out/api.toml")).unwrap();
    let before = api();
    assert!(before.contains("title = \"Errors\""), "{before}");
    let module = fs::read_to_string(sandbox.path().join("out/status.rs")).unwrap();
    assert!(
        module.contains("/// One variant per row of the 2 tables on [the published page]"),
        "{module}"
    );

    let moved = format!(
        "# Errors\n{}{}",
        section("Client", disk),
        section("Server", &[full, bad].concat())
    );
    fs::write(page_of(&manifest), &moved).unwrap();
    let report = written(&manifest);
    assert_eq!(report.changelog.semver(), Semver::None, "{}", report.changelog.summary());
    assert!(report.is_up_to_date(), "{report:?}");
    assert_eq!(api(), before);

    let added = format!("{moved}{}", section("Quota", "| 4 | Quota | Over quota. |\n"));
    fs::write(page_of(&manifest), &added).unwrap();
    let summary = written(&manifest).changelog.summary();
    assert!(
        summary.starts_with("changes for users: minor") && summary.contains("added: Quota (4)"),
        "{summary}"
    );

    let other = added
        .replace("## Quota\n\n| Code | Name | Meaning |", "## Quota\n\n| Code | Name | Since |");
    fs::write(page_of(&manifest), other).unwrap();
    let refusal = refused(&manifest, &WRITE);
    assert!(
        refusal.contains("a table that `all-tables = true` joins has other columns than the first"),
        "{refusal}"
    );
    assert!(regen::regen(&manifest, &CHECK).is_err());
    fs::write(page_of(&manifest), &added).unwrap();
    assert!(regen::regen(&manifest, &CHECK).unwrap().is_up_to_date());
}
