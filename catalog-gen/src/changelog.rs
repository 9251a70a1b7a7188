//! What a docs update changes for a catalog's users, and the release it needs: computed data to
//! data from the checked-in API snapshot and the new API (variants, codes, names and every
//! cell), never from a diff of Rust files.
//!
//! The semver class follows one rule ([`Semver`]): a variant, accessor or enum removed, a
//! variant or enum renamed (no pin kept its name), a variant's code changed (an integer code
//! written otherwise is text), an enum moved to another module, codes of another type, a code
//! or a name that one row had alone and rows now share, codes no longer the discriminants
//! (`E::X as u16` changes), or variants the derived `Ord` sorts otherwise (rows in another
//! order where it follows the page, as the `order` module says) → major; a variant, accessor
//! or enum added, a row retired or un-retired, a name cell changed (`from_name` and
//! name-based serde see it), codes made the discriminants, or another help column (`help()`)
//! → minor; rows in another order that only `E::ALL` follows, columns in another order,
//! headers written otherwise, the table's title, URL or source page, and any other text →
//! patch. Where an enum's generated module is written otherwise and none of these explains it
//! (the page's prose, or links, formatting or anchors in cells, which the snapshot does not
//! record; or the manifest's `layout`, or another catalog-gen), its documentation or code
//! changed → patch: that a module's file changed is all `regen` tells the changelog of the
//! Rust files ([`Changelog::note_rewritten_modules`]).

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::api::{CatalogApi, Differing, EnumApi};
use crate::stability::{self, Break};

mod compare;
mod file;
mod lines;
pub(crate) mod order;

use compare::compare;
use lines::{KIND_HEADINGS, Kind, lines};

/// The release a docs update needs, by the rule in the module docs. Ordered: `Major` is the
/// largest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Semver {
    /// Nothing a user sees changed.
    None,
    /// Documented text only.
    Patch,
    /// Additions, retirements, changed names.
    Minor,
    /// Removals, renames, changed codes.
    Major,
}

impl Semver {
    /// `major`, `minor`, `patch` or `none`.
    pub fn as_str(self) -> &'static str {
        match self {
            Semver::None => "none",
            Semver::Patch => "patch",
            Semver::Minor => "minor",
            Semver::Major => "major",
        }
    }

    /// Why, in a few words.
    fn reason(self) -> &'static str {
        match self {
            Semver::None => "nothing users see changed",
            Semver::Patch => "documented text or the rows' order changed",
            Semver::Minor => {
                "rows or columns added, retired, un-retired or crossed out, or names or the help \
                 column changed"
            }
            Semver::Major => {
                "rows, columns or enums removed or renamed, codes changed, or variants sorted \
                 otherwise"
            }
        }
    }
}

/// A variant and its code as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The variant.
    pub variant: String,
    /// The code as the doc writes it.
    pub code: String,
}

