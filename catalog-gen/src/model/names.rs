//! Stage 9: each row's variant name. A pinned name is used as written; otherwise the name cell
//! (or, where it yields nothing, the code) is made an identifier by [`naming`]; names that
//! several rows give take their code as a suffix (`DiskFull1050`); anything that still
//! collides is a problem naming the pin that fixes it.
//!
//! A pin's key is the code as written or the name cell's text (where rows share a code, the
//! name is what tells them apart).

use std::borrow::Cow;
use std::sync::OnceLock;

use rustc_hash::{FxBuildHasher, FxHashMap, FxHashSet};
use toml::Spanned;

use crate::api::{EnumApi, toml_string};
use crate::diagnostics::Diagnostic;
use crate::int_code::{Codes, IntValue};
use crate::manifest::{PinnedNames, TableSpec};
use crate::model::Key;
use crate::model::columns::Columns;
use crate::model::help_keys::{HelpKeys, Naming, key_alone, page_naming};
use crate::model::keys::{Code, KeyedRow, Retiring};
use crate::model::problems::{self, KeptVariant, PinLine, PinnedRow, Place, Suffix};
use crate::model::retired;
use crate::model::skip::Offers;
use crate::model::snapshot_rows::SnapshotRows;
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
    previous: Option<&EnumApi>,
    rows: Vec<KeyedRow<'a>>,
    offers: &mut Offers<'_>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<NamedRow<'a>> {
    let codes = spec.codes();
    let pins_row = |pin: &str, keyed: &KeyedRow<'_>| {
        names_page_row(&Code::new(pin, codes), keyed, cell_text(keyed, columns))
    };
    // What the problems' helps read besides the rows, for every problem of the table: the API
    // snapshot's rows beside the table's, and how many rows each key names, both made on
    // first use (most tables have no problem).
    let snapshot = previous.map(|previous| SnapshotRows::new(previous, &rows, columns, codes));
    let keys = HelpKeys::new(|| page_naming(&rows, columns, codes));
    let helps = (snapshot.as_ref(), &keys);
    let checked = (&rows[..], pins_row);
    let ambiguous = check_pins(place, spec, columns, checked, (helps, &mut *offers), problems);
    // An ambiguous pin names no row: given to each it names, it would also be reported as
    // two rows with one name, a problem of its own that the pin's fix removes. (Nor does a
    // second pin of one row.)
    // The pin of a row: its key as the manifest writes it, and the name it pins.
    let pin_of = |keyed: &KeyedRow<'_>| -> Option<(&str, &Spanned<String>)> {
        let mut pins = spec.variants.iter();
        pins.find_map(|(key, name)| {
            let key = key.get_ref().as_str();
            (!ambiguous.contains(&key) && pins_row(key, keyed)).then_some((key, name))
        })
    };
    let pin_for = |keyed: &KeyedRow<'_>| pin_of(keyed).map(|(_, name)| name);
    let suffix = spec.strip_suffix.as_ref().map(|s| s.get_ref().as_str());
    // Names are made once per distinct name cell, on every core where there are many: where
    // rows repeat a name (the reason names get suffixes), the case conversion, a tenth of
    // regen's instructions at 20k rows of few names, is not done again; and each thread
    // converts each word once (`VariantNames`). The map is sized for every row, as a real
    // catalog's names mostly differ.
    let mut distinct: FxHashMap<&str, usize> =
        FxHashMap::with_capacity_and_hasher(rows.len(), FxBuildHasher);
    let mut texts: Vec<&str> = Vec::new();
    // Where names are made of a part of a key cell, each row's part, made first (most
    // tables' names are their name cells, borrowed as they are).
    let rests: Vec<Cow<'_, str>> = match names_by_part(spec, columns) {
        true => rows.iter().map(|keyed| naming_text(spec, keyed, columns)).collect(),
        false => Vec::new(),
    };
    // Each row with the index of its name cell's text in `texts`, found once.
    let rows_texts: Vec<(&KeyedRow<'_>, usize)> = rows
        .iter()
        .enumerate()
        .map(|(index, keyed)| {
            let text = match rests.get(index) {
                Some(rest) => rest,
                None => words_shown(keyed, columns),
            };
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
    // Each row's name before suffixes, and where it comes from.
    let unsuffixed: Vec<Unsuffixed<'_>> = parallel::map(&rows_texts, |&(keyed, text)| {
        // A retired row keeps the name it had, as if pinned.
        if let Some(retiring) = &keyed.retiring {
            return Unsuffixed::Kept(retiring.ident.as_str());
        }
        match (pin_for(keyed), made[text].as_str()) {
            (Some(name), _) => Unsuffixed::Kept(name.get_ref().as_str()),
            (None, "") => Unsuffixed::OfCode(naming::variant_name(&code_words(keyed), None)),
            (None, _) => Unsuffixed::Made(text),
        }
    });
    let numbered = Numbered::new(&unsuffixed, &made);
    let names = suffix_repeated(&unsuffixed, &made, &numbered, &rows);
    if may_collide(&names, &numbered) {
        let pin_key = |keyed: &KeyedRow<'_>| pin_of(keyed).map(|(key, _)| key);
        let helps = (helps, pin_key, offers);
        let suffixed = Suffixed { unsuffixed: &unsuffixed, made: &made, numbered: &numbered };
        check_collisions(place, spec, (&names, suffixed), &rows, columns, helps, problems);
    }
    // They borrow the rows, which are consumed below.
    drop((snapshot, keys));
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

/// Whether a key of the manifest (a pin's in `variants`, a row's in `retired`) names the
/// page's row `keyed`, whose name cell is `name`: it is the row's code (an integer code by its
/// number, [`Code::of`]: `013` is `13`) or its name. A key must name exactly one row. The one
/// rule for both, so that a key a help gives for one is found by the other.
pub fn names_page_row(key: &Code<'_>, keyed: &KeyedRow<'_>, name: &str) -> bool {
    key.of(keyed) || key.text == name
}

/// What the helps of stage 9's problems read besides the rows ([`assign`]): the API snapshot's
/// rows beside the table's, where there is a snapshot, and how many rows each key names.
type Helps<'h, 'p, 'r, 'k, 'c, F> = (Option<&'h SnapshotRows<'p, 'r, 'k, 'c>>, &'h HelpKeys<'r, F>);

