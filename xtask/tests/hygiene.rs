//! Every name a manifest or a page can give either compiles and is reachable at the documented
//! path, or is refused with a diagnostic — never a panic.
//!
//! Each candidate (every Rust keyword, prelude and primitive type name, every name of the
//! runtime and of a catalog crate's root, every item a generated enum has, and odd spellings:
//! raw, padded, non-ASCII) is tried as a module name, an enum name, a row's name and a column
//! header, each alone and in memory. Refusals must point into the manifest or the page. Every
//! accepted case goes into one catalog crate, plus empty tables of every key type and layout,
//! and a separate consumer crate uses each at `<crate>::<module>::<Enum>`: both must compile
//! and the consumer's test pass, with `serde` and `miette` on.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use std::fs;
use std::path::Path;
use std::sync::Arc;

use catalog_gen::api::{INHERENT_ITEMS, TRAIT_METHODS};
use catalog_gen::naming::CRATE_ROOT_NAMES;
use catalog_gen::{CatalogApi, Input};
use common::{cargo_test, workspace_root};

/// Strict, reserved (2015–2024 editions) and weak keywords.
const KEYWORDS: &[&str] = &[
    "as",
    "async",
    "await",
    "break",
    "const",
    "continue",
    "crate",
    "dyn",
    "else",
    "enum",
    "extern",
    "false",
    "fn",
    "for",
    "gen",
    "if",
    "impl",
    "in",
    "let",
    "loop",
    "match",
    "mod",
    "move",
    "mut",
    "pub",
    "ref",
    "return",
    "self",
    "Self",
    "static",
    "struct",
    "super",
    "trait",
    "true",
    "type",
    "unsafe",
    "use",
    "where",
    "while",
    "abstract",
    "become",
    "box",
    "do",
    "final",
    "macro",
    "override",
    "priv",
    "try",
    "typeof",
    "unsized",
    "virtual",
    "yield",
    "auto",
    "default",
    "macro_rules",
    "raw",
    "safe",
    "union",
];

/// The standard prelude's names, the primitive types, and the crates every catalog can see.
const PRELUDE: &[&str] = &[
    "Option",
    "Some",
    "None",
    "Result",
    "Ok",
    "Err",
    "Vec",
    "String",
    "Box",
    "ToString",
    "ToOwned",
    "From",
    "Into",
    "TryFrom",
    "TryInto",
    "FromIterator",
    "Iterator",
    "IntoIterator",
    "Extend",
    "Copy",
    "Clone",
    "Send",
    "Sync",
    "Sized",
    "Unpin",
    "Drop",
    "Fn",
    "FnMut",
    "FnOnce",
    "Default",
    "Eq",
    "PartialEq",
    "Ord",
    "PartialOrd",
    "Hash",
    "Debug",
    "Display",
    "AsRef",
    "AsMut",
    "bool",
    "char",
    "str",
    "u8",
    "u16",
    "u32",
    "u64",
    "u128",
    "usize",
    "i8",
    "i16",
    "i32",
    "i64",
    "i128",
    "isize",
    "f32",
    "f64",
    "core",
    "std",
    "alloc",
    "fmt",
    "serde",
    "miette",
];

/// What the runtime defines (items and modules, public or not) and what the generated code
/// names inside an enum's `impl`.
const RUNTIME: &[&str] = &[
    "Entry",
    "Code",
    "Table",
    "Fields",
    "LookupError",
    "DiagnosticText",
    "Documented",
    "ReceivedText",
    "Unknown",
    "Shared",
    "documented",
    "rt",
    "error",
    "code",
    "entry",
    "serde_impl",
    "miette_impl",
    "catalog_core",
    "Row",
    "RowOf",
    "find_str",
    "find_u16",
    "impl_entry",
    "__impl_entry",
    "ReadmeDoctests",
];

/// Odd spellings a user may try.
const ODD: &[&str] = &[
    "r#type",
    "r#Type",
    "r#errors",
    "ErrorCode ",
    " errors",
    "errors\t",
    "erreurs_é",
    "Érreur",
    "ErrorCodes",
    "_",
    "__",
    "_x",
    "a b",
    "",
    "0x1",
    "é",
    // Names Windows reserves for devices: as module names, files it cannot create (`aux.rs`),
    // which build here with a warning.
    "aux",
    "com1",
];

