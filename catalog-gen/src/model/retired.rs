//! Stage 7: rows the docs no longer have, kept as retired variants (the manifest's `retired`).
//! A retired row keeps its last documented cells, read from the API snapshot the previous
//! regeneration wrote, and its variant name; where the page has the row again, the page's
//! row wins and the variant is no longer retired.

use std::borrow::Cow;
use std::sync::Arc;

use crate::api::{EnumApi, VariantApi};
use crate::diagnostics::Diagnostic;
use crate::int_code::Codes;
use crate::manifest::TableSpec;
use crate::markdown::{Cell, Row, Table};
use crate::model::columns::Columns;
use crate::model::keys::{self, Code, KeyedRow, Retiring};
use crate::model::problems::Place;
use crate::model::same_text;
use crate::model::skip::Offers;
use crate::model::{help_keys, names};

/// Appends a row for each retired code the page no longer has, from `previous` (the enum's
/// API in the snapshot); warns of retired codes the page has again, and reports those that
/// neither has.
pub fn keep<'a>(
    place: &Place<'_>,
    spec: &'a TableSpec,
    table: &Table,
    columns: &Columns,
    previous: Option<&EnumApi>,
    rows: &mut Vec<KeyedRow<'a>>,
    problems: &mut Vec<Diagnostic>,
) {
    let codes = spec.codes();
    for key in spec.retired.keys() {
        let key_text = key.get_ref().as_str();
        let mut last: Vec<(&EnumApi, &VariantApi)> = previous
            .into_iter()
            .flat_map(|api| last_variants(api, key_text, codes).map(move |variant| (api, variant)))
            .collect();
        // The page's rows, not the rows retired by the keys before this one: another key may
        // retire the same row, which the uniqueness check reports.
        let page_rows = || rows.iter().filter(|row| row.page_row.is_some());
        if last.len() > 1 {
            // A row the page still has is not the one retired: where a page swapped two
            // columns, the key is the retired row's code and that row's name.
            last.retain(|(_, variant)| {
                !page_rows().any(|row| is_row(row, columns, variant, codes))
            });
        }
        let (first, second) = (last.first().copied(), last.get(1));
        let only = first.filter(|_| second.is_none()).map(|(_, variant)| variant);
        // Read as a number once, not at every row.
        let code = Code::new(key_text, codes);
        let only = only.map(|last| (last, code.is(&last.code)));
        let documented = page_rows().any(|row| {
            let name = &*row.row.cells()[columns.name].text;
            documents(&code, only, row, name)
        });
        if documented {
            problems.push(place.retired_documented_again(key.span(), key_text));
            continue;
        }
        let (api, variant) = match (first, second) {
            (Some(only), None) => only,
            (None, _) => {
                problems.push(place.retired_without_text(key.span(), key_text));
                continue;
            }
            (Some((api, _)), Some(_)) => {
                let named = named_alone(api, last.iter().map(|(_, variant)| *variant), codes);
                let retired_already = |key: &str| spec.retired.keys().any(|k| k.get_ref() == key);
                let named: Vec<_> = named
                    .into_iter()
                    .map(|(variant, key)| (variant, retired_already(&key), key))
                    .collect();
                problems.push(place.ambiguous_retired(key.span(), key_text, &named));
                continue;
            }
        };
        let text = |index: usize, header: &str| match last_text(api, &variant.cells, index, header)
        {
            // A snapshot written before cells were kept still has the code and the name.
            text if text.is_empty() && index == columns.name => variant.name.as_str().into(),
            text if text.is_empty() && index == columns.key => variant.code.as_str().into(),
            text => text,
        };
        let cells = table.header.iter().enumerate();
        let cells = cells.map(|(index, header)| Cell::of_text(text(index, &header.text))).collect();
        let row = Row::new(0..0, cells, None);
        let key_cell = &row.cells()[columns.key];
        let offers = &mut Offers::new(&spec.skip_rows);
        let key_column = keys::KeyColumn::of(table, columns);
        // A retired row's code is told the type that holds it alone: the page's rows have theirs.
        let fitting = &mut keys::FittingType::new(&[], columns.key, None, codes);
        let reading = (key_column, offers, fitting, "");
        let code = keys::parse_key(place, spec, key_cell, &variant.code, reading, problems);
        let Some(code) = code else {
            continue;
        };
        rows.push(KeyedRow {
            key: code,
            key_text: variant.code.clone(),
            row: Cow::Owned(row),
            page_row: None,
            retiring: Some(Retiring { ident: variant.variant.clone(), key }),
        });
    }
}

