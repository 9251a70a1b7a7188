//! Every problem the model's stages find, one named constructor each, so that the stages read
//! as logic and the wording of a diagnostic lives in one place: methods of [`Place`] (the two
//! files a table's problems point into), in one child module per stage, named as the stage's
//! own module of `model` is.

use std::cell::Cell;
use std::ops::Range;

use crate::api::toml_string;
use crate::diagnostics::{Diagnostic, Label};
use crate::manifest::{PinnedNames, Retired, TableSpec, in_manifest_order};
use crate::model::skip::SkipOffer;

mod columns;
mod keys;
mod lints;
mod names;
mod options;
mod retired;
mod select;
mod skip;
mod uniqueness;

pub use columns::ColumnKey;
pub use keys::{AfterTheCode, NotANumber, PatternOffer, SeveralCodes};
pub use select::Offer;

/// The rustc lints that regen warns of itself, at the name in the manifest or the docs that
/// would trip them (an enum or pinned variant name that is not UpperCamelCase, a pinned method
/// name that is not snake_case, a name that looks like another, a script used only in letters
/// that look like Latin ones): a catalog with such a name is accepted, with the warning rustc
/// would give. The one list of them: a test that lints what fuzz inputs generate allows these
/// and no others.
pub const RUSTC_LINTS_WARNED_OF: [&str; 4] =
    [NOT_CAMEL_CASE, NOT_SNAKE_CASE, CONFUSABLE_IDENTS, MIXED_SCRIPT];

/// rustc's lint of a type name (an enum's, a variant's) that is not UpperCamelCase.
const NOT_CAMEL_CASE: &str = "non_camel_case_types";
/// rustc's lint of a method name that is not snake_case.
const NOT_SNAKE_CASE: &str = "non_snake_case";
/// rustc's lint of two names of a crate that look alike.
const CONFUSABLE_IDENTS: &str = "confusable_idents";
/// rustc's lint of a script a crate uses only in letters that look like Latin ones.
const MIXED_SCRIPT: &str = "mixed_script_confusables";

/// The most entries a line a help offers to paste may hold for several helps at once (every
/// row a table's helps offer to leave out; every pin or retirement that keeps a variant the
/// break gate would rename or remove): past it, each help offers its own entry, as a line of
/// every entry in every help would make the helps' text grow as the square of the entries.
pub const MOST_IN_A_LINE: usize = 32;

/// The manifest line `table = { key = value, … }` of `entries` (values written as TOML): the
/// one spelling of the pins and retirements that helps give to paste.
pub fn table_line<'k>(table: &str, entries: impl IntoIterator<Item = (&'k str, String)>) -> String {
    let entries: Vec<String> =
        entries.into_iter().map(|(key, value)| format!("{} = {value}", toml_string(key))).collect();
    format!("{table} = {{ {} }}", entries.join(", "))
}

/// A manifest line of pins that a help offers to paste for a table, with every pin the
/// table's helps of one stage offer (stage 4's and the key pattern's `accessors`, stage 9's
/// `variants`, stage 11's `variants` and `accessors`): as for the break gate's and
/// `skip-rows`' lines, pasting a line of a help's own pin beside the `[[table]]`'s, or two
/// helps' lines, would be a TOML duplicate key.
#[derive(Clone, Debug)]
pub struct PinLine {
    /// The table of pins: `variants` or `accessors`.
    pub table: &'static str,
    /// The line: `variants = { … }` or `accessors = { … }`.
    pub text: String,
    /// Whether the `[[table]]` has such a line already, which this one replaces.
    pub replaces: bool,
    /// Whether only the first help that offers the line gives it, and the others their own
    /// entry: where it holds more than [`MOST_IN_A_LINE`] entries, which in every help would
    /// make the helps' text grow as the square of the entries.
    first_only: bool,
    /// Whether a help has given it ([`PinLine::offered`]).
    given: Cell<bool>,
}

