//! Stage 8: each row's variant name. A pinned name is used as written; otherwise the name cell
//! (or, where it yields nothing, the code) is made an identifier by [`naming`]; names that
//! several rows give take their code as a suffix (`DiskFull1050`); anything that still
//! collides is a problem naming the pin that fixes it.
//!
//! A pin's key is the code as written or the name cell's text (where rows share a code, the
//! name is what tells them apart).

use std::borrow::Cow;

use rustc_hash::{FxBuildHasher, FxHashMap};
use toml::Spanned;

use crate::diagnostics::Diagnostic;
use crate::manifest::TableSpec;
use crate::model::Key;
use crate::model::columns::Columns;
use crate::model::keys::{KeyedRow, Retiring};
use crate::model::problems::Place;
use crate::naming::{self, Identifier};
use crate::parallel;

/// A row with its code and variant name.
#[derive(Debug)]
pub struct NamedRow<'a> {
    /// The variant's identifier.
    pub ident: Identifier,
    /// The parsed code.
    pub key: Key,
    /// The code as written.
    pub key_text: String,
    /// The row: the page's, or a retired row's last documented cells.
    pub row: Cow<'a, crate::markdown::Row<'a>>,
    /// The row's index among the page table's rows; `None` for a retired row.
    pub page_row: Option<usize>,
    /// Where the row is retired, why: boxed, as few rows are, so that a named row is no
    /// larger than a [`KeyedRow`] and takes its place (see [`assign`]).
    pub retiring: Option<Box<Retiring<'a>>>,
}

/// Names every row; problems for pins that match no row or several, and for names that are
/// empty or collide.
pub fn assign<'a>(
    place: &Place<'_>,
    spec: &TableSpec,
    columns: &Columns,
    rows: Vec<KeyedRow<'a>>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<NamedRow<'a>> {
    fn cell<'k>(keyed: &'k KeyedRow<'_>, column: usize) -> &'k str {
        &keyed.row.cells[column].text
    }
    let pins_row =
        |pin: &str, keyed: &KeyedRow<'_>| keyed.key_text == pin || cell(keyed, columns.name) == pin;
    check_pins(place, spec, &rows, pins_row, problems);
    let pin_for = |keyed: &KeyedRow<'_>| -> Option<&Spanned<String>> {
        spec.variants.iter().find_map(|(key, name)| pins_row(key.get_ref(), keyed).then_some(name))
    };
    let suffix = spec.strip_suffix.as_ref().map(|s| s.get_ref().as_str());
    // Names are made once per distinct name cell, on every core where there are many: where
    // rows repeat a name (the reason names get suffixes), the case conversion, a tenth of
    // regen's instructions at 20k rows of few names, is not done again; and each thread
    // converts each word once (`VariantNames`). The map is sized for every row, as a real
    // catalog's names mostly differ.
    let mut distinct: FxHashMap<&str, usize> =
        FxHashMap::with_capacity_and_hasher(rows.len(), FxBuildHasher);
    let mut texts: Vec<&str> = Vec::new();
    // Each row with the index of its name cell's text in `texts`, found once.
    let rows_texts: Vec<(&KeyedRow<'_>, usize)> = rows
        .iter()
        .map(|keyed| {
            let text = cell(keyed, columns.name);
            let index = *distinct.entry(text).or_insert_with(|| {
                texts.push(text);
                texts.len() - 1
            });
            (keyed, index)
        })
        .collect();
    let made = parallel::map_with(&texts, naming::VariantNames::default, |names, text| {
        names.variant_name(text, suffix)
    });
    // Each row's name before suffixes, and whether it is kept as it is (pinned).
    let unsuffixed: Vec<(Cow<'_, str>, bool)> = parallel::map(&rows_texts, |&(keyed, text)| {
        // A retired row keeps the name it had, as if pinned.
        if let Some(retiring) = &keyed.retiring {
            return (Cow::Borrowed(retiring.ident.as_str()), true);
        }
        match (pin_for(keyed), made[text].as_str()) {
            (Some(name), _) => (Cow::Borrowed(name.get_ref().as_str()), true),
            (None, "") => (Cow::Owned(naming::variant_name(&keyed.key_text, None)), false),
            (None, made) => (Cow::Borrowed(made), false),
        }
    });
    let names = suffix_repeated(&unsuffixed, &rows);
    check_collisions(place, spec.shared_codes, &names, &rows, columns, problems);
    // A name that is not an identifier has been reported (by stage 2 where pinned in the
    // manifest, above otherwise), so its row is dropped: the table has an error and goes no
    // further.
    // Collected into the keyed rows' own memory (a named row is no larger, which a test
    // checks): at 200k rows, a vector of its own was tens of megabytes of fresh memory.
    rows.into_iter()
        .zip(names)
        .filter_map(|(keyed, (ident, _))| {
            Some(NamedRow {
                ident: ident.ok()?,
                key: keyed.key,
                key_text: keyed.key_text,
                row: keyed.row,
                page_row: keyed.page_row,
                retiring: keyed.retiring.map(Box::new),
            })
        })
        .collect()
}

