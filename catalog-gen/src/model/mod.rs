//! The validated model: manifest + pages → modules of enums with every fact emit needs, or
//! every problem found.
//!
//! [`build`] runs these stages in order, each a small function in a module of its own; every
//! stage pushes what it finds wrong into one list of problems, and a table that fails a stage
//! skips the stages after it, so one run reports every problem of every table:
//!
//! 1. [`pages`]: parse each page the manifest names, once; a table whose header row is empty
//!    is headed by its first row; a table set in columns (`| Code | Description | Code |
//!    Description |`) is read a group of columns after the other.
//! 2. [`options`]: the table's own manifest values: its URL, `key-pattern` and pinned names.
//! 3. [`select`]: pick the table on its page by `heading`, `caption` and `index`, or with
//!    `all-tables`, join every one that has the columns named.
//! 4. [`columns`]: find the key and name columns and name every column's accessor; make one
//!    row of the rows that are one ([`merged`]: in a table written in HTML, rows a code cell
//!    spans; with `continued-rows`, rows without a code that continue the row above); with
//!    `split-codes`, make a row of each code a key cell lists ([`split`]).
//! 5. [`skip`]: leave out the rows the manifest's `skip-rows` names (a range, a formula: rows
//!    that stand for no one code), so that every later stage reads the table without them.
//! 6. [`keys`]: read each row's code (row width, `key-pattern`, the code's type) and name.
//! 7. [`retired`]: rows the docs no longer have, kept from the API snapshot where the manifest
//!    retires them.
//! 8. [`uniqueness`]: no code twice (or with `shared-codes`, no code and name twice); a row
//!    copied upstream, the same in every cell, is read once.
//! 9. [`names`]: each row's variant name: pinned, kept (retired), from its name cell, or
//!    suffixed with its code. Its problems' helps, like the break gate's, give the keys of
//!    [`help_keys`], and read the API snapshot's rows beside the table's ([`snapshot_rows`]).
//! 10. [`facts`]: what the generated code is built on: whether codes are discriminants, rows
//!     grouped by code, names in lookup order, ambiguous names.
//! 11. [`lints`]: warnings about what compiles but is worth knowing (a table slow to compile,
//!     a table without rows, a very long variant name, a cell that is only a placeholder);
//!     then, across the crate, [`look_alike`]: names rustc will warn look alike, and modules
//!     whose file Windows cannot create.
//! 12. [`docs`]: each row's rustdoc and each module's prose, and the modules assembled.
//!
//! Problems are errors or warnings: a table with an error skips the stages after the one that
//! found it, and any error fails the build; warnings travel with the catalog.
//!
//! Emit only reads the result; [`crate::api`] derives the catalog's public API from it.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::ops::Range;
use std::sync::Arc;

use crate::Cleanup;
use crate::api::{CatalogApi, EnumApi};
use crate::diagnostics::Diagnostic;
use crate::int_code::{Codes, IntValue};
use crate::manifest::{KeyType, Manifest};
use crate::markdown;
use crate::naming::Identifier;
pub use crate::rustdoc::Doc;
use crate::source::Pages;
pub use facts::Discriminants;
use select::Picked;

pub mod columns;
pub mod docs;
pub mod facts;
pub mod help_keys;
pub mod keys;
pub mod lints;
pub mod look_alike;
pub mod merged;
pub mod names;
pub mod options;
pub mod pages;
pub mod problems;
pub mod retired;
pub mod select;
pub mod skip;
pub mod snapshot_rows;
pub mod split;
pub mod uniqueness;

/// Everything to generate: one module per file.
#[derive(Debug)]
pub struct Catalog {
    /// The modules, sorted by name.
    pub modules: Vec<Module>,
    /// What the docs say that compiles but is worth knowing.
    pub warnings: Vec<Diagnostic>,
}

/// A generated module: the enums of one page.
#[derive(Debug)]
pub struct Module {
    /// The module's name.
    pub name: Identifier,
    /// The page's path, as shown in headers.
    pub source: String,
    /// The page's title: its first level-1 heading, or its front matter's title; empty where
    /// it has neither.
    pub title: String,
    /// The page's prose, as rustdoc Markdown.
    pub prose: String,
    /// The enums, in manifest order. Shared: the generated files' rows are made from them
    /// while the files are read (`FileText`).
    pub enums: Vec<Arc<Enum>>,
}

