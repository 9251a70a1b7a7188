//! Regeneration from files, the entry point for any team's `xtask`: read the docs, generate,
//! plan the changes against what is checked in, refuse conflicts and breaking changes, then
//! report the changes ([`Mode::Check`]) or write them atomically ([`Mode::Write`]).
//!
//! ```no_run
//! use catalog_gen::regen::{self, Mode, Options};
//!
//! let options = Options { mode: Mode::Check, ..Options::default() };
//! match regen::regen("docs/catalog.toml".as_ref(), &options) {
//!     Ok(report) if report.is_up_to_date() => println!("up to date"),
//!     Ok(report) => print!("{}", report.diff),
//!     Err(error) => eprint!("{}", error.render(false)),
//! }
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::api::{CatalogApi, Differing, SNAPSHOT_FILE};
use crate::changelog::Changelog;
use crate::emit;
use crate::load::{self, Loaded};
use crate::manifest::{Manifest, TableSpec};
use crate::model::Origin;
use crate::model::retired;
use crate::set_aside::{self, Clearing};
use crate::stability::{Break, Recorded};
use crate::sync::{self, Change, CommonStart, Existing, OldText};
use crate::{
    Cleanup, Diagnostic, Failure, FileText, Label, MARKER, Place, parallel, scan, skeleton,
    stability,
};

/// Whether a regeneration writes its changes or only reports them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// Write every change.
    #[default]
    Write,
    /// Write nothing; report each stale file with a diff.
    Check,
}

/// How to regenerate.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options<'a> {
    /// Write or only check.
    pub mode: Mode,
    /// Accept changes that remove or rename public API (refused otherwise).
    pub allow_breaking: bool,
    /// Make warnings errors: nothing is written while the docs give any.
    pub deny_warnings: bool,
    /// What becomes of the memory regen is done with: freed ([`Cleanup::Free`], the default),
    /// or left for the process's exit by a caller that exits once the run is reported
    /// ([`Cleanup::AtExit`], as `cargo xtask regen` does).
    pub cleanup: Cleanup,
    /// Where large generated files that a write replaces are set aside (hard-linked) rather
    /// than freed by the rename over them, for the next regeneration with the same place to
    /// remove while it parses: the rename then need not wait for the disk to free the old
    /// blocks. A directory on the output's file system ([`default_set_aside`]); `None` (the
    /// default) frees them at the rename.
    pub set_aside: Option<&'a Path>,
}

/// Where `cargo xtask regen` sets aside the large files it replaces ([`Options::set_aside`]):
/// `catalog-gen/replaced` in the Cargo target directory the running executable was built in
/// (the nearest directory above it with Cargo's `CACHEDIR.TAG`), which `cargo clean` empties.
/// `None` for an executable outside a target directory.
pub fn default_set_aside() -> Option<PathBuf> {
    let executable = std::env::current_exe().ok()?;
    let target = executable.ancestors().skip(1).find(|dir| dir.join("CACHEDIR.TAG").is_file())?;
    Some(target.join("catalog-gen").join("replaced"))
}

/// Why a regeneration did nothing.
#[derive(Debug)]
pub enum Error {
    /// Problems in the docs or the manifest, or breaking changes: rendered like rustc's.
    Problems(Failure),
    /// Generated files would replace these hand-written ones (paths as shown).
    Conflicts(Vec<String>),
    /// Reading or writing files failed.
    Io(String),
}

impl Error {
    /// The error as text for a terminal, with ANSI colours if `color`.
    pub fn render(&self, color: bool) -> String {
        match self {
            Error::Problems(failure) => failure.render(color),
            Error::Conflicts(paths) => {
                let mut text = String::new();
                for path in paths {
                    text.push_str(&format!(
                        "error: `{path}` exists and is not marked {MARKER}; refusing to \
                         overwrite a hand-written file\n"
                    ));
                }
                text.push_str(
                    "nothing was written: move the file away or rename the module in the manifest\n",
                );
                text
            }
            Error::Io(message) => format!("error: {message}\n"),
        }
    }
}

