//! Stage 10: the facts the generated code is built on, derived once here so that emit and the
//! API only read them: whether codes are the discriminants, rows grouped by code, and names in
//! the order the runtime's binary searches expect.

use std::cmp::Ordering;
use std::ops::Range;

use crate::manifest::{KeyType, TableSpec};
use crate::model::Key;
use crate::model::columns::Columns;
use crate::model::lints::MANY_ROWS;
use crate::model::names::NamedRow;

/// What [`derive()`] finds; see the fields of the same names on [`crate::model::Enum`].
#[derive(Debug, PartialEq, Eq)]
pub struct Facts {
    /// Whether the codes are the discriminants, and if not, why.
    pub discriminants: Discriminants,
    /// Row numbers in lookup order of their codes.
    pub rows_by_code: Vec<usize>,
    /// Ranges of `rows_by_code` that share one code.
    pub code_groups: Vec<Range<usize>>,
    /// Rows whose name is theirs alone, in lookup order of their names.
    pub rows_by_name: Vec<usize>,
    /// Names several rows have, in lookup order.
    pub ambiguous_names: Vec<String>,
}

/// Whether a table's codes are its enum's discriminants (`#[repr(u16)]`, `E::X as u16` is
/// the code), and if not, why: what the break gate's help and the warnings say of it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Discriminants {
    /// The codes are the discriminants.
    #[default]
    Codes,
    /// String codes (`key-type = "str"`) cannot be.
    StringCodes,
    /// Codes that rows may share (`shared-codes = true`) cannot be: two variants cannot share
    /// one.
    SharedCodes,
    /// An enum without variants cannot have a `repr` (E0084).
    NoRows,
    /// The manifest says `discriminants = false`.
    TurnedOff,
    /// The table has more than [`MANY_ROWS`] rows and the manifest does not say either way.
    ManyRows,
}

impl Discriminants {
    /// Whether the codes are the discriminants.
    pub fn are_codes(self) -> bool {
        self == Discriminants::Codes
    }
}

/// Why the options of `spec` keep its codes from being the discriminants, whatever its rows
/// and whatever the manifest asks: string codes, or codes that rows may share.
pub fn impossible(spec: &TableSpec) -> Option<Discriminants> {
    if *spec.key_type.get_ref() == KeyType::Str {
        Some(Discriminants::StringCodes)
    } else if spec.shared_codes {
        Some(Discriminants::SharedCodes)
    } else {
        None
    }
}

/// Whether a table of `rows` rows has its codes as discriminants, and if not, why.
pub fn discriminants(spec: &TableSpec, rows: usize) -> Discriminants {
    // Unique integer codes are the discriminants; otherwise variants count rows from 0.
    // Above MANY_ROWS rows they are off unless the manifest turns them on: rustc checks
    // explicit discriminants in time quadratic in the enum's size.
    if let Some(why) = impossible(spec) {
        why
    } else if rows == 0 {
        Discriminants::NoRows
    } else {
        match spec.discriminants.as_ref().map(|asked| *asked.get_ref()) {
            Some(true) => Discriminants::Codes,
            Some(false) => Discriminants::TurnedOff,
            None if rows <= MANY_ROWS => Discriminants::Codes,
            None => Discriminants::ManyRows,
        }
    }
}

/// The facts of a table whose rows are named, sorted by [`code_order`] and [`name_order`]
/// (which needs only the rows' names, so the model sorts them while it checks the rows).
pub fn derive(spec: &TableSpec, by_code: CodeOrder, by_name: NameOrder) -> Facts {
    let CodeOrder { rows_by_code, code_groups } = by_code;
    // Every row is in the code order once.
    let discriminants = discriminants(spec, rows_by_code.len());
    let NameOrder { rows_by_name, ambiguous_names } = by_name;
    Facts { discriminants, rows_by_code, code_groups, rows_by_name, ambiguous_names }
}

/// Rows in lookup order of their codes: what [`code_order`] finds.
#[derive(Debug)]
pub struct CodeOrder {
    rows_by_code: Vec<usize>,
    code_groups: Vec<Range<usize>>,
}

