//! Stage 11, across the crate: names rustc will warn look alike. Its `confusable_idents` lint
//! warns of two identifiers of a crate, one of them not ASCII, that Unicode's confusable
//! detection (UTS 39's skeletons) reads as one: `Cоde`, with a Cyrillic `о`, and `Code`. Its
//! `mixed_script_confusables` lint warns of a script that a crate uses only in letters that
//! look like Latin ones. Both judge the whole crate, which no module's `#![allow]` silences,
//! and rustc asks the same crate of `unicode-security` for them; so regen warns of them where
//! the names come from, with the pin that avoids them. As in rustc, a crate whose every name
//! is ASCII is not looked at.

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};
use unicode_security::mixed_script::AugmentedScriptSet;
use unicode_security::{GeneralSecurityProfile, is_potential_mixed_script_confusable_char};

use crate::api;
use crate::diagnostics::Diagnostic;
use crate::model::docs::ReadyTable;
use crate::model::help_keys::{self, HelpKeys, Naming};
use crate::model::problems::{CrateName, Place};

/// A name of the generated crate, and where the docs or the manifest give it: `None` for a
/// name every catalog has (`ALL`, `code`).
struct Name<'a> {
    text: &'a str,
    from: Option<From<'a>>,
}

/// Where a name is given: the table's files, the span in the one that gives it, and what the
/// name is.
struct From<'a> {
    place: Place<'a>,
    span: Range<usize>,
    named: Named<'a>,
}

/// What a name is ([`CrateName`]); a variant by its row's code and name cell and the index of
/// its table, the key of its pin found only for a warning ([`Named::crate_name`]).
#[derive(Clone, Copy)]
enum Named<'a> {
    Enum,
    Method { header: &'a str },
    Variant { table: usize, code: &'a str, name: &'a str, retired: bool },
}

impl<'a> Named<'a> {
    /// How a warning names it: a variant by the key that names its row alone among its
    /// table's rows (`keys`, one a table), as every help keys a row: a code that rows share
    /// would be an ambiguous pin.
    fn crate_name<'k>(self, keys: &[HelpKeys<'k, impl Fn() -> Naming<'k>>]) -> CrateName<'a> {
        match self {
            Named::Enum => CrateName::Enum,
            Named::Method { header } => CrateName::Method { header },
            Named::Variant { table, code, name, retired } => {
                CrateName::Variant { key: keys[table].of(code, name), retired }
            }
        }
    }
}

/// The keys of each table's rows for a pin ([`HelpKeys`]), counted where a warning needs one:
/// few catalogs have a name that looks like another.
fn pin_keys<'a, 't>(tables: &'a [ReadyTable<'t>]) -> Vec<HelpKeys<'a, impl Fn() -> Naming<'a>>> {
    let keys = |table: &'a ReadyTable<'t>| {
        let codes = table.spec.codes();
        HelpKeys::new(move || help_keys::named_naming(&table.rows, table.columns.name, codes))
    };
    tables.iter().map(keys).collect()
}

/// Pushes a warning for each name of `tables` that rustc will warn of as looking like another,
/// or as written in a script used only in letters that look Latin.
pub fn check(tables: &[ReadyTable<'_>], problems: &mut Vec<Diagnostic>) {
    // Most catalogs' names are all ASCII: asked of the names alone, nothing else is made.
    let ascii = |table: &ReadyTable<'_>| {
        let mut accessors = table.columns.list.iter().filter_map(|column| column.accessor.as_ref());
        table.enum_name.is_ascii()
            && accessors.all(|accessor| accessor.is_ascii())
            && table.rows.iter().all(|row| row.ident.is_ascii())
    };
    if tables.iter().all(ascii) {
        return;
    }
    let (names, keys) = (names(tables), pin_keys(tables));
    look_alike_pairs(&names, &keys, problems);
    scripts_only_in_look_alikes(&names, &keys, problems);
}