impl From<Failure> for Error {
    fn from(failure: Failure) -> Self {
        Error::Problems(failure)
    }
}

/// The changes a regeneration makes, not yet written.
#[derive(Debug)]
pub struct Plan {
    loaded: Loaded,
    /// The new texts already in temporary files, where [`plan`] wrote them (with
    /// [`Mode::Write`], while it checked the API); [`Plan::apply`] puts them in place.
    staged: Option<Staged>,
    /// How many rows the catalog has: the changes' texts make them from the model when read,
    /// so the model lives as long as the changes do.
    rows: usize,
    /// What becomes of the changes, and so of the model, once they are reported.
    cleanup: Cleanup,
    /// Where the files the changes replace are set aside ([`Options::set_aside`]).
    set_aside: Option<PathBuf>,
    /// How many files the catalog has.
    pub files: usize,
    /// What differs from the files already there, sorted by path.
    pub changes: Vec<Change>,
    /// The docs' warnings.
    pub warnings: Vec<Diagnostic>,
    /// What changes for the catalog's users, against the checked-in API snapshot.
    pub changelog: Changelog,
}

impl Plan {
    /// The directory the files go to.
    pub fn output_dir(&self) -> &Path {
        &self.loaded.output_dir
    }

    /// A change's path as the user sees it (relative to the current directory).
    pub fn shown(&self, change: &Change) -> String {
        self.loaded.displayed(change.path())
    }

    /// Every change as a unified diff.
    pub fn diff(&self) -> Result<String, Error> {
        let unreadable =
            |error: io::Error| Error::Io(format!("cannot read a generated file: {error}"));
        let diff = |change: &Change| change.diff(&self.shown(change)).map_err(unreadable);
        self.changes.iter().map(diff).collect()
    }

    /// Writes every change, all or nothing as far as the file system allows: each new text goes
    /// to a temporary file in the output directory first (unless [`plan`] staged it already);
    /// only when all are written are they renamed over their targets (atomic per file), then
    /// orphaned generated files are removed.
    pub fn apply(&mut self) -> Result<(), Error> {
        let staged = match self.staged.take() {
            Some(staged) => staged,
            None => stage_changes(self.output_dir(), &self.changes, Replaced::ReadNoMore)
                .map_err(write_failed)?,
        };
        staged.persist_setting_aside(self.set_aside.as_deref()).map_err(write_failed)?;
        let dir = self.output_dir();
        for change in &self.changes {
            if let Change::Remove { path, .. } = change {
                std::fs::remove_file(dir.join(path)).map_err(write_failed)?;
            }
        }
        Ok(())
    }
}

/// The error for generated files that could not be written.
fn write_failed(error: io::Error) -> Error {
    Error::Io(format!("writing the generated files failed: {error}"))
}

/// New texts written to temporary files beside their targets and synced, not yet in place:
/// dropped, the temporary files are removed and nothing has changed. Writing and then
/// [persisting](Staged::persist) is all or nothing as far as the file system allows: how
/// [`Plan::apply`] writes, and what the floor benchmark's `writes alone` measures.
#[derive(Debug)]
pub struct Staged {
    files: Vec<(NamedTempFile, PathBuf)>,
}

impl Staged {
    /// Writes each text to a temporary file in `dir` (created if absent), for its path relative
    /// to `dir`. The files are written at the same time: at 100k rows they are hundreds of
    /// megabytes to write and sync.
    pub fn write(dir: &Path, files: &[(&str, &FileText)]) -> io::Result<Staged> {
        let files: Vec<Staging<'_>> =
            files.iter().map(|&(path, text)| (path, text, None)).collect();
        Staged::write_replacing(dir, &files)
    }

