//! The problems of stage 8, codes and rows that must be unique
//! ([`crate::model::uniqueness`]).

use std::ops::Range;

use super::{Place, RowAt, SkipOffer, TellsApart};
use crate::api::toml_string;
use crate::diagnostics::{Diagnostic, Label};

/// What the column a help offers as `name-column` does, said after its line
/// ([`TellsApart::Column`]).
const NAMES_APART: &str =
    "a column whose cells name every row of the codes the table repeats apart from every other row";

impl Place<'_> {
    /// A code used by an earlier row, in a table without shared codes.
    pub fn duplicate_code(
        &self,
        span: Range<usize>,
        first: Range<usize>,
        code: &str,
        tells_apart: TellsApart<'_>,
        skip: Option<&SkipOffer>,
    ) -> Diagnostic {
        let problem = self.used_again(span, first, format!("duplicate code {code}"));
        let fix = "every row needs its own code; remove or fix one of the rows";
        if let Some(skip) = skip {
            // Rows of no code of their own (`-`) are left out rather than made to share one.
            return problem.with_help(format!(
                "{fix}; or, where these rows stand for no code of their own (a rule such as `-`, \
                 a range), leave them out of the enum: `{}`",
                skip.line
            ));
        }
        // `shared-codes` is offered only where it would take the error away: rows that share
        // a code need different names, and without a `name-column` a row's name is its code.
        match tells_apart {
            TellsApart::Names => problem.with_help(format!(
                "{fix}, or set `shared-codes = true` in the manifest if rows may share a code"
            )),
            TellsApart::KeyCells => problem
                .with_note(
                    "where rows share a code, each is named by its whole code cell, and these \
                     two cells differ",
                )
                .with_help(format!(
                    "{fix}, or set `shared-codes = true` in the manifest if rows may share a code"
                )),
            TellsApart::Column(header) => problem
                .with_note(
                    "the table has no `name-column`: its rows are named by their codes, and rows \
                     that share a code need different names",
                )
                .with_help(format!(
                    "{fix}, or if rows may share a code, set `shared-codes = true` and \
                     `name-column = {}` in this [[table]], {NAMES_APART}",
                    toml_string(header)
                )),
            TellsApart::SameName => problem
                .with_note(
                    "the two rows have the same name too, so `shared-codes = true` would not \
                     tell them apart",
                )
                .with_help(fix),
            TellsApart::NamesRepeat(code, name) => problem
                .with_note(format!(
                    "with `shared-codes = true`, each row of a code the table repeats needs a \
                     name no other row has, and the row of code {code} named `{name}` shares \
                     its name with another row: neither its code nor its name would find it"
                ))
                .with_help(fix),
            TellsApart::Nothing => problem
                .with_note(
                    "no other column names every row of the codes the table repeats apart \
                     from every other row, so `shared-codes = true` would not tell them apart \
                     either",
                )
                .with_help(fix),
        }
    }

    /// A row of the page at `span` that repeats the row at `first` in every cell: read once.
    pub fn repeated_row(&self, span: Range<usize>, first: Range<usize>, code: &str) -> Diagnostic {
        self.warning_in_page(
            span,
            format!("row of code {code} repeats an earlier row in every cell"),
            "repeated here",
        )
        .with_label(Label::secondary(self.page, first, "first here"))
        .with_note("read once: the enum has one variant for both")
        .with_help("remove the copy from the page upstream")
    }

    /// A retired row (retired by `key`, at `span` in the manifest) whose code (`code`: the
    /// code, and where codes are shared, the name) a row before it has: `earlier`, a row of
    /// the page or another retired row.
    pub fn retired_row_repeated(
        &self,
        span: Range<usize>,
        key: &str,
        code: (&str, Option<&str>),
        earlier: RowAt<'_>,
    ) -> Diagnostic {
        let (what, note) = match code {
            (code, Some(name)) => (
                format!("code {code} and the name `{name}`"),
                "retired rows are rows of the table too, and rows that share a code need \
                 different names",
            ),
            (code, None) => (
                format!("code {code}"),
                "retired rows are rows of the table too: each keeps its code, and without \
                 `shared-codes` no two rows share one",
            ),
        };
        let quoted = toml_string(key);
        let share = "set `shared-codes = true` in the manifest, so that rows may share a code";
        let (whose, file, label, help) = match (&earlier, code.1) {
            (RowAt::Page(_, None), shared) => {
                let back = format!(
                    "if the page's row is the retired one back, remove `{quoted}` from this \
                     [[table]]'s `retired`"
                );
                let help = match shared {
                    Some(_) => back,
                    None => format!("{back}; otherwise {share}"),
                };
                ("a row of the page", self.page, "the page's row", help)
            }
            (RowAt::Page(_, Some(variant)), _) => {
                let help = format!(
                    "the page's row is the API snapshot's `{variant}`, not the retired row \
                     back: {share}; or, to drop the retired variant, take `{quoted}` out of \
                     `retired` and run with `--allow-breaking`"
                );
                ("a row of the page", self.page, "the page's row", help)
            }
            (RowAt::Retired(_), Some(_)) => (
                "another retired row",
                self.manifest,
                "retired here too",
                "both retire one row of the API snapshot: remove one of the two from this \
                 [[table]]'s `retired`"
                    .to_owned(),
            ),
            (RowAt::Retired(_), None) => {
                ("another retired row", self.manifest, "retired here too", share.to_owned())
            }
        };
        let message = format!("the retired row `{key}` has {what}, as {whose} has");
        self.in_manifest(span, message, "retired here")
            .with_label(Label::secondary(file, earlier.span(), label))
            .with_note(note)
            .with_help(help)
            // Whether the page's row is one the snapshot has.
            .reading_snapshot()
    }

    /// A code and name both used by an earlier row, in a table with shared codes;
    /// `tells_apart`, what tells the two rows apart, where the table's names are its codes.
    pub fn duplicate_row(
        &self,
        span: Range<usize>,
        first: Range<usize>,
        (code, name): (&str, &str),
        tells_apart: TellsApart<'_>,
    ) -> Diagnostic {
        let message = format!("duplicate row: code {code} with the name `{name}`");
        let problem = self.used_again(span, first, message);
        match tells_apart {
            TellsApart::Column(header) => problem
                .with_note("the table has no `name-column`: its rows are named by their codes")
                .with_help(format!(
                    "rows that share a code need different names: `name-column = {}` in this \
                     [[table]], {NAMES_APART}",
                    toml_string(header)
                )),
            // Rows named by their key cells that repeat both code and cell are told by nothing.
            TellsApart::Names
            | TellsApart::KeyCells
            | TellsApart::SameName
            | TellsApart::NamesRepeat(..)
            | TellsApart::Nothing => {
                problem.with_help("rows that share a code need different names")
            }
        }
    }

    /// The problem of a row at `span` that repeats the row at `first` (`message` says what):
    /// both underlined, as every repeat is shown.
    fn used_again(&self, span: Range<usize>, first: Range<usize>, message: String) -> Diagnostic {
        self.in_page(span, message, "used again here").with_label(Label::secondary(
            self.page,
            first,
            "first used here",
        ))
    }

    /// A row whose code and name both repeat, so neither finds it; `retired`, the key of a
    /// retired row with its code or name, which it may be with the other changed.
    pub fn row_not_identifiable(
        &self,
        span: Range<usize>,
        (code, name): (&str, &str),
        retired: Option<&str>,
    ) -> Diagnostic {
        let problem = self.in_page(
            span,
            format!(
                "the row with code {code} and name `{name}` cannot be told apart: other rows \
                 share its code, and others its name"
            ),
            "name shared with another row",
        );
        match retired {
            Some(key) => problem
                .with_note(format!(
                    "a row the manifest retires, `{key}`, is one of them: retired rows are rows \
                     of the table too"
                ))
                .with_help(format!(
                    "if this row is the retired one back with its code or name changed, remove \
                     `{}` from this [[table]]'s `retired`; otherwise give the row a name no \
                     other row has",
                    toml_string(key)
                )),
            None => problem.with_help("give the row a name no other row has"),
        }
    }

    /// A retired row whose code and name both repeat among the table's rows.
    pub fn retired_not_identifiable(
        &self,
        span: Range<usize>,
        key: &str,
        (code, name): (&str, &str),
    ) -> Diagnostic {
        self.in_manifest(
            span,
            format!(
                "the retired row with code {code} and name `{name}` cannot be told apart: rows \
                 of the page share its code, and others its name"
            ),
            "retired here",
        )
        .with_help(format!(
            "if a row of the page is this one with its code or name changed, remove `{}` from \
             this [[table]]'s `retired`",
            toml_string(key)
        ))
    }
}
