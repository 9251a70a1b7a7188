//! Stage 10, across the crate: names rustc will warn look alike. Its `confusable_idents` lint
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
use crate::diagnostics::{Diagnostic, Label};
use crate::model::docs::ReadyTable;

/// A name of the generated crate, and where the docs or the manifest give it: `None` for a
/// name every catalog has (`ALL`, `code`).
struct Name<'a> {
    text: &'a str,
    from: Option<From<'a>>,
}

/// Where a name is given: the file, the span, and what the name is.
struct From<'a> {
    path: &'a str,
    span: Range<usize>,
    what: Given<'a>,
}

/// What a name is, with what the manifest pins another by.
enum Given<'a> {
    Enum,
    /// A column's method, by its header.
    Method(&'a str),
    /// A row's variant, by its code as written.
    Variant(&'a str),
}

impl Given<'_> {
    fn noun(&self) -> &'static str {
        match self {
            Given::Enum => "enum",
            Given::Method(_) => "method",
            Given::Variant(_) => "variant",
        }
    }

    /// The help that names it otherwise.
    fn help(&self) -> String {
        match self {
            Given::Enum => "name it otherwise in the manifest".to_owned(),
            Given::Method(header) => {
                format!("pin another name: `accessors = {{ \"{header}\" = \"...\" }}`")
            }
            Given::Variant(code) => {
                format!("pin another name: `variants = {{ \"{code}\" = \"...\" }}`")
            }
        }
    }
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
    let names = names(tables);
    look_alike_pairs(&names, problems);
    scripts_only_in_look_alikes(&names, problems);
}

/// Every name of the generated crate that the docs or the manifest give, in manifest and
/// document order, after those every catalog has.
fn names<'a>(tables: &'a [ReadyTable<'_>]) -> Vec<Name<'a>> {
    let fixed = api::INHERENT_ITEMS.iter().chain(api::TRAIT_METHODS);
    let mut names: Vec<Name<'a>> = fixed.map(|text| Name { text, from: None }).collect();
    for table in tables {
        let in_manifest =
            |what| From { path: table.manifest_path, span: table.spec.enum_name.span(), what };
        names.push(Name { text: table.enum_name.as_str(), from: Some(in_manifest(Given::Enum)) });
        for (column, cell) in table.columns.list.iter().zip(&table.table.header) {
            let Some(accessor) = &column.accessor else { continue };
            let what = Given::Method(&cell.text);
            let from = From { path: &table.page.path, span: cell.span.clone(), what };
            names.push(Name { text: accessor.trim_start_matches("r#"), from: Some(from) });
        }
        for row in &table.rows {
            let what = Given::Variant(&row.key_text);
            // A retired row is named where the manifest retires it; its cells left the page.
            let from = match row.page_row {
                Some(_) => {
                    let span = row.row.cells()[table.columns.name].span.clone();
                    From { path: &table.page.path, span, what }
                }
                None => in_manifest(what),
            };
            names.push(Name { text: row.ident.as_str(), from: Some(from) });
        }
    }
    names
}

/// `confusable_idents`: a name whose skeleton another name, written otherwise, has too, one
/// of the two not ASCII. Warned of at the name that is not ASCII (the later where both are not).
fn look_alike_pairs(names: &[Name<'_>], problems: &mut Vec<Diagnostic>) {
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
            let message = format!(
                "rustc will warn that the {} name `{}` looks like `{}` (`confusable_idents`)",
                from.what.noun(),
                warned.text,
                like.text
            );
            problems.push(warning(message, from));
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
fn scripts_only_in_look_alikes(names: &[Name<'_>], problems: &mut Vec<Diagnostic>) {
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
        let listed: Vec<String> =
            chars.iter().map(|c| format!("`{c}` (U+{:04X})", u32::from(*c))).collect();
        let message = format!(
            "rustc will warn that the crate's names use the script {set} only in letters that \
             look like Latin ones, {} (`mixed_script_confusables`)",
            listed.join(", ")
        );
        problems.push(warning(message, from));
    }
}

/// The warning `message` about the name given at `from`.
fn warning(message: String, from: &From<'_>) -> Diagnostic {
    let label = format!("{} named here", from.what.noun());
    Diagnostic::warning(message)
        .with_label(Label::primary(from.path, from.span.clone(), &label))
        .with_help(from.what.help())
}
