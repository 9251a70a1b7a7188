//! The problems of stage 9, the variants' names ([`crate::model::names`]).

use std::ops::Range;

use toml::Spanned;

use super::{
    KeptVariant, PinLine, PinnedRow, Place, Suffix, pin_variant_help, skip_clause, table_line,
};
use crate::api::toml_string;
use crate::diagnostics::{Diagnostic, Label};
use crate::model::skip::SkipOffer;

impl Place<'_> {
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
            Some(PinnedRow::Gone { key: retired_by, code, name, line, variant }) => diagnostic
                .with_note(format!(
                    "the API snapshot has `{variant}` for the row (`{code}`, `{name}`), which \
                     is no longer in the table"
                ))
                .with_help(format!(
                    "fix the key or remove the pin; or, if its row is gone from the docs, keep \
                     its variant by retiring the row {}",
                    line.retiring(retired_by)
                )),
            Some(PinnedRow::InTable { key, variant, line }) => {
                diagnostic.with_help(pin_rekeyed(&key, variant, line.as_ref()))
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
            Some(PinnedRow::InTable { key, variant, line }) => {
                diagnostic.with_help(pin_rekeyed(&key, variant, line.as_ref()))
            }
            Some(PinnedRow::Gone { key: retired_by, code, name, line, variant }) => diagnostic
                .with_note(format!(
                    "the API snapshot has `{variant}` for the row (`{code}`, `{name}`), which \
                     is no longer in the table"
                ))
                .with_help(format!(
                    "to keep that variant, retire its row in place of this pin, {}; or, if one \
                     of the rows is that row with its name changed, key the pin by that row's \
                     name",
                    line.retiring(retired_by)
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

    /// A name cell that yields no identifier, nor does the row's code. `skip` is the manifest
    /// line that would leave the row out, where its code cell says it stands for no code
    /// ([`crate::model::skip::Offers`]); `line`, where the manifest has other pins, the one
    /// `variants` line of them and this row's.
    pub fn no_variant_name(
        &self,
        span: Range<usize>,
        text: &str,
        (pin_key, line): (&str, Option<&PinLine>),
        skip: Option<&SkipOffer>,
    ) -> Diagnostic {
        self.in_page(
            span,
            format!("cannot make a variant name from `{text}`"),
            "no letters or digits",
        )
        .with_help(format!("{}{}", pin_variant_help(pin_key, line), skip_clause(skip)))
    }

    /// Two rows that yield one variant name; `pin_key` names alone the row to name otherwise:
    /// the second, unless only it has its name pinned (`pinned_second`). Where the
    /// API snapshot has another variant for one of the two rows (`kept`), the help pins it.
    /// `line`, where the manifest has other pins, is the one `variants` line of them and the
    /// help's pin. Where the first row's name or the second's took its code after the name its
    /// cells make (`suffixes`), a note says how the name came to be.
    pub fn duplicate_variant(
        &self,
        span: Range<usize>,
        first: Range<usize>,
        name: &str,
        (pin_key, line, pinned_second): (&str, Option<&PinLine>, bool),
        kept: Option<KeptVariant<'_>>,
        suffixes: [Option<Suffix<'_>>; 2],
    ) -> Diagnostic {
        let diagnostic = self
            .in_page(span, format!("two rows generate the variant `{name}`"), "second row")
            .with_label(Label::secondary(self.page, first, "first row"))
            .reading_snapshot();
        let diagnostic = match suffix_note(name, suffixes) {
            Some(note) => diagnostic.with_note(note),
            None => diagnostic,
        };
        let Some(KeptVariant { key, variant, first_row }) = kept else {
            let diagnostic = match pinned_second {
                true => diagnostic.with_note(
                    "this row's name is pinned; the first row's is made from its cell, so the pin \
                     is for the first row",
                ),
                false => diagnostic,
            };
            return diagnostic.with_help(pin_variant_help(pin_key, line));
        };
        let row = if first_row { "the first row" } else { "this row" };
        let keep = format!("the API snapshot has `{variant}` for {row}: keep it with a pin");
        diagnostic.with_help(match line {
            Some(line) => format!("{keep}, {}", line.offered((&key, &toml_string(variant)))),
            None => format!(
                "{keep} in the manifest: `{}`",
                table_line("variants", [(key.as_str(), toml_string(variant))])
            ),
        })
    }

    /// A page row whose variant name (`pinned` in the manifest, or not) is the one a retired
    /// row keeps; `keys` are the two rows' keys, the page row's first.
    pub fn name_of_retired(
        &self,
        span: Range<usize>,
        name: &str,
        pinned: bool,
        (pin_key, retired_key, line): (&str, &str, Option<&PinLine>),
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
        .with_help(match line {
            Some(line) => {
                let own = line.offered((pin_key, "\"...\""));
                format!("pin this row another name{or_drop}, {own}")
            }
            None => format!(
                "pin this row another name in the manifest: `{}`{or_drop}",
                table_line("variants", [(pin_key, "\"...\"".to_owned())])
            ),
        })
    }
}

/// The help for a pin whose row `key` names alone now: the pin keyed by it, which replaces
/// the pin it is for (both would name the row); `line`, where the manifest has other pins, the
/// one `variants` line of them and the pin keyed anew, without the old one.
fn pin_rekeyed(key: &str, variant: &str, line: Option<&PinLine>) -> String {
    let rekey = format!("the API snapshot has `{variant}` for the row that `{key}` names alone");
    match line {
        Some(line) => {
            format!("{rekey}: key the pin by it, {}", line.offered((key, &toml_string(variant))))
        }
        None => format!(
            "{rekey}: key the pin by it, in place of this pin: `{}`",
            table_line("variants", [(key, toml_string(variant))])
        ),
    }
}

/// The note of how `name`, which two rows generate, came to be the name of one or both: a name
/// that several rows' cells make takes each row's code after it (`DiskFull` of the codes `1`
/// and `2` is `DiskFull1` and `DiskFull2`), which may then be another row's name, or, where
/// the two rows' codes make one name (`a-b` and `a_b`), each other's (`ABAB`).
fn suffix_note(name: &str, [first, second]: [Option<Suffix<'_>>; 2]) -> Option<String> {
    let code = |suffix: &Suffix<'_>| suffix.code.escape_debug().to_string();
    let row = |suffix: &Suffix<'_>, row: &str| {
        let others = match suffix.rows {
            2 => "another row's do".to_owned(),
            rows => format!("{} other rows' do", rows - 1),
        };
        let made = suffix.made;
        format!(
            "{row} row's cells make `{made}`, as {others}, so its code `{}` is added after \
             it: `{name}`",
            code(suffix)
        )
    };
    Some(match (first, second) {
        (Some(first), Some(second)) if first.made == second.made => {
            let as_others = match first.rows {
                2 => String::new(),
                rows => format!(", as {rows} rows' do"),
            };
            format!(
                "both rows' cells make `{}`{as_others}, so each has its code added after it, as \
                 rows that share a name do; the codes `{}` and `{}` add the same words: `{name}`",
                first.made,
                code(&first),
                code(&second)
            )
        }
        (Some(first), Some(second)) => {
            format!("{}; {}", row(&first, "the first"), row(&second, "this"))
        }
        (Some(first), None) => {
            format!("{}, the name this row's cells make", row(&first, "the first"))
        }
        (None, Some(second)) => {
            format!("{}, the name the first row's cells make", row(&second, "this"))
        }
        (None, None) => return None,
    })
}
