//! Manifest + page text through the whole generator: it must never panic, and what it
//! generates must parse as Rust.
//!
//! Input: `manifest TOML \0 page Markdown`, or a page alone, generated with one of a few fixed
//! manifests (chosen by the input's length): integer or string keys, shared codes with a
//! `key-pattern`, the `match` layout without discriminants.

#![no_main]

use catalog_gen::Input;
use libfuzzer_sys::fuzz_target;

const MANIFEST: &str = r#"output = "out"
[[table]]
page = "page.md"
url = "https://example.com/guide/page.html"
module = "fuzzed"
enum = "Fuzzed"
key-column = "Code"
name-column = "Name"
"#;

/// The lines that vary between the fixed manifests.
const VARIANTS: [&str; 4] = [
    "key-type = \"u16\"",
    "key-type = \"str\"",
    "key-type = \"u16\"\nshared-codes = true\nkey-pattern = '^(\\d+)'",
    "key-type = \"u32\"\nlayout = \"match\"\ndiscriminants = false",
];

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (manifest, page) = match text.split_once('\0') {
        Some((manifest, page)) => (manifest.to_owned(), page),
        None => (format!("{MANIFEST}{}\n", VARIANTS[text.len() % VARIANTS.len()]), text),
    };
    let pages = catalog_gen::pages_in_memory([("page.md", page)]);
    let input = Input {
        manifest_path: "catalog.toml",
        manifest_text: &manifest,
        pages: &pages,
        command: "cargo xtask regen",
    };
    match catalog_gen::generate(&input) {
        Ok(files) => {
            for file in files {
                if let Err(error) = syn::parse_file(&file.text) {
                    panic!("{} does not parse: {error}\n{}", file.path, file.text);
                }
            }
        }
        Err(failure) => {
            let _ = failure.render(false);
        }
    }
});
