//! The break gate's diagnostics: for each break, what users would lose, at the manifest's
//! `[[table]]` for its enum, and the manifest change that keeps it.

use std::cell::Cell;
use std::collections::BTreeMap;

use super::Break;
use crate::api::toml_string;
use crate::diagnostics::{Diagnostic, Label};
use crate::int_code::Codes;
use crate::model::lints::MANY_ROWS;
use crate::model::problems::{new_retirement, retired_value};
use crate::model::{Discriminants, Origin, problems};

/// The checked-in API snapshot's text, and its path as the diagnostics name it: where an enum
/// is removed, no `[[table]]` is left to point at, so its diagnostic points at the enum's
/// record there.
#[derive(Clone, Copy, Debug)]
pub struct Recorded<'a> {
    /// The snapshot's path, as the diagnostics' labels name files.
    pub path: &'a str,
    /// Its text.
    pub text: &'a str,
}

/// A diagnostic per break, pointing at the manifest's `[[table]]` for the enum and at the pin
/// that keeps the old name, where there is one; a removed enum's at its record in the
/// snapshot, where `recorded` has it.
pub fn diagnostics(
    origins: &BTreeMap<String, Origin>,
    breaks: &[Break],
    recorded: Option<Recorded<'_>>,
) -> Vec<Diagnostic> {
    let find = |name: &str| origins.get(name);
    let lines = LinesKept::new(origins, breaks);
    breaks
        .iter()
        .map(|found| match found {
            Break::RenamedVariant { enum_name, old, new, code, pin_key } => {
                let pins = lines.variants(enum_name);
                renamed(find(enum_name), enum_name, old, new, (code, pin_key), pins)
            }
            Break::RemovedVariant { enum_name, old, code, name, pin_key, retirable } => {
                let row = (code.as_str(), name.as_str(), pin_key.as_str());
                let retired = lines.retired(enum_name);
                removed_variant(find(enum_name), enum_name, old, row, *retirable, retired)
            }
            Break::RemovedMethod { enum_name, old, header, renamed_to, new_headers } => {
                let accessors = lines.accessors(enum_name);
                let column = (header, renamed_to, &new_headers[..]);
                removed_method(find(enum_name), enum_name, old, column, accessors)
            }
            Break::RenamedMethod { enum_name, old, new, header } => renamed_method(
                find(enum_name),
                enum_name,
                (old, new),
                header,
                lines.accessors(enum_name),
            ),
            Break::DroppedDiscriminants { enum_name, code_type } => {
                dropped_discriminants(find(enum_name), enum_name, code_type.as_deref())
            }
            Break::ChangedCodeType { enum_name, old, new } => at_table(
                find(enum_name),
                Diagnostic::error(format!(
                    "breaking change: the codes of `{enum_name}` would be `{new}`, not `{old}`"
                )),
            )
            .with_note(format!(
                "`{enum_name}::code()` would return, and `{enum_name}::from_code` take, another \
                 type: code written for `{old}` would no longer compile"
            ))
            .with_help(format!(
                "keep `key-type = \"{old}\"` in this [[table]] while every code fits it; \
                 {OVERRIDE}"
            )),
            Break::ChangedCodeRadix { enum_name, code, old, new } => {
                let (read_as, keep) = match old {
                    16 => ("hexadecimal", "keep `key-radix = 16` in this [[table]]".to_owned()),
                    _ => ("decimal", "take `key-radix` out of this [[table]]".to_owned()),
                };
                let value = |radix: u32| {
                    let value = Codes::integers_in(Some(radix)).value(code);
                    value.map_or_else(|| code.clone(), |value| value.to_string())
                };
                at_table(
                    find(enum_name),
                    Diagnostic::error(format!(
                        "breaking change: the codes of `{enum_name}` would be read in base {new}, \
                         not {old}"
                    )),
                )
                .with_note(format!(
                    "the code `{code}`, read as {read_as} until now ({}), would be {}: \
                     `{enum_name}::code()`, `from_code` and `FromStr` would give or take another \
                     number for its row",
                    value(*old),
                    value(*new)
                ))
                .with_help(format!("{keep}; {OVERRIDE}"))
            }
            Break::MovedEnum { enum_name, old, new } => at_table(
                find(enum_name),
                Diagnostic::error(format!(
                    "breaking change: the enum `{enum_name}` would move from the module `{old}` \
                     to `{new}`"
                )),
            )
            .with_note(format!("`{old}::{enum_name}` would no longer name it"))
            .with_help(format!("keep `module = \"{old}\"` in this [[table]]; {OVERRIDE}")),
            Break::RenamedEnum { enum_name, new } => at_table(
                find(new),
                Diagnostic::error(format!(
                    "breaking change: the enum `{enum_name}` would be renamed `{new}`"
                )),
            )
            .with_note(format!("`{enum_name}` would no longer name it"))
            .with_help(format!("keep `enum = \"{enum_name}\"` in this [[table]]; {OVERRIDE}")),
            Break::RemovedEnum { enum_name, module } => removed_enum(enum_name, module, recorded),
        })
        .collect()
}

