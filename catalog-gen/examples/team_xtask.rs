//! The `xtask/src/main.rs` of another team's workspace that generates its error catalog with
//! `catalog-gen`: `cargo xtask` regenerates, `cargo xtask --check` only checks. The workspace
//! has `docs/catalog.toml` beside `xtask/`, and `xtask/Cargo.toml` depends on `catalog-gen`.
//! (`xtask/tests/team_xtask.rs` builds such a workspace and runs it.)

use std::path::PathBuf;
use std::process::ExitCode;

use catalog_gen::Cleanup;
use catalog_gen::regen::{self, Mode, Options};

fn main() -> ExitCode {
    let check = std::env::args().skip(1).any(|arg| arg == "--check");
    // `cargo run` names this package's directory at run time; the docs are beside it.
    let Some(xtask) = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from) else {
        eprintln!("error: run this with `cargo xtask`");
        return ExitCode::from(2);
    };
    let manifest = xtask.join("../docs/catalog.toml");
    // This process exits once the report is printed, so regen may leave its memory to the
    // exit rather than free it piece by piece.
    let mode = if check { Mode::Check } else { Mode::Write };
    let options = Options { mode, cleanup: Cleanup::AtExit, ..Options::default() };
    match regen::regen(&manifest, &options) {
        Ok(report) => {
            if let Some(warnings) = report.render_warnings(false) {
                eprint!("{warnings}");
            }
            // What changes for the catalog's users, and the release it needs.
            if !report.changelog.is_empty() {
                eprint!("{}", report.changelog.summary());
            }
            print!("{}", report.diff);
            for (verb, path) in &report.changes {
                eprintln!("{} {path}", if check { "stale:" } else { verb });
            }
            if check && !report.is_up_to_date() {
                eprintln!("error: the generated catalog is stale; run `cargo xtask`");
                return ExitCode::FAILURE;
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprint!("{}", error.render(false));
            ExitCode::FAILURE
        }
    }
}
