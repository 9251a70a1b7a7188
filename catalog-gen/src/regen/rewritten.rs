//! Which enums of a module written otherwise were: for the changelog's line of an enum whose
//! API snapshot rows did not change (its docs' links or formatting, the page's prose), which a
//! module of several enums gave each of its enums where one enum's cell changed.

use std::cell::RefCell;
use std::collections::BTreeMap;

use crate::api::CatalogApi;
use crate::emit;
use crate::sync::Change;

/// The modules updated by a regen, each read again, where it has several enums, to tell
/// which of them it writes otherwise.
pub struct Rewritten<'c> {
    /// Each updated file's change, by its path: only files written otherwise, since a module
    /// new or gone is an enum added, moved or removed, which the changelog lists.
    updated: BTreeMap<&'c str, &'c Change>,
    /// How many enums each module has, in the new API.
    enums: BTreeMap<&'c str, usize>,
    /// By module, what [`written_otherwise`](Self::written_otherwise) read: `None` where
    /// the old text could not be read or split, so that every enum counts as written
    /// otherwise, as it did before.
    read: RefCell<BTreeMap<String, Option<Sections>>>,
}

/// What a module's old and new texts say of its parts.
struct Sections {
    /// Whether the part before the first enum (the module's docs and attributes) differs.
    head: bool,
    /// The enums whose part (docs, items and impls, up to the next enum) differs, or that one
    /// text has and the other not.
    enums: Vec<String>,
}

impl<'c> Rewritten<'c> {
    /// The modules `changes` update, with their enums as `api` has them.
    pub fn new(changes: &'c [Change], api: &'c CatalogApi) -> Self {
        let updated = changes
            .iter()
            .filter(|change| matches!(change, Change::Update { .. }))
            .map(|change| (change.path(), change))
            .collect();
        let mut enums = BTreeMap::new();
        for enum_api in api.enums.values() {
            *enums.entry(enum_api.module.as_str()).or_default() += 1;
        }
        Rewritten { updated, enums, read: RefCell::default() }
    }

    /// Whether the file of `module` is written otherwise.
    pub fn is_rewritten(&self, module: &str) -> bool {
        self.updated.contains_key(emit::module_file(module).as_str())
    }

    /// Whether the module's file is written otherwise where it holds the enum `name`: its
    /// part of the file, or the module's docs, which are every enum's. A module of one enum
    /// is read no further.
    pub fn written_otherwise(&self, module: &str, name: &str) -> bool {
        let Some(change) = self.updated.get(emit::module_file(module).as_str()) else {
            return false;
        };
        if self.enums.get(module).copied().unwrap_or(0) < 2 {
            return true;
        }
        let mut read = self.read.borrow_mut();
        let sections = read.entry(module.to_owned()).or_insert_with(|| compare(change));
        match sections {
            Some(sections) => sections.head || sections.enums.iter().any(|changed| changed == name),
            None => true,
        }
    }
}

/// The parts of an updated module's old and new texts that differ.
fn compare(change: &Change) -> Option<Sections> {
    let Change::Update { old, new, .. } = change else { return None };
    let old = old.read().ok()?.replace("\r\n", "\n");
    let new = new.as_one_str();
    let (old_head, old_enums) = split(&old)?;
    let (new_head, new_enums) = split(&new)?;
    let mut enums: Vec<String> = (new_enums.iter())
        .filter(|(name, part)| old_enums.get(*name) != Some(part))
        .map(|(name, _)| (*name).to_owned())
        .collect();
    enums.extend(
        old_enums
            .keys()
            .filter(|name| !new_enums.contains_key(*name))
            .map(|name| (*name).to_owned()),
    );
    Some(Sections { head: old_head != new_head, enums })
}

/// A generated module's text as the part before its first enum and each enum's part, by the
/// enum's name: from the docs and attributes above its `pub enum` line to those of the next
/// enum. `None` where a `pub enum` line has no name.
fn split(text: &str) -> Option<(&str, BTreeMap<&str, &str>)> {
    // Each line's start, and the enums' lines, at the left margin as prettyplease writes items.
    let mut starts = Vec::new();
    let mut enums = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix("pub enum ") {
            let name = rest.split([' ', '{', '<']).next().filter(|name| !name.is_empty())?;
            enums.push((starts.len(), name));
        }
        starts.push(at);
        at += line.len();
    }
    // An enum's part starts at the first of the doc comments and attributes above it.
    let is_above = |line: usize| {
        let end = starts.get(line + 1).copied().unwrap_or(text.len());
        let line = &text[starts[line]..end];
        line.starts_with("///") || line.starts_with("#[")
    };
    let mut part_starts: Vec<(usize, &str)> = Vec::with_capacity(enums.len());
    for (line, name) in enums {
        let mut first = line;
        while first > 0 && is_above(first - 1) {
            first -= 1;
        }
        part_starts.push((starts[first], name));
    }
    let head_end = part_starts.first().map_or(text.len(), |(start, _)| *start);
    let mut parts = BTreeMap::new();
    for (index, (start, name)) in part_starts.iter().enumerate() {
        let end = part_starts.get(index + 1).map_or(text.len(), |(next, _)| *next);
        parts.insert(*name, &text[*start..end]);
    }
    Some((&text[..head_end], parts))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MODULE: &str = "// header\n\n//! # Page\n#![allow(x)]\n/// A\n///\n/// More.\n\
                          #[derive(Clone)]\n#[repr(u8)]\npub enum A {\n    /// 1\n    One = 1,\n}\n\
                          impl A {}\n::rt::impl_entry!(A, u8);\n/// B\n#[derive(Clone)]\n\
                          pub enum B {\n    Two,\n}\nimpl B {}\n";

    #[test]
    fn a_module_splits_at_the_docs_above_each_enum() {
        let (head, parts) = split(MODULE).unwrap();
        assert_eq!(head, "// header\n\n//! # Page\n#![allow(x)]\n");
        assert!(parts["A"].starts_with("/// A\n///\n/// More.\n#[derive(Clone)]"));
        assert!(parts["A"].ends_with("::rt::impl_entry!(A, u8);\n"));
        assert_eq!(parts["B"], "/// B\n#[derive(Clone)]\npub enum B {\n    Two,\n}\nimpl B {}\n");
        assert_eq!(head.len() + parts.values().map(|part| part.len()).sum::<usize>(), MODULE.len());
    }
}