/// Every pin must name exactly one row, and a row be named by one pin. Where a pin's key names
/// several, and the API snapshot (in `helps`) says which of them had the pinned name, the
/// problem gives the key that names that row alone: a pin keyed by a code that a later docs
/// update gave another row too. Where two pins name one row ([`check_pins_of_a_row`]), the
/// second is reported. Returns the keys of the pins that are not to be applied.
fn check_pins<'s, 'r, F: Fn() -> Naming<'r>>(
    place: &Place<'_>,
    spec: &'s TableSpec,
    columns: &Columns,
    (rows, pins_row): (&[KeyedRow<'_>], impl Fn(&str, &KeyedRow<'_>) -> bool),
    ((snapshot, keys), offers): (Helps<'_, '_, 'r, '_, '_, F>, &mut Offers<'_>),
    problems: &mut Vec<Diagnostic>,
) -> Vec<&'s str> {
    let mut ambiguous = Vec::new();
    let mut named_rows = Vec::new();
    for (key, pinned) in &spec.variants {
        let mut named = rows.iter().enumerate().filter(|(_, keyed)| pins_row(key.get_ref(), keyed));
        let first = named.next();
        let matching = usize::from(first.is_some()) + named.count();
        if let (1, Some((at, _))) = (matching, first) {
            named_rows.push((at, key, pinned.get_ref().as_str()));
        }
        match matching {
            0 => {
                let was = pinned_row(
                    snapshot,
                    keys.naming(),
                    (spec, key.get_ref(), pinned.get_ref()),
                    offers,
                );
                let pin = (key.get_ref().as_str(), pinned.get_ref().as_str());
                problems.push(place.pin_without_row(key.span(), pin, was));
            }
            1 => {}
            _ => {
                let was = pinned_row(
                    snapshot,
                    keys.naming(),
                    (spec, key.get_ref(), pinned.get_ref()),
                    offers,
                );
                // Where the snapshot does not say, the keys that name each of the rows alone.
                let keys: Vec<String> = match was {
                    Some(_) => Vec::new(),
                    None => {
                        let named = rows.iter().filter(|keyed| pins_row(key.get_ref(), keyed));
                        let naming = keys.naming();
                        named.filter_map(|keyed| key_alone(naming, keyed, columns)).collect()
                    }
                };
                let found = (key.get_ref().as_str(), matching);
                problems.push(place.ambiguous_pin(key.span(), found, was, &keys));
                ambiguous.push(key.get_ref().as_str());
            }
        }
    }
    let shape = (columns, spec.codes());
    let second = check_pins_of_a_row(place, shape, snapshot, rows, named_rows, problems);
    ambiguous.extend(second);
    ambiguous
}

/// A problem for each pin of `named_rows` (the row it names, its key, the name it pins) that
/// names a row another pin names too: the row would take one name and the other pin would be
/// silently ignored, to move to another row at the next docs update that renames one. The pin
/// kept is the one the API snapshot (`snapshot`) says the row had: its variant's row had the
/// row's code and name, else that code alone; where it says neither, the first. Returns the
/// keys of the pins reported.
fn check_pins_of_a_row<'s>(
    place: &Place<'_>,
    (columns, codes): (&Columns, Codes),
    snapshot: Option<&SnapshotRows<'_, '_, '_, '_>>,
    rows: &[KeyedRow<'_>],
    mut named_rows: Vec<(usize, &'s Spanned<String>, &'s str)>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<&'s str> {
    let mut reported = Vec::new();
    named_rows.sort_by_key(|&(at, _, _)| at);
    for pins in named_rows.chunk_by(|a, b| a.0 == b.0).filter(|pins| pins.len() > 1) {
        let keyed = &rows[pins[0].0];
        let was = |pinned: &str| snapshot?.variant_named(pinned);
        let with_row = pins.iter().find(|(_, _, pinned)| {
            was(pinned).is_some_and(|v| retired::is_row(keyed, columns, v, codes))
        });
        let with_code =
            || {
                only(pins.iter().filter(|(_, _, p)| {
                    was(p).is_some_and(|v| Code::new(&v.code, codes).of(keyed))
                }))
            };
        let kept = with_row.or_else(with_code);
        let row = (&*keyed.key_text, cell_text(keyed, columns));
        let (first_key, first_pinned) =
            kept.map_or((pins[0].1, None), |&(_, key, pinned)| (key, Some(pinned)));
        for &(_, key, _) in pins.iter().filter(|(_, key, _)| *key != first_key) {
            problems.push(place.pinned_twice(row, first_key, key, first_pinned));
            reported.push(key.get_ref().as_str());
        }
    }
    reported
}

