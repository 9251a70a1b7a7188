//! The API snapshot's rows beside a table's, for the helps of the problems of stage 9
//! ([`super::names`]): which of the snapshot's variants a row of the page was, and which row of
//! the page a variant of the snapshot is now.

use std::borrow::Cow;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::api::{EnumApi, VariantApi};
use crate::int_code::Codes;
use crate::model::columns::Columns;
use crate::model::help_keys::{Naming, TableHas, retired_key};
use crate::model::keys::{Code, KeyedRow, code_id};
use crate::model::names::{cell_text, only};
use crate::model::retired;

/// The API snapshot's rows beside the page's, to say which row of one is which of the other:
/// the row with the same code and name, else the one row with its name in both, whose code no
/// other row that left the page had (its code changed: the gate keeps such a row's variant,
/// where no pin says otherwise, and by its code takes a row for the one that left, renamed).
/// Indexed on first use: only problems' helps ask, and a page may have many.
pub(super) struct SnapshotRows<'p, 'r, 'k, 'c> {
    snapshot: &'p EnumApi,
    rows: &'r [KeyedRow<'k>],
    columns: &'c Columns,
    codes: Codes,
    index: OnceLock<SnapshotIndex<'p, 'r, 'k>>,
}

/// [`SnapshotRows`]' indexes: the snapshot's variants by name and by code, and how many each
/// key names; the page's rows by name and by code.
#[derive(Default)]
struct SnapshotIndex<'p, 'r, 'k> {
    variants_by_name: FxHashMap<&'p str, Vec<&'p VariantApi>>,
    variants_by_code: FxHashMap<Cow<'p, str>, Vec<&'p VariantApi>>,
    naming: Naming<'p>,
    rows_by_name: FxHashMap<&'r str, Vec<&'r KeyedRow<'k>>>,
    rows_by_code: FxHashMap<Cow<'r, str>, Vec<&'r KeyedRow<'k>>>,
}

impl<'p, 'r, 'k, 'c> SnapshotRows<'p, 'r, 'k, 'c> {
    /// The snapshot's enum `snapshot` beside the table's `rows`, whose codes read as `codes`
    /// says.
    pub(super) fn new(
        snapshot: &'p EnumApi,
        rows: &'r [KeyedRow<'k>],
        columns: &'c Columns,
        codes: Codes,
    ) -> Self {
        SnapshotRows { snapshot, rows, columns, codes, index: OnceLock::new() }
    }

    /// The table's columns.
    pub(super) fn columns(&self) -> &'c Columns {
        self.columns
    }

    /// The snapshot's variant named `variant`.
    pub(super) fn variant_named(&self, variant: &str) -> Option<&'p VariantApi> {
        self.snapshot.variants.iter().find(|v| v.variant == variant)
    }

    /// The `retired` key for the snapshot's row `was`, gone from the table, and whether it
    /// retires that row alone ([`retired_key`]).
    pub(super) fn retired_key(&self, was: &'p VariantApi) -> (&'p str, bool) {
        let index = self.index();
        let table_has = TableHas {
            code: |key: &str| index.rows_by_code.contains_key(&code_id(key, self.codes)),
            name: |key: &str| index.rows_by_name.contains_key(key),
        };
        retired_key(&was.code, &was.name, &index.naming, table_has)
    }

    fn index(&self) -> &SnapshotIndex<'p, 'r, 'k> {
        self.index.get_or_init(|| {
            let naming = Naming::new(self.codes);
            let mut index = SnapshotIndex { naming, ..SnapshotIndex::default() };
            for variant in &self.snapshot.variants {
                index.variants_by_name.entry(variant.name.as_str()).or_default().push(variant);
                let code = code_id(&variant.code, self.codes);
                index.variants_by_code.entry(code).or_default().push(variant);
                index.naming.add(&variant.code, &variant.name);
            }
            for keyed in self.rows {
                index.rows_by_name.entry(cell_text(keyed, self.columns)).or_default().push(keyed);
                index.rows_by_code.entry(keyed.code_id()).or_default().push(keyed);
            }
            index
        })
    }

    /// The page's rows with `name` in their name cell.
    fn rows_named(&self, name: &str) -> &[&'r KeyedRow<'k>] {
        self.index().rows_by_name.get(name).map_or(&[], Vec::as_slice)
    }

    /// Whether the snapshot's row `variant` is on the page, with its code and name.
    fn on_page(&self, variant: &VariantApi) -> bool {
        self.rows_named(&variant.name)
            .iter()
            .any(|keyed| retired::is_row(keyed, self.columns, variant, self.codes))
    }

    /// The page's row that is the snapshot's row `was`: the row with its code and name, else
    /// the row its code went to under its name ([`SnapshotRows::recoded`]), else the row of
    /// its code whose name cell was re-worded ([`SnapshotRows::reworded`]).
    pub(super) fn page_row(&self, was: &VariantApi) -> Option<&'r KeyedRow<'k>> {
        let named = self.rows_named(&was.name);
        if let Some(row) =
            named.iter().find(|keyed| retired::is_row(keyed, self.columns, was, self.codes))
        {
            return Some(row);
        }
        self.recoded(was, named).or_else(|| self.reworded(was))
    }

    /// The one row of the page with `was`'s name (`named`), where the snapshot has one row of
    /// that name and no other of its rows with the page row's code has left the page.
    fn recoded(&self, was: &VariantApi, named: &[&'r KeyedRow<'k>]) -> Option<&'r KeyedRow<'k>> {
        let index = self.index();
        only(index.variants_by_name.get(was.name.as_str())?.iter())?;
        let row = *only(named.iter())?;
        let with_its_code =
            index.variants_by_code.get(&row.code_id()).map_or(&[][..], Vec::as_slice);
        let gone_with_its_code = |v: &&VariantApi| v.variant != was.variant && !self.on_page(v);
        (!with_its_code.iter().any(gone_with_its_code)).then_some(row)
    }

    /// The one row of the page with `was`'s code, where it is none of the snapshot's rows
    /// (no variant has its code and name) and `was` is the only one of them with that code
    /// that has left the page: its name cell re-worded, as the gate takes a row whose code
    /// alone stayed (`disk full` for `Disk Full`, a new name for the code).
    fn reworded(&self, was: &VariantApi) -> Option<&'r KeyedRow<'k>> {
        let index = self.index();
        let code = code_id(&was.code, self.codes);
        let row = *only(index.rows_by_code.get(&code)?.iter())?;
        let with_its_code = index.variants_by_code.get(&code)?;
        let is_the_row = |v: &&VariantApi| retired::is_row(row, self.columns, v, self.codes);
        let only_gone = only(with_its_code.iter().filter(|v| !self.on_page(v)))?;
        (only_gone.variant == was.variant && !with_its_code.iter().any(is_the_row)).then_some(row)
    }

    /// The snapshot's row that is the page's row `keyed`.
    pub(super) fn variant_of(&self, keyed: &KeyedRow<'k>) -> Option<&'p VariantApi> {
        let name = cell_text(keyed, self.columns);
        let named = self.index().variants_by_name.get(name)?;
        if let Some(same) = named.iter().find(|v| Code::new(&v.code, self.codes).of(keyed)) {
            return Some(same);
        }
        let was = only(named.iter())?;
        self.page_row(was).is_some_and(|row| std::ptr::eq(row, keyed)).then_some(*was)
    }
}