/// What a pin for a row is keyed by: its code as written, or where rows share codes, its name.
pub fn pin_key<'r>(shared_codes: bool, code: &'r str, name: &'r str) -> &'r str {
    if shared_codes { name } else { code }
}

/// Every pin must name exactly one row.
fn check_pins(
    place: &Place<'_>,
    spec: &TableSpec,
    rows: &[KeyedRow<'_>],
    pins_row: impl Fn(&str, &KeyedRow<'_>) -> bool,
    problems: &mut Vec<Diagnostic>,
) {
    for key in spec.variants.keys() {
        let matching = rows.iter().filter(|keyed| pins_row(key.get_ref(), keyed)).count();
        match matching {
            0 => problems.push(place.pin_without_row(key.span(), key.get_ref())),
            1 => {}
            _ => problems.push(place.ambiguous_pin(key.span(), key.get_ref(), matching)),
        }
    }
}

/// Every row's name, where it is an identifier (the text back where not), and whether it is
/// pinned: unpinned names that more than one row gives take the row's code as a suffix.
fn suffix_repeated(
    unsuffixed: &[(Cow<'_, str>, bool)],
    rows: &[KeyedRow<'_>],
) -> Vec<(Result<Identifier, String>, bool)> {
    // Lookups only, never iterated: hash maps keep the output independent of their order.
    let mut count: FxHashMap<&str, usize> =
        FxHashMap::with_capacity_and_hasher(unsuffixed.len(), FxBuildHasher);
    for (name, _) in unsuffixed {
        *count.entry(name).or_default() += 1;
    }
    // Each name is made once, at its size, on every core where rows are many: where most
    // names repeat (a large table of few words), each suffix is a case conversion of the code,
    // asked of heck once per shape of code on each core (`Disambiguators`).
    let rows: Vec<_> = unsuffixed.iter().zip(rows).collect();
    let disambiguators = naming::Disambiguators::default;
    parallel::map_with(&rows, disambiguators, |disambiguators, &((name, pinned), keyed)| {
        let name = if !pinned && count[name.as_ref()] > 1 {
            let mut suffixed = String::with_capacity(name.len() + keyed.key_text.len());
            suffixed.push_str(name);
            disambiguators.push_to(&keyed.key_text, &mut suffixed);
            suffixed
        } else {
            name.clone().into_owned()
        };
        (Identifier::try_from(name), *pinned)
    })
}

/// A problem for each name that is empty or that an earlier row already has.
fn check_collisions(
    place: &Place<'_>,
    shared_codes: bool,
    names: &[(Result<Identifier, String>, bool)],
    rows: &[KeyedRow<'_>],
    columns: &Columns,
    problems: &mut Vec<Diagnostic>,
) {
    let mut first: FxHashMap<&str, usize> =
        FxHashMap::with_capacity_and_hasher(names.len(), FxBuildHasher);
    for (index, ((name, pinned), keyed)) in names.iter().zip(rows).enumerate() {
        let cell = &keyed.row.cells[columns.name];
        let pin_key = pin_key(shared_codes, &keyed.key_text, &cell.text);
        // Stage 2 reported a manifest pin that is not an identifier; a retired row's name comes
        // from the snapshot, which nothing checked before.
        let reported = *pinned && keyed.retiring.is_none();
        let Ok(name) = name else {
            if !reported {
                problems.push(place.no_variant_name(cell.span.clone(), &cell.text, pin_key));
            }
            continue;
        };
        if let Some(&earlier) = first.get(name.as_str()) {
            let earlier = rows[earlier].row.cells[columns.name].span.clone();
            problems.push(place.duplicate_variant(cell.span.clone(), earlier, name, pin_key));
        } else {
            first.insert(name, index);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown;
    use crate::model::testing::{PLACE, keyed_rows, spec};

    fn name_page(page: &str, options: &str) -> Result<Vec<String>, Vec<String>> {
        let page = markdown::parse(page);
        let table = &page.tables[0];
        let rows = keyed_rows(table);
        let spec = spec(&format!("key-column = \"c\"\nkey-type = \"u16\"\n{options}"));
        let columns = Columns { key: 0, name: 1, list: Vec::new(), help: None };
        let mut problems = Vec::new();
        let rows = assign(&PLACE, &spec, &columns, rows, &mut problems);
        if problems.is_empty() {
            Ok(rows.into_iter().map(|row| row.ident.to_string()).collect())
        } else {
            Err(problems.into_iter().map(|problem| problem.message).collect())
        }
    }

    const DISKS: &str = "| c | n |\n|---|---|\n| 1010 | Input Error |\n| 1050 | Disk Full |\n\
                         | 1507 | Disk Full |\n| 9 | ??? |\n";

    #[test]
    fn repeated_names_take_their_code_and_empty_ones_fall_back_to_it() {
        assert_eq!(
            name_page(DISKS, "").unwrap(),
            ["InputError", "DiskFull1050", "DiskFull1507", "_9"]
        );
    }

    #[test]
    fn named_rows_take_the_keyed_rows_memory() {
        let page = markdown::parse(DISKS);
        let rows = keyed_rows(&page.tables[0]);
        let keyed_at = rows.as_ptr().addr();
        let spec = spec("key-column = \"c\"\nkey-type = \"u16\"\n");
        let columns = Columns { key: 0, name: 1, list: Vec::new(), help: None };
        let named = assign(&PLACE, &spec, &columns, rows, &mut Vec::new());
        assert_eq!(named.as_ptr().addr(), keyed_at);
        // And so do the variants made of them (`docs::enum_model`): std collects in place
        // where the new item is no larger and no more aligned.
        assert!(size_of::<crate::model::Variant>() <= size_of::<NamedRow<'_>>());
        assert!(align_of::<crate::model::Variant>() <= align_of::<NamedRow<'_>>());
    }

    #[test]
    fn pins_are_used_as_written_and_never_suffixed() {
        let names = name_page(DISKS, "variants = { \"1050\" = \"DiskFull\" }").unwrap();
        assert_eq!(names, ["InputError", "DiskFull", "DiskFull1507", "_9"]);
    }

    #[test]
    fn pins_must_match_one_row_and_names_must_not_collide() {
        let problems =
            name_page(DISKS, "variants = { \"7\" = \"A\", \"1010\" = \"B\", \"1507\" = \"B\" }")
                .unwrap_err();
        assert_eq!(
            problems,
            [
                "a variant name is pinned for the code `7`, which the table does not have",
                "two rows generate the variant `B`",
            ]
        );
    }
}