/// Every name of the generated crate that the docs or the manifest give, in manifest and
/// document order, after those every catalog has.
fn names<'a>(tables: &'a [ReadyTable<'_>]) -> Vec<Name<'a>> {
    let fixed = api::INHERENT_ITEMS.iter().chain(api::TRAIT_METHODS);
    let mut names: Vec<Name<'a>> = fixed.map(|text| Name { text, from: None }).collect();
    for (index, table) in tables.iter().enumerate() {
        let place = Place { manifest: table.manifest_path, page: &table.page.path };
        let enum_span = table.spec.enum_name.span();
        let from = From { place, span: enum_span.clone(), named: Named::Enum };
        names.push(Name { text: table.enum_name.as_str(), from: Some(from) });
        for (column, cell) in table.columns.list.iter().zip(&table.table.header) {
            let Some(accessor) = &column.accessor else { continue };
            let named = Named::Method { header: &cell.text };
            let from = From { place, span: cell.span.clone(), named };
            names.push(Name { text: accessor.trim_start_matches("r#"), from: Some(from) });
        }
        for row in &table.rows {
            // A retired row is named where the manifest retires it; its cells left the page.
            let retired = row.page_row.is_none();
            let span = match retired {
                false => row.row.cells()[table.columns.name].span.clone(),
                true => enum_span.clone(),
            };
            let (code, name) = (row.key_text.as_str(), &*row.row.cells()[table.columns.name].text);
            let named = Named::Variant { table: index, code, name, retired };
            names.push(Name { text: row.ident.as_str(), from: Some(From { place, span, named }) });
        }
    }
    names
}

/// `confusable_idents`: a name whose skeleton another name, written otherwise, has too, one
/// of the two not ASCII. Warned of at the name that is not ASCII (the later where both are not).
fn look_alike_pairs<'k>(
    names: &[Name<'_>],
    keys: &[HelpKeys<'k, impl Fn() -> Naming<'k>>],
    problems: &mut Vec<Diagnostic>,
) {
    let mut by_skeleton: FxHashMap<String, usize> = FxHashMap::default();
    // rustc sees a name written the same in two places (a variant of two enums) once.
    let mut seen = FxHashSet::default();
    for (index, name) in names.iter().enumerate() {
        if !seen.insert(name.text) {
            continue;
        }
        let skeleton: String = unicode_security::skeleton(name.text).collect();
        let Some(&first) = by_skeleton.get(&skeleton) else {
            by_skeleton.insert(skeleton, index);
            continue;
        };
        let other = &names[first];
        if other.text == name.text || (other.text.is_ascii() && name.text.is_ascii()) {
            continue;
        }
        let (warned, like) = if name.text.is_ascii() { (other, name) } else { (name, other) };
        if let Some(from) = &warned.from {
            let span = from.span.clone();
            let named = from.named.crate_name(keys);
            problems.push(from.place.looks_alike(span, named, warned.text, like.text));
        }
    }
}

/// How a script is used by the crate's names so far: only in letters that look like Latin
/// ones (those letters, and the first name with one), or in others too.
enum Usage {
    Suspicious(Vec<char>, usize),
    Verified,
}

/// `mixed_script_confusables`: a script (an augmented script set, as UTS 39 groups them) that
/// the crate's names use only in letters that look like Latin ones, and that shares no script
/// with one they use otherwise. Warned of at the first name that uses it, as rustc does.
fn scripts_only_in_look_alikes<'k>(
    names: &[Name<'_>],
    keys: &[HelpKeys<'k, impl Fn() -> Naming<'k>>],
    problems: &mut Vec<Diagnostic>,
) {
    let mut scripts = vec![(AugmentedScriptSet::for_char('A'), Usage::Verified)];
    for (index, name) in names.iter().enumerate() {
        // ASCII letters are Latin, and a character rustc flags as uncommon is left to that
        // lint (no name made from the docs has one).
        let chars = name.text.chars();
        for c in chars.filter(|&c| !c.is_ascii() && GeneralSecurityProfile::identifier_allowed(c)) {
            let set = AugmentedScriptSet::for_char(c);
            let looks_latin = is_potential_mixed_script_confusable_char(c);
            match scripts.iter_mut().find(|(known, _)| *known == set) {
                Some((_, Usage::Suspicious(chars, _))) if looks_latin => chars.push(c),
                Some((_, usage @ Usage::Suspicious(..))) => *usage = Usage::Verified,
                Some((_, Usage::Verified)) => {}
                None if looks_latin => scripts.push((set, Usage::Suspicious(vec![c], index))),
                None => scripts.push((set, Usage::Verified)),
            }
        }
    }
    let verified: Vec<AugmentedScriptSet> = scripts
        .iter()
        .filter(|(set, usage)| matches!(usage, Usage::Verified) && !set.is_all())
        .map(|(set, _)| *set)
        .collect();
    for (set, usage) in &scripts {
        let Usage::Suspicious(chars, first) = usage else { continue };
        let shares_a_used_script = |known: &AugmentedScriptSet| {
            let mut shared = *known;
            shared.intersect_with(*set);
            !shared.is_empty() && !shared.is_all()
        };
        if set.is_all() || verified.iter().any(shares_a_used_script) {
            continue;
        }
        let Some(from) = &names[*first].from else { continue };
        let mut chars = chars.clone();
        chars.sort_unstable();
        chars.dedup();
        let (span, script) = (from.span.clone(), set.to_string());
        let named = from.named.crate_name(keys);
        problems.push(from.place.script_only_in_look_alikes(span, named, &script, &chars));
    }
}
