//! API stability across doc revisions: which variants, accessors and enums of the checked-in
//! API ([`crate::api`], read back from its snapshot) a regeneration would remove or rename.
//!
//! Rows are matched by what the docs say of them, never by position: the same code and name,
//! else the one row with the same code. A row whose variant name changes is a rename, with the
//! pin that keeps the old name; a row that is gone is a removal. A name that goes to another
//! row (two rows that swap names) leaves its own row: that row is renamed, or removed. A row
//! whose code changes under its name keeps its variant: the changelog lists the new code. An
//! enum renamed or moved to another module, codes of another type, and codes that stop being
//! the discriminants break every user of the enum, whatever its rows.

use std::borrow::Cow;
use std::collections::BTreeMap;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::api::{CatalogApi, Differing, EnumApi, VariantApi};
use crate::int_code::Codes;
use crate::model::keys::code_id;
use crate::model::{Origin, help_keys};

mod diagnostics;

pub use diagnostics::{Recorded, diagnostics};

/// What the new API breaks of the old one: a variant, method or enum it does not have (gone,
/// or under another name), or what every user of an enum relies on changed (its module, the
/// type of its codes, whether they are its discriminants).
#[derive(Debug, PartialEq, Eq)]
pub enum Break {
    /// The row is still there under another name.
    RenamedVariant {
        /// The enum.
        enum_name: String,
        /// The name in the checked-in API.
        old: String,
        /// The name it would get.
        new: String,
        /// The row's code as written.
        code: String,
        /// What a pin for the row is keyed by: its code as written, or its name where the code
        /// is another row's code or name too.
        pin_key: String,
    },
    /// The row is gone.
    RemovedVariant {
        /// The enum.
        enum_name: String,
        /// The name in the checked-in API.
        old: String,
        /// The row's code as written.
        code: String,
        /// The row's name as written.
        name: String,
        /// What the manifest's `retired` keys the row by: its code as written, or its name
        /// where the code was another row's code or name too, or is a new row's.
        pin_key: String,
        /// Whether `retired` can keep the row by `pin_key`: not where rows the update adds
        /// have its code and its name, so that retiring would read either as the row
        /// documented again.
        retirable: bool,
    },
    /// A column accessor is gone (its column renamed or removed).
    RemovedMethod {
        /// The enum.
        enum_name: String,
        /// The method in the checked-in API.
        old: String,
        /// The header of its column, where the headers that are gone can be told apart: one
        /// for each method that is gone, in the same order.
        header: Option<String>,
        /// The new header in its column's place, which a pin would keep the method for: where
        /// the table has as many new headers as headers gone, the one in the same order.
        renamed_to: Option<String>,
        /// Every header the checked-in API does not have, in the table's order.
        new_headers: Vec<String>,
    },
    /// A column accessor would have another name, its column still in the table: the header
    /// makes another method now (the naming rules of a newer catalog-gen: `Affected URLs` made
    /// `affected_ur_ls`, now `affected_urls`), or the manifest pins it otherwise or no longer.
    RenamedMethod {
        /// The enum.
        enum_name: String,
        /// The method in the checked-in API.
        old: String,
        /// The method it would become.
        new: String,
        /// The header of its column, which a pin keys the method by.
        header: String,
    },
    /// The codes were the discriminants and would no longer be: `E::X as u16` would give
    /// another number.
    DroppedDiscriminants {
        /// The enum.
        enum_name: String,
        /// The type of the codes (`u16`), where the checked-in API records it.
        code_type: Option<String>,
    },
    /// The codes would be of another type: `code()` would return it, and `from_code` take it.
    ChangedCodeType {
        /// The enum.
        enum_name: String,
        /// The type in the checked-in API (`u16`).
        old: String,
        /// The type it would have.
        new: String,
    },
    /// The codes would be read in another base (`key-radix`): a code written `10` would be
    /// another number to `code()`, `from_code` and `FromStr`.
    ChangedCodeRadix {
        /// The enum.
        enum_name: String,
        /// The first code of the checked-in API that would read as another number.
        code: String,
        /// The base in the checked-in API (10 or 16).
        old: u32,
        /// The base it would have.
        new: u32,
    },
    /// The enum would be in another module: the path users write to it would name nothing.
    MovedEnum {
        /// The enum.
        enum_name: String,
        /// The module in the checked-in API.
        old: String,
        /// The module it would be in.
        new: String,
    },
    /// The enum would have another name: the one enum of its module that the checked-in API
    /// does not have, where no other enum of that module is gone (its `[[table]]` says another
    /// `enum`).
    RenamedEnum {
        /// The enum in the checked-in API.
        enum_name: String,
        /// The name it would have.
        new: String,
    },
    /// The whole enum is gone.
    RemovedEnum {
        /// The enum.
        enum_name: String,
        /// Its module.
        module: String,
    },
}

/// What going from `old` to `new` removes or renames, enum by enum in name order; codes
/// compared as written.
pub fn breaks(old: &CatalogApi, new: &CatalogApi) -> Vec<Break> {
    breaks_sharing(old, new, &BTreeMap::new(), &BTreeMap::new())
}