    /// [`Staged::write`], each text with the file it replaces, where that file has a start in
    /// common with it: that start is copied, not written.
    fn write_replacing(dir: &Path, files: &[Staging<'_>]) -> io::Result<Staged> {
        std::fs::create_dir_all(dir)?;
        let staged = parallel::each(files, |(path, text, replaced)| {
            let target = dir.join(path);
            staged_file(dir, &target, text, *replaced).map(|file| (file, target))
        });
        Ok(Staged { files: staged.into_iter().collect::<io::Result<_>>()? })
    }

    /// These files and `other`'s, to persist together.
    fn with(mut self, other: Staged) -> Staged {
        self.files.extend(other.files);
        self
    }

    /// The first file staged (the only one, for the snapshot staged first), opened again to
    /// be read.
    fn reopen_first(&self) -> Option<File> {
        self.files.first()?.0.reopen().ok()
    }

    /// Renames every file over its target (atomic per file), at the same time: a rename over
    /// a large file frees the old file's blocks, which takes a noticeable time (55 ms for
    /// 266 MB on the benchmark machine's ext4, whether its pages are cached or not).
    pub fn persist(self) -> io::Result<()> {
        self.persist_setting_aside(None)
    }

    /// [`Staged::persist`], each large file replaced set aside in `set_aside` first
    /// ([`Options::set_aside`]).
    fn persist_setting_aside(self, set_aside: Option<&Path>) -> io::Result<()> {
        let files: Vec<_> = self.files.into_iter().enumerate().collect();
        let persisted = parallel::each(files, |(index, (file, target))| {
            if let Some(dir) = set_aside {
                set_aside::keep(dir, &target, index);
            }
            file.persist(&target)
        });
        persisted.into_iter().try_for_each(|done| done.map(drop).map_err(|error| error.error))
    }
}

/// A text to stage: its path relative to the output directory, and where it replaces a file,
/// what of that file it keeps.
type Staging<'a> = (&'a str, &'a FileText, Option<Replacing<'a>>);

/// A file that a staged text replaces: the start the two have in common (copied, not
/// written), and whether anything reads the file once the text is staged.
#[derive(Clone, Copy, Debug)]
struct Replacing<'a> {
    old: &'a OldText,
    common: &'a CommonStart,
    after: Replaced,
}

/// Whether anything reads the files that staged texts replace once they are staged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Replaced {
    /// Nothing does: staging drops a large one's cached pages ([`OldText::forget_cached`]).
    ReadNoMore,
    /// The review does (the API snapshot, read beside the new one): it drops them after.
    ReadAfter,
}

/// The new texts of `changes` staged in `dir`.
fn stage_changes<'c>(
    dir: &Path,
    changes: impl IntoIterator<Item = &'c Change>,
    after: Replaced,
) -> io::Result<Staged> {
    let writes: Vec<Staging<'_>> = changes
        .into_iter()
        .filter_map(|change| {
            let replacing = change.replaced().map(|(old, common)| Replacing { old, common, after });
            Some((change.path(), change.new_text()?, replacing))
        })
        .collect();
    Staged::write_replacing(dir, &writes)
}

/// The file a staged text replaces, where it is large enough that dropping its cached pages
/// before the rename pays: [`WRITE_BEHIND`] bytes or more, a few milliseconds of a core
/// (0.06 ms a megabyte on the benchmark machine). Only on Linux, where they are dropped.
fn worth_forgetting<'c>(replaced: Option<(&'c OldText, &'c CommonStart)>) -> Option<&'c OldText> {
    let large = |common: &CommonStart| common.file_len() >= WRITE_BEHIND;
    replaced.filter(|(_, common)| cfg!(target_os = "linux") && large(common)).map(|(old, _)| old)
}

