//! Stage 8: every row can be told apart. Without `shared-codes` no code is used twice; with
//! it, no code and name together are, and each row is still found by its code or its name.
//! A row that repeats an earlier one in every cell is read once, with a warning: it is the
//! same row copied twice upstream, and the page's text is not ours to fix.

use std::cmp::Ordering;
use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::{FxBuildHasher, FxHashMap};

use crate::api::{EnumApi, VariantApi};
use crate::diagnostics::Diagnostic;
use crate::manifest::TableSpec;
use crate::model::Key;
use crate::model::columns::Columns;
use crate::model::facts::key_order;
use crate::model::keys::{Code, KeyedRow};
use crate::model::problems::{Place, RowAt, TellsApart};
use crate::model::skip::Offers;
use crate::model::{names, retired};
use crate::naming;

/// The rows that repeat no earlier row; a problem for each that does (a warning where it
/// repeats the row in every cell of `source`, the page). `previous`, the enum's API in the
/// snapshot, tells a retired row's help whether the page's row of its code is a row the
/// snapshot has, or may be the retired one back.
pub fn check<'a>(
    place: &Place<'_>,
    source: &str,
    (spec, columns): (&TableSpec, &Columns),
    previous: Option<&EnumApi>,
    mut rows: Vec<KeyedRow<'a>>,
    offers: &mut Offers<'_>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<KeyedRow<'a>> {
    // Codes each after the one before in lookup order, as pages usually list them, are all
    // different: no row repeats another, and every row is found by its code. One pass over
    // neighbours tells, where a map of every row's code was at 200k rows several megabytes
    // of fresh memory and a cache miss a row.
    if all_codes_differ(&rows) {
        return rows;
    }
    let shared_codes = spec.shared_codes;
    let repeats = repeats(place, (source, previous), (spec, columns), &rows, offers, problems);
    // The rows are kept where they are: at 200k rows, a second vector of them would be
    // tens of megabytes of fresh memory, which costs more time than filtering.
    if !repeats.is_empty() {
        let mut repeats = repeats.iter().copied().peekable();
        let mut index = 0;
        rows.retain(|_| {
            let repeated = repeats.next_if_eq(&index).is_some();
            index += 1;
            !repeated
        });
    }
    if shared_codes {
        check_identifiable(place, spec, columns, &rows, problems);
    }
    rows
}

