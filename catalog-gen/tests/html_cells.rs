//! Cells written in HTML's formatting tags, as generators of API docs write their tables of
//! enums: read as the page shows them (`<code>0</code>` is `0`), so their codes are numbers
//! and their names make variant names, while a tag whose text reads otherwise (`<sup>`) or
//! that formats nothing (`Vec<T>` written unescaped) is kept as written; a comment shows
//! nothing, and a block's tags (`<dt>`) end lines.

use catalog_gen::markdown;
use catalog_gen::{Input, pages_in_memory};

/// The shape of `@capacitor/docgen`'s tables (Capacitor plugins' READMEs; these rows from
/// aeharding/capacitor-biometric-lock's `BiometricMethod`): a bold code span of the member, its
/// value in `<code>`, and a type that is a link in `<code>`.
const DOCGEN: &str = "#### BiometricMethod\n\n\
| Members                         | Value          | Description                                     |\n\
| ------------------------------- | -------------- | ----------------------------------------------- |\n\
| **`none`**                      | <code>0</code> | No biometry is available                        |\n\
| **`touchId`**                   | <code>1</code> | iOS Touch ID is available                       |\n\
| **`faceId`**                    | <code>2</code> | iOS Face ID is available                        |\n\n\
#### BiometricMethodResult\n\n\
| Prop                  | Type                                                        |\n\
| --------------------- | ----------------------------------------------------------- |\n\
| **`biometricMethod`** | <code><a href=\"#biometricmethod\">BiometricMethod</a></code> |\n";

/// The shape of protoc-gen-doc's tables as Vitess's `doc/VitessApi.md` has them: every cell
/// of the name and the value in `<code>`, a delimiter row without its last pipe, and two
/// names of one value (`RDONLY`, `BATCH`: an alias).
const PROTO_DOC: &str = "### topodata.TabletType\n\n\
TabletType represents the type of a given tablet.\n\n\
| Name |Value |Description |\n\
| :-------- | :-------- | :-------- \n\
| <code>UNKNOWN</code> | <code>0</code> | UNKNOWN is not a valid value.  |\n\
| <code>RDONLY</code> | <code>3</code> | RDONLY (old name) / BATCH (new name) is used to serve traffic for long-running jobs.  |\n\
| <code>BATCH</code> | <code>3</code> |  |\n";

/// The shape of the return codes of Microsoft's Win32 reference (MicrosoftDocs/sdk-api): each
/// code a term of a definition list in its cell, bold and escaped, and where the page gives
/// it, the code's value as a second term.
const WIN32: &str = "## Return value\n\n\
| Return code                                      | Description                                               |\n\
|--------------------------------------------------|-----------------------------------------------------------|\n\
| <dl> <dt>**S\\_OK**</dt> </dl>                    | The method was successful.<br/>                         |\n\
| <dl> <dt>**E\\_INVALIDARG**</dt> </dl>            | The *tid* parameter is invalid.<br/>                    |\n\
| <dl> <dt>**CONNECT\\_E\\_NOCONNECTION**</dt> </dl> | The advise sink identified by *tid* was not found.<br/> |\n\n\
| Return code | Description |\n\
|---|---|\n\
| <dl> <dt>**E\\_POINTER**</dt> <dt>0x80004003</dt> </dl> | A pointer is not valid.<br/> |\n";

