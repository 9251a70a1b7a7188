//! A diagnostic's help that shows a pin shows it as TOML to paste into the manifest: pasted as
//! it is, with a name in place of `"..."`, it parses and pins the row or column it was about,
//! whatever the docs' text holds (`"`, `\`, a line break). Real pages name rows with JSON
//! (`{"IsEnabled": true}`) and break names with `<br>`; shown as they were, such keys were
//! not TOML, or not the key the row is found by.

use std::fs;
use std::path::{Path, PathBuf};

use catalog_gen::model::problems::retirement;
use catalog_gen::regen::{self, Error, Options};
use catalog_gen::{Diagnostic, Input, pages_in_memory};

const HEAD: &str = "output = \"out\"\n[[table]]\npage = \"p.md\"\n\
    url = \"https://x.test/p.html\"\nmodule = \"m\"\nenum = \"E\"\nkey-column = \"Code\"\n\
    key-type = \"str\"\nname-column = \"Name\"\nshared-codes = true\n";

/// A manifest of one `[[table]]` of `p.md` keyed by the column `key_column`, of `key_type`,
/// with `more` lines of its own.
fn keyed_by(key_column: &str, key_type: &str, more: &str) -> String {
    format!(
        "output = \"out\"\n[[table]]\npage = \"p.md\"\nurl = \"https://x.test/p.html\"\n\
         module = \"m\"\nenum = \"E\"\nkey-column = \"{key_column}\"\nkey-type = \"{key_type}\"\n{more}"
    )
}

/// Every diagnostic of generating `page` with `manifest`, errors or else warnings, and the
/// module's text where it generated.
fn generate(manifest: &str, page: &str) -> (Vec<Diagnostic>, Option<String>) {
    let pages = pages_in_memory(vec![("p.md".to_owned(), page.to_owned())]);
    let input =
        Input { manifest_path: "c.toml", manifest_text: manifest, pages: &pages, command: "x" };
    let parsed = catalog_gen::parse_manifest("c.toml", manifest)
        .unwrap_or_else(|failure| panic!("{}\n{manifest}", failure.render(false)));
    match catalog_gen::generate_from(&parsed, &input) {
        Ok(generation) => {
            let module = generation.files.iter().find(|file| file.path == "m.rs").unwrap();
            (generation.warnings, Some(module.text.to_string()))
        }
        Err(failure) => (failure.diagnostics, None),
    }
}

/// The module generated from `page` with `manifest`, which must leave no diagnostic: what a
/// help's line, pasted, is to give.
fn clean_module(manifest: &str, page: &str) -> String {
    let (found, module) = generate(manifest, page);
    assert!(found.is_empty(), "{found:#?}");
    module.unwrap()
}

/// The TOML that `help` shows to paste, `table = { KEY = "..." }`, with `name` for `"..."`
/// where the help leaves the name to choose.
fn pasted(help: &str, table: &str, name: &str) -> String {
    let start = help.find(&format!("`{table} = {{ ")).unwrap_or_else(|| panic!("{help}")) + 1;
    let end = start + help[start..].find(" }`").unwrap() + 2;
    let snippet = &help[start..end];
    snippet.replace("= \"...\"", &format!("= \"{name}\""))
}

/// The one diagnostic whose message contains `says`, and its help's pin pasted with `name`.
fn pin_from(found: &[Diagnostic], says: &str, table: &str, name: &str) -> String {
    let matching: Vec<_> = found.iter().filter(|found| found.message.contains(says)).collect();
    assert_eq!(matching.len(), 1, "{found:#?}");
    pasted(matching[0].help.as_deref().unwrap(), table, name)
}

/// The pin of the one diagnostic of generating `page` whose message contains `says`, pasted
/// into the manifest with `name` ([`pin_from`]), and the module that then generates, with no
/// diagnostic left.
fn pin_pasted(page: &str, says: &str, table: &str, name: &str) -> (String, String) {
    let (found, _) = generate(HEAD, page);
    let pin = pin_from(&found, says, table, name);
    let module = clean_module(&format!("{HEAD}{pin}\n"), page);
    (pin, module)
}

/// The one `table` line (`variants`, `accessors`) that each of the two diagnostics of
/// generating `page` with `manifest` gives in its help (it must be the same in both), with
/// `names` for its `"..."`s in turn, and the module that then generates from `HEAD` with the
/// line in place of the manifest's, with no diagnostic left.
fn one_line_pasted(manifest: &str, page: &str, table: &str, names: &[&str]) -> (String, String) {
    let (found, _) = generate(manifest, page);
    let helps: Vec<&str> = found.iter().map(|found| found.help.as_deref().unwrap()).collect();
    assert_eq!(helps.len(), 2, "{found:#?}");
    let line = pasted(helps[0], table, "...");
    assert_eq!(line, pasted(helps[1], table, "..."), "one line for the table");
    let chosen = names
        .iter()
        .fold(line.clone(), |line, name| line.replacen("\"...\"", &format!("\"{name}\""), 1));
    let module = clean_module(&format!("{HEAD}{chosen}\n"), page);
    (line, module)
}

/// A docs tree on disk of [`HEAD`] and a page, for regen's history: the manifest's path and the
/// page's.
fn docs_on_disk(sandbox: &tempfile::TempDir) -> (PathBuf, PathBuf) {
    let docs = sandbox.path().join("docs");
    fs::create_dir_all(&docs).unwrap();
    let manifest = docs.join("catalog.toml");
    fs::write(&manifest, HEAD).unwrap();
    (manifest, docs.join("p.md"))
}

/// The module that a regen that must succeed writes.
fn regen_module(manifest: &Path) -> String {
    regen::regen(manifest, &Options::default()).unwrap();
    written_module(manifest)
}

/// The report of a regen that must succeed, after `page` is written with `text`.
fn regen_page(manifest: &Path, page: &Path, text: &str) -> regen::Report {
    fs::write(page, text).unwrap();
    regen::regen(manifest, &Options::default()).unwrap()
}

/// The errors of a regen that must fail, after `page` is written with `text`.
fn page_errors(manifest: &Path, page: &Path, text: &str) -> Vec<Diagnostic> {
    fs::write(page, text).unwrap();
    regen_errors(manifest)
}

/// The module written last.
fn written_module(manifest: &Path) -> String {
    fs::read_to_string(manifest.with_file_name("out/m.rs")).unwrap()
}

/// The errors of a regen that must fail.
fn regen_errors(manifest: &Path) -> Vec<Diagnostic> {
    match regen::regen(manifest, &Options::default()) {
        Err(Error::Problems(failure)) => failure.diagnostics,
        other => panic!("the change must break: {other:?}"),
    }
}