/// The diagnostic of a column accessor `old` that is gone: the pin for the column that took
/// its column's place, where one did ([`removed_methods`](super::removed_methods)), or else
/// the headers that are new. `accessors` is the line of the enum's accessor pins that keeps
/// every removed method of a column renamed ([`LinesKept`]), where it has more than this pin.
fn removed_method(
    origin: Option<&Origin>,
    enum_name: &str,
    old: &str,
    (header, renamed_to, new_headers): (&Option<String>, &Option<String>, &[String]),
    accessors: Option<&str>,
) -> Diagnostic {
    let error = Diagnostic::error(format!(
        "breaking change: the method `{enum_name}::{old}()` would be removed"
    ));
    let gone = match header {
        Some(header) => format!("its column `{header}` is no longer in the table"),
        None => "its column was renamed or removed".to_owned(),
    };
    let listed = |headers: &[String]| {
        headers.iter().map(|header| format!("`{header}`")).collect::<Vec<_>>().join(", ")
    };
    let has_accessors = origin.is_some_and(|origin| !origin.accessors.is_empty());
    let (note, help) = match (header, renamed_to) {
        (Some(header), Some(new)) => (
            format!("{gone}, which has a new column `{new}` in its place"),
            match accessors {
                Some(line) => format!(
                    "if `{header}` was renamed `{new}`, keep the method with a pin: {}; \
                     {OVERRIDE}",
                    keeps_every(line, "accessors", has_accessors, "method", " ")
                ),
                None => format!(
                    "if `{header}` was renamed `{new}`, keep the method with a pin {}; \
                     {OVERRIDE}",
                    problems::own_entry("accessors", has_accessors, new, toml_string(old))
                ),
            },
        ),
        _ => (
            match new_headers {
                [] => gone,
                _ => format!("{gone}; its new columns: {}", listed(new_headers)),
            },
            match origin.filter(|_| has_accessors) {
                // Beside the `[[table]]`'s pins, the line of them all (no two `accessors`).
                Some(origin) => {
                    let pins = origin.accessors.iter();
                    let pins = pins.map(|(header, method)| (header.as_str(), toml_string(method)));
                    let new = ("<new header>", toml_string(old));
                    let line = problems::table_line("accessors", pins.chain([new]));
                    format!(
                        "if the column was renamed, keep the method with a pin: {}; {OVERRIDE}",
                        keeps_every(&line, "accessors", true, "method", " ")
                    )
                }
                None => format!(
                    "if the column was renamed, keep the method with a pin in this [[table]]: \
                     `accessors = {{ \"<new header>\" = \"{old}\" }}`; {OVERRIDE}"
                ),
            },
        ),
    };
    at_table(origin, error).with_note(note).with_help(help)
}

/// The diagnostic of a column accessor `old` that would become `new`, its column `header`
/// kept: the pin that keeps `old`, or as `accessors` the line of the enum's accessor pins that
/// keeps every method ([`LinesKept`]), where it has more than this pin.
fn renamed_method(
    origin: Option<&Origin>,
    enum_name: &str,
    (old, new): (&str, &str),
    header: &str,
    accessors: Option<&str>,
) -> Diagnostic {
    let error = Diagnostic::error(format!(
        "breaking change: the method `{enum_name}::{old}()` would become `{enum_name}::{new}()`"
    ));
    let has_accessors = origin.is_some_and(|origin| !origin.accessors.is_empty());
    let pin = match accessors {
        Some(line) => format!(
            "keep it with a pin: {}",
            keeps_every(line, "accessors", has_accessors, "method", " ")
        ),
        None => format!(
            "keep it with a pin {}",
            problems::own_entry("accessors", has_accessors, header, toml_string(old))
        ),
    };
    at_table(origin, error)
        .with_note(format!(
            "its column `{header}` is still in the table; its header makes `{new}()` now (the \
             naming rules of a newer catalog-gen, or a pin in `accessors` changed)"
        ))
        .with_help(format!("{pin}; {OVERRIDE}"))
}