/// Every change to one enum.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EnumChanges {
    /// The enum.
    pub name: String,
    /// Its module.
    pub module: String,
    /// The enum is new.
    pub added_enum: bool,
    /// The enum is gone.
    pub removed_enum: bool,
    /// Rows added.
    pub added: Vec<Row>,
    /// Rows gone.
    pub removed: Vec<Row>,
    /// Rows retired: no longer in the docs, kept.
    pub retired: Vec<Row>,
    /// Retired rows the docs have again.
    pub unretired: Vec<Row>,
    /// Rows whose code the docs cross out now (`~~0x06~~`): deprecated, still found.
    pub crossed_out: Vec<Row>,
    /// Rows whose code the docs crossed out and no longer do: no longer deprecated.
    pub uncrossed: Vec<Row>,
    /// Variants renamed: the old name, and the row under its new name.
    pub renamed: Vec<(String, Row)>,
    /// Variants whose code changed: the row, and its old code.
    pub recoded: Vec<(Row, String)>,
    /// Variants whose integer code the docs write otherwise (`0400` for `400`): the row, and
    /// how the code was written. `code()` and `from_code` are the same; `Display` shows it.
    pub rewritten: Vec<(Row, String)>,
    /// Codes that one row had alone and rows now share, as the new API writes them:
    /// `from_code` finds none of their rows any more, and serde writes them by name, so a
    /// value written by code before no longer reads back.
    pub newly_shared: Vec<String>,
    /// Names that one row had alone and rows now share, as the new API writes them:
    /// `from_name` and `FromStr` find none of their rows any more.
    pub newly_shared_names: Vec<String>,
    /// Name cells changed: the row, the old name and the new.
    pub names: Vec<(Row, String, String)>,
    /// Other cells changed, per column: how the changelog names it
    /// ([`model::column_label`](crate::model::column_label)), and the variants whose cell changed.
    pub text: Vec<(String, Vec<String>)>,
    /// Accessors added.
    pub added_accessors: Vec<String>,
    /// Accessors gone.
    pub removed_accessors: Vec<String>,
    /// The codes were the discriminants and are no longer (`E::X as u16` changes).
    pub dropped_discriminants: bool,
    /// The codes are now the discriminants.
    pub added_discriminants: bool,
    /// The enum's name before, where it was renamed.
    pub renamed_from: Option<String>,
    /// The module the enum was in, where it moved to another.
    pub moved_from: Option<String>,
    /// The type the codes had and the type they have now, where it changed.
    pub code_type_changed: Option<(String, String)>,
    /// The base the codes were read in and the base they are now (`key-radix`), where it
    /// changed and a code reads as another number.
    pub code_radix_changed: Option<(u32, u32)>,
    /// Variants the page put in another order among the rows both APIs have (the fewest that
    /// moved, in the new order): `E::ALL` lists them so, and where codes are not the
    /// discriminants, the derived `Ord` follows it.
    pub reordered: Vec<String>,
    /// The table's title, before and now, where it changed (`TABLE.title`).
    pub title_changed: Option<(String, String)>,
    /// The published page's URL, before and now, where it changed (`url()`, `TABLE.url`).
    pub url_changed: Option<(String, String)>,
    /// The source page's path, before and now, where it changed (`TABLE.source`).
    pub page_moved: Option<(String, String)>,
    /// The header of the column `help()` answers from, before and now, where it changed
    /// (`None`: no help column).
    pub help_changed: Option<(Option<String>, Option<String>)>,
    /// Headers written otherwise (re-cased, or renamed where a pin kept the accessor): as
    /// before, and now (`TABLE.headers`).
    pub headers_rewritten: Vec<(String, String)>,
    /// The columns are the same but in another order (`TABLE.headers`, `Entry`'s cells).
    pub columns_reordered: bool,
    /// The derived `Ord` orders two variants both APIs have otherwise than before (rows in
    /// another order where codes are not the discriminants, or codes that became or stopped
    /// being the discriminants, where the page's order is not the codes'): code that sorts
    /// variants sees another order.
    pub sorts_otherwise: bool,
    /// The enum's module is written otherwise while nothing above changed: its rustdoc (the
    /// page's prose, or links, formatting or anchors in cells, which the snapshot does not
    /// record), its `layout`, or what another catalog-gen writes
    /// ([`Changelog::note_rewritten_modules`]).
    pub documentation_changed: bool,
}

impl EnumChanges {
    /// The release this enum's changes need.
    pub fn semver(&self) -> Semver {
        if self.removed_enum
            || !self.removed.is_empty()
            || !self.renamed.is_empty()
            || !self.recoded.is_empty()
            || !self.newly_shared.is_empty()
            || !self.newly_shared_names.is_empty()
            || !self.removed_accessors.is_empty()
            || self.dropped_discriminants
            || self.moved_from.is_some()
            || self.renamed_from.is_some()
            || self.code_type_changed.is_some()
            || self.code_radix_changed.is_some()
            || self.sorts_otherwise
        {
            Semver::Major
        } else if self.added_enum
            || !self.added.is_empty()
            || !self.retired.is_empty()
            || !self.unretired.is_empty()
            || !self.crossed_out.is_empty()
            || !self.uncrossed.is_empty()
            || !self.names.is_empty()
            || !self.added_accessors.is_empty()
            || self.added_discriminants
            || self.help_changed.is_some()
        {
            Semver::Minor
        } else if !self.text.is_empty()
            || !self.rewritten.is_empty()
            || !self.reordered.is_empty()
            || self.title_changed.is_some()
            || self.url_changed.is_some()
            || self.page_moved.is_some()
            || self.columns_reordered
            || !self.headers_rewritten.is_empty()
            || self.documentation_changed
        {
            Semver::Patch
        } else {
            Semver::None
        }
    }

    fn path(&self) -> String {
        if self.module.is_empty() {
            self.name.clone()
        } else {
            format!("{}::{}", self.module, self.name)
        }
    }
}

/// What a docs update changes for users, enum by enum in name order (only enums that change).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changelog {
    /// The enums that change.
    pub enums: Vec<EnumChanges>,
}