/// The name cells of the rows [`keep`] added, which follow the page's rows, in order.
pub fn names(rows: &[KeyedRow<'_>], columns: &Columns) -> Vec<Arc<str>> {
    let retired = rows.iter().rev().take_while(|row| row.page_row.is_none()).count();
    let retired = &rows[rows.len() - retired..];
    retired.iter().map(|row| Arc::clone(&row.row.cells()[columns.name].text)).collect()
}

/// Whether rows whose [page rows](crate::model::names::NamedRow::page_row) are `rows` are
/// the page table's `page_rows` rows in order, then `retired` rows that the manifest retires:
/// every row read and kept, as where the checks pass.
pub fn page_rows_then_retired(
    rows: impl ExactSizeIterator<Item = Option<usize>>,
    page_rows: usize,
    retired: usize,
) -> bool {
    rows.len() == page_rows + retired
        && rows.enumerate().all(|(index, row)| match row {
            Some(page_row) => page_row == index,
            None => index >= page_rows,
        })
}

/// Whether `row`, the page's, is the snapshot's `variant`: the same name and code
/// ([`Code::of`]), of a table whose codes read as `codes` says.
pub fn is_row(row: &KeyedRow<'_>, columns: &Columns, variant: &VariantApi, codes: Codes) -> bool {
    // The name first: it tells most rows apart without reading a number.
    *row.row.cells()[columns.name].text == *variant.name && Code::new(&variant.code, codes).of(row)
}

/// Whether the page's `row`, named `name`, is the row retired by `key` documented again: where
/// the key names `last`, the snapshot's row, by its code (`by_code`, [`Code::is`]), the page's
/// row has that code ([`Code::of`]); by its name, that name. A row that took the old code as
/// its name, or the old name as its code, is another row (a page that swapped two columns has
/// such rows). Without a snapshot row, a row the key names ([`names::names_page_row`]).
fn documents(
    key: &Code<'_>,
    last: Option<(&VariantApi, bool)>,
    row: &KeyedRow<'_>,
    name: &str,
) -> bool {
    match last {
        Some((last, by_code)) => {
            (by_code && key.of(row)) || (key.text == last.name && name == key.text)
        }
        None => names::names_page_row(key, row, name),
    }
}

/// The variants of `api` (the enum's in the API snapshot) that the row retired by `key` last
/// was: those whose code (where the `codes` are integers, by its number) or name `key` is;
/// one, unless the manifest's key is wrong.
pub fn last_variants<'a>(
    api: &'a EnumApi,
    key: &str,
    codes: Codes,
) -> impl Iterator<Item = &'a VariantApi> {
    let key = Code::new(key, codes);
    api.variants.iter().filter(move |variant| key.is(&variant.code) || variant.name == key.text)
}

/// Each of `variants`, rows of `api` (the API snapshot's enum), with the key that names it
/// alone there ([`help_keys::Naming::key_for`]; codes by number where they are integers).
fn named_alone<'a>(
    api: &EnumApi,
    variants: impl Iterator<Item = &'a VariantApi>,
    codes: Codes,
) -> Vec<(&'a VariantApi, String)> {
    let naming = help_keys::Naming::of(codes, api.variants.iter().map(|v| (&*v.code, &*v.name)));
    let key = |variant: &VariantApi| naming.key_for(&variant.code, &variant.name).to_owned();
    variants.map(|variant| (variant, key(variant))).collect()
}

