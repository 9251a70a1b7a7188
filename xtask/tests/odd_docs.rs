//! Legal but odd docs (keywords, digits, non-ASCII, characters rustc warns of in identifiers,
//! accents typed apart, colliding names, comment and attribute syntax, raw HTML, brackets that
//! link nowhere, a 300 KB cell, codes in hexadecimal written `0Ah`) generate a catalog that
//! compiles, carries every cell's text verbatim, and documents and lints without a warning:
//! checked by building, testing, documenting and linting a copy of the `catalog` crate with it.
//!
//! Every name a generated enum already has (`catalog_gen::api`) is tried as a column header:
//! each is either refused with a diagnostic that gives the pin, or goes into a table of the
//! same catalog, which must then compile and answer through the accessor it made.

mod common;

use std::fs;
use std::process::Command;

use catalog_gen::api::{INHERENT_ITEMS, TRAIT_METHODS};
use catalog_gen::naming::accessor_name;
use common::{cargo_clippy, cargo_doc, cargo_test, copy_dir, workspace_root};

/// The `[[table]]` of the page `odd/{module}.md` into the module `module` and the enum
/// `enum_name`: codes of `key_type` in the column `Code`, named from `Name`, and `more` options.
fn table(module: &str, enum_name: &str, key_type: &str, more: &str) -> String {
    format!(
        "\n[[table]]\npage = \"odd/{module}.md\"\nurl = \"https://example.com/guide/{module}.html\"\n\
         module = \"{module}\"\nenum = \"{enum_name}\"\nkey-column = \"Code\"\n\
         key-type = \"{key_type}\"\nname-column = \"Name\"\n{more}"
    )
}

/// A table whose names and headers clippy would judge as code: every name ends in `Error`
/// (`enum_variant_names`), and headers make `new(self)` (`new_ret_no_self`), `as_of(self)`
/// and `from_version(self)` (`wrong_self_convention`, which clippy spares public methods of
/// unless `avoid-breaking-exported-api = false`, as the test's `clippy.toml` says). A header
/// with a blank line in it (`<br><br>`), which the rustdoc of its accessor quotes. A cell with
/// a footnote, defined under the table (`doc_suspicious_footnotes` where its variant's rustdoc
/// does not define it too).
const NAMED_PAGE: &str = "# Named

| Code | Name | New | As Of | From Version | Type<br><br>[2] |
|---|---|---|---|---|---|
| 1 | Input Error | a | 2024 | 1.0 | x |
| 2 | Output Error | b | 2025 | 1.1 | y |
| 3 | Other Error | c | 2026 | 2.0 | z |
| 4 | Noted Error | a footnote[^note] | 2026 | 2.0 | z |

[^note]: The note, with [a link](notes.md).
";

/// With `empty.md`, tables of integer codes where no row has a code of its own: every code
/// shared, and no rows at all. `from_code` finds nothing for any code (no `match` with only
/// `_`, which clippy warns of).
const SHARED_PAGE: &str = "# Shared\n\n| Code | Name |\n|---|---|\n| 7 | Seven |\n| 7 | Sept |\n";

/// Its prose has a list of one item, left with one paragraph once its anchor is dropped, which
/// is written tight (loose, it would open with a link definition, which clippy denies).
const EMPTY_PAGE: &str =
    "# Empty\n\n- A step.\n\n  <a name=\"step\"></a>\n\n| Code | Name |\n|---|---|\n";

/// Codes in hexadecimal as assembly and hardware manuals write them, digits before an `h`
/// (DOS's error codes): integers, found by their value and by their text, and shown as written.
/// A code crossed out, as registries cross out one no longer in use: a deprecated variant. A
/// name of one-letter words, whose variant is capitals alone (`ABC`), which clippy would take
/// for an acronym in code written by hand (`upper_case_acronyms`).
const DOS_PAGE: &str = "# DOS error codes\n\n| Code | Name |\n|---|---|\n\
                        | 01h | ERROR_INVALID_FUNCTION |\n| 0Ah | ERROR_BAD_ENVIRONMENT |\n\
                        | `FFH` | ERROR_UNKNOWN |\n| 12 | ERROR_NO_MORE_FILES |\n\
                        | ~~0Bh~~ | ERROR_BAD_FORMAT |\n| 0Dh | A B C |\n";