/// What the API snapshot (`snapshot`) says of the row that had the variant name `pinned`,
/// for a pin that names no row or several: the key that names it alone, its code or its name
/// where other rows have the code ([`row_key`](crate::model::help_keys::row_key)), as the page
/// writes it where the page has the row (with its code and name, or the only row with its
/// name), else the snapshot's key that retires it. None where the snapshot does not say, or
/// neither names the row alone. `page` counts the page's rows ([`page_naming`]).
fn pinned_row<'p>(
    snapshot: Option<&SnapshotRows<'p, '_, '_, '_>>,
    page: &Naming<'_>,
    (spec, old_key, pinned): (&TableSpec, &str, &str),
    offers: &mut Offers<'_>,
) -> Option<PinnedRow<'p>> {
    let snapshot = snapshot?;
    let was = snapshot.variant_named(pinned)?;
    let pinned = was.variant.as_str();
    if let Some(row) = snapshot.page_row(was) {
        let key = key_alone(page, row, snapshot.columns())?;
        let line = offers.pins.offer(spec, Some(old_key), &key, toml_string(pinned));
        return Some(PinnedRow::InTable { key, variant: pinned, line });
    }
    // Gone from the table: the key that retires it alone, as the gate's help gives it.
    let (key, retirable) = snapshot.retired_key(was);
    retirable.then(|| PinnedRow::Gone {
        key,
        code: &was.code,
        name: &was.name,
        line: offers.pins.retire(spec, key),
        variant: pinned,
    })
}

/// The `variants` pins that a table's stage-9 helps offer: a name for a row that makes none or
/// that another row makes too, the key a pin takes anew. Each help gives the one line of the
/// manifest's pins and its own, to paste in place of the `[[table]]`'s (beside it, its own
/// line would be a TOML duplicate key); where a first reading of the table offered several,
/// the table is read again ([`Offers::at_once`]), each help giving the line of them all, so
/// that pasting any one does all of it. Of more than a line of every help should hold, the
/// first help gives the line of them all and each other its own pin, as the other stages'
/// lines do.
#[derive(Debug, Default)]
pub struct PinOffers {
    /// The pins offered this reading.
    offered: Vec<PinOffer>,
    /// Every pin the helps offered at an earlier reading, where they offered several. Of
    /// more than [`problems::MOST_IN_A_LINE`], only the first help gives their line, which
    /// every help giving would make the helps' text grow as the square of the pins.
    at_once: Option<Vec<PinOffer>>,
    /// The keys of the retirements offered this reading (a pinned row gone: its `retired`
    /// line is made as the `variants` line is).
    retired: Vec<String>,
    /// Every retirement the helps offered at an earlier reading, where they offered several
    /// (of more than a line holds, the first help gives their line, as for pins).
    retired_at_once: Option<Vec<String>>,
}

/// A pin a help offers: its key, its name as TOML, and the manifest's pin it replaces (keyed
/// otherwise), if any.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct PinOffer {
    key: String,
    value: String,
    replaced: Option<String>,
}

impl PinOffers {
    /// The line a help gives for `key`'s pin of `value` (TOML) in place of the pin `replaced`,
    /// where the manifest has other pins or the table's helps offer several: `None` where
    /// the help's own pin is the line.
    pub fn offer(
        &mut self,
        spec: &TableSpec,
        replaced: Option<&str>,
        key: &str,
        value: String,
    ) -> Option<PinLine> {
        let replaced = replaced.map(str::to_owned);
        let offer = PinOffer { key: key.to_owned(), value, replaced };
        self.offered.push(offer.clone());
        match &self.at_once {
            // After the first help, its own pin alone: no line of them all is made again.
            Some(all) if all.len() > problems::MOST_IN_A_LINE && self.offered.len() > 1 => {
                Some(PinLine::after_the_first("variants", !spec.variants.is_empty()))
            }
            Some(all) => line_of(spec, all),
            None => line_of(spec, std::slice::from_ref(&offer)),
        }
    }

    /// The `retired` line a help gives to retire the row that `key` names: with the
    /// `[[table]]`'s retirements, and where the table's helps offer several, every one of
    /// them ([`problems::retirement_line`]).
    pub fn retire(&mut self, spec: &TableSpec, key: &str) -> PinLine {
        self.retired.push(key.to_owned());
        match &self.retired_at_once {
            // After the first help, its own retirement alone, as for pins.
            Some(all) if all.len() > problems::MOST_IN_A_LINE && self.retired.len() > 1 => {
                PinLine::after_the_first("retired", !spec.retired.is_empty())
            }
            Some(all) => problems::retirement_line(spec, key, all),
            None => problems::retirement_line(spec, key, &[key.to_owned()]),
        }
    }

