//! The catalog's public API as data: which enums it has, which variants each has and which row
//! each stands for, and which column accessors. Computed from the model, and written next to
//! the generated code as a small snapshot ([`SNAPSHOT_FILE`]) that the next regeneration reads
//! back, so the stability check compares two values of this type, never generated Rust.
//!
//! Also the one list of the names every generated enum has whatever its table
//! ([`INHERENT_ITEMS`], [`TRAIT_METHODS`]): emit writes only those, and a column's accessor may
//! take none of them.
//!
//! The snapshot's text, written and read back, is the `snapshot` module's; reading the old
//! snapshot beside the new API, as far as the two differ, is `beside`'s.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

use rustc_hash::FxHashSet;
use serde::Deserialize;

use crate::int_code::Codes;
use crate::model::{self, Catalog};
use crate::parallel;

mod beside;
mod snapshot;

pub use snapshot::enum_record;
pub(crate) use snapshot::toml_string;

/// The items emit writes in every enum's inherent `impl` besides the column accessors:
/// associated constants and functions, public or not (a method of the same name would clash
/// with any of them). A test checks that emit writes no other.
pub const INHERENT_ITEMS: &[&str] = &[
    "ALL",
    "BY_CODE",
    "BY_NAME",
    "CODES",
    "ROWS",
    "TABLE",
    "CODE_TEXTS",
    "URLS",
    "WITH_CODE",
    "code",
    "code_text",
    "from_code",
    "from_name",
    "is_crossed_out",
    "is_retired",
    "name",
    "row",
    "row_index",
    "url",
    "with_code",
];

/// Methods of the traits every enum implements (`Entry`, the derives, `Display`, `FromStr`,
/// `TryFrom`, `From`/`Into`, `ToString`, serde): an accessor of the same name would hide the
/// trait's method from `value.method()` calls.
pub const TRAIT_METHODS: &[&str] = &[
    "cells",
    "clamp",
    "clone",
    "clone_from",
    "cmp",
    "deserialize",
    "eq",
    "fields",
    "fmt",
    "from",
    "help",
    "from_code_text",
    "from_str",
    "ge",
    "gt",
    "hash",
    "into",
    "le",
    "lt",
    "max",
    "min",
    "ne",
    "parse_code",
    "partial_cmp",
    "serialize",
    "source",
    "to_owned",
    "to_string",
    "try_from",
    "try_into",
];

/// Whether a column accessor may not be called `method` (without `r#`): every generated enum
/// already has an item or a trait method of that name.
pub fn is_reserved_method(method: &str) -> bool {
    INHERENT_ITEMS.contains(&method) || TRAIT_METHODS.contains(&method)
}

/// The name of the snapshot file, in the manifest's `output` directory.
pub const SNAPSHOT_FILE: &str = "api.toml";

/// The public API of a catalog: its enums by name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CatalogApi {
    /// Every enum, by name.
    pub enums: BTreeMap<String, EnumApi>,
}

/// The public API of one enum, with the text it carries.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct EnumApi {
    /// The enum's module.
    #[serde(default)]
    pub module: String,
    /// The column headers, in the document's order.
    #[serde(default)]
    pub columns: Vec<String>,
    /// The column accessors, as written in code (`details`, `r#type`).
    #[serde(default)]
    pub accessors: Vec<String>,
    /// Whether the codes are the discriminants (`E::X as u16` is the code); `None` in a
    /// snapshot written before this was recorded.
    #[serde(default)]
    pub discriminants: Option<bool>,
    /// The type of the codes (`u16`, `str`): what `code()` returns and `from_code` takes;
    /// `None` in a snapshot written before this was recorded.
    #[serde(default, rename = "code-type")]
    pub code_type: Option<String>,
    /// `16` where integer codes are written in hexadecimal digits alone (`key-radix = 16`):
    /// `10` is sixteen to `from_code`, `code()` and `FromStr`. `None` (decimal) where they are
    /// not, as in every snapshot written before this was recorded.
    #[serde(default, rename = "code-radix")]
    pub code_radix: Option<u32>,
    /// Where the table comes from, as `E::TABLE` tells users; `None` in a snapshot written
    /// before this was recorded.
    #[serde(default)]
    pub table: Option<TableApi>,
    /// The variants, in the document's order.
    #[serde(default)]
    pub variants: Vec<VariantApi>,
}

