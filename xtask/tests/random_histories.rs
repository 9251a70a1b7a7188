//! Made-up docs histories replayed through regen as a team would replay its own
//! (`common::replay`: the helps pasted, `--allow-breaking` where no help gives a fix): rows
//! renamed, removed, added, documented again, moved, given new codes, codes written with a
//! leading zero or in hexadecimal, or below zero (of a signed `key-type`), or in hexadecimal digits
//! alone (`0A`, `10`, of `key-radix = 16`), words after the code in its cell, names swapped, shared,
//! written in another style (`disk full`, `Disk-Full`), set off as code or bold, codes crossed
//! out (`~~7~~`) and no longer, names making no
//! identifier or left empty, string codes whose letter changes case (`E7`, `e7`: another code, the same
//! identifier), a row added whose name or code makes another's identifier, a column renamed,
//! added or taken away, the columns put in another order, and the manifest's `strip-suffix`,
//! `key-pattern`, `shared-codes`, `discriminants` and `key-type` changed between updates; on tables of integer codes, of
//! string codes, of codes rows share, and of string codes that name the variants, with or
//! without a `key-pattern` and a `strip-suffix`; a page of one such table, or of two under
//! their headings (each its own `[[table]]` of one module), where a row may also move from one
//! table to the other, and the page's prose and the details' links may change; and in tables
//! of integer codes, a registry's row for no one code (`0x02-0x0F`, `0x7f * N + 0x21`) that
//! comes and goes and is spelled otherwise, which the pasted `skip-rows` leaves out. Real histories found most of the break gate's
//! problems one page at a time (`replay_history.rs`); these find them by kind.
//!
//! Besides what every replay checks (no panic, files up to date after each regen, no help that
//! comes back after its paste), each revision regen accepts without `--allow-breaking` must
//! keep the gate's promise against the revision before it: no variant is gone, a retired
//! variant keeps its code, and a row whose code and name did not change keeps its variant.
//! Each revision that generates must tell the order of its variants as the generated code
//! has it: where the derived `Ord` (by the discriminants, or in declaration order) sorts two
//! variants of both revisions otherwise, the changelog calls it major, and it lists variants
//! as reordered exactly where the declaration order changed; and names that `from_name`
//! found a row by and no longer does, while rows still have them, are listed as names now
//! shared, in a major release. Where the generated module is written otherwise, the
//! changelog must say something (the page's prose, or a name set off as code, is in the
//! module's rustdoc and in no snapshot).
//! No revision may be refused: every page made here is one regen can generate; but where rows
//! share codes, the pins and retirements pasted can leave a row that shares its code with a
//! row of the page and its name with a retired one, or a pin keyed by a code that rows now
//! share, and where `shared-codes` is taken out, a retired row whose code a row of the page
//! has, which only the team can tell apart (the helps name the retirement to remove if it is
//! the retired row back, and the keys that name each row), and the history ends there.
//!
//! `PROPTEST_CASES=N` runs more histories than CI's.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use catalog_gen::api::{CatalogApi, VariantApi};
use catalog_gen::changelog::{Changelog, Semver};
use common::replay::{Outcome, Replay};
use proptest::prelude::*;
use proptest::sample::select;

/// The words names are made of: few, so that rows come to share names. `Error` is the suffix
/// that tables with `strip-suffix` take off.
const WORDS: [&str; 7] = ["Disk", "Full", "Bad", "Request", "Quota", "Gone", "Error"];

/// The kind of table a history is of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// Integer codes, one row each.
    Integer,
    /// String codes (`E7`), one row each.
    Text,
    /// Integer codes that rows may share, each row told apart by its code or its name.
    Shared,
    /// String codes that name the variants (no `name-column`, as pages keyed by exception
    /// names are); the name column is a column like any other.
    Keyed,
}

/// What the manifest's table says besides its kind: options that change how codes are read
/// and names made, fixed for a history.
#[derive(Clone, Copy, Debug, Default)]
struct Reading {
    /// A `key-pattern` that finds the code at the start of its cell, which may say more
    /// (`7 (since 2024)`, [`Edit::AnnotateCode`]).
    pattern: bool,
    /// `strip-suffix = "Error"`: `Disk Error` makes `Disk`.
    strip: bool,
    /// `discriminants = false` or `true`, or neither ([`Reread::Discriminants`]); `true` only
    /// where codes can be the discriminants (unique integers).
    discriminants: Option<bool>,
    /// Integer codes read as `u32` rather than `u16`, or `i32` rather than `i16`
    /// ([`Reread::CodeType`]).
    wide: bool,
    /// Integer codes written below zero (`-7`, as JSON-RPC's are), of a signed `key-type`;
    /// fixed for a history.
    negative: bool,
    /// Integer codes written in hexadecimal digits alone (`0A`, `10`: `key-radix = 16`, where
    /// `10` is sixteen), never below zero; fixed for a history.
    hex: bool,
}

impl Kind {
    /// The table's lines of the manifest.
    fn table(self, reading: Reading) -> String {
        let key_type = match (self.string_codes(), reading.negative, reading.wide) {
            (true, _, _) => "str",
            (false, false, false) => "u16",
            (false, false, true) => "u32",
            (false, true, false) => "i16",
            (false, true, true) => "i32",
        };
        let mut lines = format!("key-column = \"Code\"\nkey-type = \"{key_type}\"\n");
        if self != Kind::Keyed {
            lines.push_str("name-column = \"Name\"\n");
        }
        if self == Kind::Shared {
            lines.push_str("shared-codes = true\n");
        }
        if reading.hex {
            lines.push_str("key-radix = 16\n");
        }
        match (reading.pattern, reading.hex) {
            (true, false) => lines.push_str("key-pattern = '^(0x[0-9A-Fa-f]+|[Ee]?-?[0-9]+)'\n"),
            (true, true) => lines.push_str("key-pattern = '^(0x[0-9A-Fa-f]+|[0-9A-Fa-f]+)'\n"),
            (false, _) => {}
        }
        if reading.strip {
            lines.push_str("strip-suffix = \"Error\"\n");
        }
        if let Some(discriminants) = reading.discriminants {
            lines.push_str(&format!("discriminants = {discriminants}\n"));
        }
        lines
    }