    /// Where this reading offered more than one pin, or more than one retirement, the offers
    /// for reading the table again, each help giving the line of them all (of more than a
    /// line holds, the first help alone).
    pub fn at_once(&self) -> Option<PinOffers> {
        if self.at_once.is_some() || self.retired_at_once.is_some() {
            return None;
        }
        let all = distinct(&self.offered);
        let retired = distinct(&self.retired);
        let several_retired = retired.len() >= 2;
        (all.len() >= 2 || several_retired).then(|| PinOffers {
            offered: Vec::new(),
            at_once: (all.len() >= 2).then_some(all),
            retired: Vec::new(),
            retired_at_once: several_retired.then_some(retired),
        })
    }
}

/// `items` without repeats, in their order.
fn distinct<T: Clone + Eq + std::hash::Hash>(items: &[T]) -> Vec<T> {
    let mut seen = std::collections::HashSet::new();
    items.iter().filter(|item| seen.insert(*item)).cloned().collect()
}

/// The one `variants` line of `spec`'s pins, less those `offers` replace, and `offers`
/// ([`PinLine::of_all`]): in place of the `[[table]]`'s, where it has pins, also where every
/// one is replaced.
fn line_of(spec: &TableSpec, offers: &[PinOffer]) -> Option<PinLine> {
    let replaced = |pin: &str| offers.iter().any(|offer| offer.replaced.as_deref() == Some(pin));
    let pins = PinLine::pinned(spec, PinnedNames::Variants).filter(|(pin, _)| !replaced(pin));
    let offered = offers.iter().map(|offer| (offer.key.as_str(), offer.value.clone()));
    PinLine::of_all("variants", !spec.variants.is_empty(), pins, offered, |a, b| a == b)
}

/// The one item of `items`, where it has one.
pub(super) fn only<T>(mut items: impl Iterator<Item = T>) -> Option<T> {
    let first = items.next()?;
    items.next().is_none().then_some(first)
}

/// The text of `keyed`'s name cell.
pub(super) fn cell_text<'k>(keyed: &'k KeyedRow<'_>, columns: &Columns) -> &'k str {
    &keyed.row.cells()[columns.name].text
}

/// The words of `keyed`'s name cell that a variant name may be made of: what the page shows
/// as words ([`Cell::words_shown`](crate::markdown::Cell::words_shown)), not a picture's alt
/// text. The manifest's keys and the snapshot's rows name a row by its [text](cell_text).
fn words_shown<'k>(keyed: &'k KeyedRow<'_>, columns: &Columns) -> &'k str {
    keyed.row.cells()[columns.name].words_shown()
}

/// The text `keyed`'s variant name is made of: its name cell's, but where that is its key cell
/// and `key-pattern` took an integer code out of it as a word of its own (`429 (TOO MANY
/// REQUESTS)` and `Not Found (404)`, as tables of HTTP statuses write them), the rest of the
/// cell: the code is the variant's `code()` already, and a name led by its digits
/// (`_429TooManyRequests`) is not one a Rust user would write. A code glued to its neighbours
/// (`u100`, `ERR_1121`, `4O4`), or a rest without a letter, leaves the whole cell. Where it took
/// a code of text out of it, the code: it is how users know the row (`AADSTS65001: The user or
/// administrator hasn't consented …` makes `Aadsts65001`, not a name of 148 characters), and
/// codes differ where rows may not share them.
pub(super) fn naming_text<'k>(
    spec: &TableSpec,
    keyed: &'k KeyedRow<'_>,
    columns: &Columns,
) -> Cow<'k, str> {
    let text = words_shown(keyed, columns);
    if !names_by_part(spec, columns) {
        return Cow::Borrowed(text);
    }
    if !spec.key_type.get_ref().is_integer() {
        return Cow::Borrowed(&keyed.key_text);
    }
    let glued = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    let word = text.match_indices(keyed.key_text.as_str()).find(|&(start, code)| {
        let end = start + code.len();
        !glued(text[..start].chars().next_back()) && !glued(text[end..].chars().next())
    });
    match word {
        Some((start, code)) => {
            let rest = format!("{} {}", &text[..start], &text[start + code.len()..]);
            if rest.chars().any(char::is_alphabetic) {
                Cow::Owned(rest)
            } else {
                Cow::Borrowed(text)
            }
        }
        None => Cow::Borrowed(text),
    }
}

/// Whether a table's names may be made of a part of its key cells ([`naming_text`]): its codes
/// taken out of them by `key-pattern`, no `name-column` of its own, and, where the codes are
/// text, no rows that share one (each such row is named by the whole cell, which tells it apart).
fn names_by_part(spec: &TableSpec, columns: &Columns) -> bool {
    spec.key_pattern.is_some()
        && columns.name == columns.key
        && !(spec.shared_codes && shared_rows_named_by_key_cells(spec, columns))
}

/// Whether rows that share a code, where the table lets them, are named by their whole key
/// cells: codes of text that `key-pattern` takes out of them, in a table without a
/// `name-column` (`22023` and `22023 (on set-economy-access)` name two rows of `22023`).
pub fn shared_rows_named_by_key_cells(spec: &TableSpec, columns: &Columns) -> bool {
    spec.key_pattern.is_some()
        && columns.name == columns.key
        && !spec.key_type.get_ref().is_integer()
}

/// A row's name before suffixes, by where it comes from.
enum Unsuffixed<'n> {
    /// The name made of the row's name cell: the made name of its text's index.
    Made(usize),
    /// A name kept as it is, never suffixed: pinned in the manifest, or a retired row's.
    Kept(&'n str),
    /// The name made of the row's code, where its name cell makes none.
    OfCode(String),
}