impl PinLine {
    /// The one `table` line (`variants`, `accessors`, `retired`) of a `[[table]]`'s helps:
    /// its `pinned` entries (those a help keeps), then each of `offered` (key, value as TOML),
    /// in place of the entry of its key where `same_key` says the `[[table]]` has one; to paste
    /// in place of the `[[table]]`'s line of `table` where it `has_line`, also where the
    /// offered entries replace every one it has. `None` where the line would hold only the
    /// help's own entry and the `[[table]]` has no such line (the help gives that entry's
    /// line), or nothing is offered. Of more than [`MOST_IN_A_LINE`] entries, the first help
    /// gives the line and each other its own entry.
    pub fn of_all<'k>(
        table: &'static str,
        has_line: bool,
        pinned: impl Iterator<Item = (&'k str, String)>,
        offered: impl Iterator<Item = (&'k str, String)>,
        same_key: impl Fn(&str, &str) -> bool,
    ) -> Option<PinLine> {
        let mut entries: Vec<(&str, String)> = pinned.collect();
        let mut any = false;
        for (key, value) in offered {
            any = true;
            match entries.iter_mut().find(|(entry, _)| same_key(entry, key)) {
                Some(entry) => entry.1 = value,
                None => entries.push((key, value)),
            }
        }
        let more_than_its_own = entries.len() > 1 || has_line;
        let first_only = entries.len() > MOST_IN_A_LINE;
        (any && more_than_its_own).then(|| PinLine {
            table,
            text: table_line(table, entries),
            replaces: has_line,
            first_only,
            given: Cell::new(false),
        })
    }

    /// The line of `entry` alone, which the `[[table]]` has no line of `table` to go with.
    pub fn alone(table: &'static str, entry: (&str, String)) -> PinLine {
        let text = table_line(table, [entry]);
        PinLine { table, text, replaces: false, first_only: false, given: Cell::new(false) }
    }

    /// The line a help gives after the first of a line of more than [`MOST_IN_A_LINE`]
    /// entries, not made again: its own entry, to add to the `[[table]]`'s line of `table`
    /// where it `has_line` (as `PinLine::offered` words it).
    pub fn after_the_first(table: &'static str, has_line: bool) -> PinLine {
        let given = Cell::new(true);
        PinLine { table, text: String::new(), replaces: has_line, first_only: true, given }
    }

    /// The `[[table]]`'s own pins of `what`, as entries of a line (key, name as TOML): the
    /// start of every line of pins a help offers ([`PinLine::of_all`]).
    pub fn pinned(spec: &TableSpec, what: PinnedNames) -> impl Iterator<Item = (&str, String)> {
        let pins = in_manifest_order(spec.pinned(what)).into_iter();
        pins.map(|(key, name)| (key.get_ref().as_str(), toml_string(name.get_ref())))
    }

    /// How a help offers a `retired` line ([`retirement_line`]) that retires the row `key`
    /// names: in place of the `[[table]]`'s, or as a line to add; or, after the first help of
    /// a line of more than [`MOST_IN_A_LINE`] entries, its own retirement, as
    /// [`PinLine::offered`] gives its own pin.
    fn retiring(&self, key: &str) -> String {
        if let Some(own) = self.own_after_the_first(key, retired_value(&new_retirement())) {
            return own;
        }
        match self.replaces {
            true => format!("in place of this [[table]]'s `{}`: `{}`", self.table, self.text),
            false => format!("in this [[table]]: `{}`", self.text),
        }
    }

    /// Where the line holds more than [`MOST_IN_A_LINE`] entries and a help gave it already,
    /// how this help offers its own entry (`key = value`, the value as TOML) instead
    /// ([`own_entry`]); the first help to ask is the one that gives the line.
    fn own_after_the_first(&self, key: &str, value: String) -> Option<String> {
        (self.first_only && self.given.replace(true))
            .then(|| own_entry(self.table, self.replaces, key, value))
    }

    /// How a help whose own entry is `own` (key, value as TOML) offers the line: in place of
    /// the `[[table]]`'s, or as a line to add; or, after the first help of a line of more than
    /// [`MOST_IN_A_LINE`] entries, its own entry, to add to the `[[table]]`'s line where it has
    /// one (a line of its own beside it would be a TOML duplicate key).
    fn offered(&self, (key, value): (&str, &str)) -> String {
        let table = self.table;
        if let Some(own) = self.own_after_the_first(key, value.to_owned()) {
            return own;
        }
        match self.replaces {
            true => format!(
                "in place of this [[table]]'s `{table}`, with every pin offered here: `{}`",
                self.text
            ),
            false => {
                format!("in this [[table]], with every pin offered here: `{}`", self.text)
            }
        }
    }
}

/// How a help offers its own entry of the manifest's `table` (`key = value`, the value as
/// TOML), where it gives no line of every entry: as an entry to add to the `[[table]]`'s line
/// where it `has_line` (a line of its own beside it would be a TOML duplicate key), or as the
/// line to add.
pub fn own_entry(table: &str, has_line: bool, key: &str, value: String) -> String {
    match has_line {
        true => format!("by adding `{} = {value}` to this [[table]]'s `{table}`", toml_string(key)),
        false => format!("in this [[table]]: `{}`", table_line(table, [(key, value)])),
    }
}

/// The `retired` line a help gives to paste for the row that `key` names: the one spelling
/// of a retirement in every help that offers one.
pub fn retirement(key: &str) -> String {
    table_line("retired", [(key, retired_value(&new_retirement()))])
}

/// The `retired` line a help of stage 9 gives to retire the row that `key` names, one of the
/// rows `all` the table's helps retire: with the `[[table]]`'s own retirements, in place of
/// its `retired`, where it has any (beside it, a line of the one retirement would be a TOML
/// duplicate key, as two helps' lines would be beside each other).
pub fn retirement_line(spec: &TableSpec, key: &str, all: &[String]) -> PinLine {
    let retired = in_manifest_order(&spec.retired).into_iter();
    let retired = retired.map(|(key, retired)| (key.get_ref().as_str(), retired_value(retired)));
    let new = |key| (key, retired_value(&new_retirement()));
    let offered = all.iter().map(|key| new(key.as_str()));
    PinLine::of_all("retired", !spec.retired.is_empty(), retired, offered, |a, b| a == b)
        .unwrap_or_else(|| PinLine::alone("retired", new(key)))
}

/// What a retired variant's deprecation says first, and the note a help offers: a note that
/// says only this is not said twice.
pub const RETIRED: &str = "no longer in the documentation";

/// A retirement as a help offers it: its note the default one, no date (the user's to add).
pub fn new_retirement() -> Retired {
    Retired { since: None, note: Some(RETIRED.to_owned()) }
}

/// A retirement as the manifest's `retired` writes it: `{ since = "…", note = "…" }`, each
/// where given.
pub fn retired_value(retired: &Retired) -> String {
    let since = retired.since.as_deref().map(|since| format!("since = {}", toml_string(since)));
    let note = retired.note.as_deref().map(|note| format!("note = {}", toml_string(note)));
    let fields: Vec<String> = since.into_iter().chain(note).collect();
    match fields.is_empty() {
        true => "{}".to_owned(),
        false => format!("{{ {} }}", fields.join(", ")),
    }
}

/// The `skip-rows` line of the manifest's entries `kept` and the rows `cells` name: the one
/// spelling of it in every help that offers it.
pub fn skip_line<'c>(kept: &[&'c str], cells: impl IntoIterator<Item = &'c str>) -> String {
    let entries: Vec<String> = kept.iter().copied().chain(cells).map(toml_string).collect();
    format!("skip-rows = [{}]", entries.join(", "))
}