    /// How the page first writes `code`, in a table read as `reading` says.
    fn written(self, code: u16, reading: Reading) -> String {
        match (self.string_codes(), reading.negative, reading.hex) {
            (true, _, _) => format!("E{code}"),
            (false, true, _) => format!("-{code}"),
            (false, false, true) => format!("{code:02X}"),
            (false, false, false) => code.to_string(),
        }
    }

    /// Whether codes are strings (`E7`), told apart as written.
    fn string_codes(self) -> bool {
        matches!(self, Kind::Text | Kind::Keyed)
    }
}

/// One row of the page.
#[derive(Clone, Debug)]
struct Row {
    code: u16,
    /// The code as the page writes it (`7`, or `07` after [`Edit::PadCode`]).
    written: String,
    name: String,
    details: String,
    /// What the code's cell says after the code, where the table has a `key-pattern`.
    annotation: Option<String>,
    /// How the name is set off ([`Edit::Format`]): plain, a code span, or bold.
    format: u8,
    /// Where the details link to ([`Edit::LinkDetails`]): nowhere, a relative page, or an
    /// absolute URL. The plain text is the same; the rustdoc is not.
    link: u8,
    /// Whether the code's cell is crossed out ([`Edit::CrossOut`]).
    crossed: bool,
}

impl Row {
    /// The row's key cell as the page writes it: its code, and its annotation after it,
    /// crossed out where it is.
    fn key_cell(&self) -> String {
        let cell = match &self.annotation {
            Some(annotation) => format!("{} {annotation}", self.written),
            None => self.written.clone(),
        };
        if self.crossed { format!("~~{cell}~~") } else { cell }
    }
}

/// One change a docs update makes. Rows are picked by a number taken modulo the page's rows.
#[derive(Clone, Debug)]
enum Edit {
    Rename {
        row: usize,
        name: String,
    },
    Remove {
        row: usize,
    },
    Add {
        code: u16,
        name: String,
    },
    /// A removed row back as it was.
    Restore {
        which: usize,
    },
    SwapNames {
        a: usize,
        b: usize,
    },
    ChangeCode {
        row: usize,
        code: u16,
    },
    PadCode {
        row: usize,
    },
    Move {
        row: usize,
        to: usize,
    },
    RewordDetails {
        row: usize,
    },
    /// The details made a link, to another page or to an absolute URL, or no link again.
    LinkDetails {
        row: usize,
    },
    /// The code written in hexadecimal (`0x1A`), where codes are integers.
    HexCode {
        row: usize,
    },
    /// A name cell that makes no identifier (`—`), or left `empty`: the variant is named from
    /// the code.
    Unnamed {
        row: usize,
        empty: bool,
    },
    RenameColumn,
    /// A fourth column added, or taken away (a break no pin can mend).
    ToggleNotes,
    /// The first three columns rotated: the code's, the name's and the third in another
    /// order (retired rows' last text is read back from the snapshot by header).
    RotateColumns,
    /// Words after the code in its cell, added or taken away, where a `key-pattern` finds the
    /// code: the code's column's text changes, not the code.
    AnnotateCode {
        row: usize,
    },
    /// The code's cell crossed out (`~~7~~`), as registries cross out a code no longer in use,
    /// or no longer: its variant deprecated, or no longer, and the changelog says so.
    CrossOut {
        row: usize,
    },
    /// The name written in the next of three styles that make one identifier: `Disk Full`,
    /// `disk full`, `Disk-Full`. Rows of different names can so make one variant name.
    Restyle {
        row: usize,
    },
    /// The name set off otherwise, as writers do: plain, then a code span (`` `Disk` ``), then
    /// bold (`**Disk**`).
    Format {
        row: usize,
    },
    /// Where codes are strings, the code's letter written in the other case (`E7`, `e7`):
    /// another code, which makes the same identifier.
    RecaseCode {
        row: usize,
    },
    /// A row added whose name is `row`'s in another style ([`Edit::Restyle`]): where rows
    /// share codes, with `row`'s code (two exceptions of one status whose names make one
    /// identifier); where codes are strings, with `row`'s code in the other case
    /// ([`Edit::RecaseCode`]); else with `code`.
    AddAlike {
        row: usize,
        code: u16,
    },
}

/// A page's state: its rows, the rows removed and not restored, the third column's header,
/// whether it has a fourth column, and the order of the first three.
#[derive(Clone, Debug)]
struct Page {
    kind: Kind,
    reading: Reading,
    rows: Vec<Row>,
    removed: Vec<Row>,
    remedy: bool,
    notes: bool,
    /// How far the first three columns are rotated left ([`Edit::RotateColumns`]).
    rotation: usize,
    /// A registry's row for no one code (a range, a formula), after this many rows, with its
    /// key cell: a row the manifest's `skip-rows` must leave out ([`Doc::reserve`]).
    reserved: Option<(usize, &'static str)>,
}

impl Page {
    /// A row's code as regen tells codes apart: an integer by its number, a string as written.
    fn code_of(&self, row: &Row) -> String {
        match (self.kind.string_codes(), self.reading.negative) {
            (true, _) => row.written.clone(),
            // Codes are never 0, so `-7` is how regen writes the number back.
            (false, true) => format!("-{}", row.code),
            (false, false) => row.code.to_string(),
        }
    }

    /// Whether regen can generate the page: codes told apart, or where rows may share them,
    /// names. Those must be told apart from the rows removed too, which the manifest may
    /// retire: a retired row is a variant like any other. (Where rows share codes and names
    /// repeat, a row the gate takes for removed, its name's suffix gone with its code, is
    /// retired beside the row it still is: the page cannot tell them apart, and regen rightly
    /// refuses it. So names do not repeat there.)
    fn is_valid(&self) -> bool {
        // Words after a code only where a `key-pattern` finds the code before them.
        let annotated = self.rows.iter().any(|row| row.annotation.is_some());
        if annotated && !self.reading.pattern {
            return false;
        }
        // Codes that are strings or that rows may share cannot be the discriminants, and the
        // manifest cannot ask for them.
        if self.reading.discriminants == Some(true) && self.kind != Kind::Integer {
            return false;
        }
        let codes = |code: &str| self.rows.iter().filter(|row| self.code_of(row) == code).count();
        let names = |name: &str| {
            let rows = self.rows.iter().chain(&self.removed);
            rows.filter(|row| row.name == name).count()
        };
        match self.kind {
            Kind::Shared => self.rows.iter().all(|row| names(&row.name) == 1),
            Kind::Integer | Kind::Text | Kind::Keyed => {
                self.rows.iter().all(|row| codes(&self.code_of(row)) == 1)
            }
        }
    }