/// A generated enum: one documented table, with every fact its code is built on.
#[derive(Debug)]
pub struct Enum {
    /// The enum's name.
    pub name: Identifier,
    /// The table's caption or heading, or the page's title, or else the enum's name.
    pub title: String,
    /// The page's published URL.
    pub url: String,
    /// The page's path, as shown in headers.
    pub source: String,
    /// How many of the page's tables the enum is made of: one, or those `all-tables` joins.
    pub page_tables: usize,
    /// The page's text, which the variants' [docs](Variant::docs) read from.
    pub page: Arc<String>,
    /// The page's footnotes, which a variant's rustdoc carries where its cells refer to them.
    pub footnotes: crate::rustdoc::Footnotes,
    /// The type of the codes.
    pub code_type: KeyType,
    /// How the codes read: text, or integers in decimal or in hexadecimal digits alone
    /// (`key-radix = 16`), as the generated `FromStr` reads them too.
    pub codes: Codes,
    /// Every column, in the document's order.
    pub columns: Vec<Column>,
    /// Index of the key column.
    pub key_column: usize,
    /// Index of the name column (the key column when the table has no name column).
    pub name_column: usize,
    /// Index of the column that says what to do (manifest `help-column`), if any.
    pub help_column: Option<usize>,
    /// The Rust module the enum is in.
    pub module: Identifier,
    /// Whether rows may share a code (manifest `shared-codes`).
    pub shared_codes: bool,
    /// Whether the key cell holds just the code (no `key-pattern`), so that its text is the
    /// code as written.
    pub key_is_whole_cell: bool,
    /// Whether the codes are the discriminants (integer codes, unique, and not turned off in
    /// the manifest), and if not, why.
    pub discriminants: Discriminants,
    /// Whether every row's code is the text of its key cell (string codes, no `key-pattern`):
    /// `code()` reads the cell, and no table of codes is made.
    pub codes_are_key_cells: bool,
    /// Whether every row's name is its code: the name column is the key column (the table has
    /// no name column of its own), [`codes_are_key_cells`](Enum::codes_are_key_cells), and no
    /// two rows share a code. `from_name` is then `from_code`, and no table of names is made.
    pub names_are_codes: bool,
    /// How cells are stored.
    pub layout: Layout,
    /// One variant per row, in the document's order.
    pub variants: Vec<Variant>,
    /// Row numbers in lookup order of their codes (see [`facts::key_order`]); rows that share a
    /// code stay in the document's order.
    pub rows_by_code: Vec<usize>,
    /// The rows the manifest leaves out (`skip-rows`), in the page's order, each by the plain
    /// text of its key cell (or of its first cell with text, where that is empty; empty for a
    /// row without text): the enum's rustdoc names them.
    pub skipped: Vec<String>,
    /// Whether any row has a URL of its own ([`Variant::url`]).
    pub row_urls: bool,
    /// Ranges of [`Enum::rows_by_code`] whose rows share one code, in lookup order.
    pub code_groups: Vec<Range<usize>>,
    /// The rows whose name no other row has, in lookup order of their names.
    pub rows_by_name: Vec<usize>,
    /// Names that more than one row has, in lookup order: `from_name` never finds them.
    pub ambiguous_names: Vec<String>,
    /// Where in the manifest the enum and its pins come from, for diagnostics about it.
    pub origin: Origin,
}

impl Enum {
    /// Whether some row has a code that no other row has: where none has (every code is
    /// shared, or there are no rows), `from_code` finds nothing for any code.
    pub fn has_a_code_of_its_own(&self) -> bool {
        self.code_groups.iter().any(|group| group.len() == 1)
    }