/// The help's clause that offers the `skip-rows` line of `skip`, where there is one.
fn skip_clause(skip: Option<&SkipOffer>) -> String {
    skip.map_or_else(String::new, |skip| {
        format!(
            "; or, where the row stands for no one code (a range, a list, a class such as \
             `5xx`, a formula, words such as `N/A`, a rule, a heading of the rows below it, \
             an attribute block), {}",
            leave_out(skip)
        )
    })
}

/// How a help offers the `skip-rows` line of `skip`: for one row, or with the others the
/// table's helps offer, so that pasting any one of their lines leaves out all.
fn leave_out(skip: &SkipOffer) -> String {
    match skip.rows {
        1 => format!("leave it out of the enum: `{}`", skip.line),
        _ => format!(
            "leave it out of the enum, with the table's other rows offered so: `{}`",
            skip.line
        ),
    }
}

/// The variant the API snapshot has for one of two rows that generate one name, which a pin
/// keeps.
pub struct KeptVariant<'v> {
    /// The key that names the row alone.
    pub key: String,
    /// The snapshot's variant name for the row.
    pub variant: &'v str,
    /// Whether the row is the first of the two, rather than the second.
    pub first_row: bool,
}

/// How a row's variant name came to be its name before the row's code was added: the name its
/// cells make, which other rows make too, for the error of a name two rows make then.
#[derive(Clone, Copy)]
pub struct Suffix<'s> {
    /// The name the row's cells make.
    pub made: &'s str,
    /// How many rows make it.
    pub rows: usize,
    /// The row's code as written, whose words were added.
    pub code: &'s str,
}

/// The row a pin was for, as the API snapshot has it, for the help of a pin that names no row
/// or several.
pub enum PinnedRow<'p> {
    /// Still in the table.
    InTable {
        /// Its code or name, whichever names it alone.
        key: String,
        /// The pinned variant name.
        variant: &'p str,
        /// Where the manifest has other pins, the one `variants` line of them and the pin keyed
        /// by `key`, without the pin it replaces.
        line: Option<PinLine>,
    },
    /// No longer in the table: neither on the page nor retired.
    Gone {
        /// The key that retires it: its code or name, whichever names it alone.
        key: &'p str,
        /// Its code, as the snapshot has it.
        code: &'p str,
        /// Its name, as the snapshot has it.
        name: &'p str,
        /// The `retired` line that retires it, keyed by its code or name, whichever would
        /// retire it alone ([`retirement_line`]).
        line: PinLine,
        /// The pinned variant name.
        variant: &'p str,
    },
}

