//! API stability across doc revisions: which variants and methods the checked-in generated
//! code has that a regeneration would remove or rename.
//!
//! Both sides are read from generated files with `syn`, so the check needs nothing but the
//! files already in the repo: no record of earlier runs.

use std::collections::BTreeMap;

use syn::{Expr, ImplItem, Item, Lit, Visibility};

use crate::diagnostics::{Diagnostic, Label};
use crate::manifest::{Manifest, TableSpec};

/// The public surface of one generated enum.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct EnumApi {
    /// Variants in declaration order.
    pub variants: Vec<VariantApi>,
    /// Public method names (`details`, `r#type`).
    pub methods: Vec<String>,
}

/// A variant and what identifies its row across revisions.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct VariantApi {
    /// The variant's name.
    pub ident: String,
    /// Its code, in decimal for integers: the discriminant or its entry in `CODES`.
    pub code: Option<String>,
    /// Its `#[doc(alias)]` values: the code and name as the doc writes them.
    pub aliases: Vec<String>,
}

/// Every generated enum in `text`, by name. Text that does not parse has no API.
pub fn api(text: &str) -> BTreeMap<String, EnumApi> {
    let mut enums: BTreeMap<String, EnumApi> = BTreeMap::new();
    // Enums without discriminants keep their codes in `CODES`, in variant order.
    let mut codes: BTreeMap<String, Vec<Option<String>>> = BTreeMap::new();
    let Ok(file) = syn::parse_file(text) else { return enums };
    for item in &file.items {
        match item {
            Item::Enum(item) if matches!(item.vis, Visibility::Public(_)) => {
                let api = enums.entry(item.ident.to_string()).or_default();
                api.variants.extend(item.variants.iter().map(|variant| VariantApi {
                    ident: variant.ident.to_string(),
                    code: match &variant.discriminant {
                        Some((_, Expr::Lit(literal))) => literal_text(&literal.lit),
                        _ => None,
                    },
                    aliases: variant.attrs.iter().filter_map(doc_alias).collect(),
                }));
            }
            Item::Impl(item) if item.trait_.is_none() => {
                let syn::Type::Path(path) = &*item.self_ty else { continue };
                let Some(name) = path.path.get_ident() else { continue };
                let api = enums.entry(name.to_string()).or_default();
                for item in &item.items {
                    match item {
                        ImplItem::Fn(function) if matches!(function.vis, Visibility::Public(_)) => {
                            api.methods.push(function.sig.ident.to_string());
                        }
                        ImplItem::Const(constant) if constant.ident == "CODES" => {
                            codes.insert(name.to_string(), array_literals(&constant.expr));
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    for (name, codes) in codes {
        let Some(api) = enums.get_mut(&name) else { continue };
        for (variant, code) in api.variants.iter_mut().zip(codes) {
            variant.code = variant.code.take().or(code);
        }
    }
    enums
}

/// The literals of `&[a, b, ...]`, in order.
fn array_literals(expr: &Expr) -> Vec<Option<String>> {
    let Expr::Reference(reference) = expr else { return Vec::new() };
    let Expr::Array(array) = &*reference.expr else { return Vec::new() };
    array
        .elems
        .iter()
        .map(|element| match element {
            Expr::Lit(literal) => literal_text(&literal.lit),
            _ => None,
        })
        .collect()
}

/// An integer literal in decimal, or a string literal's value.
fn literal_text(literal: &Lit) -> Option<String> {
    match literal {
        Lit::Int(int) => Some(int.base10_digits().to_owned()),
        Lit::Str(text) => Some(text.value()),
        _ => None,
    }
}

/// The value of `#[doc(alias = "...")]`.
fn doc_alias(attribute: &syn::Attribute) -> Option<String> {
    if !attribute.path().is_ident("doc") {
        return None;
    }
    let list = attribute.meta.require_list().ok()?;
    let pair: syn::MetaNameValue = list.parse_args().ok()?;
    if !pair.path.is_ident("alias") {
        return None;
    }
    match pair.value {
        Expr::Lit(syn::ExprLit { lit: Lit::Str(text), .. }) => Some(text.value()),
        _ => None,
    }
}

/// A variant or method the old code has and the new code does not.
#[derive(Debug, PartialEq, Eq)]
pub enum Break {
    /// The row is still there under another name.
    RenamedVariant {
        /// The enum.
        enum_name: String,
        /// The name in the checked-in code.
        old: String,
        /// The name it would get.
        new: String,
        /// The key both share (the code as written, or the name).
        key: String,
    },
    /// The row is gone.
    RemovedVariant {
        /// The enum.
        enum_name: String,
        /// The name in the checked-in code.
        old: String,
    },
    /// A column accessor is gone (its column renamed or removed).
    RemovedMethod {
        /// The enum.
        enum_name: String,
        /// The method in the checked-in code.
        old: String,
    },
    /// The whole enum is gone.
    RemovedEnum {
        /// The enum.
        enum_name: String,
    },
}

/// What going from `old` to `new` (texts of the same generated file) removes or renames.
pub fn breaks(old: &str, new: &str) -> Vec<Break> {
    let (old, new) = (api(old), api(new));
    let mut found = Vec::new();
    for (enum_name, old_api) in &old {
        let Some(new_api) = new.get(enum_name) else {
            found.push(Break::RemovedEnum { enum_name: enum_name.clone() });
            continue;
        };
        for old_variant in &old_api.variants {
            if new_api.variants.iter().any(|new| new.ident == old_variant.ident) {
                continue;
            }
            let renamed = same_row(old_variant, &new_api.variants);
            let old_variant = &old_variant.ident;
            found.push(match renamed {
                Some((new, key)) => Break::RenamedVariant {
                    enum_name: enum_name.clone(),
                    old: old_variant.clone(),
                    new,
                    key,
                },
                None => {
                    Break::RemovedVariant { enum_name: enum_name.clone(), old: old_variant.clone() }
                }
            });
        }
        for method in &old_api.methods {
            if !new_api.methods.contains(method) {
                found.push(Break::RemovedMethod {
                    enum_name: enum_name.clone(),
                    old: method.clone(),
                });
            }
        }
    }
    found
}

/// The new variant for the old one's row: the one with its code, or, where rows share the
/// code, the one of those that also has its name; with the key a pin would use (the code as
/// written, or the name where the code is shared).
fn same_row(old: &VariantApi, variants: &[VariantApi]) -> Option<(String, String)> {
    let code = old.code.as_ref()?;
    let same_code: Vec<&VariantApi> =
        variants.iter().filter(|new| new.code.as_ref() == Some(code)).collect();
    let (new, key) = match same_code.as_slice() {
        [] => return None,
        [only] => {
            // The alias that spells the code as the doc does (`0x1F`), else the code itself.
            let written = old.aliases.first().filter(|alias| only.aliases.first() == Some(alias));
            (*only, written.unwrap_or(code).clone())
        }
        several => {
            let name = old.aliases.iter().find(|alias| *alias != code)?;
            let named: Vec<&&VariantApi> =
                several.iter().filter(|new| new.aliases.contains(name)).collect();
            match named.as_slice() {
                [only] => (**only, name.clone()),
                _ => return None,
            }
        }
    };
    Some((new.ident.clone(), key))
}

/// A diagnostic per break, pointing at the manifest's `[[table]]` for the enum and at the pin
/// that keeps the old name, where there is one.
pub fn diagnostics(manifest_path: &str, manifest: &Manifest, breaks: &[Break]) -> Vec<Diagnostic> {
    let spec_of = |enum_name: &str| -> Option<&TableSpec> {
        manifest.tables.iter().find(|table| table.enum_name.get_ref() == enum_name)
    };
    let locate = |diagnostic: Diagnostic, enum_name: &str| match spec_of(enum_name) {
        Some(spec) => diagnostic.with_label(Label::primary(
            manifest_path,
            spec.enum_name.span(),
            "generated from this table",
        )),
        None => diagnostic,
    };
    const OVERRIDE: &str = "or, if the change is intended, run with `--allow-breaking`";
    breaks
        .iter()
        .map(|found| match found {
            Break::RenamedVariant { enum_name, old, new, key } => {
                let mut diagnostic = locate(
                    Diagnostic::error(format!(
                        "breaking change: the variant `{enum_name}::{old}` would become \
                         `{enum_name}::{new}`"
                    )),
                    enum_name,
                )
                .with_note(format!("`{old}` → `{new}` (the row `{key}`)"));
                let pinned = spec_of(enum_name)
                    .and_then(|spec| spec.variants.iter().find(|(code, _)| code.get_ref() == key));
                match pinned {
                    Some((_, name)) => {
                        diagnostic = diagnostic
                            .with_label(Label::secondary(
                                manifest_path,
                                name.span(),
                                format!("the pin for `{key}`"),
                            ))
                            .with_help(format!(
                                "pin the old name again: `\"{key}\" = \"{old}\"`; {OVERRIDE}"
                            ));
                    }
                    None => {
                        diagnostic = diagnostic.with_help(format!(
                            "keep the old name with a pin in this [[table]]: \
                             `variants = {{ \"{key}\" = \"{old}\" }}`; {OVERRIDE}"
                        ));
                    }
                }
                diagnostic
            }
            Break::RemovedVariant { enum_name, old } => locate(
                Diagnostic::error(format!(
                    "breaking change: the variant `{enum_name}::{old}` would be removed"
                )),
                enum_name,
            )
            .with_note("its row is no longer in the table")
            .with_help(format!("restore the row in the page, {OVERRIDE}")),
            Break::RemovedMethod { enum_name, old } => locate(
                Diagnostic::error(format!(
                    "breaking change: the method `{enum_name}::{old}()` would be removed"
                )),
                enum_name,
            )
            .with_note("its column was renamed or removed")
            .with_help(format!(
                "if the column was renamed, keep the method with a pin in this [[table]]: \
                 `accessors = {{ \"<new header>\" = \"{old}\" }}`; {OVERRIDE}"
            )),
            Break::RemovedEnum { enum_name } => Diagnostic::error(format!(
                "breaking change: the enum `{enum_name}` would be removed"
            ))
            .with_note("no [[table]] in the manifest generates it any more")
            .with_help(format!("restore its [[table]] entry, {OVERRIDE}")),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const OLD: &str = r#"
        pub enum ErrorCode {
            #[doc(alias = "1050")]
            #[doc(alias = "Disk Full")]
            DiskFull = 1050,
            #[doc(alias = "1010")]
            InputError = 1010,
            Gone = 1999,
        }
        impl ErrorCode {
            pub const fn details(self) -> &'static str { "" }
            const fn row_index(self) -> usize { 0 }
        }
    "#;

    #[test]
    fn the_api_is_read_from_generated_code() {
        let api = api(OLD);
        let error_code = &api["ErrorCode"];
        assert_eq!(error_code.variants[0].ident, "DiskFull");
        assert_eq!(error_code.variants[0].code.as_deref(), Some("1050"));
        assert_eq!(error_code.variants[0].aliases, ["1050", "Disk Full"]);
        assert_eq!(error_code.methods, ["details"], "private functions are not API");
    }

    #[test]
    fn renames_removals_and_lost_methods_are_found() {
        let new = r#"
            pub enum ErrorCode {
                #[doc(alias = "1050")]
                DiskFull1050 = 1050,
                InputError = 1010,
                Added = 7,
            }
            impl ErrorCode {}
        "#;
        assert_eq!(
            breaks(OLD, new),
            [
                Break::RenamedVariant {
                    enum_name: "ErrorCode".into(),
                    old: "DiskFull".into(),
                    new: "DiskFull1050".into(),
                    key: "1050".into(),
                },
                Break::RemovedVariant { enum_name: "ErrorCode".into(), old: "Gone".into() },
                Break::RemovedMethod { enum_name: "ErrorCode".into(), old: "details".into() },
            ]
        );
    }

    #[test]
    fn codes_without_discriminants_come_from_the_codes_table() {
        let old = r#"
            pub enum Status { #[doc(alias = "Bad")] Bad, #[doc(alias = "Worse")] Worse }
            impl Status { const CODES: &'static [u16] = &[400, 400]; }
        "#;
        let new = r#"
            pub enum Status { #[doc(alias = "Bad")] Bad1, #[doc(alias = "Worse")] Worse }
            impl Status { const CODES: &'static [u16] = &[400, 400]; }
        "#;
        assert_eq!(api(old)["Status"].variants[1].code.as_deref(), Some("400"));
        assert_eq!(
            breaks(old, new),
            [Break::RenamedVariant {
                enum_name: "Status".into(),
                old: "Bad".into(),
                new: "Bad1".into(),
                key: "Bad".into(),
            }]
        );
    }

    #[test]
    fn additions_are_not_breaking() {
        let new = OLD.replace("Gone = 1999,", "Gone = 1999, Added = 7,");
        assert_eq!(breaks(OLD, &new), []);
        assert_eq!(
            breaks(OLD, "pub enum Other {}"),
            [Break::RemovedEnum { enum_name: "ErrorCode".into() }]
        );
    }
}