fn candidates() -> BTreeSet<String> {
    let lists = [KEYWORDS, PRELUDE, RUNTIME, ODD, INHERENT_ITEMS, TRAIT_METHODS, CRATE_ROOT_NAMES];
    lists.iter().flat_map(|list| list.iter()).map(|name| (*name).to_owned()).collect()
}

/// A `[[table]]` entry with integer codes.
fn table(page: &str, module: &str, enum_name: &str) -> String {
    format!(
        "[[table]]\npage = \"{page}\"\nurl = \"https://example.com/{page}.html\"\nmodule = {}\n\
         enum = {}\nkey-column = \"Code\"\nkey-type = \"u16\"\nname-column = \"Name\"\n\n",
        toml_string(module),
        toml_string(enum_name)
    )
}

/// `text` as a TOML basic string (Rust's escapes are TOML's for the candidates' characters).
fn toml_string(text: &str) -> String {
    format!("{text:?}")
}

/// A page with one table: `Code`, `Name` and `headers`, and `rows` of `(code, name)`.
fn page(headers: &[&str], rows: &[(usize, &str)]) -> String {
    let mut text = String::from("# Page\n\n| Code | Name |");
    for header in headers {
        let _ = write!(text, " {} |", escape(header));
    }
    text.push_str("\n|---|---|");
    text.push_str(&"---|".repeat(headers.len()));
    for (code, name) in rows {
        let _ = write!(text, "\n| {code} | {} |", escape(name));
        text.push_str(&" cell |".repeat(headers.len()));
    }
    text.push('\n');
    text
}

