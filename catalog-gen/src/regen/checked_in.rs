//! The API snapshot checked in beside the code, read as far as each step of a regeneration
//! needs it, and the review of what the new API changes for users against it: the break gate
//! and the changelog.

use std::collections::BTreeMap;
use std::fs::File;
use std::io;

use super::{Error, Options};
use crate::api::{CatalogApi, Differing, SNAPSHOT_FILE};
use crate::changelog::Changelog;
use crate::load::Loaded;
use crate::manifest::Manifest;
use crate::model::{Origin, retired};
use crate::stability::{self, Break, Recorded};
use crate::sync::{Change, Existing, OldText};
use crate::{Diagnostic, Failure, Label, parallel, scan};

/// The API snapshot checked in beside the code. It is as large as the docs' text, so it is
/// read only where it is needed, and only as far: before generating, the variants the manifest
/// retires (their last text is in it); after, where the new snapshot differs from it, the
/// lines that differ. A snapshot is a function of the API it records and reads back to it
/// (`api` tests both), so equal text means nothing changed.
pub(super) struct CheckedIn<'a> {
    loaded: &'a Loaded,
    file: Option<OldText>,
    options: &'a Options<'a>,
}

/// What was read of the checked-in snapshot before generating ([`CheckedIn::read_early`]).
pub(super) enum Early {
    /// Nothing: there is none, or the manifest retires and pins nothing.
    None,
    /// The enums' heads and the variants that the manifest's retired keys and pins name.
    Kept(CatalogApi),
    /// The whole API.
    Whole(CatalogApi),
}

impl Early {
    pub(super) fn api(&self) -> Option<&CatalogApi> {
        match self {
            Early::None => None,
            Early::Kept(api) | Early::Whole(api) => Some(api),
        }
    }

    /// Whether the helps of `failure` need the snapshot whole where this is what was read: an
    /// error in the manifest (shown as `manifest`) where its pins' and retirements' rows were
    /// read, or one whose help reads the snapshot's rows ([`Failure::reads_snapshot`]) where
    /// those or none were.
    pub(super) fn rereads_for(&self, failure: &Failure, manifest: &str) -> bool {
        match self {
            Early::Whole(_) => false,
            Early::Kept(_) => failure.is_in(manifest) || failure.reads_snapshot(),
            Early::None => failure.reads_snapshot(),
        }
    }
}

/// What the checked-in snapshot says of the API before this regeneration.
enum Previous<'n> {
    /// The new snapshot has the same text: nothing changed for users.
    Unchanged,
    /// The API the snapshot records and the new one, as far as they differ; `None` where there
    /// is none (a new catalog), or where it cannot be read and `--allow-breaking` writes it
    /// anew.
    Changed(Option<Differing<'n>>),
}

impl<'a> CheckedIn<'a> {
    /// The snapshot among the files already in the output directory, where there is one
    /// marked generated.
    pub(super) fn of(
        loaded: &'a Loaded,
        existing: &BTreeMap<String, Existing>,
        options: &'a Options<'a>,
    ) -> Self {
        let file = match existing.get(SNAPSHOT_FILE) {
            Some(Existing::Generated(old)) => Some(old.clone()),
            _ => None,
        };
        CheckedIn { loaded, file, options }
    }

    /// What the model needs of the API the snapshot records, for the rows `manifest` retires
    /// and the names it pins: every enum's head, the retired variants and the pinned ones
    /// ([`CatalogApi::from_snapshot_keeping`]). Where that leaves out a retired key's variant
    /// (a snapshot that writes its strings otherwise, or has no such variant) or does not
    /// parse, the API is read whole, so that retiring finds what it would, and an error names
    /// the file's line.
    pub(super) fn read_early(&self, manifest: &Manifest) -> Result<Early, Error> {
        let unread = |error: io::Error| error.to_string();
        let retired = manifest.tables.iter().flat_map(|table| table.retired.keys());
        // And the variants the pins name: an ambiguous pin's help says which row had the name.
        let pinned = manifest.tables.iter().flat_map(|table| table.variants.values());
        let keys: Vec<&str> = retired.chain(pinned).map(|key| key.get_ref().as_str()).collect();
        let early = self.read(|old| {
            // Read on every core, a mebibyte at a time: the snapshot is 113 MB at 200k rows.
            let parts = scan::line_parts(old.path(), parallel::cores()).map_err(unread)?;
            // Where what is kept does not parse, its error would name a line of the text kept;
            // the whole snapshot's names the file's.
            match CatalogApi::from_snapshot_parts_keeping(parts, &keys) {
                Ok(kept) if has_every_retired(manifest, &kept) => Ok(Early::Kept(kept)),
                _ => old
                    .read()
                    .map_err(unread)
                    .and_then(|text| CatalogApi::from_snapshot(&text))
                    .map(Early::Whole),
            }
        })?;
        Ok(early.unwrap_or(Early::None))
    }

    /// The whole API the snapshot records, where there is one.
    pub(super) fn read_whole(&self) -> Result<Option<CatalogApi>, Error> {
        self.read(|old| {
            let text = old.read().map_err(|error| error.to_string())?;
            CatalogApi::from_snapshot(&text)
        })
    }