    /// Whether the page writes the integer codes in hexadecimal, so that a code no row has is
    /// best shown so too (the generated crate's lookup error): in hexadecimal digits alone
    /// (`key-radix = 16`), or every code but `0` to `9`, which read the same either way, after
    /// `0x` or before an `h` (`0x80070005`, as HRESULTs are written, with `S_OK` as `0`), and
    /// at least one.
    pub fn writes_codes_in_hex(&self) -> bool {
        let in_hex = |variant: &Variant| self.codes.hex_digits(&variant.key_text).is_some();
        let one_digit = |variant: &Variant| match &variant.key {
            Key::Int(code) => (IntValue::from(0u64)..IntValue::from(10u64)).contains(code),
            Key::Str(_) => false,
        };
        match self.codes {
            Codes::Hex => true,
            Codes::Text => false,
            Codes::Decimal => {
                let variants = &self.variants;
                variants.iter().any(in_hex)
                    && variants.iter().filter(|variant| !one_digit(variant)).all(in_hex)
            }
        }
    }
}

/// How a generated enum stores its cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// One static table of rows, indexed by the variant's row number.
    Tables,
    /// One `match` per accessor, an arm per variant.
    Match,
}

/// A column of a table.
#[derive(Clone, Debug)]
pub struct Column {
    /// The header's plain text.
    pub header: String,
    /// The accessor method; `None` where `code()` or `name()` serves the column, or where it
    /// is blank.
    pub accessor: Option<Identifier>,
    /// Whether the column has neither a header nor text in any row (a `| |` too many at the
    /// end of each line): no method returns it, nor does a variant's rustdoc show it.
    pub blank: bool,
}

impl Column {
    /// "`Meaning` cell", or "Column 3 cell": how rustdoc and warnings name the column's cell
    /// in a sentence ([`column_label`]).
    pub fn cell_phrase(&self, index: usize) -> String {
        format!("{} cell", column_label(&self.header, index))
    }
}

/// How a sentence names the column at `index` with `header`: its [title](column_title), the
/// header as a code span (backticks inside become quotes) or `Column 3` where it has none.
pub fn column_label(header: &str, index: usize) -> String {
    match column_title(header, index) {
        Cow::Borrowed(header) => crate::rustdoc::code_span(header),
        Cow::Owned(title) => title,
    }
}

/// How the generated code and the changelog name the column at `index` with `header`: the
/// header, or `Column 3` (counted from 1) where the page left it without one, which an
/// empty code span would show as stray backticks.
pub fn column_title(header: &str, index: usize) -> Cow<'_, str> {
    if header.is_empty() {
        Cow::Owned(format!("Column {}", index + 1))
    } else {
        Cow::Borrowed(header)
    }
}

/// Why a row that left the docs is kept (the manifest's `retired`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Retirement {
    /// When it left the docs, as the manifest writes it.
    pub since: Option<String>,
    /// Why, or what to use instead.
    pub note: Option<String>,
}

/// A row of a table.
#[derive(Debug)]
pub struct Variant {
    /// The variant's identifier.
    pub ident: Identifier,
    /// The parsed code.
    pub key: Key,
    /// The code as written in the key cell (after `key-pattern`).
    pub key_text: String,
    /// The plain text of every cell, in column order; shared with the API snapshot's
    /// [`VariantApi`](crate::api::VariantApi), which needs the same texts (a large table's
    /// cells are tens of megabytes).
    pub cells: Arc<[Arc<str>]>,
    /// The rustdoc Markdown of every cell, in column order, as places in [`Enum::page`].
    pub docs: Vec<Doc>,
    /// The published page's URL pointing at this row, where a cell of the row has an anchor
    /// (`<a name="…">`), or else the page its code cell is a link to; `None` where the page
    /// URL is all there is.
    pub url: Option<String>,
    /// Where the row is retired (no longer in the docs), why: boxed, as few rows are, so that
    /// a variant is no larger than the named row it is made from and takes its place.
    pub retired: Option<Box<Retirement>>,
    /// Whether the page crosses out the row's code (`~~0x06~~`), as registries cross out a
    /// code no longer in use: the variant is deprecated.
    pub crossed_out: bool,
}

impl Variant {
    /// The text of the row's name cell.
    pub fn name<'v>(&'v self, table: &Enum) -> &'v str {
        &self.cells[table.name_column]
    }
}

