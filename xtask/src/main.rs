//! `cargo xtask`: the project's command line. Files and flags only; the work is done by
//! `catalog-gen`.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use catalog_gen::load;
use catalog_gen::sync::{self, Change};
use clap::{Args, Parser, Subcommand};
use tempfile::NamedTempFile;

// Generation allocates a string or two per cell, and mimalloc serves that faster than the
// system allocator (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The project's tasks.
#[derive(Parser)]
#[command(name = "cargo xtask", bin_name = "cargo xtask")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Regenerate the catalog's Rust code from the Markdown docs named in the manifest.
    ///
    /// Exit status: 0 when done (or, with --check, up to date); 1 when the docs or manifest
    /// have problems, a change would break the checked-in API (see --allow-breaking) or, with
    /// --check, a generated file is stale; 2 for bad usage.
    Regen(RegenArgs),
    /// Make a new catalog crate from a manifest and its pages: Cargo.toml, src/lib.rs and the
    /// runtime (each written only if absent), then the generated modules.
    ///
    /// The manifest's `output` must be the new crate's `src/generated`. Exit status as for
    /// regen.
    Init(InitArgs),
    /// Write a synthetic docs tree (pages shaped like the real ones, and a manifest) for
    /// benchmarks: DIR/docs/catalog.toml, whose output is DIR/catalog/src/generated.
    ///
    /// Then `cargo xtask init DIR/catalog --manifest DIR/docs/catalog.toml` makes its crate.
    Synth(SynthArgs),
}

#[derive(Args)]
struct SynthArgs {
    /// Rows per page.
    #[arg(long, default_value_t = 1000)]
    rows: usize,

    /// Number of pages, one table each.
    #[arg(long, default_value_t = 1)]
    pages: usize,

    /// The directory to write into; files already there are replaced.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,

    /// A manifest line added to every table entry, e.g. 'layout = "match"'; repeatable.
    #[arg(long = "table-option", value_name = "LINE")]
    table_options: Vec<String>,
}

#[derive(Args)]
struct InitArgs {
    /// The directory of the new crate; created if needed.
    #[arg(value_name = "CRATE_DIR")]
    dir: PathBuf,

    /// The manifest to generate from.
    #[arg(long, value_name = "PATH")]
    manifest: PathBuf,

    /// The crate's name [default: the directory's name].
    #[arg(long)]
    name: Option<String>,
}

#[derive(Args)]
struct RegenArgs {
    /// Write nothing: report each stale file with a diff and exit 1 if any is stale.
    #[arg(long)]
    check: bool,

    /// The manifest to generate from [default: docs-src/catalog.toml in this workspace].
    #[arg(long, value_name = "PATH")]
    manifest: Option<PathBuf>,

    /// Write even if a variant, method or enum of the checked-in code would be removed or
    /// renamed (refused otherwise, with the pin that keeps the old name).
    #[arg(long)]
    allow_breaking: bool,
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Regen(args) => regen(&args),
        Command::Init(args) => init(&args),
        Command::Synth(args) => synth(&args),
    }
}

/// The workspace root, found from this crate's location, not the current directory.
fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

