//! The problems of stage 5, the rows the manifest leaves out ([`crate::model::skip`]).

use std::ops::Range;

use super::Place;
use crate::api::toml_string;
use crate::diagnostics::Diagnostic;

impl Place<'_> {
    /// A `skip-rows` entry that is no row's key cell or name cell, whole; `closest`, a cell
    /// it may have meant.
    pub fn skipped_row_not_found(
        &self,
        span: Range<usize>,
        entry: &str,
        closest: Option<&str>,
    ) -> Diagnostic {
        let remove = format!("remove `{}` from this [[table]]'s `skip-rows`", toml_string(entry));
        let help = match closest {
            Some(cell) => format!(
                "a row has `{cell}`: name it as the cell has it, whole (`{}`); or {remove}",
                toml_string(cell)
            ),
            None => format!("{remove}, if its row is gone from the docs"),
        };
        self.in_manifest(
            span,
            format!("`skip-rows` names `{entry}`, which is no row's key or name cell"),
            "no row has this key or name cell",
        )
        .with_help(help)
    }
}