/// Reads the docs of `manifest`, generates once, and plans the changes: refused where a
/// generated file would replace a hand-written one, where the checked-in API would lose a
/// variant, accessor or enum (unless `allow_breaking`), or where the docs give warnings and
/// `deny_warnings` is set. With [`Mode::Write`] the new texts are written to temporary files
/// while the API is checked (and removed if it is refused), for [`Plan::apply`] to put in
/// place; with [`Mode::Check`] nothing is written.
pub fn plan(manifest: &Path, options: &Options<'_>) -> Result<Plan, Error> {
    // What earlier runs set aside is removed while this one reads and parses: the disk frees
    // the blocks while the cores parse.
    let set_aside = options.set_aside.filter(|_| options.mode == Mode::Write);
    let clearing = set_aside.map(Clearing::start);
    let loaded = load::load(manifest)?;
    let unreadable = unreadable(&loaded.output_dir);
    let existing = load::existing(&loaded.output_dir).map_err(unreadable)?;
    let checked_in = CheckedIn::of(&loaded, &existing, options);
    let keeps = |table: &TableSpec| !table.retired.is_empty() || !table.variants.is_empty();
    let early = if loaded.manifest.tables.iter().any(keeps) {
        checked_in.read_early(&loaded.manifest)?
    } else {
        Early::None
    };
    let input = loaded.input(load::COMMAND);
    let cleanup = options.cleanup;
    let generation = match crate::generate_after(&loaded.manifest, &input, early.api(), cleanup) {
        Ok(generation) => generation,
        // The helps for a refused manifest's pins and retirements read the snapshot's rows
        // beyond those its pins and retirements name (the key that names a row alone, the row
        // a pin was for, which row has the code of another), as do those of some problems in
        // the docs (the variant a row had, for two rows that generate one name). Where only
        // those were read, or none, the docs are generated again with the whole snapshot, on
        // this path that stops anyway (at 20k rows, 3 times the instructions of the refusal
        // alone), and its helps given.
        Err(failure) => {
            match early.rereads_for(&failure, input.manifest_path).then(|| checked_in.read_whole())
            {
                Some(Ok(Some(whole))) => {
                    crate::generate_after(&loaded.manifest, &input, Some(&whole), cleanup)
                        .map_err(|failure| loaded.displayed_failure(failure))?
                }
                Some(Err(error)) => return Err(error),
                Some(Ok(None)) | None => return Err(loaded.displayed_failure(failure).into()),
            }
        }
    };
    if options.deny_warnings && !generation.warnings.is_empty() {
        let diagnostics: Vec<Diagnostic> =
            generation.warnings.into_iter().map(Diagnostic::denied).collect();
        let failure = Failure { sources: input.sources(&diagnostics), diagnostics };
        return Err(Error::Problems(loaded.displayed_failure(failure)));
    }
    let files = generation.files.len();
    let changes =
        sync::plan(generation.files, existing).map_err(unreadable)?.map_err(|conflicts| {
            Error::Conflicts(conflicts.iter().map(|path| loaded.displayed(path)).collect())
        })?;
    let rows = generation.api.enums.values().map(|api| api.variants.len()).sum();
    // The model is freed on a thread of its own once the files are compared, while they are
    // written (which waits for the disk) or the process ends: at 200k rows freeing it takes a
    // tenth of a second, which comparing the files need not share its cores with (or it is
    // left for the exit). Its tables live on where a change's text makes its rows from them,
    // until the plan is reported.
    cleanup.dispose(rows, generation.catalog);
    // Writing (and syncing) the changes to temporary files and reviewing what they change for
    // users (the previous API read back, the gate, the changelog) run at the same time; what
    // is staged is put in place only once the gate has passed, and is removed if it fails.
    // Where the old snapshot is read beside the new one, the new one is staged first on the
    // review's thread, for the review to read its lines rather than make them again.
    let write = options.mode == Mode::Write;
    let beside = write && checked_in.reads_beside(&changes);
    let staged_first = |change: &&Change| beside && change.path() == SNAPSHOT_FILE;
    let (first, rest): (Vec<&Change>, Vec<&Change>) = changes.iter().partition(staged_first);
    let dir = &loaded.output_dir;
    // Nothing is staged before what earlier runs set aside is gone (it has had the parse to
    // go), so that the disk never holds more than the files replaced and their replacements.
    if let Some(clearing) = clearing {
        clearing.wait();
    }
    let set_aside = set_aside.map(Path::to_path_buf);
    let stage = || {
        let staged = || stage_changes(dir, rest.iter().copied(), Replaced::ReadNoMore);
        (write && !rest.is_empty()).then(staged)
    };
    let review = || {
        let staged = (!first.is_empty())
            .then(|| stage_changes(dir, first.iter().copied(), Replaced::ReadAfter));
        let written = staged.as_ref().and_then(|staged| staged.as_ref().ok()?.reopen_first());
        let api = &generation.api;
        let reviewed = checked_in.review(&changes, api, &generation.origins, written);
        // The snapshot read, its cached pages go now rather than in the rename at the end.
        first
            .iter()
            .filter_map(|change| worth_forgetting(change.replaced()))
            .for_each(OldText::forget_cached);
        (reviewed, staged)
    };
    let (staged, (reviewed, staged_first)) = parallel::join(rows, stage, review);
    let (previous, mut changelog) = reviewed?;
    let updated: BTreeSet<&str> = changes
        .iter()
        .filter(|change| matches!(change, Change::Update { .. }))
        .map(Change::path)
        .collect();
    // Only files written otherwise: a module new or gone is an enum added, moved or removed,
    // which the changelog lists.
    let rewritten = |module: &str| updated.contains(emit::module_file(module).as_str());
    changelog.note_rewritten_modules(rewritten, &generation.api);
    let staged = [staged, staged_first].into_iter().flatten().reduce(|all, some| {
        let (all, some) = (all?, some?);
        Ok(all.with(some))
    });
    let staged = staged.transpose().map_err(write_failed)?;
    cleanup.dispose(rows, (generation.api, previous, early));
    let warnings = generation.warnings;
    Ok(Plan { files, changes, warnings, changelog, loaded, staged, rows, cleanup, set_aside })
}