    /// Applies `edit` where the page stays one regen can generate ([`Page::is_valid`]); skips
    /// it otherwise.
    fn apply(&mut self, edit: &Edit) {
        let before = self.clone();
        self.apply_unchecked(edit);
        if !self.is_valid() {
            *self = before;
        }
    }

    /// Makes the manifest read the table otherwise where the page stays one regen can
    /// generate ([`Page::is_valid`]); skips it otherwise.
    fn reread(&mut self, change: Reread) {
        let before = self.clone();
        match change {
            Reread::Strip => self.reading.strip = !self.reading.strip,
            Reread::Pattern => self.reading.pattern = !self.reading.pattern,
            Reread::CodeType if !self.kind.string_codes() => self.reading.wide = !self.reading.wide,
            Reread::CodeType => {}
            Reread::Discriminants => {
                self.reading.discriminants = match self.reading.discriminants {
                    None => Some(false),
                    Some(false) => Some(true),
                    Some(true) => None,
                }
            }
            Reread::SharedCodes => {
                // Retired rows keep their codes: where a removed row's code is another row's,
                // the manifest may retire it, and then only the team can tell whether that
                // row is the retired one back or rows must share codes again.
                let codes = self.rows.iter().chain(&self.removed).map(|row| row.code);
                let unshared =
                    codes.collect::<BTreeSet<_>>().len() == self.rows.len() + self.removed.len();
                self.kind = match self.kind {
                    Kind::Integer => Kind::Shared,
                    Kind::Shared if unshared => Kind::Integer,
                    other => other,
                }
            }
        }
        if !self.is_valid() {
            *self = before;
        }
    }

    fn apply_unchecked(&mut self, edit: &Edit) {
        let len = self.rows.len();
        match edit {
            Edit::Rename { row, name } if len > 0 => self.rows[row % len].name.clone_from(name),
            Edit::Remove { row } if len > 0 => {
                let row = self.rows.remove(row % len);
                self.removed.push(row);
            }
            Edit::Add { code, name } => self.rows.push(Row {
                code: *code,
                written: self.kind.written(*code, self.reading),
                name: name.clone(),
                details: format!("added as {code}"),
                annotation: None,
                format: 0,
                link: 0,
                crossed: false,
            }),
            Edit::Restore { which } if !self.removed.is_empty() => {
                let row = self.removed.remove(which % self.removed.len());
                self.rows.push(row);
            }
            Edit::SwapNames { a, b } if len > 0 => {
                let (a, b) = (a % len, b % len);
                let name = self.rows[a].name.clone();
                self.rows[a].name = std::mem::replace(&mut self.rows[b].name, name);
            }
            Edit::ChangeCode { row, code } if len > 0 => {
                let written = self.kind.written(*code, self.reading);
                let row = &mut self.rows[row % len];
                row.code = *code;
                row.written = written;
            }
            Edit::PadCode { row } if len > 0 => {
                let row = &mut self.rows[row % len];
                // `07` is `7` where codes are integers, another code where they are strings.
                // (`E7` of hexadecimal digits alone is a number, whose `0` goes first: `0E7`.)
                let string = self.kind.string_codes();
                let letter =
                    row.written.chars().next().filter(|c| string && c.eq_ignore_ascii_case(&'E'));
                row.written = match (letter, row.written.strip_prefix("0x")) {
                    (Some(letter), _) => format!("{letter}0{}", &row.written[1..]),
                    (None, Some(hex)) => format!("0x0{hex}"),
                    (None, None) => match row.written.strip_prefix('-') {
                        Some(digits) => format!("-0{digits}"),
                        None => format!("0{}", row.written),
                    },
                };
            }
            Edit::Move { row, to } if len > 0 => {
                let row = self.rows.remove(row % len);
                self.rows.insert(to % len, row);
            }
            Edit::RewordDetails { row } if len > 0 => {
                self.rows[row % len].details.push_str(" more")
            }
            Edit::LinkDetails { row } if len > 0 => {
                let row = &mut self.rows[row % len];
                row.link = (row.link + 1) % 3;
            }
            // No code below zero is written in hexadecimal.
            Edit::HexCode { row }
                if len > 0 && !self.kind.string_codes() && !self.reading.negative =>
            {
                let row = &mut self.rows[row % len];
                row.written = format!("0x{:X}", row.code);
            }
            Edit::Unnamed { row, empty } if len > 0 => {
                let name = if *empty { "" } else { "—" };
                name.clone_into(&mut self.rows[row % len].name);
            }
            Edit::RenameColumn => self.remedy = !self.remedy,
            Edit::ToggleNotes => self.notes = !self.notes,
            Edit::RotateColumns => self.rotation = (self.rotation + 1) % 3,
            Edit::Restyle { row } if len > 0 => {
                let row = &mut self.rows[row % len];
                row.name = restyled(&row.name);
            }
            Edit::Format { row } if len > 0 => {
                let row = &mut self.rows[row % len];
                row.format = (row.format + 1) % 3;
            }
            Edit::RecaseCode { row } if len > 0 && self.kind.string_codes() => {
                let row = &mut self.rows[row % len];
                row.written = recased(&row.written);
            }
            Edit::AddAlike { row, code } if len > 0 => {
                let like = &self.rows[row % len];
                let like_code = like.code;
                let code = if self.kind == Kind::Shared { like.code } else { *code };
                let (name, written) = (restyled(&like.name), recased(&like.written));
                self.apply_unchecked(&Edit::Add { code, name });
                if self.kind.string_codes() {
                    let added = self.rows.last_mut().expect("the row added");
                    added.code = like_code;
                    added.written = written;
                }
            }
            Edit::AnnotateCode { row } if len > 0 && self.reading.pattern => {
                let row = &mut self.rows[row % len];
                row.annotation = match row.annotation {
                    Some(_) => None,
                    None => Some(format!("(since {})", row.details.len())),
                };
            }
            Edit::CrossOut { row } if len > 0 => {
                let row = &mut self.rows[row % len];
                row.crossed = !row.crossed;
            }
            _ => {}
        }
    }

