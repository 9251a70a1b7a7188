//! Stage 1: every page the manifest names, parsed once however many tables it has.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::diagnostics::Diagnostic;
use crate::manifest::Manifest;
use crate::markdown::{self, Page};
use crate::model::problems::Place;
use crate::rustdoc;
use crate::source::{PageText, Pages};

/// A page read into tables, with its path as shown.
#[derive(Debug)]
pub struct ParsedPage<'a> {
    /// The page's path as shown to the user.
    pub path: String,
    /// The parsed page.
    pub page: Page<'a>,
    /// The page's text, shared: the rustdoc of its enums' variants reads their cells from it.
    pub text: Arc<String>,
}

/// The pages of `manifest` that could be read, by their `page` value; a problem for each that
/// could not.
pub fn parse<'a>(
    manifest_path: &str,
    manifest: &'a Manifest,
    pages: &'a Pages,
    problems: &mut Vec<Diagnostic>,
) -> BTreeMap<&'a str, ParsedPage<'a>> {
    let mut parsed = BTreeMap::new();
    let mut reported = Vec::new();
    for spec in &manifest.tables {
        let key = spec.page.get_ref().as_str();
        if parsed.contains_key(key) || reported.contains(&key) {
            continue;
        }
        let place = Place { manifest: manifest_path, page: key };
        match pages.get(key) {
            Some(PageText { text: Ok(text), path }) => {
                // Cells keep what rustdoc needs to rewrite them: their edits where they serve
                // against every URL the page is published at, their events otherwise.
                let mut tables = manifest.tables.iter().filter(|t| t.page.get_ref() == key);
                let plain_base = tables.all(|t| rustdoc::edits_serve_at(t.url.get_ref()));
                let page = markdown::parse_keeping(text, || rustdoc::Keeper::new(plain_base));
                parsed.insert(key, ParsedPage { path: path.clone(), page, text: Arc::clone(text) });
            }
            Some(PageText { text: Err(reason), .. }) => {
                problems.push(place.page_unreadable(spec.page.span(), key, reason));
                reported.push(key);
            }
            None => {
                problems.push(place.page_not_loaded(spec.page.span(), key));
                reported.push(key);
            }
        }
    }
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::pages_in_memory;

    #[test]
    fn each_page_is_parsed_once_and_unreadable_ones_are_problems() {
        let table = "[[table]]\nurl = \"https://x.test/\"\nkey-column = \"c\"\nkey-type = \"u8\"\n";
        let manifest = format!(
            "output = \"o\"\n{table}page = \"a.md\"\nmodule = \"a\"\nenum = \"A\"\n\
             {table}page = \"a.md\"\nmodule = \"a\"\nenum = \"B\"\n\
             {table}page = \"gone.md\"\nmodule = \"c\"\nenum = \"C\"\n"
        );
        let manifest = crate::manifest::parse("m.toml", &manifest).unwrap();
        let pages = pages_in_memory([("a.md", "| c |\n|---|\n| 1 |\n")]);
        let mut problems = Vec::new();
        let parsed = parse("m.toml", &manifest, &pages, &mut problems);
        assert_eq!(parsed.keys().copied().collect::<Vec<_>>(), ["a.md"]);
        assert_eq!(parsed["a.md"].page.tables.len(), 1);
        let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(messages, ["page `gone.md` was not loaded"]);
    }
}