/// What going from `differing.old` to `differing.new` removes or renames: the same as
/// [`breaks`] between the whole APIs, since the variants both have are neither removed nor
/// renamed, and only count where a pin's key is chosen. What the API snapshot does not record
/// comes from each enum's `origins`: integer codes (the manifest's `key-type`) are compared as
/// numbers, as lookups and the model compare them (`0003` is `3`), and a variant name the
/// manifest pins goes to the row its pin names, even one of another code, without a break.
pub fn breaks_between(differing: &Differing<'_>, origins: &BTreeMap<String, Origin>) -> Vec<Break> {
    breaks_sharing(&differing.old, &differing.new, &differing.shared_rows, origins)
}

/// [`breaks`], where besides their own variants both APIs have others, those of
/// `shared_rows` that their keys may name ([`Differing::shared_rows`]), and `origins` tell
/// which enums have integer codes and which names are pinned.
fn breaks_sharing(
    old: &CatalogApi,
    new: &CatalogApi,
    shared_rows: &BTreeMap<String, Vec<(String, String)>>,
    origins: &BTreeMap<String, Origin>,
) -> Vec<Break> {
    let mut found = Vec::new();
    for (enum_name, old_api) in &old.enums {
        let Some(new_api) = new.enums.get(enum_name) else {
            found.push(match renamed_enum(old, new, &old_api.module) {
                Some(renamed) => {
                    Break::RenamedEnum { enum_name: enum_name.clone(), new: renamed.to_owned() }
                }
                None => Break::RemovedEnum {
                    enum_name: enum_name.clone(),
                    module: old_api.module.clone(),
                },
            });
            continue;
        };
        // Sets and maps rather than searches per variant: tables have 100k rows and more.
        let origin = origins.get(enum_name);
        let codes = origin.map_or(Codes::Text, |origin| origin.codes);
        let pinned = |name: &str| {
            origin.is_some_and(|origin| origin.pins.iter().any(|(_, pinned, _)| pinned == name))
        };
        let new_by_name = by_name(&new_api.variants);
        // Each side's rows by code and name cell, made on first use.
        let old_rows = Rows::new(&old_api.variants, codes);
        let new_rows = Rows::new(&new_api.variants, codes);
        // A variant is gone where no new one has its name, or where the one that has it stands
        // for another row, so that `E::X` would mean that row: one of another code (its name
        // went to another row: a suffix dropped, names swapped), or of its code and another
        // name cell where its own row is still there under another variant name (two rows of
        // one code whose names make one name, each with its code as a suffix, and one's code
        // written otherwise: `Disk3` and `Disk03`).
        let kept = |old: &VariantApi, by_name: &FxHashMap<&str, &VariantApi>, rows: &Rows<'_>| {
            by_name.get(old.variant.as_str()).is_some_and(|now| {
                let same_code = || {
                    now.code == old.code || code_id(&now.code, codes) == code_id(&old.code, codes)
                };
                let its_own_row = || now.name == old.name || !rows.has(old);
                pinned(&now.variant) || (same_code() && its_own_row())
            })
        };
        let gone: Vec<&VariantApi> =
            old_api.variants.iter().filter(|old| !kept(old, &new_by_name, &new_rows)).collect();
        if !gone.is_empty() {
            let old_by_name = by_name(&old_api.variants);
            // The new variants whose names are new to their rows: what a gone one may be.
            let mut renamed: FxHashMap<Cow<'_, str>, Vec<&VariantApi>> = FxHashMap::default();
            for variant in &new_api.variants {
                if !kept(variant, &old_by_name, &old_rows) {
                    renamed.entry(code_id(&variant.code, codes)).or_default().push(variant);
                }
            }
            let shared = shared_rows.get(enum_name);
            let old_codes = naming(&old_api.variants, shared, codes);
            let new_codes = naming(&new_api.variants, shared, codes);
            // The codes of the new rows that differ from the old ones; a row both have is
            // counted among the old ones.
            let new_row_codes: FxHashSet<Cow<'_, str>> =
                new_api.variants.iter().map(|variant| code_id(&variant.code, codes)).collect();
            let new_row_names: FxHashSet<&str> =
                new_api.variants.iter().map(|variant| variant.name.as_str()).collect();
            let mut rows: Vec<(&VariantApi, Option<&VariantApi>)> = gone
                .into_iter()
                .map(|old| {
                    let candidates = renamed.get(&code_id(&old.code, codes));
                    (old, same_row(old, candidates.map_or(&[][..], Vec::as_slice)))
                })
                .collect();
            pair_recoded(&mut rows, &renamed, (&old_codes, &new_codes), &new_by_name);
            // The new variants that gone ones are renamed to: a name that went to such a row
            // went with the row's rename, and its own row is gone.
            let renamed_to: FxHashSet<&str> =
                rows.iter().filter_map(|(_, new)| Some(new.as_ref()?.variant.as_str())).collect();
            for (old_variant, same) in rows {
                let enum_name = enum_name.clone();
                let old = old_variant.variant.clone();
                // A name that went to a row of another code that no rename explains: the row's
                // code changed, which the changelog lists (a major release) and the gate, which
                // keeps names, lets through.
                let recoded = new_by_name
                    .get(old.as_str())
                    .is_some_and(|now| !renamed_to.contains(now.variant.as_str()));
                if same.is_none() && recoded {
                    continue;
                }
                found.push(match same {
                    Some(new) => Break::RenamedVariant {
                        enum_name,
                        old,
                        new: new.variant.clone(),
                        code: new.code.clone(),
                        pin_key: pin_key(new, &new_codes),
                    },
                    None => {
                        let table_has = help_keys::TableHas {
                            code: |key: &str| new_row_codes.contains(&code_id(key, codes)),
                            name: |key: &str| new_row_names.contains(key),
                        };
                        let (pin_key, retirable) = help_keys::retired_key(
                            &old_variant.code,
                            &old_variant.name,
                            &old_codes,
                            table_has,
                        );
                        let pin_key = pin_key.to_owned();
                        let (code, name) = (old_variant.code.clone(), old_variant.name.clone());
                        Break::RemovedVariant { enum_name, old, code, name, pin_key, retirable }
                    }
                });
            }
        }
        enum_breaks(enum_name, old_api, new_api, &mut found);
        let methods = origins.get(enum_name).map_or(&[][..], |origin| &origin.methods[..]);
        removed_methods(enum_name, (old_api, new_api), methods, &mut found);
    }
    found
}