/// Where an enum's table comes from, as `E::TABLE` tells users besides its columns: what
/// `url()` and `help()` answer, and what a generic renderer over `Entry` shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct TableApi {
    /// Its title (`TABLE.title`: the table's caption or heading, or the page's title).
    #[serde(default)]
    pub title: String,
    /// The published page's URL (`TABLE.url`, and `url()` of a row without an anchor or a
    /// code that is a link).
    #[serde(default)]
    pub url: String,
    /// The source page's path (`TABLE.source`).
    #[serde(default)]
    pub page: String,
    /// The header of the column `help()` answers from, where there is one.
    #[serde(default)]
    pub help: Option<String>,
}

/// A variant and the row it stands for.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct VariantApi {
    /// The variant's name.
    pub variant: String,
    /// The row's code as the doc writes it.
    pub code: String,
    /// The text of the row's name cell.
    pub name: String,
    /// The plain text of every cell, in the order of [`EnumApi::columns`]: what the changelog
    /// compares, and the last documented text of a row that is retired.
    #[serde(default)]
    pub cells: Arc<[Arc<str>]>,
    /// Whether the row is retired: no longer in the docs, kept by the manifest's `retired`.
    #[serde(default)]
    pub retired: bool,
    /// Whether the page crosses out the row's code (`~~0x06~~`): its variant is deprecated.
    #[serde(default, rename = "crossed-out")]
    pub crossed_out: bool,
}

/// The checked-in API and the new one as far as they differ: what the break gate and the
/// changelog need of an update ([`crate::stability::breaks_between`],
/// [`crate::changelog::Changelog::with_breaks`]), and what reading the old snapshot beside
/// the new one gives ([`CatalogApi::from_snapshot_beside`]). Where only variants' lines
/// differ, each side has every enum with its head (module, columns, accessors, code type,
/// discriminants) and only the variants whose lines the other side does not have, in their
/// order: a docs update changes a few rows of a table of 100k, and the rows both have change
/// nothing for users. Otherwise both are whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Differing<'n> {
    /// The checked-in API, or the part of it the new one does not have.
    pub old: CatalogApi,
    /// The new API, or the part of it the checked-in one does not have.
    pub new: Cow<'n, CatalogApi>,
    /// Enum by enum, the code and name of each variant both have (left out of both) that a
    /// code or name of a variant of `old` or `new` may name (as its code, by text or by
    /// number, or as its name): a pin or a retirement is keyed by its row's code only where
    /// no other row has that code or name, and by its name only where no other row has that
    /// ([`crate::model::help_keys::Naming`], which counts them as the table's codes are).
    /// Empty where both are whole.
    pub shared_rows: BTreeMap<String, Vec<(String, String)>>,
    /// Where both are as far as they differ, enum by enum the variants both have that moved
    /// among them (the changelog's reordered rows; an enum without any left out), found where
    /// the lines between the snapshots' common start and end are read: those both have are
    /// left out of both sides, and with them where they were. `None` where both are whole.
    pub moved: Option<BTreeMap<String, Vec<String>>>,
}

impl<'n> Differing<'n> {
    /// Both APIs whole.
    pub fn whole(old: CatalogApi, new: &'n CatalogApi) -> Self {
        Differing { old, new: Cow::Borrowed(new), shared_rows: BTreeMap::new(), moved: None }
    }
}