/// The diagnostic of a variant `old` whose row is gone: the retirement that keeps it, where
/// `retired` can tell the row from the table's (`retirable`), else the pin for the row it may
/// have become. A row the manifest's `skip-rows` leaves out (by its code or name) is said to
/// be left out there, and the entry that lets it back in is named in place of restoring it.
/// `retired` is the line of the enum's retirements that keeps every row removed
/// ([`LinesKept`]), where it has more than this row's.
fn removed_variant(
    origin: Option<&Origin>,
    enum_name: &str,
    old: &str,
    (code, name, pin_key): (&str, &str, &str),
    retirable: bool,
    retired: Option<&str>,
) -> Diagnostic {
    let skipped_by = origin
        .and_then(|origin| origin.skip_rows.iter().find(|entry| *entry == code || *entry == name));
    let (gone, restore) = match skipped_by {
        Some(entry) => (
            "is left out by this [[table]]'s `skip-rows`".to_owned(),
            format!("let the row back in: remove `{}` from `skip-rows`", toml_string(entry)),
        ),
        None => ("is no longer in the table".to_owned(), "restore the row in the page".to_owned()),
    };
    let error = at_table(
        origin,
        Diagnostic::error(format!(
            "breaking change: the variant `{enum_name}::{old}` would be removed"
        )),
    );
    let row = row_shown(code, pin_key);
    if !retirable {
        return error
            .with_note(format!(
                "its row ({row}) {gone}, but rows with its code and with its name are, so \
                 `retired` cannot tell it from them"
            ))
            .with_help(format!(
                "if one of them is this row with its code or name changed, keep the variant's \
                 name with a pin there: `variants = {{ \"<that row's code>\" = \"{old}\" }}`; \
                 {OVERRIDE}"
            ));
    }
    let keep = match retired {
        Some(line) => {
            let has_retired = origin.is_some_and(|origin| origin.has_retired);
            let every_row = keeps_every(line, "retired", has_retired, "row removed", "\n");
            format!("{every_row} (`note` and `since = \"<date>\"` are optional)")
        }
        None if origin.is_some_and(|origin| origin.has_retired) => format!(
            "{} (`note` and `since = \"<date>\"` are optional)",
            problems::own_entry("retired", true, pin_key, retired_value(&new_retirement()))
        ),
        None => format!(
            "add to this [[table]]\n`{}`\n(`note` and `since = \"<date>\"` are optional; \
             other retired rows go in the same `retired` table)",
            problems::retirement(pin_key)
        ),
    };
    error.with_note(format!("its row ({row}) {gone}")).with_help(format!(
        "keep it as a retired variant (deprecated, still found by code, name and serde, with its \
         last documented text): {keep}; or {restore}, {OVERRIDE}"
    ))
}

/// How every help ends: the way past the gate, for a change that is meant.
const OVERRIDE: &str = "or, if the change is intended, run with `--allow-breaking`";

/// A row as a diagnostic names it: by its `code`, and by `key` too where a pin or a retirement
/// is keyed otherwise (by its name, where rows share the code); by its code alone, said so,
/// where that name is an empty cell (`""`, which the help's snippet spells).
fn row_shown(code: &str, key: &str) -> String {
    match key {
        "" => format!("`{code}`, whose name cell is empty"),
        _ if key != code => format!("`{code}`, `{key}`"),
        _ => format!("`{code}`"),
    }
}