    fn markdown(&self) -> String {
        let third = if self.remedy { "Remedy" } else { "Details" };
        let header = self.in_order(["Code".to_owned(), "Name".to_owned(), third.to_owned()]);
        let (fourth, line) = if self.notes { (" Notes |", " --- |") } else { ("", "") };
        let mut text = format!("| {} |{fourth}\n| --- | --- | --- |{line}\n", header.join(" | "));
        // The reserved row goes after as many rows as it says, or last where there are fewer.
        let reserved_after = self.reserved.map(|(after, code)| (after.min(self.rows.len()), code));
        let reserved = |text: &mut String, at: usize| {
            if let Some((_, code)) = reserved_after.filter(|(after, _)| *after == at) {
                let note = if self.notes { " reserved |" } else { "" };
                let cells = [code, "Reserved", "For later use."].map(str::to_owned);
                text.push_str(&format!("| {} |{note}\n", self.in_order(cells).join(" | ")));
            }
        };
        for (at, row) in self.rows.iter().enumerate() {
            reserved(&mut text, at);
            let note = if self.notes { format!(" n{} |", row.code) } else { String::new() };
            let code = row.key_cell();
            let name = match row.format {
                // An empty name has nothing to set off: `` `` `` and `****` are text of their
                // own, as GitHub shows them.
                _ if row.name.is_empty() => String::new(),
                1 => format!("`{}`", row.name),
                2 => format!("**{}**", row.name),
                _ => row.name.clone(),
            };
            let details = match row.link {
                1 => format!("[{}](other.md)", row.details),
                2 => format!("[{}](https://example.com/other)", row.details),
                _ => row.details.clone(),
            };
            let cells = self.in_order([code, name, details]);
            text.push_str(&format!("| {} |{note}\n", cells.join(" | ")));
        }
        reserved(&mut text, self.rows.len());
        text
    }

    /// The first three columns' cells (code, name, third) in the page's order
    /// ([`Edit::RotateColumns`]).
    fn in_order(&self, mut cells: [String; 3]) -> [String; 3] {
        cells.rotate_left(self.rotation);
        cells
    }

    /// How many rows have `code` ([`Page::code_of`]) and `name` (a row's name as the API
    /// snapshot has it: its key cell as written, annotation and all, where codes name the
    /// variants).
    fn count(&self, code: &str, name: &str) -> usize {
        let name_of = |row: &Row| -> String {
            if self.kind == Kind::Keyed { row.key_cell() } else { row.name.clone() }
        };
        self.rows.iter().filter(|row| self.code_of(row) == code && name_of(row) == name).count()
    }
}

/// `name` in the next of three styles that make one identifier ([`Edit::Restyle`]).
fn restyled(name: &str) -> String {
    if name.contains('-') {
        name.replace('-', " ")
    } else if name.starts_with(|c: char| c.is_lowercase()) {
        // Each word as [`WORDS`] writes it.
        let word = |word: &str| WORDS.into_iter().find(|known| known.eq_ignore_ascii_case(word));
        let words: Option<Vec<&str>> = name.split(' ').map(word).collect();
        words.map_or_else(|| name.to_owned(), |words| words.join("-"))
    } else {
        name.to_lowercase()
    }
}

/// A string code with its letter in the other case (`E7`, `e7`, [`Edit::RecaseCode`]).
fn recased(code: &str) -> String {
    match code.strip_prefix('E') {
        Some(digits) => format!("e{digits}"),
        None => code.replacen('e', "E", 1),
    }
}

/// The headings the tables of a page are under, in order.
const HEADINGS: [&str; 2] = ["Alpha", "Beta"];

/// A page of one table or two, each under its heading, each the table of its own `[[table]]`
/// of one module.
#[derive(Clone, Debug)]
struct Doc {
    tables: Vec<Page>,
    /// Whether a sentence of prose opens the page ([`DocEdit::Reword`]).
    intro: bool,
}

/// One change a docs update makes to a page of tables.
#[derive(Clone, Debug)]
enum DocEdit {
    /// `edit` made to one table, picked by a number taken modulo the tables.
    In { table: usize, edit: Edit },
    /// A row of the first table moved to the second (rows picked as [`Edit`]'s are).
    MoveAcross { row: usize },
    /// The manifest made to read one table otherwise, picked as for [`DocEdit::In`].
    Reread { table: usize, change: Reread },
    /// The page's prose written otherwise: a sentence under its title added or taken away
    /// (the module's rustdoc, which the snapshot does not record).
    Reword,
}

/// A change to how the manifest reads a table, as a team makes to its `[[table]]` between
/// docs updates.
#[derive(Clone, Copy, Debug)]
enum Reread {
    /// `strip-suffix = "Error"` added or taken away: names that end in `Error` make other
    /// variant names.
    Strip,
    /// The `key-pattern` added, or taken away where no code cell says more than its code.
    Pattern,
    /// `shared-codes = true` added to a table of integer codes, or taken away where no rows
    /// share a code, removed rows included.
    SharedCodes,
    /// `discriminants` said `false`, then `true` (where codes can be the discriminants), then
    /// not said.
    Discriminants,
    /// Integer codes read as `u32`, or as `u16` again (`i32` and `i16` where they are
    /// negative): a break, made with `--allow-breaking`.
    CodeType,
}

impl Doc {
    /// The same page, its tables of integer codes written below zero ([`Reading::negative`]).
    fn with_negative_codes(self) -> Doc {
        self.with_integers_read(|reading| reading.negative = true)
    }