impl Changelog {
    /// The changes from `old` (the checked-in snapshot; `None` for a new catalog, whose every
    /// enum is added) to `new`.
    pub fn between(old: Option<&CatalogApi>, new: &CatalogApi) -> Changelog {
        let breaks = old.map(|old| stability::breaks(old, new)).unwrap_or_default();
        Changelog::with_breaks(old, new, breaks)
    }

    /// As [`between`](Changelog::between), given the [breaks](stability::breaks) from `old` to
    /// `new`, which `regen`'s gate has already found.
    pub fn with_breaks(
        old: Option<&CatalogApi>,
        new: &CatalogApi,
        breaks: Vec<Break>,
    ) -> Changelog {
        Changelog::build(old, new, &BTreeMap::new(), None, breaks)
    }

    /// As [`with_breaks`](Changelog::with_breaks), from two APIs as far as they differ
    /// ([`Differing`], with [`stability::breaks_between`]): the rows both have change nothing
    /// in a changelog but which codes and names rows share, which its `shared_rows` say, and
    /// where rows moved, which its `moved` says, so it is the same as the whole APIs'.
    pub fn of_differing(differing: &Differing<'_>, breaks: Vec<Break>) -> Changelog {
        let (old, new) = (Some(&differing.old), &*differing.new);
        Changelog::build(old, new, &differing.shared_rows, differing.moved.as_ref(), breaks)
    }

