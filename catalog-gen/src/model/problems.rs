//! Every problem the model's stages find, one named constructor each, so that the stages read
//! as logic and the wording of a diagnostic lives in one place.

use std::fmt::Display;
use std::ops::Range;

use toml::Spanned;

use crate::api::{VariantApi, toml_string};
use crate::diagnostics::{Diagnostic, Label};
use crate::manifest::PinnedNames;
use crate::model::Discriminants;
use crate::model::lints::MANY_ROWS;
use crate::naming::Refusal;

/// The rustc lints that regen warns of itself, at the name in the manifest or the docs that
/// would trip them (an enum or pinned variant name that is not UpperCamelCase, a pinned method
/// name that is not snake_case, a name that looks like another, a script used only in letters
/// that look like Latin ones): a catalog with such a name is accepted, with the warning rustc
/// would give. The one list of them: a test that lints what fuzz inputs generate allows these
/// and no others.
pub const RUSTC_LINTS_WARNED_OF: [&str; 4] =
    [NOT_CAMEL_CASE, NOT_SNAKE_CASE, CONFUSABLE_IDENTS, MIXED_SCRIPT];

/// rustc's lint of a type name (an enum's, a variant's) that is not UpperCamelCase.
const NOT_CAMEL_CASE: &str = "non_camel_case_types";
/// rustc's lint of a method name that is not snake_case.
const NOT_SNAKE_CASE: &str = "non_snake_case";
/// rustc's lint of two names of a crate that look alike.
const CONFUSABLE_IDENTS: &str = "confusable_idents";
/// rustc's lint of a script a crate uses only in letters that look like Latin ones.
const MIXED_SCRIPT: &str = "mixed_script_confusables";

/// The `retired` line a help gives to paste for the row that `key` names: the one spelling
/// of a retirement in every help that offers one.
pub fn retirement(key: &str) -> String {
    format!(
        "retired = {{ {} = {{ note = \"no longer in the documentation\" }} }}",
        toml_string(key)
    )
}

/// The help for a pin whose row `key` names alone now: the pin keyed by it, which replaces
/// the pin it is for (both would name the row).
fn pin_rekeyed(key: &str, variant: &str) -> String {
    format!(
        "the API snapshot has `{variant}` for the row that `{key}` names alone: key the pin by \
         it, in place of this pin: `variants = {{ {} = {} }}`",
        toml_string(key),
        toml_string(variant)
    )
}

/// The variant the API snapshot has for one of two rows that generate one name, which a pin
/// keeps.
pub struct KeptVariant<'v> {
    /// The key that names the row alone.
    pub key: String,
    /// The snapshot's variant name for the row.
    pub variant: &'v str,
    /// Whether the row is the first of the two, rather than the second.
    pub first_row: bool,
}

/// The row a pin was for, as the API snapshot has it, for the help of a pin that names no row
/// or several.
pub enum PinnedRow<'p> {
    /// Still in the table.
    InTable {
        /// Its code or name, whichever names it alone.
        key: String,
        /// The pinned variant name.
        variant: &'p str,
    },
    /// No longer in the table: neither on the page nor retired.
    Gone {
        /// Its code, as the snapshot has it.
        code: &'p str,
        /// Its name, as the snapshot has it.
        name: &'p str,
        /// Its code or name, whichever would retire it alone.
        key: String,
        /// The pinned variant name.
        variant: &'p str,
    },
}

/// Where a row is written: its code's cell on the page, or for a retired row, its key in
/// the manifest's `retired`.
#[derive(Clone, Debug)]
pub enum RowAt<'a> {
    /// A row of the page: the span of its code's cell, and the variant the API snapshot has
    /// for a row of that code and name, if it has one.
    Page(Range<usize>, Option<&'a str>),
    /// A retired row: the span of its key in the manifest.
    Retired(Range<usize>),
}

impl RowAt<'_> {
    /// The span, in whichever file it is.
    pub fn span(self) -> Range<usize> {
        match self {
            RowAt::Page(span, _) | RowAt::Retired(span) => span,
        }
    }
}

/// The two files a table's problems point into: the manifest and the table's page.
#[derive(Clone, Copy, Debug)]
pub struct Place<'a> {
    /// The manifest's path as shown.
    pub manifest: &'a str,
    /// The page's path as shown.
    pub page: &'a str,
}