    /// The same page, its tables of integer codes written in hexadecimal digits alone
    /// ([`Reading::hex`]).
    fn with_hex_codes(self) -> Doc {
        self.with_integers_read(|reading| reading.hex = true)
    }

    /// The same page, its tables of integer codes read as `read` makes them read, and written
    /// so.
    fn with_integers_read(mut self, read: fn(&mut Reading)) -> Doc {
        for page in self.tables.iter_mut().filter(|page| !page.kind.string_codes()) {
            read(&mut page.reading);
            for row in &mut page.rows {
                row.written = page.kind.written(row.code, page.reading);
            }
        }
        self
    }

    /// Gives the tables of integer codes read without a `key-pattern` (which would find a
    /// code in it) the reserved row of revision `revision` of a history drawn with `seed`: in
    /// two revisions of three, its key cell spelled one of three ways, changing every other
    /// revision, so that rows come to be left out, their entries stale and their cells
    /// spelled otherwise.
    fn reserve(&mut self, revision: usize, seed: u8) {
        const KEYS: [&str; 3] = ["0x7f * N + 0x21", "0x02-0x0F", "1000 - 1999"];
        let seed = usize::from(seed);
        for (at, page) in self.tables.iter_mut().enumerate() {
            let present = (seed >> at) + revision;
            let readable = !page.kind.string_codes() && !page.reading.pattern;
            page.reserved = (readable && present % 3 != 2)
                .then(|| (seed % (page.rows.len() + 1), KEYS[(seed + revision / 2) % 3]));
        }
    }

    fn markdown(&self) -> String {
        let mut text = "# Errors\n".to_owned();
        if self.intro {
            text.push_str("\nEvery error the service returns.\n");
        }
        for (page, heading) in self.tables.iter().zip(HEADINGS) {
            text.push_str(&format!("\n## {heading}\n\n{}", page.markdown()));
        }
        text
    }

    /// Each table's lines of the manifest: where there are two, the heading that picks it.
    fn manifest_tables(&self) -> Vec<String> {
        let heading = |at: usize| match self.tables.len() {
            1 => String::new(),
            _ => format!("heading = \"{}\"\n", HEADINGS[at]),
        };
        let lines = |(at, page): (usize, &Page)| heading(at) + &page.kind.table(page.reading);
        self.tables.iter().enumerate().map(lines).collect()
    }

    /// Applies `edit` where every table stays one regen can generate ([`Page::is_valid`]).
    fn apply(&mut self, edit: &DocEdit) {
        match edit {
            DocEdit::In { table, edit } => {
                let count = self.tables.len();
                self.tables[table % count].apply(edit);
            }
            DocEdit::MoveAcross { row }
                if self.tables.len() == 2 && !self.tables[0].rows.is_empty() =>
            {
                let before = self.clone();
                let [from, to] = &mut self.tables[..] else { unreachable!() };
                let mut row = from.rows.remove(row % from.rows.len());
                from.removed.push(row.clone());
                // Written as the other table writes its codes.
                row.written = to.kind.written(row.code, to.reading);
                row.annotation = None;
                to.rows.push(row);
                if !self.tables.iter().all(Page::is_valid) {
                    *self = before;
                }
            }
            DocEdit::MoveAcross { .. } => {}
            DocEdit::Reread { table, change } => {
                let count = self.tables.len();
                self.tables[table % count].reread(*change);
            }
            DocEdit::Reword => self.intro = !self.intro,
        }
    }

    /// Whether a table's rows may share codes.
    fn shares_codes(&self) -> bool {
        self.tables.iter().any(|page| page.kind == Kind::Shared)
    }
}

fn name() -> impl Strategy<Value = String> {
    prop::collection::vec(select(&WORDS[..]), 1..=2).prop_map(|words| words.join(" "))
}

fn code() -> impl Strategy<Value = u16> {
    1..40u16
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), name()).prop_map(|(row, name)| Edit::Rename { row, name }),
        any::<usize>().prop_map(|row| Edit::Remove { row }),
        (code(), name()).prop_map(|(code, name)| Edit::Add { code, name }),
        any::<usize>().prop_map(|which| Edit::Restore { which }),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::SwapNames { a, b }),
        (any::<usize>(), code()).prop_map(|(row, code)| Edit::ChangeCode { row, code }),
        any::<usize>().prop_map(|row| Edit::PadCode { row }),
        (any::<usize>(), any::<usize>()).prop_map(|(row, to)| Edit::Move { row, to }),
        any::<usize>().prop_map(|row| Edit::RewordDetails { row }),
        any::<usize>().prop_map(|row| Edit::LinkDetails { row }),
        any::<usize>().prop_map(|row| Edit::HexCode { row }),
        (any::<usize>(), any::<bool>()).prop_map(|(row, empty)| Edit::Unnamed { row, empty }),
        Just(Edit::RenameColumn),
        Just(Edit::ToggleNotes),
        Just(Edit::RotateColumns),
        any::<usize>().prop_map(|row| Edit::AnnotateCode { row }),
        any::<usize>().prop_map(|row| Edit::CrossOut { row }),
        any::<usize>().prop_map(|row| Edit::Restyle { row }),
        any::<usize>().prop_map(|row| Edit::RecaseCode { row }),
        any::<usize>().prop_map(|row| Edit::Format { row }),
        (any::<usize>(), code()).prop_map(|(row, code)| Edit::AddAlike { row, code }),
    ]
}

fn doc_edit() -> impl Strategy<Value = DocEdit> {
    let change = prop_oneof![
        Just(Reread::Strip),
        Just(Reread::Pattern),
        Just(Reread::SharedCodes),
        Just(Reread::Discriminants),
        Just(Reread::CodeType),
    ];
    prop_oneof![
        12 => (any::<usize>(), edit()).prop_map(|(table, edit)| DocEdit::In { table, edit }),
        1 => any::<usize>().prop_map(|row| DocEdit::MoveAcross { row }),
        1 => (any::<usize>(), change).prop_map(|(table, change)| DocEdit::Reread { table, change }),
        1 => Just(DocEdit::Reword),
    ]
}

fn kind() -> impl Strategy<Value = Kind> {
    prop_oneof![Just(Kind::Integer), Just(Kind::Text), Just(Kind::Shared), Just(Kind::Keyed)]
}