/// The API snapshot checked in beside the code. It is as large as the docs' text, so it is
/// read only where it is needed, and only as far: before generating, the variants the manifest
/// retires (their last text is in it); after, where the new snapshot differs from it, the
/// lines that differ. A snapshot is a function of the API it records and reads back to it
/// (`api` tests both), so equal text means nothing changed.
struct CheckedIn<'a> {
    loaded: &'a Loaded,
    file: Option<OldText>,
    options: &'a Options<'a>,
}

/// What was read of the checked-in snapshot before generating ([`CheckedIn::read_early`]).
enum Early {
    /// Nothing: there is none, or the manifest retires and pins nothing.
    None,
    /// The enums' heads and the variants that the manifest's retired keys and pins name.
    Kept(CatalogApi),
    /// The whole API.
    Whole(CatalogApi),
}

impl Early {
    fn api(&self) -> Option<&CatalogApi> {
        match self {
            Early::None => None,
            Early::Kept(api) | Early::Whole(api) => Some(api),
        }
    }

    /// Whether the helps of `failure` need the snapshot whole where this is what was read: an
    /// error in the manifest (shown as `manifest`) where its pins' and retirements' rows were
    /// read, or one whose help reads the snapshot's rows ([`Failure::reads_snapshot`]) where
    /// those or none were.
    fn rereads_for(&self, failure: &Failure, manifest: &str) -> bool {
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
    fn of(
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
    fn read_early(&self, manifest: &Manifest) -> Result<Early, Error> {
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
    fn read_whole(&self) -> Result<Option<CatalogApi>, Error> {
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
    fn review(
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
    fn reads_beside(&self, changes: &[Change]) -> bool {
        self.file.is_some() && changes_snapshot(changes)
    }
}

/// Whether `kept` has, for every row `manifest` retires, a variant retiring looks for
/// ([`retired::last_variants`]).
fn has_every_retired(manifest: &Manifest, kept: &CatalogApi) -> bool {
    manifest.tables.iter().all(|table| {
        let api = kept.enums.get(table.enum_name.get_ref());
        let integer = table.key_type.get_ref().is_integer();
        let found = |key: &str| {
            api.is_some_and(|api| retired::last_variants(api, key, integer).next().is_some())
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

/// The error for a file in the output directory `dir` that cannot be read.
fn unreadable(dir: &Path) -> impl Fn(io::Error) -> Error + Copy + '_ {
    move |error| Error::Io(format!("cannot read `{}`: {error}", dir.display()))
}

/// A failure whose diagnostics point into the manifest only.
fn manifest_failure(loaded: &Loaded, diagnostics: Vec<Diagnostic>) -> Failure {
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

/// What a regeneration did or would do.
#[derive(Debug)]
pub struct Report {
    /// How many files the catalog has.
    pub files: usize,
    /// Each change as a past participle (`created`, `updated`, `removed`) and the path as
    /// shown; with [`Mode::Check`], the files that are stale.
    pub changes: Vec<(&'static str, String)>,
    /// With [`Mode::Check`], every change as a unified diff; empty otherwise.
    pub diff: String,
    /// The docs' warnings, with the texts they point into.
    pub warnings: Failure,
    /// What the update changes for the catalog's users, against the checked-in API snapshot,
    /// and the release it needs.
    pub changelog: Changelog,
}

impl Report {
    /// Whether every generated file was already up to date.
    pub fn is_up_to_date(&self) -> bool {
        self.changes.is_empty()
    }

    /// The warnings rendered like rustc's, if there are any.
    pub fn render_warnings(&self, color: bool) -> Option<String> {
        (!self.warnings.diagnostics.is_empty()).then(|| self.warnings.render(color))
    }
}

impl Plan {
    /// What applying (or checking) the plan did, as a report.
    fn report(self, diff: String) -> Report {
        let changes =
            self.changes.iter().map(|change| (change.verb(), self.shown(change))).collect();
        let sources = self.loaded.input(load::COMMAND).sources(&self.warnings);
        let warnings = Failure { diagnostics: self.warnings, sources };
        let warnings = self.loaded.displayed_failure(warnings);
        let report =
            Report { files: self.files, changes, diff, warnings, changelog: self.changelog };
        // The changes' texts hold the last references to the model: disposed of as `plan`
        // disposes of the rest of it.
        self.cleanup.dispose(self.rows, self.changes);
        report
    }
}

/// Plans, then reports ([`Mode::Check`]) or writes ([`Mode::Write`]) the changes.
pub fn regen(manifest: &Path, options: &Options<'_>) -> Result<Report, Error> {
    let mut plan = plan(manifest, options)?;
    let diff = match options.mode {
        Mode::Check => plan.diff()?,
        Mode::Write => {
            plan.apply()?;
            String::new()
        }
    };
    Ok(plan.report(diff))
}

/// What `init` did: each hand-written file created or kept, and the regeneration's report.
#[derive(Debug)]
pub struct InitReport {
    /// Each file of the crate's skeleton as the user sees its path, and whether it was created
    /// (or kept, as it existed).
    pub skeleton: Vec<(String, bool)>,
    /// The generated files written.
    pub report: Report,
}

/// Makes a new catalog crate in `dir` named `name` (by default the directory's name): its
/// hand-written files (`Cargo.toml`, which depends on `catalog-core`, `src/lib.rs` and
/// `.gitattributes`), each only if absent, then the generated modules, generated once. The
/// manifest's `output` must be the crate's `src/generated`. The crate's
/// documentation names the manifest as generated files do (relative to the docs tree's
/// root), never as `manifest` is spelled.
pub fn init(dir: &Path, manifest: &Path, name: Option<&str>) -> Result<InitReport, Error> {
    // Planned as a check, so that nothing is staged before the crate's directory is known to
    // be the manifest's output; `apply` writes after that.
    let mut plan = plan(manifest, &Options { mode: Mode::Check, ..Options::default() })?;
    let dir = std::path::absolute(dir)
        .map_err(|error| Error::Io(format!("`{}`: {error}", dir.display())))?;
    let expected = load::shown(&dir.join("src/generated"), Path::new("/"));
    if load::shown(plan.output_dir(), Path::new("/")) != expected {
        return Err(Error::Io(format!(
            "the manifest's `output` is `{}`, not the new crate's `src/generated`\nhelp: set \
             `output` to the path of `{expected}` relative to the manifest",
            plan.output_dir().display()
        )));
    }
    // This repository's runtime, by a path relative to the new crate (never absolute), so the
    // crate builds before `catalog-core` is published; the registry's version after that.
    let runtime = Path::new(skeleton::RUNTIME_DIR);
    let runtime_path =
        runtime.join("Cargo.toml").is_file().then(|| load::relative(&dir, runtime)).flatten();
    let mut skeleton = Vec::new();
    let name = name.map_or_else(
        || {
            dir.file_name()
                .map_or_else(|| "catalog".to_owned(), |n| n.to_string_lossy().into_owned())
        },
        str::to_owned,
    );
    for (path, text) in skeleton::files(&name, &plan.loaded.manifest_path, runtime_path.as_deref())
    {
        let target = dir.join(path);
        let created = !target.exists();
        if created {
            write_new(&target, &text).map_err(|error| {
                Error::Io(format!("cannot write `{}`: {error}", target.display()))
            })?;
        }
        skeleton.push((load::displayed(&target), created));
    }
    plan.apply()?;
    Ok(InitReport { skeleton, report: plan.report(String::new()) })
}

/// Writes a file that does not exist yet, atomically, creating its directory.
fn write_new(target: &Path, text: &str) -> io::Result<()> {
    let dir = target.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let file = staged_file(dir, target, &FileText::from(text), None)?;
    file.persist_noclobber(target).map_err(|error| error.error)?;
    Ok(())
}

/// `text` in a temporary file in `dir`, ready to be renamed over `target`: synced, with the
/// permissions `target` has, or those of a new ordinary file (temporary files are private).
/// Where it `replaces` a file, the start the two have in common is copied from the file and
/// only the rest of the text is made and written; a large replaced file that nothing reads
/// after has its cached pages dropped meanwhile, on a thread of its own.
fn staged_file(
    dir: &Path,
    target: &Path,
    text: &FileText,
    replaces: Option<Replacing<'_>>,
) -> io::Result<NamedTempFile> {
    let file = NamedTempFile::new_in(dir)?;
    let from = match replaces {
        Some(Replacing { old, common, .. }) => old.copy_common_start(common, file.as_file())?,
        None => Place::START,
    };
    let read_no_more = replaces.filter(|replacing| replacing.after == Replaced::ReadNoMore);
    let forgotten =
        worth_forgetting(read_no_more.map(|replacing| (replacing.old, replacing.common)));
    // What was copied is handed to the disk with the first megabytes written.
    let write_behind = WriteBehind { file: file.as_file(), written: from.bytes, handed: 0 };
    // Small pieces gathered into large writes, which the page cache takes in large pieces.
    let write_behind = io::BufWriter::with_capacity(WRITE_CHUNK, write_behind);
    let forget = || forgotten.map(OldText::forget_cached);
    let write = || text.write_from_to(from, write_behind);
    parallel::beside(forgotten.is_some(), forget, write).1?;
    let permissions = match std::fs::metadata(target) {
        Ok(metadata) => Some(metadata.permissions()),
        Err(_) => default_permissions(),
    };
    if let Some(permissions) = permissions {
        file.as_file().set_permissions(permissions)?;
    }
    file.as_file().sync_all()?;
    Ok(file)
}

/// The size a staged file's writes are gathered to: a text's pieces and parts smaller than
/// this are copied together into writes of up to this size, larger ones written as they are
/// (`BufWriter`). The page cache takes a write in pieces as large as the write allows, so
/// larger writes cost the kernel less: with parts of 256 rows (100–150 kB) written as they
/// came, one edit at 100k rows spent a median 0.17–0.18 s of system time; with larger parts
/// or their writes gathered, 0.15 s (BENCHMARKS.md, section 0, thirty-sixth round).
const WRITE_CHUNK: usize = 1 << 18;

/// How many bytes of a staged file are written before they are handed to the disk.
pub(crate) const WRITE_BEHIND: u64 = 8 << 20;

/// A staged file as it is written: every [`WRITE_BEHIND`] bytes written are handed to the disk
/// at once (on Linux), so that the disk writes while the rest of the text is made, and the
/// sync before the rename waits for the last few megabytes, not the whole file: at 200k rows,
/// writing the files new took 0.537 s with the whole sync at the end, 0.490 s this way
/// (BENCHMARKS.md, eleventh round).
struct WriteBehind<'f> {
    file: &'f std::fs::File,
    /// Bytes written so far.
    written: u64,
    /// Bytes handed to the disk so far.
    handed: u64,
}

impl io::Write for WriteBehind<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let written = self.file.write(bytes)?;
        self.written += written as u64;
        if self.written - self.handed >= WRITE_BEHIND {
            start_writing_back(self.file, self.handed, self.written - self.handed);
            self.handed = self.written;
        }
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

/// Starts writing the `len` bytes of `file` at `offset`, just written, to the disk, without
/// waiting. `POSIX_FADV_DONTNEED` does that on Linux, as
/// `sync_file_range(SYNC_FILE_RANGE_WRITE)` would (which has no safe binding). It keeps the
/// pages still dirty or being written, and drops from the cache those the disk has already
/// taken by then: after 200k-row regenerations here, from none to 7% of a file's pages, which
/// the next regeneration reads back from the disk where it reads that part of the file
/// (BENCHMARKS.md, section 0, forty-second round). Only a hint: the sync before the rename
/// reports errors.
#[cfg(target_os = "linux")]
fn start_writing_back(file: &std::fs::File, offset: u64, len: u64) {
    if let Some(len) = std::num::NonZeroU64::new(len) {
        let _ = rustix::fs::fadvise(file, offset, Some(len), rustix::fs::Advice::DontNeed);
    }
}

/// Elsewhere the sync writes the whole file.
#[cfg(not(target_os = "linux"))]
fn start_writing_back(_: &std::fs::File, _: u64, _: u64) {}

#[cfg(unix)]
fn default_permissions() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions() -> Option<std::fs::Permissions> {
    None
}

/// Puts `changelog` into the changelog file at `path` (created if absent), as
/// [`Changelog::add_to`] does, `date` in a new section's heading where given: the file is the
/// user's, so nothing in it is removed, and the new text is written through a temporary file
/// and a rename.
pub fn add_to_changelog(
    path: &Path,
    changelog: &Changelog,
    date: Option<&str>,
) -> Result<(), Error> {
    let failed = |error: io::Error| Error::Io(format!("`{}`: {error}", path.display()));
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) if error.kind() == io::ErrorKind::NotFound => String::new(),
        Err(error) => return Err(failed(error)),
    };
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let text = FileText::from(changelog.add_to(&text, date));
    let file = staged_file(dir, path, &text, None).map_err(failed)?;
    file.persist(path).map_err(|error| failed(error.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_set_aside_place_is_in_the_target_directory_of_the_running_executable() {
        // This test runs from `target/<profile>/deps`, in Cargo's target directory.
        let place = default_set_aside().expect("tests run from a Cargo target directory");
        assert!(place.ends_with("catalog-gen/replaced"), "{}", place.display());
        let target = place.parent().and_then(Path::parent).unwrap();
        assert!(target.join("CACHEDIR.TAG").is_file(), "{}", target.display());
        assert!(std::env::current_exe().unwrap().starts_with(target));
    }

    #[test]
    fn a_staged_file_handed_to_the_disk_in_parts_reads_as_its_text() {
        let dir = tempfile::tempdir().unwrap();
        let line = "0123456789abcdef".repeat(4) + "\n";
        let lines = line.repeat((2 * WRITE_BEHIND as usize + 12_345) / line.len());
        let mut text = FileText::from("header\n");
        text.push_indented(&lines, 4);
        text.push_str("end\n");
        let target = dir.path().join("f.rs");
        staged_file(dir.path(), &target, &text, None).unwrap().persist(&target).unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), text.to_string());
    }
}