impl Place<'_> {
    fn in_manifest(&self, span: Range<usize>, message: String, label: &str) -> Diagnostic {
        Diagnostic::error(message).with_label(Label::primary(self.manifest, span, label))
    }

    fn in_page(&self, span: Range<usize>, message: String, label: &str) -> Diagnostic {
        Diagnostic::error(message).with_label(Label::primary(self.page, span, label))
    }

    fn warning_in_page(&self, span: Range<usize>, message: String, label: &str) -> Diagnostic {
        Diagnostic::warning(message).with_label(Label::primary(self.page, span, label))
    }

    // Pages and options (stages 1 and 2).

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
        .with_note("the module's file cannot be made there: the crate cannot be checked out or built on Windows")
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

    // Selecting the table (stage 3).

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

    /// No table matches `heading` and `caption`.
    pub fn no_table(&self, span: Range<usize>, wanted: &str, tables: String) -> Diagnostic {
        self.in_manifest(span, format!("`{}` has no table {wanted}", self.page), "no such table")
            .with_note(tables)
    }

    /// Several tables match and no `index` picks one.
    pub fn several_tables(&self, span: Range<usize>, count: usize, tables: String) -> Diagnostic {
        self.in_manifest(
            span,
            format!("`{}` has {count} tables that match; which one is meant?", self.page),
            "more than one table",
        )
        .with_note(tables)
        .with_help("add `heading`, `caption` or `index` to the [[table]] entry")
    }

    // Columns (stage 4).

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

    /// A header cell without text, on a column that needs an accessor.
    pub fn empty_header(&self, span: Range<usize>) -> Diagnostic {
        self.in_page(span, "a column without a header has no method name".into(), "empty header")
            .with_help("pin a method name for it in the manifest: `accessors = { \"\" = \"...\" }`")
    }

    /// A header that reads as an earlier one (`first`, at `first_span`), or a second empty one.
    pub fn same_header(
        &self,
        span: Range<usize>,
        first_span: Range<usize>,
        first: &str,
    ) -> Diagnostic {
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
    pub fn no_method_name(&self, span: Range<usize>, header: &str) -> Diagnostic {
        self.in_page(
            span,
            format!("cannot make a method name from the header `{header}`"),
            "header here",
        )
        .with_help(pin_accessor_help(header))
    }

    /// A header whose method every enum already has.
    pub fn reserved_method(&self, span: Range<usize>, header: &str, method: &str) -> Diagnostic {
        self.in_page(
            span,
            format!(
                "the column `{header}` would generate the method `{method}`, which every catalog \
                 already has"
            ),
            "header here",
        )
        .with_help(pin_accessor_help(header))
    }

    /// Two headers that yield one method name.
    pub fn duplicate_method(
        &self,
        span: Range<usize>,
        first: Range<usize>,
        header: &str,
        method: &str,
    ) -> Diagnostic {
        self.in_page(span, format!("two columns generate the method `{method}`"), "second column")
            .with_label(Label::secondary(self.page, first, "first column"))
            .with_help(pin_accessor_help(header))
    }

    // Rows and keys (stage 5).

    /// A row with fewer cells than the table has columns: padded with empty cells, as GFM
    /// renders it.
    pub fn short_row(
        &self,
        span: Range<usize>,
        present: usize,
        width: usize,
        missing: &[&str],
    ) -> Diagnostic {
        self.warning_in_page(
            span,
            format!(
                "row has {present} {}, the table has {width} columns",
                if present == 1 { "cell" } else { "cells" }
            ),
            "row ends here",
        )
        .with_note(format!(
            "empty, as GitHub-flavored Markdown renders them: {}",
            quoted_list(missing)
        ))
        .with_help("if the row should say something there, add the cells to the page upstream")
    }

    /// A row with more cells than the table has columns.
    pub fn long_row(&self, span: Range<usize>, width: usize) -> Diagnostic {
        self.in_page(
            span,
            format!("row has more cells than the table's {width} columns"),
            "these cells would be dropped",
        )
        .with_help("add a column header for them, or escape a `|` inside a cell as `\\|`")
    }

    /// A key cell without text.
    pub fn empty_code(&self, span: Range<usize>) -> Diagnostic {
        self.in_page(span, "empty code cell".into(), "code needed").with_help(
            "every row needs a code, which lookups find it by: give this row one upstream",
        )
    }

    /// `key-pattern` finds no code in a key cell.
    pub fn no_code_found(
        &self,
        span: Range<usize>,
        text: &str,
        pattern: Range<usize>,
    ) -> Diagnostic {
        self.in_page(
            span,
            format!("no code in `{text}`: `key-pattern` does not match it"),
            "no code found",
        )
        .with_label(Label::secondary(self.manifest, pattern, "the pattern"))
    }

    /// An integer code larger than its type.
    pub fn code_too_large(
        &self,
        span: Range<usize>,
        text: &str,
        type_name: &str,
        max: u64,
    ) -> Diagnostic {
        self.in_page(span, format!("code `{text}` does not fit in `{type_name}`"), "too large")
            .with_help(format!(
                "the largest `{type_name}` is {max}; set a wider `key-type` in the manifest"
            ))
    }

    /// An integer code that is not a number.
    pub fn code_not_a_number(
        &self,
        span: Range<usize>,
        text: &str,
        type_name: &str,
        has_pattern: bool,
    ) -> Diagnostic {
        let help = if has_pattern {
            "fix `key-pattern` in the manifest so that it finds only the code"
        } else {
            "set `key-type = \"str\"` in the manifest for codes that are not numbers, or \
             `key-pattern` to take the code out of a longer cell"
        };
        self.in_page(
            span,
            format!("code `{text}` is not a `{type_name}`"),
            "expected decimal digits or 0x and hex digits",
        )
        .with_help(help)
    }

    // Retired rows (stage 6).

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

    // Warnings (stage 10).

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
    /// ([`RUSTC_LINTS_WARNED_OF`]; the message names no lint).
    pub fn enum_not_camel_case(&self, span: Range<usize>, name: &str) -> Diagnostic {
        let camel = heck::ToUpperCamelCase::to_upper_camel_case(name);
        Diagnostic::warning(format!("the enum name `{name}` is not UpperCamelCase"))
            .with_label(Label::primary(self.manifest, span, "rustc warns about this name"))
            .with_help(format!("write `enum = \"{camel}\"`"))
    }

    /// A pinned variant name that is not UpperCamelCase, or a pinned method name that is not
    /// snake_case, which rustc warns of
    /// ([`RUSTC_LINTS_WARNED_OF`]); `key` is the pin's key, `fixed` the name rustc asks for,
    /// where a pin can give it.
    pub fn pinned_name_not_in_case(
        &self,
        span: Range<usize>,
        what: PinnedNames,
        (key, name, fixed): (&str, &str, Option<&str>),
    ) -> Diagnostic {
        let (case, lint) = match what {
            PinnedNames::Variants => ("UpperCamelCase", NOT_CAMEL_CASE),
            PinnedNames::Accessors => ("snake_case", NOT_SNAKE_CASE),
        };
        let kind = what.item();
        let help = match fixed {
            Some(fixed) => format!(
                "pin it as rustc would have it: `{} = {{ {} = {} }}`",
                what.table(),
                toml_string(key),
                toml_string(fixed)
            ),
            None => format!("pin a {case} name for {}", toml_string(key)),
        };
        Diagnostic::warning(format!(
            "rustc will warn that the {kind} name `{name}` is not {case} (`{lint}`)"
        ))
        .with_label(Label::primary(self.manifest, span, "pinned here"))
        .with_help(help)
    }

    /// A variant name long enough that a pin would serve users better.
    pub fn long_variant_name(&self, span: Range<usize>, ident: &str, pin_key: &str) -> Diagnostic {
        self.warning_in_page(
            span,
            format!("the variant name `{ident}` is {} characters long", ident.chars().count()),
            "named from this cell",
        )
        .with_help(format!(
            "pin a shorter name: `variants = {{ {} = \"...\" }}`",
            toml_string(pin_key)
        ))
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
        let (path, help) = match named {
            CrateName::Enum => (self.manifest, "name it otherwise in the manifest".to_owned()),
            CrateName::Method { header } => (self.page, pin_accessor_help(header)),
            CrateName::Variant { code, retired } => {
                (if retired { self.manifest } else { self.page }, pin_variant_help(code))
            }
        };
        let label = format!("{} named here", named.noun());
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

    // Uniqueness (stage 7).

    /// A code used by an earlier row, in a table without shared codes.
    pub fn duplicate_code(
        &self,
        span: Range<usize>,
        first: Range<usize>,
        code: &str,
    ) -> Diagnostic {
        self.in_page(span, format!("duplicate code {code}"), "used again here")
            .with_label(Label::secondary(self.page, first, "first used here"))
            .with_help(
                "every row needs its own code; remove or fix one of the rows, or set \
                 `shared-codes = true` in the manifest if rows may share a code",
            )
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

    /// A code and name both used by an earlier row, in a table with shared codes.
    pub fn duplicate_row(
        &self,
        span: Range<usize>,
        first: Range<usize>,
        code: &str,
        name: &str,
    ) -> Diagnostic {
        self.in_page(
            span,
            format!("duplicate row: code {code} with the name `{name}`"),
            "used again here",
        )
        .with_label(Label::secondary(self.page, first, "first used here"))
        .with_help("rows that share a code need different names")
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

    // Variant names (stage 8).

    /// A pin for a code or name no row has. Where the API snapshot has the row with the pinned
    /// name (`was`), removed upstream since, retiring it keeps it, and the pin with it (the
    /// retired row has the code or name the pin is keyed by); where the row is in the table
    /// under another key, the pin keyed by that; where the snapshot has no such row, there is
    /// nothing to retire.
    pub fn pin_without_row(
        &self,
        span: Range<usize>,
        (key, pinned): (&str, &str),
        was: Option<PinnedRow<'_>>,
    ) -> Diagnostic {
        let diagnostic = self.in_manifest(
            span,
            format!("a variant name is pinned for `{key}`, which is no row's code or name"),
            "no row has this code or name",
        );
        match was {
            Some(PinnedRow::Gone { code, name, key, variant }) => diagnostic
                .with_note(format!(
                    "the API snapshot has `{variant}` for the row (`{code}`, `{name}`), which \
                     is no longer in the table"
                ))
                .with_help(format!(
                    "fix the key or remove the pin; or, if its row is gone from the docs, keep \
                     its variant by retiring the row in this [[table]]: `{}`",
                    retirement(&key)
                )),
            Some(PinnedRow::InTable { key, variant }) => {
                diagnostic.with_help(pin_rekeyed(&key, variant))
            }
            None => diagnostic
                .with_note(format!(
                    "the API snapshot has no row of `{pinned}` that a retirement could keep: no \
                     regeneration generated it, or rows of the table have its code and name"
                ))
                .with_help("fix the key or remove the pin"),
        }
    }

    /// A pin whose key is the code or name of several rows. `was`, where the API snapshot
    /// tells, is the row the pin was for; else `keys` are the keys that name each of the rows
    /// alone (where one does).
    pub fn ambiguous_pin(
        &self,
        span: Range<usize>,
        (key, rows): (&str, usize),
        was: Option<PinnedRow<'_>>,
        keys: &[String],
    ) -> Diagnostic {
        let diagnostic = self.in_manifest(
            span,
            format!("`{key}` is the code or name of {rows} rows; a pin must pick one"),
            "ambiguous pin",
        );
        match was {
            Some(PinnedRow::InTable { key, variant }) => {
                diagnostic.with_help(pin_rekeyed(&key, variant))
            }
            Some(PinnedRow::Gone { code, name, key, variant }) => diagnostic
                .with_note(format!(
                    "the API snapshot has `{variant}` for the row (`{code}`, `{name}`), which \
                     is no longer in the table"
                ))
                .with_help(format!(
                    "to keep that variant, retire its row in place of this pin: `{}`; or, if one \
                     of the rows is that row with its name changed, key the pin by that row's \
                     name",
                    retirement(&key)
                )),
            None if keys.is_empty() => {
                diagnostic.with_help("pin by the row's name where rows share a code")
            }
            None => diagnostic.with_help(format!(
                "key the pin by the one it is for, whichever names it alone: {}",
                keys.iter()
                    .map(|key| format!("`{}`", toml_string(key)))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
    }

    /// A pin that names the row (`code`, `name`) that the pin `kept` names too, where the API
    /// snapshot has `variant` (the name `kept` pins) for it, or says neither.
    pub fn pinned_twice(
        &self,
        (code, name): (&str, &str),
        kept: &Spanned<String>,
        key: &Spanned<String>,
        variant: Option<&str>,
    ) -> Diagnostic {
        let (kept_span, kept, span, key) = (kept.span(), kept.get_ref(), key.span(), key.get_ref());
        let diagnostic = self
            .in_manifest(
                span,
                format!(
                    "the row (`{code}`, `{name}`) is named by two pins, `{kept}` and `{key}`; a \
                     row takes one pinned name"
                ),
                "second pin of the row",
            )
            .with_label(Label::secondary(
                self.manifest,
                kept_span,
                if variant.is_some() { "the pin kept" } else { "first pin of the row" },
            ));
        match variant {
            Some(variant) => diagnostic
                .with_note(format!(
                    "the API snapshot has `{variant}`, which the pin `{kept}` keeps, for this \
                     row or its code"
                ))
                .with_help(format!(
                    "remove `{}` from this [[table]]'s `variants`",
                    toml_string(key)
                )),
            None => diagnostic
                .with_help("keep the pin of the name the row is to have, and remove the other"),
        }
    }

    /// A name cell that yields no identifier.
    pub fn no_variant_name(&self, span: Range<usize>, text: &str, pin_key: &str) -> Diagnostic {
        self.in_page(
            span,
            format!("cannot make a variant name from `{text}`"),
            "no letters or digits",
        )
        .with_help(pin_variant_help(pin_key))
    }

    /// Two rows that yield one variant name; `pin_key` names the second row alone. Where the
    /// API snapshot has another variant for one of the two rows (`kept`), the help pins it.
    pub fn duplicate_variant(
        &self,
        span: Range<usize>,
        first: Range<usize>,
        name: &str,
        pin_key: &str,
        kept: Option<KeptVariant<'_>>,
    ) -> Diagnostic {
        let diagnostic = self
            .in_page(span, format!("two rows generate the variant `{name}`"), "second row")
            .with_label(Label::secondary(self.page, first, "first row"))
            .reading_snapshot();
        let Some(KeptVariant { key, variant, first_row }) = kept else {
            return diagnostic.with_help(pin_variant_help(pin_key));
        };
        let row = if first_row { "the first row" } else { "this row" };
        diagnostic.with_help(format!(
            "the API snapshot has `{variant}` for {row}: keep it with a pin in the manifest: \
             `variants = {{ {} = {} }}`",
            toml_string(&key),
            toml_string(variant)
        ))
    }

    /// A page row whose variant name (`pinned` in the manifest, or not) is the one a retired
    /// row keeps; `keys` are the two rows' keys, the page row's first.
    pub fn name_of_retired(
        &self,
        span: Range<usize>,
        name: &str,
        pinned: bool,
        (pin_key, retired_key): (&str, &str),
    ) -> Diagnostic {
        let (label, or_drop) = match pinned {
            true => ("pinned the retired row's name", ", or drop its pin"),
            false => ("generates the retired row's name", ""),
        };
        self.in_page(
            span,
            format!("this row and the retired row `{retired_key}` generate the variant `{name}`"),
            label,
        )
        .with_note("a retired row keeps the variant name it had")
        .with_help(format!(
            "pin this row another name in the manifest: `variants = {{ {} = \"...\" }}`{or_drop}",
            toml_string(pin_key)
        ))
    }
}

/// What a name of the generated crate is, for a warning about it, with what the manifest pins
/// another by: the enum (named in the manifest), a column's method (by its header, on the
/// page), or a row's variant (by its code as written; on the page, or, retired, in the
/// manifest).
#[derive(Clone, Copy, Debug)]
pub enum CrateName<'a> {
    /// The enum.
    Enum,
    /// A column's method.
    Method {
        /// The column's header.
        header: &'a str,
    },
    /// A row's variant.
    Variant {
        /// The row's code as written.
        code: &'a str,
        /// Whether the row is retired (named in the manifest, not on the page).
        retired: bool,
    },
}

impl CrateName<'_> {
    fn noun(&self) -> &'static str {
        match self {
            CrateName::Enum => "enum",
            CrateName::Method { .. } => "method",
            CrateName::Variant { .. } => "variant",
        }
    }
}

fn pin_accessor_help(header: &str) -> String {
    format!(
        "pin another name in the manifest: `accessors = {{ {} = \"...\" }}`",
        toml_string(header)
    )
}

fn pin_variant_help(key: &str) -> String {
    format!("pin a name in the manifest: `variants = {{ {} = \"...\" }}`", toml_string(key))
}

/// "`a`, `b`, `c`".
pub fn quoted_list(items: &[&str]) -> String {
    items.iter().map(|item| format!("`{item}`")).collect::<Vec<_>>().join(", ")
}
