//! The keys that helps give for a row, to pin or retire it: how many rows a key of the manifest
//! names ([`Naming`], counted as keys name rows, [`super::names::names_page_row`]), and which
//! key names a row alone ([`row_key`], [`retired_key`]). One rule for every help, the model's
//! and the break gate's ([`crate::stability`]), so that a key a help gives names its row alone
//! wherever it is read.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::int_code::{Codes, IntValue};
use crate::model::columns::Columns;
use crate::model::keys::{Code, KeyedRow};
use crate::model::names::{NamedRow, cell_text};

/// How many rows each key of the manifest names
/// ([`names_page_row`](super::names::names_page_row): its code, an integer code by its number,
/// or its name), for the keys helps give: a key that names other rows too is not one a help
/// may give. Counted by number where codes are integers, so that a key written `0x26` counts
/// the row written `38`, which it names.
#[derive(Debug, Default)]
pub struct Naming<'r> {
    codes: Codes,
    /// Rows by their name cell, and by their code where codes are not integers (or where an
    /// integer table's code cell is not a number, as for a retired row's unusual snapshot).
    texts: FxHashMap<&'r str, usize>,
    /// Rows by their code's number, where codes are integers.
    numbers: FxHashMap<IntValue, usize>,
}

impl<'r> Naming<'r> {
    /// No rows yet, of a table whose codes read as `codes` says.
    pub fn new(codes: Codes) -> Self {
        Naming { codes, ..Naming::default() }
    }

    /// The rows of `rows`, each its code as written and its name cell, of a table whose codes
    /// read as `codes` says.
    pub fn of(codes: Codes, rows: impl IntoIterator<Item = (&'r str, &'r str)>) -> Self {
        let mut naming = Naming::new(codes);
        for (code, name) in rows {
            naming.add(code, name);
        }
        naming
    }

    /// Counts one more row, its code as written and its name cell.
    pub fn add(&mut self, code: &'r str, name: &'r str) {
        let code = Code::new(code, self.codes);
        match code.number().filter(|_| self.codes.is_integer()) {
            Some(number) => {
                *self.numbers.entry(number).or_default() += 1;
                // A name that is the code's number names the row by its code already.
                if Code::new(name, self.codes).number() != Some(number) {
                    *self.texts.entry(name).or_default() += 1;
                }
            }
            None => {
                *self.texts.entry(code.text).or_default() += 1;
                if name != code.text {
                    *self.texts.entry(name).or_default() += 1;
                }
            }
        }
    }

    /// How many of the rows counted `key` names: as their code or their name.
    pub fn count(&self, key: &str) -> usize {
        let by_text = self.texts.get(key).copied().unwrap_or(0);
        let number = Code::new(key, self.codes).number().filter(|_| self.codes.is_integer());
        by_text + number.and_then(|number| self.numbers.get(&number)).copied().unwrap_or(0)
    }

    /// The key a help gives for the row with `code` (as written) and `name` ([`row_key`]); a
    /// code that names no row counted names this one.
    pub fn key_for<'k>(&self, code: &'k str, name: &'k str) -> &'k str {
        row_key(code, name, self.count(code).max(1))
    }
}

/// The key a help gives to pin or retire the row with `code` (as written) and `name`: its code,
/// unless the code names other rows too (`naming` is how many rows it names, [`Naming`]), then
/// its name.
pub fn row_key<'r>(code: &'r str, name: &'r str, naming: usize) -> &'r str {
    if naming > 1 { name } else { code }
}

/// The `retired` key for the row (`code`, `name`) gone from the table, and whether it retires
/// that row alone ([`row_key`]): its code, unless that names another of the API snapshot's rows
/// (`snapshot` counts them, this one among them) or a row of the table has it as its code
/// (`table_has.code`); then its name, which retires the row alone unless it names another of
/// the snapshot's rows too, or a row of the table has it as its name (`table_has.name`).
/// Retiring reads a key that a row of the table has as the same kind of cell as that row
/// documented again (`model::retired`). The one rule for the gate's retirements and a pin's.
pub fn retired_key<'k>(
    code: &'k str,
    name: &'k str,
    snapshot: &Naming<'_>,
    table_has: TableHas<impl Fn(&str) -> bool, impl Fn(&str) -> bool>,
) -> (&'k str, bool) {
    let naming = snapshot.count(code).max(1) + usize::from((table_has.code)(code));
    let key = row_key(code, name, naming);
    let retirable = key == code || (snapshot.count(key) <= 1 && !(table_has.name)(key));
    (key, retirable)
}

/// Whether a row of a table has a text as its code (an integer code by its number), and as
/// its name, for [`retired_key`].
pub struct TableHas<C, N> {
    /// As a row's code.
    pub code: C,
    /// As a row's name.
    pub name: N,
}

/// The keys helps give for the rows of a table ([`Naming::key_for`]). The table's codes and
/// names are counted the first time a key is asked for, on whichever core asks: few tables
/// have a problem whose help needs one.
pub struct HelpKeys<'r, F> {
    count: F,
    naming: OnceLock<Naming<'r>>,
}

impl<'r, F: Fn() -> Naming<'r>> HelpKeys<'r, F> {
    /// Keys for the rows that `count` counts.
    pub fn new(count: F) -> Self {
        HelpKeys { count, naming: OnceLock::new() }
    }

    /// How many rows each key names, counted on first use.
    pub fn naming(&self) -> &Naming<'r> {
        self.naming.get_or_init(&self.count)
    }

    /// The key for the row with `code` (as written) and `name`.
    pub fn of(&self, code: &str, name: &str) -> String {
        self.naming().key_for(code, name).to_owned()
    }
}

/// How many of the table's `rows` each key names ([`Naming`]), its codes read as `codes` says.
pub(super) fn page_naming<'r>(
    rows: &'r [KeyedRow<'_>],
    columns: &Columns,
    codes: Codes,
) -> Naming<'r> {
    Naming::of(codes, rows.iter().map(|keyed| (&*keyed.key_text, cell_text(keyed, columns))))
}

/// How many of the named `rows` each key names ([`Naming`]), their name cells in the column at
/// `name`, their codes read as `codes` says: for the warnings' helps, which come after the rows
/// are named.
pub fn named_naming<'r>(rows: &'r [NamedRow<'_>], name: usize, codes: Codes) -> Naming<'r> {
    Naming::of(codes, rows.iter().map(|row| (&*row.key_text, &*row.row.cells()[name].text)))
}

/// The key that names `keyed` alone among the rows `naming` counts ([`Naming::key_for`]),
/// where one does.
pub(super) fn key_alone(
    naming: &Naming<'_>,
    keyed: &KeyedRow<'_>,
    columns: &Columns,
) -> Option<String> {
    let key = naming.key_for(&keyed.key_text, cell_text(keyed, columns));
    (naming.count(key) == 1).then(|| key.to_owned())
}