/// For each enum, the lines of the manifest's `variants` and `retired` that keep every
/// variant the breaks would rename or remove, where `retired` can keep it, and of its
/// `accessors` that keeps every method of a column renamed: the manifest's entries (a pinned
/// row renamed given its old name again) and those the helps offer. Pasted in place of the
/// manifest's, one line keeps every variant or method, where a line per variant would each be
/// a TOML duplicate key beside the manifest's table or one another. Of more than
/// [`problems::MOST_IN_A_LINE`] entries, the first help alone gives the line, and the others
/// their own entry's: in every help, such a line would make the helps' text grow as the square
/// of the breaks (a page that drops forty rows at once).
struct LinesKept<'b> {
    variants: BTreeMap<&'b str, Line>,
    retired: BTreeMap<&'b str, Line>,
    accessors: BTreeMap<&'b str, Line>,
}

/// A line of the manifest a help gives to paste in place of one of its tables.
struct Line {
    /// The line: `table = { key = value, … }`.
    text: String,
    /// How many entries it has: a line of one has nothing but the help's own.
    entries: usize,
    /// Whether the `[[table]]` has a line of this table, which this one replaces (also where
    /// none of its entries is in effect: retirements of rows the page documents again).
    replaces: bool,
    /// Whether a help has given it: of more than [`problems::MOST_IN_A_LINE`] entries, only
    /// the first help does.
    given: Cell<bool>,
}

impl<'b> LinesKept<'b> {
    fn new(origins: &BTreeMap<String, Origin>, breaks: &'b [Break]) -> Self {
        let mut renamed: BTreeMap<&str, Vec<(&str, &str)>> = BTreeMap::new();
        let mut removed: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        let mut methods: BTreeMap<&str, Vec<(&str, &str)>> = BTreeMap::new();
        for found in breaks {
            match found {
                Break::RenamedVariant { enum_name, old, pin_key, .. } => {
                    renamed.entry(enum_name).or_default().push((pin_key, old));
                }
                Break::RemovedVariant { enum_name, pin_key, retirable: true, .. } => {
                    removed.entry(enum_name).or_default().push(pin_key);
                }
                Break::RemovedMethod { enum_name, old, renamed_to: Some(header), .. }
                | Break::RenamedMethod { enum_name, old, header, .. } => {
                    methods.entry(enum_name).or_default().push((header, old));
                }
                _ => {}
            }
        }
        let origin = |enum_name: &str| origins.get(enum_name);
        let variants = renamed.into_iter().map(|(enum_name, renamed)| {
            let pins = origin(enum_name).map_or(&[][..], |origin| &origin.pins[..]);
            let old_name = |key: &str| renamed.iter().find(|(renamed, _)| *renamed == key);
            let kept = pins.iter().map(|(key, name, _)| match old_name(key) {
                Some(&(_, old)) => (key.as_str(), toml_string(old)),
                None => (key.as_str(), toml_string(name)),
            });
            let pinned_already = |key: &str| pins.iter().any(|(pinned, ..)| pinned == key);
            let added = renamed.iter().filter(|(key, _)| !pinned_already(key));
            let added = added.map(|&(key, old)| (key, toml_string(old)));
            (enum_name, line("variants", !pins.is_empty(), kept.chain(added).collect()))
        });
        let retired = removed.into_iter().map(|(enum_name, removed)| {
            let retired = origin(enum_name).map_or(&[][..], |origin| &origin.retired[..]);
            let kept = retired.iter().map(|(key, entry)| (key.as_str(), retired_value(entry)));
            let added = removed.iter().map(|key| (*key, retired_value(&new_retirement())));
            let has_retired = origin(enum_name).is_some_and(|origin| origin.has_retired);
            (enum_name, line("retired", has_retired, kept.chain(added).collect()))
        });
        let accessors = methods.into_iter().map(|(enum_name, methods)| {
            let pins = origin(enum_name).map_or(&[][..], |origin| &origin.accessors[..]);
            // A pin of a header whose method is renamed (the pin changed) keeps the old method.
            let old_method = |header: &str| methods.iter().find(|(renamed, _)| *renamed == header);
            let kept = pins.iter().map(|(header, method)| match old_method(header) {
                Some(&(_, old)) => (header.as_str(), toml_string(old)),
                None => (header.as_str(), toml_string(method)),
            });
            let pinned_already = |header: &str| pins.iter().any(|(pinned, _)| pinned == header);
            let added = methods.iter().filter(|(header, _)| !pinned_already(header));
            let added = added.map(|&(header, method)| (header, toml_string(method)));
            (enum_name, line("accessors", !pins.is_empty(), kept.chain(added).collect()))
        });
        LinesKept {
            variants: variants.collect(),
            retired: retired.collect(),
            accessors: accessors.collect(),
        }
    }

