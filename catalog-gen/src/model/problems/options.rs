//! The problems of stages 1 and 2, the pages and the options of a `[[table]]`
//! ([`crate::model::pages`], [`crate::model::options`]).

use std::fmt::Display;
use std::ops::Range;

use super::Place;
use crate::diagnostics::{Diagnostic, Label};
use crate::manifest::PinnedNames;
use crate::model::Discriminants;
use crate::naming::Refusal;

impl Place<'_> {
    /// A page the manifest names could not be read.
    pub fn page_unreadable(&self, span: Range<usize>, page: &str, reason: &str) -> Diagnostic {
        self.in_manifest(span, format!("cannot read page `{page}`: {reason}"), "page named here")
    }

    /// A page the manifest names was not handed to the generator.
    pub fn page_not_loaded(&self, span: Range<usize>, page: &str) -> Diagnostic {
        self.in_manifest(span, format!("page `{page}` was not loaded"), "page named here")
    }

    /// `url` is not an absolute URL.
    pub fn url_not_absolute(
        &self,
        span: Range<usize>,
        url: &str,
        error: impl Display,
    ) -> Diagnostic {
        self.in_manifest(
            span,
            format!("`{url}` is not an absolute URL: {error}"),
            "the page's published URL",
        )
    }

    /// `discriminants = true` where the other options say the codes cannot be the
    /// discriminants (`why`: [`Discriminants::StringCodes`] or [`Discriminants::SharedCodes`]).
    pub fn discriminants_impossible(&self, span: Range<usize>, why: Discriminants) -> Diagnostic {
        let (message, note, help) = if why == Discriminants::StringCodes {
            (
                "string codes (`key-type = \"str\"`) cannot be the discriminants",
                "a discriminant is an integer",
                "take `discriminants = true` out: `code()` gives each variant's code",
            )
        } else {
            (
                "codes that rows may share (`shared-codes = true`) cannot be the discriminants",
                "two variants cannot have one discriminant",
                "take `discriminants = true` out (`code()` gives each variant's code), or take \
                 `shared-codes = true` out where no two rows share a code",
            )
        };
        self.in_manifest(span, message.to_owned(), "asked for here").with_note(note).with_help(help)
    }

    /// `split-codes = true` beside a `key-pattern`: one finds a code in each key cell, the
    /// other a variant for each code a cell lists.
    pub fn split_codes_beside_a_pattern(
        &self,
        span: Range<usize>,
        pattern: Range<usize>,
    ) -> Diagnostic {
        self.in_manifest(
            span,
            "`split-codes = true` and `key-pattern` read the key cells two ways".to_owned(),
            "a variant of each code a cell lists",
        )
        .with_label(Label::secondary(self.manifest, pattern, "one code found in each cell"))
        .with_help(
            "take `key-pattern` out to make a variant of each code a key cell lists, or \
             `split-codes` to find one code in each cell",
        )
    }

    /// A `key-radix` other than 10 and 16.
    pub fn key_radix_invalid(&self, span: Range<usize>, radix: u32) -> Diagnostic {
        self.in_manifest(span, format!("codes in base {radix} are not read"), "not 10 or 16")
            .with_help(
                "`key-radix = 16` reads codes written in hexadecimal digits alone (`0A`, `10`); \
                 without it, or with `key-radix = 10`, codes are decimal (or hexadecimal after \
                 `0x` or before an `h`)",
            )
    }

    /// A `key-radix` for codes of text, which are read as written.
    pub fn key_radix_of_text(&self, span: Range<usize>) -> Diagnostic {
        self.in_manifest(
            span,
            "`key-radix` is for integer codes, and the codes are text (`key-type = \"str\"`)"
                .to_owned(),
            "codes of text have no base",
        )
        .with_help(
            "take `key-radix` out, or set an integer `key-type` (`u8` to `u64`) to read the \
             codes as numbers in that base",
        )
    }

    /// `all-tables = true` beside an `index`, which picks one table of those it joins.
    pub fn index_beside_all_tables(
        &self,
        span: Range<usize>,
        all_tables: Range<usize>,
    ) -> Diagnostic {
        self.in_manifest(
            span,
            "`index` picks one table, and `all-tables = true` every one that matches".to_owned(),
            "one table",
        )
        .with_label(Label::secondary(self.manifest, all_tables, "every table"))
        .with_help(
            "remove `index` to make one enum of every table with the columns the [[table]] \
             names, or `all-tables` to make it of the one table",
        )
    }

    /// `key-pattern` does not compile.
    pub fn key_pattern_invalid(&self, span: Range<usize>, error: impl Display) -> Diagnostic {
        self.in_manifest(
            span,
            format!("`key-pattern` is not a valid regular expression: {error}"),
            "invalid pattern",
        )
        .with_help("write a Rust `regex` pattern, e.g. '^(\\d+)' for leading digits")
    }

    /// A pinned variant or method name that is not an identifier.
    pub fn not_an_identifier(
        &self,
        span: Range<usize>,
        name: &str,
        what: PinnedNames,
    ) -> Diagnostic {
        self.invalid_name(span, name, what, "not a Rust identifier")
    }

    /// A pinned name that is an identifier rustc would warn of, or read as another
    /// ([`naming::warned_of`](crate::naming::warned_of) says `why`).
    pub fn invalid_name(
        &self,
        span: Range<usize>,
        name: &str,
        what: PinnedNames,
        why: &str,
    ) -> Diagnostic {
        self.in_manifest(span, format!("`{name}` is not a valid {} name", what.item()), why)
    }

    /// A module or enum name from the manifest that the naming rules refuse.
    pub fn name_refused(
        &self,
        span: Range<usize>,
        name: &str,
        what: &str,
        refusal: &Refusal,
    ) -> Diagnostic {
        let problem =
            self.in_manifest(span, format!("`{name}` cannot be the {what} name"), &refusal.reason);
        match &refusal.suggestion {
            Some(fixed) => problem.with_help(format!("write `{what} = \"{fixed}\"`")),
            None => problem,
        }
    }

    /// A module whose name Windows reserves for a device
    /// ([`naming::windows_reserves`](crate::naming::windows_reserves)): the crate builds here,
    /// but its module's file cannot be made there.
    pub fn module_name_reserved(&self, span: Range<usize>, module: &str) -> Diagnostic {
        Diagnostic::warning(format!(
            "the module name `{module}` is one Windows reserves for a device"
        ))
        .with_label(Label::primary(
            self.manifest,
            span,
            "no file of this name can be made on Windows, whatever its extension",
        ))
        .with_note(
            "the module's file cannot be made there: the crate cannot be checked out or built \
             on Windows",
        )
        .with_help(format!(
            "to build there, write `module = \"{module}_\"` (a new path for the module's users: \
             `--allow-breaking` where it has some)"
        ))
    }

    /// A pinned variant name that every generated enum already has as an associated item.
    pub fn pinned_variant_reserved(&self, span: Range<usize>, name: &str) -> Diagnostic {
        self.in_manifest(
            span,
            format!("`{name}` is not a valid variant name"),
            "every generated enum has an item of this name, which `Self::` would confuse with it",
        )
        .with_help("choose another name for the variant")
    }
}