/// A parsed code.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Key {
    /// An integer code.
    Int(IntValue),
    /// A string code.
    Str(String),
}

/// Where an enum comes from in the manifest.
#[derive(Clone, Debug, Default)]
pub struct Origin {
    /// The manifest's path as shown.
    pub manifest: String,
    /// The span of the `[[table]]`'s `enum` value.
    pub enum_span: Range<usize>,
    /// The pinned variant names: key (code as written, or name), the name, and its span.
    pub pins: Vec<(String, String, Range<usize>)>,
    /// The manifest's `skip-rows` entries: a row that one of them names is left out there,
    /// not gone from the page, which the break gate's help says.
    pub skip_rows: Vec<String>,
    /// The manifest's retirements in effect (not those of rows the page documents again): key
    /// and entry, which the break gate's line that keeps every removed row keeps too.
    pub retired: Vec<(String, crate::manifest::Retired)>,
    /// Whether the `[[table]]` has a `retired` table, its retirements in effect or not: a line
    /// of retirements a help gives is then to paste in its place.
    pub has_retired: bool,
    /// The manifest's `accessors` pins: header and method, which the break gate's line that
    /// keeps every removed method keeps too.
    pub accessors: Vec<(String, String)>,
    /// Every column accessor the model made, with its column's header: the break gate keys the
    /// pin of a method renamed under a kept header by it (the API snapshot records the methods
    /// and the headers, not which is whose).
    pub methods: Vec<(String, String)>,
    /// How the codes read (the `key-type` and `key-radix`): where they are integers, `0003` and
    /// `3` are one code.
    pub codes: Codes,
    /// Whether the codes are the discriminants, and if not, why: what the break gate says
    /// where they no longer are.
    pub discriminants: Discriminants,
}

/// Builds the model with its warnings, or returns every problem found (warnings included).
/// The page readings are disposed of as `cleanup` says once the model is built.
pub fn build(
    manifest_path: &str,
    manifest: &Manifest,
    pages: &Pages,
    previous: Option<&CatalogApi>,
    cleanup: Cleanup,
) -> Result<Catalog, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let parsed = pages::parse(manifest_path, manifest, pages, &mut problems);
    // Where a table skips rows, joins several of the page (`all-tables`), makes one row of
    // rows that are one, or splits rows of several codes (`split-codes`), the table it makes,
    // which the table's rows then borrow from as they do from a page's.
    let derived: Vec<[OnceCell<markdown::Table>; 4]> =
        manifest.tables.iter().map(|_| Default::default()).collect();
    let mut tables = Vec::new();
    for (spec, [without_skipped, joined, merged, split]) in manifest.tables.iter().zip(&derived) {
        let derived = Derived { without_skipped, joined, merged, split };
        let Some(page) = parsed.get(spec.page.get_ref().as_str()) else { continue };
        let previous = previous.and_then(|api| api.enums.get(spec.enum_name.get_ref()));
        let place = problems::Place { manifest: manifest_path, page: &page.path };
        let (start, mut offers) = (problems.len(), skip::Offers::new(&spec.skip_rows));
        let mut found = table(&place, spec, page, derived, previous, &mut offers, &mut problems);
        // Where the table's helps offered to leave out several rows, or several pins, each its
        // own, they are made again, each offering all of them: one line to paste. The table
        // is read twice, but only where it fails.
        if let Some(mut offers) = offers.at_once() {
            problems.truncate(start);
            found = table(&place, spec, page, derived, previous, &mut offers, &mut problems);
        }
        if let Some(table) = found {
            tables.push(table);
        }
    }
    look_alike::check(&tables, &mut problems);
    lints::windows_reserved_modules(&tables, &mut problems);
    if problems.iter().any(Diagnostic::is_error) {
        return Err(problems);
    }
    let catalog = Catalog { warnings: problems, ..docs::catalog(tables) };
    cleanup.dispose_here(parsed);
    Ok(catalog)
}