/// The name of the enum of `module` that `new` has and `old` does not, where it is the only
/// one and `old` has only one enum of that module that `new` does not have: that enum renamed.
fn renamed_enum<'n>(old: &CatalogApi, new: &'n CatalogApi, module: &str) -> Option<&'n str> {
    /// The one enum of `module` that `api` has and `other` does not.
    fn only_one<'a>(api: &'a CatalogApi, other: &CatalogApi, module: &str) -> Option<&'a str> {
        let mut names = api.enums.iter().filter(|(name, api)| {
            !module.is_empty() && api.module == module && !other.enums.contains_key(*name)
        });
        let (name, _) = names.next()?;
        names.next().is_none().then_some(name.as_str())
    }
    only_one(old, new, module)?;
    only_one(new, old, module)
}

/// What going from `old_api` to `new_api` breaks for every user of the enum `enum_name`,
/// whatever its rows: its module, the type of its codes, whether they are its discriminants.
/// A snapshot from before a fact was recorded says nothing of it.
fn enum_breaks(enum_name: &str, old_api: &EnumApi, new_api: &EnumApi, found: &mut Vec<Break>) {
    let enum_name = enum_name.to_owned();
    if !old_api.module.is_empty() && old_api.module != new_api.module {
        let (old, new) = (old_api.module.clone(), new_api.module.clone());
        found.push(Break::MovedEnum { enum_name: enum_name.clone(), old, new });
    }
    // Where the type stays an integer's and the base changes, the codes written in digits both
    // bases read (`10`) would be other numbers; a table of `0`–`9` and `0x` codes reads the same.
    let (old_codes, new_codes) = (old_api.codes(), new_api.codes());
    if old_codes.is_integer() && new_codes.is_integer() && old_codes != new_codes {
        let reread = |v: &&VariantApi| old_codes.value(&v.code) != new_codes.value(&v.code);
        if let Some(variant) = old_api.variants.iter().find(reread) {
            let radix = |codes: Codes| codes.radix().unwrap_or(10);
            let (old, new) = (radix(old_codes), radix(new_codes));
            let code = variant.code.clone();
            found.push(Break::ChangedCodeRadix { enum_name: enum_name.clone(), code, old, new });
        }
    }
    let code_type = old_api.code_type.clone();
    match (&code_type, &new_api.code_type) {
        (Some(old), Some(new)) if old != new => {
            let (old, new) = (old.clone(), new.clone());
            found.push(Break::ChangedCodeType { enum_name, old, new });
        }
        // Codes of another type are no longer the discriminants either, and that break says so.
        _ if old_api.discriminants == Some(true) && new_api.discriminants == Some(false) => {
            found.push(Break::DroppedDiscriminants { enum_name, code_type });
        }
        _ => {}
    }
}

/// The column accessors of `old_api` that `new_api` does not have, each with its column's
/// header and the new header that could be its column renamed. Headers and methods are both
/// in the table's order, so where as many headers as methods are gone (a header whose case or
/// spaces alone changed is not, as the manifest finds headers), and as many headers are new,
/// they pair up in order: the distribution spec's `Accepted Successful Response Codes` and
/// `Accepted Failure Response Codes` became `Success` and `Failure` in one edit.
fn removed_methods(
    enum_name: &str,
    (old_api, new_api): (&EnumApi, &EnumApi),
    methods: &[(String, String)],
    found: &mut Vec<Break>,
) {
    let gone: Vec<&String> =
        old_api.accessors.iter().filter(|method| !new_api.accessors.contains(method)).collect();
    if gone.is_empty() {
        return;
    }
    let (gone_headers, new_headers) = old_api.headers_apart(new_api);
    if gone_headers.is_empty()
        && new_headers.is_empty()
        && let Some(renamed) = renamed_methods(&gone, (old_api, new_api), methods)
    {
        let renamed = renamed.into_iter().map(|(old, new, header)| Break::RenamedMethod {
            enum_name: enum_name.to_owned(),
            old: old.clone(),
            new: new.clone(),
            header: header.clone(),
        });
        found.extend(renamed);
        return;
    }
    let gone_headers: Vec<String> =
        gone_headers.into_iter().map(|index| old_api.columns[index].clone()).collect();
    let new_headers: Vec<String> =
        new_headers.into_iter().map(|index| new_api.columns[index].clone()).collect();
    let told_apart = gone_headers.len() == gone.len();
    let paired = told_apart && new_headers.len() == gone.len();
    for (at, method) in gone.into_iter().enumerate() {
        found.push(Break::RemovedMethod {
            enum_name: enum_name.to_owned(),
            old: method.clone(),
            header: told_apart.then(|| gone_headers[at].clone()),
            renamed_to: paired.then(|| new_headers[at].clone()),
            new_headers: new_headers.clone(),
        });
    }
}

