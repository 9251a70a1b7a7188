//! The changes of an enum that both APIs have, found by comparing them: rows added, retired
//! and un-retired, codes and name cells changed, codes and names rows come to share, cells
//! changed per column, accessors added, rows in another order, and what the table says of
//! itself (besides the breaks `stability` finds).

use std::borrow::Cow;
use std::collections::BTreeMap;

use rustc_hash::{FxHashMap, FxHashSet};

use super::{EnumChanges, Row, order};
use crate::api::{EnumApi, VariantApi};
use crate::int_code::Codes;
use crate::model::keys::code_id;
use crate::model::{self, same_text};

/// The changes of an enum both APIs have, besides the removals and renames `stability` finds;
/// `both` the code and name of each row both have that a row of `old` or `new` may name, and
/// `moved` the variants found moved, where these are the APIs as far as they differ
/// ([`Differing::shared_rows`](crate::api::Differing::shared_rows),
/// [`Differing::moved`](crate::api::Differing::moved)).
pub(super) fn compare(
    old: &EnumApi,
    new: &EnumApi,
    (both, moved): (&[(String, String)], Option<&[String]>),
    change: &mut EnumChanges,
) {
    // The new API records the type of the codes; integer codes are compared as numbers, as
    // lookups compare them (`0400` is `400`).
    let codes = new.codes();
    change.newly_shared = newly_shared(old, new, both, Lookup::Code { codes });
    // Where the key column names the rows, a name is its code: the codes' line says it.
    let names_are_codes = [&old.variants, &new.variants]
        .into_iter()
        .flatten()
        .all(|variant| variant.name == variant.code)
        && both.iter().all(|(code, name)| code == name);
    if !names_are_codes {
        change.newly_shared_names = newly_shared(old, new, both, Lookup::Name);
    }
    let renamed_to: FxHashSet<String> =
        change.renamed.iter().map(|(_, row)| row.variant.clone()).collect();
    let old_by_name: FxHashMap<&str, &VariantApi> =
        old.variants.iter().map(|variant| (variant.variant.as_str(), variant)).collect();
    // Each new column's index among the old ones, matched once, not per row.
    let old_columns = column_pairs(old, new);
    // Where the columns are the same, equal cells mean nothing changed: most rows.
    let same_columns = old.columns.len() == new.columns.len()
        && old_columns.iter().enumerate().all(|(index, old)| *old == Some(index));
    let mut text: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for variant in &new.variants {
        let row = || Row { variant: variant.variant.clone(), code: variant.code.clone() };
        let Some(before) = old_by_name.get(variant.variant.as_str()) else {
            if !renamed_to.contains(&variant.variant) {
                change.added.push(row());
            }
            continue;
        };
        match (before.retired, variant.retired) {
            (false, true) => change.retired.push(row()),
            (true, false) => change.unretired.push(row()),
            _ => {}
        }
        // A retired row is deprecated as such, whatever its last cells crossed out.
        match (before.crossed_out, variant.crossed_out) {
            (false, true) if !variant.retired => change.crossed_out.push(row()),
            (true, false) if !variant.retired => change.uncrossed.push(row()),
            _ => {}
        }
        if before.code != variant.code {
            let same = code_id(&before.code, codes) == code_id(&variant.code, codes);
            let changed = if same { &mut change.rewritten } else { &mut change.recoded };
            changed.push((row(), before.code.clone()));
        }
        if before.name != variant.name {
            change.names.push((row(), before.name.clone(), variant.name.clone()));
        }
        if same_columns && before.cells == variant.cells {
            continue;
        }
        for column in changed_columns(&old_columns, before, variant) {
            text.entry(column).or_default().push(variant.variant.clone());
        }
    }
    change.text = text
        .into_iter()
        .map(|(column, rows)| (model::column_label(&new.columns[column], column), rows))
        .collect();
    change.added_accessors =
        new.accessors.iter().filter(|method| !old.accessors.contains(method)).cloned().collect();
    change.added_discriminants =
        old.discriminants == Some(false) && new.discriminants == Some(true);
    compare_tables(old, new, &old_columns, change);
    let order = order::reordering(old, new, moved);
    (change.reordered, change.sorts_otherwise) = (order.moved, order.sorts_otherwise);
}

/// Each column of `new`'s index among `old`'s: the column whose header is the same text but
/// for case and spaces, as the manifest matches headers; then, where the accessors are the
/// same (a renamed header whose accessor a pin kept) and as many headers are new as are gone
/// ([`EnumApi::headers_apart`]), the new headers paired with the gone ones in the table's
/// order, as the break gate pairs them.
fn column_pairs(old: &EnumApi, new: &EnumApi) -> Vec<Option<usize>> {
    let mut pairs: Vec<Option<usize>> = new
        .columns
        .iter()
        .map(|header| old.columns.iter().position(|old_header| same_text(old_header, header)))
        .collect();
    let (gone, added) = old.headers_apart(new);
    if old.accessors == new.accessors && gone.len() == added.len() {
        added.into_iter().zip(gone).for_each(|(added, gone)| pairs[added] = Some(gone));
    }
    pairs
}