/// What tells two rows of one code apart, for the help of a code used twice in a table
/// without `shared-codes`: whether `shared-codes = true` would take the error away, and
/// with which `name-column`.
#[derive(Clone, Copy, Debug)]
pub enum TellsApart<'a> {
    /// Their names (the table has a `name-column`): `shared-codes = true` alone.
    Names,
    /// Their key cells, out of which `key-pattern` takes codes of text, and which name rows
    /// that share a code: `shared-codes = true` alone.
    KeyCells,
    /// The cells of this column (the table has no `name-column`, so its rows are named by
    /// their codes): `shared-codes = true` with this column as `name-column`, which names
    /// every row of the codes the table repeats apart from every other row.
    Column(&'a str),
    /// Nothing: the table has a `name-column` and the two rows have one name.
    SameName,
    /// Nothing: the two rows' names (or key cells) differ, but a row of a code the table
    /// repeats (this code and name) has a name that another row has too, which
    /// `shared-codes = true` would leave found by neither its code nor its name.
    NamesRepeat(&'a str, &'a str),
    /// Nothing: the table has no `name-column`, and no other column names every row of the
    /// codes the table repeats apart from every other row.
    Nothing,
}

/// Where a row is written: its code's cell on the page, or for a retired row, its key in
/// the manifest's `retired`.
#[derive(Clone, Debug)]
pub enum RowAt<'a> {
    /// A row of the page: the span of its code's cell, and the variant the API snapshot has
    /// for a row of that code and name, if it has one.
    Page(Range<usize>, Option<&'a str>),
    /// A retired row: the span of its key in the manifest.
    Retired(Range<usize>),
}

impl RowAt<'_> {
    /// The span, in whichever file it is.
    pub fn span(self) -> Range<usize> {
        match self {
            RowAt::Page(span, _) | RowAt::Retired(span) => span,
        }
    }
}

/// The two files a table's problems point into: the manifest and the table's page.
#[derive(Clone, Copy, Debug)]
pub struct Place<'a> {
    /// The manifest's path as shown.
    pub manifest: &'a str,
    /// The page's path as shown.
    pub page: &'a str,
}

impl Place<'_> {
    /// An error whose one label points into the manifest.
    fn in_manifest(&self, span: Range<usize>, message: String, label: &str) -> Diagnostic {
        Diagnostic::error(message).with_label(Label::primary(self.manifest, span, label))
    }

    /// An error whose one label points into the page.
    fn in_page(&self, span: Range<usize>, message: String, label: &str) -> Diagnostic {
        Diagnostic::error(message).with_label(Label::primary(self.page, span, label))
    }

    /// A warning whose one label points into the page.
    fn warning_in_page(&self, span: Range<usize>, message: String, label: &str) -> Diagnostic {
        Diagnostic::warning(message).with_label(Label::primary(self.page, span, label))
    }
}

/// What a name of the generated crate is, for a warning about it, with what the manifest pins
/// another by: the enum (named in the manifest), a column's method (by its header, on the
/// page), or a row's variant (by the key that names the row alone, [`help_keys`]; on the page,
/// or, retired, in the manifest).
///
/// [`help_keys`]: crate::model::help_keys
#[derive(Clone, Debug)]
pub enum CrateName<'a> {
    /// The enum.
    Enum,
    /// A column's method.
    Method {
        /// The column's header.
        header: &'a str,
    },
    /// A row's variant.
    Variant {
        /// The key a pin of the row has: its code as written, or its name where rows share
        /// the code.
        key: String,
        /// Whether the row is retired (named in the manifest, not on the page).
        retired: bool,
    },
}

impl CrateName<'_> {
    fn noun(&self) -> &'static str {
        match self {
            CrateName::Enum => "enum",
            CrateName::Method { .. } => "method",
            CrateName::Variant { .. } => "variant",
        }
    }
}

fn pin_accessor_help(header: &str) -> String {
    format!(
        "pin another name in the manifest: `accessors = {{ {} = \"...\" }}`",
        toml_string(header)
    )
}

/// The help that pins a name for the row `key` names: its own pin, or `line`, the one line of
/// it with the `[[table]]`'s other pins.
pub(crate) fn pin_variant_help(key: &str, line: Option<&PinLine>) -> String {
    match line {
        Some(line) => format!("pin a name, {}", line.offered((key, "\"...\""))),
        None => format!(
            "pin a name in the manifest: `{}`",
            table_line("variants", [(key, "\"...\"".into())])
        ),
    }
}

/// "`a`, `b`, `c`".
pub fn quoted_list(items: &[&str]) -> String {
    // A header of two lines (`Error<br>Code`) on one, as a code span shows it.
    let quoted = items.iter().map(|item| format!("`{}`", crate::rustdoc::one_line(item)));
    quoted.collect::<Vec<_>>().join(", ")
}