impl<'n> Unsuffixed<'n> {
    fn text<'s>(&'s self, made: &'s [String]) -> &'s str {
        match self {
            Unsuffixed::Made(text) => &made[*text],
            Unsuffixed::Kept(name) => name,
            Unsuffixed::OfCode(name) => name,
        }
    }
}

/// The names before suffixes, each distinct one numbered, with how many rows give it: a
/// row's count is then read from a vector by its number. Looked up in a map of every row's
/// name, larger than a core's cache at 200k rows, each count cost a cache miss for the map
/// and another for the name compared (BENCHMARKS.md, section 0, thirty-eighth round). A made
/// name is looked up once, however many rows give it.
struct Numbered<'m> {
    /// Each row's name's number.
    of_row: Vec<usize>,
    /// How many rows give each name.
    counts: Vec<usize>,
    /// Each name's number. Looked up only, never iterated: the output does not depend on the
    /// map's order.
    by_name: FxHashMap<&'m str, usize>,
}

impl<'m> Numbered<'m> {
    fn new(unsuffixed: &'m [Unsuffixed<'m>], made: &'m [String]) -> Self {
        let mut numbered = Numbered {
            of_row: Vec::with_capacity(unsuffixed.len()),
            counts: Vec::with_capacity(made.len()),
            by_name: FxHashMap::with_capacity_and_hasher(made.len(), FxBuildHasher),
        };
        let mut made_numbers: Vec<Option<usize>> = vec![None; made.len()];
        for name in unsuffixed {
            let number = match name {
                Unsuffixed::Made(text) => {
                    *made_numbers[*text].get_or_insert_with(|| numbered.number(&made[*text]))
                }
                other => numbered.number(other.text(made)),
            };
            numbered.counts[number] += 1;
            numbered.of_row.push(number);
        }
        numbered
    }

    /// `name`'s number, a new one where it is new.
    fn number(&mut self, name: &'m str) -> usize {
        *self.by_name.entry(name).or_insert_with(|| {
            self.counts.push(0);
            self.counts.len() - 1
        })
    }
}

/// Each row's name, where it is an identifier (the text back where not), and whether it is
/// pinned.
type RowNames = [(Result<Identifier, String>, bool)];

/// Which rows' names took their codes after them ([`suffix_repeated`]), for the error of a
/// name two rows make then: `ABAB`, from the codes `a-b` and `a_b`, says nothing of why.
#[derive(Clone, Copy)]
struct Suffixed<'s> {
    unsuffixed: &'s [Unsuffixed<'s>],
    made: &'s [String],
    numbered: &'s Numbered<'s>,
}

impl<'s> Suffixed<'s> {
    /// The name before its suffix of the row at `index`, and how many rows make it, where the
    /// row's name took its code.
    fn of(&self, index: usize) -> Option<(&'s str, usize)> {
        let name = &self.unsuffixed[index];
        let rows = self.numbered.counts[self.numbered.of_row[index]];
        let suffixed = !matches!(name, Unsuffixed::Kept(_)) && rows > 1;
        suffixed.then(|| (name.text(self.made), rows))
    }
}

