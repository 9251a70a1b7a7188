//! The fuzz target's input format and its check, shared with the test that generates and
//! compiles a committed sample of the corpus (`xtask/tests/fuzz_sample.rs`), so that the
//! check the fuzzer runs is built and run by the workspace's tests too.
//!
//! Input: `manifest TOML \0 page Markdown`, or a page alone, generated with one of a few fixed
//! manifests (chosen by the input's length): integer or string keys, shared codes with a
//! `key-pattern`, the `match` layout without discriminants and with signed codes, half of them
//! joining every table with the columns (`all-tables`), one splitting listed codes
//! (`split-codes`), one joining rows without a code to the row above (`continued-rows`). An
//! input's own manifest may name its page `page.mdx`, which is then read as an MDX page.

use catalog_gen::api::{CatalogApi, SNAPSHOT_FILE};
use catalog_gen::{Failure, GeneratedFile, Input};

/// The manifest's path and the command, as the generated files' headers name them.
const MANIFEST_PATH: &str = "catalog.toml";
const COMMAND: &str = "cargo xtask regen";

const MANIFEST: &str = r#"output = "out"
[[table]]
page = "page.md"
url = "https://example.com/guide/page.html"
module = "fuzzed"
enum = "Fuzzed"
key-column = "Code"
name-column = "Name"
"#;

/// The lines that vary between the fixed manifests. Half join every table with the columns
/// (`all-tables`), half ask which one is meant where several have them; one makes a variant
/// of each code a key cell lists (`split-codes`), one makes rows without a code lines of the
/// row above them (`continued-rows`), across the tables it joins too.
const VARIANTS: [&str; 4] = [
    "key-type = \"u16\"",
    "key-type = \"str\"\nall-tables = true\nsplit-codes = true",
    "key-type = \"u16\"\nshared-codes = true\nkey-pattern = '^(\\d+)'",
    "key-type = \"i64\"\nlayout = \"match\"\ndiscriminants = false\nall-tables = true\n\
     continued-rows = true",
];

/// The fuzz target's check of one input: the generator must not panic, every Rust file it
/// generates must parse, the API snapshot must read back as the same text (the next regen
/// reads it), and a refusal must render. Panics where one does not; returns what the
/// generator made, or `None` where `data` is not UTF-8.
pub fn check(data: &[u8]) -> Option<Result<Vec<GeneratedFile>, Failure>> {
    let result = generate(data)?;
    match &result {
        Ok(files) => {
            for file in files.iter().filter(|file| file.path.ends_with(".rs")) {
                let text = file.text.to_string();
                if let Err(error) = syn::parse_file(&text) {
                    panic!("{} does not parse: {error}\n{text}", file.path);
                }
            }
            for file in files.iter().filter(|file| file.path.ends_with(SNAPSHOT_FILE)) {
                let text = file.text.to_string();
                let api = CatalogApi::from_snapshot(&text).unwrap_or_else(|error| {
                    panic!("the snapshot does not read back: {error}\n{text}")
                });
                let again = api.to_snapshot(MANIFEST_PATH, COMMAND);
                assert_eq!(again, text, "the snapshot reads back as another");
            }
        }
        Err(failure) => {
            let _ = failure.render(false);
        }
    }
    Some(result)
}

/// What the generator makes of `data`; `None` where it is not UTF-8.
pub fn generate(data: &[u8]) -> Option<Result<Vec<GeneratedFile>, Failure>> {
    let text = std::str::from_utf8(data).ok()?;
    let (manifest, page) = match text.split_once('\0') {
        Some((manifest, page)) => (manifest.to_owned(), page),
        None => (format!("{MANIFEST}{}\n", VARIANTS[text.len() % VARIANTS.len()]), text),
    };
    // An MDX page too, which a manifest given names so (`page = "page.mdx"`), read as such.
    let pages = catalog_gen::pages_in_memory([("page.md", page), ("page.mdx", page)]);
    let input = Input {
        manifest_path: MANIFEST_PATH,
        manifest_text: &manifest,
        pages: &pages,
        command: COMMAND,
    };
    Some(catalog_gen::generate(&input))
}