/// Rows in lookup order of their names: what [`name_order`] finds.
#[derive(Debug)]
pub struct NameOrder {
    rows_by_name: Vec<usize>,
    ambiguous_names: Vec<String>,
}

/// Row numbers in lookup order of their codes, and the ranges of them that share a code.
pub fn code_order(rows: &[NamedRow<'_>]) -> CodeOrder {
    // A table's codes are all of one type: the first says which, before the vector is sized.
    if !matches!(rows.first().map(|row| &row.key), Some(Key::Str(_))) {
        return int_code_order(rows);
    }
    // Strings with each one's `StrOrderPrefix` beside it, as `name_order` sorts names: pages
    // list string codes alphabetically, not in `str_order`, so the sort does the work, and at
    // 200k codes, reading two codes for every comparison had been a sixteenth of regen's time
    // (BENCHMARKS.md, fifty-third round).
    let mut by_str: Vec<(StrOrderPrefix, &str, usize)> = Vec::with_capacity(rows.len());
    for (row, named) in rows.iter().enumerate() {
        match &named.key {
            Key::Str(code) => by_str.push((StrOrderPrefix::of(code), code, row)),
            Key::Int(_) => return int_code_order(rows),
        }
    }
    // Ties go to the earlier row, so rows that share a code keep the document's order, as a
    // stable sort keeps it.
    by_str.sort_unstable_by(|a, b| {
        a.0.cmp(&b.0).then_with(|| str_order(a.1, b.1)).then(a.2.cmp(&b.2))
    });
    let code_groups = groups(&by_str, |a, b| a.0 == b.0 && a.1 == b.1);
    CodeOrder { rows_by_code: by_str.into_iter().map(|(_, _, row)| row).collect(), code_groups }
}

/// [`code_order`] where codes are integers (a table's codes are all of one type).
fn int_code_order(rows: &[NamedRow<'_>]) -> CodeOrder {
    // Sorted as (key, row) pairs rather than row numbers that point into the rows: at 100k
    // rows, following a pointer per comparison costs more than the sort itself. Stable, so
    // rows that share a code keep the document's order; pages list integer codes in order, so
    // the sort mostly finds one run.
    let mut by_code: Vec<(&Key, usize)> = rows.iter().map(|row| &row.key).zip(0..).collect();
    by_code.sort_by(|a, b| key_order(a.0, b.0));
    let code_groups = groups(&by_code, |a, b| a.0 == b.0);
    CodeOrder { rows_by_code: by_code.into_iter().map(|(_, row)| row).collect(), code_groups }
}

/// Each row's name (the text of its name cell), in the rows' order: what [`name_order`] sorts.
pub fn names_of<'r>(rows: &'r [NamedRow<'_>], columns: &Columns) -> impl Iterator<Item = &'r str> {
    rows.iter().map(|row| &*row.row.cells()[columns.name].text)
}

/// Rows whose name (`names` gives each row's, in order) is theirs alone, in lookup order of
/// their names, and the names several rows have. An empty name cell is no name: `from_name`
/// finds no row by `""`, nor lists it as ambiguous.
pub fn name_order<'t>(names: impl Iterator<Item = &'t str>) -> NameOrder {
    // Sorted with each name's `StrOrderPrefix` beside it, which decides most comparisons
    // without reading the names, scattered over the page: at 200k rows of names that differ,
    // the sort took a median 47 ms reading two names for every comparison, 33 ms with eight
    // bytes beside each name (eight pairs of runs). Sixteen leave a third fewer names tied
    // with another (126k rather than 197k of `synth`'s 200k).
    // Sized for every row up front (a filter's size is not known): grown by doubling, it
    // would take fresh memory three times over at 200k rows.
    let mut by_name: Vec<(StrOrderPrefix, &str, usize)> = Vec::with_capacity(names.size_hint().0);
    let named = names.enumerate().filter(|(_, text)| !text.is_empty());
    by_name.extend(named.map(|(row, text)| (StrOrderPrefix::of(text), text, row)));
    // Rows with the same name become one ambiguous name, so their order does not matter:
    // sorted unstably, which at 100k rows is quicker.
    by_name.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| str_order(a.1, b.1)));
    let mut rows_by_name = Vec::with_capacity(by_name.len());
    let mut ambiguous_names = Vec::new();
    // Names whose prefixes differ differ: only neighbours with one prefix are read. The
    // groups are walked, not collected: a range per row would be fresh memory read once.
    for group in by_name.chunk_by(|a, b| a.0 == b.0 && a.1 == b.1) {
        match group {
            &[(_, _, row)] => rows_by_name.push(row),
            several => ambiguous_names.push(several[0].1.to_owned()),
        }
    }
    NameOrder { rows_by_name, ambiguous_names }
}

