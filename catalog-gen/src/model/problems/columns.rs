//! The problems of stage 4, the columns ([`crate::model::columns`]).

use std::ops::Range;

use super::{PinLine, Place, pin_accessor_help, quoted_list};
use crate::api::toml_string;
use crate::diagnostics::{Diagnostic, Label};

impl Place<'_> {
    /// The manifest names a column the table does not have.
    pub fn no_such_column(
        &self,
        span: Range<usize>,
        wanted: &str,
        header_span: Range<usize>,
        headers: &[&str],
        closest: Option<&str>,
    ) -> Diagnostic {
        let diagnostic = self
            .in_manifest(span, format!("the table has no column `{wanted}`"), "no such column")
            .with_label(Label::secondary(self.page, header_span, "the table's headers"))
            .with_note(format!("the columns are: {}", quoted_list(headers)));
        match closest {
            Some(closest) => diagnostic.with_help(format!("did you mean `{closest}`?")),
            None => diagnostic,
        }
    }

    /// A header cell without text, on a column that needs an accessor; `line`, where the
    /// stage's problems offer other pins or the manifest has some, the line of them all.
    pub fn empty_header(&self, span: Range<usize>, line: Option<&PinLine>) -> Diagnostic {
        let help = match line {
            Some(line) => format!("pin a method name for it, {}", line.offered(("", "\"...\""))),
            None => "pin a method name for it in the manifest: `accessors = { \"\" = \"...\" }`"
                .to_owned(),
        };
        self.in_page(span, "a column without a header has no method name".into(), "empty header")
            .with_help(help)
    }

    /// A header that reads as an earlier one (`first`, at `first_span`), or a second empty one;
    /// or, at the same place, one header cell over several columns (`<th colspan="2">`).
    pub fn same_header(
        &self,
        span: Range<usize>,
        first_span: Range<usize>,
        first: &str,
    ) -> Diagnostic {
        if span == first_span {
            return self
                .in_page(
                    span,
                    format!("the header `{first}` is one cell over several columns (`colspan`)"),
                    "one header, several columns",
                )
                .with_note(
                    "columns are told apart by their headers, and these have one between them: \
                     a header cell each upstream would tell them apart",
                );
        }
        let (message, label) = if first.is_empty() {
            ("a second column without a header".to_owned(), "first empty header")
        } else {
            (format!("a second column headed `{first}`"), "first column with it")
        };
        self.in_page(span, message, "second column")
            .with_label(Label::secondary(self.page, first_span, label))
            .with_note(
                "columns are told apart by their headers, ignoring case and runs of spaces, in \
                 the manifest and from one docs update to the next",
            )
    }

    /// `accessors` names a column the table does not have; `makes_it`, a column whose header
    /// makes the pinned method without a pin, and the method.
    pub fn pinned_accessor_without_column(
        &self,
        span: Range<usize>,
        header: &str,
        headers: &[&str],
        makes_it: Option<(&str, &str)>,
    ) -> Diagnostic {
        let diagnostic = self
            .in_manifest(
                span,
                format!("`accessors` names the column `{header}`, which the table does not have"),
                "no such column",
            )
            .with_note(format!("the columns are: {}", quoted_list(headers)));
        match makes_it {
            Some((column, method)) => diagnostic.with_help(format!(
                "the column `{column}` makes the method `{method}` without a pin: remove this one"
            )),
            None => diagnostic,
        }
    }

    /// A header that yields no method name.
    pub fn no_method_name(
        &self,
        span: Range<usize>,
        header: &str,
        line: Option<&PinLine>,
    ) -> Diagnostic {
        self.in_page(
            span,
            format!("cannot make a method name from the header `{header}`"),
            "header here",
        )
        .with_help(pin_another(header, line))
    }

    /// A header whose method every enum already has; `instead`, the manifest key that would
    /// make it the column whose text that method returns (`name-column`, where its method is
    /// `name` and no column names the variants; `help-column`, `help`).
    pub fn reserved_method(
        &self,
        span: Range<usize>,
        header: &str,
        method: &str,
        instead: Option<ColumnKey>,
        line: Option<&PinLine>,
    ) -> Diagnostic {
        let pin = pin_another(header, line);
        // `name()` or `Entry::help()` then returns the column's text, as a method of its own
        // would.
        let column = toml_string(header);
        let help = match instead {
            Some(ColumnKey::Name) => format!(
                "if its cells name the rows, name the variants from it: \
                 `name-column = {column}`; or {pin}"
            ),
            Some(ColumnKey::Help) => format!(
                "if its cells say what to do about the error, make it the help, which \
                 `Entry::help()` returns: `help-column = {column}`; or {pin}"
            ),
            None => pin,
        };
        self.in_page(
            span,
            format!(
                "the column `{header}` would generate the method `{method}`, which every catalog \
                 already has"
            ),
            "header here",
        )
        .with_help(help)
    }

    /// Two headers that yield one method name.
    pub fn duplicate_method(
        &self,
        span: Range<usize>,
        first: Range<usize>,
        header: &str,
        method: &str,
        line: Option<&PinLine>,
    ) -> Diagnostic {
        self.in_page(span, format!("two columns generate the method `{method}`"), "second column")
            .with_label(Label::secondary(self.page, first, "first column"))
            .with_help(pin_another(header, line))
    }
}

/// A manifest key that names a column whose text an item every enum has returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnKey {
    /// `name-column`: `name()`.
    Name,
    /// `help-column`: `Entry::help()`.
    Help,
}

/// The help that pins another method for the column headed `header`: its own pin, or `line`,
/// the one line of every pin the stage's problems offer.
fn pin_another(header: &str, line: Option<&PinLine>) -> String {
    match line {
        Some(line) => format!("pin another name, {}", line.offered((header, "\"...\""))),
        None => pin_accessor_help(header),
    }
}
