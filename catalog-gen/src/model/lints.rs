//! Stage 11: warnings. What the docs say compiles, but a docs writer or a user would want to
//! know: tables whose size turned their discriminants off, tables without rows, enum names
//! rustc will warn about, pinned names not in rustc's case, variant names too long to type,
//! cells that hold only an export's placeholder; and across the crate, modules whose file
//! Windows cannot create. (Short rows are warned of where rows are read, in [`super::keys`].)

use crate::api;
use crate::diagnostics::Diagnostic;
use crate::manifest::{PinnedNames, TableSpec};
use crate::model::columns::Columns;
use crate::model::docs::ReadyTable;
use crate::model::help_keys;
use crate::model::names::NamedRow;
use crate::model::problems::Place;
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
    pins_not_in_case(place, spec, problems);
    let integer = spec.key_type.get_ref().is_integer();
    let keys = help_keys::HelpKeys::new(|| help_keys::named_naming(rows, columns.name, integer));
    let key_of =
        |named: &NamedRow<'_>| keys.of(&named.key_text, &named.row.cells()[columns.name].text);
    // Every cell is looked at, each text an allocation of its own: at 200k rows, about 14 ms
    // of one core with the other idle, so the rows are looked at on every core.
    // A long name from a pin is the manifest's choice, and a retired row keeps the name it
    // had (another would break its users): only names made from a page's cell are warned of.
    let made_from_cell = |named: &NamedRow<'_>| {
        named.page_row.is_some()
            && !spec
                .pinned(PinnedNames::Variants)
                .values()
                .any(|pin| *pin.get_ref() == *named.ident)
    };
    let found = crate::parallel::chunks(rows, |chunk| {
        let mut found = Vec::new();
        for named in chunk {
            check_row(place, source, columns, named, (&key_of, &made_from_cell), &mut found);
        }
        found
    });
    problems.extend(found.into_iter().flatten());
}

/// A warning for each pinned name rustc will warn of: a variant's that is not UpperCamelCase,
/// a method's that is not snake_case, with the name rustc asks for. Pinned names are used as
/// written; those regen makes are in case by construction.
fn pins_not_in_case(place: &Place<'_>, spec: &TableSpec, problems: &mut Vec<Diagnostic>) {
    for what in PinnedNames::BOTH {
        for (key, name) in spec.pinned(what) {
            let Some(fixed) = in_case(what, name.get_ref()) else { continue };
            // Only a name that a pin can give: an identifier no enum has already.
            let fixed = (naming::is_identifier(&fixed) && !api::is_reserved_method(&fixed))
                .then_some(fixed.as_str());
            let pin = (key.get_ref().as_str(), name.get_ref().as_str(), fixed);
            problems.push(place.pinned_name_not_in_case(name.span(), what, pin));
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

/// Pushes the warnings of one row: a name made from its cell too long, cells that are
/// placeholders. `key_of` gives the key a pin for a row has; `made_from_cell` whether the row's
/// name is made from its name cell.
fn check_row(
    place: &Place<'_>,
    source: &str,
    columns: &Columns,
    named: &NamedRow<'_>,
    (key_of, made_from_cell): (&impl Fn(&NamedRow<'_>) -> String, &impl Fn(&NamedRow<'_>) -> bool),
    problems: &mut Vec<Diagnostic>,
) {
    // Characters are counted only where the bytes are too many.
    let long = named.ident.len() > LONG_NAME && named.ident.chars().count() > LONG_NAME;
    if long && made_from_cell(named) {
        let cell = &named.row.cells()[columns.name];
        problems.push(place.long_variant_name(cell.span.clone(), &named.ident, &key_of(named)));
    }
    for (index, (cell, column)) in named.row.cells().iter().zip(&columns.list).enumerate() {
        if is_placeholder(source, cell) {
            let cell_phrase = column.cell_phrase(index);
            problems.push(place.placeholder_cell(cell.span.clone(), &cell.text, &cell_phrase));
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
