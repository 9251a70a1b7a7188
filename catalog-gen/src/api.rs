//! The catalog's public API as data: which enums it has, which variants each has and which row
//! each stands for, and which column accessors. Computed from the model, and written next to
//! the generated code as a small snapshot ([`SNAPSHOT_FILE`]) that the next regeneration reads
//! back, so the stability check compares two values of this type, never generated Rust.
//!
//! Also the one list of the names every generated enum has whatever its table
//! ([`INHERENT_ITEMS`], [`TRAIT_METHODS`]): emit writes only those, and a column's accessor may
//! take none of them.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde::Deserialize;

use crate::marker;
use crate::model::Catalog;

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
    /// The variants, in the document's order.
    #[serde(default)]
    pub variants: Vec<VariantApi>,
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
    pub cells: Vec<String>,
    /// Whether the row is retired: no longer in the docs, kept by the manifest's `retired`.
    #[serde(default)]
    pub retired: bool,
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
                discriminants: Some(table.discriminants),
                variants: table
                    .variants
                    .iter()
                    .map(|variant| VariantApi {
                        variant: variant.ident.to_string(),
                        code: variant.key_text.clone(),
                        name: variant.name(table).to_owned(),
                        cells: variant.cells.clone(),
                        retired: variant.retired.is_some(),
                    })
                    .collect(),
            };
            (table.name.to_string(), api)
        });
        CatalogApi { enums: enums.collect() }
    }

    /// The snapshot file's text: the `@generated` header naming `source` and `command`, then
    /// one `[[enum]]` per enum and one line per variant, so a row added to a doc adds a line.
    pub fn to_snapshot(&self, source: &str, command: &str) -> String {
        // Allocated once at about its size (cells, names and quotes), never grown by copying:
        // at 100k rows the snapshot is tens of megabytes.
        let size: usize = self
            .enums
            .values()
            .flat_map(|api| &api.variants)
            .map(|v| 64 + 2 * (v.variant.len() + v.code.len() + v.name.len()) + cells_size(v))
            .sum();
        let mut out = String::with_capacity(1024 + size + size / 16);
        out.push_str(&marker::header_line("#", source, command));
        out.push_str(
            "# The catalog's public API: the next regen refuses to remove or rename what is here.\n",
        );
        for (name, api) in &self.enums {
            out.push_str("\n[[enum]]\nname = ");
            push_toml_string(&mut out, name);
            out.push_str("\nmodule = ");
            push_toml_string(&mut out, &api.module);
            out.push_str("\ncolumns = ");
            push_toml_array(&mut out, &api.columns);
            out.push_str("\naccessors = ");
            push_toml_array(&mut out, &api.accessors);
            if let Some(discriminants) = api.discriminants {
                out.push_str(if discriminants {
                    "\ndiscriminants = true"
                } else {
                    "\ndiscriminants = false"
                });
            }
            out.push_str("\nvariants = [\n");
            for variant in &api.variants {
                out.push_str("    { variant = ");
                push_toml_string(&mut out, &variant.variant);
                out.push_str(", code = ");
                push_toml_string(&mut out, &variant.code);
                out.push_str(", name = ");
                push_toml_string(&mut out, &variant.name);
                if variant.retired {
                    out.push_str(", retired = true");
                }
                out.push_str(", cells = ");
                push_toml_array(&mut out, &variant.cells);
                out.push_str(" },\n");
            }
            out.push_str("]\n");
        }
        out
    }

    /// Reads a snapshot written by [`CatalogApi::to_snapshot`].
    pub fn from_snapshot(text: &str) -> Result<Self, String> {
        #[derive(Deserialize)]
        struct Snapshot {
            #[serde(default, rename = "enum")]
            enums: Vec<NamedEnum>,
        }
        #[derive(Deserialize)]
        struct NamedEnum {
            name: String,
            #[serde(flatten)]
            api: EnumApi,
        }
        let snapshot: Snapshot = toml::from_str(text).map_err(|error| error.to_string())?;
        Ok(CatalogApi {
            enums: snapshot.enums.into_iter().map(|named| (named.name, named.api)).collect(),
        })
    }
}

/// About the bytes `variant`'s cells take in the snapshot.
fn cells_size(variant: &VariantApi) -> usize {
    variant.cells.iter().map(|cell| cell.len() + 4).sum()
}

/// Appends `items` as a TOML array of strings, on one line.
fn push_toml_array(out: &mut String, items: &[String]) {
    out.push('[');
    for (index, item) in items.iter().enumerate() {
        if index > 0 {
            out.push_str(", ");
        }
        push_toml_string(out, item);
    }
    out.push(']');
}

/// Appends `text` as a TOML basic string, by TOML's fixed escape table: `"` and `\` escaped,
/// control characters as `\t`, `\n`, `\r` or `\uXXXX`; everything else as it is. (The
/// `toml` crate's own formatting, one `Value` per string, cost more than the rest of the
/// snapshot once the snapshot kept every cell.)
fn push_toml_string(out: &mut String, text: &str) {
    out.reserve(text.len() + 2);
    out.push('"');
    let mut plain = 0;
    for (at, c) in text.char_indices() {
        let escape = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\t' => "\\t",
            '\r' => "\\r",
            c if c.is_control() => "",
            _ => continue,
        };
        out.push_str(&text[plain..at]);
        if escape.is_empty() {
            let _ = write!(out, "\\u{:04X}", u32::from(c));
        } else {
            out.push_str(escape);
        }
        plain = at + c.len_utf8();
    }
    out.push_str(&text[plain..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn api() -> CatalogApi {
        let variant = |v: &str, code: &str, name: &str| VariantApi {
            variant: v.into(),
            code: code.into(),
            name: name.into(),
            cells: vec![code.into(), name.into(), "a \"quoted\"\ncell".into()],
            retired: v == "Quoted",
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
                        variants: vec![
                            variant("InputError", "1010", "Input Error"),
                            variant("Quoted", "0x1F", "say \"hi\" \\ 'there'\n"),
                            variant("Érreur", "e\tf", "\u{7f}\u{85}\u{2028} \u{202e}日本"),
                        ],
                    },
                ),
                ("Érreur".to_owned(), EnumApi::default()),
            ]),
        }
    }

    #[test]
    fn a_snapshot_reads_back_as_the_api_it_was_written_from() {
        let text = api().to_snapshot("docs/catalog.toml", "cargo xtask regen");
        assert!(marker::is_generated(&text), "{text}");
        assert_eq!(CatalogApi::from_snapshot(&text).unwrap(), api());
    }

    #[test]
    fn each_variant_is_one_line() {
        let text = api().to_snapshot("docs/catalog.toml", "cargo xtask regen");
        let lines: Vec<&str> = text.lines().filter(|line| line.contains("variant =")).collect();
        assert_eq!(lines.len(), 3, "{text}");
        assert!(lines[0].contains("\"InputError\""));
    }
}
