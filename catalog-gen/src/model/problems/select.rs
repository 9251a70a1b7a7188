//! The problems of stage 3, selecting the table ([`crate::model::select`]).

use std::ops::Range;

use super::{Place, quoted_list};
use crate::api::toml_string;
use crate::diagnostics::{Diagnostic, Label};

/// The `heading` or `caption` line a help offers where no table is under the one the manifest
/// names: the key, and the page's text to write.
pub enum Offer<'t> {
    /// One heading (or caption) holds the words wanted (`🔢 Error Codes` for `Error Codes`).
    WrittenOtherwise(&'static str, &'t str),
    /// None does, and the one table with the manifest's columns is under this one: renamed
    /// upstream, most likely.
    WithColumns(&'static str, &'t str),
}

impl Place<'_> {
    /// `index` is past the tables that match.
    pub fn table_index_out_of_range(
        &self,
        span: Range<usize>,
        index: usize,
        matching: usize,
        tables: String,
    ) -> Diagnostic {
        self.in_manifest(
            span,
            format!(
                "there is no table {index} among the {matching} matching table(s) on `{}`",
                self.page
            ),
            "index out of range",
        )
        .with_note(tables)
    }

    /// No table matches `heading` and `caption`; `offer`, the line to write instead, where
    /// the page tells it; `columns`, those the manifest names.
    pub fn no_table(
        &self,
        span: Range<usize>,
        wanted: &str,
        tables: String,
        offer: Option<Offer<'_>>,
        columns: &[&str],
    ) -> Diagnostic {
        let problem = self
            .in_manifest(span, format!("`{}` has no table {wanted}", self.page), "no such table")
            .with_note(tables);
        match offer {
            Some(Offer::WrittenOtherwise(key, text)) => problem.with_help(format!(
                "the {key} is written otherwise on the page: `{key} = {}`",
                toml_string(text)
            )),
            Some(Offer::WithColumns(key, text)) => problem.with_help(format!(
                "the one table with the columns the [[table]] names ({}) is under the {key} \
                 `{text}`: `{key} = {}`",
                quoted_list(columns),
                toml_string(text)
            )),
            None => problem,
        }
    }

    /// Several tables match and no `index` picks one, nor the `columns` the manifest names:
    /// none has them all, or several do (`with_columns`: each one's number on the page, and
    /// the `index` that picks it). `lines`: each table meant (its number on the page) with the
    /// manifest line that picks it (`heading = "…"` where its heading is its own, else
    /// `caption`, else `index`); `joinable`, where those with the columns have the same
    /// columns, so that `all-tables = true` would make one enum of them.
    pub fn several_tables(
        &self,
        span: Range<usize>,
        tables: String,
        columns: &[&str],
        (count, with_columns, joinable): (usize, &[(usize, usize)], bool),
        lines: &[(usize, String)],
    ) -> Diagnostic {
        let columns = quoted_list(columns);
        let by_columns = match with_columns {
            [] => format!("none of them has every column the [[table]] names ({columns})"),
            _ => {
                let each = with_columns
                    .iter()
                    .map(|(table, index)| format!("table {table} (`index = {index}`)"));
                format!(
                    "{} have every column the [[table]] names ({columns})",
                    each.collect::<Vec<_>>().join(", ")
                )
            }
        };
        let picking = format!(
            "add to the [[table]] entry the line that picks the table meant: {}",
            alternatives(lines.iter().map(|(table, line)| format!("`{line}` (table {table})")))
        );
        let help = match (joinable, with_columns.len()) {
            (false, _) => picking,
            (true, tables) => {
                let all = if tables == 2 { "both".to_owned() } else { format!("all {tables}") };
                format!(
                    "{picking}; or, for one enum of the rows of {all} in the page's order (they \
                     have the same columns), `all-tables = true`"
                )
            }
        };
        self.in_manifest(
            span,
            format!("`{}` has {count} tables that match; which one is meant?", self.page),
            "more than one table",
        )
        .with_note(tables)
        .with_note(by_columns)
        .with_help(help)
    }

    /// A table that `all-tables = true` joins has other columns (`found`) than the first it
    /// joins (`first`, whose header is at `first_span`).
    pub fn joined_tables_differ(
        &self,
        span: Range<usize>,
        first_span: Range<usize>,
        found: &[String],
        first: &[String],
    ) -> Diagnostic {
        let list = |headers: &[String]| {
            quoted_list(&headers.iter().map(String::as_str).collect::<Vec<_>>())
        };
        self.in_page(
            span,
            "a table that `all-tables = true` joins has other columns than the first".to_owned(),
            "column differs",
        )
        .with_label(Label::secondary(self.page, first_span, "the first table's columns"))
        .with_note(format!(
            "this table's columns are {}; the first's are {}: each variant has a cell of each \
             column, so the tables joined have the same, in the same order (their headers \
             compared ignoring case and runs of spaces)",
            list(found),
            list(first)
        ))
        .with_help(
            "give the tables the same columns, or make each its own enum: a [[table]] each, \
             without `all-tables`",
        )
    }
}

/// `items` as alternatives: "a, b or c".
fn alternatives(items: impl Iterator<Item = String>) -> String {
    let mut items: Vec<String> = items.collect();
    match items.pop() {
        None => String::new(),
        Some(last) if items.is_empty() => last,
        Some(last) => format!("{} or {last}", items.join(", ")),
    }
}