/// What [`str_order`] compares first, held beside a string so that a sort need not read the
/// string for it: its length, then its first sixteen bytes as two big-endian numbers (padded
/// with zeros), which for strings of one length order as their first bytes do. Where two
/// strings' prefixes are equal, their bytes decide, as [`str_order`] says. Two `u64`s rather
/// than a `u128`, whose alignment of 16 made each sorted element 64 bytes, not 48.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct StrOrderPrefix {
    len: usize,
    first_bytes: [u64; 2],
}

impl StrOrderPrefix {
    fn of(text: &str) -> StrOrderPrefix {
        let mut first = [0; 16];
        let taken = text.len().min(16);
        first[..taken].copy_from_slice(&text.as_bytes()[..taken]);
        let first = u128::from_be_bytes(first);
        StrOrderPrefix { len: text.len(), first_bytes: [(first >> 64) as u64, first as u64] }
    }
}

/// Ranges of `sorted` whose neighbours are `same`: [`slice::chunk_by`]'s runs, as places.
fn groups<T>(sorted: &[T], same: impl FnMut(&T, &T) -> bool) -> Vec<Range<usize>> {
    let runs = sorted.chunk_by(same).map(<[T]>::len);
    runs.scan(0, |start, len| {
        let range = *start..*start + len;
        *start = range.end;
        Some(range)
    })
    .collect()
}

/// The order of the binary searches in the catalog's runtime (`rt`): integers by value,
/// strings by [`str_order`].
pub fn key_order(a: &Key, b: &Key) -> Ordering {
    match (a, b) {
        (Key::Str(a), Key::Str(b)) => str_order(a, b),
        _ => a.cmp(b),
    }
}

