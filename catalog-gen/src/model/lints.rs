//! Stage 11: warnings. What the docs say compiles, but a docs writer or a user would want to
//! know: tables whose size turned their discriminants off, tables without rows, enum names
//! rustc will warn about, pinned names not in rustc's case, variant names too long to type,
//! cells that hold only an export's placeholder; and across the crate, modules whose file
//! Windows cannot create. (Short rows are warned of where rows are read, in [`super::keys`].)

use std::ops::Range;

use crate::api::{self, toml_string};
use crate::diagnostics::Diagnostic;
use crate::manifest::{PinnedNames, TableSpec, in_manifest_order};
use crate::model::columns::Columns;
use crate::model::docs::ReadyTable;
use crate::model::help_keys;
use crate::model::names::NamedRow;
use crate::model::problems::{PinLine, Place};
use crate::naming;

/// Above this many rows, explicit discriminants make a crate compile several times slower
/// (BENCHMARKS.md: 0.85 s against 0.53 s at 1,000 rows, 32 s against 6.9 s at 10,000), so
/// larger tables have none unless the manifest asks for them.
pub const MANY_ROWS: usize = 2_000;

/// Variant names longer than this many characters get a warning (the longest in the seed
/// docs, MediaConvert's `JobDoesntRequireEnoughProcessingPowerForAcceleratedTranscoding`, has
/// 62).
pub const LONG_NAME: usize = 80;

/// Pushes a warning for each module of `tables` whose name Windows reserves for a device
/// ([`naming::windows_reserves`]), once, at the first table that names the module: a module
/// is a file of its name, which Windows cannot make (`module = "aux"` builds here, not there),
/// as cargo warns of a package named so.
pub fn windows_reserved_modules(tables: &[ReadyTable<'_>], problems: &mut Vec<Diagnostic>) {
    let mut warned: Vec<&str> = Vec::new();
    for table in tables {
        let module = table.module.as_str();
        if naming::windows_reserves(module) && !warned.contains(&module) {
            warned.push(module);
            let place = Place { manifest: table.manifest_path, page: &table.page.path };
            problems.push(place.module_name_reserved(table.spec.module.span(), module));
        }
    }
}

/// Pushes a warning for each thing worth knowing about a table that passed every check;
/// `discriminants_off_by_size` as [`super::facts::discriminants`] tells.
pub fn check(
    place: &Place<'_>,
    spec: &TableSpec,
    source: &str,
    columns: &Columns,
    rows: &[NamedRow<'_>],
    discriminants_off_by_size: bool,
    problems: &mut Vec<Diagnostic>,
) {
    let (name, span) = (spec.enum_name.get_ref(), spec.enum_name.span());
    if discriminants_off_by_size {
        let code_type = spec.key_type.get_ref().rust_name();
        problems.push(place.discriminants_off_by_size(span.clone(), name, rows.len(), code_type));
    }
    if rows.is_empty() {
        problems.push(place.no_rows(span.clone(), name));
    }
    if !naming::is_camel_case(name) {
        problems.push(place.enum_not_camel_case(span, name));
    }
    let not_in_case = pins_not_in_case(spec);
    let codes = spec.codes();
    let keys = help_keys::HelpKeys::new(|| help_keys::named_naming(rows, columns.name, codes));
    let key_of =
        |named: &NamedRow<'_>| keys.of(&named.key_text, &named.row.cells()[columns.name].text);
    // A long name from a pin is the manifest's choice, and a retired row keeps the name it
    // had (another would break its users): only names made from a page's cell are warned of.
    let made_from_cell = |named: &NamedRow<'_>| {
        named.page_row.is_some()
            && !spec
                .pinned(PinnedNames::Variants)
                .values()
                .any(|pin| *pin.get_ref() == *named.ident)
    };
    // Every cell is looked at, each text an allocation of its own: at 200k rows, about 14 ms
    // of one core with the other idle, so the rows are looked at on every core.
    let found = crate::parallel::chunks(rows, |chunk| {
        let mut found = Vec::new();
        for named in chunk {
            check_row(place, source, columns, named, (&key_of, &made_from_cell), &mut found);
        }
        found
    });
    let found: Vec<Found> = found.into_iter().flatten().collect();
    let long = found.iter().filter_map(|found| match found {
        Found::LongName { key, .. } => Some(key.as_str()),
        Found::Other(_) => None,
    });
    let lines = PinLines::new(spec, &not_in_case, long);
    for pin in not_in_case {
        let line = lines.of(pin.what);
        problems.push(place.pinned_name_not_in_case(pin.span, pin.what, pin.names, line));
    }
    problems.extend(found.into_iter().map(|found| match found {
        Found::LongName { span, ident, key } => {
            place.long_variant_name(span, ident, &key, lines.of(PinnedNames::Variants))
        }
        Found::Other(problem) => problem,
    }));
}

/// What a row's warnings found: a name too long, with the key a pin for the row has (its
/// warning is made once the line of every pin the table's warnings offer is known,
/// [`PinLines`]), or another warning.
enum Found<'r> {
    LongName { span: Range<usize>, ident: &'r str, key: String },
    Other(Diagnostic),
}

/// A pinned name rustc will warn of: where it is pinned, what it names, and its key, the name
/// and the name in the case rustc asks for, where a pin can give that.
struct NotInCase<'s> {
    span: Range<usize>,
    what: PinnedNames,
    names: (&'s str, &'s str, Option<String>),
}

