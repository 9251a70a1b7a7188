//! The catalog's public API as data: which enums it has, which variants each has and which row
//! each stands for, and which column accessors. Computed from the model, and written next to
//! the generated code as a small snapshot ([`SNAPSHOT_FILE`]) that the next regeneration reads
//! back, so the stability check compares two values of this type, never generated Rust.
//!
//! Also the one list of the names every generated enum has whatever its table
//! ([`INHERENT_ITEMS`], [`TRAIT_METHODS`]): emit writes only those, and a column's accessor may
//! take none of them.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::io::{self, BufRead, Read, Seek};
use std::ops::Range;
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;

use crate::changelog;
use crate::file_text::MadeText;
use crate::marker;
use crate::model::{self, Catalog, keys};
use crate::two_ends::{Lines, TwoEnds};
use crate::{FileText, parallel, scan};

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
    /// The type of the codes (`u16`, `str`): what `code()` returns and `from_code` takes;
    /// `None` in a snapshot written before this was recorded.
    #[serde(default, rename = "code-type")]
    pub code_type: Option<String>,
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
    /// The published page's URL (`TABLE.url`, and `url()` of a row without an anchor).
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
                }),
            };
            (table.name.to_string(), api)
        });
        CatalogApi { enums: enums.collect() }
    }

    /// The snapshot file's text: the `@generated` header naming `source` and `command`, then
    /// one `[[enum]]` per enum and one line per variant, so a row added to a doc adds a line.
    /// It is [`snapshot_text`](Self::snapshot_text)'s, made whole here (tested).
    pub fn to_snapshot(&self, source: &str, command: &str) -> String {
        let text = self.snapshot_layout(source, command, |text, _, api| {
            let mut lines = String::new();
            api.variants.iter().for_each(|variant| push_variant_line(&mut lines, variant));
            text.push_str(&lines);
        });
        text.to_string()
    }

    /// The snapshot's text as a generated file's: the variants' lines made when the file is
    /// read (compared or written), on every core, rather than held whole (as large as the
    /// docs).
    pub fn snapshot_text(api: &Arc<CatalogApi>, source: &str, command: &str) -> FileText {
        api.snapshot_layout(source, command, |text, name, enum_api| {
            let (api, name) = (Arc::clone(api), name.to_owned());
            let lines = MadeText::of_rows(enum_api.variants.len(), move |rows, out| {
                let variants = &api.enums[&name].variants[rows];
                variants.iter().for_each(|variant| push_variant_line(out.line(), variant));
            });
            text.push_made(lines, 0);
        })
    }

    /// The snapshot's layout, the one place that writes it: the header, then for each enum
    /// its head, the lines `variants` pushes for it (given its name), and its end.
    fn snapshot_layout(
        &self,
        source: &str,
        command: &str,
        mut variants: impl FnMut(&mut FileText, &str, &EnumApi),
    ) -> FileText {
        let mut head = String::new();
        push_snapshot_header(&mut head, source, command);
        let mut text = FileText::from(head);
        for (name, api) in &self.enums {
            let mut head = String::new();
            push_enum_head(&mut head, name, api);
            text.push_str(&head);
            variants(&mut text, name, api);
            text.push_str(ENUM_END);
        }
        text
    }

    /// Reads a snapshot written by [`CatalogApi::to_snapshot`].
    ///
    /// Each variant's line is parsed on its own, on every core where there are many, and the
    /// rest of the snapshot as one document: `toml` cuts a whole document into tokens before
    /// it parses any, and at 100k rows the snapshot's 56 MB took 0.5 s as one document and
    /// 0.26 s a line at a time on one core (BENCHMARKS.md, twenty-eighth round). A
    /// snapshot laid out otherwise than regen writes it, or that does not parse, is parsed
    /// whole: the same API, and an error that names its line.
    pub fn from_snapshot(text: &str) -> Result<Self, String> {
        let enums = match Self::enums_by_line(text) {
            Some(enums) => enums,
            None => Self::enums_whole(text)?,
        };
        Ok(CatalogApi { enums: enums.into_iter().collect() })
    }

    /// The enums of the snapshot `text`, in its order, parsed as one document.
    fn enums_whole(text: &str) -> Result<Vec<(String, EnumApi)>, String> {
        #[derive(Deserialize)]
        struct Snapshot {
            #[serde(default, rename = "enum")]
            enums: Vec<NamedEnum>,
        }
        // Every field named, not `EnumApi` flattened: serde reads a flattened struct through
        // a copy of everything else in the table, its variants included.
        #[derive(Deserialize)]
        struct NamedEnum {
            name: String,
            #[serde(default)]
            module: String,
            #[serde(default)]
            columns: Vec<String>,
            #[serde(default)]
            accessors: Vec<String>,
            #[serde(default)]
            discriminants: Option<bool>,
            #[serde(default, rename = "code-type")]
            code_type: Option<String>,
            #[serde(default)]
            table: Option<TableApi>,
            #[serde(default)]
            variants: Vec<VariantApi>,
        }
        let snapshot: Snapshot = toml::from_str(text).map_err(|error| error.to_string())?;
        let enums = snapshot.enums.into_iter().map(|named| {
            let NamedEnum {
                name,
                module,
                columns,
                accessors,
                discriminants,
                code_type,
                table,
                variants,
            } = named;
            let api =
                EnumApi { module, columns, accessors, discriminants, code_type, table, variants };
            (name, api)
        });
        Ok(enums.collect())
    }

    /// The enums of the snapshot `text`, in its order, each variant's line parsed on its own
    /// and the rest as one document; `None` where the snapshot is not laid out as regen
    /// writes it (an enum's header written otherwise, a variant on the `variants = [` line or
    /// over several lines) or any of it does not parse.
    fn enums_by_line(text: &str) -> Option<Vec<(String, EnumApi)>> {
        #[derive(Deserialize)]
        struct Line {
            v: VariantApi,
        }
        let mut rest = String::new();
        let mut variant_lines: Vec<(usize, &str)> = Vec::new();
        let (mut last_enum, mut in_variants) = (None, false);
        for (enum_index, line) in enum_lines(text, None) {
            last_enum = enum_index;
            if in_variants && is_variant(line) {
                variant_lines.push((enum_index?, line.strip_suffix(',')?));
                continue;
            }
            in_variants = match line {
                "variants = [" => true,
                "]" => false,
                _ => in_variants,
            };
            rest.push_str(line);
            rest.push('\n');
        }
        let mut enums = Self::enums_whole(&rest).ok()?;
        // Enums written otherwise (`[[ enum ]]`, say) are not counted; variants written
        // otherwise are in `rest`, and their order among the lines is not known.
        let counted = last_enum.map_or(0, |index| index + 1);
        if counted != enums.len() || enums.iter().any(|(_, api)| !api.variants.is_empty()) {
            return None;
        }
        let parsed = parallel::map_with(&variant_lines, String::new, |document, (_, line)| {
            document.clear();
            document.push_str("v = ");
            document.push_str(line.trim_start());
            toml::from_str::<Line>(document).ok().map(|line| line.v)
        });
        for (&(index, _), variant) in variant_lines.iter().zip(parsed) {
            enums.get_mut(index)?.1.variants.push(variant?);
        }
        Some(enums)
    }

    /// Reads the snapshot `old` back with every enum's head but, of the variants, only those
    /// whose variant name, code or name is one of `keys` as the snapshot writes strings
    /// (escapes and all): what retiring rows needs of the previous API (their last documented
    /// text), and what an ambiguous pin's help needs (the row its name was for). At 100k
    /// rows a snapshot is tens of megabytes of TOML, and parsing it whole took longer than
    /// the rest of a regeneration (BENCHMARKS.md); here each variant's line is only looked at
    /// up to its name, and the few kept are parsed. A variant line laid out otherwise than
    /// this version writes it is kept, and parsed, too.
    pub fn from_snapshot_keeping(old: impl BufRead + Send, keys: &[&str]) -> Result<Self, String> {
        Self::from_snapshot_parts_keeping(vec![old], keys)
    }

    /// [`from_snapshot_keeping`](Self::from_snapshot_keeping) of a snapshot given as `parts`,
    /// one after the other, each starting where a line starts (as regen splits it): each
    /// part is looked at on a thread of its own. At 200k rows, reading the 113 MB snapshot
    /// was 30 ms of one core while the other had nothing to do (BENCHMARKS.md, thirty-fourth
    /// round).
    pub fn from_snapshot_parts_keeping(
        parts: Vec<impl BufRead + Send>,
        keys: &[&str],
    ) -> Result<Self, String> {
        let wanted: FxHashSet<Box<[u8]>> = keys
            .iter()
            .map(|key| {
                let mut quoted = String::new();
                push_toml_string(&mut quoted, key);
                quoted.into_bytes().into_boxed_slice()
            })
            .collect();
        let kept_of = |part| {
            let mut kept = Vec::new();
            let keep = |line: &[u8]| {
                if !line.starts_with(VARIANT_LINE.as_bytes()) || variant_line_has(line, &wanted) {
                    kept.extend_from_slice(line);
                    kept.push(b'\n');
                }
            };
            scan::for_each_line(part, keep).map(|()| kept)
        };
        let kept: Vec<Vec<u8>> = parallel::each(parts, kept_of)
            .into_iter()
            .collect::<io::Result<_>>()
            .map_err(|error| error.to_string())?;
        let kept = kept.concat();
        Self::from_snapshot(std::str::from_utf8(&kept).map_err(|error| error.to_string())?)
    }

    /// Reads the snapshot `old` back, beside the snapshot `new_api` writes, as far as the two
    /// differ ([`Differing`]): a variant whose line is in both (same name, code, name cell,
    /// cells and retirement: the snapshot writes each variant on one line, deterministically)
    /// changes nothing for users and is left out of both; only the other lines are parsed.
    /// Neither snapshot is held whole: at 100k rows a snapshot is tens of megabytes of TOML,
    /// and a docs update changes a few lines of it. `old` is read a line at a time from its
    /// start and from its end, as long as its lines are the new snapshot's, and only the lines
    /// between are read whole; the new snapshot's lines are made from `new_api` one at a time
    /// where they are compared.
    ///
    /// Where anything besides variant lines differs (an enum's columns, accessors, the enums),
    /// or a variant left out has the name of one kept from `old` (a snapshot edited by hand),
    /// the whole snapshot is read and parsed, and both APIs are whole. Either way the breaks
    /// and the changelog are those of `from_snapshot(old)` and `new_api` (tested).
    pub fn from_snapshot_beside(
        old: impl Read + Seek,
        new_api: &CatalogApi,
    ) -> Result<Differing<'_>, String> {
        Self::read_beside(old, new_api, None::<io::Cursor<&[u8]>>)
    }

    /// [`from_snapshot_beside`](Self::from_snapshot_beside), where the snapshot `new_api`
    /// writes is already `written` (regen stages it before it reviews it): the new lines
    /// compared are read from it, not made from `new_api` again. Lines made cost more than
    /// lines read: at 200k rows, making them took a fifth of a second.
    pub fn from_snapshot_beside_written(
        old: impl Read + Seek,
        new_api: &CatalogApi,
        written: impl Read + Seek,
    ) -> Result<Differing<'_>, String> {
        Self::read_beside(old, new_api, Some(written))
    }

    /// [`from_snapshot_beside`](Self::from_snapshot_beside), with the new snapshot's lines
    /// read from `written` where it is given.
    fn read_beside(
        old: impl Read + Seek,
        new_api: &CatalogApi,
        written: Option<impl Read + Seek>,
    ) -> Result<Differing<'_>, String> {
        let io = |error: io::Error| error.to_string();
        let skeleton = new_api.snapshot_skeleton();
        let new_lines = new_api.snapshot_lines(&skeleton);
        // The lines the two snapshots start and end with alike are the same lines in the same
        // places, read a piece at a time and matched by place. Only the lines between (a few,
        // for a docs update) are read whole and looked up by their text, hundreds of bytes
        // each to hash.
        let mut old = TwoEnds::new(old).map_err(io)?;
        // Where the written snapshot cannot be read (or `old` cannot: it is read again below),
        // the new lines are made instead.
        let written = written
            .and_then(|written| ends_beside_written(&mut old, &new_lines, written).ok().flatten());
        let ends = match written {
            Some(ends) => ends,
            None => ends_beside_made(&mut old, &new_lines).map_err(io)?,
        };
        let Ends { prefix, suffix, middle: Range { start: middle_start, end: middle_end } } = ends;
        let middle = old.read_between(middle_start, middle_end).map_err(io)?;
        let first_enum = prefix.checked_sub(1).and_then(|last| new_lines[last].0);
        let old_middle: Vec<Line<'_>> = enum_lines(&middle, first_enum).collect();
        let new_middle = &new_lines[prefix..new_lines.len() - suffix];
        // Lines matched by place are alike but for comments, so anything besides variant
        // lines differs (an enum's columns, accessors, the enums) only where the middles do:
        // then the whole snapshot is parsed.
        let structure = old_middle.iter().map(|&(_, line)| line);
        let structure = structure.filter(|line| !line.starts_with('#') && !is_variant(line));
        let new_structure = texts(new_middle).filter(|text| !text.starts_with('#'));
        if !structure.eq(new_structure) {
            let whole = Self::from_snapshot(&old.read_whole().map_err(io)?)?;
            return Ok(Differing::whole(whole, new_api));
        }
        let by_text: FxHashMap<(Option<usize>, String), &VariantApi> = variants_of(new_middle)
            .map(|(enum_index, variant)| ((enum_index, variant_line(variant)), variant))
            .collect();
        let middle_lines: Vec<(Option<usize>, &str, Option<&VariantApi>)> = old_middle
            .iter()
            .map(|&(enum_index, line)| {
                (enum_index, line, by_text.get(&(enum_index, line.to_owned())).copied())
            })
            .collect();
        // The old snapshot without the lines the new one has (its lines matched by place are
        // the new one's): small, parsed as usual.
        let (new_before, new_after) =
            (&new_lines[..prefix], &new_lines[new_lines.len() - suffix..]);
        let unmatched = middle_lines.iter().filter(|(_, _, in_new)| in_new.is_none());
        let unmatched = unmatched.map(|&(_, line, _)| line);
        let mut rest = String::new();
        for line in texts(new_before).chain(unmatched).chain(texts(new_after)) {
            rest.push_str(line);
            rest.push('\n');
        }
        // The old snapshot's own variants, with every enum's head (the same as the new one's).
        let kept_old = match Self::from_snapshot(&rest) {
            Ok(kept) => kept,
            // Its error would name a line of `rest`; the whole snapshot's names the file's.
            Err(_) => {
                let whole = Self::from_snapshot(&old.read_whole().map_err(io)?)?;
                return Ok(Differing::whole(whole, new_api));
            }
        };
        // Lines matched by their text are left out of both sides, and with them where they
        // were: which variants moved is found here.
        let moved = middle_moves(&middle_lines, &kept_old, new_api, new_middle);
        // The new middle's variants that no old line matched, by enum: every other new
        // variant (the ends' and the middle's matched ones) is in both.
        let matched: FxHashSet<*const VariantApi> = middle_lines
            .iter()
            .filter_map(|&(_, _, in_new)| Some(std::ptr::from_ref(in_new?)))
            .collect();
        let mut kept_new: Vec<Vec<&VariantApi>> = vec![Vec::new(); new_api.enums.len()];
        for (enum_index, variant) in variants_of(new_middle) {
            if let Some(index) =
                enum_index.filter(|_| !matched.contains(&std::ptr::from_ref(variant)))
            {
                kept_new[index].push(variant);
            }
        }
        let mut shared_rows = BTreeMap::new();
        for ((name, new_enum), kept) in new_api.enums.iter().zip(&kept_new) {
            let old_variants = kept_old.enums.get(name).map_or(&[][..], |api| &api.variants[..]);
            match shared_in(&new_enum.variants, kept, old_variants) {
                Some(rows) if !rows.is_empty() => drop(shared_rows.insert(name.clone(), rows)),
                Some(_) => {}
                // A variant both have is named as one the old snapshot has besides: only the
                // whole APIs say which of the two each lookup by name finds.
                None => {
                    let whole = Self::from_snapshot(&old.read_whole().map_err(io)?)?;
                    return Ok(Differing::whole(whole, new_api));
                }
            }
        }
        let enums = new_api.enums.iter().zip(kept_new).map(|((name, api), kept)| {
            let variants = kept.into_iter().cloned().collect();
            (name.clone(), EnumApi { variants, ..api.head() })
        });
        let new = CatalogApi { enums: enums.collect() };
        Ok(Differing { old: kept_old, new: Cow::Owned(new), shared_rows, moved: Some(moved) })
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
            table: self.table.clone(),
            variants: Vec::new(),
        }
    }
}