/// Where every header is kept, the methods `gone` paired in order with the methods of
/// `new_api` that `old_api` does not have, each with its column's header as the model made it
/// (`methods`, [`Origin::methods`]): the columns of both sides are the same, so the methods of
/// both are in the same columns' order. `None` where the counts differ or the model's methods
/// are not at hand.
fn renamed_methods<'a>(
    gone: &[&'a String],
    (old_api, new_api): (&EnumApi, &'a EnumApi),
    methods: &'a [(String, String)],
) -> Option<Vec<(&'a String, &'a String, &'a String)>> {
    let added: Vec<&String> =
        new_api.accessors.iter().filter(|method| !old_api.accessors.contains(method)).collect();
    if added.len() != gone.len() {
        return None;
    }
    let header_of =
        |method: &str| methods.iter().find(|(made, _)| made == method).map(|(_, header)| header);
    let renamed = gone.iter().zip(added).map(|(&old, new)| Some((old, new, header_of(new)?)));
    renamed.collect()
}

/// One side's rows by their code (where codes are integers, by number) and name cell, made on
/// first use: most updates never ask.
struct Rows<'v> {
    variants: &'v [VariantApi],
    codes: Codes,
    rows: std::cell::OnceCell<FxHashSet<(Cow<'v, str>, &'v str)>>,
}

impl<'v> Rows<'v> {
    fn new(variants: &'v [VariantApi], codes: Codes) -> Self {
        Rows { variants, codes, rows: std::cell::OnceCell::new() }
    }

    /// Whether a variant of this side has `variant`'s code and name cell.
    fn has(&self, variant: &VariantApi) -> bool {
        let rows = self.rows.get_or_init(|| {
            let row = |v: &'v VariantApi| (code_id(&v.code, self.codes), v.name.as_str());
            self.variants.iter().map(row).collect()
        });
        rows.contains(&(code_id(&variant.code, self.codes), variant.name.as_str()))
    }
}

/// Each of `variants` by its name.
fn by_name(variants: &[VariantApi]) -> FxHashMap<&str, &VariantApi> {
    variants.iter().map(|variant| (variant.variant.as_str(), variant)).collect()
}

/// How many rows each key names ([`help_keys::Naming`], codes by number where they are
/// integers): of `variants`, and of the rows `shared` with the other API.
fn naming<'v>(
    variants: &'v [VariantApi],
    shared: Option<&'v Vec<(String, String)>>,
    codes: Codes,
) -> help_keys::Naming<'v> {
    let own = variants.iter().map(|variant| (variant.code.as_str(), variant.name.as_str()));
    let shared = shared.into_iter().flatten().map(|(code, name)| (code.as_str(), name.as_str()));
    help_keys::Naming::of(codes, own.chain(shared))
}

/// The new variant for the old one's row, among `candidates`, the variants with its code whose
/// names are new: the one with its code and name, else the only one with its code (its name
/// cell re-worded).
fn same_row<'n>(old: &VariantApi, candidates: &[&'n VariantApi]) -> Option<&'n VariantApi> {
    let mut same_name = candidates.iter().filter(|v| v.name == old.name);
    match (same_name.next(), same_name.next(), candidates) {
        (Some(one), None, _) => Some(one),
        (_, _, [only]) => Some(only),
        _ => None,
    }
}

/// Pairs each of `rows` (gone variants, each with the new one its row became, where one of its
/// code was found) that has none, and whose variant name no new variant has (`new_by_name`),
/// with the variant among `renamed` (the new variants whose names are new to their rows, by
/// code) that has its name cell: where that name names one row in the old API and one in the
/// new (`naming`), and that variant is not another's already. Such a row's code changed under
/// its name and its variant name changed too (its name now makes the name of another row of
/// its new code, and each takes its code as a suffix): the gate lets a row whose code changed
/// keep its variant, and where the variant name went with the code, that is a rename, not a
/// row removed (whose retirement the model would refuse, the retired row's name being the
/// row's).
fn pair_recoded<'v>(
    rows: &mut [(&'v VariantApi, Option<&'v VariantApi>)],
    renamed: &FxHashMap<Cow<'v, str>, Vec<&'v VariantApi>>,
    naming: (&help_keys::Naming<'_>, &help_keys::Naming<'_>),
    new_by_name: &FxHashMap<&str, &VariantApi>,
) {
    let mut taken: FxHashSet<&str> =
        rows.iter().filter_map(|(_, new)| Some(new.as_ref()?.variant.as_str())).collect();
    // By name cell, made on first use: a map, as an update may rename thousands of rows.
    let mut by_name: Option<FxHashMap<&str, Vec<&VariantApi>>> = None;
    for (old, same) in rows.iter_mut() {
        let alone = |naming: &help_keys::Naming<'_>| naming.count(&old.name) == 1;
        if same.is_some()
            || new_by_name.contains_key(old.variant.as_str())
            || !alone(naming.0)
            || !alone(naming.1)
        {
            continue;
        }
        let by_name = by_name.get_or_insert_with(|| {
            let mut by_name: FxHashMap<&str, Vec<&VariantApi>> = FxHashMap::default();
            for new in renamed.values().flatten() {
                by_name.entry(new.name.as_str()).or_default().push(new);
            }
            by_name
        });
        if let Some([new]) = by_name.get(old.name.as_str()).map(Vec::as_slice)
            && taken.insert(new.variant.as_str())
        {
            *same = Some(new);
        }
    }
}