/// Whether `rows` have codes that all differ, told without a map of them: the page's rows each
/// after the one before in lookup order, and the rows the manifest retires after them (out of
/// that order, and few) each looked for among them and among each other.
fn all_codes_differ(rows: &[KeyedRow<'_>]) -> bool {
    let page_rows = rows.iter().take_while(|row| row.page_row.is_some()).count();
    let (page, retired) = rows.split_at(page_rows);
    let in_order = |pair: &[KeyedRow<'_>]| key_order(&pair[0].key, &pair[1].key) == Ordering::Less;
    if !page.windows(2).all(in_order) {
        return false;
    }
    retired.iter().enumerate().all(|(index, row)| {
        let on_page = page.binary_search_by(|page_row| key_order(&page_row.key, &row.key));
        let retired_before = retired[..index].iter().any(|before| before.key == row.key);
        on_page.is_err() && !retired_before
    })
}

/// The indices, in order, of the rows that repeat an earlier row's code (or with shared
/// codes, its code and name); a problem for each.
fn repeats(
    place: &Place<'_>,
    (source, previous): (&str, Option<&EnumApi>),
    (spec, columns): (&TableSpec, &Columns),
    rows: &[KeyedRow<'_>],
    offers: &mut Offers<'_>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<usize> {
    // The index of the row where each code was first seen, or with shared codes, each code
    // and name. Lookups only, never iterated: the hash map's order cannot reach the output.
    let mut first: FxHashMap<(&Key, Option<&str>), usize> =
        FxHashMap::with_capacity_and_hasher(rows.len(), FxBuildHasher);
    let mut repeats = Vec::new();
    // How shared codes would name the rows, worked out at the first repeat that needs it,
    // which is an error: never where regen succeeds.
    let mut names = None;
    for (index, keyed) in rows.iter().enumerate() {
        let name = &*keyed.row.cells()[columns.name].text;
        let identity = (&keyed.key, spec.shared_codes.then_some(name));
        let earlier = match first.entry(identity) {
            Entry::Occupied(earlier) => &rows[*earlier.get()],
            Entry::Vacant(slot) => {
                slot.insert(index);
                continue;
            }
        };
        let problem = if is_copy(source, earlier, keyed) {
            let span = |row: &KeyedRow<'_>| row.row.cells()[columns.key].span.clone();
            place.repeated_row(span(keyed), span(earlier), &keyed.key_text)
        } else {
            let telling = (source, rows, &mut names);
            repeat(place, previous, (spec, columns), telling, (earlier, keyed), offers)
        };
        problems.push(problem);
        repeats.push(index);
    }
    repeats
}

/// Whether `later` is `earlier` again, both rows of the page: every cell written the same in
/// `source` (links and formatting too, not only the text they show), and missing the same.
fn is_copy(source: &str, earlier: &KeyedRow<'_>, later: &KeyedRow<'_>) -> bool {
    let (Some(_), Some(_)) = (earlier.page_row, later.page_row) else {
        return false;
    };
    written(source, earlier) == written(source, later)
}

/// How `row`'s cells are written in `source`, and whether each is missing: what a copy of
/// the row repeats ([`is_copy`]).
fn written<'s>(source: &'s str, row: &KeyedRow<'_>) -> Vec<(&'s str, bool)> {
    row.row.cells().iter().map(|cell| (&source[cell.markdown.clone()], cell.missing)).collect()
}

/// What tells `earlier` and `later`, two rows of one code, apart: their names where the
/// table has a `name-column`; where their key cells would name them, sharing a code
/// ([`names::shared_rows_named_by_key_cells`]), those cells; or else a column that would
/// name them. Names and column must also name every row of the codes the table repeats apart
/// from every other row, as [`SharedRowNames`] finds in `rows`, all the table's (written in
/// `source`), once a table (`names` keeps it): else `shared-codes = true` would only trade
/// this error for another.
fn tells_apart<'c>(
    spec: &TableSpec,
    columns: &'c Columns,
    (source, rows, names): (&str, &'c [KeyedRow<'_>], &mut Option<SharedRowNames>),
    earlier: &KeyedRow<'_>,
    later: &KeyedRow<'_>,
) -> TellsApart<'c> {
    let (earlier, later) = (earlier.row.cells(), later.row.cells());
    let names = names.get_or_insert_with(|| SharedRowNames::of(source, columns, rows));
    let unless_names_repeat = |tells| match names.name_repeated {
        None => tells,
        Some(at) => {
            let row = &rows[at];
            TellsApart::NamesRepeat(&row.key_text, &row.row.cells()[columns.name].text)
        }
    };
    if columns.name != columns.key {
        // An empty name is a name too (the row is named by its code), so only equal ones fail.
        let (a, b) = (&earlier[columns.name].text, &later[columns.name].text);
        return if a == b { TellsApart::SameName } else { unless_names_repeat(TellsApart::Names) };
    }
    let named_by_cells = names::shared_rows_named_by_key_cells(spec, columns);
    if named_by_cells && earlier[columns.key].text != later[columns.key].text {
        return unless_names_repeat(TellsApart::KeyCells);
    }
    match names.column {
        Some(at) => TellsApart::Column(&columns.list[at].header),
        None => TellsApart::Nothing,
    }
}

/// How `shared-codes = true` would name the rows of the codes a table repeats, which must each
/// have a name no other row has ([`check_identifiable`]: else neither their code nor their
/// name finds them). Worked out once a table, at its first repeat, for every repeat's help
/// alike, so that a line pasted once takes all of them away: told two rows at a time, the
/// helps of Cloudflare Images' `9401` (three rows, of statuses `400`, `400` and `403`) offered
/// `Description` for one repeat and `HTTP status` for the other, which pasted left rows that
/// neither their code nor their status found. Retired rows are left out: their cells are the
/// snapshot's, and their own problems say what to do; and so are copies of a row.
struct SharedRowNames {
    /// The first such row (its index in the table's rows) whose name (its `name-column`'s
    /// cell, or its key cell where the table has none) another row has too, if any.
    name_repeated: Option<usize>,
    /// The first column other than the key that would, none of those rows' cells empty (an
    /// empty name is the row's code): the `name-column` a help offers.
    column: Option<usize>,
}