/// Codes in hexadecimal digits alone under a header that says so, as a device's manual writes
/// Modbus's exception codes (`key-radix = 16`): `10` is sixteen, found by its value and by
/// its text, and shown as written; codes listed in one cell, a variant each (`split-codes`).
const MODBUS_PAGE: &str = "# Modbus exception codes\n\n| Code (hex) | Name |\n|---|---|\n\
                           | 01 | ILLEGAL FUNCTION |\n| 0A | GATEWAY PATH UNAVAILABLE |\n\
                           | 0b | GATEWAY TARGET DEVICE FAILED TO RESPOND |\n\
                           | 0C, 0D | RESERVED |\n| 10 | VENDOR FAULT |\n";

/// A page whose one table has `headers` after `Code` and `Name`, and one row.
fn reserved_page(headers: &[String]) -> String {
    let cells: Vec<String> = (0..headers.len()).map(|index| format!("cell {index}")).collect();
    format!(
        "# Reserved

| Code | Name | {} |
|---|---|{}
| 1 | One | {} |
",
        headers.join(" | "),
        "---|".repeat(headers.len()),
        cells.join(" | ")
    )
}

/// The headers made from every name an enum has: those regen accepts (checked in memory,
/// one table each), after asserting that each refused one is refused for its name, with the
/// pin that fixes it.
fn accepted_reserved_headers() -> Vec<String> {
    let mut accepted = Vec::new();
    for name in INHERENT_ITEMS.iter().chain(TRAIT_METHODS) {
        let header = name.replace('_', " ");
        let pages = catalog_gen::pages_in_memory([(
            "odd/reserved.md",
            reserved_page(std::slice::from_ref(&header)),
        )]);
        let manifest = format!("output = \"out\"\n{}", table("reserved", "Reserved", "u8", ""));
        let input = catalog_gen::Input {
            manifest_path: "catalog.toml",
            manifest_text: &manifest,
            pages: &pages,
            command: "cargo xtask regen",
        };
        match catalog_gen::generate(&input) {
            Ok(_) => accepted.push(header),
            Err(failure) => {
                let rendered = failure.render(false);
                // `code` and `name` read as the page's own `Code` and `Name` headers.
                if ["code", "name"].contains(&header.to_lowercase().as_str()) {
                    assert!(rendered.contains("a second column headed `"), "{rendered}");
                    continue;
                }
                let method = accessor_name(&header);
                let refused = format!("the column `{header}` would generate the method `{method}`");
                assert!(rendered.contains(&refused), "{rendered}");
                assert!(
                    rendered.contains(&format!("`accessors = {{ \"{header}\" = ")),
                    "{rendered}"
                );
            }
        }
    }
    assert!(accepted.len() >= 5 && accepted.len() < INHERENT_ITEMS.len(), "{accepted:?}");
    accepted
}

/// A long cell: words, escapes and punctuation, about 300 KB.
fn long_cell() -> (String, String) {
    let markdown = "word \\* star \\| pipe \"quote\" */ ".repeat(10_000);
    let text = "word * star | pipe \"quote\" */ ".repeat(10_000);
    (markdown, text.trim_end().to_owned())
}