/// Each pinned name rustc will warn of: a variant's that is not UpperCamelCase, a method's
/// that is not snake_case, with the name rustc asks for. Pinned names are used as written;
/// those regen makes are in case by construction.
fn pins_not_in_case(spec: &TableSpec) -> Vec<NotInCase<'_>> {
    let mut found = Vec::new();
    for what in PinnedNames::BOTH {
        // In the manifest's order, as the user reads the warnings beside it.
        for (key, name) in in_manifest_order(spec.pinned(what)) {
            let Some(fixed) = in_case(what, name.get_ref()) else { continue };
            // Only a name that a pin can give: an identifier no enum has already.
            let fixed = (naming::is_identifier(&fixed) && !api::is_reserved_method(&fixed))
                .then_some(fixed);
            let names = (key.get_ref().as_str(), name.get_ref().as_str(), fixed);
            found.push(NotInCase { span: name.span(), what, names });
        }
    }
    found
}

/// The one `variants` line and the one `accessors` line that a table's warnings offer to
/// paste: the manifest's pins, each that a warning gives in rustc's case as the warning says,
/// and a pin (`"..."`, the name to choose) for each name too long. Where a table's warnings
/// offer more than one pin, or the manifest has others already, each help gives the line of
/// them all, as the break gate's and `skip-rows`' helps do: pasting a line of the help's own
/// pin beside the manifest's line, or two helps' lines, would be a TOML duplicate key. Past
/// [`MOST_IN_A_LINE`](crate::model::problems::MOST_IN_A_LINE) entries, each help gives its own.
struct PinLines {
    variants: Option<PinLine>,
    accessors: Option<PinLine>,
}

impl PinLines {
    fn new<'k>(
        spec: &'k TableSpec,
        not_in_case: &'k [NotInCase<'k>],
        long: impl Iterator<Item = &'k str>,
    ) -> Self {
        let line = |what: PinnedNames, long: Vec<&'k str>| {
            let pinned = PinLine::pinned(spec, what);
            let fixed = not_in_case.iter().filter(|pin| pin.what == what);
            let fixed =
                fixed.filter_map(|pin| Some((pin.names.0, toml_string(pin.names.2.as_ref()?))));
            let long = long.into_iter().map(|key| (key, "\"...\"".to_owned()));
            let has_line = !spec.pinned(what).is_empty();
            PinLine::of_all(what.table(), has_line, pinned, fixed.chain(long), |a, b| a == b)
        };
        PinLines {
            variants: line(PinnedNames::Variants, long.collect()),
            accessors: line(PinnedNames::Accessors, Vec::new()),
        }
    }

    /// The line of `what` pins, where the helps give it.
    fn of(&self, what: PinnedNames) -> Option<&PinLine> {
        match what {
            PinnedNames::Variants => self.variants.as_ref(),
            PinnedNames::Accessors => self.accessors.as_ref(),
        }
    }
}

/// `name` in the case rustc asks of `what` names, where it is not in that case already.
fn in_case(what: PinnedNames, name: &str) -> Option<String> {
    use heck::{ToSnakeCase, ToUpperCamelCase};
    match what {
        PinnedNames::Variants => (!naming::is_camel_case(name)).then(|| name.to_upper_camel_case()),
        PinnedNames::Accessors => (!naming::is_snake_case(name)).then(|| name.to_snake_case()),
    }
}