/// Each table of `page`, each row's cells as plain text.
fn cells(page: &str) -> Vec<Vec<Vec<String>>> {
    let page = markdown::parse(page);
    let text = |row: &[markdown::Cell<'_>]| row.iter().map(|cell| cell.text.to_string()).collect();
    page.tables
        .iter()
        .map(|table| table.rows.iter().map(|row| text(row.cells())).collect())
        .collect()
}

/// The module generated from `page` by one `[[table]]` of `options`.
fn module(page: &str, options: &str) -> String {
    let manifest = format!(
        "output = \"out\"\n[[table]]\npage = \"p.md\"\nurl = \"https://x.test/p\"\n\
         module = \"m\"\nenum = \"E\"\n{options}\n"
    );
    let pages = pages_in_memory([("p.md", page)]);
    let input =
        Input { manifest_path: "c.toml", manifest_text: &manifest, pages: &pages, command: "x" };
    let files = catalog_gen::generate(&input).unwrap_or_else(|f| panic!("{}", f.render(false)));
    files.into_iter().find(|file| file.path == "m.rs").unwrap().text.to_string()
}

#[test]
fn formatting_tags_are_read_as_the_page_shows_their_text() {
    let tables = cells(DOCGEN);
    assert_eq!(tables[0][2], ["faceId", "2", "iOS Face ID is available"]);
    assert_eq!(tables[1][0], ["biometricMethod", "BiometricMethod"]);
    let tables = cells(PROTO_DOC);
    assert_eq!(tables[0][2], ["BATCH", "3", ""]);
    // A definition list's terms are lines of their own, as the page shows them.
    let tables = cells(WIN32);
    assert_eq!(tables[0][0], ["S_OK", "The method was successful."]);
    assert_eq!(tables[1][0], ["E_POINTER\n0x80004003", "A pointer is not valid."]);
    // A comment shows nothing; kept as written: a mark that is no part of the code, and a tag
    // that formats nothing.
    let page =
        "| Code | Type |\n|---|---|\n| 404 <!-- moved? --> | x |\n| 406<sup>1</sup> | Vec<T> |\n";
    assert_eq!(cells(page)[0], [["404", "x"], ["406<sup>1</sup>", "Vec<T>"]]);
}

#[test]
fn a_docgen_enum_table_makes_integer_codes_and_its_members_names() {
    let module = module(
        DOCGEN,
        "heading = \"BiometricMethod\"\nkey-column = \"Value\"\nkey-type = \"u8\"\n\
         name-column = \"Members\"",
    );
    for variant in ["    None = 0,\n", "    TouchId = 1,\n", "    FaceId = 2,\n"] {
        assert!(module.contains(variant), "{variant}{module}");
    }
}

#[test]
fn a_protoc_gen_doc_enum_table_makes_integer_codes_and_names_of_an_alias() {
    let module = module(
        PROTO_DOC,
        "key-column = \"Value\"\nkey-type = \"u8\"\nname-column = \"Name\"\nshared-codes = true",
    );
    for variant in ["    Unknown,\n", "    Rdonly,\n", "    Batch,\n"] {
        assert!(module.contains(variant), "{variant}{module}");
    }
    assert!(module.contains("(\"BATCH\", E::Batch)"), "{module}");
}

#[test]
fn a_win32_table_of_return_codes_makes_the_codes_and_their_names() {
    let module = module(WIN32, "index = 0\nkey-column = \"Return code\"\nkey-type = \"str\"");
    for variant in ["    SOk,\n", "    EInvalidarg,\n", "    ConnectENoconnection,\n"] {
        assert!(module.contains(variant), "{variant}{module}");
    }
    assert!(module.contains("(\"S_OK\", E::SOk)"), "{module}");
}

/// The table of MicrosoftDocs/win32's `desktop-src/shell/abm-getstate.md` (commit 595fafb):
/// a note in a cell, a `<blockquote>` between `<br />`s, which GitHub shows on lines of its
/// own, and a space before a `<br />`, which it does not show.
const WIN32_NOTE: &str = "## Return value\n\n\
Returns zero if the taskbar is neither in the autohide nor always-on-top state. Otherwise, the \
return value is one or both of the following:\n\n\n\n\n\
| Return code | Description | \n\
|-------------|-------------|\n\
| <dl><dt><strong>ABS_ALWAYSONTOP</strong></dt></dl> | The taskbar is in the always-on-top \
state. <br /><blockquote>[!Note]<br />As of Windows 7, ABS_ALWAYSONTOP is no longer returned \
because the taskbar is always in that state. Older code should be updated to ignore the absence \
of this value in not assume that return value to mean that the taskbar is not in the \
always-on-top state.</blockquote><br /> | \n\
| <dl><dt><strong>ABS_AUTOHIDE</strong></dt></dl> | The taskbar is in the autohide state.<br /> | \n";

#[test]
fn a_note_in_a_cell_is_on_lines_of_its_own_and_a_line_ends_without_spaces() {
    let rows = &cells(WIN32_NOTE)[0];
    let note = "The taskbar is in the always-on-top state.\n[!Note]\nAs of Windows 7, \
                ABS_ALWAYSONTOP is no longer returned because";
    assert!(rows[0][1].starts_with(note), "{:?}", rows[0][1]);
    assert!(rows[0][1].ends_with("the always-on-top state."), "{:?}", rows[0][1]);
    assert_eq!(rows[1], ["ABS_AUTOHIDE", "The taskbar is in the autohide state."]);
    // Spaces around a line break show nothing; two breaks leave an empty line.
    let page = "| Code | Text |\n|---|---|\n| 1 | a <br> b<br/><br/>\tc |\n";
    assert_eq!(cells(page)[0], [["1", "a\nb\n\nc"]]);
}

/// A table written in HTML whose header is two rows, in `<thead>` or by a header cell that
/// spans them (`Code` beside `Meaning` over `Short` and `Long`): each column is headed by the
/// texts over it, a line each, as converters from HTML to Markdown join them, which name its
/// method (`meaning_short()`) and label its cells; the rows below are the enum's.
#[test]
fn a_header_of_two_rows_heads_each_column_by_both() {
    let rows = "<tr><td>1</td><td>One</td><td>Bad</td><td>Bad input.</td></tr>\n\
                <tr><td>2</td><td>Two</td><td>Gone</td><td>Gone for good.</td></tr>\n";
    let spanned = format!(
        "<table>\n<tr><th rowspan=\"2\">Code</th><th rowspan=\"2\">Name</th>\
         <th colspan=\"2\">Meaning</th></tr>\n<tr><th>Short</th><th>Long</th></tr>\n{rows}</table>\n"
    );
    let in_head = format!(
        "<table><thead>\n<tr><th>Code</th><th>Name</th><th colspan=\"2\">Meaning</th></tr>\n\
         <tr><th></th><th></th><th>Short</th><th>Long</th></tr>\n</thead><tbody>\n{rows}</tbody></table>\n"
    );
    for page in [spanned, in_head] {
        let module =
            module(&page, "key-column = \"Code\"\nkey-type = \"u8\"\nname-column = \"Name\"");
        assert!(module.contains("pub const fn meaning_short(self)"), "{module}");
        assert!(module.contains("pub const fn meaning_long(self)"), "{module}");
        assert!(module.contains("/// **Meaning Short:** Bad\n"), "{module}");
        assert!(module.contains("    One = 1,") && module.contains("    Two = 2,"), "{module}");
        assert!(module.contains("&[\"Code\", \"Name\", \"Meaning\\nShort\", \"Meaning\\nLong\"]"));
    }
}

/// A code crossed out is deprecated as GitHub shows it struck through: `~~E8~~` in a pipe table
/// and a `<del>` or `<s>` element in either kind of table; in a table written in HTML, whose
/// cells GitHub reads as HTML, `~~E8~~` shows its tildes, and is a code as written.
#[test]
fn a_code_crossed_out_as_the_page_shows_it_is_deprecated() {
    const CROSSED_OUT: &str = "#[deprecated(note = \"crossed out in the documentation\")]";
    let deprecated = |module: &str| -> Vec<String> {
        let lines: Vec<&str> = module.lines().map(str::trim).collect();
        let after = lines.windows(2).filter(|pair| pair[0] == CROSSED_OUT);
        after.map(|pair| pair[1].to_owned()).collect()
    };
    let options = "key-column = \"Code\"\nkey-type = \"str\"\nname-column = \"Name\"";
    let pipes = "| Code | Name |\n|---|---|\n| <del>E7</del> | Seven |\n| ~~E8~~ | Eight |\n\
                 | <s>E9</s> | Nine |\n| E10 | Ten |\n| ~~E11~~ E12 | Twelve |\n";
    let module_of_pipes = module(pipes, options);
    assert_eq!(deprecated(&module_of_pipes), ["Seven,", "Eight,", "Nine,"], "{module_of_pipes}");
    let html = "<table>\n<tr><th>Code</th><th>Name</th></tr>\n\
                <tr><td><del>E7</del></td><td>Seven</td></tr>\n\
                <tr><td>~~E8~~</td><td>Eight</td></tr>\n\
                <tr><td><s>E9</s></td><td>Nine</td></tr>\n</table>\n";
    let module = module(html, options);
    assert_eq!(deprecated(&module), ["Seven,", "Nine,"], "{module}");
    assert!(module.contains("(\"~~E8~~\", E::Eight)"), "{module}");
}