/// A first page of one to six rows, one regen can generate ([`Page::is_valid`]).
fn first_page() -> impl Strategy<Value = Page> {
    let reading = (any::<bool>(), any::<bool>()).prop_map(|(pattern, strip)| Reading {
        pattern,
        strip,
        ..Reading::default()
    });
    let pages = (kind(), reading, prop::collection::btree_map(code(), name(), 1..=6));
    let pages = pages.prop_map(|(kind, reading, rows)| Page {
        kind,
        reading,
        rows: rows
            .into_iter()
            .map(|(code, name)| Row {
                code,
                written: kind.written(code, reading),
                name,
                details: format!("first as {code}"),
                annotation: None,
                format: 0,
                link: 0,
                crossed: false,
            })
            .collect(),
        removed: Vec::new(),
        remedy: false,
        notes: false,
        rotation: 0,
        reserved: None,
    });
    pages.prop_filter("a page regen can generate", Page::is_valid)
}

/// A first page of one table or two ([`first_page`]).
fn first_doc() -> impl Strategy<Value = Doc> {
    prop::collection::vec(first_page(), 1..=2).prop_map(|tables| Doc { tables, intro: false })
}

/// The variants of the enum `name`, by name.
fn variants<'a>(api: &'a CatalogApi, name: &str) -> BTreeMap<&'a str, &'a VariantApi> {
    let enum_api = &api.enums[name];
    enum_api.variants.iter().map(|variant| (variant.variant.as_str(), variant)).collect()
}

/// The gate's promise for an update regen accepted without `--allow-breaking`, from the API
/// snapshot `old` to `new`, for the enum `enum_name`: `page` being the table it generated,
/// `pinned` the names its `[[table]]` pins.
fn check_promise(
    (old, new): (&CatalogApi, &CatalogApi),
    enum_name: &str,
    page: &Page,
    pinned: &BTreeSet<String>,
) -> Result<(), TestCaseError> {
    // A snapshot's code as the page's are told apart ([`Page::code_of`]).
    let number = |variant: &VariantApi| match page.kind {
        Kind::Text | Kind::Keyed => variant.code.clone(),
        _ => {
            let code = &variant.code;
            let number = match code.strip_prefix("0x") {
                Some(hex) => i32::from_str_radix(hex, 16),
                None if page.reading.hex => i32::from_str_radix(code, 16),
                None => code.parse::<i32>(),
            };
            number.unwrap_or_else(|_| panic!("{variant:?}")).to_string()
        }
    };
    let (old, new) = (variants(old, enum_name), variants(new, enum_name));
    let gone: BTreeSet<&&str> = old.keys().filter(|name| !new.contains_key(*name)).collect();
    prop_assert!(gone.is_empty(), "variants gone: {gone:?}\nold {old:#?}\nnew {new:#?}");
    for (name, variant) in &new {
        if variant.retired {
            prop_assert_eq!(number(variant), number(old[name]), "retired `{}`", name);
        }
    }
    for (name, variant) in &old {
        let (code, text) = (number(variant), variant.name.as_str());
        // A row of the old API, still on the page with its code and name, alone with them
        // in both. Not a variant the manifest pins: its row is the one the pin names, which
        // may be another (README, The break gate: a name the manifest pins on another row).
        let alone_before = old.values().filter(|v| number(v) == code && v.name == text).count();
        let moves_freely = |name: &str| pinned.contains(name);
        if variant.retired || alone_before != 1 || page.count(&code, text) != 1 {
            continue;
        }
        let now = new.values().find(|v| !v.retired && number(v) == code && v.name == text);
        if moves_freely(name) || now.is_some_and(|now| moves_freely(&now.variant)) {
            continue;
        }
        prop_assert_eq!(
            now.map(|v| v.variant.as_str()),
            Some(*name),
            "the row ({}, {})",
            code,
            text
        );
    }
    Ok(())
}

/// A variant as the generated module declares it: its name, its discriminant where it has one
/// written, and whether it is retired (`#[deprecated]`).
#[derive(Debug)]
struct Declared {
    name: String,
    discriminant: Option<i64>,
    retired: bool,
}

/// Whether `attr` is a retired variant's `#[deprecated]`: one whose code the page crosses out is
/// deprecated too, with a note of its own.
fn is_retirement(attr: &syn::Attribute) -> bool {
    let crossed_out = format!("note = {:?}", catalog_gen::emit::CROSSED_OUT_NOTE);
    attr.path().is_ident("deprecated")
        && !matches!(&attr.meta, syn::Meta::List(list) if list.tokens.to_string() == crossed_out)
}

/// The variants of the enum `enum_name` that the module `text` declares, in order; read from
/// the generated Rust, not from the API snapshot that the changelog reads.
fn declared(text: &str, enum_name: &str) -> Vec<Declared> {
    let file = syn::parse_file(text).unwrap();
    let item = file.items.iter().find_map(|item| match item {
        syn::Item::Enum(item) if item.ident == enum_name => Some(item),
        _ => None,
    });
    let variants = item.unwrap_or_else(|| panic!("no enum {enum_name}")).variants.iter();
    variants
        .map(|variant| Declared {
            name: variant.ident.to_string(),
            discriminant: variant.discriminant.as_ref().map(|(_, value)| match value {
                syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(int), .. }) => {
                    int.base10_parse().unwrap()
                }
                syn::Expr::Unary(syn::ExprUnary { op: syn::UnOp::Neg(_), expr, .. }) => {
                    match &**expr {
                        syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(int), .. }) => {
                            -int.base10_parse::<i64>().unwrap()
                        }
                        _ => panic!("a discriminant not an integer literal in {enum_name}"),
                    }
                }
                _ => panic!("a discriminant not an integer literal in {enum_name}"),
            }),
            retired: variant.attrs.iter().any(is_retirement),
        })
        .collect()
}