/// The tables a `[[table]]` makes of its page's, which its rows borrow from: made once, kept
/// for the whole build.
#[derive(Clone, Copy)]
struct Derived<'a> {
    /// The table without the rows the manifest leaves out ([`skip`]).
    without_skipped: &'a OnceCell<markdown::Table<'a>>,
    /// The rows of the tables `all-tables` joins, as one table ([`select::joined`]).
    joined: &'a OnceCell<markdown::Table<'a>>,
    /// The table with one row of the rows that are one ([`merged`]).
    merged: &'a OnceCell<markdown::Table<'a>>,
    /// The table with a row of each code its key cells list (`split-codes`, [`split`]).
    split: &'a OnceCell<markdown::Table<'a>>,
}

/// Stages 2 to 11 for one `[[table]]`: the table with its rows named and its facts derived,
/// or `None` with its problems pushed.
fn table<'a>(
    place: &problems::Place<'a>,
    spec: &'a crate::manifest::TableSpec,
    page: &'a pages::ParsedPage<'a>,
    derived: Derived<'a>,
    previous: Option<&EnumApi>,
    offers: &mut skip::Offers<'_>,
    problems: &mut Vec<Diagnostic>,
) -> Option<docs::ReadyTable<'a>> {
    let start = problems.len();
    let options = options::read(place, spec, problems);
    // With where the first row of each of the page's tables it is made of starts: told by
    // its place on the page, which merging, splitting and leaving out rows do not move.
    let first_rows = |tables: &[&markdown::Table<'_>]| -> Vec<usize> {
        tables.iter().filter_map(|table| Some(table.rows.first()?.span.start)).collect()
    };
    let (table, page_tables, firsts) = match select::table(place, spec, &page.page, problems)? {
        Picked::One(table) => (table, vec![table.events.start], first_rows(&[table])),
        Picked::All(tables) => (
            derived.joined.get_or_init(|| select::joined(&tables)),
            tables.iter().map(|table| table.events.start).collect(),
            first_rows(&tables),
        ),
    };
    let columns = columns::resolve(place, spec, table, problems)?;
    let table = match merged::rows(table, &firsts, &columns, spec.continues_rows()) {
        Some(merged) => derived.merged.get_or_init(|| merged),
        None => table,
    };
    let table = match split::rows(spec, page.page.source, table, columns.key) {
        Some(split) => derived.split.get_or_init(|| split),
        None => table,
    };
    let (table, skipped) = match skip::rows(place, spec, table, &columns, offers, problems) {
        Some(skipped) => (derived.without_skipped.get_or_init(|| skipped.table), skipped.shown),
        None => (table, Vec::new()),
    };
    // What each page row gives its variant (stage 12: its cells' text and rustdoc, its URL)
    // needs only the page, so it is made on other cores while stages 6 to 11 read, check and
    // name the rows, mostly on one: at 200k rows, it took a tenth of a second after them, and
    // reading the rows' codes (stage 6) before it left a core idle for 25 ms (BENCHMARKS.md,
    // forty-second round). Where the table fails, it is made for nothing. The names in lookup
    // order (stage 10) need only the rows' name cells, the page's and then those the manifest
    // retires, so they are sorted beside the checks: at 200k rows, sorting them after the
    // names were assigned took 60 to 100 ms, on one core (BENCHMARKS.md, thirty-first round).
    let source = page.page.source;
    let page_rows = || Some(docs::page_rows(source, table, options.base.as_ref()?, columns.key));
    let named = || {
        let pattern = options.key_pattern.as_ref();
        let mut rows =
            keys::read(place, spec, (source, table, &firsts), &columns, pattern, offers, problems);
        retired::keep(place, spec, table, &columns, previous, &mut rows, problems);
        let retired_names = retired::names(&rows, &columns);
        let by_name = || {
            let names = table.rows.iter().map(|row| &*row.cells()[columns.name].text);
            facts::name_order(names.chain(retired_names.iter().map(|name| &**name)))
        };
        let checked = || {
            let rows = uniqueness::check(
                place,
                source,
                (spec, &columns),
                previous,
                rows,
                offers,
                problems,
            );
            let rows = names::assign(place, spec, &columns, previous, rows, offers, problems);
            if problems[start..].iter().any(Diagnostic::is_error) {
                return None;
            }
            // The warnings need of the facts only what the table's size says: checked beside
            // the sorting by code, which at 100k rows leaves a core idle.
            let off_by_size = facts::discriminants(spec, rows.len()) == Discriminants::ManyRows;
            let (by_code, ()) = crate::parallel::join(
                rows.len(),
                || facts::code_order(&rows),
                || lints::check(place, spec, source, &columns, &rows, off_by_size, problems),
            );
            Some((rows, by_code))
        };
        let (by_name, checked) = crate::parallel::join(table.rows.len(), by_name, checked);
        (retired_names.len(), by_name, checked)
    };
    let (page_rows, (retired, by_name, checked)) =
        crate::parallel::join(table.rows.len(), page_rows, named);
    let (rows, by_code) = checked?;
    let page_rows = page_rows?;
    // Rows pass the checks whole and in order (stages 6, 8 and 9 drop a row only with an
    // error), so the names sorted are theirs. Should a later change drop one without an error,
    // they are sorted again from the rows rather than pointing lookups at the wrong rows.
    let page_rows_of = rows.iter().map(|row| row.page_row);
    let by_name = if retired::page_rows_then_retired(page_rows_of, table.rows.len(), retired) {
        by_name
    } else {
        facts::name_order(facts::names_of(&rows, &columns))
    };
    let facts = facts::derive(spec, by_code, by_name);
    Some(docs::ReadyTable {
        module: options.module?,
        enum_name: options.enum_name?,
        manifest_path: place.manifest,
        spec,
        page,
        base: options.base?,
        table,
        page_tables,
        skipped,
        columns,
        rows,
        facts,
        page_rows,
    })
}