/// Enum by enum, the variants both the old snapshot's middle (`middle_lines`, each with the
/// new variant its text matched; those no line matched are `kept_old`'s, in order) and the new
/// one's (`new_middle`) have that moved among them ([`changelog::order::moved_among`]); enums
/// without any left out. The lines before and after the middles are the same on both sides,
/// so these are the variants that moved among all that both APIs have.
fn middle_moves(
    middle_lines: &[(Option<usize>, &str, Option<&VariantApi>)],
    kept_old: &CatalogApi,
    new_api: &CatalogApi,
    new_middle: &[(Option<usize>, NewLine<'_>)],
) -> BTreeMap<String, Vec<String>> {
    // Both sides have every enum, in the same order (their structure is the same).
    let names: Vec<&String> = new_api.enums.keys().collect();
    let mut unmatched: Vec<std::slice::Iter<'_, VariantApi>> = names
        .iter()
        .map(|name| kept_old.enums.get(*name).map_or(&[][..], |api| &api.variants[..]).iter())
        .collect();
    let (mut old_order, mut new_order) =
        (vec![Vec::new(); names.len()], vec![Vec::new(); names.len()]);
    for &(enum_index, line, in_new) in middle_lines {
        let Some(enum_index) = enum_index.filter(|_| is_variant(line)) else { continue };
        let variant = in_new.or_else(|| unmatched.get_mut(enum_index)?.next());
        if let (Some(variant), Some(order)) = (variant, old_order.get_mut(enum_index)) {
            order.push((variant.variant.as_str(), variant.retired));
        }
    }
    for (enum_index, variant) in variants_of(new_middle) {
        if let Some(order) = enum_index.and_then(|index| new_order.get_mut(index)) {
            order.push((variant.variant.as_str(), variant.retired));
        }
    }
    let moved = names
        .into_iter()
        .zip(old_order.iter().zip(&new_order))
        .map(|(name, (old, new))| (name.clone(), changelog::order::moved_among(old, new)));
    moved.filter(|(_, moved)| !moved.is_empty()).collect()
}

/// The rows of the variants both APIs have that a key of a changed variant may name, for one
/// enum: `variants` are the new enum's, `kept` those of them no old line matched, `old` the
/// old enum's that no new line matched; every other new variant is in both. Each such variant
/// whose code (as written, or its number) or name is a code or name of `kept` or `old`, as
/// its code and name: what a key a help gives for a changed row must be counted against
/// (the other rows are never named by such a key; whether codes are numbers is the table's,
/// which the snapshot does not say, so both are taken).
/// `None` where a variant in both has the name of one of `old`: the old snapshot names that
/// row twice.
fn shared_in(
    variants: &[VariantApi],
    kept: &[&VariantApi],
    old: &[VariantApi],
) -> Option<Vec<(String, String)>> {
    if kept.is_empty() && old.is_empty() {
        return Some(Vec::new());
    }
    let old_names: FxHashSet<&str> = old.iter().map(|v| v.variant.as_str()).collect();
    let changed = || old.iter().chain(kept.iter().copied());
    let texts: FxHashSet<&str> =
        changed().flat_map(|v| [v.code.as_str(), v.name.as_str()]).collect();
    let numbers: FxHashSet<u64> = texts.iter().filter_map(|text| keys::int_value(text)).collect();
    let kept: FxHashSet<*const VariantApi> = kept.iter().map(|&v| std::ptr::from_ref(v)).collect();
    let mut shared = Vec::new();
    for variant in variants {
        if kept.contains(&std::ptr::from_ref(variant)) {
            continue;
        }
        if old_names.contains(variant.variant.as_str()) {
            return None;
        }
        let by_number = keys::int_value(&variant.code).is_some_and(|n| numbers.contains(&n));
        if by_number
            || texts.contains(variant.code.as_str())
            || texts.contains(variant.name.as_str())
        {
            shared.push((variant.code.clone(), variant.name.clone()));
        }
    }
    Some(shared)
}

/// Where the old snapshot's lines are the new one's in the same places: the first `prefix`
/// lines, up to `middle.start`, and the last `suffix`, from `middle.end`.
struct Ends {
    prefix: usize,
    suffix: usize,
    middle: Range<u64>,
}

/// Where `old`'s lines are the new snapshot's (`new_lines`), made where they are compared.
fn ends_beside_made(
    old: &mut TwoEnds<impl Read + Seek>,
    new_lines: &[(Option<usize>, NewLine<'_>)],
) -> io::Result<Ends> {
    let mut made = String::new();
    let (prefix, start) = old.same_from_start(|at, line| {
        Ok(new_lines
            .get(at)
            .is_some_and(|(_, new)| same_line(line, new.text(&mut made).as_bytes())))
    })?;
    let after_prefix = new_lines.len() - prefix;
    let (suffix, end) = old.same_from_end(start, |back, line| {
        if back >= after_prefix {
            return Ok(false);
        }
        let new = &new_lines[new_lines.len() - 1 - back].1;
        Ok(same_line(line, new.text(&mut made).as_bytes()))
    })?;
    Ok(Ends { prefix, suffix, middle: start..end })
}

/// Where `old`'s lines are those of the new snapshot `written`, read from it where they are
/// compared; `None` where `written` is not line for line the snapshot whose lines are
/// `new_lines` (a header of other lines), for the lines to be made instead.
fn ends_beside_written(
    old: &mut TwoEnds<impl Read + Seek>,
    new_lines: &[(Option<usize>, NewLine<'_>)],
    written: impl Read + Seek,
) -> io::Result<Option<Ends>> {
    let mut written = TwoEnds::new(written)?;
    let mut new_forward = written.lines_from_start()?;
    let mut new_start = 0;
    let (prefix, start) = old.same_from_start(|_, line| {
        let same = new_forward.next_line()?.is_some_and(|new| same_line(line, new));
        if same {
            new_start = new_forward.offset();
        }
        Ok(same)
    })?;
    let Some(after_prefix) = new_lines.len().checked_sub(prefix) else { return Ok(None) };
    let mut new_backward = written.lines_from_end(new_start);
    let mut new_end = new_backward.offset();
    let (suffix, end) = old.same_from_end(start, |back, line| {
        let same = back < after_prefix
            && new_backward.next_line()?.is_some_and(|new| same_line(line, new));
        if same {
            new_end = new_backward.offset();
        }
        Ok(same)
    })?;
    // The lines matched stand for `new_lines` in the same places only where the written
    // text has as many lines.
    let new_middle = written.read_between(new_start, new_end)?;
    let lines = prefix + scan::lines_without_ends(&new_middle).count() + suffix;
    Ok((lines == new_lines.len()).then_some(Ends { prefix, suffix, middle: start..end }))
}

/// Whether the old snapshot's `old` line and the new one's `new`, at the same place, are the
/// same line: the same text, or both comments, which say nothing of the API (the header of
/// the new lines made from an API names nothing).
fn same_line(old: &[u8], new: &[u8]) -> bool {
    match new.first() {
        Some(b'#') => old.starts_with(b"#"),
        _ => old == new,
    }
}

/// The lines of `lines` that are not variants'.
fn texts<'s>(lines: &'s [(Option<usize>, NewLine<'s>)]) -> impl Iterator<Item = &'s str> {
    lines.iter().filter_map(|&(_, line)| match line {
        NewLine::Text(text) => Some(text),
        NewLine::Variant(_) => None,
    })
}

/// The variants of `lines`, with their enums.
fn variants_of<'s>(
    lines: &'s [(Option<usize>, NewLine<'s>)],
) -> impl Iterator<Item = (Option<usize>, &'s VariantApi)> {
    lines.iter().filter_map(|&(enum_index, line)| match line {
        NewLine::Variant(variant) => Some((enum_index, variant)),
        NewLine::Text(_) => None,
    })
}

/// Whether the variant's `line` (as [`push_variant_line`] writes it) has a variant name, a code
/// or a name that is one of `wanted` (each as [`push_toml_string`] writes it, quotes
/// included); true also where the line is not laid out that way, so has no such fields to
/// look at. The fields are read in place, in the order regen writes them: at 200k rows the
/// line is looked at 200k times, and searching each for its fields took a third of the time.
fn variant_line_has(line: &[u8], wanted: &FxHashSet<Box<[u8]>>) -> bool {
    let mut rest = line;
    let variant = string_after(&mut rest, VARIANT_LINE.as_bytes());
    let code = variant.and_then(|_| string_after(&mut rest, b", code = "));
    let name = code.and_then(|_| string_after(&mut rest, b", name = "));
    match (variant, code, name) {
        (Some(variant), Some(code), Some(name)) => {
            wanted.contains(code) || wanted.contains(name) || wanted.contains(variant)
        }
        _ => true,
    }
}

/// The TOML basic string that `rest` starts with after `before`, quotes included; `rest` is
/// moved past it. `None` where `rest` does not start so.
fn string_after<'l>(rest: &mut &'l [u8], before: &[u8]) -> Option<&'l [u8]> {
    let after = rest.strip_prefix(before)?;
    let (string, next) = after.split_at(toml_string_len(after)?);
    *rest = next;
    Some(string)
}

/// The length of the TOML basic string `text` starts with, quotes included; `None` where it
/// starts with none, or it does not end.
fn toml_string_len(text: &[u8]) -> Option<usize> {
    if text.first() != Some(&b'"') {
        return None;
    }
    let mut at = 1;
    while let Some(found) = memchr::memchr2(b'"', b'\\', text.get(at..)?) {
        at += found;
        match text[at] {
            b'"' => return Some(at + 1),
            // An escape: the byte after it is never the string's end.
            _ => at += 2,
        }
    }
    None
}

/// Whether a snapshot line is a variant's.
fn is_variant(line: &str) -> bool {
    line.starts_with(VARIANT_LINE)
}

/// Every line of a snapshot (or of its part after the enum `index`, or none) with the index
/// of the `[[enum]]` it is in (`None` before the first).
fn enum_lines(text: &str, mut index: Option<usize>) -> impl Iterator<Item = (Option<usize>, &str)> {
    scan::lines_without_ends(text).map(move |line| {
        if line == "[[enum]]" {
            index = Some(index.map_or(0, |index| index + 1));
        }
        (index, line)
    })
}

/// A snapshot's line with the index of its enum, if it is in one.
type Line<'l> = (Option<usize>, &'l str);

/// A line of the snapshot an API writes, made only when it is looked at.
#[derive(Clone, Copy)]
enum NewLine<'a> {
    /// A line of the snapshot's skeleton ([`CatalogApi::snapshot_skeleton`]).
    Text(&'a str),
    /// A variant's line.
    Variant(&'a VariantApi),
}

impl NewLine<'_> {
    /// The line's text, without its end; a variant's made in `made`.
    fn text<'s>(&'s self, made: &'s mut String) -> &'s str {
        match *self {
            NewLine::Text(text) => text,
            NewLine::Variant(variant) => {
                made.clear();
                push_variant_line(made, variant);
                made.trim_end_matches('\n')
            }
        }
    }
}

/// A variant's line, without its end.
fn variant_line(variant: &VariantApi) -> String {
    let mut line = String::new();
    push_variant_line(&mut line, variant);
    line.pop();
    line
}

impl CatalogApi {
    /// The snapshot this API writes without its variants' lines, and with a header of
    /// comments that name nothing: what [`CatalogApi::snapshot_lines`] reads.
    fn snapshot_skeleton(&self) -> String {
        self.snapshot_layout("", "", |_, _, _| {}).to_string()
    }

    /// The lines of the snapshot this API writes, with their enums as [`enum_lines`] gives
    /// them: the `skeleton`'s, with each enum's variants after its `variants = [` line.
    fn snapshot_lines<'s>(&'s self, skeleton: &'s str) -> Vec<(Option<usize>, NewLine<'s>)> {
        let enums: Vec<&EnumApi> = self.enums.values().collect();
        // Room for every line at once: at 200k rows they are megabytes, and a vector grown by
        // doubling would take about twice that in fresh memory, copying as it goes.
        let variants: usize = enums.iter().map(|api| api.variants.len()).sum();
        let mut lines = Vec::with_capacity(skeleton.lines().count() + variants);
        for (enum_index, line) in enum_lines(skeleton, None) {
            lines.push((enum_index, NewLine::Text(line)));
            if let (Some(index), VARIANTS_START) = (enum_index, line) {
                let variants = enums[index].variants.iter();
                lines.extend(variants.map(|variant| (enum_index, NewLine::Variant(variant))));
            }
        }
        lines
    }
}

/// The line after which an enum's variants' lines come.
const VARIANTS_START: &str = "variants = [";

/// How every variant's line in the snapshot starts.
const VARIANT_LINE: &str = "    { variant = ";

/// How every enum's part of the snapshot ends, after its variants' lines.
const ENUM_END: &str = "]\n";

/// The snapshot's first lines: the `@generated` header and what the file is.
fn push_snapshot_header(out: &mut String, source: &str, command: &str) {
    out.push_str(&marker::header_line("#", source, command));
    out.push_str(
        "# The catalog's public API: the next regen refuses to remove or rename what is here.\n",
    );
}

/// The line that names an enum, under its `[[enum]]`, without its end.
fn push_name_line(out: &mut String, name: &str) {
    push_field(out, "name = ", name);
}

/// `key` (what comes before the value, `"\nmodule = "`), then `value` as a TOML string.
fn push_field(out: &mut String, key: &str, value: &str) {
    out.push_str(key);
    push_toml_string(out, value);
}

/// Where `text`, a snapshot as regen writes it, records the enum `name`: the line that names it
/// under its `[[enum]]` (`\n` or `\r\n` line endings). `None` in a snapshot laid out
/// otherwise, or without that enum.
pub fn enum_record(text: &str, name: &str) -> Option<Range<usize>> {
    let mut line = String::new();
    push_name_line(&mut line, name);
    ["[[enum]]\n", "[[enum]]\r\n"].into_iter().find_map(|header| {
        let record = format!("{header}{line}");
        let found = text.match_indices(&record).find_map(|(at, _)| {
            let ends = text[at + record.len()..].starts_with(['\n', '\r']);
            let starts_line = text[..at].is_empty() || text[..at].ends_with('\n');
            (ends && starts_line).then_some(at + header.len())
        })?;
        Some(found..found + line.len())
    })
}

/// An enum's lines before its variants': its name, module, columns, accessors, whether its
/// codes are its discriminants, their type, and where its table comes from.
fn push_enum_head(out: &mut String, name: &str, api: &EnumApi) {
    out.push_str("\n[[enum]]\n");
    push_name_line(out, name);
    push_field(out, "\nmodule = ", &api.module);
    out.push_str("\ncolumns = ");
    push_toml_array(out, &api.columns);
    out.push_str("\naccessors = ");
    push_toml_array(out, &api.accessors);
    if let Some(discriminants) = api.discriminants {
        let _ = write!(out, "\ndiscriminants = {discriminants}");
    }
    if let Some(code_type) = &api.code_type {
        push_field(out, "\ncode-type = ", code_type);
    }
    if let Some(table) = &api.table {
        push_field(out, "\ntable = { title = ", &table.title);
        push_field(out, ", url = ", &table.url);
        push_field(out, ", page = ", &table.page);
        if let Some(help) = &table.help {
            push_field(out, ", help = ", help);
        }
        out.push_str(" }");
    }
    out.push('\n');
    out.push_str(VARIANTS_START);
    out.push('\n');
}

/// A variant's line: one line per variant, so a row added to a doc adds a line.
fn push_variant_line(out: &mut String, variant: &VariantApi) {
    out.push_str(VARIANT_LINE);
    push_toml_string(out, &variant.variant);
    out.push_str(", code = ");
    push_toml_string(out, &variant.code);
    out.push_str(", name = ");
    push_toml_string(out, &variant.name);
    if variant.retired {
        out.push_str(", retired = true");
    }
    out.push_str(", cells = ");
    push_toml_array(out, &variant.cells);
    out.push_str(" },\n");
}

/// Appends `items` as a TOML array of strings, on one line.
fn push_toml_array<T: AsRef<str>>(out: &mut String, items: &[T]) {
    out.push('[');
    for (index, item) in items.iter().enumerate() {
        if index > 0 {
            out.push_str(", ");
        }
        push_toml_string(out, item.as_ref());
    }
    out.push(']');
}

/// `text` as a TOML basic string (`"..."`, escaped as [`push_toml_string`] escapes it): how a
/// diagnostic's help shows a code, name or header to paste into the manifest, where a `"`,
/// `\\` or line break of the docs, shown as it is, would not be TOML or not the same key.
pub(crate) fn toml_string(text: &str) -> String {
    let mut out = String::new();
    push_toml_string(&mut out, text);
    out
}

/// Appends `text` as a TOML basic string, by TOML's fixed escape table: `"` and `\` escaped,
/// control characters as `\t`, `\n`, `\r` or `\uXXXX`; everything else as it is. (The
/// `toml` crate's own formatting, one `Value` per string, cost more than the rest of the
/// snapshot once the snapshot kept every cell.)
fn push_toml_string(out: &mut String, text: &str) {
    out.reserve(text.len() + 2);
    out.push('"');
    if scan::is_plain(text.as_bytes()) {
        out.push_str(text);
        out.push('"');
        return;
    }
    // Bytes, not chars: every character that needs an escape is ASCII or a C1 control
    // (U+0080 to U+009F, encoded 0xC2 0x80..0x9F), so plain runs are copied whole, and
    // skipped a word at a time up to the next byte that may need one.
    let bytes = text.as_bytes();
    let mut plain = 0;
    let mut at = 0;
    while at < bytes.len() {
        at += scan::plain_run(&bytes[at..]);
        let Some(&byte) = bytes.get(at) else { break };
        if !(byte < 0x20 || byte == b'"' || byte == b'\\' || byte == 0x7F || byte == 0xC2) {
            at += 1;
            continue;
        }
        let Some(c) = text[at..].chars().next() else { break };
        let escape = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\t' => "\\t",
            '\r' => "\\r",
            c if c.is_control() => "",
            _ => {
                at += c.len_utf8();
                continue;
            }
        };
        out.push_str(&text[plain..at]);
        if escape.is_empty() {
            let _ = write!(out, "\\u{:04X}", u32::from(c));
        } else {
            out.push_str(escape);
        }
        at += c.len_utf8();
        plain = at;
    }
    out.push_str(&text[plain..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::changelog::Changelog;
    use crate::stability::{self, Break};

    fn api() -> CatalogApi {
        let variant = |v: &str, code: &str, name: &str| VariantApi {
            variant: v.into(),
            code: code.into(),
            name: name.into(),
            cells: vec![code.into(), name.into(), "a \"quoted\"\ncell".into()].into(),
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
                        code_type: Some("u16".into()),
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
    fn a_snapshot_as_regen_writes_it_is_read_a_line_at_a_time_as_it_is_read_whole() {
        // Enough variants for the lines to be parsed on every core.
        let mut large = api();
        let first = large.enums.get_mut("ErrorCode").unwrap();
        let one = first.variants[1].clone();
        first.variants = (0..5000)
            .map(|row| VariantApi {
                variant: format!("V{row}"),
                code: row.to_string(),
                ..one.clone()
            })
            .collect();
        for api in [api(), large, CatalogApi::default()] {
            let text = api.to_snapshot("docs/catalog.toml", "cargo xtask regen");
            let whole = CatalogApi::enums_whole(&text).unwrap();
            assert_eq!(CatalogApi::enums_by_line(&text), Some(whole.clone()));
            let crlf = text.replace('\n', "\r\n");
            assert_eq!(CatalogApi::enums_by_line(&crlf), Some(whole));
        }
    }

    #[test]
    fn a_snapshot_laid_out_otherwise_is_read_whole() {
        // Both enums with variants: a variant read into the wrong one would show.
        let mut two = api();
        let quoted = two.enums["ErrorCode"].variants[1].clone();
        two.enums.get_mut("Érreur").unwrap().variants = vec![quoted];
        let text = two.to_snapshot("docs/catalog.toml", "cargo xtask regen");
        let last_enum = text.rfind("[[enum]]").unwrap();
        let variant = text.lines().find(|line| line.contains("\"InputError\"")).unwrap();
        let (head, tail) = variant.split_once(", name = ").unwrap();
        let inline = format!("variants = [{}\n", variant.trim());
        let variant_inline =
            text.replace(&format!("{variant}\n"), "").replacen("variants = [\n", &inline, 1);
        for laid_out in [
            // An enum's header written otherwise.
            format!("{}[[ enum ]]{}", &text[..last_enum], &text[last_enum + 8..]),
            // A variant on two lines; with a comment after it.
            text.replace(variant, &format!("{head},\n        name = {tail}")),
            text.replace(variant, &format!("{variant} # hand-written")),
            // A variant on the `variants = [` line: its order among the others is not known.
            variant_inline,
        ] {
            assert_eq!(CatalogApi::enums_by_line(&laid_out), None, "{laid_out}");
            let whole = CatalogApi::enums_whole(&laid_out).map(|enums| enums.into_iter().collect());
            let read = CatalogApi::from_snapshot(&laid_out).map(|api| api.enums);
            assert_eq!(read, whole, "{laid_out}");
        }
        // A damaged line: the error of the whole document, which names its line.
        let damaged = text.replace(variant, &variant.replacen("code = ", "code == ", 1));
        let error = CatalogApi::from_snapshot(&damaged).unwrap_err();
        assert_eq!(error, CatalogApi::enums_whole(&damaged).unwrap_err());
        let line = damaged.lines().position(|line| line.contains("code ==")).unwrap() + 1;
        assert!(error.contains(&format!("line {line}")), "{error}");
    }

    #[test]
    fn a_snapshot_read_keeping_some_keys_has_every_head_and_only_their_variants() {
        let text = api().to_snapshot("docs/catalog.toml", "cargo xtask regen");
        let keys_cases: [&[&str]; 5] = [
            &[],
            &["1010"],
            // A name with quotes, a backslash and a line break; a code with a tab; a name of
            // control and non-ASCII characters.
            &["say \"hi\" \\ 'there'\n", "e\tf"],
            &["\u{7f}\u{85}\u{2028} \u{202e}日本"],
            // Not a whole code or name: nothing.
            &["101", "Input", "cell"],
        ];
        for keys in keys_cases {
            let mut expected = api();
            for enum_api in expected.enums.values_mut() {
                let wanted = |v: &VariantApi| keys.contains(&&*v.code) || keys.contains(&&*v.name);
                enum_api.variants.retain(wanted);
            }
            let kept = CatalogApi::from_snapshot_keeping(text.as_bytes(), keys).unwrap();
            assert_eq!(kept, expected, "{keys:?}");
        }
    }

    #[test]
    fn a_toml_string_ends_at_its_first_unescaped_quote() {
        let cases: [(&[u8], Option<usize>); 9] = [
            (b"\"\"", Some(2)),
            (b"\"ab\", x", Some(4)),
            (b"\"a\\\"b\"", Some(6)),
            (b"\"a\\\\\"b", Some(5)),
            (b"\"\\\\\\\"\"", Some(6)),
            (b"\"a", None),
            (b"\"a\\\"", None),
            (b"\"a\\", None),
            (b"a\"", None),
        ];
        for (text, expected) in cases {
            assert_eq!(toml_string_len(text), expected, "{}", String::from_utf8_lossy(text));
        }
    }

    #[test]
    fn a_variant_line_laid_out_otherwise_is_kept_to_be_parsed() {
        let text = "[[enum]]\nname = \"E\"\nvariants = [\n\
                    \x20   { variant = \"A\", name = 'One', code = '1' },\n\
                    \x20   { variant = \"B\", code = \"2\", name = \"Two\" },\n\
                    \x20   { variant = \"C\", code = \"3\", name = 'Three' },\n]\n";
        let kept = CatalogApi::from_snapshot_keeping(text.as_bytes(), &["9"]).unwrap();
        let variants: Vec<&str> = kept.enums["E"].variants.iter().map(|v| &*v.variant).collect();
        assert_eq!(variants, ["A", "C"]);
        assert!(CatalogApi::from_snapshot_keeping(&b"[[enum]\n"[..], &[]).is_err());
    }

    #[test]
    fn a_snapshot_made_on_every_core_reads_back_as_its_api() {
        // Enough variants for parts made on every core.
        let mut large = api();
        let variants = &mut large.enums.get_mut("ErrorCode").unwrap().variants;
        let one = variants[0].clone();
        *variants = (0..10_000)
            .map(|row| VariantApi { variant: format!("V{row}"), ..one.clone() })
            .collect();
        let large = Arc::new(large);
        let text = CatalogApi::snapshot_text(&large, "c", "x").to_string();
        assert_eq!(text.lines().filter(|line| is_variant(line)).count(), 10_000);
        assert_eq!(CatalogApi::from_snapshot(&text).unwrap(), *large);
        // Made whole, it is the same text.
        assert_eq!(large.to_snapshot("c", "x"), text);
        let small = Arc::new(api());
        let made = CatalogApi::snapshot_text(&small, "d/c.toml", "x").to_string();
        assert_eq!(small.to_snapshot("d/c.toml", "x"), made);
    }

    #[test]
    fn an_enum_is_found_at_the_line_that_names_it() {
        let text = api().to_snapshot("docs/catalog.toml", "cargo xtask regen");
        for name in api().enums.keys() {
            let span = enum_record(&text, name).unwrap();
            assert_eq!(&text[span], format!("name = \"{name}\""));
            let crlf = text.replace('\n', "\r\n");
            assert_eq!(&crlf[enum_record(&crlf, name).unwrap()], format!("name = \"{name}\""));
        }
        // A name that starts another's is not found in it.
        assert_eq!(enum_record(&text, "Error"), None);
        assert_eq!(enum_record("name = \"E\"\n", "E"), None, "not under an [[enum]]");
    }

    #[test]
    fn each_variant_is_one_line() {
        let text = api().to_snapshot("docs/catalog.toml", "cargo xtask regen");
        let lines: Vec<&str> = text.lines().filter(|line| line.contains("variant =")).collect();
        assert_eq!(lines.len(), 3, "{text}");
        assert!(lines[0].contains("\"InputError\""));
    }

    /// What the break gate and the changelog make of `differing`.
    fn review(differing: &Differing<'_>) -> (Vec<Break>, Changelog) {
        let breaks = stability::breaks_between(differing, &Default::default());
        let changelog = Changelog::of_differing(differing, breaks);
        (stability::breaks_between(differing, &Default::default()), changelog)
    }

    #[test]
    fn read_beside_the_new_snapshot_the_old_api_reviews_as_when_read_alone() {
        let edit = |change: &dyn Fn(&mut EnumApi)| {
            let mut api = api();
            change(api.enums.get_mut("ErrorCode").unwrap());
            api
        };
        let variant = |name: &str, code: &str| VariantApi {
            variant: name.into(),
            code: code.into(),
            name: name.into(),
            cells: vec![code.into(), name.into(), "x".into()].into(),
            retired: false,
        };
        // Rows in the second enum too: lines after a change are matched where they moved to.
        let two = |change: &dyn Fn(&mut EnumApi, &mut EnumApi)| {
            let mut api = api();
            let mut other = api.enums.remove("Érreur").unwrap();
            other.variants = vec![variant("A", "1"), variant("B", "2"), variant("C", "3")];
            change(api.enums.get_mut("ErrorCode").unwrap(), &mut other);
            api.enums.insert("Érreur".to_owned(), other);
            api
        };
        let cases = [
            two(&|_, _| {}),
            two(&|first, _| std::sync::Arc::make_mut(&mut first.variants[1].cells)[2] = "y".into()),
            two(&|_, other| std::sync::Arc::make_mut(&mut other.variants[2].cells)[2] = "y".into()),
            two(&|first, other| {
                first.variants.push(variant("Added", "7"));
                other.variants[1].name = "b".into();
            }),
            two(&|first, other| {
                first.variants.remove(0);
                other.variants.remove(0);
            }),
            api(),
            edit(&|e| {
                std::sync::Arc::make_mut(&mut e.variants[1].cells)[2] = "another \"text\"".into()
            }),
            edit(&|e| e.variants.push(variant("Added", "7"))),
            edit(&|e| e.variants.insert(0, variant("First", "0"))),
            edit(&|e| drop(e.variants.remove(1))),
            edit(&|e| e.variants[0].variant = "InputError1010".into()),
            edit(&|e| e.variants[0].name = "Input error".into()),
            edit(&|e| e.variants[0].code = "1011".into()),
            edit(&|e| e.variants[2].retired = true),
            edit(&|e| e.variants.reverse()),
            edit(&|e| e.columns[2] = "Kind".into()),
            edit(&|e| e.discriminants = Some(false)),
            edit(&|e| e.accessors.pop().map(drop).unwrap_or(())),
            CatalogApi::default(),
            // Rows that share a code: a pin is keyed by the name of a row removed or renamed.
            two(&|_, other| other.variants[2].code = "1".into()),
            two(&|_, other| drop(other.variants.remove(0))),
            two(&|_, other| {
                other.variants[2].code = "1".into();
                other.variants[0].variant = "A1".into();
            }),
            // A code that a row both have names: a pin is keyed by the removed row's name.
            two(&|_, other| other.variants[1].name = "3".into()),
            two(&|_, other| {
                other.variants[1].name = "3".into();
                other.variants.remove(2);
            }),
            // A row added with a code a row both have had alone: rows now share it.
            two(&|_, other| other.variants.push(variant("D", "1"))),
            two(&|first, other| {
                first.variants.push(variant("Added", "1010"));
                other.variants.push(variant("D", "01"));
            }),
            // A row added with a name a row both have had alone: rows now share it.
            two(&|_, other| {
                other.variants.push(VariantApi { name: "B".into(), ..variant("B9", "9") })
            }),
            two(&|first, other| {
                first
                    .variants
                    .push(VariantApi { name: "Input Error".into(), ..variant("Added", "7") });
                other.variants[2].name = "A".into();
            }),
            // A code written otherwise; a row added with a code a row has, written otherwise
            // (`0x3F2` is `1010`).
            edit(&|e| e.variants[0].code = "01010".into()),
            edit(&|e| e.variants.push(variant("Added", "0x3F2"))),
            // Rows in another order, edited or not; where codes are not the discriminants,
            // the derived `Ord` follows the page.
            two(&|_, other| other.variants.swap(0, 2)),
            two(&|_, other| {
                other.variants.swap(0, 1);
                std::sync::Arc::make_mut(&mut other.variants[0].cells)[2] = "y".into();
            }),
            edit(&|e| e.variants.rotate_left(1)),
            edit(&|e| {
                e.discriminants = Some(false);
                e.variants.rotate_right(1);
            }),
            // A removed row's code that new rows took: it is retired by its name.
            two(&|_, other| {
                other.variants.remove(2);
                other.variants.extend([variant("D", "3"), variant("E", "3")]);
            }),
        ];
        // A snapshot edited by hand that names a variant twice.
        let mut twice = cases[0].clone();
        let first = &mut twice.enums.get_mut("Érreur").unwrap().variants;
        first.push(VariantApi { code: "9".into(), ..first[0].clone() });
        for old in cases.iter().chain([&twice]) {
            for new in &cases {
                let old_text = old.to_snapshot("d/c.toml", "x");
                let new_text = new.to_snapshot("d/c.toml", "x");
                let full = CatalogApi::from_snapshot(&old_text).unwrap();
                let expected = review(&Differing::whole(full.clone(), new));
                assert_eq!(expected.0, stability::breaks(&full, new));
                let beside =
                    CatalogApi::from_snapshot_beside(io::Cursor::new(&old_text), new).unwrap();
                assert_eq!(review(&beside), expected, "{old_text}\n{new_text}");
                // Beside the API whose row it names twice, neither line says which one the
                // new row is: both APIs are whole.
                if std::ptr::eq(old, &twice) && std::ptr::eq(new, &cases[0]) {
                    assert_eq!(beside, Differing::whole(full.clone(), new));
                }
                // Beside the new snapshot as written; one whose header has a line more than
                // the one `new` makes is not line for line its snapshot.
                for written in [new_text.clone(), new.to_snapshot("d/\nc.toml", "x")] {
                    let read = CatalogApi::from_snapshot_beside_written(
                        io::Cursor::new(&old_text),
                        new,
                        io::Cursor::new(&written),
                    );
                    assert_eq!(review(&read.unwrap()), expected, "{old_text}\n{written}");
                }
            }
        }
        // A written snapshot that cannot be read leaves the lines to be made.
        struct Unreadable;
        impl Read for Unreadable {
            fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
                Err(io::ErrorKind::Other.into())
            }
        }
        impl Seek for Unreadable {
            fn seek(&mut self, _: io::SeekFrom) -> io::Result<u64> {
                Ok(1)
            }
        }
        let old_text = cases[0].to_snapshot("c", "x");
        let read = CatalogApi::from_snapshot_beside_written(
            io::Cursor::new(&old_text),
            &cases[1],
            Unreadable,
        );
        let made = CatalogApi::from_snapshot_beside(io::Cursor::new(&old_text), &cases[1]);
        assert_eq!(read.unwrap(), made.unwrap());
        // The written snapshot stands for the lines made only where it has as many.
        let mut old = TwoEnds::new(io::Cursor::new(cases[0].to_snapshot("c", "x"))).unwrap();
        let skeleton = cases[1].snapshot_skeleton();
        let lines = cases[1].snapshot_lines(&skeleton);
        for (header, line_for_line) in [("c", true), ("d/\nc.toml", false)] {
            let written = io::Cursor::new(cases[1].to_snapshot(header, "x"));
            let ends = ends_beside_written(&mut old, &lines, written).unwrap();
            assert_eq!(ends.is_some(), line_for_line, "{header:?}");
        }
        // One cell changed: only its row is kept, on either side, with every enum's head.
        let old = cases[0].to_snapshot("c", "x");
        let beside = CatalogApi::from_snapshot_beside(io::Cursor::new(&old), &cases[1]).unwrap();
        let rows = |api: &CatalogApi| -> Vec<(String, Vec<String>)> {
            let names = |e: &EnumApi| e.variants.iter().map(|v| v.variant.clone()).collect();
            api.enums.iter().map(|(name, e)| (name.clone(), names(e))).collect()
        };
        let changed = cases[1].enums["ErrorCode"].variants[1].variant.clone();
        let expected = vec![("ErrorCode".to_owned(), vec![changed]), ("Érreur".into(), vec![])];
        assert_eq!((rows(&beside.old), rows(&beside.new)), (expected.clone(), expected));
        let heads = |api: &CatalogApi| api.enums.values().map(EnumApi::head).collect::<Vec<_>>();
        assert_eq!(heads(&beside.old), heads(&cases[1]));
        assert_eq!(
            beside.old.enums["ErrorCode"].variants,
            [cases[0].enums["ErrorCode"].variants[1].clone()]
        );
    }
}
