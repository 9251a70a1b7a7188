//! What the fuzzer found and explored, kept: the inputs that once crashed the generator
//! (`fuzz/regressions/`) and a committed sample of its corpus (`fuzz/sample/`, picked from a
//! run; the corpus itself is not in git), with the seeds. Each goes through the fuzz target's
//! own input format and check (`fuzz/fuzz_targets/input.rs`): it must not panic, what it
//! generates must parse, a refusal must point into the manifest or the page, and everything
//! accepted is compiled, each input's modules under a module of one crate, and linted with
//! clippy, warnings denied.

mod common;

#[path = "../../fuzz/fuzz_targets/input.rs"]
mod input;

use std::fs;
use std::path::{Path, PathBuf};

use catalog_gen::model::problems::RUSTC_LINTS_WARNED_OF;
use common::{cargo_clippy_allowing, cargo_test, workspace_root};

/// The files of `dir` under `fuzz/`, sorted.
fn inputs(dir: &str) -> Vec<PathBuf> {
    let dir = workspace_root().join("fuzz").join(dir);
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file())
        .collect();
    paths.sort();
    paths
}

/// The crate's `src/<sample>/` files of an accepted input, or `None` where it is refused (or
/// is not UTF-8, which the target skips).
fn generated(path: &Path) -> Option<Vec<(String, String)>> {
    let data = fs::read(path).unwrap();
    // The fuzz target's own check; not UTF-8: the target skips it too.
    let result = input::check(&data)?;
    match result {
        Ok(files) => Some(
            files
                .into_iter()
                .filter(|file| file.path.ends_with(".rs"))
                .map(|file| (file.path, file.text.to_string()))
                .collect(),
        ),
        Err(failure) => {
            let rendered = failure.render(false);
            let pages = ["--> catalog.toml:", "--> page.md:", "--> page.mdx:"];
            assert!(
                pages.iter().any(|page| rendered.contains(page)),
                "{}: a refusal that points nowhere:\n{rendered}",
                path.display()
            );
            None
        }
    }
}

#[test]
fn crash_inputs_are_refused_clearly_or_compile() {
    let regressions = inputs("regressions");
    assert!(regressions.len() >= 8, "{regressions:?}");
    let refused = regressions.iter().filter(|path| generated(path).is_none()).count();
    // Raw and padded names and `generated` are refused; `Option` and the empty table compile
    // (below).
    assert_eq!(refused, 6, "{regressions:?}");
}

#[test]
fn the_corpus_sample_compiles() {
    let mut paths = inputs("regressions");
    paths.extend(inputs("sample"));
    let seeds = inputs("seeds");
    // A seed with its own manifest (`manifest \0 page`) is a shape the fuzzer starts from,
    // written to be a catalog regen accepts; a page alone meets whichever fixed manifest.
    for seed in seeds.iter().filter(|seed| fs::read(seed).unwrap().contains(&0)) {
        assert!(generated(seed).is_some(), "the seed {} is refused", seed.display());
    }
    paths.extend(seeds);
    let accepted = compile(&paths, "fuzz-sample");
    assert!(accepted >= 60, "only {accepted} of {} inputs are accepted", paths.len());
}

/// Outside CI, after a fuzz run: everything the whole corpus generates compiles
/// (`cargo test -p xtask --test fuzz_sample -- --ignored`).
#[test]
#[ignore = "needs a fuzz corpus in fuzz/corpus/generate, which is not in git"]
fn the_whole_fuzz_corpus_compiles() {
    let paths = inputs("corpus/generate");
    let accepted = compile(&paths, "fuzz-corpus");
    eprintln!("{accepted} of {} inputs accepted, all compiled", paths.len());
}

/// Outside CI: a new `fuzz/sample/` from the corpus of a fuzz run: up to 60 inputs the
/// generator accepts, evenly spread over the corpus sorted by file name.
#[test]
#[ignore = "rewrites fuzz/sample from fuzz/corpus/generate"]
fn pick_a_sample_from_the_corpus() {
    let accepted: Vec<PathBuf> = inputs("corpus/generate")
        .into_iter()
        .filter(|path| {
            fs::read(path).is_ok_and(|data| matches!(input::generate(&data), Some(Ok(_))))
        })
        .collect();
    let sample = workspace_root().join("fuzz/sample");
    for old in inputs("sample") {
        fs::remove_file(old).unwrap();
    }
    for path in accepted.iter().step_by((accepted.len() / 60).max(1)).take(60) {
        fs::copy(path, sample.join(path.file_name().unwrap())).unwrap();
    }
}

/// Generates every input of `paths` into one crate, each under a module of its own, and builds
/// and tests the crate (into `target/<target_dir>`), then lints it with clippy, warnings
/// denied, as a user's CI would, but for the lints regen warns of itself at a name the fuzzer
/// wrote (`roErrCode`); returns how many inputs were accepted.
fn compile(paths: &[PathBuf], target_dir: &str) -> usize {
    let sandbox = tempfile::tempdir().unwrap();
    let src = sandbox.path().join("src");
    let runtime = workspace_root().join("catalog-core");
    let mut lib = String::from("//! Every accepted input of the fuzz sample, a module each.\n\n");
    let mut accepted = 0;
    for (index, path) in paths.iter().enumerate() {
        let Some(files) = generated(path) else { continue };
        accepted += 1;
        lib.push_str(&format!("// {}\npub mod sample_{index};\n", path.display()));
        for (file, text) in files {
            let target = src.join(format!("sample_{index}")).join(file);
            fs::create_dir_all(target.parent().unwrap()).unwrap();
            fs::write(target, text).unwrap();
        }
    }
    fs::write(src.join("lib.rs"), lib).unwrap();
    fs::write(
        sandbox.path().join("Cargo.toml"),
        format!(
            "[package]\nname = \"fuzz-sample\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\
             publish = false\n\n[dependencies]\ncatalog-core = {{ path = {:?}, features = \
             [\"serde\", \"miette\"] }}\n",
            runtime.display().to_string()
        ),
    )
    .unwrap();
    cargo_test(&sandbox.path().join("Cargo.toml"), target_dir, &[]);
    let manifest = sandbox.path().join("Cargo.toml");
    cargo_clippy_allowing(&manifest, target_dir, &["--all-targets"], &RUSTC_LINTS_WARNED_OF);
    accepted
}