impl SharedRowNames {
    /// How `shared-codes` would name the rows of `rows`' repeated codes, told by `columns`;
    /// a row that copies an earlier one in every cell of `source` counts once, as it is read.
    fn of(source: &str, columns: &Columns, rows: &[KeyedRow<'_>]) -> Self {
        let mut written_rows = BTreeSet::new();
        let page_rows: Vec<usize> = (0..rows.len())
            .filter(|&at| rows[at].page_row.is_some())
            .filter(|&at| written_rows.insert(written(source, &rows[at])))
            .collect();
        // The first row of a repeated code that the cells of column `at` do not name apart
        // from every other row (with `filled`, or name at all).
        let not_named_apart = |at: usize, filled: bool| {
            let name = |row: usize| &*rows[row].row.cells()[at].text;
            let tally = Tally::of(page_rows.iter().map(|&row| (&rows[row].key, name(row))));
            page_rows.iter().copied().find(|&row| {
                let (code, name) = (&rows[row].key, name(row));
                let unnamed = filled && name.is_empty() && tally.shares_code(code);
                tally.found_by_neither(code, name) || unnamed
            })
        };
        let mut others = (0..columns.list.len()).filter(|&at| at != columns.key);
        Self {
            name_repeated: not_named_apart(columns.name, false),
            column: others.find(|&at| not_named_apart(at, true).is_none()),
        }
    }
}

/// How many rows have each code and each name: a row whose code and name other rows have too
/// is found by neither, which shared codes forbid ([`check_identifiable`], and the helps that
/// foresee it, [`SharedRowNames`]).
struct Tally<'r> {
    codes: BTreeMap<&'r Key, usize>,
    names: BTreeMap<&'r str, usize>,
}

impl<'r> Tally<'r> {
    /// The tally of `rows`, each its code and name.
    fn of(rows: impl IntoIterator<Item = (&'r Key, &'r str)>) -> Self {
        let mut tally = Tally { codes: BTreeMap::new(), names: BTreeMap::new() };
        for (code, name) in rows {
            *tally.codes.entry(code).or_default() += 1;
            *tally.names.entry(name).or_default() += 1;
        }
        tally
    }

    /// Whether another row has `code` too.
    fn shares_code(&self, code: &Key) -> bool {
        self.codes.get(code).is_some_and(|&rows| rows > 1)
    }

    /// Whether the row of `code` and `name` is found by neither: other rows have both.
    fn found_by_neither(&self, code: &Key, name: &str) -> bool {
        self.shares_code(code) && self.names.get(name).is_some_and(|&rows| rows > 1)
    }
}

