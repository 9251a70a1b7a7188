//! The trait every generated enum implements, for code that works with any catalog.

use core::fmt::{Debug, Display};
use core::hash::Hash;
use core::iter::{FusedIterator, Zip};
use core::slice;

use crate::Code;

/// Where a generated enum comes from: the documented table and its page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Table {
    /// The enum's name, e.g. `"ErrorCode"`.
    pub name: &'static str,
    /// The table's title: its caption or heading, or the page's title.
    pub title: &'static str,
    /// The published URL of the page the table is on.
    pub url: &'static str,
    /// The page's path in the docs tree, e.g. `"docs-src/mediaconvert/error-codes.md"`.
    pub source: &'static str,
    /// Every column header, in the document's order.
    pub columns: &'static [&'static str],
    /// The index in [`columns`](Self::columns) of the key column, whose cells are the codes.
    pub key_column: usize,
    /// The index in [`columns`](Self::columns) of the name column.
    pub name_column: usize,
    /// The Rust module of the catalog the enum is in, e.g. `"mediaconvert"`.
    pub module: &'static str,
    /// The index in [`columns`](Self::columns) of the column that says what to do about an
    /// entry (the manifest's `help-column`), if the table has one.
    pub help_column: Option<usize>,
}

impl Table {
    /// The table of a generated enum. For generated code only: the struct is
    /// `#[non_exhaustive]` so that fields can be added, and this constructor changes with them.
    #[doc(hidden)]
    #[allow(clippy::too_many_arguments)] // One per field, in order: generated code calls it.
    pub const fn generated(
        name: &'static str,
        module: &'static str,
        title: &'static str,
        url: &'static str,
        source: &'static str,
        columns: &'static [&'static str],
        key_column: usize,
        name_column: usize,
        help_column: Option<usize>,
    ) -> Self {
        Table { name, title, url, source, columns, key_column, name_column, module, help_column }
    }
}

/// A row of a documented table: implemented by every generated enum.
///
/// Generic code (a CLI, a web handler, a metrics exporter) can list, look up and render any
/// catalog through this trait without knowing which table it is (the crate's documentation
/// has an example). This module is the same in every crate the generator makes, so its
/// documentation names no particular table.
pub trait Entry: Copy + Eq + Ord + Hash + Debug + Display + Send + Sync + 'static {
    /// The type of the table's codes.
    type Code: Code;

    /// The table this enum is generated from.
    const TABLE: Table;

    /// Every entry, in the document's order.
    const ALL: &'static [Self];

    /// Whether the table writes its integer codes in hexadecimal (`0x80070005`, as HRESULTs
    /// are written, or digits alone, `0A`, under the manifest's `key-radix = 16`), so that a
    /// code no entry has is shown so too ([`LookupError`](crate::LookupError)'s message,
    /// [`Documented`](crate::Documented)'s `Display`). `false` for decimal and string codes,
    /// and for catalogs generated before it was told.
    const CODES_IN_HEX: bool = false;

    /// The entry's code: the text of its key cell, as [`Self::Code`].
    fn code(self) -> Self::Code;

    /// The entry's name: the text of its name cell (empty where the cell is; the variant is
    /// then named after the code).
    fn name(self) -> &'static str;

    /// The entry with this code; `None` if no entry or more than one has it.
    fn from_code(code: Self::Code) -> Option<Self>;

    /// Every entry with this code, in the document's order: one, none, or several where the
    /// table's rows share codes (then [`from_code`](Self::from_code) answers `None`).
    fn with_code(code: Self::Code) -> &'static [Self];

    /// The published page's URL, pointing at the entry's row where the page gives it an anchor
    /// (`<a name="…">` in a cell); the page's URL ([`Table::url`]) otherwise.
    fn url(self) -> &'static str;

    /// The entry's code as the doc writes it: `"0x3200000a"` where [`code`](Self::code) is
    /// `838860810`, `"1010"`, `"ACCESS_DENIED"`. [`Display`] writes this.
    fn code_text(self) -> &'static str;

    /// The entry whose code is written `text`: the digits of an integer code (decimal, or
    /// hexadecimal after `0x` or before an `h`, `0Ah`; in a table whose codes are written in
    /// hexadecimal digits alone, `key-radix = 16`, those too: `"10"` is `0x10`) or the exact
    /// text of a string code.
    fn from_code_text(text: &str) -> Option<Self>;

    /// The code written `text`, as this table's codes are written: [`Code::parse`], or in a
    /// table whose codes are hexadecimal digits alone (`0A`, `10`: the manifest's
    /// `key-radix = 16`), those digits read in base 16. `None` where `text` is no code of this
    /// type, and always for string codes.
    fn parse_code(text: &str) -> Option<Self::Code> {
        Self::Code::parse(text)
    }

    /// The entry with exactly this name; `None` if no entry or more than one has it, and for
    /// `""` (entries whose name cell is empty have no name to be found by).
    fn from_name(name: &str) -> Option<Self>;

    /// The plain text of every cell of the entry's row, in the order of
    /// [`Table::columns`](Table::columns).
    fn cells(self) -> &'static [&'static str];

    /// Whether the entry is retired: its row is no longer in the documentation, and the catalog
    /// keeps it (deprecated, with its last documented text) for code and data that still name
    /// it. Catalogs generated before retirement existed have no retired entries.
    fn is_retired(self) -> bool {
        false
    }

    /// Whether the page crosses the entry's code out (`~~0x06~~`), as registries mark a code
    /// no longer in use while they keep its row: the entry is deprecated, and not retired (the
    /// page still documents it). Catalogs generated before it was told have none.
    fn is_crossed_out(self) -> bool {
        false
    }

    /// What to do about the entry: its cell in the table's help column
    /// ([`Table::help_column`]), where the table has one.
    fn help(self) -> Option<&'static str> {
        Some(self.cells()[Self::TABLE.help_column?])
    }

    /// The row as `(column header, plain text)` pairs, in the document's order.
    fn fields(self) -> Fields {
        Fields { inner: Self::TABLE.columns.iter().zip(self.cells()) }
    }
}

/// The `(column header, plain text)` pairs of a row, from [`Entry::fields`].
#[derive(Clone, Debug)]
pub struct Fields {
    inner: Zip<slice::Iter<'static, &'static str>, slice::Iter<'static, &'static str>>,
}

impl Iterator for Fields {
    type Item = (&'static str, &'static str);

    fn next(&mut self) -> Option<Self::Item> {
        self.inner.next().map(|(header, cell)| (*header, *cell))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl DoubleEndedIterator for Fields {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.inner.next_back().map(|(header, cell)| (*header, *cell))
    }
}

impl ExactSizeIterator for Fields {}

impl FusedIterator for Fields {}