    /// The line of `enum_name`'s `accessors` that keeps every method of a renamed column,
    /// where this help gives it ([`LinesKept::for_this_help`]).
    fn accessors(&self, enum_name: &str) -> Option<&str> {
        Self::for_this_help(self.accessors.get(enum_name))
    }

    /// The line of `enum_name`'s `variants` that keeps every name, where this help gives it
    /// ([`LinesKept::for_this_help`]).
    fn variants(&self, enum_name: &str) -> Option<&str> {
        Self::for_this_help(self.variants.get(enum_name))
    }

    /// The line of `enum_name`'s `retired` that keeps every row removed, where this help
    /// gives it ([`LinesKept::for_this_help`]).
    fn retired(&self, enum_name: &str) -> Option<&str> {
        Self::for_this_help(self.retired.get(enum_name))
    }

    /// The text of `line`, where it has more than the help's own entry or replaces the
    /// `[[table]]`'s line (as [`problems::PinLine::of_all`] gives every line of pins), and of
    /// more than [`problems::MOST_IN_A_LINE`] entries, for the first help that asks.
    fn for_this_help(line: Option<&Line>) -> Option<&str> {
        let line = line?;
        let first = !line.given.replace(true);
        let give = (line.entries > 1 || line.replaces)
            && (first || line.entries <= problems::MOST_IN_A_LINE);
        give.then_some(line.text.as_str())
    }
}

/// The manifest's line of `table` with `entries` ([`problems::table_line`]), in place of the
/// `[[table]]`'s where it `replaces` one.
fn line(table: &str, replaces: bool, entries: Vec<(&str, String)>) -> Line {
    let count = entries.len();
    let text = problems::table_line(table, entries);
    Line { text, entries: count, replaces, given: Cell::new(false) }
}

/// How a help offers `line`, the line of a table of the manifest (`table`) that keeps every
/// variant (`kept`): in place of the table, where the manifest has it. `apart` is what sets
/// the line apart from the words around it: a space, or a line break for a long line.
fn keeps_every(line: &str, table: &str, has_table: bool, kept: &str, apart: &str) -> String {
    match has_table {
        true => format!(
            "in place of this [[table]]'s `{table}`,{apart}`{line}`{apart}keeps every {kept}"
        ),
        false => format!("add to this [[table]]{apart}`{line}`,{apart}which keeps every {kept}"),
    }
}

/// The diagnostic of a variant `old` that would become `new`: the pin that keeps `old`, or,
/// where the manifest pins the row already, that pin again with the old name; as `pins`, the
/// line of the enum's pins that keeps every renamed variant's name ([`LinesKept`]), where it
/// has more than this pin.
fn renamed(
    origin: Option<&Origin>,
    enum_name: &str,
    old: &str,
    new: &str,
    (code, key): (&str, &str),
    pins: Option<&str>,
) -> Diagnostic {
    let diagnostic = at_table(
        origin,
        Diagnostic::error(format!(
            "breaking change: the variant `{enum_name}::{old}` would become `{enum_name}::{new}`"
        )),
    )
    .with_note(format!("`{old}` → `{new}` (the row {})", row_shown(code, key)));
    let pin = origin.and_then(|origin| origin.pins.iter().find(|(pinned, ..)| pinned == key));
    let has_pins = origin.is_some_and(|origin| !origin.pins.is_empty());
    let every_name = |line: &str| keeps_every(line, "variants", has_pins, "name", " ");
    match (origin, pin) {
        (Some(origin), Some((_, _, span))) => diagnostic
            .with_label(Label::secondary(
                &origin.manifest,
                span.clone(),
                format!("the pin for `{key}`"),
            ))
            .with_help(match pins {
                Some(line) => format!("pin the old name again: {}; {OVERRIDE}", every_name(line)),
                None => format!(
                    "pin the old name again: `{} = {}`; {OVERRIDE}",
                    toml_string(key),
                    toml_string(old)
                ),
            }),
        _ => diagnostic.with_help(match pins {
            Some(line) => format!("keep the old name with a pin: {}; {OVERRIDE}", every_name(line)),
            None => format!(
                "keep the old name with a pin {}; {OVERRIDE}",
                problems::own_entry("variants", has_pins, key, toml_string(old))
            ),
        }),
    }
}