/// The last documented text of the column headed `header` (at `index` today): the cell of the
/// column with that header in the snapshot, empty where it had none.
fn last_text(api: &EnumApi, cells: &[Arc<str>], index: usize, header: &str) -> Arc<str> {
    let by_header = api.columns.iter().position(|old| same_text(old, header));
    // A snapshot without headers has the columns of today where it has as many.
    let column = by_header.or((api.columns.is_empty() && cells.len() > index).then_some(index));
    column.and_then(|column| cells.get(column)).cloned().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use crate::api::{CatalogApi, EnumApi, VariantApi};
    use crate::model::{Catalog, build};
    use crate::{manifest, pages_in_memory};

    const MANIFEST: &str = "output = \"o\"\n[[table]]\npage = \"p.md\"\n\
                            url = \"https://x.test/p.html\"\nmodule = \"m\"\nenum = \"E\"\n\
                            key-column = \"Code\"\nkey-type = \"u16\"\nname-column = \"Name\"\n\
                            retired = { \"7\" = { since = \"2024\" } }\n";

    fn previous(cells: Vec<String>, columns: Vec<String>) -> CatalogApi {
        let variant = VariantApi {
            variant: "Gone".into(),
            code: "7".into(),
            name: "Gone away".into(),
            cells: cells.into_iter().map(std::sync::Arc::from).collect(),
            retired: false,
            crossed_out: false,
        };
        let api = EnumApi { columns, variants: vec![variant], ..EnumApi::default() };
        CatalogApi { enums: [("E".to_owned(), api)].into() }
    }

    fn model(page: &str, previous: &CatalogApi) -> Result<Catalog, Vec<String>> {
        model_of(MANIFEST, page, previous)
    }

    fn model_of(manifest: &str, page: &str, previous: &CatalogApi) -> Result<Catalog, Vec<String>> {
        let manifest = manifest::parse("c.toml", manifest).unwrap();
        let pages = pages_in_memory([("p.md", page)]);
        build("c.toml", &manifest, &pages, Some(previous), crate::Cleanup::Free)
            .map_err(|problems| problems.into_iter().map(|problem| problem.message).collect())
    }

    const PAGE: &str = "| Code | Name | Details |\n|---|---|---|\n| 1 | One | First. |\n";

    #[test]
    fn a_retired_row_keeps_its_last_cells_by_header_and_its_name() {
        let columns = vec!["Details".into(), "Code".into(), "Name".into()];
        let cells = vec!["Was here.".into(), "7".into(), "Gone away".into()];
        let catalog = model(PAGE, &previous(cells, columns)).unwrap();
        let variant = &catalog.modules[0].enums[0].variants[1];
        assert_eq!(variant.ident.as_str(), "Gone");
        assert_eq!(variant.cells[..], ["7".into(), "Gone away".into(), "Was here.".into()]);
        assert_eq!(variant.retired.as_ref().unwrap().since.as_deref(), Some("2024"));
    }

    /// An integer code is a number, however it is written: the page's `7` documents again
    /// the row retired as `0007` (replaying EIP-7979's tables, it was kept as well, a second
    /// row with the code, which the checks refused, pointing at the page's first line).
    #[test]
    fn a_retired_integer_code_is_documented_again_by_the_same_number() {
        let manifest = MANIFEST.replace("\"7\"", "\"0007\"");
        let mut api = previous(Vec::new(), Vec::new());
        api.enums.get_mut("E").unwrap().variants[0].code = "0007".into();
        let page = format!("{PAGE}| 7 | Gone away | Back. |\n");
        let catalog = model_of(&manifest, &page, &api).unwrap();
        let variants = &catalog.modules[0].enums[0].variants;
        assert_eq!(variants.len(), 2);
        assert!(variants.iter().all(|variant| variant.retired.is_none()));
        assert_eq!(variants[1].ident.as_str(), "GoneAway");

        // With shared codes, a row that has the number under another name documents the code
        // again, as a row with the code as written does: the retired row is not kept (the
        // break gate, comparing numbers too, takes that row for it renamed).
        let shared = manifest.replace("name-column", "shared-codes = true\nname-column");
        let page = format!("{PAGE}| 7 | Newcomer | New. |\n");
        let catalog = model_of(&shared, &page, &api).unwrap();
        let variants = &catalog.modules[0].enums[0].variants;
        let retired: Vec<_> =
            variants.iter().map(|v| (v.ident.as_str(), v.retired.is_some())).collect();
        assert_eq!(retired, [("One", false), ("Newcomer", false)]);
    }

    #[test]
    fn a_retired_row_takes_its_place_among_the_names_in_lookup_order() {
        let page =
            "| Code | Name | Details |\n|---|---|---|\n| 1 | Bb | B. |\n| 2 | Cccccc | C. |\n";
        let mut api = previous(Vec::new(), Vec::new());
        api.enums.get_mut("E").unwrap().variants[0].name = "Gone".into();
        let catalog = model(page, &api).unwrap();
        assert_eq!(catalog.modules[0].enums[0].rows_by_name, [0, 2, 1]);
    }

    #[test]
    fn rows_are_the_page_rows_then_the_retired_ones_only_whole_and_in_order() {
        let is = |rows: &[Option<usize>], page_rows, retired| {
            super::page_rows_then_retired(rows.iter().copied(), page_rows, retired)
        };
        assert!(is(&[Some(0), Some(1), None], 2, 1));
        assert!(is(&[], 0, 0));
        assert!(!is(&[Some(0), None], 2, 0), "a page row dropped");
        assert!(!is(&[Some(1), Some(0)], 2, 0), "out of order");
        assert!(!is(&[Some(0), Some(2), None], 3, 0), "a page row dropped, a retired one kept");
        assert!(!is(&[None, Some(0)], 1, 1), "a retired row first");
    }

    /// String codes without a name column: the names are the codes, unless a retired row's
    /// last key cell is not its code (a snapshot from before a `key-pattern` was dropped), when
    /// `code()` and `from_name` need their own tables again.
    #[test]
    fn names_are_codes_only_where_every_key_cell_is_its_code() {
        let manifest = MANIFEST
            .replace("key-type = \"u16\"\nname-column = \"Name\"\n", "key-type = \"str\"\n")
            .replace("\"7\"", "\"G7\"");
        let page = "| Code | Details |\n|---|---|\n| A1 | First. |\n";
        let facts = |cells: Vec<String>| {
            let mut api = previous(cells, vec!["Code".into(), "Details".into()]);
            api.enums.get_mut("E").unwrap().variants[0].code = "G7".into();
            let catalog = model_of(&manifest, page, &api).unwrap();
            let table = &catalog.modules[0].enums[0];
            assert_eq!(table.variants.len(), 2, "the page's row and the retired one");
            (table.codes_are_key_cells, table.names_are_codes)
        };
        assert_eq!(facts(vec!["G7".into(), "Was here.".into()]), (true, true));
        assert_eq!(facts(vec!["G7 (old)".into(), "Was here.".into()]), (false, false));
    }

    #[test]
    fn a_snapshot_without_cells_still_gives_the_code_and_the_name() {
        let catalog = model(PAGE, &previous(Vec::new(), Vec::new())).unwrap();
        let cells = &catalog.modules[0].enums[0].variants[1].cells;
        assert_eq!(cells[..], ["7".into(), "Gone away".into(), "".into()]);
    }

    #[test]
    fn a_snapshot_name_that_is_no_identifier_is_an_error_not_a_lost_row() {
        let mut api = previous(Vec::new(), Vec::new());
        api.enums.get_mut("E").unwrap().variants[0].variant = "not a name".into();
        let problems = model(PAGE, &api).unwrap_err();
        assert_eq!(problems, ["cannot make a variant name from `Gone away`"]);
    }

    /// A retired row is found by its code or its name, as a pin is, whether or not rows may
    /// share codes; a key that two rows of the snapshot have is an error, never the first.
    #[test]
    fn a_retired_key_is_the_code_or_name_of_one_row_of_the_snapshot() {
        let shared =
            MANIFEST.replace("key-type = \"u16\"", "key-type = \"u16\"\nshared-codes = true");
        for manifest in [MANIFEST.to_owned(), shared] {
            for key in ["7", "Gone away"] {
                let manifest = manifest.replace("\"7\" = ", &format!("\"{key}\" = "));
                let catalog = model_of(&manifest, PAGE, &previous(Vec::new(), Vec::new()));
                let variants = &catalog.unwrap().modules[0].enums[0].variants;
                assert!(variants[1].retired.is_some(), "{key} in {manifest}");
            }
        }
        let mut api = previous(Vec::new(), Vec::new());
        let mut twin = api.enums["E"].variants[0].clone();
        (twin.variant, twin.code) = ("GoneToo".into(), "8".into());
        api.enums.get_mut("E").unwrap().variants.push(twin);
        let manifest = MANIFEST.replace("\"7\" = ", "\"Gone away\" = ");
        assert_eq!(
            model_of(&manifest, PAGE, &api).unwrap_err(),
            ["cannot retire `Gone away`: it is the code or name of 2 rows of the API snapshot"]
        );
    }

    #[test]
    fn a_retired_code_on_the_page_again_is_a_warning_and_one_nowhere_an_error() {
        let page = format!("{PAGE}| 7 | Back | Again. |\n");
        let catalog = model(&page, &previous(Vec::new(), Vec::new())).unwrap();
        assert!(catalog.modules[0].enums[0].variants.iter().all(|v| v.retired.is_none()));
        assert_eq!(catalog.warnings[0].message, "`7` is retired, but the page documents it again");
        let problems = model(PAGE, &CatalogApi::default()).unwrap_err();
        assert_eq!(
            problems,
            ["cannot retire `7`: no row of the page or of the API snapshot has it"]
        );
    }
}