/// The order the generated code gives the variants of `enum_name` that both revisions declare
/// (`before` and `after`, retired in both or in neither: a retired row's variant follows the
/// page's rows, part of its retirement), against what `changelog` says of it: where the derived
/// `Ord` sorts two of them otherwise (by their discriminants, or else in declaration order), a
/// major release; variants listed as reordered exactly where their declaration order changed.
fn check_order(
    before: &[Declared],
    after: &[Declared],
    enum_name: &str,
    changelog: &Changelog,
) -> Result<(), TestCaseError> {
    let kept = |side: &[Declared], other: &[Declared]| -> Vec<(i64, String)> {
        let in_other = |variant: &Declared| {
            other.iter().any(|o| o.name == variant.name && o.retired == variant.retired)
        };
        (0i64..)
            .zip(side)
            .filter(|(_, variant)| in_other(variant))
            .map(|(place, variant)| (variant.discriminant.unwrap_or(place), variant.name.clone()))
            .collect()
    };
    let (was, now) = (kept(before, after), kept(after, before));
    let declared_otherwise = !was.iter().map(|(_, name)| name).eq(now.iter().map(|(_, name)| name));
    let sorted = |mut side: Vec<(i64, String)>| {
        side.sort();
        side.into_iter().map(|(_, name)| name).collect::<Vec<_>>()
    };
    let sorts_otherwise = sorted(was) != sorted(now);
    let changes = changelog.enums.iter().find(|changes| changes.name == enum_name);
    let summary = changelog.summary();
    if sorts_otherwise {
        prop_assert!(changes.is_some_and(|c| c.semver() == Semver::Major), "Ord: {}", summary);
    }
    let reordered = changes.is_some_and(|changes| !changes.reordered.is_empty());
    prop_assert_eq!(reordered, declared_otherwise, "reordered: {}", summary);
    prop_assert!(!changes.is_some_and(|c| c.sorts_otherwise) || sorts_otherwise, "{}", summary);
    Ok(())
}

/// The names `from_name` finds rows by in the module `text`'s enum `enum_name`: its `BY_NAME`
/// (names that one row has); `None` where it has none (the names are the codes). Read from the
/// generated Rust, not from the API snapshot that the changelog reads.
fn looked_up_names(text: &str, enum_name: &str) -> Option<BTreeSet<String>> {
    let file = syn::parse_file(text).unwrap();
    let impls = file.items.iter().filter_map(|item| match item {
        syn::Item::Impl(item) if item.trait_.is_none() => Some(item),
        _ => None,
    });
    let of_enum = impls.filter(|item| match &*item.self_ty {
        syn::Type::Path(path) => path.path.is_ident(enum_name),
        _ => false,
    });
    let by_name = of_enum.flat_map(|item| &item.items).find_map(|item| match item {
        syn::ImplItem::Const(constant) if constant.ident == "BY_NAME" => Some(&constant.expr),
        _ => None,
    })?;
    let syn::Expr::Reference(reference) = by_name else { panic!("BY_NAME is not `&[..]`") };
    let syn::Expr::Array(array) = &*reference.expr else { panic!("BY_NAME is not `&[..]`") };
    let name = |element: &syn::Expr| match element {
        syn::Expr::Tuple(tuple) => match tuple.elems.first() {
            Some(syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(name), .. })) => name.value(),
            _ => panic!("a BY_NAME element without a name first"),
        },
        _ => panic!("a BY_NAME element that is not a pair"),
    };
    Some(array.elems.iter().map(name).collect())
}

