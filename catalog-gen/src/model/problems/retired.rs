//! The problems of stage 7, the retired rows ([`crate::model::retired`]).

use std::ops::Range;

use super::Place;
use crate::api::{VariantApi, toml_string};
use crate::diagnostics::{Diagnostic, Label};

impl Place<'_> {
    /// A retired code that the page documents again: its variant is no longer retired.
    pub fn retired_documented_again(&self, span: Range<usize>, key: &str) -> Diagnostic {
        Diagnostic::warning(format!("`{key}` is retired, but the page documents it again"))
            .with_label(Label::primary(self.manifest, span, "retired here"))
            .with_note("the page's row is used, and its variant is no longer retired")
            .with_help(format!("remove `{}` from this [[table]]'s `retired`", toml_string(key)))
    }

    /// A retired key that is the code or name of several rows of the API snapshot: `rows`,
    /// each with whether the manifest retires it already by `key`, the key that names it
    /// alone in the snapshot.
    pub fn ambiguous_retired(
        &self,
        span: Range<usize>,
        key: &str,
        rows: &[(&VariantApi, bool, String)],
    ) -> Diagnostic {
        let listed: Vec<String> = rows
            .iter()
            .map(|(row, retired, _)| {
                let retired = if row.retired || *retired { ", retired" } else { "" };
                format!("`{}` (`{}`, `{}`{retired})", row.variant, row.code, row.name)
            })
            .collect();
        let diagnostic = self
            .in_manifest(
                span,
                format!(
                    "cannot retire `{key}`: it is the code or name of {} rows of the API snapshot",
                    rows.len()
                ),
                "retired here",
            )
            .with_note(format!("the API snapshot's rows: {}", listed.join(", ")));
        let already: Vec<String> = rows
            .iter()
            .filter(|(_, retired, _)| *retired)
            .map(|(row, _, alone)| format!("`{}` retires `{}`", toml_string(alone), row.variant))
            .collect();
        if !already.is_empty() {
            return diagnostic.with_help(format!(
                "{} already: remove `{}` from this [[table]]'s `retired`",
                already.join(", "),
                toml_string(key)
            ));
        }
        let keys: Vec<String> = rows
            .iter()
            .filter(|(_, _, alone)| alone != key)
            .map(|(row, _, alone)| format!("`{}` for `{}`", toml_string(alone), row.variant))
            .collect();
        match keys.is_empty() {
            true => diagnostic.with_help(
                "retire by the row's name where rows share a code, by its code where they share \
                 a name",
            ),
            false => diagnostic
                .with_help(format!("key it by what names the row alone: {}", keys.join(", "))),
        }
    }

    /// A retired code that neither the page nor the API snapshot has.
    pub fn retired_without_text(&self, span: Range<usize>, key: &str) -> Diagnostic {
        self.in_manifest(
            span,
            format!("cannot retire `{key}`: no row of the page or of the API snapshot has it"),
            "retired here",
        )
        .with_note(
            "a retired row keeps its last documented text, which the snapshot (`api.toml`) of \
             the regeneration that last saw it holds",
        )
        .with_help(
            "retire only rows that a previous regeneration generated; check the key, the row's \
             code as the doc wrote it or its name",
        )
    }
}
