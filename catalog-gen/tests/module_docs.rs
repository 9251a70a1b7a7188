//! A module's rustdoc shows its page as the page's site does: titled by its first level-1
//! heading, or else by its front matter's `title`; its prose without the front matter, which
//! is the site's metadata, not Markdown; and no empty heading where the page has no title.

use catalog_gen::{Input, pages_in_memory};

const MANIFEST: &str = "output = \"o\"\n[[table]]\npage = \"p.md\"\n\
                        url = \"https://x.test/p.html\"\nmodule = \"m\"\nenum = \"E\"\n\
                        key-column = \"Code\"\nkey-type = \"u8\"\nname-column = \"Name\"\n";

/// The module generated from `page`, as one text.
fn module(page: &str) -> String {
    let pages = pages_in_memory([("p.md", page)]);
    let input =
        Input { manifest_path: "c.toml", manifest_text: MANIFEST, pages: &pages, command: "regen" };
    let files = catalog_gen::generate(&input).unwrap_or_else(|f| panic!("{}", f.render(false)));
    let module = files.iter().find(|file| file.path.ends_with("m.rs")).expect("the module");
    module.text.to_string()
}

/// The module's docs (`//!`), one line each.
fn docs(module: &str) -> Vec<&str> {
    module.lines().filter_map(|line| line.strip_prefix("//!")).map(str::trim).collect()
}

#[test]
fn front_matter_is_metadata_and_gives_the_title() {
    let page = "---\ntitle: \"Playback errors\"\norder: 2\ntable: |\n  | Code | Name |\n  \
                |---|---|\n  | 9 | Nine |\n---\n\nWhat the player reports.\n\n\
                | Code | Name |\n|---|---|\n| 1 | One |\n";
    let module = module(page);
    let docs = docs(&module);
    assert_eq!(docs[..3], ["# Playback errors", "", "What the player reports."], "{module}");
    assert!(!module.contains("order: 2") && !module.contains("Nine"), "{module}");
    // The enum is the table below the front matter, titled as the page.
    assert!(module.contains("One = 1") && module.contains("\"Playback errors\""), "{module}");
}

#[test]
fn the_first_level_one_heading_is_the_title_before_the_front_matters() {
    let page = "---\ntitle: Site title | Docs\n---\n# Playback errors\n\n\
                | Code | Name |\n|---|---|\n| 1 | One |\n";
    let module = module(page);
    assert_eq!(docs(&module)[0], "# Playback errors", "{module}");
    assert!(!module.contains("Site title"), "{module}");
}

#[test]
fn a_page_without_a_title_starts_with_its_prose() {
    let page = "What the player reports.\n\n| Code | Name |\n|---|---|\n| 1 | One |\n";
    let module = module(page);
    assert_eq!(docs(&module)[0], "What the player reports.", "{module}");
    assert!(!docs(&module).iter().any(|line| line.starts_with('#')), "{module}");
    let module = self::module("| Code | Name |\n|---|---|\n| 1 | One |\n");
    assert!(docs(&module)[0].starts_with("The table is generated as"), "{module}");
}