/// `(variant, method, expected text)`: what the generated crate must answer.
fn expectations() -> Vec<(&'static str, &'static str, String)> {
    let (_, long) = long_cell();
    vec![
        ("Self_", "name", "Self".into()),
        ("Self_", "details", r#"a "quoted" \ back\slash */ /* #[derive(Oops)] {} }} {{"#.into()),
        ("Self_", "r#type", "keyword column".into()),
        ("Self_", "self_", "another".into()),
        // `<br>` is a line break, a formatting tag's text is as shown; other inline HTML
        // stays as written.
        ("Type", "details", "raw html and\nand <pre>x</pre>".into()),
        ("Match", "name", "match".into()),
        ("Match", "details", "a link and code */ and emphasis".into()),
        ("_404PageNotFound", "name", "404 Page Not Found".into()),
        ("InputError5", "name", "Input Error".into()),
        ("InputError5", "details", "an escaped | pipe".into()),
        ("InputError6", "name", "Input-Error".into()),
        // Text-direction and invisible characters, which rustc and clippy refuse raw in
        // literals and comments.
        (
            "ÄrgerÜberGröße",
            "details",
            "non-ASCII: é ü ß 日本語, \u{202e}rtl\u{202c} and zero\u{200b}width".into(),
        ),
        ("RTry", "details", r##""#]"; panic!(); r#""##.into()),
        ("Crate", "details", r"\u{0} and \n stay text".into()),
        ("VeryLong", "details", long),
        // Brackets that link nowhere on the page are text, which rustdoc must not try as links.
        ("Self_", "units", "<pre>[s3] use-sigv4 = True</pre>".into()),
        ("Type", "units", r"by [instance] port 22, \[x] and [y]".into()),
        ("Match", "units", "a\ttab".into()),
        // Names read as a reader reads them (NFKC), so rustc warns of none and reads each as
        // written: `º` is `o`, and an accent typed apart is the composed one, whose name
        // then repeats. A header is read so too.
        ("NoFound", "name", "Nº Found".into()),
        ("NoFound", "no", "n11".into()),
        ("Café12", "name", "Café".into()),
        ("Café13", "name", "Cafe\u{301}".into()),
        // A syllable written composed and as its letters: one name, so each takes its code,
        // where two variants rustc read as one would not compile (E0428).
        ("\u{ac00}16", "name", "\u{ac00}".into()),
        ("\u{ac00}17", "name", "\u{1100}\u{1161}".into()),
        // A name with a blank line in it, which `from_name`'s rustdoc lists as ambiguous.
        ("Twice114", "name", "Twice\n\n[1]".into()),
        // An empty name cell: the code names the variant, and `Display` writes the code alone.
        ("_18", "name", String::new()),
        ("_18", "to_string", "18".into()),
    ]
}

#[test]
fn odd_docs_generate_a_catalog_that_compiles_and_carries_the_text_verbatim() {
    let root = workspace_root();
    let sandbox = tempfile::tempdir().unwrap();
    let dir = sandbox.path();

    // A workspace holding a copy of the catalog crate and of the docs, plus the odd page.
    let workspace = fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let members = workspace.lines().find(|line| line.starts_with("members")).unwrap();
    let workspace = workspace.replace(members, "members = [\"catalog\", \"catalog-core\"]");
    fs::write(dir.join("Cargo.toml"), workspace).unwrap();
    fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    copy_dir(&root.join("catalog"), &dir.join("catalog"));
    copy_dir(&root.join("catalog-core"), &dir.join("catalog-core"));
    copy_dir(&root.join("docs-src"), &dir.join("docs-src"));
    let (long_markdown, _) = long_cell();
    let odd = fs::read_to_string(root.join("xtask/tests/fixtures/odd.md")).unwrap();
    fs::create_dir_all(dir.join("docs-src/odd")).unwrap();
    fs::write(dir.join("docs-src/odd/odd.md"), odd.replace("LONG", &long_markdown)).unwrap();
    let reserved = accepted_reserved_headers();
    fs::write(dir.join("docs-src/odd/reserved.md"), reserved_page(&reserved)).unwrap();
    fs::write(dir.join("docs-src/odd/named.md"), NAMED_PAGE).unwrap();
    fs::write(dir.join("docs-src/odd/shared.md"), SHARED_PAGE).unwrap();
    fs::write(dir.join("docs-src/odd/empty.md"), EMPTY_PAGE).unwrap();
    fs::write(dir.join("docs-src/odd/dos.md"), DOS_PAGE).unwrap();
    fs::write(dir.join("docs-src/odd/modbus.md"), MODBUS_PAGE).unwrap();
    fs::write(dir.join("clippy.toml"), "avoid-breaking-exported-api = false\n").unwrap();
    let manifest = dir.join("docs-src/catalog.toml");
    let mut text = fs::read_to_string(&manifest).unwrap();
    text.push_str(&table("odd", "Odd", "u8", ""));
    text.push_str(&table("reserved", "Reserved", "u8", ""));
    text.push_str(&table("named", "Named", "u8", ""));
    text.push_str(&table("shared", "Shared", "u16", "shared-codes = true\n"));
    text.push_str(&table("empty", "Empty", "u8", ""));
    text.push_str(&table("dos", "DosError", "u8", ""));
    let pin = "variants = { \"0b\" = \"TargetFailed\" }\n";
    let options = format!("key-radix = 16\nsplit-codes = true\n{pin}");
    let modbus = table("modbus", "Exception", "u8", &options);
    text.push_str(&modbus.replace("key-column = \"Code\"", "key-column = \"Code (hex)\""));
    fs::write(&manifest, text).unwrap();

    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(["regen", "--manifest", manifest.to_str().unwrap()])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    // A header with a blank line in it labels its cells on one line: bold across a blank
    // line would not be bold.
    let named = fs::read_to_string(dir.join("catalog/src/generated/named.rs")).unwrap();
    assert!(named.contains("/// **Type  \\[2\\]:** z\n"), "{named}");
    // A cell's footnote is defined in its variant's rustdoc too, where rustdoc shows it.
    let note = "/// **New:** a footnote[^note]\n";
    let defined =
        "    /// [^note]: The note, with [a link](https://example.com/guide/notes.html).\n";
    assert!(named.contains(note) && named.contains(defined), "{named}");
    // An admonition tag under a nested list stays a block of its own in the module's rustdoc.
    let odd = fs::read_to_string(dir.join("catalog/src/generated/odd.rs")).unwrap();
    let dos = fs::read_to_string(dir.join("catalog/src/generated/dos.rs")).unwrap();
    let crossed_out = "    #[deprecated(note = \"crossed out in the documentation\")]\n    \
                       ErrorBadFormat = 0x0B,\n";
    assert!(dos.contains(crossed_out) && dos.matches("#[deprecated").count() == 1, "{dos}");
    assert!(odd.contains("//!   * two\n//!\n//!   <Warning>\n"), "{odd}");
    // Codes in hexadecimal digits alone are the hexadecimal literals the page means.
    let modbus = fs::read_to_string(dir.join("catalog/src/generated/modbus.rs")).unwrap();
    for variant in ["VendorFault = 0x10,", "GatewayPathUnavailable = 0x0A,", "TargetFailed = 0x0B,"]
    {
        assert!(modbus.contains(variant), "{variant}: {modbus}");
    }

    let mut test = String::from(
        "//! Generated by xtask/tests/odd_docs.rs.\n\nuse catalog::odd::Odd;\n\n#[test]\nfn cells_are_verbatim() {\n",
    );
    for (variant, method, expected) in expectations() {
        test.push_str(&format!("    assert_eq!(Odd::{variant}.{method}(), {expected:?});\n"));
    }
    test.push_str("    assert_eq!(Odd::ALL.len(), 18);\n");
    test.push_str("    assert_eq!(Odd::from_name(\"\"), None);\n");
    test.push_str("    assert_eq!(Odd::from_name(\"Twice\\n\\n[1]\"), None);\n");
    test.push_str("    assert_eq!(Odd::from_name(\"match\"), Some(Odd::Match));\n}\n");
    test.push_str("\n#[test]\nfn reserved_names_as_headers_answer() {\n");
    test.push_str("    use catalog::reserved::Reserved;\n");
    for (index, header) in reserved.iter().enumerate() {
        let method = accessor_name(header);
        test.push_str(&format!("    assert_eq!(Reserved::One.{method}(), \"cell {index}\");\n"));
    }
    test.push_str("    assert_eq!(Reserved::ALL, &[Reserved::One]);\n}\n");
    test.push_str("\n#[test]\nfn methods_named_as_clippy_would_not_answer() {\n");
    test.push_str("    use catalog::named::Named;\n");
    test.push_str("    assert_eq!(Named::InputError.new(), \"a\");\n");
    test.push_str("    assert_eq!(Named::OutputError.as_of(), \"2025\");\n");
    test.push_str("    assert_eq!(Named::OtherError.from_version(), \"2.0\");\n");
    test.push_str("    assert_eq!(Named::OtherError.type_2(), \"z\");\n}\n");
    test.push_str("\n#[test]\nfn no_code_of_its_own_finds_no_variant() {\n");
    test.push_str("    use catalog::{empty::Empty, shared::Shared};\n");
    test.push_str("    assert_eq!(Shared::from_code(7), None);\n");
    test.push_str("    assert_eq!(Shared::with_code(7), [Shared::Seven, Shared::Sept]);\n");
    test.push_str("    assert_eq!(Empty::from_code(7), None);\n}\n");
    test.push_str(
        "\n#[test]\n#[allow(deprecated)]\nfn codes_written_with_an_h_are_hexadecimal() {\n",
    );
    test.push_str("    use catalog::dos::DosError;\n");
    test.push_str(
        "    assert_eq!(DosError::from_code(0x0A), Some(DosError::ErrorBadEnvironment));\n",
    );
    test.push_str("    assert_eq!(DosError::ErrorUnknown.code(), 255);\n");
    test.push_str("    assert_eq!(DosError::ErrorNoMoreFiles.code(), 12);\n");
    test.push_str("    assert_eq!(\"0Ah\".parse(), Ok(DosError::ErrorBadEnvironment));\n");
    test.push_str("    assert_eq!(\"10\".parse(), Ok(DosError::ErrorBadEnvironment));\n");
    test.push_str("    assert_eq!(\"0x0a\".parse(), Ok(DosError::ErrorBadEnvironment));\n");
    test.push_str("    assert_eq!(\"FFH\".parse(), Ok(DosError::ErrorUnknown));\n");
    test.push_str("    assert_eq!(\"01h\".parse(), Ok(DosError::ErrorInvalidFunction));\n");
    test.push_str("    assert_eq!(\"0Bh\".parse(), Ok(DosError::ErrorBadFormat));\n");
    test.push_str("    assert!(!DosError::ErrorBadFormat.is_retired());\n");
    // Crossed out, as the page shows it, and so through `Entry`, for code that takes any table.
    test.push_str(
        "    fn crossed_out<E: catalog::Entry>(entry: E) -> bool { entry.is_crossed_out() }\n",
    );
    test.push_str("    assert!(DosError::ErrorBadFormat.is_crossed_out());\n");
    test.push_str("    assert!(crossed_out(DosError::ErrorBadFormat));\n");
    test.push_str("    assert!(!DosError::ErrorUnknown.is_crossed_out());\n");
    test.push_str("    assert!(!crossed_out(DosError::ErrorUnknown));\n");
    test.push_str("    assert_eq!(DosError::ABC.name(), \"A B C\");\n");
    test.push_str("    let shown = DosError::ErrorBadEnvironment.to_string();\n");
    test.push_str("    assert_eq!(shown, \"0Ah ERROR_BAD_ENVIRONMENT\");\n}\n");
    test.push_str("\n#[test]\nfn codes_of_hexadecimal_digits_alone_are_read_in_base_16() {\n");
    test.push_str("    use catalog::{Documented, Entry, modbus::Exception};\n");
    test.push_str("    assert_eq!(Exception::from_code(0x10), Some(Exception::VendorFault));\n");
    test.push_str(
        "    assert_eq!(Exception::from_code(0x0A), Some(Exception::GatewayPathUnavailable));\n",
    );
    test.push_str("    assert_eq!(Exception::VendorFault.code(), 16);\n");
    test.push_str("    assert_eq!(\"10\".parse(), Ok(Exception::VendorFault));\n");
    test.push_str("    assert_eq!(\"0x10\".parse(), Ok(Exception::VendorFault));\n");
    test.push_str("    assert_eq!(\"0a\".parse(), Ok(Exception::GatewayPathUnavailable));\n");
    test.push_str("    assert_eq!(\"0Bh\".parse::<Exception>().map(|e| e.code()), Ok(0x0B));\n");
    test.push_str("    assert_eq!(Exception::parse_code(\"10\"), Some(0x10));\n");
    test.push_str("    let found = Documented::<Exception>::from_code_text(\"10\");\n");
    test.push_str("    assert_eq!(found, Some(Documented::Entry(Exception::VendorFault)));\n");
    test.push_str("    assert_eq!(Exception::VendorFault.to_string(), \"10 VENDOR FAULT\");\n");
    test.push_str("    assert_eq!(Exception::VendorFault as u8, 0x10);\n");
    // An unknown code is shown as the page writes codes, not as the number 12.
    test.push_str("    let unknown = Exception::try_from(0x0E).unwrap_err();\n");
    test.push_str("    assert_eq!(unknown.unknown_code(), Some(14));\n");
    test.push_str(
        "    assert_eq!(unknown.to_string(), \"no unique `Exception` has the code 0x0E\");\n",
    );
    test.push_str("    let received = Documented::<Exception>::from_code(0x0E);\n");
    test.push_str("    assert_eq!(received.to_string(), \"0x0E (not in the documentation)\");\n");
    // Each code of `0C, 0D` is a variant of its own.
    test.push_str("    assert_eq!(Exception::Reserved0d as u8, 0x0D);\n");
    test.push_str("    assert_eq!(\"0c\".parse(), Ok(Exception::Reserved0c));\n");
    test.push_str("    let read: Exception = serde_json::from_str(\"\\\"10\\\"\").unwrap();\n");
    test.push_str("    assert_eq!(read, Exception::VendorFault);\n");
    test.push_str("    assert_eq!(serde_json::from_str::<Exception>(\"16\").unwrap(), read);\n}\n");
    fs::create_dir_all(dir.join("catalog/tests")).unwrap();
    fs::write(dir.join("catalog/tests/odd.rs"), test).unwrap();

    // Fails if the odd catalog does not build or its text differs.
    // With serde, whose glue the odd names must compile with too, and which reads codes.
    let args = ["--package", "catalog", "--features", "serde", "--test", "odd"];
    cargo_test(&dir.join("Cargo.toml"), "odd-docs", &args);
    // Fails if rustdoc warns of anything in it: a title, header or cell whose text it would
    // read as a link to an item (`[sic]`, `[Units]`, `[instance]`), say.
    cargo_doc(&dir.join("Cargo.toml"), "odd-docs", &["--package", "catalog"]);
    // The tags GFM disallows show as text in the documentation, as on GitHub: no style of the
    // page's hides the documentation's, no script of it runs, no text area swallows the rest.
    let doc = workspace_root().join("target/odd-docs/doc/catalog/odd/index.html");
    let doc = fs::read_to_string(doc).unwrap();
    // The module's own documentation: rustdoc's page has scripts of its own.
    let start = doc.find("<div class=\"docblock\">").unwrap();
    let doc = &doc[start..start + doc[start..].find("</details>").unwrap()];
    for tag in ["<style>", "<script>", "<textarea>"] {
        assert!(!doc.contains(tag), "{tag} in {doc}");
    }
    assert!(doc.contains("&lt;style&gt;") && doc.contains("&lt;textarea&gt;"), "{doc}");
    // What would run a script is dropped, as GitHub's sanitizer drops it: an event handler, a
    // link to a script (its text kept).
    assert!(!doc.contains("onerror") && !doc.contains("javascript:"), "{doc}");
    assert!(doc.contains("a link to a script"), "{doc}");
    // Fails if clippy warns of anything in it: the tabs of a page's code, say, or the names
    // of `named.md`.
    cargo_clippy(&dir.join("Cargo.toml"), "odd-docs", &["--package", "catalog"]);
}