/// A docs tree on disk of [`ROWS`] and a row `2` that, first `Say hi`, was renamed `Say
/// hello` upstream, with the pin the break gate's help gave pasted (the variant `SayHi` kept):
/// the manifest's and the page's paths, and the pin.
fn pinned_after_a_rename(sandbox: &tempfile::TempDir) -> (PathBuf, PathBuf, String) {
    let (manifest, page) = docs_on_disk(sandbox);
    regen_page(&manifest, &page, &format!("{ROWS}| 2 | Say hi |\n"));
    let pin = pin_from(
        &page_errors(&manifest, &page, &format!("{ROWS}| 2 | Say hello |\n")),
        "would become",
        "variants",
        "SayHi",
    );
    assert_eq!(pin, r#"variants = { "2" = "SayHi" }"#);
    fs::write(&manifest, format!("{HEAD}{pin}\n")).unwrap();
    regen::regen(&manifest, &Options::default()).unwrap();
    (manifest, page, pin)
}

#[test]
fn a_long_names_pin_pasted_from_the_help_pins_it() {
    // Another row has its code, so the pin is keyed by the name.
    let page = "| Code | Name |\n| --- | --- |\n| 1 | Other |\n| 1 | `{\"IsEnabled\": true}` says \
        \"hello\" \\\\ to the<br>operator who waits for the reply that never comes back from the far side |\n";
    let (pin, module) = pin_pasted(page, "characters long", "variants", "Hello");
    // The key is one TOML line: a line break of the docs is written `\n`.
    assert!(pin.contains(r#""{\"IsEnabled\": true} says \"hello\" \\ to the\noperator"#), "{pin}");
    assert!(module.contains("    Hello,\n"));
}

#[test]
fn the_pin_for_a_name_that_makes_no_identifier_pasted_from_the_help_pins_it() {
    // A name cell without letters or digits is named from its code, unless the code has none
    // either. Another row has its code, so the pin is keyed by the name.
    let page = "| Code | Name |\n| --- | --- |\n| ? | \"\\\\\" |\n| ? | Two |\n";
    assert!(generate(HEAD, page).1.is_none());
    let (pin, module) = pin_pasted(page, "cannot make a variant name", "variants", "Quote");
    assert_eq!(pin, r#"variants = { "\"\\\"" = "Quote" }"#);
    assert!(module.contains("    Quote,\n"));
}

/// Two names too long and a pin the manifest has: each warning's help gives the one
/// `variants` line of all three, to paste in place of the manifest's (pasted beside it, a line
/// of one help's own pin was a TOML duplicate key, as two helps' lines were; the gRPC status
/// codes' page has three names too long). Pasted with the names chosen, no warning is left.
#[test]
fn the_one_variants_line_the_warnings_offer_pasted_pins_every_name() {
    let long = |words: &str| {
        format!(
            "{words} and then something else happened that nobody expected at all, not even the operator on call that night"
        )
    };
    let page = format!(
        "| Code | Name |\n| --- | --- |\n| 1 | {} |\n| 2 | Two |\n| 3 | {} |\n",
        long("First"),
        long("Third")
    );
    let manifest = format!("{HEAD}variants = {{ \"Two\" = \"Deux\" }}\n");
    let (found, _) = generate(&manifest, &page);
    let help = found[0].help.as_deref().unwrap();
    eprintln!("HELP {help}");
    assert!(help.contains("in place of this [[table]]'s `variants`"), "{help}");
    let (line, module) = one_line_pasted(&manifest, &page, "variants", &["First", "Third"]);
    assert_eq!(line.matches(" = ").count(), 4, "the manifest's pin and the two offered: {line}");
    for variant in ["First,", "Deux,", "Third,"] {
        assert!(module.contains(&format!("    {variant}\n")), "{variant}");
    }
}

/// A `[[table]]`'s only pin, not in rustc's case: the help's pin in case replaces it, and is
/// given as the line in place of the `[[table]]`'s (it was given as a line of its own, which
/// pasted beside the table's was a TOML duplicate key): one rule for every line of pins,
/// `PinLine::of_all`'s.
#[test]
fn the_fix_of_a_tables_only_pin_is_the_line_in_place_of_the_tables() {
    let page = "| Code | Name |\n| --- | --- |\n| 1 | One |\n";
    let manifest = format!("{HEAD}variants = {{ \"1\" = \"not_camel\" }}\n");
    let (found, _) = generate(&manifest, page);
    let [warning] = &found[..] else { panic!("{found:#?}") };
    let help = warning.help.as_deref().unwrap();
    assert!(help.contains("in place of this [[table]]'s `variants`"), "{help}");
    let line = pasted(help, "variants", "");
    assert_eq!(line, r#"variants = { "1" = "NotCamel" }"#);
    let module = clean_module(&format!("{HEAD}{line}\n"), page);
    assert!(module.contains("    NotCamel,\n"), "{module}");
}

/// A line given in place of the `[[table]]`'s keeps its entries in the manifest's order (not
/// sorted, as the manifest's map of them is), the new ones after them: pasted, it changes no
/// more of the manifest than it must.
#[test]
fn a_line_in_place_of_the_tables_keeps_the_manifests_order() {
    let long = "First and then something else happened that nobody expected at all, not even the \
                operator on call that night";
    let page =
        format!("| Code | Name |\n| --- | --- |\n| 1 | {long} one |\n| 2 | Two |\n| 4 | Four |\n");
    let manifest = format!("{HEAD}variants = {{ \"Two\" = \"Deux\", \"4\" = \"Quatre\" }}\n");
    let (found, _) = generate(&manifest, &page);
    let help = found[0].help.as_deref().unwrap();
    eprintln!("HELP {help}");
    assert!(help.contains("in place of this [[table]]'s `variants`"), "{help}");
    let line = pasted(help, "variants", "...");
    assert_eq!(line, r#"variants = { "Two" = "Deux", "4" = "Quatre", "1" = "..." }"#);
}

/// The break gate's `retired` line keeps the manifest's retirements as written (`"9"` before
/// `"3"`), the row it retires after them.
#[test]
fn the_gates_retired_line_keeps_the_manifests_order() {
    let sandbox = tempfile::tempdir().unwrap();
    let (manifest, page) = docs_on_disk(&sandbox);
    regen_page(&manifest, &page, &format!("{ROWS}| 9 | Nine |\n| 3 | Three |\n| 5 | Five |\n"));
    let note = "{ note = \"gone\" }";
    let retired = format!(r#"retired = {{ "9" = {note}, "3" = {note} }}"#);
    fs::write(&manifest, format!("{HEAD}{retired}\n")).unwrap();
    regen_page(&manifest, &page, &format!("{ROWS}| 5 | Five |\n"));

    let line = pin_from(&page_errors(&manifest, &page, ROWS), "would be removed", "retired", "");
    let added = "{ note = \"no longer in the documentation\" }";
    assert_eq!(line, format!(r#"retired = {{ "9" = {note}, "3" = {note}, "5" = {added} }}"#));
}

/// Where the page documents a retired row again (its retirement no longer in effect, a warning
/// asking to remove it) as two rows go, the gate's line of their retirements is to paste in
/// place of the `[[table]]`'s `retired`, which it has (it was offered as a line to add: a TOML
/// duplicate key pasted, found by the made histories); pasted, it takes out the stale entry too.
#[test]
fn the_gates_retired_line_beside_a_retirement_documented_again_is_in_its_place() {
    let sandbox = tempfile::tempdir().unwrap();
    let (manifest, page) = docs_on_disk(&sandbox);
    regen_page(&manifest, &page, &format!("{ROWS}| 3 | Three |\n| 4 | Four |\n| 5 | Five |\n"));
    let retired = r#"retired = { "3" = { note = "gone" } }"#;
    fs::write(&manifest, format!("{HEAD}{retired}\n")).unwrap();
    regen_page(&manifest, &page, &format!("{ROWS}| 4 | Four |\n| 5 | Five |\n"));

    let errors = page_errors(&manifest, &page, &format!("{ROWS}| 3 | Three |\n"));
    let help = errors[0].help.as_deref().unwrap();
    assert!(help.contains("in place of this [[table]]'s `retired`"), "{help}");
    let line = pasted(help, "retired", "");
    let added = "{ note = \"no longer in the documentation\" }";
    assert_eq!(line, format!(r#"retired = {{ "4" = {added}, "5" = {added} }}"#));
    fs::write(&manifest, format!("{HEAD}{line}\n")).unwrap();
    let report = regen::regen(&manifest, &Options::default()).unwrap();
    assert!(report.warnings.diagnostics.is_empty(), "{:#?}", report.warnings.diagnostics);
}

/// Rows of a bold code cell and nothing else head the rows below them, as tables write groups
/// (`| **System & Validation** | | |`): each is warned of, with the one `skip-rows` line of
/// both, which pasted leaves them out, and no warning is left. A bold code with cells beside it
/// is a row.
#[test]
fn the_line_that_leaves_out_rows_that_head_others_pasted_leaves_them_out() {
    let page = "| Code | Name |\n|---|---|\n| **System & Validation** | |\n| SYS_1 | One |\n\
                | **Auth** |  |\n| **AUTH_1** | Two |\n";
    let (found, _) = generate(HEAD, page);
    let helps: Vec<&str> = found.iter().filter_map(|found| found.help.as_deref()).collect();
    assert_eq!(found.len(), 2, "{found:#?}");
    let line = r#"skip-rows = ["System & Validation", "Auth"]"#;
    assert!(helps.iter().all(|help| help.contains(&format!("`{line}`"))), "{helps:#?}");
    let module = clean_module(&format!("{HEAD}{line}\n"), page);
    assert!(module.contains("    One,\n") && module.contains("    Two,\n"), "{module}");
    assert!(module.contains("leaves out the rows of `System & Validation`, `Auth`"), "{module}");
    assert!(!module.contains(r#"["System & Validation", ""]"#), "{module}");
}

/// Rows without a code, an empty row and more lines of the row above it (as tables exported
/// from wikis write them), are each offered the one `skip-rows = [""]`, which pasted leaves
/// out the rows whose code cell is empty and no other: a row of a code and no name is kept.
/// The enum's rustdoc names the rows left out, an empty one as such.
#[test]
fn the_line_that_leaves_out_rows_without_a_code_pasted_keeps_rows_without_a_name() {
    let manifest = HEAD.replace("key-type = \"str\"", "key-type = \"u16\"");
    let manifest = manifest.replace("shared-codes = true\n", "");
    let page = "| Code | Name | Description |\n|---|---|---|\n| 1001 | Disk Full | Full. |\n\
                |  |  | Free some space. |\n| 1002 |  | Nameless. |\n| | | |\n";
    let (found, _) = generate(&manifest, page);
    assert_eq!(found.len(), 2, "{found:#?}");
    let line = r#"skip-rows = [""]"#;
    for found in &found {
        assert!(found.help.as_deref().unwrap().contains(&format!("`{line}`")), "{found:#?}");
    }
    assert!(found[0].notes[0].contains("(`Free some space.`) would be in no variant"));
    let module = clean_module(&format!("{manifest}{line}\n"), page);
    assert!(module.contains("    DiskFull = 1001,\n") && module.contains("= 1002,\n"), "{module}");
    let left_out = "the manifest leaves out the rows of `Free some space.` and an empty row.";
    assert!(module.contains(left_out), "{module}");
}

/// A cell's text broken over lines, as pages converted from HTML have it (monday.com's API
/// errors: `| API_TEMPORARILY_BLOCKED | 200 | Check the` then `status page` then `for updates
/// … resolved. |`), is a row of each line after the first on GitHub: each such line, without
/// the `|` that begins the header, is warned of with the one `skip-rows` line of them all,
/// which pasted leaves them out and keeps the rows of codes, text or integer. A table written
/// without outer pipes has its short rows warned of as such, not as such lines.
#[test]
fn the_line_that_leaves_out_lines_of_a_cell_broken_over_lines_pasted_leaves_them_out() {
    let page = "| Code | Name | Resolution |\n|---|---|---|\n| BLOCKED | Blocked | Check the\n\
                status page\nfor updates. |\n| 200 | Ok | Nothing. |\n| 201 | Created | See the\n\
                docs\n.\n";
    let line = r#"skip-rows = ["status page", "for updates.", "docs", "."]"#;
    for key_type in ["str", "u16"] {
        let manifest = HEAD.replace("key-type = \"str\"", &format!("key-type = \"{key_type}\""));
        let page = match key_type {
            "str" => page.to_owned(),
            _ => page.replace("BLOCKED", "100"),
        };
        let (found, _) = generate(&manifest, &page);
        let lines: Vec<_> =
            found.iter().filter(|found| found.message.contains("is a line")).collect();
        assert_eq!(lines.len(), 4, "{found:#?}");
        assert!(lines[0].message.contains("row `status page` is a line without the `|`"));
        assert!(lines[0].notes[0].contains("(`Name`, `Resolution`)"), "{:#?}", lines[0]);
        for found in &found {
            assert!(found.help.as_deref().unwrap().contains(&format!("`{line}`")), "{found:#?}");
        }
        let module = clean_module(&format!("{manifest}{line}\n"), &page);
        for name in ["Blocked", "Ok", "Created"] {
            assert!(module.contains(&format!("    {name}")), "{module}");
        }
        assert!(!module.contains("StatusPage") && !module.contains("    Docs"), "{module}");
    }
    let page = "Code | Name | Resolution\n---|---|---\nA | One | x\nB\n";
    let (found, _) = generate(HEAD, page);
    let messages: Vec<&str> = found.iter().map(|found| found.message.as_str()).collect();
    assert_eq!(messages, ["row has 1 cell, the table has 3 columns"]);
}

/// Rows without a code or a name right below a row, as a table wrapped to a width writes a
/// cell's further lines (MQTT libraries' tables of reason codes: `|     |      | or it does
/// not match one of the other values. |`), are errors whose help offers `continued-rows =
/// true`: pasted, each is a line of the row above it, in the variant's text and rustdoc, with
/// its links made absolute. A row without a code but with a name, or the first row of a table
/// (of each table `all-tables` joins too), is offered no such line, and stays an error with it
/// set.
#[test]
fn the_continued_rows_offered_for_rows_without_a_code_pasted_joins_them_to_the_row_above() {
    let page = "| Code | Name | Description |\n|---|---|---|\n\
                | 128 | Unspecified | The receiver does not accept it, |\n\
                |     |             | or it matches [no other](values.md) value. |\n\
                |     |             | |\n\
                | 131 | Specific | Not *willing*. |\n\
                | 132 | Starred | *Not |\n|  |  | emphasis.* |\n";
    let manifest = keyed_by("Code", "u8", "name-column = \"Name\"\n");
    let (found, module) = generate(&manifest, page);
    assert!(module.is_none());
    let messages: Vec<&str> = found.iter().map(|found| found.message.as_str()).collect();
    assert_eq!(messages, ["empty code cell"; 3]);
    let line = "continued-rows = true";
    assert!(found[0].help.as_deref().unwrap().contains(&format!("`{line}`")), "{found:#?}");
    // The empty row has nothing to keep: its help offers only to leave it out.
    assert!(!found[1].help.as_deref().unwrap().contains(line), "{found:#?}");
    let module = clean_module(&format!("{manifest}{line}\n"), page);
    let lines = "The receiver does not accept it,<br>or it matches \
                 [no other](https://x.test/values.html) value.";
    assert!(module.contains(&format!("/// **Description:** {lines}\n")), "{module}");
    assert!(
        module.contains("\"The receiver does not accept it,\\nor it matches no other value.\"")
    );
    assert!(module.contains("    Specific = 131,"), "{module}");
    // Each line reads as in its own row: no emphasis runs from one into the next.
    assert!(module.contains("/// **Description:** \\*Not<br>emphasis.\\*\n"), "{module}");
    for page in [
        "| Code | Name | Description |\n|---|---|---|\n|   |   | First. |\n| 1 | One | x |\n",
        "| Code | Name | Description |\n|---|---|---|\n| 1 | One | x |\n|   | Two | y |\n",
    ] {
        check(&manifest, page);
    }
    let joined = format!("{manifest}all-tables = true\n");
    let table = "| Code | Name | Description |\n|---|---|---|\n";
    check(&joined, &format!("{table}| 1 | One | x |\n\n## More\n\n{table}|   |   | y |\n"));
    let html = "<table><tr><th>Code</th><th>Name</th><th>Description</th></tr>\n\
                <tr><td></td><td></td><td>y</td></tr></table>\n";
    check(&joined, &format!("{table}| 1 | One | x |\n\n## More\n\n{html}"));
    /// `page`'s first error is offered no `continued-rows`, and stays with it set.
    fn check(manifest: &str, page: &str) {
        let line = "continued-rows = true";
        let (found, _) = generate(manifest, page);
        assert!(!found[0].help.as_deref().unwrap().contains(line), "{found:#?}");
        let (found, _) = generate(&format!("{manifest}{line}\n"), page);
        assert_eq!(found[0].message, "empty code cell", "{found:#?}");
    }
}

/// The one code of several words not set off as code in a table of one-word codes each set off
/// as code (`Other codes`, as Supabase's storage docs write the row of every code the table
/// does not list) is warned of with the `skip-rows` line that leaves it out, which pasted
/// leaves it out; not where the cell is warned of already (a code and its message), nor where
/// codes of words are several, nor where the codes are plain text (`Parse error on...` among
/// monday.com's API errors is one).
#[test]
fn the_line_that_leaves_out_words_among_codes_pasted_leaves_them_out() {
    let page = "| Error Code | HTTP Status Code |\n|---|---|\n| `FILE_NOT_FOUND` | 404 (Not Found) |\n\
                | `PERMISSION_DENIED` | 403 (Forbidden) |\n| `INVALID_FILE` | 400 (Bad Request) |\n\
                | Other codes | 500 (Internal Server Error) |\n";
    let manifest = keyed_by("Error Code", "str", "");
    let (found, _) = generate(&manifest, page);
    let messages: Vec<&str> = found.iter().map(|found| found.message.as_str()).collect();
    let words = "code `Other codes` is words, where every other code of the table is one word \
                 in a code span";
    assert_eq!(messages, [words]);
    let line = r#"skip-rows = ["Other codes"]"#;
    assert!(found[0].help.as_deref().unwrap().contains(&format!("`{line}`")), "{found:#?}");
    let module = clean_module(&format!("{manifest}{line}\n"), page);
    assert!(!module.contains("OtherCodes") && module.contains("FileNotFound"), "{module}");
    let plain = page.replace('`', "");
    let other = "| Other codes | 500 (Internal Server Error) |";
    for page in [
        page.replace(other, "| E1: Failed for good | 500 |"),
        page.replace(other, "| Other codes | 500 |\n| All others | 501 |"),
        plain,
    ] {
        let (found, _) = generate(&manifest, &page);
        assert!(found.iter().all(|found| !found.message.contains("is words")), "{found:#?}");
    }
}

/// In a table written in HTML, a row of one cell across all the columns (`<th colspan="3">`)
/// heads the rows below it, as a bold row does in a pipe table: each is warned of with the one
/// `skip-rows` line of both, which pasted leaves them out; where the codes are integers, the
/// error of its code offers it. A long row's help asks for a header cell, not an escaped `|`.
#[test]
fn the_line_that_leaves_out_rows_across_an_html_table_pasted_leaves_them_out() {
    let page = "<table>\n<tr><th>Code</th><th>Name</th><th>Meaning</th></tr>\n\
                <tr><th colspan=\"3\">Client errors</th></tr>\n<tr><td>400</td><td>Bad</td><td>x</td></tr>\n\
                <tr><td colspan=\"3\"><b>Server errors</b></td></tr>\n<tr><td>500</td><td>Down</td><td>y</td></tr>\n\
                </table>\n";
    let line = r#"skip-rows = ["Client errors", "Server errors"]"#;
    for key_type in ["str", "u16"] {
        let manifest = HEAD.replace("key-type = \"str\"", &format!("key-type = \"{key_type}\""));
        let (found, _) = generate(&manifest, page);
        assert_eq!(found.len(), 2, "{found:#?}");
        for found in &found {
            assert!(found.help.as_deref().unwrap().contains(&format!("`{line}`")), "{found:#?}");
        }
        if key_type == "str" {
            assert_eq!(
                found[0].message,
                "row `Client errors` is one cell across all the table's columns"
            );
        }
        let module = clean_module(&format!("{manifest}{line}\n"), page);
        assert!(module.contains("    Bad") && module.contains("    Down"), "{module}");
    }
    let long = page.replace("<td>y</td>", "<td>y</td><td>z</td>");
    let (found, _) = generate(&format!("{HEAD}{line}\n"), &long);
    let help = found[0].help.as_deref().unwrap();
    assert_eq!(help, "add a header cell (`<th>`) for them to the table's first row upstream");
}

/// The `key-pattern` line and the `accessors` line that `help` offers, a line each, to paste.
fn pattern_and_pin(help: &str) -> String {
    format!("{}\n{}\n", offered(help, "key-pattern = "), offered(help, "accessors = "))
}

/// The line that `help` offers in a code span, starting with `start`, to paste.
fn offered<'h>(help: &'h str, start: &str) -> &'h str {
    let at = help.find(start).unwrap_or_else(|| panic!("{help}"));
    &help[at..at + help[at..].find('`').unwrap()]
}

/// A text code cell of two codes, one a line (`InvalidTemplateDeployment <br> InvalidTemplate`,
/// on Azure's page of deployment errors), is one code with a line break in it, which no lookup
/// finds: a warning whose `key-pattern`, pasted, takes each cell's first code. Where a code of
/// another row has a space, which the pattern would cut short, none is offered.
#[test]
fn the_pattern_offered_for_a_code_cell_of_two_lines_pasted_finds_the_first() {
    let page = "| Code | Name |\n|---|---|\n| InvalidTemplateDeployment <br> InvalidTemplate | Bad |\n\
                | Conflict | Busy |\n";
    let (found, _) = generate(HEAD, page);
    let [warning] = &found[..] else { panic!("{found:#?}") };
    assert_eq!(warning.message, "the code cell has 2 lines, which read as 2 codes");
    let help = warning.help.as_deref().unwrap();
    // `Code` would make the method every catalog has: the pin that names it otherwise too.
    let lines = pattern_and_pin(help);
    assert_eq!(lines, "key-pattern = '^(\\S+)'\naccessors = { \"Code\" = \"code_cell\" }\n");
    let module = clean_module(&format!("{HEAD}{lines}"), page);
    assert!(module.contains(r#"("InvalidTemplateDeployment", E::Bad)"#), "{module}");

    let spaced = format!("{page}| Not Found | Gone |\n");
    let (found, _) = generate(HEAD, &spaced);
    let help = found[0].help.as_deref().unwrap();
    assert!(!help.contains("key-pattern = ") && help.contains("a row upstream"), "{help}");
}

/// A text code cell that lists several codes, each in a code span (`` `warming_up`,
/// `warming_up_daily` ``, as pages list the codes that share a meaning), is one code, which
/// no lookup of either finds: a warning per cell, whose `key-pattern`, pasted, takes each
/// cell's first code. Where another row's code has a space, which the pattern would cut
/// short, none is offered; a code span with text around it is no list.
#[test]
fn the_pattern_offered_for_a_code_cell_that_lists_codes_pasted_finds_the_first() {
    let page = "| Code | Name |\n|---|---|\n| `warming_up`, `warming_up_daily` | Cold |\n\
                | `quote_stale` / `account_stale` | Stale |\n| `candle_gap` or `gap` | Gap |\n\
                | `unresolved` | Busy |\n";
    let (found, _) = generate(HEAD, page);
    let messages: Vec<&str> = found.iter().map(|found| found.message.as_str()).collect();
    assert_eq!(messages, ["the code cell lists 2 codes, which read as one"; 3], "{found:#?}");
    assert!(found[0].notes[0].contains("`warming_up, warming_up_daily`"), "{found:#?}");
    let help = found[0].help.as_deref().unwrap();
    let lines = pattern_and_pin(help);
    assert_eq!(lines, "key-pattern = '^([^\\s,/]+)'\naccessors = { \"Code\" = \"code_cell\" }\n");
    let module = clean_module(&format!("{HEAD}{lines}"), page);
    for (code, name) in [("warming_up", "Cold"), ("quote_stale", "Stale"), ("candle_gap", "Gap")] {
        assert!(module.contains(&format!("(\"{code}\", E::{name})")), "{module}");
    }

    for other in ["| `see_below` for now | Later |\n", "| Not Found | Gone |\n"] {
        let (found, _) = generate(HEAD, &format!("{page}{other}"));
        assert_eq!(found.len(), 3, "{found:#?}");
        let help = found[0].help.as_deref().unwrap();
        assert!(!help.contains("key-pattern = ") && help.contains("a row upstream"), "{help}");
    }
}

/// The warning of a cell that lists codes in code spans, or holds a code a line, offers
/// `split-codes = true` too, which, pasted, makes a variant of each code, found by it, with
/// the row's other cells, and no warning; an integer code cell that holds several, refused,
/// offers it the same, whether they are in code spans or not (`401 / 403`).
#[test]
fn split_codes_offered_for_a_cell_that_lists_codes_pasted_makes_a_variant_of_each() {
    let page = "| Code | Name |\n|---|---|\n| `warming_up`, `warming_up_daily` | Cold |\n\
                | `quote_stale` / `account_stale` | Stale |\n| `unresolved` | Busy |\n\
                | InvalidTemplateDeployment <br> InvalidTemplate | Bad |\n";
    let (found, _) = generate(HEAD, page);
    assert_eq!(found.len(), 3, "{found:#?}");
    let line = "`split-codes = true`";
    assert!(found.iter().all(|found| found.help.as_deref().unwrap().contains(line)), "{found:#?}");
    let module = clean_module(&format!("{HEAD}split-codes = true\n"), page);
    for (code, variant) in [
        ("warming_up", "ColdWarmingUp"),
        ("warming_up_daily", "ColdWarmingUpDaily"),
        ("account_stale", "StaleAccountStale"),
        ("unresolved", "Busy"),
        ("InvalidTemplate", "BadInvalidTemplate"),
    ] {
        assert!(module.contains(&format!("(\"{code}\", E::{variant})")), "{module}");
    }
    assert!(module.contains(r#"["account_stale", "Stale"]"#), "{module}");

    // A cell it leaves whole (an empty line between its codes) is warned of as before, with no
    // offer of the line the manifest has.
    let whole = format!("{page}| Gone <br><br> Lost | Away |\n");
    let (found, _) = generate(&format!("{HEAD}split-codes = true\n"), &whole);
    let [warning] = &found[..] else { panic!("{found:#?}") };
    assert!(warning.message.starts_with("the code cell has 3 lines"), "{warning:#?}");
    assert!(!warning.help.as_deref().unwrap().contains("split-codes"), "{warning:#?}");

    let integers = keyed_by("Status", "u16", "name-column = \"Name\"\n");
    let page = "| Status | Name |\n|---|---|\n| `400`, `422` | Invalid |\n| 404 | Missing |\n\
                | 500<br/>503 | Unavailable |\n| 401 / 403 | Denied |\n";
    let (found, _) = generate(&integers, page);
    let [listed, lines, plain] = &found[..] else { panic!("{found:#?}") };
    for error in [listed, lines, plain] {
        assert!(error.help.as_deref().unwrap().contains(line), "{error:#?}");
    }
    let module = clean_module(&format!("{integers}split-codes = true\n"), page);
    for variant in [
        "Invalid400 = 400,",
        "Invalid422 = 422,",
        "Unavailable503 = 503,",
        "Denied401 = 401,",
        "Denied403 = 403,",
    ] {
        assert!(module.contains(variant), "{module}");
    }
    // Each variant's rustdoc gives its own code: its code span, or its text.
    assert!(module.contains("/// `422`: Invalid\n") && module.contains("/// 503: Unavailable\n"));
    assert!(module.contains("/// 403: Denied\n"), "{module}");
    // A cell it would leave whole is not offered it, with or without it in the manifest.
    let gap = format!("{page}| 504 <br><br> 505 | Gap |\n");
    for manifest in [integers.clone(), format!("{integers}split-codes = true\n")] {
        let (found, _) = generate(&manifest, &gap);
        let gap = found.iter().find(|found| found.message.contains("504")).unwrap();
        assert!(!gap.help.as_deref().unwrap().contains("split-codes"), "{gap:#?}");
    }
}

/// A text code with a mark after it (a footnote's `E_BAR[^2]` or `E_FOO<sup>1</sup>`, `E_BAZ*`,
/// `E_QUX¹`, as tables mark the codes a note below them is about) is the code and its mark,
/// which no lookup of the code finds: a warning per cell, whose `key-pattern`, pasted, reads
/// every code without its mark. A mark within a code (`List[int]`) is none; where another
/// row's code has a space, which the pattern would cut short, none is offered.
#[test]
fn the_pattern_offered_for_a_code_with_a_mark_pasted_reads_it_without() {
    let page = "| Code | Name |\n|---|---|\n| E_FOO<sup>1</sup> | Foo |\n| E_BAR[^2] | Bar |\n\
                | E_BAZ\\* | Baz |\n| E_QUX¹ | Qux |\n| E_OK | Ok |\n\n[^2]: Since version 2.\n";
    let (found, _) = generate(HEAD, page);
    let messages: Vec<&str> = found.iter().map(|found| found.message.as_str()).collect();
    let marked = ["E_FOO<sup>1</sup>", "E_BAR[^2]", "E_BAZ*", "E_QUX¹"];
    let expected = marked
        .map(|code| format!("the code `{code}` has a mark after it, which is part of the code"));
    assert_eq!(messages, expected, "{found:#?}");
    assert!(found[0].notes[0].contains("`from_code(\"E_FOO\")` finds no row"), "{found:#?}");
    let lines = pattern_and_pin(found[0].help.as_deref().unwrap());
    let module = clean_module(&format!("{HEAD}{lines}"), page);
    for (code, name) in [("E_FOO", "Foo"), ("E_BAR", "Bar"), ("E_BAZ", "Baz"), ("E_QUX", "Qux")] {
        assert!(module.contains(&format!("(\"{code}\", E::{name})")), "{module}");
    }

    let within = "| Code | Name |\n|---|---|\n| List[int] | Typed |\n| a*b | Product |\n";
    assert!(generate(HEAD, within).0.is_empty());
    let spaced = page.replace("| E_OK | Ok |\n", "| E_OK | Ok |\n| Not Found | Gone |\n");
    let (found, _) = generate(HEAD, &spaced);
    let help = found[0].help.as_deref().unwrap();
    assert!(
        !help.contains("key-pattern = ") && help.contains("remove the mark upstream"),
        "{help}"
    );
}

/// Rows that share a code in a table named by its codes (no `name-column`) are the same row
/// twice: the help offers a column whose cells tell them apart as the names (SQL Server's
/// error 233, two rows of one code), which pasted names each row.
#[test]
fn the_name_column_offered_for_rows_of_one_code_pasted_tells_them_apart() {
    let manifest = HEAD.replace("name-column = \"Name\"\n", "");
    let page = "| Code | Severity | Description |\n|---|---|---|\n| 232 | 16 | Overflow. |\n\
                | 233 | 16 | Cannot be null. |\n| 233 | | Connection closed. |\n";
    let (found, _) = generate(&manifest, page);
    let [error] = &found[..] else { panic!("{found:#?}") };
    let help = error.help.as_deref().unwrap();
    let line = r#"name-column = "Description""#;
    assert!(help.contains(&format!("`{line}` in this [[table]]")), "{help}");
    let module = clean_module(&format!("{manifest}{line}\n"), page);
    assert!(module.contains("    CannotBeNull,\n") && module.contains("    ConnectionClosed,\n"));
}

/// Two tables of Cloudflare's page of Cloudflare Images errors (cloudflare/cloudflare-docs,
/// `src/content/docs/images/reference/errors.mdx`, commit 9a7b291; CC BY 4.0), of which codes
/// repeat, each with its own message and status.
const CLOUDFLARE_IMAGES: &str = "\
## Client configuration errors

| Error code | HTTP status | Description |
| --- | --- | --- |
| `9401` | 400 | Missing or invalid resizing parameters: test options |
| `9401` | 400 | Could not resize the image: test settings error |
| `9401` | 403 | Transformation origin is not in [allowed origins list](/images/transform-images/sources/) |
| `9424` | 400 | Missing or invalid HTTP request parameters |
| `9432` | 400 | Bad request: bad request |

## Origin and network errors

| Error code | HTTP status | Description |
| --- | --- | --- |
| `9402` | 502 | Could not fetch the image |
| `9402` | 413 | Could not fetch the image — file too large |
| `9420` | 415 | Original image has unsupported format |
| `9420` | 400 | Redirection to an invalid URL |
| `9421` | 400 | Too many redirects |
| `9505` | 502 | Could not fetch the image |
";

/// A code three rows share, in a table named by its codes: every repeat's help offers the one
/// `name-column` that names each of the three apart from every other row, which pasted names
/// them all. Told two rows at a time, the second help offered `HTTP status` (`400` and `403`),
/// which pasted left the first two rows one name. Where no column names every row of the
/// codes the table repeats apart from every other row (the statuses repeat down the table, and
/// one message is two codes'), no help offers `shared-codes`, which would not take the errors
/// away.
#[test]
fn every_repeat_of_a_code_is_offered_one_name_column_that_names_all_its_rows() {
    let manifest =
        |heading: &str| keyed_by("Error code", "u16", &format!("heading = \"{heading}\"\n"));
    let client = manifest("Client configuration errors");
    let (found, _) = generate(&client, CLOUDFLARE_IMAGES);
    let helps: Vec<&str> = found.iter().map(|found| found.help.as_deref().unwrap()).collect();
    assert_eq!(helps.len(), 2, "{found:#?}");
    let lines: Vec<&str> = helps.iter().map(|help| offered(help, "name-column = ")).collect();
    assert_eq!(lines, [r#"name-column = "Description""#; 2]);
    let module =
        clean_module(&format!("{client}shared-codes = true\n{}\n", lines[0]), CLOUDFLARE_IMAGES);
    let rows = "(9401, &[E::MissingOrInvalidResizingParametersTestOptions, \
                E::CouldNotResizeTheImageTestSettingsError, \
                E::TransformationOriginIsNotInAllowedOriginsList])";
    assert!(module.contains(rows), "{module}");

    let origin = manifest("Origin and network errors");
    let (found, _) = generate(&origin, CLOUDFLARE_IMAGES);
    assert_eq!(found.len(), 2, "{found:#?}");
    for error in &found {
        assert!(!error.help.as_deref().unwrap().contains("shared-codes"), "{error:#?}");
        assert!(error.notes[0].starts_with("no other column names every row"), "{error:#?}");
    }
}

/// In a table with a `name-column`, a repeated code's help offers `shared-codes = true` only
/// where every row of the codes the table repeats has a name no other row has: on Cloudflare
/// Images' page named by `Description`, the two rows of `9420` differ in name, but one of
/// `9402`'s is `9505`'s too, so that pasted, neither its code nor its name found it. The note
/// says which row.
#[test]
fn shared_codes_are_offered_only_where_every_row_of_a_repeated_code_has_its_own_name() {
    let more = "name-column = \"Description\"\nheading = \"Origin and network errors\"\n";
    let manifest = &keyed_by("Error code", "u16", more);
    let (found, _) = generate(manifest, CLOUDFLARE_IMAGES);
    let messages: Vec<&str> = found.iter().map(|found| found.message.as_str()).collect();
    assert_eq!(messages, ["duplicate code 9402", "duplicate code 9420"]);
    for error in &found {
        assert!(!error.help.as_deref().unwrap().contains("shared-codes"), "{error:#?}");
        let note = "the row of code 9402 named `Could not fetch the image` shares its name with \
                    another row";
        assert!(error.notes[0].contains(note), "{error:#?}");
    }
    let (found, _) = generate(&format!("{manifest}shared-codes = true\n"), CLOUDFLARE_IMAGES);
    let [error] = &found[..] else { panic!("{found:#?}") };
    assert!(error.message.contains("code 9402 and name `Could not fetch the image`"), "{error:#?}");
}

/// A code used twice in a table without `shared-codes` and named by its codes (gRPC's table of
/// status codes, by the case each is returned in): `shared-codes = true` alone would leave the
/// same row twice, so the help offers it with the `name-column` that tells the rows apart,
/// and both pasted name each row. Where nothing tells them apart (their names, or every other
/// cell, the same), it offers no `shared-codes`, which would not help.
#[test]
fn a_repeated_code_is_offered_shared_codes_only_with_the_names_that_tell_its_rows_apart() {
    let manifest = HEAD.replace("name-column = \"Name\"\nshared-codes = true\n", "");
    let page = "| Case | Code |\n|---|---|\n| Method not found | UNIMPLEMENTED |\n\
                | Server shutting down | UNAVAILABLE |\n| Compression not supported | UNIMPLEMENTED |\n";
    let (found, _) = generate(&manifest, page);
    let [error] = &found[..] else { panic!("{found:#?}") };
    let help = error.help.as_deref().unwrap();
    let lines = ["shared-codes = true", r#"name-column = "Case""#];
    for line in lines {
        assert!(help.contains(&format!("`{line}`")), "{help}");
    }
    let module = clean_module(&format!("{manifest}{}\n{}\n", lines[0], lines[1]), page);
    assert!(
        module.contains("    MethodNotFound,\n")
            && module.contains("    CompressionNotSupported,\n")
    );

    let named = HEAD.replace("shared-codes = true\n", "");
    let same = [
        (&manifest, "| Case | Code |\n|---|---|\n| Gone | E1 |\n| | E1 |\n"),
        (&named, "| Code | Name |\n|---|---|\n| E1 | Gone |\n| E1 | Gone |\n"),
    ];
    for (manifest, page) in same {
        let (found, _) = generate(manifest, page);
        let [error] = &found[..] else { panic!("{found:#?}") };
        assert!(!error.help.as_deref().unwrap().contains("shared-codes"), "{error:#?}");
    }
}

/// A variant name that rustc will warn looks like another (`confusable_idents`), of a row
/// whose code another row has: the pin is keyed by the row's name, as every help keys a row
/// (it was keyed by the code, which pasted was an ambiguous pin: found trying gRPC's table of
/// status codes, whose rows share codes).
#[test]
fn the_pin_for_a_name_that_looks_like_another_pasted_from_the_help_pins_it() {
    let page = "| Code | Name |\n| --- | --- |\n| UNAVAILABLE | Server down |\n\
                | UNAVAILABLE | \u{405}erver down |\n";
    let (pin, module) = pin_pasted(page, "looks like", "variants", "ServerDownCyrillic");
    assert_eq!(pin, "variants = { \"\u{405}erver down\" = \"ServerDownCyrillic\" }");
    assert!(module.contains("    ServerDownCyrillic,\n"));
}

/// Two headers that make methods every catalog has, beside a pin the manifest has: each
/// problem's help gives the one `accessors` line of the three, which pasted with the names
/// chosen names every column.
#[test]
fn the_one_accessors_line_the_columns_offer_pasted_names_every_column() {
    let page = "| Code | Name | URL | Fields | Notes |\n| --- | --- | --- | --- | --- |\n\
                | 1 | One | a | b | c |\n";
    let manifest = format!("{HEAD}accessors = {{ \"Notes\" = \"remarks\" }}\n");
    let (_, module) = one_line_pasted(&manifest, page, "accessors", &["link", "field_list"]);
    for method in ["link", "field_list", "remarks"] {
        assert!(module.contains(&format!("pub const fn {method}(self)")), "{method}");
    }
}

/// Key cells that are a code and a mark after it (a footnote's, a superscript's): the help
/// offers the `key-pattern` that takes the codes out, and, as the key column's header `Code`
/// would make the method `code()` every catalog has, the pin that names that method otherwise.
/// Both pasted, every row is read, by its code.
#[test]
fn the_key_pattern_offered_for_a_code_with_a_mark_pasted_reads_every_code() {
    let manifest = HEAD.replace("key-type = \"str\"", "key-type = \"u16\"");
    let manifest = manifest.replace("shared-codes = true\n", "");
    let page = "| Code | Name |\n| --- | --- |\n| 406<sup>1</sup> | Not acceptable |\n\
                | 407 [^a] | Proxy auth |\n| 408 | Timeout |\n\n[^a]: A note.\n";
    let (found, module) = generate(&manifest, page);
    assert!(module.is_none());
    let helps: Vec<&str> = found.iter().map(|found| found.help.as_deref().unwrap()).collect();
    assert_eq!(helps.len(), 2, "{found:#?}");
    // Each row's help offers the same lines: pasting one help's is enough.
    let pasted = pattern_and_pin(helps[0]);
    assert_eq!(pasted, pattern_and_pin(helps[1]));
    assert_eq!(pasted, "key-pattern = '^(\\d+)\\b'\naccessors = { \"Code\" = \"code_cell\" }\n");
    let module = clean_module(&format!("{manifest}{pasted}"), page);
    for variant in ["NotAcceptable = 406,", "ProxyAuth = 407,", "Timeout = 408,"] {
        assert!(module.contains(variant), "{variant}");
    }
    assert!(module.contains("pub const fn code_cell(self)"));
}

/// A name with its code in parentheses at its end (`ORDER_KERNEL_RUNNING (0)`, as a table of
/// a kernel's exit codes writes them): the help offers the pattern that takes the code out,
/// which pasted reads every code.
#[test]
fn the_key_pattern_offered_for_a_code_in_parentheses_pasted_reads_every_code() {
    let manifest = HEAD
        .replace("key-type = \"str\"", "key-type = \"u8\"")
        .replace("key-column = \"Code\"", "key-column = \"Exit Code\"")
        .replace("name-column = \"Name\"", "name-column = \"Meaning\"")
        .replace("shared-codes = true\n", "");
    let page = "| Exit Code | Meaning |\n|---|---|\n| `ORDER_KERNEL_RUNNING (0)` | Still running |\n\
                | `ORDER_KERNEL_EXIT_PRB (1)` | Normal completion |\n";
    let (found, _) = generate(&manifest, page);
    let helps: Vec<&str> = found.iter().map(|found| found.help.as_deref().unwrap()).collect();
    assert_eq!(helps.len(), 2, "{found:#?}");
    let line = r"key-pattern = '\((\d+)\)$'";
    assert!(helps.iter().all(|help| help.contains(&format!("`{line}`"))), "{helps:#?}");
    let module = clean_module(&format!("{manifest}{line}\n"), page);
    assert!(module.contains("StillRunning = 0,") && module.contains("NormalCompletion = 1,"));
}

/// Codes after a prefix in a table of integer codes (`u100`, as Clarity contracts write their
/// errors): each row's help offers the pattern that takes out the digits, and with the pin
/// that names the key column's method (its header `Code` makes `code()`), which pasted reads
/// every code as a number.
#[test]
fn the_key_pattern_offered_for_codes_after_a_prefix_pasted_reads_every_code() {
    let page =
        "| Code | Name |\n|---|---|\n| u100 | ERR-UNAUTHORIZED |\n| u101 | ERR-NOT-FOUND |\n";
    the_code_at_the_end_offered_pasted(page, &["ErrUnauthorized = 100,", "ErrNotFound = 101,"]);
}

/// `page`, a table of `u16` codes under `Code` each written after more: every row's help
/// offers `key-pattern = '(\d+)$'`, with the pin that names the key column's method, which
/// pasted makes each of `variants`.
fn the_code_at_the_end_offered_pasted(page: &str, variants: &[&str]) {
    the_code_at_the_end_in_a_table_offered_pasted(page, "", r"key-pattern = '(\d+)$'", variants);
}

/// As [`the_code_at_the_end_offered_pasted`], in a table with the manifest's lines `options`,
/// whose codes' pattern is `line`.
fn the_code_at_the_end_in_a_table_offered_pasted(
    page: &str,
    options: &str,
    line: &str,
    variants: &[&str],
) {
    let manifest = HEAD.replace("key-type = \"str\"", "key-type = \"u16\"");
    let manifest = manifest.replace("shared-codes = true\n", options);
    let (found, _) = generate(&manifest, page);
    let helps: Vec<&str> = found.iter().map(|found| found.help.as_deref().unwrap()).collect();
    assert_eq!(helps.len(), variants.len(), "{found:#?}");
    let pin = r#"accessors = { "Code" = "code_cell" }"#;
    for help in &helps {
        assert!(
            help.contains(&format!("`{line}`")) && help.contains(&format!("`{pin}`")),
            "{help}"
        );
    }
    let module = clean_module(&format!("{manifest}{line}\n{pin}\n"), page);
    for variant in variants {
        assert!(module.contains(variant), "{variant}: {module}");
    }
}

/// Codes after a sign, as READMEs write a status icon before each (`✅ 200`, an image
/// `![ok](ok.png) 200`, whose text is its alt text, an `<img>`, an emoji's shortcode `:x: 503`):
/// each row's help offers the pattern that takes out the code, which pasted reads every code.
#[test]
fn the_key_pattern_offered_for_codes_after_a_sign_or_a_picture_pasted_reads_every_code() {
    let page = "| Code | Name |\n|---|---|\n| ✅ 200 | Fine |\n| ![ok](ok.png) 201 | Made |\n\
                | <img src=\"warn.svg\" alt=\"warning\"> 429 | Slow down |\n| :x: 503 | Down |\n";
    let variants = ["Fine = 200,", "Made = 201,", "SlowDown = 429,", "Down = 503,"];
    the_code_at_the_end_offered_pasted(page, &variants);
}

/// The same in a table of hexadecimal digits alone (`key-radix = 16`): the pattern offered
/// reads such digits, with or without an `h`, which `\d+` would not (`0A`), and each code is
/// the number the page means (`10` is `0x10`).
#[test]
fn the_key_pattern_offered_for_hexadecimal_codes_after_a_sign_pasted_reads_every_code() {
    let page = "| Code | Name |\n|---|---|\n| ✅ 01 | Fine |\n| :x: 0A | Gateway |\n\
                | ⚠️ 10 | Vendor |\n| ❌ 0bh | Target |\n";
    let variants = ["Fine = 0x01,", "Gateway = 0x0A,", "Vendor = 0x10,", "Target = 0x0B,"];
    let line = r"key-pattern = '([0-9A-Fa-f]+[hH]?)$'";
    the_code_at_the_end_in_a_table_offered_pasted(page, "key-radix = 16\n", line, &variants);
}

/// Codes of text in quotes (`'ALREADY_WATCHING'`, as TypeScript's doc generators write the
/// values of string enums, or `"INVALID_ARGUMENT"`): the warning's pattern, pasted, reads each
/// code without its quotes, which `from_code` then finds; its other line keeps the quotes.
#[test]
fn the_key_pattern_offered_for_codes_in_quotes_pasted_reads_them_unquoted() {
    for (quoted, unquoted) in [("'ALREADY_WATCHING'", "ALREADY_WATCHING"), ("\"A B\"", "A B")] {
        let page =
            format!("| Code | Name |\n| --- | --- |\n| <code>{quoted}</code> | Watching |\n");
        let (found, _) = generate(HEAD, &page);
        let [warning] = &found[..] else { panic!("{found:#?}") };
        let help = warning.help.as_deref().unwrap();
        let lines = help.split('`').skip(1).step_by(2);
        let lines: Vec<&str> = lines.filter(|line| line.contains(" = ")).collect();
        // The header `Code` would make `code()`, every catalog's: the pin that names it.
        let [unquote, pin, keep] = lines[..] else { panic!("{help}") };
        assert_eq!(pin, "accessors = { \"Code\" = \"code_cell\" }");
        let module = clean_module(&format!("{HEAD}{unquote}\n{pin}\n"), &page);
        assert!(module.contains(&format!("({unquoted:?}, E::Watching)")), "{module}");
        let module = clean_module(&format!("{HEAD}{keep}\n{pin}\n"), &page);
        assert!(module.contains(&format!("({quoted:?}, E::Watching)")), "{module}");
    }
}

/// Two rows whose names make no identifier, nor do their codes, beside a pin the manifest has:
/// the table is read again, each error's help giving the one `variants` line of all three,
/// which pasted with the names chosen names every row.
#[test]
fn the_one_variants_line_of_rows_without_names_pasted_names_every_row() {
    let page = "| Code | Name |\n| --- | --- |\n| ? | !!! |\n| ?? | ### |\n| 3 | Three |\n";
    let manifest = format!("{HEAD}variants = {{ \"3\" = \"Trois\" }}\n");
    let (line, module) = one_line_pasted(&manifest, page, "variants", &["Bang", "Hash"]);
    assert_eq!(line, r#"variants = { "3" = "Trois", "?" = "...", "??" = "..." }"#);
    for variant in ["Bang,", "Hash,", "Trois,"] {
        assert!(module.contains(&format!("    {variant}\n")), "{variant}");
    }
}

/// Thirty-three rows whose names and codes make no identifier, more than a line of every help
/// holds: the first help gives the `variants` line of them all, which pasted with the names
/// chosen names every row; each other help gives its own pin.
#[test]
fn past_32_rows_without_names_the_first_helps_line_pasted_names_every_row() {
    let rows: String = (1..=33).map(|count| format!("| {} | !!! |\n", "?".repeat(count))).collect();
    let page = format!("| Code | Name |\n| --- | --- |\n{rows}");
    let (found, _) = generate(HEAD, &page);
    assert_eq!(found.len(), 33, "{found:#?}");
    let helps: Vec<&str> = found.iter().map(|found| found.help.as_deref().unwrap()).collect();
    let own = r#"pin a name, in this [[table]]: `variants = { "??" = "..." }`;"#;
    assert!(helps[1].starts_with(own), "{}", helps[1]);
    let line = pasted(helps[0], "variants", "...");
    let chosen =
        (1..=33).fold(line, |line, at| line.replacen("\"...\"", &format!("\"Row{at}\""), 1));
    let module = clean_module(&format!("{HEAD}{chosen}\n"), &page);
    for at in [1, 17, 33] {
        assert!(module.contains(&format!("    Row{at},\n")), "Row{at}");
    }
}

#[test]
fn the_pin_for_a_header_of_a_reserved_method_pasted_from_the_help_pins_it() {
    let page = "| Code | Name | \"Row\" |\n| --- | --- | --- |\n| 1 | One | a |\n";
    assert!(generate(HEAD, page).1.is_none());
    let says = "which every catalog already has";
    let (pin, module) = pin_pasted(page, says, "accessors", "quoted_row");
    assert_eq!(pin, r#"accessors = { "\"Row\"" = "quoted_row" }"#);
    assert!(module.contains("pub const fn quoted_row(self)"));
}

/// The module of `page` once `option = "header"` is pasted into `manifest`: its one problem, a
/// column headed `header` whose method every catalog has, offers that line beside the pin
/// that names the method otherwise.
fn column_offered_pasted(manifest: &str, page: &str, option: &str, header: &str) -> String {
    let (found, _) = generate(manifest, page);
    assert_eq!(found.len(), 1, "{found:#?}");
    let help = found[0].help.as_deref().unwrap();
    let line = offered(help, &format!("{option} = "));
    assert_eq!(line, format!("{option} = \"{header}\""));
    assert!(help.contains(&format!("`accessors = {{ \"{header}\" = \"...\" }}`")), "{help}");
    clean_module(&format!("{manifest}{line}\n"), page)
}

/// A table named by its codes with a column headed `Name` (as Anchor's table of errors, `| Code
/// | Hex | Name | Message |`): the column would make the method `name()` that every catalog
/// has; the help offers to name the variants from it, which pasted names every row.
#[test]
fn the_name_column_offered_for_a_column_headed_name_pasted_names_the_variants() {
    let manifest = HEAD.replace("name-column = \"Name\"\n", "");
    let page = "| Code | Name | Message |\n| --- | --- | --- |\n| 100 | InstructionMissing | \
                8 byte instruction identifier not provided |\n";
    let module = column_offered_pasted(&manifest, page, "name-column", "Name");
    assert!(module.contains("    InstructionMissing,\n"), "{module}");
    assert!(module.contains("pub const fn message(self)"), "{module}");
}

/// A table's header again as a row (`| **Code** | **Name** |`, as pages converted from a
/// document repeat it at the top of each page) is warned of in a table of text codes, and
/// refused in one of integers, each help offering the `skip-rows` line that, pasted, leaves
/// every such row out. A row that differs from the header in a cell is none.
#[test]
fn the_line_that_leaves_out_a_header_repeated_pasted_leaves_it_out() {
    let page = "| Code | Name |\n|---|---|\n| A1 | One |\n| **Code** | **Name** |\n| A2 | Two |\n\
                | code |  name |\n| Code | Names |\n";
    let (found, _) = generate(HEAD, page);
    let repeated: Vec<_> = found.iter().filter(|found| found.message.contains("header")).collect();
    assert_eq!(repeated.len(), 2, "{found:#?}");
    assert_eq!(repeated[0].message, "row `Code` repeats the table's header");
    let line = r#"skip-rows = ["Code", "code"]"#;
    assert!(repeated[0].help.as_deref().unwrap().contains(&format!("`{line}`")), "{found:#?}");
    let module = clean_module(&format!("{HEAD}{line}\n"), &page.replace("| Code | Names |\n", ""));
    assert!(module.contains("    One,") && module.contains("    Two,"), "{module}");
    assert!(!module.contains("    Code,"), "{module}");
    let integers = keyed_by("Code", "u16", "name-column = \"Name\"\n");
    let page = "| Code | Name |\n|---|---|\n| 1 | One |\n| Code | Name |\n| 2 | Two |\n";
    let (found, _) = generate(&integers, page);
    let [error] = &found[..] else { panic!("{found:#?}") };
    assert!(error.help.as_deref().unwrap().contains(r#"`skip-rows = ["Code"]`"#), "{error:#?}");
    let module = clean_module(&format!("{integers}skip-rows = [\"Code\"]\n"), page);
    assert!(module.contains("    Two = 2,"), "{module}");
}

/// A column headed `Help` beside no help column would make the method `help()` of the
/// `Entry` trait every catalog implements; the help offers to make it the help column, which,
/// pasted, `Entry::help()` returns, with no method of its own. Where the manifest names
/// another help column, it needs a pin.
#[test]
fn the_help_column_offered_for_a_column_headed_help_pasted_makes_it_the_help() {
    let page = "| Code | Name | Help |\n| --- | --- | --- |\n| E1 | One | Retry later. |\n";
    let module = column_offered_pasted(HEAD, page, "help-column", "Help");
    assert!(!module.contains("fn help("), "{module}");
    assert!(module.contains("::core::option::Option::Some(2),\n"), "{module}");
    let page = "| Code | Name | Help | Fix |\n| --- | --- | --- | --- |\n| E1 | One | x | y |\n";
    let (found, _) = generate(&format!("{HEAD}help-column = \"Fix\"\n"), page);
    let help = found[0].help.as_deref().unwrap();
    assert!(!help.contains("help-column") && help.contains("\"Help\" = \"...\""), "{help}");
}

#[test]
fn the_pin_that_keeps_a_renamed_variant_pasted_from_the_help_keeps_it() {
    let sandbox = tempfile::tempdir().unwrap();
    let (manifest, page) = docs_on_disk(&sandbox);
    // The rows share a code, so a pin finds each by its name.
    let rows = ROWS;
    regen_page(&manifest, &page, &format!("{rows}| 1 | Say \"hi\" |\n"));

    let pin = pin_from(
        &page_errors(&manifest, &page, &format!("{rows}| 1 | Say \"hello\" \\\\ now |\n")),
        "would become",
        "variants",
        "SayHi",
    );
    assert_eq!(pin, r#"variants = { "Say \"hello\" \\ now" = "SayHi" }"#);
    fs::write(&manifest, format!("{HEAD}{pin}\n")).unwrap();
    let module = regen_module(&manifest);
    assert!(module.contains("    SayHi,\n"), "{module}");
}

/// Regenerates `before`, a page, then `after`, which no longer has one of its rows: the
/// break gate's help gives the retirement `expected`, which, pasted into the manifest, keeps
/// the row's variant as `variant`, with no warning, and leaves the catalog up to date for the
/// next regen.
fn retirement_pasted_keeps(before: &str, after: &str, expected: &str, variant: &str) {
    let sandbox = tempfile::tempdir().unwrap();
    let (manifest, page) = docs_on_disk(&sandbox);
    regen_page(&manifest, &page, before);

    let retired =
        pin_from(&page_errors(&manifest, &page, after), "would be removed", "retired", "");
    assert_eq!(
        retired,
        format!("retired = {{ {expected} = {{ note = \"no longer in the documentation\" }} }}")
    );
    fs::write(&manifest, format!("{HEAD}{retired}\n")).unwrap();
    let report = regen::regen(&manifest, &Options::default()).unwrap();
    assert!(report.warnings.diagnostics.is_empty(), "{:#?}", report.warnings.diagnostics);
    let module = written_module(&manifest);
    assert!(module.contains(&format!("    {variant},\n")), "{module}");
    let again = regen::regen(&manifest, &Options::default()).unwrap();
    assert!(again.is_up_to_date(), "{:?}", again.changes);
}

const ROWS: &str = "| Code | Name |\n| --- | --- |\n| 1 | Other |\n";

#[test]
fn the_retirement_of_a_removed_row_pasted_from_the_help_keeps_its_variant() {
    let before = format!("{ROWS}| 1 | Say \"hi\" \\\\ now |\n");
    retirement_pasted_keeps(&before, ROWS, r#""Say \"hi\" \\ now""#, "SayHiNow");
}

/// Rows may share codes, but this row's code is its own: the help keys it by the code, and the
/// manifest finds it so (it looked for the name in such tables, and refused the help's line:
/// found replaying the history of AWS's IAM guide's document history page).
#[test]
fn the_retirement_of_a_removed_row_with_a_code_of_its_own_pasted_from_the_help_keeps_it() {
    let rows = format!("{ROWS}| 1 | Another |\n");
    retirement_pasted_keeps(&format!("{rows}| 2 | Gone away |\n"), &rows, r#""2""#, "GoneAway");
}

/// A row whose code the page now gives two other rows: the help keys its retirement by its
/// name, which the page no longer has, not by the code, which it does (the manifest read such
/// a key as the row documented again, and the gate asked for the same line again: found
/// replaying the history of a real page of AWS's RDS guide).
#[test]
fn the_retirement_of_a_row_whose_code_new_rows_took_pasted_from_the_help_keeps_it() {
    let before = format!("{ROWS}| 2 | Gone away |\n");
    let after = format!("{ROWS}| 2 | Here now |\n| 2 | Also here |\n");
    retirement_pasted_keeps(&before, &after, r#""Gone away""#, "GoneAway");
}

/// A pinned row removed upstream: the pin names no row, and its help's retirement, pasted,
/// keeps the variant under its pinned name (found replaying the history of real AWS pages,
/// where the help gave no way on).
#[test]
fn the_retirement_a_pin_without_a_row_offers_pasted_keeps_the_pinned_variant() {
    let sandbox = tempfile::tempdir().unwrap();
    let (manifest, page, pin) = pinned_after_a_rename(&sandbox);

    let retired =
        pin_from(&page_errors(&manifest, &page, ROWS), "is no row's code or name", "retired", "");
    assert_eq!(retired, r#"retired = { "2" = { note = "no longer in the documentation" } }"#);
    fs::write(&manifest, format!("{HEAD}{pin}\n{retired}\n")).unwrap();
    let module = regen_module(&manifest);
    assert!(module.contains("    SayHi,\n"), "{module}");
    assert!(module.contains("#[deprecated"), "{module}");
}

/// The same where the `[[table]]` retires a row already: the help's line holds both
/// retirements, to paste in place of the `[[table]]`'s `retired` (its own retirement alone,
/// pasted beside it, was a TOML duplicate key).
#[test]
fn the_retirement_a_pin_without_a_row_offers_beside_a_retirement_is_the_one_retired_line() {
    let sandbox = tempfile::tempdir().unwrap();
    let (manifest, page) = docs_on_disk(&sandbox);
    regen_page(&manifest, &page, &format!("{ROWS}| 2 | Say hi |\n| 3 | Bye |\n"));
    let first = pin_from(
        &page_errors(&manifest, &page, &format!("{ROWS}| 2 | Say hello |\n")),
        "would be removed",
        "retired",
        "",
    );
    let pin = r#"variants = { "2" = "SayHi" }"#;
    fs::write(&manifest, format!("{HEAD}{pin}\n{first}\n")).unwrap();
    regen::regen(&manifest, &Options::default()).unwrap();

    let errors = page_errors(&manifest, &page, ROWS);
    let error = errors.iter().find(|error| error.message.contains("no row's code")).unwrap();
    let help = error.help.as_deref().unwrap();
    assert!(help.contains("retiring the row in place of this [[table]]'s `retired`: `"), "{help}");
    let retired = pasted(help, "retired", "");
    let note = "{ note = \"no longer in the documentation\" }";
    assert_eq!(retired, format!(r#"retired = {{ "3" = {note}, "2" = {note} }}"#));
    fs::write(&manifest, format!("{HEAD}{pin}\n{retired}\n")).unwrap();
    let report = regen::regen(&manifest, &Options::default()).unwrap();
    assert!(report.warnings.diagnostics.is_empty(), "{:#?}", report.warnings.diagnostics);
    let module = written_module(&manifest);
    assert!(module.contains("    SayHi,\n") && module.contains("    Bye,\n"), "{module}");
    assert!(regen::regen(&manifest, &Options::default()).unwrap().is_up_to_date());
}

/// Past 32 pinned rows gone upstream (a page that dropped a section of them), the first help
/// gives the `retired` line of them all, which pasted keeps every pinned variant; each other
/// help gives its own retirement (each gave the table's and its own, so every pasted line was
/// a TOML duplicate key of the last, and the rows were retired one regen at a time).
#[test]
fn past_32_pinned_rows_gone_the_first_helps_retired_line_pasted_keeps_every_variant() {
    let sandbox = tempfile::tempdir().unwrap();
    let (manifest, page) = docs_on_disk(&sandbox);
    let gone = 2..=34;
    let pins: Vec<String> =
        gone.clone().map(|code| format!("\"{code}\" = \"Kept{code}\"")).collect();
    let pins = format!("variants = {{ {} }}", pins.join(", "));
    fs::write(&manifest, format!("{HEAD}{pins}\n")).unwrap();
    let rows: String = gone.clone().map(|code| format!("| {code} | Row {code} |\n")).collect();
    regen_page(&manifest, &page, &format!("{ROWS}{rows}"));

    let errors = page_errors(&manifest, &page, ROWS);
    assert_eq!(errors.len(), 33, "{errors:#?}");
    let helps: Vec<&str> = errors.iter().map(|error| error.help.as_deref().unwrap()).collect();
    let note = "{ note = \"no longer in the documentation\" }";
    let own =
        |help: &str| help.ends_with(&format!(" = {note} }}`")) && help.matches(note).count() == 1;
    assert!(helps[1..].iter().all(|help| own(help)), "{helps:#?}");
    let retired = pasted(helps[0], "retired", "");
    assert_eq!(retired.matches(note).count(), 33, "{retired}");
    fs::write(&manifest, format!("{HEAD}{pins}\n{retired}\n")).unwrap();
    let module = regen_module(&manifest);
    for code in gone {
        assert!(module.contains(&format!("    Kept{code},\n")), "Kept{code}");
    }
}

/// A page that swapped two columns: the removed row's code is a new row's name and its name
/// a new row's code. The help's retirement, pasted, keeps it: a new row that has the old code
/// as its name is not the old row documented again (replaying a real AWS IoT page's history,
/// the gate asked for the same line over and over), and once written, the key, the retired
/// row's code, names the page's row in the snapshot too, which is not the row retired.
#[test]
fn the_retirement_of_a_row_whose_cells_new_rows_swapped_pasted_from_the_help_keeps_it() {
    let (before, after) = (format!("{ROWS}| 2 | Two |\n"), format!("{ROWS}| Two | 2 |\n"));
    retirement_pasted_keeps(&before, &after, r#""2""#, "Two");
}

/// A row whose code and name both went to other rows (a page that gave its rows new codes, and
/// a new row the same name): no `retired` key could tell it from them, so the help says so and
/// offers a pin on the row that replaces it instead (replaying a real page of AWS's SageMaker
/// guide, the gate asked for a retirement that could not work, over and over).
#[test]
fn a_removed_row_no_key_can_retire_gets_the_pin_that_keeps_its_name_instead() {
    let sandbox = tempfile::tempdir().unwrap();
    let (manifest, page) = docs_on_disk(&sandbox);
    let head = "| Code | Name |\n| --- | --- |\n";
    regen_page(&manifest, &page, &format!("{head}| P | One |\n| P | Two |\n"));

    let errors = page_errors(
        &manifest,
        &page,
        &format!("{head}| Q | One |\n| P new | One |\n| P | Two |\n"),
    );
    let [error] = &errors[..] else { panic!("{errors:#?}") };
    assert!(error.notes[0].contains("`retired` cannot tell it from them"), "{error:#?}");
    let pin = pasted(error.help.as_deref().unwrap(), "variants", "One");
    assert_eq!(pin, r#"variants = { "<that row's code>" = "One" }"#);
    let pin = pin.replace("<that row's code>", "P new");
    fs::write(&manifest, format!("{HEAD}{pin}\n")).unwrap();
    let module = regen_module(&manifest);
    assert!(module.contains("    One,\n"), "{module}");
}

/// A row whose code another row's name takes, beside a row whose name an unchanged row has:
/// rows are told by their codes, so the row at the code is the old row renamed, and the row
/// whose name it took is gone. Both helps pasted, every variant keeps its code (replaying the
/// history of EIP-2315's tables of opcodes, where `PUSH1` is at two offsets and `JUMPSUB`
/// moved: the gate once offered a retirement that the unchanged row documented again, over
/// and over, and took `JUMPSUB` at its new offset for the old variant).
#[test]
fn a_name_that_moves_to_a_renamed_rows_code_leaves_its_own_row_removed() {
    let sandbox = tempfile::tempdir().unwrap();
    let (manifest, page) = docs_on_disk(&sandbox);
    let head = "| Code | Name |\n| --- | --- |\n";
    regen_page(&manifest, &page, &format!("{head}| 0 | PUSH1 |\n| 6 | PUSH1 |\n| 8 | JUMPSUB |\n"));

    // The row left at offset 0 keeps its name.
    let kept = r#"variants = { "0" = "Push10" }"#;
    fs::write(&manifest, format!("{HEAD}{kept}\n")).unwrap();
    let errors = page_errors(&manifest, &page, &format!("{head}| 0 | PUSH1 |\n| 6 | JUMPSUB |\n"));
    let [renamed, removed] = &errors[..] else { panic!("{errors:#?}") };
    assert!(renamed.message.contains("`E::Push16` would become `E::Jumpsub`"), "{renamed:#?}");
    assert!(removed.message.contains("`E::Jumpsub` would be removed"), "{removed:#?}");
    // The line of the manifest's pins with the new one, pasted in place of the manifest's.
    let pins = pasted(renamed.help.as_deref().unwrap(), "variants", "");
    assert_eq!(pins, r#"variants = { "0" = "Push10", "6" = "Push16" }"#);
    let retired = pasted(removed.help.as_deref().unwrap(), "retired", "");
    assert_eq!(retired, r#"retired = { "8" = { note = "no longer in the documentation" } }"#);
    fs::write(&manifest, format!("{HEAD}{pins}\n{retired}\n")).unwrap();
    regen::regen(&manifest, &Options::default()).unwrap();
    let snapshot = fs::read_to_string(manifest.with_file_name("out/api.toml")).unwrap();
    assert!(snapshot.contains(r#"{ variant = "Push16", code = "6""#), "{snapshot}");
    assert!(snapshot.contains(r#"{ variant = "Jumpsub", code = "8""#), "{snapshot}");
}

/// Pinned rows whose codes upstream recase (`E2` to `e2`): each pin names no row, and each
/// help gives the one `variants` line of both pins keyed anew, to paste in place of the
/// `[[table]]`'s (it was offered "in this [[table]]", as the pins it replaces were the
/// table's only ones: found by the made histories); where one pin is the table's only one,
/// its line alone, in place of the table's too.
#[test]
fn pins_keyed_anew_are_the_line_in_place_of_the_tables() {
    let sandbox = tempfile::tempdir().unwrap();
    let (manifest, page) = docs_on_disk(&sandbox);
    let pins = r#"variants = { "E2" = "DiskE2", "E3" = "FullE3" }"#;
    fs::write(&manifest, format!("{HEAD}{pins}\n")).unwrap();
    regen_page(&manifest, &page, "| Code | Name |\n|---|---|\n| E2 | Disk |\n| E3 | Full |\n");

    let after = "| Code | Name |\n|---|---|\n| e2 | Disk |\n| e3 | Full |\n";
    let errors = page_errors(&manifest, &page, after);
    let helps: Vec<&str> = errors.iter().filter_map(|error| error.help.as_deref()).collect();
    assert_eq!(helps.len(), 2, "{errors:#?}");
    let in_place = "in place of this [[table]]'s `variants`";
    assert!(helps.iter().all(|help| help.contains(in_place)), "{helps:#?}");
    let line = pasted(helps[0], "variants", "");
    assert_eq!(line, r#"variants = { "e2" = "DiskE2", "e3" = "FullE3" }"#);
    fs::write(&manifest, format!("{HEAD}{line}\n")).unwrap();
    let module = regen_module(&manifest);
    assert!(module.contains("    DiskE2,\n") && module.contains("    FullE3,\n"), "{module}");

    // The one pin of a table keyed anew: its line alone, in place of the table's.
    let sandbox = tempfile::tempdir().unwrap();
    let (manifest, page) = docs_on_disk(&sandbox);
    fs::write(&manifest, format!("{HEAD}variants = {{ \"e2\" = \"DiskE2\" }}\n")).unwrap();
    regen_page(&manifest, &page, "| Code | Name |\n|---|---|\n| e2 | Disk |\n");
    let errors = page_errors(&manifest, &page, "| Code | Name |\n|---|---|\n| E2 | Disk |\n");
    let help = errors[0].help.as_deref().unwrap();
    assert!(
        help.contains(&format!(
            "{in_place}, with every pin offered here: `variants = {{ \"E2\" = \"DiskE2\" }}`"
        )),
        "{help}"
    );
}

/// A pin keyed by a code of its own, when a later update gives another row that code: the pin
/// names two rows, and its help gives the key, from the API snapshot, that names the row the
/// pin was for alone (replaying real AWS pages' histories, such pins stopped 37 revisions,
/// with a help that did not say which row).
#[test]
fn an_ambiguous_pin_gets_the_key_of_the_row_it_was_for() {
    let sandbox = tempfile::tempdir().unwrap();
    let (manifest, page, _) = pinned_after_a_rename(&sandbox);

    let better = pin_from(
        &page_errors(&manifest, &page, &format!("{ROWS}| 2 | Say hello |\n| 2 | Another |\n")),
        "a pin must pick one",
        "variants",
        "",
    );
    assert_eq!(better, r#"variants = { "Say hello" = "SayHi" }"#);
    fs::write(&manifest, format!("{HEAD}{better}\n")).unwrap();
    let module = regen_module(&manifest);
    assert!(module.contains("    SayHi,\n"), "{module}");
}

/// The same beside another pin of the manifest: the help gives the one `variants` line of the
/// other pin and the pin keyed anew (not the old one), to paste in place of the manifest's
/// (beside it, the help's own line was a TOML duplicate key).
#[test]
fn an_ambiguous_pins_help_beside_other_pins_gives_the_line_of_them_all() {
    let sandbox = tempfile::tempdir().unwrap();
    let (manifest, page) = docs_on_disk(&sandbox);
    fs::write(&manifest, format!("{HEAD}variants = {{ \"1\" = \"Misc\", \"2\" = \"SayHi\" }}\n"))
        .unwrap();
    regen_page(&manifest, &page, &format!("{ROWS}| 2 | Say hi |\n"));
    let errors = page_errors(&manifest, &page, &format!("{ROWS}| 2 | Say hi |\n| 2 | Another |\n"));
    let line = pin_from(&errors, "a pin must pick one", "variants", "");
    assert_eq!(line, r#"variants = { "1" = "Misc", "Say hi" = "SayHi" }"#);
    fs::write(&manifest, format!("{HEAD}{line}\n")).unwrap();
    let module = regen_module(&manifest);
    assert!(module.contains("    SayHi,\n") && module.contains("    Misc,\n"), "{module}");
}

/// An ambiguous pin on a table of integer codes, whose row's code the page now writes
/// otherwise (`03` for `3`): the row is still there, and the help gives the key that names it
/// alone as the page writes it (the snapshot's code was compared as written, so the row was
/// taken for gone and no key was given).
#[test]
fn an_ambiguous_pin_finds_its_row_by_an_integer_code_written_otherwise() {
    let sandbox = tempfile::tempdir().unwrap();
    let (manifest, page) = docs_on_disk(&sandbox);
    let head = HEAD.replace("\"str\"", "\"u16\"");
    let pin = r#"variants = { "Say hello" = "SayHi" }"#;
    fs::write(&manifest, format!("{head}{pin}\n")).unwrap();
    regen_page(&manifest, &page, &format!("{ROWS}| 3 | Say hello |\n| 3 | Another |\n"));

    let errors = page_errors(
        &manifest,
        &page,
        &format!("{ROWS}| 03 | Say hello |\n| 4 | Another |\n| 5 | Say hello |\n"),
    );
    let better = pin_from(&errors, "a pin must pick one", "variants", "");
    assert_eq!(better, r#"variants = { "03" = "SayHi" }"#);
    fs::write(&manifest, format!("{head}{better}\n")).unwrap();
    let module = regen_module(&manifest);
    let pinned = "/// 03: Say hello\n    #[doc(alias = \"03\")]\n    #[doc(alias = \"Say hello\")]\n    SayHi,\n";
    assert!(module.contains(pinned) && module.contains("    SayHello,\n"), "{module}");
}

/// A pin keyed by a code, when a later update removes the pinned row and gives its code to two
/// others: the pin names two rows, none of them the one it was for, and its help gives the
/// retirement that keeps that row's variant in the pin's place (replaying the history of
/// ohmyzsh's Arch Linux page, such a pin stopped regen with a help that named no row).
#[test]
fn an_ambiguous_pin_whose_row_is_gone_gets_the_retirement_that_keeps_its_variant() {
    let sandbox = tempfile::tempdir().unwrap();
    let (manifest, page, _) = pinned_after_a_rename(&sandbox);

    let errors = page_errors(&manifest, &page, &format!("{ROWS}| 2 | Another |\n| 2 | Third |\n"));
    let retired = pin_from(&errors, "a pin must pick one", "retired", "");
    assert_eq!(
        retired,
        r#"retired = { "Say hello" = { note = "no longer in the documentation" } }"#
    );
    let ambiguous = errors.iter().find(|error| error.message.contains("must pick one")).unwrap();
    assert!(
        ambiguous.notes.iter().any(|note| note.contains("`SayHi` for the row (`2`, `Say hello`)"))
    );
    // In the pin's place.
    fs::write(&manifest, format!("{HEAD}{retired}\n")).unwrap();
    let report = regen::regen(&manifest, &Options::default()).unwrap();
    assert!(report.warnings.diagnostics.is_empty(), "{:#?}", report.warnings.diagnostics);
    let module = written_module(&manifest);
    assert!(module.contains("#[deprecated") && module.contains("    SayHi,\n"), "{module}");
    assert!(regen::regen(&manifest, &Options::default()).unwrap().is_up_to_date());
}

/// A page row pinned the name a retired row keeps: the problem is the page row's, the one
/// the manifest can name otherwise, and its help pins that row (it pointed at the page's first
/// line as the retired row's and offered a pin for the retired row, which keeps its name).
#[test]
fn a_pin_that_takes_a_retired_rows_name_is_the_page_rows_problem() {
    let sandbox = tempfile::tempdir().unwrap();
    let (manifest, page) = docs_on_disk(&sandbox);
    regen_page(&manifest, &page, &format!("{ROWS}| 2 | Disk Full |\n"));

    let after = format!("{ROWS}| 3 | Disk-Full |\n");
    fs::write(&page, &after).unwrap();
    let retired = r#"retired = { "2" = { note = "gone" } }"#;
    fs::write(&manifest, format!("{HEAD}{retired}\nvariants = {{ \"3\" = \"DiskFull\" }}\n"))
        .unwrap();
    let errors = regen_errors(&manifest);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(errors[0].message.contains("the retired row `2` generate the variant `DiskFull`"));
    let label = &errors[0].labels[0];
    assert!(label.primary && label.path.ends_with("p.md"), "{label:?}");
    assert_eq!(&after[label.span.clone()], "Disk-Full");
    let pin = pasted(errors[0].help.as_deref().unwrap(), "variants", "DiskFullAgain");
    assert_eq!(pin, r#"variants = { "3" = "DiskFullAgain" }"#);
    fs::write(&manifest, format!("{HEAD}{retired}\n{pin}\n")).unwrap();
    let module = regen_module(&manifest);
    assert!(
        module.contains("    DiskFullAgain,\n") && module.contains("    DiskFull,\n"),
        "{module}"
    );
}

/// A retired code that a later update gave another row, then moved on: the key names two rows
/// of the API snapshot, and the error says which, with the key that names each alone, or that
/// another key retires the row already (replaying EIP-2315's tables, the help said only to
/// retire by name or code).
#[test]
fn a_retired_key_that_names_two_rows_of_the_snapshot_gets_the_keys_that_name_each() {
    let sandbox = tempfile::tempdir().unwrap();
    let (manifest, page) = docs_on_disk(&sandbox);
    let head = "| Code | Name |\n| --- | --- |\n";
    regen_page(&manifest, &page, &format!("{head}| 4 | BEGINSUB |\n| 3 | STOP |\n"));
    let by_code = r#""4" = { note = "gone" }"#;
    fs::write(&manifest, format!("{HEAD}retired = {{ {by_code} }}\n")).unwrap();
    regen_page(&manifest, &page, &format!("{head}| 3 | STOP |\n"));
    // `STOP` takes the code: `4` is documented again, a warning, and the row is retired by name.
    let both = format!("{HEAD}retired = {{ {by_code}, \"BEGINSUB\" = {{ note = \"gone\" }} }}\n");
    fs::write(&manifest, &both).unwrap();
    let report = regen_page(&manifest, &page, &format!("{head}| 4 | STOP |\n"));
    assert!(report.warnings.diagnostics[0].message.contains("documents it again"));

    let errors = page_errors(&manifest, &page, &format!("{head}| 2 | STOP |\n"));
    let [error] = &errors[..] else { panic!("{errors:#?}") };
    assert!(error.message.contains("cannot retire `4`"), "{error:#?}");
    assert_eq!(
        error.notes,
        ["the API snapshot's rows: `Stop` (`4`, `STOP`), `Beginsub` (`4`, `BEGINSUB`, retired)"]
    );
    assert_eq!(
        error.help.as_deref(),
        Some(
            "`\"BEGINSUB\"` retires `Beginsub` already: remove `\"4\"` from this [[table]]'s `retired`"
        )
    );
    // Without the second key, the help gives it.
    fs::write(&manifest, format!("{HEAD}retired = {{ {by_code} }}\n")).unwrap();
    let errors = regen_errors(&manifest);
    assert_eq!(
        errors[0].help.as_deref(),
        Some(
            "key it by what names the row alone: `\"STOP\"` for `Stop`, `\"BEGINSUB\"` for `Beginsub`"
        )
    );
    fs::write(&manifest, format!("{HEAD}retired = {{ \"BEGINSUB\" = {{ note = \"gone\" }} }}\n"))
        .unwrap();
    let module = regen_module(&manifest);
    assert!(module.contains("    Beginsub,\n"), "{module}");
}

/// Integer codes are numbers, however the page writes them: a row whose code was `0003` and
/// is now `3`, with another name, is the same row renamed, and the pin pasted from the help
/// keeps its name (the gate compared codes as written, and asked to retire `0003`, which the
/// row `3` could not sit beside).
#[test]
fn an_integer_code_written_otherwise_is_the_same_rows_for_the_gate() {
    let sandbox = tempfile::tempdir().unwrap();
    let (manifest, page) = docs_on_disk(&sandbox);
    let head = HEAD.replace("\"str\"", "\"u16\"").replace("shared-codes = true\n", "");
    fs::write(&manifest, &head).unwrap();
    let rows = "| Code | Name |\n| --- | --- |\n";
    regen_page(&manifest, &page, &format!("{rows}| 0000 | PUSH1 |\n| 0003 | RETURNSUB |\n"));

    let pin = pin_from(
        &page_errors(&manifest, &page, &format!("{rows}| 0 | PUSH1 |\n| 3 | OTHER |\n")),
        "would become",
        "variants",
        "",
    );
    assert_eq!(pin, r#"variants = { "3" = "Returnsub" }"#);
    fs::write(&manifest, format!("{head}{pin}\n")).unwrap();
    let module = regen_module(&manifest);
    assert!(module.contains("    Returnsub = 3,\n"), "{module}");
}

/// The manifest of a table of integer codes, and the page's head.
fn integer_table(manifest: &Path) -> (String, &'static str) {
    let head = HEAD.replace("\"str\"", "\"u16\"").replace("shared-codes = true\n", "");
    fs::write(manifest, &head).unwrap();
    (head, "| Code | Name |\n| --- | --- |\n")
}

/// A docs tree of integer codes whose page went from the rows `first` to the rows `then`
/// under the manifest lines `pins`, and regen's errors for `then`.
struct Refused {
    _sandbox: tempfile::TempDir,
    manifest: PathBuf,
    /// The manifest without `pins`.
    head: String,
    errors: Vec<Diagnostic>,
}

impl Refused {
    /// The retirement that the help of the pin naming no row offers, which must be keyed by
    /// `key`.
    fn retirement_offered(&self, key: &str) -> String {
        let retired = pin_from(&self.errors, "is no row's code or name", "retired", "");
        assert_eq!(retired, retirement(key));
        retired
    }

    /// The module regen writes once the manifest's lines after its head are `lines`.
    fn module_with(&self, lines: &str) -> String {
        fs::write(&self.manifest, format!("{}{lines}\n", self.head)).unwrap();
        regen_module(&self.manifest)
    }
}

fn refused_after(pins: &str, first: &str, then: &str) -> Refused {
    refused_after_under(false, pins, first, then)
}

/// [`refused_after`], on a table whose rows may share codes where `shared`.
fn refused_after_under(shared: bool, pins: &str, first: &str, then: &str) -> Refused {
    let sandbox = tempfile::tempdir().unwrap();
    let (manifest, page) = docs_on_disk(&sandbox);
    let (mut head, rows) = integer_table(&manifest);
    if shared {
        head.push_str("shared-codes = true\n");
    }
    fs::write(&manifest, format!("{head}{pins}\n")).unwrap();
    regen_page(&manifest, &page, &format!("{rows}{first}"));
    let errors = page_errors(&manifest, &page, &format!("{rows}{then}"));
    Refused { _sandbox: sandbox, manifest, head, errors }
}

/// A pin keyed by an integer code names its row however the page writes the number (`013`
/// for `13`), as lookups, the gate and retired keys read it (it named no row, and its help
/// offered a retirement that the row, documented again, refused; a made history).
#[test]
fn a_pin_names_its_row_by_an_integer_code_written_otherwise() {
    let sandbox = tempfile::tempdir().unwrap();
    let (manifest, page) = docs_on_disk(&sandbox);
    let (head, rows) = integer_table(&manifest);
    fs::write(&manifest, format!("{head}variants = {{ \"13\" = \"Disk\" }}\n")).unwrap();
    regen_page(&manifest, &page, &format!("{rows}| 13 | Disk |\n| 14 | Disk |\n"));
    regen_page(&manifest, &page, &format!("{rows}| 013 | Disk |\n| 14 | Disk |\n"));
    let module = written_module(&manifest);
    assert!(
        module.contains("    Disk = 13,\n") && module.contains("    Disk14 = 14,\n"),
        "{module}"
    );
}

/// A row retired by an integer code, whose last text the API snapshot writes otherwise (`01`
/// for the key `1`): the snapshot's row is found by its number (retiring found no row, and
/// regen stopped; a made history where the row came back as `01` and left again).
#[test]
fn a_retired_integer_code_finds_its_row_in_a_snapshot_that_writes_it_otherwise() {
    let sandbox = tempfile::tempdir().unwrap();
    let (manifest, page) = docs_on_disk(&sandbox);
    let (head, rows) = integer_table(&manifest);
    regen_page(&manifest, &page, &format!("{rows}| 01 | Disk |\n| 2 | Full |\n"));
    fs::write(&manifest, format!("{head}{}\n", r#"retired = { "1" = {} }"#)).unwrap();
    let report = regen_page(&manifest, &page, &format!("{rows}| 2 | Full |\n"));
    assert!(report.warnings.diagnostics.is_empty(), "{:#?}", report.warnings.diagnostics);
    let module = written_module(&manifest);
    assert!(module.contains("#[deprecated") && module.contains("    Disk = 1,\n"), "{module}");
}

/// A pinned row gone from a table of integer codes that the API snapshot writes otherwise
/// than the pin (`01`, pinned as `1`): the help retires it by the snapshot's code, and pasted,
/// the pin names the retired row (the help retired it by the pin's key, which named no row of
/// the snapshot).
#[test]
fn a_pin_whose_row_is_gone_gets_the_retirement_of_the_snapshots_row() {
    let pin = r#"variants = { "1" = "Kept" }"#;
    let refused = refused_after(pin, "| 01 | Disk |\n| 2 | Full |\n", "| 2 | Full |\n");
    let retired = refused.retirement_offered("01");
    let module = refused.module_with(&format!("{pin}\n{retired}"));
    assert!(module.contains("#[deprecated") && module.contains("    Kept = 1,\n"), "{module}");
}

/// A pinned row whose code changes under its name: the pin names no row, and its help keys
/// it by the row's new code, in place of the old pin (the `[[table]]`'s `variants`, whose only
/// pin it was, the line of the new one), as the gate keeps an unpinned variant
/// whose row's code changes (the help retired the row, which then could not be told apart
/// from itself on a table whose rows share codes; a made history).
#[test]
fn a_pin_whose_rows_code_changed_gets_the_new_key() {
    let (first, then) = ("| 1 | Disk |\n| 2 | Full |\n", "| 1 | Disk |\n| 3 | Full |\n");
    let refused = refused_after(r#"variants = { "2" = "Kept" }"#, first, then);
    let errors = &refused.errors;
    let pin = pin_from(errors, "is no row's code or name", "variants", "");
    assert_eq!(pin, r#"variants = { "3" = "Kept" }"#);
    let help = errors[0].help.as_ref().unwrap();
    assert!(help.contains("in place of this [[table]]'s `variants`"), "{errors:#?}");
    let module = refused.module_with(&pin);
    assert!(module.contains("    Kept = 3,\n"), "{module}");
}

/// A pinned row whose code changes to another row's number, written otherwise (`0x26` for
/// `38`), where rows share codes: the pin names no row, and its help keys it by the row's
/// name, since the new code names both rows (the help keyed it by `0x26`, counted as written,
/// and the pasted pin named both rows; a made history).
#[test]
fn a_pins_new_key_names_its_row_alone_by_number() {
    let (first, then) = ("| 8 | — |\n| 38 | Bad |\n", "| 0x26 | — |\n| 38 | Bad |\n");
    let refused = refused_after_under(true, r#"variants = { "8" = "Kept" }"#, first, then);
    let pin = pin_from(&refused.errors, "is no row's code or name", "variants", "");
    assert_eq!(pin, r#"variants = { "—" = "Kept" }"#);
    let module = refused.module_with(&pin);
    assert!(module.contains("    Kept,\n") && module.contains("    Bad,\n"), "{module}");
}

/// A row renamed under a code another row writes otherwise (`038`, `38`), where rows share
/// codes: the gate's pin is keyed by the row's name, as its code names both rows (counted as
/// written, the pin was keyed by `38`, which names both).
#[test]
fn the_gates_pin_is_keyed_by_name_where_the_code_written_otherwise_names_another_row() {
    let first = "| 038 | Bad |\n| 38 | Full |\n| 1 | Disk |\n";
    let then = "| 038 | Bad |\n| 38 | Fuller |\n| 1 | Disk |\n";
    let refused = refused_after_under(true, "", first, then);
    let pin = pin_from(&refused.errors, "would become", "variants", "");
    assert_eq!(pin, r#"variants = { "Fuller" = "Full" }"#);
    let module = refused.module_with(&pin);
    assert!(module.contains("    Full,\n") && module.contains("    Bad,\n"), "{module}");
}

/// Two rows that generate one name where one of them had another variant: the row whose code
/// changed to the other's, on a table whose names lose a suffix (`Disk Error` makes `Disk`).
/// The help pins the variant the API snapshot has for that row, read whole for it, though the
/// manifest pins nothing; pasted, the gate's help keeps the other row's (the help left the
/// name to choose, and the variant the row had was then gone; a made history).
#[test]
fn two_rows_of_one_name_get_the_pin_of_the_variant_one_had() {
    let sandbox = tempfile::tempdir().unwrap();
    let (manifest, page) = docs_on_disk(&sandbox);
    let (head, rows) = integer_table(&manifest);
    let head = format!("{head}shared-codes = true\nstrip-suffix = \"Error\"\n");
    fs::write(&manifest, &head).unwrap();
    regen_page(&manifest, &page, &format!("{rows}| 2 | Disk Error |\n| 14 | Disk |\n"));
    let then = format!("{rows}| 14 | Disk Error |\n| 14 | Disk |\n");
    let errors = page_errors(&manifest, &page, &then);
    let pin = pin_from(&errors, "two rows generate the variant `Disk14`", "variants", "");
    assert_eq!(pin, r#"variants = { "Disk Error" = "Disk2" }"#);
    assert!(errors[0].help.as_ref().unwrap().contains("for the first row"), "{errors:#?}");
    // Pinned, it leaves the other row the only one of its name, which then needs no suffix:
    // the gate's pin keeps that one's too.
    fs::write(&manifest, format!("{head}{pin}\n")).unwrap();
    let pins = pin_from(&regen_errors(&manifest), "would become", "variants", "");
    assert_eq!(pins, r#"variants = { "Disk Error" = "Disk2", "Disk" = "Disk14" }"#);
    fs::write(&manifest, format!("{head}{pins}\n")).unwrap();
    let module = regen_module(&manifest);
    assert!(module.contains("    Disk2,\n") && module.contains("    Disk14,\n"), "{module}");
}

/// A made name that a later row has pinned: the help pins the row whose name is made, not the
/// pinned one (named anew, the pinned row would be renamed, which the break gate refuses,
/// asking for the pin back, over and over: a made history found it).
#[test]
fn a_made_name_that_a_pin_gives_a_later_row_is_the_one_named_otherwise() {
    // `e2`'s name, `Disk` as `E1`'s is, takes its code: `DiskE2`, which `E2` has pinned.
    let head = HEAD.replace("shared-codes = true\n", "");
    let page = "| Code | Name |\n| --- | --- |\n| E1 | Disk |\n| e2 | Disk |\n| E2 | Other |\n";
    let manifest = format!("{head}variants = {{ \"E2\" = \"DiskE2\" }}\n");
    let (found, _) = generate(&manifest, page);
    assert!(found[0].notes.iter().any(|note| note.contains("the pin is for the first row")));
    let line = pin_from(&found, "two rows generate the variant `DiskE2`", "variants", "Plain");
    assert_eq!(line, r#"variants = { "E2" = "DiskE2", "e2" = "Plain" }"#);
    let module = clean_module(&format!("{head}{line}\n"), page);
    assert!(module.contains("    Plain,\n") && module.contains("    DiskE2,\n"), "{module}");
}

/// Two rows pinned to one name: the help's pin is keyed as the manifest pins the second row
/// (by its name), so that in the line the help gives, the manifest's pins with its own, it
/// replaces that pin (keyed by the row's code, it was a second pin of the row), and the line
/// pasted in place of the manifest's mends the collision.
#[test]
fn a_pinned_rows_collision_is_mended_in_its_own_pin() {
    let head = HEAD.replace("\"str\"", "\"u16\"").replace("shared-codes = true\n", "");
    let page = "| Code | Name |\n| --- | --- |\n| 1 | Disk |\n| 2 | Full |\n";
    let pins = "variants = { \"1\" = \"Same\", \"Full\" = \"Same\" }\n";
    let (found, _) = generate(&format!("{head}{pins}"), page);
    let pin = pin_from(&found, "two rows generate the variant `Same`", "variants", "Other");
    assert_eq!(pin, r#"variants = { "1" = "Same", "Full" = "Other" }"#);
    let module = clean_module(&format!("{head}{pin}\n"), page);
    assert!(module.contains("    Same = 1,\n") && module.contains("    Other = 2,\n"), "{module}");
}

/// Two pins that name one row, one by its code and one by its name, after the rows swapped
/// names: the row takes one name, so the pin the API snapshot does not have for the row (by
/// its code) is refused, with the help to remove it; then the gate asks for the other row's
/// pin, and pasted, each variant is on its row (the second pin was ignored without a word,
/// and moved to another row at a later update; a made history).
#[test]
fn two_pins_of_one_row_are_refused_and_the_one_the_snapshot_has_not_is_removed() {
    let pins = r#"variants = { "12" = "Kept", "Bad" = "Other" }"#;
    let refused = refused_after_under(
        true,
        pins,
        "| 12 | Gone |\n| 9 | Bad |\n",
        "| 12 | Bad |\n| 9 | Gone |\n",
    );
    let [error] = &refused.errors[..] else { panic!("{:#?}", refused.errors) };
    assert!(error.message.contains("is named by two pins, `12` and `Bad`"), "{error:#?}");
    let help = error.help.as_deref().unwrap();
    assert_eq!(help, r#"remove `"Bad"` from this [[table]]'s `variants`"#);

    let kept = r#"variants = { "12" = "Kept" }"#;
    fs::write(&refused.manifest, format!("{}{kept}\n", refused.head)).unwrap();
    let pins = pin_from(&regen_errors(&refused.manifest), "would become", "variants", "");
    assert_eq!(pins, r#"variants = { "12" = "Kept", "9" = "Other" }"#);
    let module = refused.module_with(&pins);
    let snapshot = fs::read_to_string(refused.manifest.with_file_name("out/api.toml")).unwrap();
    assert!(snapshot.contains(r#"{ variant = "Kept", code = "12", name = "Bad""#), "{module}");
    assert!(snapshot.contains(r#"{ variant = "Other", code = "9", name = "Gone""#), "{snapshot}");
}

/// A pinned row gone while the one row with its name has the code of another pinned row: by
/// its code that row is the other one, renamed, as the gate reads it, so the help retires the
/// row gone (its help keyed the pin by that code, and two pins named one row; a made
/// history).
#[test]
fn a_pin_whose_name_went_to_another_pinned_rows_code_gets_the_retirement() {
    let pins = r#"variants = { "1" = "Disk", "2" = "Full" }"#;
    let refused = refused_after(pins, "| 1 | Full |\n| 2 | Disk |\n", "| 2 | Full |\n");
    let retired = refused.retirement_offered("1");
    let module = refused.module_with(&format!("{pins}\n{retired}"));
    assert!(module.contains("    Disk = 1,\n") && module.contains("    Full = 2,\n"), "{module}");
}

/// The same, where the other row is not pinned: regen reads only the snapshot's rows that
/// pins and retirements name, and where it refuses, it reads the rest for the helps (the help
/// keyed the pin by the code of a row the part read did not have; a made history).
#[test]
fn a_refused_regen_reads_the_whole_snapshot_for_its_helps() {
    let (first, then) = ("| 26 | Full |\n| 4 | Gone Quota |\n", "| 26 | Gone Quota |\n");
    let refused = refused_after(r#"variants = { "4" = "Bad" }"#, first, then);
    refused.retirement_offered("4");
}

/// A retired row back on the page under a code rows share: the retired row and the page's
/// share its name, so the page's row cannot be told apart, and the help says which retired
/// row it may be; its removal pasted, the variant is the page row's again (the help asked
/// for a name no other row has, which the docs' reader cannot give; a made history).
#[test]
fn a_row_told_apart_from_none_but_a_retired_one_gets_the_retirements_removal() {
    let sandbox = tempfile::tempdir().unwrap();
    let (manifest, page) = docs_on_disk(&sandbox);
    let rows = "| Code | Name |\n| --- | --- |\n";
    regen_page(&manifest, &page, &format!("{rows}| 3 | Bad |\n| 30 | Full |\n"));
    let retired = pin_from(
        &page_errors(&manifest, &page, &format!("{rows}| 30 | Full |\n")),
        "would be removed",
        "retired",
        "",
    );
    fs::write(&manifest, format!("{HEAD}{retired}\n")).unwrap();
    regen::regen(&manifest, &Options::default()).unwrap();

    let back = format!("{rows}| 30 | Full |\n| 30 | Bad |\n");
    let errors = page_errors(&manifest, &page, &back);
    let [error] = &errors[..] else { panic!("{errors:#?}") };
    assert!(error.message.contains("cannot be told apart"), "{error:#?}");
    let help = error.help.as_deref().unwrap();
    assert!(help.contains(r#"remove `"3"` from this [[table]]'s `retired`"#), "{help}");
    fs::write(&manifest, HEAD).unwrap();
    let module = regen_module(&manifest);
    assert!(module.contains("    Bad,\n") && !module.contains("#[deprecated"), "{module}");
}

/// The same, where a pin gives the row another variant than the retired row's, or holds the
/// retired row: removing the retirement would leave that variant gone or the pin without a
/// row, and a help would ask for it again (loops, in made histories), so the help does not
/// offer it.
#[test]
fn a_row_pinned_otherwise_is_not_offered_a_retired_rows_removal() {
    let sandbox = tempfile::tempdir().unwrap();
    let (manifest, page) = docs_on_disk(&sandbox);
    let rows = "| Code | Name |\n| --- | --- |\n";
    regen_page(&manifest, &page, &format!("{rows}| 3 | Bad |\n| 30 | Full |\n"));
    let retired = r#"retired = { "3" = {} }"#;
    fs::write(&manifest, format!("{HEAD}{retired}\n")).unwrap();
    regen_page(&manifest, &page, &format!("{rows}| 30 | Full |\n"));
    let back = format!("{rows}| 30 | Full |\n| 30 | Bad |\n");
    // A pin on the page's row, or on the retired row (which, its retirement removed, would
    // name no row, and its help would retire the row again).
    for pin in [r#"variants = { "Bad" = "Again" }"#, r#"variants = { "3" = "Bad" }"#] {
        fs::write(&manifest, format!("{HEAD}{retired}\n{pin}\n")).unwrap();
        let errors = page_errors(&manifest, &page, &back);
        let told = errors.iter().find(|error| error.message.contains("cannot be told apart"));
        let help = told.and_then(|error| error.help.as_deref());
        assert_eq!(help, Some("give the row a name no other row has"), "{pin}: {errors:#?}");
    }
}

/// The same, where the retired row's variant has a name the row's name does not make (it was
/// pinned when the row was retired): without the retirement that variant would be gone, and
/// the gate would ask for the retirement again (a loop, in a made history).
#[test]
fn a_row_whose_name_makes_another_variant_is_not_offered_a_retired_rows_removal() {
    let sandbox = tempfile::tempdir().unwrap();
    let (manifest, page) = docs_on_disk(&sandbox);
    let rows = "| Code | Name |\n| --- | --- |\n";
    let (pin, retired) = (r#"variants = { "3" = "Worse" }"#, r#"retired = { "3" = {} }"#);
    fs::write(&manifest, format!("{HEAD}{pin}\n")).unwrap();
    regen_page(&manifest, &page, &format!("{rows}| 3 | Bad |\n| 30 | Full |\n"));
    fs::write(&manifest, format!("{HEAD}{pin}\n{retired}\n")).unwrap();
    regen_page(&manifest, &page, &format!("{rows}| 30 | Full |\n"));
    fs::write(&manifest, format!("{HEAD}{retired}\n")).unwrap();
    assert!(regen_module(&manifest).contains("    Worse,\n"));
    let errors = page_errors(&manifest, &page, &format!("{rows}| 30 | Full |\n| 30 | Bad |\n"));
    let told = errors.iter().find(|error| error.message.contains("cannot be told apart"));
    let help = told.and_then(|error| error.help.as_deref());
    assert_eq!(help, Some("give the row a name no other row has"), "{errors:#?}");
}

/// A row retired by an integer code that another row takes, written otherwise (`3` for the
/// `0003` retired), while rows take its name: the code is documented again, so the row at it
/// is the retired row renamed, and the row whose name it took is gone; both helps pasted,
/// every variant keeps its code (the retired row was kept beside them, a row no lookup could
/// find, refused at the page's first line; replaying EIP-7979's tables).
#[test]
fn a_row_retired_by_an_integer_code_written_otherwise_is_documented_again_by_the_number() {
    let sandbox = tempfile::tempdir().unwrap();
    let (manifest, page) = docs_on_disk(&sandbox);
    let head = HEAD.replace("\"str\"", "\"u16\"");
    fs::write(&manifest, &head).unwrap();
    let rows = "| Code | Name |\n| --- | --- |\n";
    regen_page(&manifest, &page, &format!("{rows}| 0003 | RETURNSUB |\n| 5 | STOP |\n"));
    fs::write(&manifest, format!("{head}retired = {{ \"0003\" = {{ note = \"gone\" }} }}\n"))
        .unwrap();
    regen_page(&manifest, &page, &format!("{rows}| 5 | STOP |\n"));

    fs::write(&page, format!("{rows}| 3 | STOP |\n| 8 | RETURNSUB |\n| 10 | RETURNSUB |\n"))
        .unwrap();
    let errors = regen_errors(&manifest);
    let [removed, renamed] = &errors[..] else { panic!("{errors:#?}") };
    assert!(removed.message.contains("`E::Stop` would be removed"), "{removed:#?}");
    assert!(renamed.message.contains("`E::Returnsub` would become `E::Stop`"), "{renamed:#?}");
    let pin = pasted(renamed.help.as_deref().unwrap(), "variants", "");
    assert_eq!(pin, r#"variants = { "3" = "Returnsub" }"#);
    let retired = pasted(removed.help.as_deref().unwrap(), "retired", "");
    assert_eq!(retired, r#"retired = { "5" = { note = "no longer in the documentation" } }"#);
    // The `[[table]]`'s `retired` of `0003`, no longer in effect, is replaced, where the line
    // was offered to add beside it (a TOML duplicate key, pasted so).
    let in_place = "in place of this [[table]]'s `retired`";
    assert!(removed.help.as_deref().unwrap().contains(in_place), "{removed:#?}");
    fs::write(&manifest, format!("{head}{pin}\n{retired}\n")).unwrap();
    let module = regen_module(&manifest);
    assert!(module.contains("(3, &[E::Returnsub])"), "{module}");
    assert!(module.contains("(5, &[E::Stop])"), "{module}");
}

/// A column renamed: the help gives the pin keyed by the header in its column's place, and
/// pasted, it keeps the method. A header whose case alone changed is the same column, as the
/// manifest finds headers (replaying the OCI distribution spec, whose endpoint table renamed
/// two columns and recased a third in one edit; the help left the header to guess). Renamed
/// back, as a merge of that spec's history did, the pin is to go.
#[test]
fn the_pin_for_a_renamed_column_pasted_from_the_help_keeps_its_method() {
    let sandbox = tempfile::tempdir().unwrap();
    let (manifest, page) = docs_on_disk(&sandbox);
    let row = "| E1 | Full | Disk full. | Free space. |\n";
    let before = "| Code | Name | API details | What To Do |\n| --- | --- | --- | --- |\n";
    regen_page(&manifest, &page, &format!("{before}{row}"));

    let after = "| Code | Name | API Details | Remedy |\n| --- | --- | --- | --- |\n";
    let errors = page_errors(&manifest, &page, &format!("{after}{row}"));
    let [error] = &errors[..] else { panic!("{errors:#?}") };
    assert!(error.notes[0].contains("`Remedy` in its place"), "{error:#?}");
    let pin = pasted(error.help.as_deref().unwrap(), "accessors", "");
    assert_eq!(pin, r#"accessors = { "Remedy" = "what_to_do" }"#);
    fs::write(&manifest, format!("{HEAD}{pin}\n")).unwrap();
    let module = regen_module(&manifest);
    assert!(module.contains("pub const fn what_to_do("), "{module}");
    assert!(module.contains("pub const fn api_details("), "{module}");

    // Renamed back upstream: the pin names no column, and the column it was for makes the
    // method without one.
    let errors = page_errors(&manifest, &page, &format!("{before}{row}"));
    let [error] = &errors[..] else { panic!("{errors:#?}") };
    let help = error.help.as_deref().unwrap();
    assert!(help.contains("`What To Do` makes the method `what_to_do` without a pin"), "{help}");
    fs::write(&manifest, HEAD).unwrap();
    let module = regen_module(&manifest);
    assert!(module.contains("pub const fn what_to_do("), "{module}");
}

/// The same where the `[[table]]` pins a method already: the help gives the one `accessors`
/// line of both, in place of the `[[table]]`'s (its own pin alone, pasted beside it, was a
/// TOML duplicate key: found by the made histories, which paste as a user would).
#[test]
fn the_pin_for_a_renamed_column_beside_an_accessors_pin_is_the_one_accessors_line() {
    let sandbox = tempfile::tempdir().unwrap();
    let (manifest, page) = docs_on_disk(&sandbox);
    let pinned = format!("{HEAD}accessors = {{ \"Notes\" = \"remarks\" }}\n");
    fs::write(&manifest, &pinned).unwrap();
    let row = "| E1 | Full | Disk full. | Free space. |\n";
    regen_page(&manifest, &page, &format!("| Code | Name | Notes | Details |\n|-|-|-|-|\n{row}"));

    let errors = page_errors(
        &manifest,
        &page,
        &format!("| Code | Name | Notes | Remedy |\n|-|-|-|-|\n{row}"),
    );
    let [error] = &errors[..] else { panic!("{errors:#?}") };
    let help = error.help.as_deref().unwrap();
    assert!(help.contains("in place of this [[table]]'s `accessors`, `accessors = "), "{help}");
    let pin = pasted(help, "accessors", "");
    assert_eq!(pin, r#"accessors = { "Notes" = "remarks", "Remedy" = "details" }"#);
    fs::write(&manifest, format!("{HEAD}{pin}\n")).unwrap();
    let module = regen_module(&manifest);
    assert!(module.contains("pub const fn details(") && module.contains("pub const fn remarks("));
}

/// Where the gate cannot tell which new column took the gone one's place, its help's pin, to
/// fill in, comes in the one `accessors` line with the `[[table]]`'s pins too.
#[test]
fn the_pin_for_a_column_gone_beside_an_accessors_pin_is_the_one_accessors_line() {
    let sandbox = tempfile::tempdir().unwrap();
    let (manifest, page) = docs_on_disk(&sandbox);
    fs::write(&manifest, format!("{HEAD}accessors = {{ \"Notes\" = \"remarks\" }}\n")).unwrap();
    let row = "| E1 | Full | Disk full. | Free space. |";
    regen_page(&manifest, &page, &format!("| Code | Name | Notes | Details |\n|-|-|-|-|\n{row}\n"));

    let headers = "| Code | Name | Notes | Remedy | Extra |\n|-|-|-|-|-|\n";
    let errors = page_errors(&manifest, &page, &format!("{headers}{row} More. |\n"));
    let [error] = &errors[..] else { panic!("{errors:#?}") };
    let help = error.help.as_deref().unwrap();
    let line = r#"accessors = { "Notes" = "remarks", "<new header>" = "details" }"#;
    assert!(
        help.contains(&format!("in place of this [[table]]'s `accessors`, `{line}`")),
        "{help}"
    );
}

/// Two pinned rows removed at once: each pin's help gives the one `retired` line of both rows
/// (each its own line, the two pasted were a TOML duplicate key: found by the made
/// histories), which pasted keeps both variants.
#[test]
fn two_pins_without_rows_get_the_one_retired_line_of_both() {
    let sandbox = tempfile::tempdir().unwrap();
    let (manifest, page) = docs_on_disk(&sandbox);
    let pins = r#"variants = { "2" = "SayHi", "3" = "SayBye" }"#;
    fs::write(&manifest, format!("{HEAD}{pins}\n")).unwrap();
    regen_page(&manifest, &page, &format!("{ROWS}| 2 | Hello |\n| 3 | Goodbye |\n"));

    let errors = page_errors(&manifest, &page, ROWS);
    let helps: Vec<&str> = errors.iter().filter_map(|error| error.help.as_deref()).collect();
    assert_eq!(helps.len(), 2, "{errors:#?}");
    let line = pasted(helps[0], "retired", "");
    assert_eq!(line, pasted(helps[1], "retired", ""), "one line for the table");
    let note = "{ note = \"no longer in the documentation\" }";
    assert_eq!(line, format!(r#"retired = {{ "2" = {note}, "3" = {note} }}"#));
    fs::write(&manifest, format!("{HEAD}{pins}\n{line}\n")).unwrap();
    let module = regen_module(&manifest);
    assert!(module.contains("    SayHi,\n") && module.contains("    SayBye,\n"), "{module}");
}

/// Two rows that swap names upstream: each variant's name goes to the other row, which the
/// gate took for no change at all (both names were still there), so `E::A` came to mean the
/// row `2`. Each is a rename now, and the line of both pins that each help gives keeps both
/// variants on their rows (replaying the history of Nostr's table of event kinds, where a
/// suffix dropped so).
#[test]
fn rows_that_swap_names_get_the_pins_that_keep_each_variant_on_its_row() {
    let sandbox = tempfile::tempdir().unwrap();
    let (manifest, page) = docs_on_disk(&sandbox);
    let head = "| Code | Name |\n| --- | --- |\n";
    regen_page(&manifest, &page, &format!("{head}| 1 | A |\n| 2 | B |\n"));

    let errors = page_errors(&manifest, &page, &format!("{head}| 1 | B |\n| 2 | A |\n"));
    let pins: Vec<String> = errors
        .iter()
        .filter(|error| error.message.contains("would become"))
        .map(|error| pasted(error.help.as_deref().unwrap(), "variants", ""))
        .collect();
    // Each help gives the one line that keeps both.
    let both = r#"variants = { "1" = "A", "2" = "B" }"#;
    assert_eq!(pins, [both, both]);
    fs::write(&manifest, format!("{HEAD}{both}\n")).unwrap();
    regen::regen(&manifest, &Options::default()).unwrap();
    let snapshot = fs::read_to_string(manifest.with_file_name("out/api.toml")).unwrap();
    assert!(snapshot.contains(r#"{ variant = "A", code = "1", name = "B""#), "{snapshot}");
    assert!(snapshot.contains(r#"{ variant = "B", code = "2", name = "A""#), "{snapshot}");
}

/// A row whose code changes under its name keeps its variant: no break for the gate, which
/// keeps names, and a major release for the changelog, which lists the new code.
#[test]
fn a_row_whose_code_changes_keeps_its_variant_and_needs_a_major_release() {
    let sandbox = tempfile::tempdir().unwrap();
    let (manifest, page) = docs_on_disk(&sandbox);
    let head = "| Code | Name |\n| --- | --- |\n";
    regen_page(&manifest, &page, &format!("{head}| 1050 | Disk Full |\n| 1060 | Other |\n"));

    let report =
        regen_page(&manifest, &page, &format!("{head}| 1051 | Disk Full |\n| 1060 | Other |\n"));
    assert_eq!(report.changelog.semver(), catalog_gen::changelog::Semver::Major);
    let summary = report.changelog.summary();
    assert!(summary.contains("code changed: DiskFull (1051) was 1050"), "{summary}");
}

/// A docs tree of integer codes that rows share, generated from the rows `first`: the
/// manifest and the page, the manifest's text without `shared-codes`, and the table's header.
fn shared_codes_generated(
    sandbox: &tempfile::TempDir,
    first: &str,
) -> (PathBuf, PathBuf, String, &'static str) {
    let (manifest, page) = docs_on_disk(sandbox);
    let (head, rows) = integer_table(&manifest);
    fs::write(&manifest, format!("{head}shared-codes = true\n")).unwrap();
    regen_page(&manifest, &page, &format!("{rows}{first}"));
    (manifest, page, head, rows)
}

/// A docs tree of integer codes that rows share, whose page went from the rows `first` to
/// the rows `then` with `retired` pasted, and then, with `shared-codes` taken out of the
/// manifest, to the rows `last`: regen's one error, and the manifest's path.
fn retired_then_unshared(
    sandbox: &tempfile::TempDir,
    (first, then, last): (&str, &str, &str),
    retired: &str,
) -> (Diagnostic, PathBuf) {
    let (manifest, page, head, rows) = shared_codes_generated(sandbox, first);
    let shared = format!("{head}shared-codes = true\n");
    fs::write(&manifest, format!("{shared}{retired}\n")).unwrap();
    regen_page(&manifest, &page, &format!("{rows}{then}"));
    fs::write(&manifest, format!("{head}{retired}\n")).unwrap();
    let mut errors = page_errors(&manifest, &page, &format!("{rows}{last}"));
    assert_eq!(errors.len(), 1, "{errors:#?}");
    (errors.remove(0), manifest)
}

/// A retired row whose code a row of the page has, once the manifest no longer lets rows
/// share codes, is shown at its key in the manifest (it was shown at the page's first byte,
/// where a retired row is not), with the page's row beside it; its help tells a row the API
/// snapshot has, which cannot be the retired one back, from a new row, which may be (a made
/// history that took `shared-codes` out of the manifest).
#[test]
fn a_retired_row_whose_code_a_page_row_has_is_shown_at_its_key_with_the_way_out() {
    let sandbox = tempfile::tempdir().unwrap();
    let retired = r#"retired = { "Gone" = {} }"#;
    let rows = ("| 7 | Gone |\n| 7 | Bad |\n", "| 7 | Bad |\n", "| 7 | Bad |\n");
    let (error, manifest) = retired_then_unshared(&sandbox, rows, retired);
    assert_eq!(error.message, "the retired row `Gone` has code 7, as a row of the page has");
    let labels: Vec<_> =
        error.labels.iter().map(|label| (label.path.as_str(), label.span.clone())).collect();
    let manifest_text = fs::read_to_string(&manifest).unwrap();
    let key = manifest_text.find("\"Gone\"").unwrap();
    let page_text = fs::read_to_string(manifest.with_file_name("p.md")).unwrap();
    let cell = page_text.find("7 | Bad").unwrap();
    assert!(labels[0].0.ends_with("catalog.toml") && labels[0].1 == (key..key + 6), "{error:#?}");
    assert!(labels[1].0.ends_with("p.md") && labels[1].1 == (cell..cell + 1), "{error:#?}");
    let help = error.help.unwrap();
    assert!(help.starts_with("the page's row is the API snapshot's `Bad`, not the retired row back: set `shared-codes = true`"), "{help}");
    // The way out it names: rows may share codes again.
    let (head, _) = integer_table(&manifest);
    fs::write(&manifest, format!("{head}shared-codes = true\n{retired}\n")).unwrap();
    regen::regen(&manifest, &Options::default()).unwrap();

    let sandbox = tempfile::tempdir().unwrap();
    let rows = ("| 7 | Gone |\n| 8 | Bad |\n", "| 8 | Bad |\n", "| 8 | Bad |\n| 7 | New |\n");
    let (error, _) = retired_then_unshared(&sandbox, rows, retired);
    assert_eq!(error.message, "the retired row `Gone` has code 7, as a row of the page has");
    let help = error.help.unwrap();
    assert!(help.starts_with(r#"if the page's row is the retired one back, remove `"Gone"` from this [[table]]'s `retired`; otherwise set `shared-codes = true`"#), "{help}");
}

/// Two retired rows of one code, once the manifest no longer lets rows share codes: the second
/// is shown at its key with the first's beside it, and the help's way out (rows may share
/// codes again) generates.
#[test]
fn two_retired_rows_of_one_code_without_shared_codes_are_shown_at_their_keys() {
    let sandbox = tempfile::tempdir().unwrap();
    let retired = r#"retired = { "Gone" = {}, "Lost" = {} }"#;
    let rows = ("| 7 | Gone |\n| 7 | Lost |\n| 8 | Bad |\n", "| 8 | Bad |\n", "| 8 | Bad |\n");
    let (error, manifest) = retired_then_unshared(&sandbox, rows, retired);
    assert_eq!(error.message, "the retired row `Lost` has code 7, as another retired row has");
    let manifest_text = fs::read_to_string(&manifest).unwrap();
    let at = |key: &str| {
        let start = manifest_text.find(key).unwrap();
        start..start + key.len()
    };
    let spans: Vec<_> = error.labels.iter().map(|label| label.span.clone()).collect();
    assert_eq!(spans, [at("\"Lost\""), at("\"Gone\"")], "{error:#?}");
    assert!(error.labels.iter().all(|label| label.path.ends_with("catalog.toml")));
    let help = error.help.unwrap();
    assert!(help.starts_with("set `shared-codes = true` in the manifest"), "{help}");
    let (head, _) = integer_table(&manifest);
    fs::write(&manifest, format!("{head}shared-codes = true\n{retired}\n")).unwrap();
    let module = regen_module(&manifest);
    assert!(module.contains("    Gone,\n") && module.contains("    Lost,\n"), "{module}");
}

/// A pin keyed by a row's name, whose name cell is then re-worded under the same code, names
/// no row: its help keys it by the row's code, as the gate takes the row of that code for the
/// pinned one renamed (it offered the retirement of the row, which the row, still there with
/// its code, then refused, a loop of helps; a made history that restyled names).
#[test]
fn a_pin_whose_rows_name_was_reworded_is_keyed_by_its_code() {
    let sandbox = tempfile::tempdir().unwrap();
    let (manifest, page) = docs_on_disk(&sandbox);
    let (head, rows) = integer_table(&manifest);
    fs::write(&manifest, format!("{head}variants = {{ \"Bad Disk\" = \"Broken\" }}\n")).unwrap();
    regen_page(&manifest, &page, &format!("{rows}| 7 | Bad Disk |\n| 8 | Full |\n"));

    let errors = page_errors(&manifest, &page, &format!("{rows}| 7 | bad disk |\n| 8 | Full |\n"));
    let pin = pin_from(&errors, "which is no row's code or name", "variants", "");
    assert_eq!(pin, r#"variants = { "7" = "Broken" }"#, "{errors:#?}");
    fs::write(&manifest, format!("{head}{pin}\n")).unwrap();
    let module = regen_module(&manifest);
    assert!(module.contains("    Broken = 7,\n"), "{module}");
}

/// Two keys of `retired` that name one row of the API snapshot (its code and its name) are an
/// error at the second, whose help removes one (the second was taken for the row documented
/// again, by the row the first had retired, and warned of as such; a branch of the retired
/// rows' uniqueness check no test reached).
#[test]
fn two_retired_keys_of_one_row_are_an_error_not_a_row_documented_again() {
    let sandbox = tempfile::tempdir().unwrap();
    let first = "| 7 | Gone |\n| 8 | Bad |\n";
    let (manifest, page, head, rows) = shared_codes_generated(&sandbox, first);
    let shared = format!("{head}shared-codes = true\n");
    let retired = r#"retired = { "Gone" = {}, "7" = {} }"#;
    fs::write(&manifest, format!("{shared}{retired}\n")).unwrap();
    let errors = page_errors(&manifest, &page, &format!("{rows}| 8 | Bad |\n"));
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let message =
        "the retired row `Gone` has code 7 and the name `Gone`, as another retired row has";
    assert_eq!(errors[0].message, message);
    let help = errors[0].help.as_deref().unwrap();
    assert!(help.starts_with("both retire one row of the API snapshot: remove one"), "{help}");
    fs::write(&manifest, format!("{shared}retired = {{ \"7\" = {{}} }}\n")).unwrap();
    let report = regen::regen(&manifest, &Options::default()).unwrap();
    assert!(report.warnings.diagnostics.is_empty(), "{:?}", report.warnings);
    assert!(regen_module(&manifest).contains("    Gone,\n"));
}

/// Where a table's helps offer to leave out several rows (stage 6's attribute block, stage
/// 9's codes that make no name), each offers the one `skip-rows` line of them all: pasting any
/// one of them leaves out every row offered, and the table generates.
#[test]
fn any_one_skip_rows_line_the_helps_offer_leaves_out_every_row_offered() {
    let head = &keyed_by("Error Code", "str", "");
    let page = "| Status | Error Code | Description |\n|---|---|---|\n| 200 | — | Success |\n\
                | 400 | `already_running` | Running |\n| 404 | - | Not found |\n{: #errors}\n";
    let (found, _) = generate(head, page);
    let lines: Vec<&str> = found
        .iter()
        .filter_map(|found| {
            let help = found.help.as_deref()?;
            let start = help.find("`skip-rows = [")? + 1;
            Some(&help[start..start + help[start..].find("]`")? + 1])
        })
        .collect();
    // The attribute block's warning, its empty code, and the two dashes that make no name.
    assert_eq!(lines.len(), 4, "{found:#?}");
    for line in lines {
        let (found, module) = generate(&format!("{head}{line}\n"), page);
        assert!(found.is_empty(), "{line}: {found:#?}");
        let module = module.unwrap();
        assert!(module.contains("AlreadyRunning") && !module.contains("Success"), "{module}");
    }
}

/// The table of MicrosoftDocs/microsoft-authentication-library-dotnet's
/// `msal-dotnet-articles/advanced/exceptions/msal-error-handling.md` (commit 0db0a0a): codes of
/// Microsoft's identity service, each with its message after a colon, in a column of the error
/// codes of MSAL.NET's exceptions.
const MSAL: &str = r##"### Common .NET exceptions

Here are the common exceptions that might be thrown and some possible mitigations:  

| Exception | Error code | Mitigation|
| --- | --- | --- |
| [MsalUiRequiredException](/dotnet/api/microsoft.identity.client.msaluirequiredexception) | AADSTS65001: The user or administrator hasn't consented to use the application with ID '{appId}' named '{appName}'. Send an interactive authorization request for this user and resource.| Get user consent first. If you aren't using .NET Core (which doesn't have any Web UI), call (once only) `AcquireTokeninteractive`. If you're using .NET core or don't want to do an `AcquireTokenInteractive`, the user can navigate to a URL to give consent: `https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id={clientId}&response_type=code&scope=user.read`. to call `AcquireTokenInteractive`: `app.AcquireTokenInteractive(scopes).WithAccount(account).WithClaims(ex.Claims).ExecuteAsync();`|
| [MsalUiRequiredException](/dotnet/api/microsoft.identity.client.msaluirequiredexception) | AADSTS50079: The user is required to use [multi-factor authentication (MFA)](/azure/active-directory/authentication/concept-mfa-howitworks).| There's no mitigation. If MFA is configured for your tenant and Azure Active Directory (Azure AD) decides to enforce it, fall back to an interactive flow such as `AcquireTokenInteractive`.|
| [MsalServiceException](/dotnet/api/microsoft.identity.client.msalserviceexception) |AADSTS90010: The grant type isn't supported over the */common* or */consumers* endpoints. Use the */organizations* or tenant-specific endpoint. You used */common*.| As explained in the message from Azure AD, the authority needs to have a tenant or otherwise */organizations*.|
| [MsalServiceException](/dotnet/api/microsoft.identity.client.msalserviceexception) | AADSTS70002: The request body must contain the following parameter: `client_secret or client_assertion`.| This exception can be thrown if your application wasn't registered as a public client application in Azure AD. In the Azure portal, edit the manifest for your application and set `allowPublicClient` to `true`. |
| [MsalClientException](/dotnet/api/microsoft.identity.client.msalclientexception)| `unknown_user Message`: Couldn't identify logged in user| The library was unable to query the current Windows logged-in user or this user isn't AD or Azure AD joined (work-place joined users aren't supported). Mitigation 1: on UWP, check that the application has the following capabilities: Enterprise Authentication, Private Networks (Client and Server), User Account Information. Mitigation 2: Implement your own logic to fetch the username (for example, john@contoso.com) and use the `AcquireTokenByIntegratedWindowsAuth` form that takes in the username.|
| [MsalClientException](/dotnet/api/microsoft.identity.client.msalclientexception)|integrated_windows_auth_not_supported_managed_user| This method relies on a protocol exposed by Active Directory (AD). If a user was created in Azure AD without AD backing ("managed" user), this method will fail. Users created in AD and backed by Azure AD ("federated" users) can benefit from this non-interactive method of authentication. Mitigation: Use interactive authentication.|
"##;

/// A text code cell that is a code and its message after a colon (`AADSTS65001: The user or
/// administrator hasn't consented …`) is one code no lookup of `AADSTS65001` finds: a warning
/// per such cell, whose `key-pattern`, pasted, reads every code, and the rows, named by their
/// key cells, are named by their codes (`Aadsts65001`, not a name of 148 characters). Where
/// another row's code is words without a colon, which the pattern would cut short, or two rows
/// would have one code, none is offered.
#[test]
fn the_pattern_offered_for_a_code_and_its_message_pasted_reads_and_names_every_code() {
    let manifest = &keyed_by("Error code", "str", "");
    let (found, _) = generate(manifest, MSAL);
    let messages: Vec<&str> = found.iter().map(|found| found.message.as_str()).collect();
    let message = |code: &str| {
        format!("the code cell is the code `{code}` and its message, which read as one code")
    };
    let expected = ["AADSTS65001", "AADSTS50079", "AADSTS90010", "AADSTS70002"].map(message);
    assert_eq!(messages[..4], expected, "{found:#?}");
    assert!(found[0].notes[0].contains("`from_code(\"AADSTS65001\")` finds no row"), "{found:#?}");
    let help = found[0].help.as_deref().unwrap();
    let pattern = offered(help, "key-pattern = ");
    let module = clean_module(&format!("{manifest}{pattern}\n"), MSAL);
    for (code, name) in [
        ("AADSTS65001", "Aadsts65001"),
        ("unknown_user", "UnknownUser"),
        (
            "integrated_windows_auth_not_supported_managed_user",
            "IntegratedWindowsAuthNotSupportedManagedUser",
        ),
    ] {
        assert!(module.contains(&format!("(\"{code}\", E::{name})")), "{module}");
    }

    for other in ["| X | Access Denied | Gone. |", "| X | AADSTS65001: Again. | Twice. |"] {
        let page = format!("{MSAL}{other}\n");
        let (found, _) = generate(manifest, &page);
        let help = found[0].help.as_deref().unwrap();
        assert!(!help.contains("key-pattern = "), "{other}: {help}");
    }
}

/// A table of HSousa1987/Lavandaria's `TESTING.md` (commit a726ce3): rows whose error code is
/// `-`, for errors that have none, in a table named by another column.
const LAVANDARIA: &str = r#"### Photo Upload Errors

| Scenario | Status | Error Code | Message |
|----------|--------|------------|---------|
| No files | 400 | `NO_FILES` | "No photos uploaded" |
| 11+ files | 400 | `BATCH_LIMIT_EXCEEDED` | "Maximum 10 photos per upload batch" |
| Invalid type | 400 | - | "Only image files are allowed" |
| File > 10MB | 413 | - | Multer error |
| Unassigned job | 403 | `NOT_ASSIGNED` | "You can only upload photos to your assigned jobs" |
| Job not found | 404 | `JOB_NOT_FOUND` | "Job not found" |
"#;

/// Rows that share a code that is none (`-`, a rule) are offered to be left out, not to share
/// it: the line, pasted, leaves them out and the rest compile. A code that is one (`1010`
/// twice) is offered no such line.
#[test]
fn the_line_offered_for_rows_that_share_no_code_pasted_leaves_them_out() {
    let manifest = &keyed_by("Error Code", "str", "name-column = \"Scenario\"\n");
    let (found, _) = generate(manifest, LAVANDARIA);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].message, "duplicate code -");
    let help = found[0].help.as_deref().unwrap();
    assert!(!help.contains("shared-codes"), "{help}");
    let at = help.find("`skip-rows = ").unwrap_or_else(|| panic!("{help}")) + 1;
    let line = &help[at..at + help[at..].find('`').unwrap()];
    assert_eq!(line, r#"skip-rows = ["-"]"#);
    let module = clean_module(&format!("{manifest}{line}\n"), LAVANDARIA);
    assert!(module.contains("(\"NO_FILES\", E::NoFiles)"), "{module}");
    assert!(!module.contains("InvalidType"), "{module}");

    let twice = LAVANDARIA.replace("`NOT_ASSIGNED`", "`NO_FILES`");
    let found = generate(manifest, &twice).0;
    let repeated = found.iter().find(|found| found.message == "duplicate code NO_FILES");
    let help =
        repeated.and_then(|found| found.help.as_deref()).unwrap_or_else(|| panic!("{found:#?}"));
    assert!(!help.contains("skip-rows") && help.contains("shared-codes"), "{help}");
}

/// The table of donovan-yohan/dicesuki's `scripts/admin/README.md` (commit 53d7a8e): SQLSTATE
/// codes, some with a remark in parentheses that says where the code is raised, so that one
/// code is several rows.
const DICESUKI: &str = r#"### Error codes you will see

| SQLSTATE | Meaning | Fix |
|---|---|---|
| `55000` (on `grant-die`) | A prepared pull hold is live; collectible grants are paused (`0021_pull_copy_grant_rework.sql:968-981`) | Run `cancel-session` to see `expires_at`, wait, then re-run the identical command |
| `22023` | An argument was rejected, or this key was already used with different arguments (`0028_sku_fulfillment.sql:508-521`) | Re-run identically to replay, or change `--note` / pass `--key` to make it a new grant |
| `22023` (on `set-economy-access`) | `--operator` (1-64) or `--note` (1-512) was blank or too long, or the decision was null (`0034_economy_access_flag.sql:111-123`) | Fix the argument. This RPC has no idempotency key, so it is never a replay conflict |
| `22003` (wallet) | Balance floor or overflow, including funds reserved by a live pull hold (`0028_sku_fulfillment.sql:536-566`) | Reduce the debit, or wait out the hold |
| `22003` (tickets) | Ticket floor (`0014_roll_ticket_ledger.sql:196-203`) | Reduce the debit |
| `23503` | Unknown economy edition or catalog item | Check the id |
| `23503` (on `set-economy-access`) | No such `auth.users` row (`0034_economy_access_flag.sql:124-126`) | Check the uuid — a stale id pasted from a ticket is the usual cause |
| `42501` | Permission denied | The key in use is not a service-role key |
"#;

/// A text code cell that is a code and a remark in parentheses (`55000 (on grant-die)`) is one
/// code no lookup of `55000` finds: a warning per such cell, whose `key-pattern`, pasted, reads
/// every code; the codes that then repeat (`22023`, as the page means them) are told by their
/// whole cells, so that their errors offer `shared-codes` alone, which, pasted, names each row
/// by its cell and finds them all by their code. Where another row's code is words, which the
/// pattern would cut short, none is offered.
#[test]
fn the_pattern_offered_for_a_code_and_a_remark_pasted_reads_every_code() {
    let manifest = &keyed_by("SQLSTATE", "str", "");
    let (found, _) = generate(manifest, DICESUKI);
    let messages: Vec<&str> = found.iter().map(|found| found.message.as_str()).collect();
    let message = |code: &str| {
        format!(
            "the code cell is the code `{code}` and a remark in parentheses, which read as one code"
        )
    };
    assert_eq!(messages, ["55000", "22023", "22003", "22003", "23503"].map(message), "{found:#?}");
    assert!(found[0].notes[0].contains("`from_code(\"55000\")` finds no row"), "{found:#?}");
    let help = found[0].help.as_deref().unwrap();
    let pattern = offered(help, "key-pattern = ");
    assert_eq!(pattern, r"key-pattern = '^(\S+)'");

    let patterned = format!("{manifest}{pattern}\n");
    let (found, _) = generate(&patterned, DICESUKI);
    let messages: Vec<&str> = found.iter().map(|found| found.message.as_str()).collect();
    assert_eq!(messages, ["duplicate code 22023", "duplicate code 22003", "duplicate code 23503"]);
    for error in &found {
        let help = error.help.as_deref().unwrap();
        assert!(
            help.ends_with("or set `shared-codes = true` in the manifest if rows may share a code"),
            "{help}"
        );
    }
    let module = clean_module(&format!("{patterned}shared-codes = true\n"), DICESUKI);
    for entry in [
        r#"("55000", E::_55000OnGrantDie)"#,
        r#"("22023", &[E::_22023, E::_22023OnSetEconomyAccess])"#,
        r#"("22003", &[E::_22003Wallet, E::_22003Tickets])"#,
        r#"("22003 (wallet)", E::_22003Wallet)"#,
    ] {
        assert!(module.contains(entry), "{entry}: {module}");
    }

    let page = format!("{DICESUKI}| Permission denied | Words. | None. |\n");
    let (found, _) = generate(manifest, &page);
    let help = found[0].help.as_deref().unwrap();
    assert!(!help.contains("key-pattern = "), "{help}");
}
