//! What the fuzzer found and explored, kept: the inputs that once crashed the generator
//! (`fuzz/regressions/`) and a committed sample of its corpus (`fuzz/sample/`, picked from a
//! run; the corpus itself is not in git), with the seeds. Each goes through the fuzz target's
//! own input format (`fuzz/fuzz_targets/input.rs`): it must not panic, a refusal must point into
//! the manifest or the page, and everything accepted is compiled, each input's modules under
//! a module of one crate.

mod common;

#[path = "../../fuzz/fuzz_targets/input.rs"]
mod input;

use std::fs;
use std::path::{Path, PathBuf};

use common::{cargo_test, workspace_root};

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

/// The crate's `src/<sample>/` files of an accepted input, or `None` where it is refused.
fn generated(path: &Path) -> Option<Vec<(String, String)>> {
    let data = fs::read(path).unwrap();
    let result = input::generate(&data).unwrap_or_else(|| panic!("{}: not UTF-8", path.display()));
    match result {
        Ok(files) => Some(
            files
                .into_iter()
                .filter(|file| file.path.ends_with(".rs"))
                .map(|file| (file.path, file.text))
                .collect(),
        ),
        Err(failure) => {
            let rendered = failure.render(false);
            assert!(
                rendered.contains("--> catalog.toml:") || rendered.contains("--> page.md:"),
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
    paths.extend(inputs("seeds"));
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
    assert!(accepted >= 5, "only {accepted} of {} inputs are accepted", paths.len());
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
    cargo_test(&sandbox.path().join("Cargo.toml"), "fuzz-sample", &[]);
}