    /// The API the snapshot records and the new one, as far as they differ: read `beside`
    /// the new one ([`CatalogApi::from_snapshot_beside`]).
    fn read_beside<'n>(&self, beside: Beside<'n>) -> Result<Option<Differing<'n>>, Error> {
        let Beside { api, written } = beside;
        self.read(|old| {
            old.open().map_err(|error| error.to_string()).and_then(|file| match written {
                Some(written) => CatalogApi::from_snapshot_beside_written(file, api, written),
                None => CatalogApi::from_snapshot_beside(file, api),
            })
        })
    }

    /// What `read` reads of the snapshot, where there is one (a new catalog has none yet). An
    /// unreadable snapshot stops the stability check; with `--allow-breaking` it is written
    /// anew, so it reads as none.
    fn read<T>(
        &self,
        read: impl FnOnce(&OldText) -> Result<T, String>,
    ) -> Result<Option<T>, Error> {
        let Some(old) = &self.file else { return Ok(None) };
        match read(old) {
            Ok(read) => Ok(Some(read)),
            Err(_) if self.options.allow_breaking => Ok(None),
            Err(error) => {
                let failure = unreadable_snapshot(self.loaded, &error);
                Err(Error::from(self.loaded.displayed_failure(failure)))
            }
        }
    }

    /// What the `changes` a generation of `api` makes change for users: the changelog from
    /// the previous API, and what was read of that API (for the caller to dispose of);
    /// refused where the API loses a variant, accessor or enum (unless `--allow-breaking`),
    /// with a diagnostic at each enum's `[[table]]` (`origins`). `written`: the new snapshot,
    /// where it is written already.
    pub(super) fn review(
        &self,
        changes: &[Change],
        api: &CatalogApi,
        origins: &BTreeMap<String, Origin>,
        written: Option<File>,
    ) -> Result<(Option<CatalogApi>, Changelog), Error> {
        let previous = self.previous(changes, Beside { api, written })?;
        let Previous::Changed(differing) = previous else {
            return Ok((None, Changelog::default()));
        };
        // The breaks are found once: the gate stops on them, the changelog lists them.
        let breaks =
            differing.as_ref().map(|differing| stability::breaks_between(differing, origins));
        let breaks = breaks.unwrap_or_default();
        if !breaks.is_empty() && !self.options.allow_breaking {
            return Err(self.refusal(origins, &breaks));
        }
        let changelog = match &differing {
            Some(differing) => Changelog::of_differing(differing, breaks),
            None => Changelog::with_breaks(None, api, breaks),
        };
        Ok((differing.map(|differing| differing.old), changelog))
    }

    /// The break gate's refusal of `breaks`, each at the `[[table]]` of its enum (`origins`),
    /// or where an enum is removed, at its record in the snapshot (read again whole for it: a
    /// refusal, and a rare one).
    fn refusal(&self, origins: &BTreeMap<String, Origin>, breaks: &[Break]) -> Error {
        let removes_enum = breaks.iter().any(|found| matches!(found, Break::RemovedEnum { .. }));
        let snapshot = self.file.as_ref().filter(|_| removes_enum).and_then(|old| old.read().ok());
        let path = self.loaded.labelled(SNAPSHOT_FILE);
        let recorded = snapshot.as_deref().map(|text| Recorded { path: &path, text });
        let diagnostics = stability::diagnostics(origins, breaks, recorded);
        let mut failure = manifest_failure(self.loaded, diagnostics);
        if let Some(text) = snapshot {
            failure.sources.insert(path, text);
        }
        Error::Problems(self.loaded.displayed_failure(failure))
    }

    /// The previous API, given the `changes` a generation makes: read `beside` the new one
    /// where [`CheckedIn::reads_beside`] says so, so that only the lines that differ from
    /// those it writes are parsed; unchanged where the snapshot is not among the changes (its
    /// text is the new one); none for a new catalog.
    fn previous<'n>(&self, changes: &[Change], beside: Beside<'n>) -> Result<Previous<'n>, Error> {
        if self.reads_beside(changes) {
            return self.read_beside(beside).map(Previous::Changed);
        }
        if self.file.is_some() {
            return Ok(Previous::Unchanged);
        }
        Ok(Previous::Changed(None))
    }

    /// Whether the review reads the snapshot beside the new one: there is one, and the
    /// `changes` change it.
    pub(super) fn reads_beside(&self, changes: &[Change]) -> bool {
        self.file.is_some() && changes_snapshot(changes)
    }
}

/// Whether `kept` has, for every row `manifest` retires, a variant retiring looks for
/// ([`retired::last_variants`]).
fn has_every_retired(manifest: &Manifest, kept: &CatalogApi) -> bool {
    manifest.tables.iter().all(|table| {
        let api = kept.enums.get(table.enum_name.get_ref());
        let codes = table.codes();
        let found = |key: &str| {
            api.is_some_and(|api| retired::last_variants(api, key, codes).next().is_some())
        };
        table.retired.keys().all(|key| found(key.get_ref()))
    })
}

/// Whether `changes` change the API snapshot.
fn changes_snapshot(changes: &[Change]) -> bool {
    changes.iter().any(|change| change.path() == SNAPSHOT_FILE)
}

/// What the checked-in snapshot is read beside: the new API, and the new snapshot where it is
/// written already.
struct Beside<'a> {
    api: &'a CatalogApi,
    written: Option<File>,
}

/// A failure whose diagnostics point into the manifest only.
pub(super) fn manifest_failure(loaded: &Loaded, diagnostics: Vec<Diagnostic>) -> Failure {
    Failure {
        diagnostics,
        sources: BTreeMap::from([(loaded.manifest_path.clone(), loaded.manifest_text.clone())]),
    }
}

/// The failure for a checked-in snapshot that cannot be read (`error` says why).
fn unreadable_snapshot(loaded: &Loaded, error: &str) -> Failure {
    manifest_failure(
        loaded,
        vec![
            Diagnostic::error(format!(
                "cannot read the API snapshot `{}`: {}",
                loaded.displayed(SNAPSHOT_FILE),
                error.trim()
            ))
            .with_label(Label::primary(
                &loaded.manifest_path,
                loaded.manifest.output.span(),
                "output here",
            ))
            .with_help(
                "restore it from version control, or run with `--allow-breaking` to write it anew",
            ),
        ],
    )
}
