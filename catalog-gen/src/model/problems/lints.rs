//! The problems of stage 11, the warnings ([`crate::model::lints`],
//! [`crate::model::look_alike`]).

use std::ops::Range;

use super::{
    CONFUSABLE_IDENTS, CrateName, MIXED_SCRIPT, NOT_CAMEL_CASE, NOT_SNAKE_CASE, PinLine, Place,
    pin_accessor_help, pin_variant_help, table_line,
};
use crate::api::toml_string;
use crate::diagnostics::{Diagnostic, Label};
use crate::manifest::PinnedNames;
use crate::model::lints::MANY_ROWS;

impl Place<'_> {
    /// A table of thousands of rows whose codes are not its discriminants for that reason.
    pub fn discriminants_off_by_size(
        &self,
        span: Range<usize>,
        name: &str,
        rows: usize,
        code_type: &str,
    ) -> Diagnostic {
        Diagnostic::warning(format!(
            "`{name}` has {rows} rows, more than {MANY_ROWS}, so its codes are not its \
             discriminants: `{name}::X as {code_type}` is not the code"
        ))
        .with_label(Label::primary(self.manifest, span, "generated from this table"))
        .with_note(
            "rustc checks explicit discriminants in time quadratic in the enum's size: with \
             them, a crate of 10,000 rows compiles several times slower (BENCHMARKS.md); \
             `code()`, `from_code` and every lookup are the same either way",
        )
        .with_help(
            "say which in this [[table]]: `discriminants = false` to keep this (and silence \
             the warning), or `discriminants = true` for `as` casts at that compile time",
        )
    }

    /// A table with a header and no rows: its enum has no variants.
    pub fn no_rows(&self, span: Range<usize>, name: &str) -> Diagnostic {
        Diagnostic::warning(format!("the table of `{name}` has no rows"))
            .with_label(Label::primary(self.manifest, span, "generated from this table"))
            .with_note(
                "the enum has no variants: every lookup finds nothing, and no value of it exists",
            )
    }

    /// An enum name that rustc's `non_camel_case_types` lint will warn about
    /// ([`super::RUSTC_LINTS_WARNED_OF`]; the message names no lint).
    pub fn enum_not_camel_case(&self, span: Range<usize>, name: &str) -> Diagnostic {
        let camel = heck::ToUpperCamelCase::to_upper_camel_case(name);
        Diagnostic::warning(format!("the enum name `{name}` is not UpperCamelCase"))
            .with_label(Label::primary(self.manifest, span, "rustc warns about this name"))
            .with_help(format!("write `enum = \"{camel}\"`"))
    }

    /// A pinned variant name that is not UpperCamelCase, or a pinned method name that is not
    /// snake_case, which rustc warns of ([`super::RUSTC_LINTS_WARNED_OF`]); `key` is the pin's
    /// key, `fixed` the name rustc asks for, where a pin can give it.
    pub fn pinned_name_not_in_case(
        &self,
        span: Range<usize>,
        what: PinnedNames,
        (key, name, fixed): (&str, &str, Option<String>),
        line: Option<&PinLine>,
    ) -> Diagnostic {
        let (case, lint) = match what {
            PinnedNames::Variants => ("UpperCamelCase", NOT_CAMEL_CASE),
            PinnedNames::Accessors => ("snake_case", NOT_SNAKE_CASE),
        };
        let kind = what.item();
        let help = match (fixed, line) {
            (Some(fixed), Some(line)) => {
                let own = line.offered((key, &toml_string(&fixed)));
                format!("pin it as rustc would have it, {own}")
            }
            (Some(fixed), None) => format!(
                "pin it as rustc would have it: `{}`",
                table_line(what.table(), [(key, toml_string(&fixed))])
            ),
            (None, _) => format!("pin a {case} name for {}", toml_string(key)),
        };
        Diagnostic::warning(format!(
            "rustc will warn that the {kind} name `{name}` is not {case} (`{lint}`)"
        ))
        .with_label(Label::primary(self.manifest, span, "pinned here"))
        .with_help(help)
    }

    /// A variant name long enough that a pin would serve users better; `line`, where the
    /// table's warnings offer other pins or the manifest has some, the line of them all.
    pub fn long_variant_name(
        &self,
        span: Range<usize>,
        ident: &str,
        pin_key: &str,
        line: Option<&PinLine>,
    ) -> Diagnostic {
        let help = match line {
            Some(line) => format!("pin a shorter name, {}", line.offered((pin_key, "\"...\""))),
            None => format!(
                "pin a shorter name: `{}`",
                table_line("variants", [(pin_key, "\"...\"".to_owned())])
            ),
        };
        self.warning_in_page(
            span,
            format!("the variant name `{ident}` is {} characters long", ident.chars().count()),
            "named from this cell",
        )
        .with_help(help)
    }

    /// A name of the crate rustc will warn looks like `like` (`confusable_idents`).
    pub fn looks_alike(
        &self,
        span: Range<usize>,
        named: CrateName<'_>,
        name: &str,
        like: &str,
    ) -> Diagnostic {
        let noun = named.noun();
        let message = format!(
            "rustc will warn that the {noun} name `{name}` looks like `{like}` \
             (`{CONFUSABLE_IDENTS}`)"
        );
        self.warning_at_name(span, named, message)
    }

    /// The first name of the crate written in a script its names use only in `chars`, letters
    /// that look like Latin ones (`mixed_script_confusables`).
    pub fn script_only_in_look_alikes(
        &self,
        span: Range<usize>,
        named: CrateName<'_>,
        script: &str,
        chars: &[char],
    ) -> Diagnostic {
        let message = format!(
            "rustc will warn that the crate's names use the script {script} only in letters that \
             look like Latin ones, {} (`{MIXED_SCRIPT}`)",
            crate::naming::quoted_chars(chars.iter().copied())
        );
        self.warning_at_name(span, named, message)
    }

    /// A warning about a name, where it is given, with the help that gives it another.
    fn warning_at_name(
        &self,
        span: Range<usize>,
        named: CrateName<'_>,
        message: String,
    ) -> Diagnostic {
        let label = format!("{} named here", named.noun());
        let (path, help) = match named {
            CrateName::Enum => (self.manifest, "name it otherwise in the manifest".to_owned()),
            CrateName::Method { header } => (self.page, pin_accessor_help(header)),
            CrateName::Variant { key, retired } => {
                (if retired { self.manifest } else { self.page }, pin_variant_help(&key, None))
            }
        };
        Diagnostic::warning(message).with_label(Label::primary(path, span, &label)).with_help(help)
    }

    /// A cell whose whole text is a placeholder link an export left for content it dropped;
    /// `cell` names it as [`Column::cell_phrase`](crate::model::Column::cell_phrase) does.
    pub fn placeholder_cell(&self, span: Range<usize>, text: &str, cell: &str) -> Diagnostic {
        self.warning_in_page(
            span,
            format!("the {cell}'s whole text is the placeholder `{text}`"),
            "placeholder link",
        )
        .with_note(
            "exported pages put such a link where the published page has content the export \
             could not carry (a list, a table, an image)",
        )
        .with_help("the accessor returns only the placeholder; the published page has the content")
    }
}