/// Text as a cell that renders as itself.
fn escape(text: &str) -> String {
    let mut escaped = String::new();
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

/// Generates in memory: the API, or the rendered refusal.
fn generate(manifest: &str, pages: &[(String, String)]) -> Result<Arc<CatalogApi>, String> {
    let pages = catalog_gen::pages_in_memory(pages.iter().cloned());
    let manifest = format!("output = \"out\"\n\n{manifest}");
    let input = Input {
        manifest_path: "catalog.toml",
        manifest_text: &manifest,
        pages: &pages,
        command: "cargo xtask regen",
    };
    let manifest = catalog_gen::parse_manifest("catalog.toml", &manifest)
        .map_err(|failure| failure.render(false))?;
    catalog_gen::generate_from(&manifest, &input)
        .map(|generation| generation.api)
        .map_err(|failure| failure.render(false))
}

/// A refusal is a diagnostic that points into one of the files.
fn assert_refused_clearly(role: &str, name: &str, rendered: &str) {
    let points = rendered.lines().any(|line| {
        let place = line.trim_start().strip_prefix("--> ").unwrap_or_default();
        place.starts_with("catalog.toml:") || place.contains(".md:")
    });
    assert!(
        rendered.starts_with("error") && points,
        "{role} {name:?}: not a clear refusal:\n{rendered}"
    );
}

/// What the accepted cases add up to: the manifest, the pages, and the consumer's test body.
#[derive(Default)]
struct Accepted {
    manifest: String,
    pages: Vec<(String, String)>,
    uses: String,
    counts: BTreeMap<&'static str, (usize, usize)>,
}

impl Accepted {
    fn count(&mut self, role: &'static str, accepted: bool) {
        let (yes, no) = self.counts.entry(role).or_default();
        if accepted { *yes += 1 } else { *no += 1 }
    }
}

/// Each candidate as a module name and as an enum name, alone.
fn modules_and_enums(accepted: &mut Accepted) {
    for (index, name) in candidates().iter().enumerate() {
        let page_path = format!("module_{index}.md");
        let pages = vec![(page_path.clone(), page(&[], &[(1, "One")]))];
        let manifest = table(&page_path, name, &format!("Module{index}"));
        let ok =
            generate(&manifest, &pages).map_err(|e| assert_refused_clearly("module", name, &e));
        accepted.count("module", ok.is_ok());
        if ok.is_ok() {
            accepted.manifest.push_str(&manifest);
            accepted.pages.extend(pages);
            let _ = writeln!(
                accepted.uses,
                "assert_eq!(hygiene::{name}::Module{index}::One.code(), 1);"
            );
        }

        let page_path = format!("enum_{index}.md");
        let pages = vec![(page_path.clone(), page(&[], &[(1, "One")]))];
        let manifest = table(&page_path, &format!("enum_{index}"), name);
        let ok = generate(&manifest, &pages).map_err(|e| assert_refused_clearly("enum", name, &e));
        accepted.count("enum", ok.is_ok());
        if ok.is_ok() {
            accepted.manifest.push_str(&manifest);
            accepted.pages.extend(pages);
            let _ = writeln!(
                accepted.uses,
                "assert_eq!(hygiene::enum_{index}::{name}::from_code(1).map(|e| e.name()), \
                 Some(\"One\"));\n\
                 assert_eq!(hygiene::enum_{index}::{name}::One.to_string(), \"1 One\");"
            );
        }
    }
}

/// Each candidate as a row's name, alone, then every accepted one in one table whose variants
/// the consumer names.
fn row_names(accepted: &mut Accepted) {
    let (candidates, mut rows) = (candidates(), Vec::new());
    for (index, name) in candidates.iter().enumerate() {
        let pages = vec![("rows.md".to_owned(), page(&[], &[(index + 1, name)]))];
        let ok = generate(&table("rows.md", "rows", "Rows"), &pages)
            .map_err(|e| assert_refused_clearly("row name", name, &e));
        accepted.count("row name", ok.is_ok());
        if ok.is_ok() {
            rows.push((index + 1, name.as_str()));
        }
    }
    let manifest = table("rows.md", "rows", "Rows");
    let pages = vec![("rows.md".to_owned(), page(&[], &rows))];
    let api = generate(&manifest, &pages).unwrap_or_else(|e| panic!("{e}"));
    for variant in &api.enums["Rows"].variants {
        let _ = writeln!(
            accepted.uses,
            "assert_eq!(hygiene::rows::Rows::{}.code(), {});",
            variant.variant, variant.code
        );
    }
    for (code, name) in &rows {
        let _ = writeln!(
            accepted.uses,
            "assert_eq!(hygiene::rows::Rows::from_code({code}).unwrap().name(), {:?});",
            // A cell's text is trimmed, as GFM renders it.
            name.trim()
        );
    }
    accepted.manifest.push_str(&manifest);
    accepted.pages.extend(pages);
}

/// Each candidate as a column header, alone; the accepted ones in as few tables as keep their
/// accessors apart, each accessor called by the consumer.
fn headers(accepted: &mut Accepted) {
    let mut tables: Vec<Vec<(String, String)>> = Vec::new();
    for name in candidates() {
        let pages = vec![("headers.md".to_owned(), page(&[&name], &[(1, "One")]))];
        let result = generate(&table("headers.md", "headers", "Headers"), &pages)
            .map_err(|e| assert_refused_clearly("header", &name, &e));
        accepted.count("header", result.is_ok());
        let Ok(api) = result else { continue };
        let accessor = api.enums["Headers"].accessors.last().cloned().unwrap();
        match tables.iter_mut().find(|t| t.iter().all(|(_, other)| *other != accessor)) {
            Some(group) => group.push((name, accessor)),
            None => tables.push(vec![(name, accessor)]),
        }
    }
    for (index, group) in tables.iter().enumerate() {
        let page_path = format!("headers_{index}.md");
        let headers: Vec<&str> = group.iter().map(|(header, _)| header.as_str()).collect();
        let manifest = table(&page_path, &format!("headers_{index}"), &format!("Headers{index}"));
        let pages = vec![(page_path, page(&headers, &[(1, "One")]))];
        generate(&manifest, &pages).unwrap_or_else(|e| panic!("{e}"));
        for (_, accessor) in group {
            let _ = writeln!(
                accepted.uses,
                "assert_eq!(hygiene::headers_{index}::Headers{index}::One.{accessor}(), \"cell\");"
            );
        }
        accepted.manifest.push_str(&manifest);
        accepted.pages.extend(pages);
    }
}

/// Tables with a header and no rows, for every key type and layout.
fn empty_tables(accepted: &mut Accepted) {
    let shapes = [
        "key-type = \"u8\"",
        "key-type = \"u16\"",
        "key-type = \"u32\"",
        "key-type = \"u64\"",
        "key-type = \"str\"",
        "key-type = \"u16\"\ndiscriminants = false",
        "key-type = \"u16\"\nlayout = \"match\"",
        "key-type = \"str\"\nlayout = \"match\"",
        "key-type = \"u16\"\nshared-codes = true",
        "key-type = \"str\"\nshared-codes = true",
    ];
    for (index, shape) in shapes.iter().enumerate() {
        let page_path = format!("empty_{index}.md");
        let manifest = table(&page_path, &format!("empty_{index}"), &format!("Empty{index}"))
            .replace("key-type = \"u16\"", shape);
        let pages = vec![(page_path, page(&["Details"], &[]))];
        generate(&manifest, &pages).unwrap_or_else(|e| panic!("an empty table is refused: {e}"));
        let code = if shape.contains("str") { "\"1\"" } else { "1" };
        let _ = writeln!(
            accepted.uses,
            "assert!(hygiene::empty_{index}::Empty{index}::ALL.is_empty());\n\
             assert!(hygiene::empty_{index}::Empty{index}::from_code({code}).is_none());\n\
             assert!(hygiene::empty_{index}::Empty{index}::with_code({code}).is_empty());\n\
             assert!(hygiene::empty_{index}::Empty{index}::from_name(\"x\").is_none());\n\
             assert!(\"1\".parse::<hygiene::empty_{index}::Empty{index}>().is_err());"
        );
        accepted.manifest.push_str(&manifest);
        accepted.pages.extend(pages);
    }
}

fn write_files(root: &Path, files: &[(String, String)]) {
    for (path, text) in files {
        let path = root.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
}

#[test]
fn every_name_compiles_and_is_reachable_or_is_refused() {
    let mut accepted = Accepted::default();
    modules_and_enums(&mut accepted);
    row_names(&mut accepted);
    headers(&mut accepted);
    empty_tables(&mut accepted);
    // Both kinds of outcome happen in every role, so the candidates test something; but a
    // row's name cell, which any text may fill (an empty one, or one that makes no identifier,
    // leaves the variant to the code), is never refused.
    for (role, (yes, no)) in &accepted.counts {
        let refusals_expected = *role != "row name";
        assert!(
            *yes > 10 && (*no > 0) == refusals_expected,
            "{role}: {yes} accepted, {no} refused"
        );
    }

    let sandbox = tempfile::tempdir().unwrap();
    let docs = sandbox.path().join("docs");
    let manifest = format!("output = \"../hygiene/src/generated\"\n\n{}", accepted.manifest);
    write_files(&docs, &accepted.pages);
    fs::write(docs.join("catalog.toml"), manifest).unwrap();
    let crate_dir = sandbox.path().join("hygiene");
    catalog_gen::regen::init(&crate_dir, &docs.join("catalog.toml"), Some("hygiene"))
        .unwrap_or_else(|error| panic!("{error:?}"));

    let consumer = sandbox.path().join("consumer");
    let runtime = workspace_root().join("catalog-core");
    write_files(
        &consumer,
        &[
            (
                "Cargo.toml".to_owned(),
                format!(
                    "[package]\nname = \"consumer\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\
                     publish = false\n\n[dependencies]\n\
                     hygiene = {{ path = \"../hygiene\", features = [\"serde\", \"miette\"] }}\n\
                     catalog-core = {{ path = {:?} }}\n",
                    runtime.display().to_string()
                ),
            ),
            (
                "src/lib.rs".to_owned(),
                format!(
                    "//! Uses every accepted name at its documented path.\n\n\
                     #[test]\nfn every_accepted_name_is_reachable() {{\n{}}}\n",
                    accepted.uses
                ),
            ),
        ],
    );
    cargo_test(&consumer.join("Cargo.toml"), "hygiene", &[]);
}