/// The diagnostic of codes that would no longer be the discriminants of `enum_name`, whose
/// codes are `code_type` in the checked-in API: why, as the model says, and the way to keep
/// them that the manifest has.
fn dropped_discriminants(
    origin: Option<&Origin>,
    enum_name: &str,
    code_type: Option<&str>,
) -> Diagnostic {
    let why = origin.map_or(Discriminants::ManyRows, |origin| origin.discriminants);
    let (because, help) = match why {
        Discriminants::SharedCodes => (
            "the manifest says `shared-codes = true`, and variants cannot share a \
             discriminant"
                .to_owned(),
            format!(
                "keep them: take `shared-codes = true` out while no two rows share a code; \
                 {OVERRIDE}"
            ),
        ),
        Discriminants::StringCodes => (
            "the manifest says `key-type = \"str\"`, and string codes cannot be discriminants"
                .to_owned(),
            format!("keep them with the integer `key-type` of before; {OVERRIDE}"),
        ),
        Discriminants::NoRows => (
            "the table has no rows, and an enum without variants has none".to_owned(),
            format!(
                "keep them: restore the rows, or retire them (retired rows are variants); \
                 {OVERRIDE}"
            ),
        ),
        Discriminants::TurnedOff => (
            "the manifest says `discriminants = false`".to_owned(),
            format!("keep them with `discriminants = true` in its place; {OVERRIDE}"),
        ),
        // Not `Codes`: the new API's `discriminants` and the origin's are one fact of the
        // model. Where no origin says why (an API compared alone), the common reason.
        Discriminants::ManyRows | Discriminants::Codes => (
            format!(
                "the table has more than {MANY_ROWS} rows and the manifest does not say (such \
                 tables have none by default, because they make the crate compile several \
                 times slower)"
            ),
            format!(
                "keep them with `discriminants = true` in this [[table]]; or write \
                 `discriminants = false` there, {OVERRIDE}"
            ),
        ),
    };
    let code_type = code_type.unwrap_or("<code type>");
    at_table(
        origin,
        Diagnostic::error(format!(
            "breaking change: the codes of `{enum_name}` would no longer be its discriminants"
        )),
    )
    .with_note(format!("`{enum_name}::X as {code_type}` would no longer be the code: {because}"))
    .with_help(help)
}

/// The diagnostic of the enum `enum_name` of `module` that no `[[table]]` generates any more:
/// at its record in the snapshot, where `recorded` has one, with the lines of the `[[table]]`
/// that named it.
fn removed_enum(enum_name: &str, module: &str, recorded: Option<Recorded<'_>>) -> Diagnostic {
    let diagnostic =
        Diagnostic::error(format!("breaking change: the enum `{enum_name}` would be removed"));
    let place = recorded.and_then(|recorded| {
        Some((recorded.path, crate::api::enum_record(recorded.text, enum_name)?))
    });
    let diagnostic = match place {
        Some((path, span)) => diagnostic.with_label(Label::primary(
            path,
            span,
            "the checked-in API has it, from the last regen",
        )),
        None => diagnostic,
    };
    diagnostic
        .with_note(format!(
            "no [[table]] in the manifest generates `{module}::{enum_name}` any more"
        ))
        .with_help(format!(
            "restore its [[table]] entry (`enum = \"{enum_name}\"`, `module = \"{module}\"`), \
             {OVERRIDE}"
        ))
}