/// A pin's key for `variant` ([`help_keys::row_key`]): its code, unless it names other rows too
/// (`codes` counts them), then its name.
fn pin_key(variant: &VariantApi, codes: &help_keys::Naming<'_>) -> String {
    codes.key_for(&variant.code, &variant.name).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::EnumApi;

    fn api(accessors: &[&str], variants: &[(&str, &str, &str)]) -> CatalogApi {
        let variants = variants
            .iter()
            .map(|(variant, code, name)| VariantApi {
                variant: (*variant).into(),
                code: (*code).into(),
                name: (*name).into(),
                cells: std::sync::Arc::default(),
                retired: false,
                crossed_out: false,
            })
            .collect();
        let accessors = accessors.iter().map(|a| (*a).to_owned()).collect();
        CatalogApi {
            enums: BTreeMap::from([(
                "E".to_owned(),
                EnumApi { accessors, variants, ..EnumApi::default() },
            )]),
        }
    }

    #[test]
    fn renames_removals_and_lost_methods_are_found() {
        let old = api(
            &["details"],
            &[
                ("DiskFull", "1050", "Disk Full"),
                ("InputError", "1010", "Input Error"),
                ("Gone", "1999", "Gone"),
            ],
        );
        let new = api(
            &[],
            &[
                ("DiskFull1050", "1050", "Disk Full"),
                ("InputError", "1010", "Input error"),
                ("DiskFull1507", "1507", "Disk Full"),
            ],
        );
        assert_eq!(
            breaks(&old, &new),
            [
                Break::RenamedVariant {
                    enum_name: "E".into(),
                    old: "DiskFull".into(),
                    new: "DiskFull1050".into(),
                    code: "1050".into(),
                    pin_key: "1050".into(),
                },
                Break::RemovedVariant {
                    enum_name: "E".into(),
                    old: "Gone".into(),
                    code: "1999".into(),
                    name: "Gone".into(),
                    pin_key: "1999".into(),
                    retirable: true,
                },
                Break::RemovedMethod {
                    enum_name: "E".into(),
                    old: "details".into(),
                    header: None,
                    renamed_to: None,
                    new_headers: Vec::new(),
                },
            ]
        );
    }

    /// Columns renamed in one edit pair up with the new headers in order, a header that only
    /// changed case aside; where they cannot (a column removed, none added), the method's
    /// break names no new header.
    #[test]
    fn a_removed_method_gets_the_new_header_in_its_columns_place() {
        let with_columns = |columns: &[&str], accessors: &[&str]| {
            let mut api = api(accessors, &[("A", "1", "A")]);
            let table = api.enums.get_mut("E").unwrap();
            table.columns = columns.iter().map(|column| (*column).to_owned()).collect();
            api
        };
        let old = with_columns(
            &["ID", "API endpoint", "Accepted Successful", "Accepted Failure"],
            &["id", "api_endpoint", "accepted_successful", "accepted_failure"],
        );
        let renamed = with_columns(
            &["ID", "API Endpoint", "Success", "Failure"],
            &["id", "api_endpoint", "success", "failure"],
        );
        let pairs: Vec<_> = breaks(&old, &renamed)
            .into_iter()
            .map(|found| match found {
                Break::RemovedMethod { old, header, renamed_to, new_headers, .. } => {
                    assert_eq!(new_headers, ["Success", "Failure"]);
                    (old, header.unwrap(), renamed_to.unwrap())
                }
                other => panic!("{other:?}"),
            })
            .collect();
        let pair = |old: &str, header: &str, new: &str| (old.into(), header.into(), new.into());
        assert_eq!(
            pairs,
            [
                pair("accepted_successful", "Accepted Successful", "Success"),
                pair("accepted_failure", "Accepted Failure", "Failure"),
            ]
        );

        let removed = with_columns(&["ID", "API endpoint"], &["id", "api_endpoint"]);
        let [Break::RemovedMethod { header, renamed_to, new_headers, .. }, _] =
            &breaks(&old, &removed)[..]
        else {
            panic!("{:?}", breaks(&old, &removed));
        };
        assert_eq!(header.as_deref(), Some("Accepted Successful"));
        assert_eq!((renamed_to, new_headers.len()), (&None, 0));

        // Two columns gone, one new: which one it replaced, if either, cannot be told.
        let one_new =
            with_columns(&["ID", "API endpoint", "Success"], &["id", "api_endpoint", "success"]);
        let found = breaks(&old, &one_new);
        let first = &diagnostics(&BTreeMap::new(), &found, None)[0];
        assert_eq!(
            first.notes,
            [
                "its column `Accepted Successful` is no longer in the table; its new columns: `Success`"
            ]
        );
        assert!(
            first
                .help
                .as_deref()
                .unwrap()
                .contains(r#"{ "<new header>" = "accepted_successful" }"#)
        );
    }

    /// Every header kept, a method that its column has otherwise now (the naming rules, or a
    /// pin changed) is renamed, its pin keyed by that column's header, as the model made it.
    #[test]
    fn a_method_its_kept_header_makes_otherwise_is_renamed() {
        let with_accessors = |accessors: &[&str]| {
            let mut api = api(accessors, &[("A", "1", "A")]);
            let table = api.enums.get_mut("E").unwrap();
            table.columns = ["Code", "Affected URLs", "Fix"].map(String::from).to_vec();
            api
        };
        // The model's methods, each with its column's header.
        let made = |methods: &[(&str, &str)], pins: &[(&str, &str)]| {
            let pairs = |pairs: &[(&str, &str)]| {
                pairs.iter().map(|&(a, b)| (a.to_owned(), b.to_owned())).collect::<Vec<_>>()
            };
            let origin =
                Origin { methods: pairs(methods), accessors: pairs(pins), ..Origin::default() };
            BTreeMap::from([("E".to_owned(), origin)])
        };
        let old = with_accessors(&["affected_ur_ls", "fix"]);
        let origins = made(&[("affected_urls", "Affected URLs"), ("fix", "Fix")], &[]);
        let new = with_accessors(&["affected_urls", "fix"]);
        let found = breaks_sharing(&old, &new, &BTreeMap::new(), &origins);
        let renamed = |new: &str| Break::RenamedMethod {
            enum_name: "E".into(),
            old: "affected_ur_ls".into(),
            new: new.into(),
            header: "Affected URLs".into(),
        };
        assert_eq!(found, [renamed("affected_urls")]);
        let help = diagnostics(&origins, &found, None)[0].help.clone().unwrap();
        assert!(help.contains(r#"`accessors = { "Affected URLs" = "affected_ur_ls" }`"#), "{help}");

        // A pin changed: the line in place of the table's keeps the old method under it.
        let origins =
            made(&[("links", "Affected URLs"), ("fix", "Fix")], &[("Affected URLs", "links")]);
        let found =
            breaks_sharing(&old, &with_accessors(&["links", "fix"]), &BTreeMap::new(), &origins);
        assert_eq!(found, [renamed("links")]);
        let help = diagnostics(&origins, &found, None)[0].help.clone().unwrap();
        assert!(help.contains(r#"`accessors = { "Affected URLs" = "affected_ur_ls" }`"#), "{help}");
        assert!(help.contains("in place of this [[table]]'s `accessors`"), "{help}");

        // Without the model's methods (an API read back alone), the method is gone as before.
        let alone = breaks(&old, &new);
        assert!(matches!(&alone[..], [Break::RemovedMethod { header: None, .. }]), "{alone:?}");
    }

    /// A name that goes to another row is gone from its own: two rows that swap names are
    /// two renames, each with the pin that keeps its name; a suffix dropped where the name's
    /// row was retired is a rename too. A row whose code changed under its name is none, nor
    /// is a name the manifest pins on another row.
    #[test]
    fn a_name_that_goes_to_another_row_is_a_break() {
        let swapped = api(&[], &[("B", "1", "B"), ("A", "2", "A")]);
        let renamed = |old: &str, new: &str, code: &str| Break::RenamedVariant {
            enum_name: "E".into(),
            old: old.into(),
            new: new.into(),
            code: code.into(),
            pin_key: code.into(),
        };
        assert_eq!(breaks(&old_ab(), &swapped), [renamed("A", "B", "1"), renamed("B", "A", "2")]);

        // Nostr's `Video Event`: 34235 retired as `VideoEvent`, 21 named `VideoEvent21` beside
        // it; then 34235 back as `Addressable Video Event`, and 21 alone with the name.
        let old = api(
            &[],
            &[("VideoEvent21", "21", "Video Event"), ("VideoEvent", "34235", "Video Event")],
        );
        let new = api(
            &[],
            &[
                ("VideoEvent", "21", "Video Event"),
                ("AddressableVideoEvent", "34235", "Addressable"),
            ],
        );
        assert_eq!(
            breaks(&old, &new),
            [
                renamed("VideoEvent21", "VideoEvent", "21"),
                renamed("VideoEvent", "AddressableVideoEvent", "34235")
            ]
        );

        // A row whose code changed under its name: the changelog's to list, no break.
        let recoded = api(&[], &[("A", "3", "A"), ("B", "2", "B")]);
        assert!(breaks(&old_ab(), &recoded).is_empty());
        // Integer codes written otherwise are the same code: the row `1` renamed as `001`.
        let padded = api(&[], &[("C", "001", "C"), ("B", "2", "B")]);
        let integer = Origin { codes: Codes::Decimal, ..Origin::default() };
        let origins = BTreeMap::from([("E".to_owned(), integer)]);
        let differing = Differing::whole(old_ab(), &padded);
        let found = breaks_between(&differing, &origins);
        assert!(
            matches!(&found[..], [Break::RenamedVariant { new, .. }] if new == "C"),
            "{found:?}"
        );
        let as_written = breaks(&old_ab(), &padded);
        assert!(matches!(&as_written[..], [Break::RemovedVariant { .. }]), "{as_written:?}");
        // A name the manifest pins goes where its pin says: no rename of its old row.
        let pinned_away = api(&[], &[("B", "1", "A"), ("A", "2", "B")]);
        assert_eq!(breaks(&old_ab(), &pinned_away).len(), 2);
        let pins = vec![("2".into(), "A".into(), 0..0), ("1".into(), "B".into(), 0..0)];
        let pinned = Origin { pins, ..Origin::default() };
        let origins = BTreeMap::from([("E".to_owned(), pinned)]);
        let differing = Differing::whole(old_ab(), &pinned_away);
        assert!(breaks_between(&differing, &origins).is_empty());
    }

    /// A row whose code changed under its name, whose variant name changed with it (a new row
    /// of its new code makes the same name, and each takes its code as a suffix), is its
    /// variant renamed, with the pin keyed by its name where its code is the other row's too.
    /// It was a row removed, and its retirement was refused: the retired row had the row's
    /// name, and the row the other's code (a made history). Where the name does not name one
    /// row, the row is removed, as before.
    #[test]
    fn a_row_recoded_under_its_name_whose_variant_took_a_suffix_is_renamed() {
        let old = api(&[], &[("Full", "2", "Full"), ("Disk", "5", "Disk")]);
        let new =
            api(&[], &[("Full0x3", "0x3", "Full"), ("Full3", "3", "full"), ("Disk", "5", "Disk")]);
        assert_eq!(integer_breaks(&old, &new), [renamed_to("Full", "Full0x3", "0x3", "Full")]);

        let two_named =
            api(&[], &[("Full0x3", "0x3", "Full"), ("Full4", "4", "Full"), ("Disk", "5", "Disk")]);
        let found = integer_breaks(&old, &two_named);
        assert!(matches!(&found[..], [Break::RemovedVariant { .. }]), "{found:?}");
    }

    /// A variant whose name and code another row has now, its name cell written otherwise,
    /// is gone from its own row where that row is still there under another variant name: two
    /// rows of one code whose names make one name take their codes as suffixes, and where the
    /// old row's code is written otherwise (`03`), the new row gets its old name (`Disk3`). It
    /// was kept, and `E::Disk3` came to mean the new row without a break (a made history).
    #[test]
    fn a_variant_that_goes_to_a_new_row_of_its_code_is_a_rename_of_its_own() {
        let old = api(&[], &[("Disk3", "3", "Disk"), ("Full", "5", "Full")]);
        let new =
            api(&[], &[("Disk03", "03", "Disk"), ("Disk3", "3", "disk"), ("Full", "5", "Full")]);
        assert_eq!(integer_breaks(&old, &new), [renamed_to("Disk3", "Disk03", "03", "Disk")]);
        // Its name cell re-worded, the row keeps its variant.
        let reworded = api(&[], &[("Disk3", "3", "disk"), ("Full", "5", "Full")]);
        assert!(integer_breaks(&old, &reworded).is_empty());
    }

    /// The breaks from `old` to `new`, the enum's codes being integers.
    fn integer_breaks(old: &CatalogApi, new: &CatalogApi) -> Vec<Break> {
        let integer = Origin { codes: Codes::Decimal, ..Origin::default() };
        let origins = BTreeMap::from([("E".to_owned(), integer)]);
        breaks_between(&Differing::whole(old.clone(), new), &origins)
    }

    /// `E::old` renamed `E::new`, whose row has `code`, with the pin keyed by `pin_key`.
    fn renamed_to(old: &str, new: &str, code: &str, pin_key: &str) -> Break {
        Break::RenamedVariant {
            enum_name: "E".into(),
            old: old.into(),
            new: new.into(),
            code: code.into(),
            pin_key: pin_key.into(),
        }
    }

    /// Rows `1` and `2`, named `A` and `B`.
    fn old_ab() -> CatalogApi {
        api(&[], &[("A", "1", "A"), ("B", "2", "B")])
    }

    #[test]
    fn codes_that_stop_being_discriminants_are_a_break() {
        let with = |discriminants| {
            let mut api = api(&[], &[("A", "1", "A")]);
            api.enums.get_mut("E").unwrap().discriminants = discriminants;
            api
        };
        let dropped = Break::DroppedDiscriminants { enum_name: "E".into(), code_type: None };
        assert_eq!(breaks(&with(Some(true)), &with(Some(false))), [dropped]);
        assert!(breaks(&with(Some(false)), &with(Some(true))).is_empty());
        // A snapshot from before discriminants were recorded says nothing either way.
        assert!(breaks(&with(None), &with(Some(false))).is_empty());
    }

    #[test]
    fn an_enum_moved_or_whose_codes_change_type_is_a_break() {
        let with = |module: &str, code_type: Option<&str>, discriminants: bool| {
            let mut api = api(&[], &[("A", "1", "A")]);
            let table = api.enums.get_mut("E").unwrap();
            table.module = module.to_owned();
            table.code_type = code_type.map(str::to_owned);
            table.discriminants = Some(discriminants);
            api
        };
        let before = with("m", Some("u16"), true);
        let moved = Break::MovedEnum { enum_name: "E".into(), old: "m".into(), new: "n".into() };
        assert_eq!(breaks(&before, &with("n", Some("u16"), true)), [moved]);
        let retyped = |new: &str| Break::ChangedCodeType {
            enum_name: "E".into(),
            old: "u16".into(),
            new: new.into(),
        };
        assert_eq!(breaks(&before, &with("m", Some("u32"), true)), [retyped("u32")]);
        // Codes that become strings stop being the discriminants: one break says both.
        assert_eq!(breaks(&before, &with("m", Some("str"), false)), [retyped("str")]);
        // A snapshot from before the module or the type was recorded says nothing of them.
        assert!(breaks(&with("", None, true), &with("n", Some("u32"), true)).is_empty());
        let dropped = Break::DroppedDiscriminants { enum_name: "E".into(), code_type: None };
        assert_eq!(breaks(&with("m", None, true), &with("m", Some("str"), false)), [dropped]);
    }

    #[test]
    fn a_row_in_a_shared_code_table_is_found_by_its_code_and_name() {
        // `400 Bad`, `400 Worse`; then `401 Bad!` joins and `Bad` must be told from it.
        let old = api(&[], &[("Bad", "400", "Bad"), ("Worse", "400", "Worse")]);
        let new = api(
            &[],
            &[("Bad400", "400", "Bad"), ("Worse", "400", "Worse"), ("Bad401", "401", "Bad!")],
        );
        assert_eq!(
            breaks(&old, &new),
            [Break::RenamedVariant {
                enum_name: "E".into(),
                old: "Bad".into(),
                new: "Bad400".into(),
                code: "400".into(),
                pin_key: "Bad".into(),
            }]
        );
    }

    #[test]
    fn a_removed_row_is_not_mistaken_for_a_rename_of_one_that_stays() {
        let old = api(&[], &[("Bad", "400", "Bad"), ("Worse", "400", "Worse")]);
        let new = api(&[], &[("Bad", "400", "Bad")]);
        assert_eq!(
            breaks(&old, &new),
            [Break::RemovedVariant {
                enum_name: "E".into(),
                old: "Worse".into(),
                code: "400".into(),
                name: "Worse".into(),
                pin_key: "Worse".into(),
                retirable: true,
            }]
        );
    }

    /// A key names the row whose code or name it is (`help_keys::Naming`): a removed row whose
    /// code is another row's name is keyed by its own name.
    #[test]
    fn a_code_that_is_another_rows_name_keys_no_pin() {
        let old = api(&[], &[("Gone", "B", "Gone"), ("Stays", "A", "B")]);
        let new = api(&[], &[("Stays", "A", "B")]);
        let [Break::RemovedVariant { pin_key, .. }] = &breaks(&old, &new)[..] else { panic!() };
        assert_eq!(pin_key, "Gone");
    }

    /// A removed row whose code new rows took is retired by its name; one whose code a new
    /// row has as its name, by its code.
    #[test]
    fn a_removed_row_whose_code_new_rows_took_is_keyed_by_its_name() {
        let old = api(&[], &[("Gone", "7", "Gone"), ("Stays", "1", "Stays")]);
        let new =
            api(&[], &[("Here", "7", "Here"), ("Also", "7", "Also"), ("Stays", "1", "Stays")]);
        let [Break::RemovedVariant { pin_key, .. }] = &breaks(&old, &new)[..] else { panic!() };
        assert_eq!(pin_key, "Gone");
        let swapped = api(&[], &[("Seven", "Gone", "7"), ("Stays", "1", "Stays")]);
        let [Break::RemovedVariant { pin_key, .. }] = &breaks(&old, &swapped)[..] else { panic!() };
        assert_eq!(pin_key, "7");
    }

    #[test]
    fn additions_are_not_breaking() {
        let old = api(&["details"], &[("A", "1", "A")]);
        let new = api(&["details", "more"], &[("A", "1", "A"), ("B", "2", "B")]);
        assert_eq!(breaks(&old, &new), []);
        assert_eq!(
            breaks(&old, &CatalogApi::default()),
            [Break::RemovedEnum { enum_name: "E".into(), module: String::new() }]
        );
    }

    #[test]
    fn the_one_enum_of_a_module_that_takes_a_gone_ones_place_is_a_rename() {
        let of = |enums: &[(&str, &str)]| CatalogApi {
            enums: enums
                .iter()
                .map(|(name, module)| {
                    let api = EnumApi { module: (*module).to_owned(), ..EnumApi::default() };
                    ((*name).to_owned(), api)
                })
                .collect(),
        };
        let old = of(&[("E", "m"), ("G", "m"), ("H", "n")]);
        let renamed = Break::RenamedEnum { enum_name: "E".into(), new: "F".into() };
        assert_eq!(breaks(&old, &of(&[("F", "m"), ("G", "m"), ("H", "n")])), [renamed]);
        // In another module, or beside another new enum of the module, it is not told apart.
        let removed =
            |name: &str| Break::RemovedEnum { enum_name: name.into(), module: "m".into() };
        assert_eq!(breaks(&old, &of(&[("F", "o"), ("G", "m"), ("H", "n")])), [removed("E")]);
        let two_new = of(&[("F", "m"), ("F2", "m"), ("G", "m"), ("H", "n")]);
        assert_eq!(breaks(&old, &two_new), [removed("E")]);
        assert_eq!(breaks(&old, &of(&[("F", "m"), ("H", "n")])), [removed("E"), removed("G")]);
    }
}