fn regen(args: &RegenArgs) -> ExitCode {
    let (manifest, command) = match &args.manifest {
        Some(path) => (path.clone(), format!("{} --manifest {}", load::COMMAND, path.display())),
        None => (workspace_root().join("docs-src/catalog.toml"), load::COMMAND.to_owned()),
    };
    let generated = match load::generate(&manifest) {
        Ok(generated) => generated,
        Err(failure) => {
            eprint!("{}", failure.render(use_color()));
            return ExitCode::from(1);
        }
    };
    let existing = match load::existing(&generated.output_dir) {
        Ok(existing) => existing,
        Err(error) => {
            eprintln!("error: cannot read `{}`: {error}", generated.output_dir.display());
            return ExitCode::from(1);
        }
    };
    let changes = sync::plan(&generated.files, &existing);
    let shown = |change: &Change| generated.shown(change.path());

    let conflicts: Vec<&Change> =
        changes.iter().filter(|c| matches!(c, Change::Conflict { .. })).collect();
    if !conflicts.is_empty() {
        for conflict in conflicts {
            eprintln!(
                "error: `{}` exists and is not marked {}; refusing to overwrite a hand-written file",
                shown(conflict),
                catalog_gen::MARKER
            );
        }
        eprintln!("nothing was written: move the file away or rename the module in the manifest");
        return ExitCode::from(1);
    }
    if !args.allow_breaking
        && let Err(failure) = catalog_gen::check_stability(
            &generated.manifest_path,
            &generated.manifest_text,
            &changes,
        )
    {
        eprint!("{}", failure.render(use_color()));
        eprintln!("nothing was written");
        return ExitCode::from(1);
    }
    if changes.is_empty() {
        eprintln!("{} generated files are up to date", generated.files.len());
        return ExitCode::SUCCESS;
    }
    if args.check {
        let mut out = std::io::stdout().lock();
        for change in &changes {
            let _ = write!(out, "{}", change.diff(&shown(change)));
        }
        for change in &changes {
            eprintln!("stale: {}", shown(change));
        }
        eprintln!(
            "error: {} generated file(s) are out of date; run `{command}` to update them",
            changes.len()
        );
        return ExitCode::from(1);
    }
    match apply(&generated.output_dir, &changes) {
        Ok(()) => {
            for change in &changes {
                let verb = match change {
                    Change::Create { .. } => "created",
                    Change::Update { .. } => "updated",
                    Change::Remove { .. } => "removed",
                    Change::Conflict { .. } => unreachable!("conflicts return early"),
                };
                eprintln!("{verb} {}", shown(change));
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: writing the generated files failed: {error}");
            ExitCode::from(1)
        }
    }
}

fn init(args: &InitArgs) -> ExitCode {
    let generated = match load::generate(&args.manifest) {
        Ok(generated) => generated,
        Err(failure) => {
            eprint!("{}", failure.render(use_color()));
            return ExitCode::from(1);
        }
    };
    let dir = match std::path::absolute(&args.dir) {
        Ok(dir) => dir,
        Err(error) => {
            eprintln!("error: `{}`: {error}", args.dir.display());
            return ExitCode::from(2);
        }
    };
    let expected = load::shown(&dir.join("src/generated"), Path::new("/"));
    if load::shown(&generated.output_dir, Path::new("/")) != expected {
        eprintln!(
            "error: the manifest's `output` is `{}`, not the new crate's `src/generated`",
            generated.output_dir.display()
        );
        eprintln!("help: set `output` to the path of `{expected}` relative to the manifest");
        return ExitCode::from(1);
    }
    let name = args.name.clone().unwrap_or_else(|| {
        dir.file_name().map_or_else(|| "catalog".to_owned(), |n| n.to_string_lossy().into_owned())
    });
    let manifest = args.manifest.display().to_string();
    let skeleton = catalog_gen::skeleton::files(&name, &manifest);
    for (path, text) in &skeleton {
        let target = dir.join(path);
        if target.exists() {
            eprintln!("kept {} (exists)", target.display());
            continue;
        }
        if let Err(error) = write_new(&target, text) {
            eprintln!("error: cannot write `{}`: {error}", target.display());
            return ExitCode::from(1);
        }
        eprintln!("created {}", target.display());
    }
    regen(&RegenArgs { check: false, manifest: Some(args.manifest.clone()), allow_breaking: false })
}

fn synth(args: &SynthArgs) -> ExitCode {
    let docs = catalog_gen::synth::docs(
        args.rows,
        args.pages,
        "../catalog/src/generated",
        &args.table_options,
    );
    let dir = args.out.join("docs");
    let mut files = vec![(dir.join("catalog.toml"), docs.manifest)];
    files.extend(docs.pages.into_iter().map(|(path, text)| (dir.join(path), text)));
    for (path, text) in &files {
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(path, text));
        if let Err(error) = written {
            eprintln!("error: cannot write `{}`: {error}", path.display());
            return ExitCode::from(1);
        }
    }
    eprintln!(
        "wrote {} page(s) of {} row(s) and {}",
        args.pages,
        args.rows,
        dir.join("catalog.toml").display()
    );
    ExitCode::SUCCESS
}

/// Writes a file that does not exist yet, atomically, creating its directory.
fn write_new(target: &Path, text: &str) -> std::io::Result<()> {
    let dir = target.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let file = staged_file(dir, target, text)?;
    file.persist_noclobber(target).map_err(|error| error.error)?;
    Ok(())
}

/// `text` in a temporary file in `dir`, ready to be renamed over `target`: synced, with the
/// permissions `target` has, or those of a new ordinary file (temporary files are private).
fn staged_file(dir: &Path, target: &Path, text: &str) -> std::io::Result<NamedTempFile> {
    let mut file = NamedTempFile::new_in(dir)?;
    file.write_all(text.as_bytes())?;
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

#[cfg(unix)]
fn default_permissions() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions() -> Option<std::fs::Permissions> {
    None
}

/// Writes every change, all or nothing as far as the file system allows: each new text goes to
/// a temporary file in the output directory first; only when all are written are they renamed
/// over their targets (atomic per file), then orphaned generated files are removed.
fn apply(dir: &Path, changes: &[Change]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut staged = Vec::new();
    for change in changes {
        if let Change::Create { path, text } | Change::Update { path, new: text, .. } = change {
            let target = dir.join(path);
            let file = staged_file(dir, &target, text)?;
            staged.push((file, target));
        }
    }
    for (file, target) in staged {
        file.persist(&target).map_err(|error| error.error)?;
    }
    for change in changes {
        if let Change::Remove { path, .. } = change {
            std::fs::remove_file(dir.join(path))?;
        }
    }
    Ok(())
}

/// Colour only on a terminal, and never when `NO_COLOR` is set.
fn use_color() -> bool {
    std::io::stderr().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty())
}