/// `diagnostic` pointing at the `[[table]]` an enum comes from, where it is known.
fn at_table(origin: Option<&Origin>, diagnostic: Diagnostic) -> Diagnostic {
    match origin {
        Some(origin) => diagnostic.with_label(Label::primary(
            &origin.manifest,
            origin.enum_span.clone(),
            "generated from this table",
        )),
        None => diagnostic,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_that_stop_being_discriminants_are_kept_as_their_cause_allows() {
        let said = |why| {
            let origin = Origin { discriminants: why, ..Origin::default() };
            let diagnostic = dropped_discriminants(Some(&origin), "E", Some("u16"));
            (diagnostic.notes.concat(), diagnostic.help.unwrap_or_default())
        };
        let cases = [
            (Discriminants::SharedCodes, "`shared-codes = true`", "take `shared-codes = true` out"),
            (Discriminants::StringCodes, "`key-type = \"str\"`", "the integer `key-type`"),
            (Discriminants::NoRows, "no rows", "restore the rows, or retire them"),
            (Discriminants::TurnedOff, "`discriminants = false`", "`discriminants = true`"),
            (Discriminants::ManyRows, "more than 2000 rows", "`discriminants = true`"),
        ];
        for (why, because, keep) in cases {
            let (note, help) = said(why);
            assert!(note.starts_with("`E::X as u16` would no longer be the code"), "{note}");
            assert!(note.contains(because) && help.contains(keep), "{why:?}: {note}\n{help}");
        }
        // Where rows may share codes, the manifest cannot ask for `discriminants = true`.
        assert!(!said(Discriminants::SharedCodes).1.contains("discriminants = true"));
    }

    /// Rows removed from a table whose `retired` has retirements no longer in effect (rows the
    /// page documents again): the line of one retirement is given in place of the table's, and
    /// past `MOST_IN_A_LINE` rows, each help after the first gives its own entry to add to the
    /// table's line, not a line of its own beside it (a TOML duplicate key).
    #[test]
    fn the_line_of_retirements_replaces_the_tables_and_past_the_most_each_adds_its_own() {
        let origin = Origin { has_retired: true, ..Origin::default() };
        let origins = BTreeMap::from([("E".to_owned(), origin)]);
        let helps = |count: usize| -> Vec<String> {
            let removed = (1..=count).map(|code| Break::RemovedVariant {
                enum_name: "E".into(),
                old: format!("Old{code}"),
                code: code.to_string(),
                name: format!("Old {code}"),
                pin_key: code.to_string(),
                retirable: true,
            });
            let found = diagnostics(&origins, &removed.collect::<Vec<_>>(), None);
            found.into_iter().map(|found| found.help.unwrap()).collect()
        };
        let one = &helps(1)[0];
        assert!(one.contains("in place of this [[table]]'s `retired`"), "{one}");
        let past = helps(problems::MOST_IN_A_LINE + 1);
        assert!(past[0].contains(r#""33" = { note = "no longer in the documentation" } }`"#));
        let own = r#"by adding `"2" = { note = "no longer in the documentation" }` to this [[table]]'s `retired`"#;
        assert!(past[1].contains(own), "{}", past[1]);
    }

    /// Renames beside a pin: each help gives the one line of them all, until it would hold
    /// more than `MOST_IN_A_LINE` pins; then the first help gives it, and each other its own
    /// pin.
    #[test]
    fn the_line_that_keeps_every_name_holds_up_to_most_in_a_line_pins() {
        let origin =
            Origin { pins: vec![("100".into(), "Kept".into(), 0..1)], ..Origin::default() };
        let origins = BTreeMap::from([("E".to_owned(), origin)]);
        let renamed = |count: usize| -> Vec<Break> {
            (1..=count)
                .map(|code| Break::RenamedVariant {
                    enum_name: "E".into(),
                    old: format!("Old{code}"),
                    new: format!("New{code}"),
                    code: code.to_string(),
                    pin_key: code.to_string(),
                })
                .collect()
        };
        let helps = |count: usize| -> Vec<String> {
            let found = diagnostics(&origins, &renamed(count), None);
            found.into_iter().map(|found| found.help.unwrap()).collect()
        };
        let all = r#"`variants = { "100" = "Kept", "1" = "Old1", "2" = "Old2" }` keeps every name"#;
        assert!(helps(2).iter().all(|help| help.contains(all)), "{:?}", helps(2));
        let most = helps(problems::MOST_IN_A_LINE - 1);
        assert!(most.iter().all(|help| help.contains(r#""31" = "Old31" }` keeps"#)), "{most:?}");
        let past = helps(problems::MOST_IN_A_LINE);
        assert!(past[0].contains(r#""32" = "Old32" }` keeps every name"#), "{:?}", past[0]);
        // Beside the `[[table]]`'s pin, an entry to add to its line: a line of its own would
        // be a TOML duplicate key.
        let own = r#"by adding `"2" = "Old2"` to this [[table]]'s `variants`"#;
        assert!(past[1].contains(own), "{:?}", past[1]);
        assert!(past.iter().skip(1).all(|help| !help.contains("Old1\"")), "{past:?}");
    }
}
