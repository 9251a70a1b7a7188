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

use std::io;
use std::path::{Path, PathBuf};

use crate::api::SNAPSHOT_FILE;
use crate::changelog::Changelog;
use crate::load::{self, Loaded};
use crate::manifest::TableSpec;
use crate::set_aside::Clearing;
use crate::sync::{self, Change, OldText};
use crate::{Cleanup, Diagnostic, Failure, FileText, MARKER, parallel, skeleton};

mod checked_in;
mod rewritten;
mod staged;

use checked_in::{CheckedIn, Early};
use rewritten::Rewritten;
pub use staged::Staged;
pub(crate) use staged::WRITE_BEHIND;
use staged::{Replaced, stage_changes, staged_file, worth_forgetting, write_new};

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
    let rewritten = Rewritten::new(&changes, &generation.api);
    changelog.note_rewritten_modules(
        |module| rewritten.is_rewritten(module),
        |module, name| rewritten.written_otherwise(module, name),
        &generation.api,
    );
    let staged = [staged, staged_first].into_iter().flatten().reduce(|all, some| {
        let (all, some) = (all?, some?);
        Ok(all.with(some))
    });
    let staged = staged.transpose().map_err(write_failed)?;
    cleanup.dispose(rows, (generation.api, previous, early));
    let warnings = generation.warnings;
    Ok(Plan { files, changes, warnings, changelog, loaded, staged, rows, cleanup, set_aside })
}

/// The error for a file in the output directory `dir` that cannot be read.
fn unreadable(dir: &Path) -> impl Fn(io::Error) -> Error + Copy + '_ {
    move |error| Error::Io(format!("cannot read `{}`: {error}", dir.display()))
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
    let generated = dir.join("src/generated");
    if load::shown(plan.output_dir(), Path::new("/")) != load::shown(&generated, Path::new("/")) {
        // The line to write: the new crate's `src/generated` from the manifest's directory.
        let manifest_dir = manifest.parent().unwrap_or(Path::new(""));
        let line = match load::relative(manifest_dir, &generated) {
            Some(path) => format!("`output = {}`", crate::api::toml_string(&path)),
            None => format!("`output` to `{}`", load::displayed(&generated)),
        };
        return Err(Error::Io(format!(
            "the manifest's `output` is `{}`, not the new crate's `src/generated`\nhelp: set \
             {line} in the manifest",
            load::displayed(plan.output_dir())
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
    if let Some(problem) = skeleton::package_name_problem(&name) {
        return Err(Error::Io(problem));
    }
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
}