/// The names that `from_name` found a row by before (`before`, as [`looked_up_names`]) and
/// does not after (`after`), while rows of `now` (the API after) still have them, against what
/// `changelog` says of the enum `enum_name`: those, and only those, as names now shared, in a
/// major release. Where the key column names the rows, a name is its code, and the code's line
/// may say it instead.
fn check_shared_names(
    (before, after): (&BTreeSet<String>, &BTreeSet<String>),
    now: &CatalogApi,
    enum_name: &str,
    changelog: &Changelog,
) -> Result<(), TestCaseError> {
    let rows_named = |name: &str| {
        now.enums[enum_name].variants.iter().filter(|variant| variant.name == name).count()
    };
    let shared: BTreeSet<&String> =
        before.difference(after).filter(|name| rows_named(name) > 1).collect();
    let changes = changelog.enums.iter().find(|changes| changes.name == enum_name);
    let said = |list: fn(&catalog_gen::changelog::EnumChanges) -> &Vec<String>| {
        changes.map_or_else(BTreeSet::new, |changes| list(changes).iter().collect())
    };
    let (names, codes) = (said(|c| &c.newly_shared_names), said(|c| &c.newly_shared));
    let summary = changelog.summary();
    prop_assert!(names.is_subset(&shared), "names said shared that are not: {}", summary);
    let unsaid: Vec<&&String> =
        shared.iter().filter(|name| !names.contains(*name) && !codes.contains(*name)).collect();
    prop_assert!(unsaid.is_empty(), "names now shared, unsaid: {:?}\n{}", unsaid, summary);
    if !shared.is_empty() {
        prop_assert!(changes.is_some_and(|c| c.semver() == Semver::Major), "{}", summary);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn made_histories_replay_keeping_the_gates_promise(
        first in first_doc(),
        updates in prop::collection::vec(prop::collection::vec(doc_edit(), 1..=3), 1..=8),
        // Drawn last, so that the seeds kept in the regressions file make the pages and the
        // updates they made before codes could be negative.
        negative in any::<bool>(),
        // Drawn after it, for the same reason: the rows for no one code came later still.
        reserved in proptest::option::of(any::<u8>()),
        // And codes in hexadecimal digits alone later than those; never below zero.
        hex in any::<bool>(),
    ) {
        let sandbox = tempfile::tempdir().unwrap();
        let first = match (negative, hex) {
            (true, _) => first.with_negative_codes(),
            (false, true) => first.with_hex_codes(),
            (false, false) => first,
        };
        replay_made(sandbox.path(), first, &updates, Doc::apply, reserved)?;
    }
}

/// Replays `first` and then each of `updates` (each edit made by `apply`) in a docs tree in
/// `sandbox`, checking that every update generates and keeps the gate's promise where it
/// needs no `--allow-breaking` ([`check_promise`]); the replay. A failure shows every page
/// and the manifest.
fn replay_made(
    sandbox: &Path,
    first: Doc,
    updates: &[Vec<DocEdit>],
    apply: fn(&mut Doc, &DocEdit),
    reserved: Option<u8>,
) -> Result<Replay, TestCaseError> {
    let mut replay = Replay::of_tables(sandbox, &first.manifest_tables());
    let mut page = first;
    if let Some(seed) = reserved {
        page.reserve(0, seed);
    }
    let mut pages = vec![page.markdown()];
    let outcome = replay.revision("first", pages[0].as_bytes());
    prop_assert_eq!(outcome, Outcome::Generated { allowed_break: false });
    for (number, edits) in updates.iter().enumerate() {
        let before = replay.snapshot();
        let module_before = replay.module_text("m").unwrap();
        for edit in edits {
            apply(&mut page, edit);
        }
        if let Some(seed) = reserved {
            page.reserve(number + 1, seed);
        }
        replay.reread(&page.manifest_tables());
        pages.push(page.markdown());
        let label = format!("update {number}");
        let outcome = replay.revision(&label, page.markdown().as_bytes());
        let tables = page.tables.len();
        let names = (0..tables).map(|at| common::replay::enum_name(at, tables));
        let checked = match outcome {
            Outcome::Generated { allowed_break } => {
                let module = replay.module_text("m").unwrap();
                let apis = (&before, &replay.snapshot());
                // A module written otherwise is never "nothing changed" (its prose, its cells'
                // links and formatting are in no snapshot).
                let rewritten = module != module_before;
                prop_assert!(
                    !rewritten || !replay.last_changelog.is_empty(),
                    "{label}: the module changed, the changelog says nothing"
                );
                names.zip(&page.tables).enumerate().try_for_each(|(at, (name, table))| {
                    let (was, now) = (declared(&module_before, &name), declared(&module, &name));
                    check_order(&was, &now, &name, &replay.last_changelog)?;
                    let looked_up = |text: &str| looked_up_names(text, &name);
                    if let (Some(was), Some(now)) = (looked_up(&module_before), looked_up(&module))
                    {
                        let changelog = &replay.last_changelog;
                        check_shared_names((&was, &now), apis.1, &name, changelog)?;
                    }
                    match allowed_break {
                        false => check_promise(apis, &name, table, &replay.pinned_names(at)),
                        true => Ok(()),
                    }
                })
            }
            // Where rows share codes, the pins and retirements the helps gave can leave a row
            // that shares its code with a page row and its name with a retired one, or a pin
            // keyed by a code that rows now share, where the snapshot cannot say which row it
            // was for: which row it is, is the team's judgement (the helps name the retirement
            // to remove if it is the retired row back, and the keys that name each row), and
            // the replay, as a team that cannot judge, stops there. So too where the manifest
            // takes `shared-codes` out while it retires a row whose code a row of the page
            // has (a row the gate took for removed, as its name changed): whether that row is
            // the retired one back, or rows must share codes again, is the team's to say.
            Outcome::Refused
                if replay.replayed.refused.last().is_some_and(|refused| {
                    let shared = page.shares_codes()
                        && ((refused.contains("cannot be told apart") && replay.retires_any())
                            || refused.contains("a pin must pick one"));
                    // Not two retirements of one row (code and name: rows share codes),
                    // which the replay's pastes must never make.
                    let unshared = refused.contains("the retired row `")
                        && !refused.contains(" and the name `")
                        && (refused.ends_with(", as a row of the page has")
                            || refused.ends_with(", as another retired row has"));
                    shared || unshared
                }) =>
            {
                return Ok(replay);
            }
            Outcome::Refused => Err(TestCaseError::fail("refused")),
        };
        checked.map_err(|error| {
            let (replayed, manifest) = (&replay.replayed, replay.manifest_text());
            let pages = pages.join("\n");
            TestCaseError::fail(format!("{label}: {error}\n{replayed:#?}\n{manifest}\n{pages}"))
        })?;
    }
    Ok(replay)
}

/// A history the made ones found, kept as it was: on a table whose rows share codes, rows
/// that swap names get pins, and then a pinned code goes to a second row while the pinned
/// row's old code goes: the ambiguous pin's help keys it by the row's name in place of the
/// pin, and the gone row's pin gets its row's retirement (the help did not say the new pin
/// replaces the old, and the replay, as a user, kept both).
#[test]
fn a_pinned_code_given_to_a_second_row_replays() {
    let sandbox = tempfile::tempdir().unwrap();
    let row = |code: u16, name: &str| Row {
        code,
        written: code.to_string(),
        name: name.to_owned(),
        details: format!("first as {code}"),
        annotation: None,
        format: 0,
        link: 0,
        crossed: false,
    };
    let page = Page {
        kind: Kind::Shared,
        reading: Reading::default(),
        rows: vec![row(1, "Disk"), row(2, "Full"), row(38, "Disk")],
        removed: Vec::new(),
        remedy: false,
        notes: false,
        rotation: 0,
        reserved: None,
    };
    let edit = |edit| DocEdit::In { table: 0, edit };
    let updates = [
        vec![edit(Edit::SwapNames { a: 1, b: 2 })],
        vec![
            edit(Edit::Rename { row: 1, name: "Request Full".to_owned() }),
            edit(Edit::ChangeCode { row: 1, code: 38 }),
        ],
    ];
    // Names repeat here, which the made histories of such tables avoid (`Page::is_valid`).
    let unchecked = |doc: &mut Doc, edit: &DocEdit| match edit {
        DocEdit::In { edit, .. } => doc.tables[0].apply_unchecked(edit),
        DocEdit::MoveAcross { .. } | DocEdit::Reread { .. } | DocEdit::Reword => unreachable!(),
    };
    let doc = Doc { tables: vec![page], intro: false };
    let replay = replay_made(sandbox.path(), doc, &updates, unchecked, None).unwrap();
    assert_eq!(
        replay.replayed.pasted,
        // The help's line, pasted in place of the table's `variants`, leaves out the old pin.
        [
            "variants: 2",
            "variants: 38",
            "variants: 1",
            "retired: 2",
            "variants: 38 removed",
            "variants: Full"
        ],
    );
}