impl CatalogApi {
    /// The API that `catalog` generates.
    pub fn of(catalog: &Catalog) -> Self {
        let enums = catalog.modules.iter().flat_map(|module| &module.enums).map(|table| {
            let api = EnumApi {
                module: table.module.to_string(),
                columns: table.columns.iter().map(|column| column.header.clone()).collect(),
                accessors: table
                    .columns
                    .iter()
                    .filter_map(|c| Some(c.accessor.as_ref()?.to_string()))
                    .collect(),
                discriminants: Some(table.discriminants.are_codes()),
                code_type: Some(table.code_type.rust_name().to_owned()),
                // Recorded where it is not the default, so that no snapshot of decimal codes
                // changed when bases came.
                code_radix: table.codes.radix().filter(|&radix| radix != 10),
                table: Some(TableApi {
                    title: table.title.clone(),
                    url: table.url.clone(),
                    page: table.source.clone(),
                    help: table.help_column.map(|column| table.columns[column].header.clone()),
                }),
                // On every core where rows are many: nothing else runs meanwhile but the
                // module's skeleton, a few milliseconds, and at 200k rows the three strings
                // copied for each variant kept one core busy for 18 to 21 ms in quick runs,
                // up to 113 ms in slow ones (BENCHMARKS.md, thirty-second round).
                variants: parallel::map(&table.variants, |variant| VariantApi {
                    variant: variant.ident.as_str().to_owned(),
                    code: variant.key_text.clone(),
                    name: variant.name(table).to_owned(),
                    cells: variant.cells.clone(),
                    retired: variant.retired.is_some(),
                    crossed_out: variant.crossed_out,
                }),
            };
            (table.name.to_string(), api)
        });
        CatalogApi { enums: enums.collect() }
    }
}

impl EnumApi {
    /// The columns that this enum and `new` do not share, as indexes: its headers that `new`
    /// has no header for, then `new`'s that it has none for, each in the table's order.
    /// Headers are compared as the manifest finds them, ignoring case and runs of spaces
    /// (`API endpoint` is `API Endpoint`): the break gate and the changelog pair the two lists
    /// where a header was renamed.
    pub fn headers_apart(&self, new: &EnumApi) -> (Vec<usize>, Vec<usize>) {
        let not_in = |headers: &[String], of: &EnumApi| -> Vec<usize> {
            let present: FxHashSet<String> =
                of.columns.iter().map(|header| model::normalize(header)).collect();
            let kept =
                |&(_, header): &(usize, &String)| !present.contains(&model::normalize(header));
            headers.iter().enumerate().filter(kept).map(|(index, _)| index).collect()
        };
        (not_in(&self.columns, new), not_in(&new.columns, self))
    }

    /// The enum without its variants.
    fn head(&self) -> EnumApi {
        EnumApi {
            module: self.module.clone(),
            columns: self.columns.clone(),
            accessors: self.accessors.clone(),
            discriminants: self.discriminants,
            code_type: self.code_type.clone(),
            code_radix: self.code_radix,
            table: self.table.clone(),
            variants: Vec::new(),
        }
    }

    /// How the enum's codes read, as its API records them: integers (in the radix recorded)
    /// where it records a type of integers, text otherwise (a snapshot written before the type
    /// was recorded compares its codes as written).
    pub fn codes(&self) -> Codes {
        match (self.code_type.as_deref(), self.code_radix) {
            (None | Some("str"), _) => Codes::Text,
            (Some(_), radix) => Codes::integers_in(radix),
        }
    }
}

/// An API of two enums, one with variants whose strings need TOML's escapes (one retired, one
/// crossed out), one empty: what
/// the tests of the snapshot's modules write and read.
#[cfg(test)]
fn sample() -> CatalogApi {
    let variant = |v: &str, code: &str, name: &str| VariantApi {
        variant: v.into(),
        code: code.into(),
        name: name.into(),
        cells: vec![code.into(), name.into(), "a \"quoted\"\ncell".into()].into(),
        retired: v == "Quoted",
        crossed_out: v == "Struck",
    };
    CatalogApi {
        enums: BTreeMap::from([
            (
                "ErrorCode".to_owned(),
                EnumApi {
                    module: "errors".into(),
                    columns: vec!["Code".into(), "Name".into(), "Type".into()],
                    accessors: vec!["details".into(), "r#type".into()],
                    discriminants: Some(true),
                    code_type: Some("u16".into()),
                    code_radix: None,
                    table: Some(TableApi {
                        title: "Error codes".into(),
                        url: "https://example.com/errors.html".into(),
                        page: "docs/errors.md".into(),
                        help: Some("Type".into()),
                    }),
                    variants: vec![
                        variant("InputError", "1010", "Input Error"),
                        variant("Quoted", "0x1F", "say \"hi\" \\ 'there'\n"),
                        variant("Érreur", "e\tf", "\u{7f}\u{85}\u{2028} \u{202e}日本"),
                        variant("Struck", "0x06", "Gone"),
                    ],
                },
            ),
            ("Érreur".to_owned(), EnumApi::default()),
        ]),
    }
}