/// Every row's name, where it is an identifier (the text back where not), and whether it is
/// pinned: unpinned names that more than one row gives take the row's code as a suffix.
fn suffix_repeated(
    unsuffixed: &[Unsuffixed<'_>],
    made: &[String],
    numbered: &Numbered<'_>,
    rows: &[KeyedRow<'_>],
) -> Vec<(Result<Identifier, String>, bool)> {
    // Each name is made once, at its size, on every core where rows are many: where most
    // names repeat (a large table of few words), each suffix is a case conversion of the code,
    // asked of heck once per shape of code on each core (`Disambiguators`).
    let rows: Vec<_> = unsuffixed.iter().zip(&numbered.of_row).zip(rows).collect();
    let disambiguators = naming::Disambiguators::default;
    parallel::map_with(&rows, disambiguators, |disambiguators, &((name, &number), keyed)| {
        let pinned = matches!(name, Unsuffixed::Kept(_));
        let text = name.text(made);
        let name = if !pinned && numbered.counts[number] > 1 {
            let mut suffixed = String::with_capacity(text.len() + keyed.key_text.len());
            suffixed.push_str(text);
            disambiguators.push_to(&code_words(keyed), &mut suffixed);
            suffixed
        } else {
            text.to_owned()
        };
        (Identifier::try_from(name), pinned)
    })
}

/// The text a name is made of where it comes from the row's code (a row without a name, or
/// the suffix of a name that rows share): the code as written, but `minus` and the digits for
/// a negative integer code, which would otherwise make the name of the code without its sign
/// (`-5` makes `Minus5`, where `5` makes `_5`).
fn code_words<'k>(keyed: &'k KeyedRow<'_>) -> Cow<'k, str> {
    match keyed.key {
        Key::Int(IntValue::Negative(_)) => {
            Cow::Owned(format!("minus {}", keyed.key_text.trim_start_matches('-')))
        }
        _ => Cow::Borrowed(&keyed.key_text),
    }
}

/// Whether any row's name may be empty, not an identifier, or another row's: only then is
/// every row checked by name ([`check_collisions`], which says which rows clash), rather than
/// every row's name put in a map larger than a core's cache. `false` proves there is no
/// clash: a name that one row gives is given by no other row before suffixes; a name that
/// several rows give is kept by those that pin it (a clash where two do) and suffixed for the
/// others; and a suffixed name is new unless it is a name before suffixes or another suffixed
/// one.
fn may_collide(names: &[(Result<Identifier, String>, bool)], numbered: &Numbered<'_>) -> bool {
    let mut suffixed: FxHashSet<&str> = FxHashSet::default();
    let mut kept: FxHashSet<usize> = FxHashSet::default();
    for ((name, pinned), &number) in names.iter().zip(&numbered.of_row) {
        let Ok(name) = name else { return true };
        if numbered.counts[number] == 1 {
            continue;
        }
        let clash = if *pinned {
            !kept.insert(number)
        } else {
            numbered.by_name.contains_key(name.as_str()) || !suffixed.insert(name.as_str())
        };
        if clash {
            return true;
        }
    }
    false
}

/// A problem for each name that is empty or that an earlier row already has; the helps' keys
/// are counted as `helps` counts them ([`Helps`]), a pinned row's key is its pin's (`pin_key`,
/// so that the help's pin replaces it), and where the API snapshot has another variant for one
/// of two rows that generate one name, the help pins it.
fn check_collisions<'k, 'm, 'r, F: Fn() -> Naming<'r>>(
    place: &Place<'_>,
    spec: &TableSpec,
    (names, suffixed): (&RowNames, Suffixed<'_>),
    rows: &[KeyedRow<'k>],
    columns: &Columns,
    ((snapshot, keys), pin_key, offers): (
        Helps<'_, '_, 'r, 'k, '_, F>,
        impl Fn(&KeyedRow<'_>) -> Option<&'m str>,
        &mut Offers<'_>,
    ),
    problems: &mut Vec<Diagnostic>,
) {
    let mut first: FxHashMap<&str, usize> =
        FxHashMap::with_capacity_and_hasher(names.len(), FxBuildHasher);
    let key_of = |keyed: &KeyedRow<'_>| match pin_key(keyed).filter(|_| keyed.retiring.is_none()) {
        Some(key) => key.to_owned(),
        None => keys.of(&keyed.key_text, cell_text(keyed, columns)),
    };
    let generated = OnceLock::new();
    // The snapshot's variant for the row at `index`, where it is not `name`, no row generates
    // it, and the manifest does not pin the row's name (the team chose that one).
    let kept_variant = |index: usize, name: &str, first_row: bool| {
        let (keyed, (_, pinned)) = (&rows[index], &names[index]);
        let was = snapshot.filter(|_| !pinned)?.variant_of(keyed)?;
        let generated: &FxHashSet<&str> = generated.get_or_init(|| {
            names.iter().filter_map(|(name, _)| Some(name.as_ref().ok()?.as_str())).collect()
        });
        let free = was.variant != name && !generated.contains(was.variant.as_str());
        free.then(|| KeptVariant { key: key_of(keyed), variant: &was.variant, first_row })
    };
    for (index, ((name, pinned), keyed)) in names.iter().zip(rows).enumerate() {
        let cell = &keyed.row.cells()[columns.name];
        // Stage 2 reported a manifest pin that is not an identifier; a retired row's name comes
        // from the snapshot, which nothing checked before.
        let reported = *pinned && keyed.retiring.is_none();
        let Ok(name) = name else {
            if !reported {
                // Neither the name cell nor the code makes a name: where the code cell says
                // the row stands for no code (`—`), it may be left out.
                let code = &keyed.row.cells()[columns.key].text;
                let skip = keyed.retiring.is_none().then(|| offers.offer(code)).flatten();
                let (span, key) = (cell.span.clone(), key_of(keyed));
                let line = offers.pins.offer(spec, None, &key, "\"...\"".to_owned());
                let pin = (key.as_str(), line.as_ref());
                problems.push(place.no_variant_name(span, &cell.text, pin, skip.as_ref()));
            }
            continue;
        };
        if let Some(&earlier) = first.get(name.as_str()) {
            let earlier_row = &rows[earlier];
            let earlier_span = earlier_row.row.cells()[columns.name].span.clone();
            // Retired rows come after the page's, and keep their names: the page row that
            // takes a retired row's name (a pin does) is the one to name otherwise.
            problems.push(match keyed.retiring {
                Some(_) => {
                    let (page_key, retired_key) = (key_of(earlier_row), key_of(keyed));
                    let line = offers.pins.offer(spec, None, &page_key, "\"...\"".to_owned());
                    let keys = (&*page_key, &*retired_key, line.as_ref());
                    place.name_of_retired(earlier_span, name, names[earlier].1, keys)
                }
                None => {
                    let kept = kept_variant(index, name, false)
                        .or_else(|| kept_variant(earlier, name, true));
                    // A name the manifest pins is the team's: where one of the two rows has
                    // it pinned, the other is the row to name otherwise (the pinned one, named
                    // anew, was renamed, which the break gate refuses, asking for the pin back).
                    let pinned_second = *pinned && !names[earlier].1;
                    let key = key_of(if pinned_second { earlier_row } else { keyed });
                    let (pin_key, value) = match &kept {
                        Some(kept) => (kept.key.as_str(), toml_string(kept.variant)),
                        None => (key.as_str(), "\"...\"".to_owned()),
                    };
                    let line = offers.pins.offer(spec, None, pin_key, value);
                    let pin = (key.as_str(), line.as_ref(), pinned_second);
                    let suffix = |index: usize| {
                        let (made, count) = suffixed.of(index)?;
                        Some(Suffix { made, rows: count, code: &rows[index].key_text })
                    };
                    let suffixes = [suffix(earlier), suffix(index)];
                    let span = cell.span.clone();
                    place.duplicate_variant(span, earlier_span, name, pin, kept, suffixes)
                }
            });
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
        let offers = &mut Offers::new(&spec.skip_rows);
        let rows = assign(&PLACE, &spec, &columns, None, rows, offers, &mut problems);
        if problems.is_empty() {
            Ok(rows.into_iter().map(|row| row.ident.to_string()).collect())
        } else {
            Err(problems.into_iter().map(|problem| problem.message).collect())
        }
    }

    /// Where `key-pattern` takes an integer code out of the key cell that names the rows, the
    /// rest of the cell names each, where the code is a word of its own and the rest has a
    /// letter; a text code, a name column of its own or a code glued to the rest keep the cell.
    #[test]
    fn a_code_taken_out_of_the_cell_that_names_the_row_is_left_out_of_its_name() {
        let names = |cells: &[(&str, &str)], options: &str| {
            let mut page = "| c | n |\n|---|---|\n".to_owned();
            for (code, _) in cells {
                page.push_str(&format!("| {code} | x |\n"));
            }
            let page = markdown::parse(&page);
            let mut rows = keyed_rows(&page.tables[0]);
            for (row, (_, key_text)) in rows.iter_mut().zip(cells) {
                row.key_text = (*key_text).to_owned();
            }
            let spec = spec(&format!("key-column = \"c\"\n{options}"));
            let columns = Columns { key: 0, name: 0, list: Vec::new(), help: None };
            let name = |keyed| naming::variant_name(&naming_text(&spec, keyed, &columns), None);
            rows.iter().map(name).collect::<Vec<_>>()
        };
        let cells = [
            ("429 (TOO MANY REQUESTS)", "429"),
            ("Not Found (404)", "404"),
            ("0x1F Reserved", "0x1F"),
            ("u100", "100"),
            ("ERR_1121", "1121"),
            ("404", "404"),
            ("404 404", "404"),
        ];
        let pattern = "key-type = \"u16\"\nkey-pattern = '(\\d+)'";
        assert_eq!(
            names(&cells, pattern),
            ["TooManyRequests", "NotFound", "Reserved", "U100", "Err1121", "_404", "_404404"]
        );
        let whole: Vec<String> =
            cells.iter().map(|(cell, _)| naming::variant_name(cell, None)).collect();
        assert_eq!(whole[..3], ["_429TooManyRequests", "NotFound404", "_0x1FReserved"]);
        assert_eq!(names(&cells, "key-type = \"u16\""), whole, "no pattern");
        let text_codes = "key-type = \"str\"\nkey-pattern = '(\\d+)'";
        assert_eq!(
            names(&cells, &format!("{text_codes}\nshared-codes = true")),
            whole,
            "text codes that rows may share"
        );
        // Codes of text name their rows (their digits here, as `key_text` above).
        assert_eq!(
            names(&cells, text_codes),
            ["_429", "_404", "_0x1F", "_100", "_1121", "_404", "_404"],
            "text codes"
        );
    }

    /// A name is made of the words the page shows, not of a picture's alt text (which GitHub
    /// shows only where the picture fails to load), as an `<img>` tag and an emoji's shortcode
    /// are left out of it: `![warning](w.png) Disk full` names `DiskFull`, while `name()`
    /// keeps the cell's whole text. A picture alone is named by its alt text, which says
    /// what it shows.
    #[test]
    fn a_pictures_alt_text_is_left_out_of_its_rows_name() {
        let page = "| c | n |\n|---|---|\n| 1 | ![warning](w.png) Disk full |\n\
                    | 2 | ![warning][w] Disk ![*and*](and.png) busy |\n| 3 | ![ok](ok.png) |\n\
                    | 4 | ![a ![b](b.png) c](a.png) **Gone** |\n| 5 | :x: <img src=x.png> Down |\n\n\
                    [w]: w.png\n";
        let names = name_page(page, "").unwrap();
        assert_eq!(names, ["DiskFull", "DiskBusy", "Ok", "Gone", "Down"]);
        let parsed = markdown::parse(page);
        let texts: Vec<_> =
            parsed.tables[0].rows.iter().map(|row| row.cells()[1].text.clone()).collect();
        assert_eq!(&*texts[0], "warning Disk full");
        assert_eq!(&*texts[1], "warning Disk and busy");
        let shown: Vec<_> =
            parsed.tables[0].rows.iter().map(|row| row.cells()[1].words_shown()).collect();
        assert_eq!(shown, ["Disk full", "Disk  busy", "ok", "Gone", ":x: <img src=x.png> Down"]);
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

    /// A negative code names its row, or tells it apart, by `Minus` and its digits: never as
    /// the code of the same digits does.
    #[test]
    fn negative_codes_make_names_of_their_own() {
        let page = "| c | n |\n|---|---|\n| -5 | |\n| 5 | |\n| -7 | Gone |\n| 7 | Gone |\n\
                    | -08 | |\n";
        let names = name_page(page, "").unwrap();
        assert_eq!(names, ["Minus5", "_5", "GoneMinus7", "Gone7", "Minus08"]);
    }

    #[test]
    fn named_rows_take_the_keyed_rows_memory() {
        let page = markdown::parse(DISKS);
        let rows = keyed_rows(&page.tables[0]);
        let keyed_at = rows.as_ptr().addr();
        let spec = spec("key-column = \"c\"\nkey-type = \"u16\"\n");
        let columns = Columns { key: 0, name: 1, list: Vec::new(), help: None };
        let offers = &mut Offers::new(&spec.skip_rows);
        let named = assign(&PLACE, &spec, &columns, None, rows, offers, &mut Vec::new());
        assert_eq!(named.as_ptr().addr(), keyed_at);
        // And so do the variants made of them (`docs::enum_model`): std collects in place
        // where the new item is no larger and no more aligned.
        assert!(size_of::<crate::model::Variant>() <= size_of::<NamedRow<'_>>());
        assert!(align_of::<crate::model::Variant>() <= align_of::<NamedRow<'_>>());
    }

    /// Up to `MOST_IN_A_LINE` pins offered, the table is read again for each help to give the
    /// line of them all; past it, the first help gives the line of them all, in place of the
    /// manifest's, and each other its own pin, to add to the manifest's line (a line of its own
    /// beside it would be a TOML duplicate key).
    #[test]
    fn past_the_most_pins_the_first_help_gives_the_line_of_all_and_the_others_their_own() {
        let spec = spec("key-column = \"c\"\nkey-type = \"u16\"\nvariants = { \"0\" = \"Zero\" }");
        let mut offers = PinOffers::default();
        let keys: Vec<String> =
            (1..=problems::MOST_IN_A_LINE + 1).map(|at| at.to_string()).collect();
        for key in &keys {
            offers.offer(&spec, None, key, "\"...\"".into()).unwrap();
        }
        let mut again = offers.at_once().expect("read again");
        let helps: Vec<String> = keys
            .iter()
            .map(|key| {
                let line = again.offer(&spec, None, key, "\"...\"".into()).unwrap();
                problems::pin_variant_help(key, Some(&line))
            })
            .collect();
        assert!(
            helps[0].contains(r#"`variants = { "0" = "Zero", "1" = "...", "2" = "...""#),
            "{}",
            helps[0]
        );
        assert!(helps[0].contains(r#""33" = "..." }`"#), "{}", helps[0]);
        assert_eq!(
            helps[1],
            r#"pin a name, by adding `"2" = "..."` to this [[table]]'s `variants`"#
        );
        assert!(again.at_once().is_none());
    }

    #[test]
    fn pins_are_used_as_written_and_never_suffixed() {
        let names = name_page(DISKS, "variants = { \"1050\" = \"DiskFull\" }").unwrap();
        assert_eq!(names, ["InputError", "DiskFull", "DiskFull1507", "_9"]);
    }

    /// Rows named every way from names that clash before and after suffixes (`A` of code 11
    /// suffixed is `A11`, as is `A1` of code 1; `A 1` and `a1` make `A1` too; `???` makes no
    /// name, so its code's), with and without pins (two of them the same name): wherever no
    /// problem is reported, every row has a name no other row has. The check that spares the
    /// row-by-row search (`may_collide`) must never miss a clash.
    #[test]
    fn no_clash_goes_unreported() {
        const NAMES: [&str; 6] = ["A", "A1", "A 1", "a1", "???", "_1"];
        const CODES: [&str; 4] = ["1", "11", "2", "3"];
        let pins = [
            "",
            "variants = { \"1\" = \"A1\" }",
            "variants = { \"11\" = \"A\" }",
            "variants = { \"1\" = \"B\", \"2\" = \"B\" }",
        ];
        let (mut clean, mut reported) = (0, 0);
        for index in 0..NAMES.len().pow(4) {
            let names = [1, 6, 36, 216].map(|place| NAMES[index / place % 6]);
            let rows: String = CODES
                .iter()
                .zip(names)
                .map(|(code, name)| format!("| {code} | {name} |\n"))
                .collect();
            let page = format!("| c | n |\n|---|---|\n{rows}");
            for pin in pins {
                match name_page(&page, pin) {
                    Ok(idents) => {
                        let distinct: std::collections::HashSet<&String> = idents.iter().collect();
                        assert_eq!((distinct.len(), idents.len()), (4, 4), "{page}{pin}");
                        clean += 1;
                    }
                    Err(_) => reported += 1,
                }
            }
        }
        // Both outcomes are reached, so the test tells them apart.
        assert!(clean > 1000 && reported > 1000, "{clean} clean, {reported} reported");
    }

    #[test]
    fn pins_must_match_one_row_and_names_must_not_collide() {
        let problems =
            name_page(DISKS, "variants = { \"7\" = \"A\", \"1010\" = \"B\", \"1507\" = \"B\" }")
                .unwrap_err();
        assert_eq!(
            problems,
            [
                "a variant name is pinned for `7`, which is no row's code or name",
                "two rows generate the variant `B`",
            ]
        );
    }
}
