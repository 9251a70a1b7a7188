//! The one list of what every generated enum has (`catalog_gen::api`) is what emit writes:
//! every item of every generated inherent `impl` is in `INHERENT_ITEMS` or is a column's
//! accessor, every entry of the list is written for some table, and every method of the
//! runtime's `Entry` trait is in `TRAIT_METHODS`. So the names that accessors may not take
//! cannot drift from the code.

use std::collections::BTreeSet;

use catalog_gen::api::{INHERENT_ITEMS, TRAIT_METHODS};
use catalog_gen::{Input, pages_in_memory};
use syn::{ImplItem, Item, TraitItem};

/// A page with one table of each shape a table can have.
const PAGE: &str = "# Shapes\n\n\
## Unique\n\n| Code | Name | Details |\n|---|---|---|\n| 1 | <a name=\"one\"></a>One | a |\n| 2 | Two | b |\n\n\
## Shared\n\n| Code | Name | Details |\n|---|---|---|\n| 1 | One | a |\n| 1 | Uno | b |\n\n\
## Strings\n\n| Code | Details |\n|---|---|\n| ONE | a |\n| TWO | b |\n\n\
## Statuses\n\n| Status | Details |\n|---|---|\n| 400 Bad | a |\n| 404 Gone | b |\n";

/// `[[table]]` entries for every shape: discriminants, none, shared codes, string codes (the
/// names their codes, or a name column), the `match` layout, a key pattern.
const TABLES: &[(&str, &str)] = &[
    ("Unique", "key-column = \"Code\"\nkey-type = \"u8\"\nname-column = \"Name\""),
    (
        "Unique",
        "key-column = \"Code\"\nkey-type = \"u8\"\nname-column = \"Name\"\ndiscriminants = false",
    ),
    (
        "Unique",
        "key-column = \"Code\"\nkey-type = \"u8\"\nname-column = \"Name\"\nlayout = \"match\"",
    ),
    (
        "Shared",
        "key-column = \"Code\"\nkey-type = \"u8\"\nname-column = \"Name\"\nshared-codes = true",
    ),
    (
        "Shared",
        "key-column = \"Code\"\nkey-type = \"u8\"\nname-column = \"Name\"\nshared-codes = true\n\
         layout = \"match\"",
    ),
    ("Strings", "key-column = \"Code\"\nkey-type = \"str\""),
    ("Strings", "key-column = \"Code\"\nkey-type = \"str\"\nname-column = \"Details\""),
    ("Statuses", "key-column = \"Status\"\nkey-type = \"u16\"\nkey-pattern = '^(\\d+)'"),
];

/// The module of every shape of table.
fn generated_module() -> String {
    let mut manifest = String::from("output = \"out\"\n");
    for (index, (heading, options)) in TABLES.iter().enumerate() {
        manifest.push_str(&format!(
            "[[table]]\npage = \"p.md\"\nurl = \"https://x.test/p.html\"\nmodule = \"m\"\n\
             enum = \"E{index}\"\nheading = \"{heading}\"\n{options}\n"
        ));
    }
    let pages = pages_in_memory([("p.md", PAGE)]);
    let input =
        Input { manifest_path: "c.toml", manifest_text: &manifest, pages: &pages, command: "x" };
    let files = catalog_gen::generate(&input).unwrap_or_else(|f| panic!("{}", f.render(false)));
    let module = files.iter().find(|file| file.path == "m.rs").unwrap();
    module.text.to_string()
}

fn generated_items() -> (BTreeSet<String>, BTreeSet<String>) {
    let file = syn::parse_file(&generated_module()).unwrap();
    let (mut items, mut accessors) = (BTreeSet::new(), BTreeSet::new());
    for item in file.items {
        let Item::Impl(block) = item else { continue };
        if block.trait_.is_some() {
            continue;
        }
        for item in block.items {
            match item {
                ImplItem::Fn(function) => {
                    let name = function.sig.ident.to_string();
                    // The columns these tables give an accessor: `Details`, and `Status`, a
                    // key column whose cells hold more than the code.
                    if name == "details" || name == "status" {
                        accessors.insert(name)
                    } else {
                        items.insert(name)
                    };
                }
                ImplItem::Const(constant) => {
                    items.insert(constant.ident.to_string());
                }
                other => {
                    panic!("an unexpected item in a generated impl: {}", quote::quote!(#other))
                }
            }
        }
    }
    (items, accessors)
}

#[test]
fn emit_writes_exactly_the_items_the_list_names() {
    let (items, accessors) = generated_items();
    let listed: BTreeSet<String> = INHERENT_ITEMS.iter().map(|item| (*item).to_owned()).collect();
    assert_eq!(items, listed, "generated items (left) and api::INHERENT_ITEMS (right) differ");
    assert_eq!(accessors, BTreeSet::from(["details".to_owned(), "status".to_owned()]));
}

#[test]
fn every_method_of_the_entry_trait_is_reserved() {
    let entry = syn::parse_file(include_str!("../../catalog-core/src/entry.rs")).unwrap();
    let methods: Vec<String> = entry
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Trait(entry) if entry.ident == "Entry" => Some(&entry.items),
            _ => None,
        })
        .flatten()
        .filter_map(|item| match item {
            TraitItem::Fn(function) => Some(function.sig.ident.to_string()),
            _ => None,
        })
        .collect();
    assert!(methods.len() >= 8, "{methods:?}");
    for method in methods {
        assert!(
            TRAIT_METHODS.contains(&method.as_str()) || INHERENT_ITEMS.contains(&method.as_str()),
            "`Entry::{method}` is missing from api::TRAIT_METHODS"
        );
    }
}

/// Every doc comment of every shape of table is written as rustdoc's are, `///` and a space
/// before its text (the constants of code texts and URLs were `///Every row's …`, a `#[doc]`
/// of no leading space).
#[test]
fn every_doc_comment_has_a_space_before_its_text() {
    let module = generated_module();
    let comments = module.lines().map(str::trim_start).filter(|line| line.starts_with("//"));
    let docs = comments.filter_map(|line| line.strip_prefix("///").or(line.strip_prefix("//!")));
    let bare: Vec<&str> = docs.filter(|text| !text.is_empty() && !text.starts_with(' ')).collect();
    assert!(bare.is_empty(), "{bare:#?}");
    assert!(module.contains("    /// Every row's URL"), "{module}");
}