/// The problem of `later`, a row that repeats `earlier`'s code (or with shared codes, its
/// code and name). A retired row has no place on the page: it is shown by its key in the
/// manifest. (Retired rows come after the page's, so a page row's earlier row is the page's.)
/// `telling`, the page's text, the table's rows and how shared codes would name them
/// ([`tells_apart`]).
fn repeat(
    place: &Place<'_>,
    previous: Option<&EnumApi>,
    (spec, columns): (&TableSpec, &Columns),
    telling: (&str, &[KeyedRow<'_>], &mut Option<SharedRowNames>),
    (earlier, later): (&KeyedRow<'_>, &KeyedRow<'_>),
    offers: &mut Offers<'_>,
) -> Diagnostic {
    let name = spec.shared_codes.then(|| &*later.row.cells()[columns.name].text);
    let earlier_span = || earlier.row.cells()[columns.key].span.clone();
    let Some(retiring) = &later.retiring else {
        let span = later.row.cells()[columns.key].span.clone();
        let tells_apart = tells_apart(spec, columns, telling, earlier, later);
        return match name {
            Some(name) => {
                place.duplicate_row(span, earlier_span(), (&later.key_text, name), tells_apart)
            }
            None => {
                // Rows of a code that is none (a rule, `-`, as tables write rows without one;
                // a range) are offered to be left out.
                let skip = offers.offer(&later.key_text);
                let code = &later.key_text;
                place.duplicate_code(span, earlier_span(), code, tells_apart, skip.as_ref())
            }
        };
    };
    let earlier_at = match &earlier.retiring {
        Some(retired_too) => RowAt::Retired(retired_too.key.span()),
        None => {
            // The snapshot's row of the page row's code and name, other than the one retired:
            // the page's row is that row, not the retired one back. Searched for retired rows
            // only, which are few.
            let variant = previous.and_then(|api| {
                let is_the_row =
                    |v: &&VariantApi| retired::is_row(earlier, columns, v, spec.codes());
                api.variants.iter().filter(|v| v.variant != retiring.ident).find(is_the_row)
            });
            RowAt::Page(earlier_span(), variant.map(|variant| variant.variant.as_str()))
        }
    };
    place.retired_row_repeated(
        retiring.key.span(),
        retiring.key.get_ref(),
        (&later.key_text, name),
        earlier_at,
    )
}

/// With shared codes, every row must still be found by its code or its name: a row whose
/// code and name both repeat could not be looked up or deserialized.
fn check_identifiable(
    place: &Place<'_>,
    spec: &TableSpec,
    columns: &Columns,
    rows: &[KeyedRow<'_>],
    problems: &mut Vec<Diagnostic>,
) {
    let tally =
        Tally::of(rows.iter().map(|keyed| (&keyed.key, &*keyed.row.cells()[columns.name].text)));
    for keyed in rows {
        let name = &keyed.row.cells()[columns.name];
        if !tally.found_by_neither(&keyed.key, &name.text) {
            continue;
        }
        // A retired row is one of the rows: where it shares this one's code or name, this
        // may be that row back under another code or name, which retiring it no longer
        // lets through; only where this row would have the retired row's variant name (its
        // pin's, or the one its name makes), and no pin holds the retired row (else, without
        // the retirement, that variant would be gone, or the pin name no row, and a help
        // would ask for the retirement again).
        let pin_of = |row: &KeyedRow<'_>| {
            let name = &*row.row.cells()[columns.name].text;
            spec.variants.iter().find_map(|(key, pinned)| {
                names::names_page_row(&Code::new(key.get_ref(), spec.codes()), row, name)
                    .then_some(pinned.get_ref().as_str())
            })
        };
        let suffix = spec.strip_suffix.as_ref().map(|suffix| suffix.get_ref().as_str());
        let variant = match pin_of(keyed) {
            Some(pinned) => pinned.to_owned(),
            None => naming::variant_name(&names::naming_text(spec, keyed, columns), suffix),
        };
        let retired_alike = rows.iter().find_map(|other| {
            let retiring = other.retiring.as_ref()?;
            let alike = other.key == keyed.key || other.row.cells()[columns.name].text == name.text;
            let its_name = variant == retiring.ident;
            (alike && its_name && !std::ptr::eq(other, keyed) && pin_of(other).is_none())
                .then_some(retiring.key.get_ref().as_str())
        });
        let problem = match &keyed.retiring {
            Some(retiring) => place.retired_not_identifiable(
                retiring.key.span(),
                retiring.key.get_ref(),
                (&keyed.key_text, &name.text),
            ),
            None => place.row_not_identifiable(
                name.span.clone(),
                (&keyed.key_text, &name.text),
                retired_alike,
            ),
        };
        problems.push(problem);
    }
}

#[cfg(test)]
mod tests {
    use std::ops::Range;

    use super::*;
    use crate::markdown;
    use crate::model::testing::{PLACE, keyed_rows, spec};

    fn check_page(page_text: &str, shared_codes: bool) -> (Vec<String>, Vec<String>) {
        let page = markdown::parse(page_text);
        let table = &page.tables[0];
        let rows = keyed_rows(table);
        let columns = Columns { key: 0, name: 1, list: Vec::new(), help: None };
        let mut problems = Vec::new();
        let shared = if shared_codes { "shared-codes = true\n" } else { "" };
        let spec = spec(&format!("key-column = \"c\"\nkey-type = \"u16\"\n{shared}"));
        let offers = &mut Offers::new(&[]);
        let rows = check(&PLACE, page_text, (&spec, &columns), None, rows, offers, &mut problems);
        (
            rows.iter().map(|row| row.row.cells()[1].text.to_string()).collect(),
            problems.into_iter().map(|problem| problem.message).collect(),
        )
    }

    #[test]
    fn a_repeated_code_is_a_problem_unless_codes_are_shared() {
        let page = "| c | n |\n|---|---|\n| 1 | a |\n| 1 | b |\n| 2 | c |\n";
        assert_eq!(
            check_page(page, false),
            (vec!["a".into(), "c".into()], vec!["duplicate code 1".into()])
        );
        assert_eq!(check_page(page, true), (vec!["a".into(), "b".into(), "c".into()], vec![]));
    }

    #[test]
    fn every_repeat_points_at_the_first_row_and_only_repeats_are_dropped() {
        let page = "| c | n |\n|---|---|\n| 1 | a |\n| 2 | b |\n| 1 | c |\n| 3 | d |\n| 1 | e |\n";
        let parsed = markdown::parse(page);
        let rows = keyed_rows(&parsed.tables[0]);
        let columns = Columns { key: 0, name: 1, list: Vec::new(), help: None };
        let mut problems = Vec::new();
        let spec = spec("key-column = \"c\"\nkey-type = \"u16\"\n");
        let offers = &mut Offers::new(&[]);
        let rows = check(&PLACE, page, (&spec, &columns), None, rows, offers, &mut problems);
        let names: Vec<&str> = rows.iter().map(|row| &*row.row.cells()[1].text).collect();
        assert_eq!(names, ["a", "b", "d"]);
        let at = |line: &str| {
            let start = page.find(line).unwrap() + 2;
            start..start + 1
        };
        let places: Vec<(Range<usize>, Range<usize>)> = problems
            .iter()
            .map(|problem| (problem.labels[0].span.clone(), problem.labels[1].span.clone()))
            .collect();
        assert_eq!(
            places,
            [(at("| 1 | c |"), at("| 1 | a |")), (at("| 1 | e |"), at("| 1 | a |"))]
        );
    }

    /// Codes in lookup order repeat nothing; a code equal to the one before, or before it in
    /// lookup order, is a repeat wherever it is found (the pass over neighbours must not take
    /// equal codes for ordered ones).
    #[test]
    fn codes_in_lookup_order_repeat_nothing_and_any_other_order_is_checked() {
        let sorted = "| c | n |\n|---|---|\n| 1 | a |\n| 2 | b |\n| 10 | c |\n";
        assert_eq!(check_page(sorted, false), (vec!["a".into(), "b".into(), "c".into()], vec![]));
        let equal_neighbours = "| c | n |\n|---|---|\n| 1 | a |\n| 2 | b |\n| 2 | c |\n";
        assert_eq!(
            check_page(equal_neighbours, false),
            (vec!["a".into(), "b".into()], vec!["duplicate code 2".into()])
        );
        let repeat_apart = "| c | n |\n|---|---|\n| 1 | a |\n| 2 | b |\n| 1 | c |\n";
        assert_eq!(
            check_page(repeat_apart, false),
            (vec!["a".into(), "b".into()], vec!["duplicate code 1".into()])
        );
    }

    #[test]
    fn rows_retired_after_the_page_rows_are_looked_for_among_them() {
        let page = markdown::parse("| c | n |\n|---|---|\n| 1 | a |\n| 5 | b |\n| 9 | c |\n");
        // The page's last rows, as rows the manifest retires: after the page's, out of order.
        let retired = |codes: &[usize]| {
            let mut rows = keyed_rows(&page.tables[0]);
            rows.truncate(1);
            for &code in codes {
                let mut row = keyed_rows(&page.tables[0]).swap_remove(code);
                row.page_row = None;
                rows.push(row);
            }
            rows
        };
        assert!(all_codes_differ(&retired(&[2, 1])));
        // A code of the page's again, or of a row retired before.
        assert!(!all_codes_differ(&retired(&[0])));
        assert!(!all_codes_differ(&retired(&[2, 2])));
        // Page rows out of order are told by the map.
        let mut out_of_order = keyed_rows(&page.tables[0]);
        out_of_order.swap(0, 2);
        assert!(!all_codes_differ(&out_of_order));
    }

    /// How shared codes would name the rows is read from the page's rows: a retired row, of
    /// cells the snapshot kept (here one fewer), counts in no tally (it panicked, its name
    /// missing from the page's).
    #[test]
    fn a_repeat_beside_a_retired_row_is_told_from_the_page_rows_alone() {
        let page_text = "| c | n |\n|---|---|\n| 1 | a |\n| 1 | b |\n";
        let page = markdown::parse(page_text);
        let retired_page = markdown::parse("| c |\n|---|\n| 7 |\n");
        let mut rows = keyed_rows(&page.tables[0]);
        let mut retired = keyed_rows(&retired_page.tables[0]).remove(0);
        retired.page_row = None;
        rows.push(retired);
        let header = |text: &str| crate::model::Column {
            header: text.to_owned(),
            accessor: None,
            blank: false,
        };
        let columns = Columns { key: 0, name: 0, list: vec![header("c"), header("n")], help: None };
        let spec = spec("key-column = \"c\"\nkey-type = \"u16\"\n");
        let (mut problems, offers) = (Vec::new(), &mut Offers::new(&[]));
        check(&PLACE, page_text, (&spec, &columns), None, rows, offers, &mut problems);
        let [problem] = &problems[..] else { panic!("{problems:#?}") };
        assert!(problem.help.as_deref().unwrap().contains("`name-column = \"n\"`"), "{problem:#?}");
    }

    /// A row copied upstream is read once: its name is no other row's, and the help of a
    /// code two rows of other names share offers `shared-codes` (it counted the copy as a
    /// second row of the name, and offered nothing).
    #[test]
    fn a_copy_of_a_row_counts_once_in_how_shared_codes_would_name_the_rows() {
        let page = "| c | n |\n|---|---|\n| 1 | a |\n| 1 | b |\n| 2 | c |\n| 2 | c |\n";
        let parsed = markdown::parse(page);
        let header = |text: &str| crate::model::Column {
            header: text.to_owned(),
            accessor: None,
            blank: false,
        };
        let columns = Columns { key: 0, name: 1, list: vec![header("c"), header("n")], help: None };
        let spec = spec("key-column = \"c\"\nkey-type = \"u16\"\nname-column = \"n\"\n");
        let (rows, offers) = (keyed_rows(&parsed.tables[0]), &mut Offers::new(&[]));
        let mut problems = Vec::new();
        check(&PLACE, page, (&spec, &columns), None, rows, offers, &mut problems);
        let [repeat, copy] = &problems[..] else { panic!("{problems:#?}") };
        assert_eq!(copy.message, "row of code 2 repeats an earlier row in every cell");
        let help = repeat.help.as_deref().unwrap();
        assert!(
            help.ends_with("set `shared-codes = true` in the manifest if rows may share a code")
        );
    }

    #[test]
    fn shared_codes_still_need_rows_told_apart() {
        // The second row shows the first's text, but is written otherwise: not a copy of it.
        let page =
            "| c | n |\n|---|---|\n| 1 | a |\n| 1 | *a* |\n| 2 | x |\n| 2 | y |\n| 3 | x |\n";
        let (_, problems) = check_page(page, true);
        assert_eq!(
            problems,
            [
                "duplicate row: code 1 with the name `a`",
                "the row with code 2 and name `x` cannot be told apart: other rows share its \
                 code, and others its name",
            ]
        );
    }

    /// A row written the same in every cell as an earlier one is that row copied: read once,
    /// with a warning, codes shared or not. A cell written otherwise (a link's target, bold,
    /// one cell fewer) makes another row, whatever text it shows.
    #[test]
    fn a_row_copied_cell_for_cell_is_read_once_with_a_warning() {
        let copied = "| c | n |\n|---|---|\n| 1 | [a](#x) |\n| 2 | b |\n| 1 |  [a](#x)  |\n";
        let warned = (
            vec!["a".into(), "b".into()],
            vec!["row of code 1 repeats an earlier row in every cell".into()],
        );
        assert_eq!(check_page(copied, false), warned);
        assert_eq!(check_page(copied, true), warned);
        for other in ["[a](#y)", "**a**", "a"] {
            let page = format!("| c | n |\n|---|---|\n| 1 | [a](#x) |\n| 1 | {other} |\n");
            let (_, problems) = check_page(&page, false);
            assert_eq!(problems, ["duplicate code 1"], "{other}");
        }
        let shorter = "| c | n |\n|---|---|\n| 1 | |\n| 1 |\n";
        assert_eq!(check_page(shorter, false).1, ["duplicate code 1"]);
        let diagnostic = {
            let parsed = markdown::parse(copied);
            let columns = Columns { key: 0, name: 1, list: Vec::new(), help: None };
            let mut problems = Vec::new();
            let spec = spec("key-column = \"c\"\nkey-type = \"u16\"\n");
            let (rows, offers) = (keyed_rows(&parsed.tables[0]), &mut Offers::new(&[]));
            check(&PLACE, copied, (&spec, &columns), None, rows, offers, &mut problems);
            problems.remove(0)
        };
        assert!(!diagnostic.is_error());
    }
}