/// What one row's warnings found: a name made from its cell too long, cells that are
/// placeholders. `key_of` gives the key a pin for a row has; `made_from_cell` whether the row's
/// name is made from its name cell.
fn check_row<'r>(
    place: &Place<'_>,
    source: &str,
    columns: &Columns,
    named: &'r NamedRow<'_>,
    (key_of, made_from_cell): (&impl Fn(&NamedRow<'_>) -> String, &impl Fn(&NamedRow<'_>) -> bool),
    found: &mut Vec<Found<'r>>,
) {
    // Characters are counted only where the bytes are too many.
    let long = named.ident.len() > LONG_NAME && named.ident.chars().count() > LONG_NAME;
    if long && made_from_cell(named) {
        let span = named.row.cells()[columns.name].span.clone();
        found.push(Found::LongName { span, ident: &named.ident, key: key_of(named) });
    }
    for (index, (cell, column)) in named.row.cells().iter().zip(&columns.list).enumerate() {
        if is_placeholder(source, cell) {
            let cell_phrase = column.cell_phrase(index);
            let problem = place.placeholder_cell(cell.span.clone(), &cell.text, &cell_phrase);
            found.push(Found::Other(problem));
        }
    }
}

/// A cell that is one link whose text is a phrase in brackets, as exports write
/// `[\[See the documentation website for more details\]](https://…)` where they dropped content.
fn is_placeholder(source: &str, cell: &crate::markdown::Cell) -> bool {
    // The plain text first: it rules out nearly every cell without reading the page again.
    let text = &*cell.text;
    if !(text.starts_with('[') && text.ends_with(']')) {
        return false;
    }
    let markdown = source.get(cell.markdown.clone()).unwrap_or_default().trim();
    markdown.starts_with("[\\[")
        && markdown.ends_with(')')
        && !text[1..text.len() - 1].contains(['[', ']'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown;
    use crate::model::problems;
    use crate::model::testing::PLACE;

    /// The helps' pins and the manifest's make one line to paste in place of the manifest's;
    /// of more than a line of every help should hold, the first help gives it.
    #[test]
    fn the_helps_give_one_line_of_pins_and_past_the_most_the_first_does() {
        let spec = crate::model::testing::spec(
            "key-column = \"Code\"\nkey-type = \"u16\"\nvariants = { \"0\" = \"Zero\" }",
        );
        let keys: Vec<String> = (1..=problems::MOST_IN_A_LINE).map(|at| at.to_string()).collect();
        let line = |offered: usize| {
            let long = keys[..offered].iter().map(String::as_str);
            PinLines::new(&spec, &[], long).variants.map(|line| (line.text, line.replaces))
        };
        // The manifest's pin and one offered: the line of both, in place of the manifest's.
        let both = r#"variants = { "0" = "Zero", "1" = "..." }"#.to_owned();
        assert_eq!(line(1), Some((both, true)));
        let most = line(problems::MOST_IN_A_LINE - 1).expect("a line of the most entries");
        assert_eq!(most.0.matches(" = ").count(), problems::MOST_IN_A_LINE + 1);
        // One more: the first help gives the line of them all, and each other its own pin, to
        // add to the manifest's line (a line of its own beside it would be a duplicate key).
        let past = PinLines::new(&spec, &[], keys.iter().map(String::as_str)).variants.unwrap();
        // In the helps' order: the first to ask gets the line.
        let help = |key| PLACE.long_variant_name(0..1, "Long", key, Some(&past)).help.unwrap();
        let (first, second) = (help("1"), help("2"));
        assert!(first.contains(r#""32" = "..." }`"#), "{first}");
        let own = r#"by adding `"2" = "..."` to this [[table]]'s `variants`"#;
        assert!(second.contains(own), "{second}");
        // Nothing offered, nothing to paste.
        assert_eq!(line(0), None);
    }

    #[test]
    fn a_cell_that_is_only_a_placeholder_link_is_one() {
        let page = "| c | n |\n|---|---|\n| 1 | [\\[See the website for more details\\]](https://x.test/a) |\n\
                    | 2 | Text and [\\[See the website\\]](https://x.test/a) |\n| 3 | [plain link](https://x.test/) |\n";
        let page = markdown::parse(page);
        let found: Vec<bool> = page.tables[0]
            .rows
            .iter()
            .map(|row| is_placeholder(page.source, &row.cells()[1]))
            .collect();
        assert_eq!(found, [true, false, false]);
    }
}