/// Strings by length first (most comparisons then end without reading a byte), then bytes:
/// the order of `rt::find_str`.
pub fn str_order(a: &str, b: &str) -> Ordering {
    a.len().cmp(&b.len()).then_with(|| a.as_bytes().cmp(b.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown;
    use crate::model::testing::{keyed_rows, spec};

    fn facts_of(page: &str, options: &str) -> Facts {
        let page = markdown::parse(page);
        let rows: Vec<NamedRow<'_>> = keyed_rows(&page.tables[0])
            .into_iter()
            .map(|keyed| NamedRow {
                ident: crate::naming::Identifier::new("V").unwrap(),
                key: keyed.key,
                key_text: keyed.key_text,
                row: keyed.row,
                page_row: keyed.page_row,
                retiring: None,
            })
            .collect();
        let spec = spec(&format!("key-column = \"c\"\n{options}"));
        let columns = Columns { key: 0, name: 1, list: Vec::new(), help: None };
        derive(&spec, code_order(&rows), name_order(names_of(&rows, &columns)))
    }

    #[test]
    fn unique_integer_codes_are_discriminants_unless_turned_off() {
        let page = "| c | n |\n|---|---|\n| 3 | a |\n| 1 | b |\n";
        let of = |options: &str| facts_of(page, options).discriminants;
        assert_eq!(of("key-type = \"u8\""), Discriminants::Codes);
        assert_eq!(of("key-type = \"u8\"\ndiscriminants = false"), Discriminants::TurnedOff);
        assert_eq!(of("key-type = \"u8\"\nshared-codes = true"), Discriminants::SharedCodes);
        assert_eq!(of("key-type = \"str\""), Discriminants::StringCodes);
        let empty = facts_of("| c | n |\n|---|---|\n", "key-type = \"u8\"").discriminants;
        assert_eq!(empty, Discriminants::NoRows);
    }

    #[test]
    fn above_many_rows_codes_are_discriminants_only_when_the_manifest_asks() {
        let page = |rows: usize| {
            let body: String = (0..rows).map(|row| format!("| {row} | r{row} |\n")).collect();
            format!("| c | n |\n|---|---|\n{body}")
        };
        let (small, large) = (page(MANY_ROWS), page(MANY_ROWS + 1));
        let of = |page: &str, options: &str| {
            facts_of(page, &format!("key-type = \"u16\"\n{options}")).discriminants
        };
        assert_eq!(of(&small, ""), Discriminants::Codes);
        assert_eq!(of(&large, ""), Discriminants::ManyRows);
        assert_eq!(of(&large, "discriminants = true"), Discriminants::Codes);
        assert_eq!(of(&large, "discriminants = false"), Discriminants::TurnedOff);
        assert_eq!(of(&large, "shared-codes = true"), Discriminants::SharedCodes);
    }

    #[test]
    fn codes_group_in_lookup_order_and_shared_ones_keep_document_order() {
        let page = "| c | n |\n|---|---|\n| 400 | b |\n| 300 | a |\n| 400 | c |\n";
        let facts = facts_of(page, "key-type = \"u16\"\nshared-codes = true");
        assert_eq!(facts.rows_by_code, [1, 0, 2]);
        assert_eq!(facts.code_groups, [0..1, 1..3]);
    }

    #[test]
    fn shared_string_codes_keep_document_order_and_sort_by_length_then_bytes() {
        // Codes that share their first sixteen bytes, and a longer one listed first.
        let page = "| c | n |\n|---|---|\n| LongerSharedCodeXY | a |\n| SharedCodePrefixB | b |\n\
                    | SharedCodePrefixA | c |\n| SharedCodePrefixB | d |\n| SharedCodePrefixB | e |\n";
        let facts = facts_of(page, "key-type = \"str\"\nshared-codes = true");
        assert_eq!(facts.rows_by_code, [2, 1, 3, 4, 0]);
        assert_eq!(facts.code_groups, [0..1, 1..4, 4..5]);
    }

    /// The size `StrOrderPrefix`'s comment gives (on 64-bit targets): one for every row sorted.
    #[cfg(target_pointer_width = "64")]
    #[test]
    fn a_sorted_name_is_48_bytes_with_its_prefix_and_row() {
        assert_eq!(size_of::<(StrOrderPrefix, &str, usize)>(), 48);
    }

    #[test]
    fn a_prefix_orders_strings_as_str_order_does_where_it_tells_them_apart() {
        // Strings of one length that differ in opposite directions at two places (`ab`, `ba`;
        // read as a little-endian number they would sort the other way), non-ASCII ones, and
        // ones that differ at the sixteenth byte and after it.
        let texts = [
            "",
            "a",
            "b",
            "ab",
            "ba",
            "é",
            "\u{ff}",
            "abcdefghijklmnop",
            "abcdefghijklmnoq",
            "abcdefghijklmnopa",
            "abcdefghijklmnopb",
            "bbcdefghijklmnopa",
            "abcdefghijklmnpoa",
        ];
        for a in texts {
            for b in texts {
                let (pa, pb) = (StrOrderPrefix::of(a), StrOrderPrefix::of(b));
                let order = pa.cmp(&pb).then_with(|| str_order(a, b));
                assert_eq!(order, str_order(a, b), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn names_sort_by_length_then_bytes_and_repeated_ones_are_ambiguous() {
        let page = "| c | n |\n|---|---|\n| bb | Gone |\n| a | Bad |\n| c | Bad |\n| d | Abc |\n";
        let facts = facts_of(page, "key-type = \"str\"");
        assert_eq!(facts.rows_by_name, [3, 0]);
        assert_eq!(facts.ambiguous_names, ["Bad"]);
        assert_eq!(facts.rows_by_code, [1, 2, 3, 0]);
    }
}
