//! `cargo xtask`: the project's command line. Flags and paths only; the work, and the policy
//! of what is written when, belong to `catalog-gen` (`catalog_gen::regen`).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use catalog_gen::regen::{self, Mode, Options};
use catalog_gen::synth::Shape;
use catalog_gen::{Cleanup, load};
use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand};

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

    /// The real page whose rows the pages' rows imitate: `mediaconvert` (the default:
    /// hexadecimal codes, long cells, about 500 bytes a row) or `glacier` (string codes, short
    /// cells, about 180).
    #[arg(long, value_name = "PAGE", value_parser = shape_parser())]
    shape: Option<Shape>,
}

/// `--shape`'s values: the names `catalog_gen::synth::Shape` gives its shapes.
fn shape_parser() -> impl clap::builder::TypedValueParser<Value = Shape> {
    let names = Shape::NAMED.map(|(name, _)| name);
    PossibleValuesParser::new(names).map(|name| Shape::named(&name).expect("a listed name"))
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

    /// Make the docs' warnings errors: exit 1 and write nothing while there are any.
    #[arg(long)]
    deny_warnings: bool,

    /// Put what the update changes for users into this Markdown file (Keep a Changelog style):
    /// into its `## [Unreleased]` section where the first `## ` section is one, else as one
    /// before its first `## ` section; created if absent. Never with `--check`.
    #[arg(long, value_name = "FILE")]
    changelog: Option<PathBuf>,

    /// The date for the changelog section's heading (none unless given, so the same docs give
    /// the same text).
    #[arg(long, value_name = "DATE", requires = "changelog")]
    changelog_date: Option<String>,
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Regen(args) => regen(&args),
        Command::Init(args) => init(&args),
        Command::Synth(args) => synth(&args),
    }
}

/// The manifest `regen` uses without `--manifest`: `docs-src/catalog.toml` in the workspace
/// this command runs in, found at run time, never from a path compiled into the binary (with a
/// shared target directory, one binary may serve several checkouts). That is the parent of the
/// `xtask` package, which `cargo run` names in `CARGO_MANIFEST_DIR`; else the nearest directory
/// at or above the current one that has `docs-src/catalog.toml`.
fn default_manifest() -> Option<PathBuf> {
    const MANIFEST: &str = "docs-src/catalog.toml";
    if let Some(package) = std::env::var_os("CARGO_MANIFEST_DIR") {
        let manifest = Path::new(&package).parent()?.join(MANIFEST);
        return manifest.is_file().then_some(manifest);
    }
    let here = std::env::current_dir().ok()?;
    here.ancestors().map(|dir| dir.join(MANIFEST)).find(|manifest| manifest.is_file())
}

fn regen(args: &RegenArgs) -> ExitCode {
    let (manifest, command) = match &args.manifest {
        Some(path) => (path.clone(), format!("{} --manifest {}", load::COMMAND, path.display())),
        None => match default_manifest() {
            Some(manifest) => (manifest, load::COMMAND.to_owned()),
            None => {
                eprintln!(
                    "error: no docs-src/catalog.toml in this workspace or above the current \
                     directory; name the manifest with `--manifest PATH`"
                );
                return ExitCode::from(2);
            }
        },
    };
    let mode = if args.check { Mode::Check } else { Mode::Write };
    // The process exits once the report is printed: what regen is done with is left to the
    // exit rather than freed piece by piece (`Cleanup::AtExit`). Large files it replaces are
    // set aside in the target directory, for the next regen to remove while it parses.
    let set_aside = regen::default_set_aside();
    let options = Options {
        mode,
        allow_breaking: args.allow_breaking,
        deny_warnings: args.deny_warnings,
        cleanup: Cleanup::AtExit,
        set_aside: set_aside.as_deref(),
    };
    let report = match regen::regen(&manifest, &options) {
        Ok(report) => report,
        Err(error) => return failed(&error),
    };
    if let Some(warnings) = report.render_warnings(use_color()) {
        eprint!("{warnings}");
    }
    if !report.changelog.is_empty() {
        eprint!("{}", report.changelog.summary());
    }
    if mode == Mode::Check && !report.is_up_to_date() {
        let _ = write!(std::io::stdout().lock(), "{}", report.diff);
        for (_, path) in &report.changes {
            eprintln!("stale: {path}");
        }
        eprintln!(
            "error: {} generated file(s) are out of date; run `{command}` to update them",
            report.changes.len()
        );
        return ExitCode::from(1);
    }
    print_written(&report);
    if let (Some(path), Mode::Write, false) = (&args.changelog, mode, report.changelog.is_empty()) {
        let date = args.changelog_date.as_deref();
        if let Err(error) = regen::add_to_changelog(path, &report.changelog, date) {
            return failed(&error);
        }
        eprintln!("updated {}", path.display());
    }
    ExitCode::SUCCESS
}

fn init(args: &InitArgs) -> ExitCode {
    match regen::init(&args.dir, &args.manifest, args.name.as_deref()) {
        Ok(done) => {
            if let Some(warnings) = done.report.render_warnings(use_color()) {
                eprint!("{warnings}");
            }
            for (path, created) in &done.skeleton {
                let verb = if *created { "created" } else { "kept" };
                let why = if *created { "" } else { " (exists)" };
                eprintln!("{verb} {path}{why}");
            }
            print_written(&done.report);
            ExitCode::SUCCESS
        }
        Err(error) => failed(&error),
    }
}

/// Each file written, or that all were up to date.
fn print_written(report: &regen::Report) {
    if report.is_up_to_date() {
        eprintln!("{} generated files are up to date", report.files);
    }
    for (verb, path) in &report.changes {
        eprintln!("{verb} {path}");
    }
}

fn failed(error: &regen::Error) -> ExitCode {
    eprint!("{}", error.render(use_color()));
    if matches!(error, regen::Error::Problems(_)) {
        eprintln!("nothing was written");
    }
    ExitCode::from(1)
}

fn synth(args: &SynthArgs) -> ExitCode {
    let docs = catalog_gen::synth::docs_shaped(
        args.shape.unwrap_or_default(),
        args.rows,
        args.pages,
        "../catalog/src/generated",
        &args.table_options,
    );
    let dir = args.out.join("docs");
    if let Err(error) = docs.write_to(&dir) {
        eprintln!("error: cannot write {error}");
        return ExitCode::from(1);
    }
    eprintln!(
        "wrote {} page(s) of {} row(s) and {}",
        args.pages,
        args.rows,
        dir.join("catalog.toml").display()
    );
    ExitCode::SUCCESS
}

/// Colour only on a terminal, and never when `NO_COLOR` is set.
fn use_color() -> bool {
    std::io::stderr().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty())
}