    /// The changelog from `old` to `new`, given the `breaks` between them; where these are
    /// APIs as far as they differ, their `shared_rows` and `moved` ([`Differing`]).
    fn build(
        old: Option<&CatalogApi>,
        new: &CatalogApi,
        shared_rows: &BTreeMap<String, Vec<(String, String)>>,
        moved: Option<&BTreeMap<String, Vec<String>>>,
        breaks: Vec<Break>,
    ) -> Changelog {
        let empty = CatalogApi::default();
        let old = old.unwrap_or(&empty);
        let mut changes: BTreeMap<String, EnumChanges> = BTreeMap::new();
        // The changes of the enum `name`, whose API (old or new) gives its module.
        fn of<'c>(
            changes: &'c mut BTreeMap<String, EnumChanges>,
            name: &str,
            api: Option<&EnumApi>,
        ) -> &'c mut EnumChanges {
            changes.entry(name.to_owned()).or_insert_with(|| EnumChanges {
                name: name.to_owned(),
                module: api.map(|api| api.module.clone()).unwrap_or_default(),
                ..EnumChanges::default()
            })
        }
        for found in breaks {
            match found {
                Break::RenamedEnum { enum_name: was, new: renamed } => {
                    of(&mut changes, &renamed, new.enums.get(&renamed)).renamed_from = Some(was);
                }
                Break::RemovedEnum { enum_name, .. } => {
                    of(&mut changes, &enum_name, old.enums.get(&enum_name)).removed_enum = true;
                }
                Break::RemovedVariant { enum_name, old: variant, code, .. } => {
                    let row = Row { variant, code };
                    of(&mut changes, &enum_name, old.enums.get(&enum_name)).removed.push(row);
                }
                Break::RenamedVariant { enum_name, old: variant, new: renamed, code, .. } => {
                    let row = Row { variant: renamed, code };
                    let api = new.enums.get(&enum_name);
                    of(&mut changes, &enum_name, api).renamed.push((variant, row));
                }
                Break::DroppedDiscriminants { enum_name, .. } => {
                    of(&mut changes, &enum_name, new.enums.get(&enum_name)).dropped_discriminants =
                        true;
                }
                Break::ChangedCodeType { enum_name, old: was, new: now } => {
                    of(&mut changes, &enum_name, new.enums.get(&enum_name)).code_type_changed =
                        Some((was, now));
                }
                Break::ChangedCodeRadix { enum_name, old: was, new: now, .. } => {
                    of(&mut changes, &enum_name, new.enums.get(&enum_name)).code_radix_changed =
                        Some((was, now));
                }
                Break::MovedEnum { enum_name, old: module, .. } => {
                    of(&mut changes, &enum_name, new.enums.get(&enum_name)).moved_from =
                        Some(module);
                }
                // A method renamed is one removed, and the new one added (`compare`).
                Break::RemovedMethod { enum_name, old: method, .. }
                | Break::RenamedMethod { enum_name, old: method, .. } => {
                    of(&mut changes, &enum_name, old.enums.get(&enum_name))
                        .removed_accessors
                        .push(method);
                }
            }
        }
        for (name, new_api) in &new.enums {
            let change = of(&mut changes, name, Some(new_api));
            match old.enums.get(name) {
                None => change.added_enum = change.renamed_from.is_none(),
                Some(old_api) => {
                    let both = shared_rows.get(name).map_or(&[][..], Vec::as_slice);
                    let moved = moved.map(|moved| moved.get(name).map_or(&[][..], Vec::as_slice));
                    compare(old_api, new_api, (both, moved), change);
                }
            }
        }
        let enums = changes.into_values().filter(|change| change.semver() != Semver::None);
        Changelog { enums: enums.collect() }
    }

    /// The release the whole update needs: the largest of its enums'.
    pub fn semver(&self) -> Semver {
        self.enums.iter().map(EnumChanges::semver).max().unwrap_or(Semver::None)
    }

    /// Adds, for each enum of `api` (the new one) whose module is `rewritten` (its generated
    /// file written otherwise) and that has no other change, that its documentation or code
    /// changed: so that a regen that rewrites a module never reports nothing, nor needs no
    /// release. A module's file holds, besides what the snapshot records, the page's prose and
    /// the cells' Markdown (links, formatting), which it does not. Where `written_otherwise`
    /// (the module, the enum) tells which of a module's enums its file writes otherwise (its
    /// part of the file, or the module's docs), only those are added; where it tells of none,
    /// and no enum of the module has another change, all of them.
    pub fn note_rewritten_modules(
        &mut self,
        rewritten: impl Fn(&str) -> bool,
        written_otherwise: impl Fn(&str, &str) -> bool,
        api: &CatalogApi,
    ) {
        let explained = |name: &str| self.enums.iter().any(|change| change.name == name);
        let unexplained: Vec<(&String, &EnumApi)> = (api.enums.iter())
            .filter(|(name, api)| rewritten(&api.module) && !explained(name))
            .collect();
        // Whether the module tells the rewrite apart: an enum changed, or its part written
        // otherwise.
        let told = |module: &str| {
            let mut enums = api.enums.iter().filter(|(_, api)| api.module == module);
            enums.any(|(name, _)| explained(name) || written_otherwise(module, name))
        };
        let noted: Vec<EnumChanges> = unexplained
            .into_iter()
            .filter(|(name, api)| written_otherwise(&api.module, name) || !told(&api.module))
            .map(|(name, api)| EnumChanges {
                name: name.clone(),
                module: api.module.clone(),
                documentation_changed: true,
                ..EnumChanges::default()
            })
            .collect();
        if !noted.is_empty() {
            self.enums.extend(noted);
            self.enums.sort_by(|a, b| a.name.cmp(&b.name));
        }
    }

    /// Whether users see no change.
    pub fn is_empty(&self) -> bool {
        self.enums.is_empty()
    }

    /// The summary `regen` prints: the semver class, then each enum's changes.
    pub fn summary(&self) -> String {
        let semver = self.semver();
        let mut out = format!("changes for users: {} ({})\n", semver.as_str(), semver.reason());
        for change in &self.enums {
            let _ = writeln!(out, "  {} ({})", change.path(), change.semver().as_str());
            for line in lines(change) {
                let _ = writeln!(out, "    {}", line.text);
            }
        }
        out
    }

    /// The same as a Markdown section in the style of Keep a Changelog: `## [Unreleased]`
    /// (with ` - <date>` where a date is given), the release it needs, then `Added`, `Changed`,
    /// `Deprecated` and `Removed`. Deterministic: no date unless given.
    pub fn markdown(&self, date: Option<&str>) -> String {
        let mut out = String::from("## [Unreleased]");
        if let Some(date) = date {
            let _ = write!(out, " - {date}");
        }
        let _ = writeln!(out, "\n\n{}", self.release_line());
        for (heading, items) in self.entries() {
            if !items.is_empty() {
                let _ = writeln!(out, "\n### {heading}\n\n{}", items.join("\n"));
            }
        }
        out
    }

    /// A changelog file's `text` with this update in it, in the style of Keep a Changelog: its
    /// entries join the file's `## [Unreleased]` section where its first `## ` section is one
    /// (so that the docs updates before a release make one section, whose release line names
    /// the largest release any of them needs; an entry the section has word for word is not
    /// added again); otherwise [`markdown`](Changelog::markdown)'s
    /// section goes before the first `## ` section. Nothing the file has is
    /// removed, but a release line an earlier update wrote, where this one needs a larger
    /// release.
    pub fn add_to(&self, text: &str, date: Option<&str>) -> String {
        let section = self.markdown(date);
        let release_line = self.release_line();
        let update = file::Update {
            section: &section,
            semver: self.semver(),
            release_line: &release_line,
            entries: self.entries(),
        };
        file::add(text, &update)
    }

    /// The line that gives the release the update needs.
    fn release_line(&self) -> String {
        let semver = self.semver();
        format!("{}{}** release ({}).", file::RELEASE_LINE, semver.as_str(), semver.reason())
    }

    /// The entries of the update as Markdown list items, by the heading of their kind, in
    /// Keep a Changelog's order.
    fn entries(&self) -> Vec<(&'static str, Vec<String>)> {
        let kinds = [Kind::Added, Kind::Changed, Kind::Deprecated, Kind::Removed];
        kinds
            .into_iter()
            .map(|kind| {
                let items = self.enums.iter().flat_map(|change| {
                    lines(change)
                        .into_iter()
                        .filter(move |line| line.kind == kind)
                        .map(move |line| format!("- `{}`: {}", change.path(), line.markdown))
                });
                (kind.heading(), items.collect())
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::VariantApi;

    fn api(variants: &[(&str, &str, &str, &str, bool)]) -> CatalogApi {
        let variants = variants
            .iter()
            .map(|(variant, code, name, details, retired)| VariantApi {
                variant: (*variant).into(),
                code: (*code).into(),
                name: (*name).into(),
                cells: vec![(*code).into(), (*name).into(), (*details).into()].into(),
                retired: *retired,
                crossed_out: false,
            })
            .collect();
        let columns = vec!["Code".into(), "Name".into(), "Details".into()];
        let api = EnumApi {
            module: "m".into(),
            columns,
            accessors: vec!["details".into()],
            variants,
            discriminants: None,
            code_type: None,
            code_radix: None,
            table: None,
        };
        CatalogApi { enums: BTreeMap::from([("E".to_owned(), api)]) }
    }

    const A: (&str, &str, &str, &str, bool) = ("A", "1", "A", "a", false);

    /// A code of several lines (a cell of a code and its value, one a line) is one line of the
    /// terminal's summary, as it is one line of Markdown: it broke the change's line.
    #[test]
    fn codes_of_several_lines_are_written_on_the_line_of_their_change() {
        let before = api(&[("A", "E_A\n0x1", "A", "a", false), ("B", "E_B\n0x2", "B", "b", false)]);
        let after = api(&[("A", "E_A\n0x3", "A", "a", false), ("C", "E_C\n0x4", "C", "c", false)]);
        let summary = Changelog::between(Some(&before), &after).summary();
        assert!(summary.contains("code changed: A (E_A 0x3) was E_A 0x1\n"), "{summary}");
        assert!(summary.contains("added: C (E_C 0x4)\n"), "{summary}");
    }

    /// A row whose code the page crosses out is deprecated: the changelog says so, a minor
    /// release, and says so again when the page no longer crosses it out. A retired row is
    /// deprecated as such, crossed out or not.
    #[test]
    fn a_row_crossed_out_or_no_longer_is_a_minor_release() {
        let plain = api(&[A, ("B", "2", "B", "b", false)]);
        let mut crossed = plain.clone();
        crossed.enums.get_mut("E").unwrap().variants[1].crossed_out = true;
        let changes = Changelog::between(Some(&plain), &crossed);
        assert_eq!(changes.semver(), Semver::Minor);
        let summary = changes.summary();
        assert!(
            summary.contains("    crossed out: B (2) (deprecated, still found)\n"),
            "{summary}"
        );
        let changes = Changelog::between(Some(&crossed), &plain);
        assert_eq!(changes.semver(), Semver::Minor);
        let summary = changes.summary();
        assert!(summary.contains("    no longer crossed out: B (2) (no longer deprecated)\n"));
        let mut retired = crossed.clone();
        retired.enums.get_mut("E").unwrap().variants[1].retired = true;
        let summary = Changelog::between(Some(&crossed), &retired).summary();
        assert!(
            summary.contains("retired: B (2)") && !summary.contains("crossed out: B"),
            "{summary}"
        );
    }

    /// A module written otherwise gets a documentation line for each of its enums that has no
    /// other change and whose part of the file (or the module's docs) is written otherwise;
    /// where no part is told, for each of them; enums of other modules get none.
    #[test]
    fn a_rewritten_module_documents_its_enums_that_nothing_else_explains() {
        let one = api(&[A]);
        let mut new = CatalogApi::default();
        for (name, module) in [("B", "m"), ("C", "m"), ("D", "n"), ("E", "m"), ("F", "o")] {
            let mut enum_api = one.enums["E"].clone();
            enum_api.module = module.into();
            new.enums.insert(name.into(), enum_api);
        }
        let mut old = new.clone();
        old.enums.get_mut("C").unwrap().variants[0].cells =
            vec!["1".into(), "A".into(), "x".into()].into();
        let documented = |parts: &dyn Fn(&str, &str) -> bool| {
            let mut changes = Changelog::between(Some(&old), &new);
            assert_eq!(changes.semver(), Semver::Patch, "C's details changed");
            changes.note_rewritten_modules(|module| module != "n", parts, &new);
            let documented: Vec<(String, bool)> = (changes.enums.iter())
                .map(|change| (change.name.clone(), change.documentation_changed))
                .collect();
            (documented, changes.summary())
        };
        let names = |list: &[(&str, bool)]| -> Vec<(String, bool)> {
            list.iter().map(|(name, documented)| ((*name).to_owned(), *documented)).collect()
        };
        // B's part was written otherwise; E's was not, and C's change explains the rest. No
        // part of `o`'s is told: its one enum is noted, so that its rewrite is reported.
        let (found, summary) = documented(&|_, name| name == "B");
        assert_eq!(found, names(&[("B", true), ("C", false), ("F", true)]));
        assert!(summary.contains("  m::B (patch)\n    documentation or code changed, not"));
        // No part told (it could not be read): every enum of the module, as before.
        let (found, _) = documented(&|_, _| true);
        assert_eq!(found, names(&[("B", true), ("C", false), ("E", true), ("F", true)]));
        // No part told anywhere: `m`'s rewrite is C's change, `o`'s is F's.
        let (found, _) = documented(&|_, _| false);
        assert_eq!(found, names(&[("C", false), ("F", true)]));
    }

    #[test]
    fn each_kind_of_change_gets_its_semver_class() {
        let before = api(&[A, ("B", "2", "B", "b", false)]);
        let class = |after: CatalogApi| Changelog::between(Some(&before), &after).semver();
        assert_eq!(class(before.clone()), Semver::None);
        assert_eq!(class(api(&[A, ("B", "2", "B", "b!", false)])), Semver::Patch);
        assert_eq!(class(api(&[A, ("B", "2", "b", "b", false)])), Semver::Minor);
        assert_eq!(class(api(&[A, ("B", "2", "B", "b", true)])), Semver::Minor);
        assert_eq!(
            class(api(&[A, ("B", "2", "B", "b", false), ("C", "3", "C", "c", false)])),
            Semver::Minor
        );
        assert_eq!(class(api(&[A])), Semver::Major);
        assert_eq!(class(api(&[A, ("Bee", "2", "Bee", "b", false)])), Semver::Major);
        assert_eq!(class(api(&[A, ("B", "7", "B", "b", false)])), Semver::Major);
        assert_eq!(class(CatalogApi::default()), Semver::Major);
        assert_eq!(Changelog::between(None, &before).semver(), Semver::Minor);
        let discriminants = |api: &CatalogApi, value| {
            let mut api = api.clone();
            api.enums.values_mut().for_each(|table| table.discriminants = Some(value));
            api
        };
        let (with, without) = (discriminants(&before, true), discriminants(&before, false));
        assert_eq!(Changelog::between(Some(&with), &without).semver(), Semver::Major);
        assert_eq!(Changelog::between(Some(&without), &with).semver(), Semver::Minor);
        assert!(Changelog::between(Some(&with), &without).summary().contains("no longer"));
    }

    #[test]
    fn a_code_rows_come_to_share_is_major_and_one_written_otherwise_a_patch() {
        let integer = |mut api: CatalogApi| {
            api.enums.values_mut().for_each(|table| table.code_type = Some("u16".into()));
            api
        };
        let before = integer(api(&[A, ("B", "2", "B", "b", false)]));
        let changes = |after| Changelog::between(Some(&before), &integer(after));
        // `C` shares `A`'s code: `from_code(1)` no longer finds `A`.
        let shared = changes(api(&[A, ("B", "2", "B", "b", false), ("C", "1", "C", "c", false)]));
        assert_eq!(shared.semver(), Semver::Major);
        assert_eq!(shared.enums[0].newly_shared, ["1"]);
        assert!(shared.summary().contains("code 1 now shared"), "{}", shared.summary());
        // A retired row is found by its code too: a row that takes it shares it.
        let retired = api(&[("A", "1", "A", "a", true), ("B", "2", "B", "b", false)]);
        let before_retired = integer(retired.clone());
        let mut taken = retired;
        let row = ("C", "1", "C", "c", false);
        taken.enums.get_mut("E").unwrap().variants.push(api(&[row]).enums["E"].variants[0].clone());
        let taken = Changelog::between(Some(&before_retired), &integer(taken));
        assert_eq!(taken.enums[0].newly_shared, ["1"]);
        // Two new rows of a new code, and rows that shared a code already, change no lookup.
        let new_code = [("C", "3", "C", "c", false), ("D", "3", "D", "d", false)];
        let added = changes(api(&[A, ("B", "2", "B", "b", false), new_code[0], new_code[1]]));
        assert_eq!(added.semver(), Semver::Minor);
        // `01` is `1` where codes are integers: `Display` shows it, lookups do not change.
        let rewritten = changes(api(&[("A", "01", "A", "a", false), ("B", "2", "B", "b", false)]));
        assert_eq!(rewritten.semver(), Semver::Patch);
        assert!(rewritten.summary().contains("code written otherwise: A (01) was written 1"));
        // Where codes are strings, `01` is another code.
        let text = Changelog::between(Some(&api(&[A])), &api(&[("A", "01", "A", "a", false)]));
        assert_eq!(text.semver(), Semver::Major);
    }

    #[test]
    fn rows_in_another_order_are_major_where_ord_follows_the_page() {
        let with = |discriminants, rows: &[(&str, &str, &str, &str, bool)]| {
            let mut api = api(rows);
            api.enums.values_mut().for_each(|table| table.discriminants = Some(discriminants));
            api
        };
        let (a, b, c) = (A, ("B", "2", "B", "b", false), ("C", "3", "C", "c", false));
        let changes = |discriminants, after: &[_], before: bool| {
            Changelog::between(Some(&with(before, &[a, b, c])), &with(discriminants, after))
        };
        let by_page = changes(false, &[b, c, a], false);
        assert_eq!(by_page.semver(), Semver::Major);
        assert_eq!(by_page.enums[0].reordered, ["A"]);
        let summary = by_page.summary();
        assert!(
            summary.contains("reordered: A (ALL and Ord follow the page's order)"),
            "{summary}"
        );
        assert!(by_page.markdown(None).contains("`A` moved in the page's order, which `ALL` and"));
        // Where codes are the discriminants, `Ord` follows them: only `ALL` changes.
        let by_code = changes(true, &[b, c, a], true);
        assert_eq!(by_code.semver(), Semver::Patch);
        assert!(by_code.summary().contains("reordered in ALL: A"), "{}", by_code.summary());
        // Codes made the discriminants where the page's order is not the codes': `Ord` changes.
        let made = Changelog::between(Some(&with(false, &[b, a, c])), &with(true, &[b, a, c]));
        assert_eq!(made.semver(), Semver::Major);
        assert!(made.summary().contains("`Ord` sorts by code, not in the page's order"));
        // In the codes' order, it does not: a minor release as before.
        assert_eq!(changes(true, &[a, b, c], false).semver(), Semver::Minor);
        // A retired row's variant follows the page's rows: part of its retirement.
        let retired = changes(false, &[a, c, ("B", "2", "B", "b", true)], false);
        assert_eq!(retired.semver(), Semver::Minor);
    }

    #[test]
    fn a_name_rows_come_to_share_is_major() {
        let before = api(&[A, ("B", "2", "B", "b", false)]);
        // `A1` is named as `A` is: `from_name("A")` no longer finds `A`.
        let shared = api(&[A, ("B", "2", "B", "b", false), ("A3", "3", "A", "c", false)]);
        let changes = Changelog::between(Some(&before), &shared);
        assert_eq!(changes.semver(), Semver::Major);
        assert_eq!(changes.enums[0].newly_shared_names, ["A"]);
        let summary = changes.summary();
        assert!(summary.contains(r#"name "A" now shared: from_name("A")"#), "{summary}");
        // A retired row is found by its name too.
        let retired = api(&[("A", "1", "A", "a", true), ("B", "2", "B", "b", false)]);
        let mut taken = retired.clone();
        let row = api(&[("A3", "3", "A", "c", false)]).enums["E"].variants[0].clone();
        taken.enums.get_mut("E").unwrap().variants.push(row);
        let changes = Changelog::between(Some(&retired), &taken);
        assert_eq!(changes.enums[0].newly_shared_names, ["A"]);
        // Where the key column names the rows, the name is the code: one line, for the code.
        let keyed = api(&[("A", "a", "a", "x", false)]);
        let both = api(&[("A", "a", "a", "x", false), ("A2", "a", "a", "y", false)]);
        let changes = Changelog::between(Some(&keyed), &both);
        assert_eq!(
            (changes.enums[0].newly_shared.len(), changes.enums[0].newly_shared_names.len()),
            (1, 0)
        );
        // Rows without a name (empty name cells) share none: `from_name` finds none of them.
        let unnamed = api(&[("_1", "1", "", "a", false)]);
        let two = api(&[("_1", "1", "", "a", false), ("_2", "2", "", "b", false)]);
        let changes = Changelog::between(Some(&unnamed), &two);
        assert_eq!(
            (changes.semver(), changes.enums[0].newly_shared_names.len()),
            (Semver::Minor, 0)
        );
    }

    #[test]
    fn where_the_table_comes_from_is_compared_where_both_snapshots_record_it() {
        let with = |table: Option<crate::api::TableApi>, columns: [&str; 3]| {
            let mut api = api(&[A]);
            api.enums.values_mut().for_each(|enum_api| {
                enum_api.table = table.clone();
                enum_api.columns = columns.map(String::from).to_vec();
            });
            api
        };
        let table = |title: &str, url: &str, help: Option<&str>| crate::api::TableApi {
            title: title.into(),
            url: url.into(),
            page: "docs/p.md".into(),
            help: help.map(String::from),
        };
        let columns = ["Code", "Name", "Details"];
        let before = with(Some(table("Errors", "https://a/p.html", None)), columns);
        let changes = |after| Changelog::between(Some(&before), &after);
        // A snapshot that did not record it compares nothing.
        assert!(changes(with(None, columns)).is_empty());
        let moved = changes(with(Some(table("Faults", "https://b/p.html", None)), columns));
        assert_eq!(moved.semver(), Semver::Patch);
        let summary = moved.summary();
        assert!(summary.contains(r#"title changed: "Errors" -> "Faults""#), "{summary}");
        assert!(summary.contains("URL changed: https://a/p.html -> https://b/p.html"), "{summary}");
        let help =
            changes(with(Some(table("Errors", "https://a/p.html", Some("Details"))), columns));
        assert_eq!(help.semver(), Semver::Minor);
        let summary = help.summary();
        assert!(summary.contains("help() now answers from the column Details"), "{summary}");
        let reordered = changes(with(before.enums["E"].table.clone(), ["Name", "Code", "Details"]));
        assert_eq!(reordered.semver(), Semver::Patch);
        assert!(reordered.summary().contains("columns in another order"));
        // A header re-cased is the same column, written otherwise.
        let recased = changes(with(before.enums["E"].table.clone(), ["Code", "Name", "details"]));
        assert_eq!(recased.semver(), Semver::Patch);
        let summary = recased.summary();
        assert!(summary.contains(r#"column "Details" now headed "details""#), "{summary}");
        assert!(!summary.contains("another order"), "{summary}");
        // Renamed, its accessor kept by a pin: the column is paired in the table's order, so
        // its cells are still compared.
        let mut renamed = with(before.enums["E"].table.clone(), ["Code", "Name", "Notes"]);
        let row = &mut renamed.enums.get_mut("E").unwrap().variants[0];
        std::sync::Arc::make_mut(&mut row.cells)[2] = "a!".into();
        let summary = changes(renamed).summary();
        assert!(summary.contains(r#"column "Details" now headed "Notes""#), "{summary}");
        assert!(summary.contains("`Notes` text changed in 1 row: A"), "{summary}");
    }

    #[test]
    fn text_changes_are_counted_per_column_with_their_rows() {
        let before = api(&[A, ("B", "2", "B", "b", false)]);
        let after = api(&[("A", "1", "A", "a!", false), ("B", "2", "Bb", "b!", false)]);
        let changes = &Changelog::between(Some(&before), &after).enums[0];
        assert_eq!(changes.text, [("`Details`".to_owned(), vec!["A".to_owned(), "B".to_owned()])]);
        assert_eq!(changes.names.len(), 1);
        // A column the page left without a header is named by its position.
        let unheaded = |mut api: CatalogApi| {
            api.enums.values_mut().for_each(|table| table.columns[2] = String::new());
            api
        };
        let changelog = Changelog::between(Some(&unheaded(before)), &unheaded(after));
        assert_eq!(changelog.enums[0].text[0].0, "Column 3");
        assert!(changelog.summary().contains("Column 3 text changed in 2 rows: A, B"));
    }
}
