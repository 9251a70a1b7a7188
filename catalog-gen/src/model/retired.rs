//! Stage 6: rows the docs no longer have, kept as retired variants (the manifest's `retired`).
//! A retired row keeps its last documented cells, read from the API snapshot the previous
//! regeneration wrote, and its variant name; where the page has the row again, the page's
//! row wins and the variant is no longer retired.

use std::borrow::Cow;

use crate::api::EnumApi;
use crate::diagnostics::Diagnostic;
use crate::manifest::TableSpec;
use crate::markdown::{Cell, Row, Table};
use crate::model::columns::Columns;
use crate::model::keys::{self, KeyedRow, Retiring};
use crate::model::names::pin_key;
use crate::model::problems::Place;
use crate::model::same_text;

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
    let key_of = |code: &'_ str, name: &'_ str| pin_key(spec.shared_codes, code, name).to_owned();
    for (key, retired) in &spec.retired {
        let documented = rows
            .iter()
            .any(|row| key_of(&row.key_text, &row.row.cells[columns.name].text) == *key.get_ref());
        if documented {
            problems.push(place.retired_documented_again(key.span(), key.get_ref()));
            continue;
        }
        let last = previous.and_then(|api| {
            let variant =
                api.variants.iter().find(|v| key_of(&v.code, &v.name) == *key.get_ref())?;
            Some((api, variant))
        });
        let Some((api, variant)) = last else {
            problems.push(place.retired_without_text(key.span(), key.get_ref()));
            continue;
        };
        let row = Row {
            span: 0..0,
            cells: table
                .header
                .iter()
                .enumerate()
                .map(|(index, header)| cell(last_text(api, &variant.cells, index, &header.text)))
                .collect(),
            extra: None,
        };
        let Some(key) =
            keys::parse_key(place, spec, &row.cells[columns.key], &variant.code, problems)
        else {
            continue;
        };
        rows.push(KeyedRow {
            key,
            key_text: variant.code.clone(),
            row: Cow::Owned(row),
            retiring: Some(Retiring { ident: variant.variant.clone(), retired }),
        });
    }
}

/// The last documented text of the column headed `header` (at `index` today): the cell of the
/// column with that header in the snapshot, empty where it had none.
fn last_text(api: &EnumApi, cells: &[String], index: usize, header: &str) -> String {
    let by_header = api.columns.iter().position(|old| same_text(old, header));
    // A snapshot without headers has the columns of today where it has as many.
    let column = by_header.or((api.columns.is_empty() && cells.len() > index).then_some(index));
    column.and_then(|column| cells.get(column)).cloned().unwrap_or_default()
}

/// A cell with `text` and no place on the page.
fn cell(text: String) -> Cell {
    Cell { text, span: 0..0, markdown: 0..0, events: Vec::new(), missing: false, anchor: None }
}