/// Header and heading text compared as a reader would: case, runs of spaces and footnote
/// marks ignored.
pub fn same_text(a: &str, b: &str) -> bool {
    normalize(a) == normalize(b)
}

/// Text with its footnote marks taken out (`Name[^1]`, which GitHub shows as `Name` and a
/// superscript link, `Code<sup>1</sup>`, `Code¹`), runs of whitespace made one space,
/// lower-cased.
pub fn normalize(text: &str) -> String {
    let text = markdown::without_footnote_marks(text);
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// The candidate closest to `wanted`, if any is close enough to be a likely typo.
pub(crate) fn closest<'c>(wanted: &str, candidates: &[&'c str]) -> Option<&'c str> {
    candidates
        .iter()
        .map(|candidate| {
            (
                strsim::normalized_damerau_levenshtein(&normalize(wanted), &normalize(candidate)),
                *candidate,
            )
        })
        .filter(|(score, _)| *score >= 0.5)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

/// What the stages' unit tests share: a `[[table]]` entry, a place, rows with their codes.
#[cfg(test)]
mod testing {
    use crate::manifest::TableSpec;
    use crate::markdown::Table;
    use crate::model::Key;
    use crate::model::keys::KeyedRow;
    use crate::model::problems::Place;

    /// A `[[table]]` entry for `p.md` with `options` added (which must give the key column and
    /// type where the test needs them).
    pub fn spec(options: &str) -> TableSpec {
        let text = format!(
            "page = \"p.md\"\nurl = \"https://x.test/p.html\"\nmodule = \"m\"\nenum = \"E\"\n\
             {options}"
        );
        toml::from_str(&text).unwrap()
    }

    /// Problems point into `m.toml` and `p.md`.
    pub const PLACE: Place<'static> = Place { manifest: "m.toml", page: "p.md" };

    /// Every row of `table` with the first cell as its code: an integer where it is one.
    pub fn keyed_rows<'a>(table: &'a Table<'a>) -> Vec<KeyedRow<'a>> {
        let rows = table.rows.iter().enumerate().map(|(index, row)| {
            let text = row.cells()[0].text.to_string();
            let key =
                crate::int_code::int_value(&text).map_or_else(|| Key::Str(text.clone()), Key::Int);
            let row = std::borrow::Cow::Borrowed(row);
            KeyedRow { key, key_text: text, row, page_row: Some(index), retiring: None }
        });
        rows.collect()
    }
}