/// What changed of where the table comes from (`E::TABLE`, `url()`, `help()`), where both
/// snapshots record it, and of its columns (`old_columns`: each new column's index among the
/// old ones): headers written otherwise, and their order.
fn compare_tables(
    old: &EnumApi,
    new: &EnumApi,
    old_columns: &[Option<usize>],
    change: &mut EnumChanges,
) {
    let changed = |was: &String, now: &String| (was != now).then(|| (was.clone(), now.clone()));
    if let (Some(was), Some(now)) = (&old.table, &new.table) {
        change.title_changed = changed(&was.title, &now.title);
        change.url_changed = changed(&was.url, &now.url);
        change.page_moved = changed(&was.page, &now.page);
        change.help_changed = (was.help != now.help).then(|| (was.help.clone(), now.help.clone()));
    }
    // A column's header written otherwise (re-cased, or renamed where a pin kept its
    // accessor): `TABLE.headers` shows the new text.
    for (header, before) in new.columns.iter().zip(old_columns) {
        if let Some(before) = before.filter(|&before| old.columns[before] != *header) {
            change.headers_rewritten.push((old.columns[before].clone(), header.clone()));
        }
    }
    let (was, now) = (normalized(&old.columns), normalized(&new.columns));
    // The same headers in another order; headers added, removed or renamed say so themselves.
    let sorted = |columns: &[String]| {
        let mut columns = columns.to_vec();
        columns.sort_unstable();
        columns
    };
    change.columns_reordered = was != now && sorted(&was) == sorted(&now);
}

/// Each header as headers are matched ([`model::normalize`]).
fn normalized(columns: &[String]) -> Vec<String> {
    columns.iter().map(|header| model::normalize(header)).collect()
}

/// What a lookup finds a row by: its code (compared as a number where the `codes` are
/// integers, as `from_code` compares them) or its name cell (as `from_name` compares it: the
/// text).
#[derive(Clone, Copy)]
enum Lookup {
    Code { codes: Codes },
    Name,
}

impl Lookup {
    /// What a row with `code` and `name` is found by: as written, and as compared.
    fn key<'a>(self, code: &'a str, name: &'a str) -> (&'a str, Cow<'a, str>) {
        match self {
            Lookup::Code { codes } => (code, code_id(code, codes)),
            Lookup::Name => (name, Cow::Borrowed(name)),
        }
    }
}

/// The codes (or names, as `lookup` says) that one row of `old` had alone and several rows of
/// `new` have (retired rows too: lookups find them), the rows of `both` counted on each side:
/// each as that row wrote it, in their order (codes by number where they are integers).
/// Neither depends on which rows `old` and `new` leave to `both`, so the whole APIs and the
/// APIs as far as they differ give the same.
fn newly_shared(
    old: &EnumApi,
    new: &EnumApi,
    both: &[(String, String)],
    lookup: Lookup,
) -> Vec<String> {
    /// Each key's rows among `variants` and `both`, with how the first of them wrote it.
    fn count<'a>(
        variants: &'a [VariantApi],
        both: &'a [(String, String)],
        lookup: Lookup,
    ) -> FxHashMap<Cow<'a, str>, (usize, &'a str)> {
        let mut counts: FxHashMap<Cow<'a, str>, (usize, &'a str)> = FxHashMap::default();
        let rows = variants.iter().map(|variant| (variant.code.as_str(), variant.name.as_str()));
        for (code, name) in
            rows.chain(both.iter().map(|(code, name)| (code.as_str(), name.as_str())))
        {
            let (written, id) = lookup.key(code, name);
            // An empty name cell is no name: `from_name` finds no row by it.
            if matches!(lookup, Lookup::Name) && written.is_empty() {
                continue;
            }
            counts.entry(id).or_insert((0, written)).0 += 1;
        }
        counts
    }
    let (before, now) = (count(&old.variants, both, lookup), count(&new.variants, both, lookup));
    let mut shared: Vec<(&Cow<'_, str>, &str)> = before
        .iter()
        .filter(|(id, (rows, _))| *rows == 1 && now.get(*id).is_some_and(|(rows, _)| *rows > 1))
        .map(|(id, (_, written))| (id, *written))
        .collect();
    // An integer code's id is its number's decimal digits: shorter is smaller.
    let integer = matches!(lookup, Lookup::Code { codes } if codes.is_integer());
    shared.sort_unstable_by_key(|(id, _)| (if integer { id.len() } else { 0 }, *id));
    shared.into_iter().map(|(_, written)| written.to_owned()).collect()
}

/// The columns (indexes into the new columns) whose cell differs between the row before and
/// now, matched by header (`old_columns`: each new column's index among the old ones); the
/// name column, whose change is listed apart, and the key cell, which is the code, are left
/// out. A snapshot written before cells were kept compares nothing.
fn changed_columns(
    old_columns: &[Option<usize>],
    before: &VariantApi,
    now: &VariantApi,
) -> Vec<usize> {
    if before.cells.is_empty() {
        return Vec::new();
    }
    let mut changed = Vec::new();
    for (index, old_index) in old_columns.iter().enumerate() {
        let Some(old_index) = *old_index else { continue };
        let (was, is) = (before.cells.get(old_index), now.cells.get(index));
        let is_name_or_code = is.is_some_and(|cell| **cell == *now.name || **cell == *now.code)
            && was.is_some_and(|cell| **cell == *before.name || **cell == *before.code);
        if was != is && !is_name_or_code {
            changed.push(index);
        }
    }
    changed
}
