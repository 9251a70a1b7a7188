//! `cargo xtask init`: a complete catalog crate from nothing but pages and a manifest, built
//! and tested. Runs on the quirks fixture and on real pages of other teams
//! (`xtask/tests/corpus/pages`, copied byte for byte with their attribution).

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{cargo_output, cargo_test, copy_dir, workspace_root};
use std::process::{Command, Output};

fn init(dir: &Path, manifest: &Path) -> Output {
    init_with(dir, manifest, &[])
}

/// `cargo xtask init` with `options` besides the manifest (`--name`).
fn init_with(dir: &Path, manifest: &Path, options: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .arg("init")
        .arg(dir)
        .arg("--manifest")
        .arg(manifest)
        .args(options)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// The errors of an `init` of `dir` from `manifest` that must be refused (exit status 1),
/// having written nothing.
fn refused_init(dir: &Path, manifest: &Path) -> String {
    let output = init(dir, manifest);
    assert_eq!(output.status.code(), Some(1));
    assert!(!dir.exists(), "nothing is written");
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The quirks fixture's pages and manifest copied into `sandbox`'s `docs`, the manifest's
/// `output` set to `output`: the manifest's path.
fn quirks_docs(sandbox: &Path, output: &str) -> PathBuf {
    let fixture = workspace_root().join("xtask/tests/fixtures/quirks");
    let docs = sandbox.join("docs");
    copy_dir(&fixture.join("pages"), &docs);
    let manifest = fs::read_to_string(fixture.join("catalog.toml")).unwrap();
    let manifest = manifest.replace("output = \"../quirks/src/generated\"", output);
    fs::write(docs.join("catalog.toml"), manifest).unwrap();
    docs.join("catalog.toml")
}

/// Copies `pages` and `manifest` into a temporary docs tree, runs `init`, adds `lookups` as a
/// test of the new crate and runs `cargo test` on it.
fn generate_build_and_test(pages: &Path, manifest: &Path, lookups: &Path, crate_name: &str) {
    let sandbox = tempfile::tempdir().unwrap();
    let docs = sandbox.path().join("docs");
    copy_dir(pages, &docs);
    fs::copy(manifest, docs.join("catalog.toml")).unwrap();
    let crate_dir = sandbox.path().join(crate_name);

    // The manifest named with a `..` and as an absolute path, as users type them.
    let manifest = sandbox.path().join("docs/../docs/catalog.toml");
    let output = init(&crate_dir, &manifest);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "init failed:\n{stderr}");
    assert!(stderr.contains("created") && crate_dir.join("src/generated/mod.rs").is_file());
    assert!(!stderr.contains("/../"), "printed paths are normalized:\n{stderr}");
    // The crate names its manifest relative to the docs tree, never as typed.
    let lib = fs::read_to_string(crate_dir.join("src/lib.rs")).unwrap();
    assert!(lib.contains("--manifest docs/catalog.toml`"), "{lib}");
    assert!(!lib.contains(sandbox.path().to_str().unwrap()), "no absolute path:\n{lib}");
    // It depends on the shared runtime by version and by a path relative to itself.
    let cargo = fs::read_to_string(crate_dir.join("Cargo.toml")).unwrap();
    let runtime = cargo.lines().find(|line| line.starts_with("catalog-core = ")).unwrap();
    assert!(runtime.contains("version = \"0.1.0\", path = \"../"), "{runtime}");
    assert!(!runtime.contains(sandbox.path().to_str().unwrap()), "no absolute path: {runtime}");
    assert!(!crate_dir.join("src/rt.rs").exists(), "no copy of the runtime");
    assert_generated_files_keep_their_line_endings(&crate_dir);

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(crate_dir.join("src/generated/mod.rs")).unwrap().permissions();
        assert_eq!(mode.mode() & 0o777, 0o644, "new files are ordinary files, not private");
    }

    // Running init again keeps every file and changes nothing.
    let lib = fs::read_to_string(crate_dir.join("src/lib.rs")).unwrap();
    let output = init(&crate_dir, &docs.join("catalog.toml"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success() && stderr.contains("up to date"), "{stderr}");
    assert_eq!(fs::read_to_string(crate_dir.join("src/lib.rs")).unwrap(), lib);

    fs::create_dir_all(crate_dir.join("tests")).unwrap();
    fs::copy(lookups, crate_dir.join("tests/lookups.rs")).unwrap();
    // The lookups check serde too, as a user of the `serde` feature would.
    let mut manifest = fs::read_to_string(crate_dir.join("Cargo.toml")).unwrap();
    manifest.push_str("\n[dev-dependencies]\nserde_json = \"1\"\n");
    fs::write(crate_dir.join("Cargo.toml"), manifest).unwrap();
    for features in [&[][..], &["--features", "serde"][..]] {
        cargo_test(&crate_dir.join("Cargo.toml"), "new-crate", features);
    }
}

/// git, asked about the new crate in a repository of its own, checks the generated modules
/// out with `\n` line endings and marks them generated; the hand-written files it leaves be.
fn assert_generated_files_keep_their_line_endings(crate_dir: &Path) {
    let git = |args: &[&str]| {
        let output = Command::new("git").args(args).current_dir(crate_dir).output().unwrap();
        assert!(output.status.success(), "git {args:?}: {output:?}");
        String::from_utf8(output.stdout).unwrap()
    };
    git(&["init", "--quiet"]);
    let attributes = git(&[
        "check-attr",
        "eol",
        "linguist-generated",
        "--",
        "src/generated/mod.rs",
        "src/lib.rs",
    ]);
    assert_eq!(
        attributes,
        "src/generated/mod.rs: eol: lf\nsrc/generated/mod.rs: linguist-generated: true\n\
         src/lib.rs: eol: unspecified\nsrc/lib.rs: linguist-generated: unspecified\n"
    );
}

#[test]
fn the_quirks_fixture_becomes_a_crate_that_answers_lookups() {
    let fixture = workspace_root().join("xtask/tests/fixtures/quirks");
    generate_build_and_test(
        &fixture.join("pages"),
        &fixture.join("catalog.toml"),
        &fixture.join("lookups.rs"),
        "quirks",
    );
}

#[test]
fn real_pages_of_other_teams_become_a_crate_that_answers_lookups() {
    // Copies of real pages, in the repository with their attribution (pages/NOTICE.md), so
    // that every clone runs this test.
    let here = workspace_root().join("xtask/tests/corpus");
    generate_build_and_test(
        &here.join("pages"),
        &here.join("catalog.toml"),
        &here.join("lookups.rs"),
        "errors",
    );
}

/// README counts the real pages the corpus holds, in both places it names them: a count that
/// went stale (six, where there were seven) said less than the tests run.
#[test]
fn readme_counts_the_real_pages_of_the_corpus() {
    let pages = workspace_root().join("xtask/tests/corpus/pages");
    let mut count = 0;
    for dir in fs::read_dir(&pages).unwrap() {
        let dir = dir.unwrap().path();
        if dir.is_dir() {
            let is_page = |entry: &fs::DirEntry| entry.path().extension() == Some("md".as_ref());
            count += fs::read_dir(&dir)
                .unwrap()
                .filter(|entry| is_page(entry.as_ref().unwrap()))
                .count();
        }
    }
    let words = [
        "", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    let word = words[count];
    let readme = fs::read_to_string(workspace_root().join("README.md")).unwrap().replace('\n', " ");
    for claim in [format!("manifests of {word} real pages"), format!("from {word} real pages")] {
        assert!(readme.contains(&claim), "README should say `{claim}`: the corpus has {count}");
    }
}

/// The names regen warns rustc will warn of as looking alike (`catalog_gen::model::look_alike`)
/// are those rustc warns of.
#[test]
fn regen_warns_of_the_names_rustc_warns_look_alike() {
    regen_warns_as_rustc_does(
        "warnings_names_that_look_alike",
        &[
            ("confusable_idents", "as identifiers, which look alike"),
            ("mixed_script_confusables", "consists solely of mixed script confusables"),
        ],
    );
}

/// The pinned names regen warns rustc will warn of as not in its case are those rustc warns
/// of; the names regen makes, in the same crate, it warns of none.
#[test]
fn regen_warns_of_the_pinned_names_rustc_warns_not_in_case() {
    regen_warns_as_rustc_does(
        "warnings_pins_not_in_case",
        &[
            ("non_camel_case_types", "should have an upper camel case name"),
            ("non_snake_case", "should have a snake case name"),
        ],
    );
}

/// Regen's warnings of `lints`, each `(lint, what rustc says)`, are rustc's: the same lints,
/// as many times, on the crate of the `tests/ui` case `case` that shows those warnings.
fn regen_warns_as_rustc_does(case: &str, lints: &[(&str, &str)]) {
    // A crate named after its case: the cases' crates share a target directory.
    let crate_name = case.replace('_', "-");
    let case = workspace_root().join("catalog-gen/tests/ui").join(case);
    let sandbox = tempfile::tempdir().unwrap();
    let docs = sandbox.path().join("docs");
    copy_dir(&case, &docs);
    let manifest = docs.join("catalog.toml");
    let text = fs::read_to_string(&manifest).unwrap();
    let output = format!("output = \"../{crate_name}/src/generated\"");
    fs::write(&manifest, text.replace("output = \"out\"", &output)).unwrap();
    let crate_dir = sandbox.path().join(&crate_name);
    let output = init(&crate_dir, &manifest);
    let regen = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "init failed:\n{regen}");
    let build = cargo_output("build", &crate_dir.join("Cargo.toml"), "new-crate", &[], &[]);
    let rustc = String::from_utf8_lossy(&build.stderr);
    assert!(build.status.success(), "{rustc}");
    for (lint, rustc_says) in lints {
        let warned = regen.matches(&format!("(`{lint}`)")).count();
        assert!(warned > 0, "{regen}");
        assert_eq!(warned, rustc.matches(rustc_says).count(), "{lint}:\n{regen}\n{rustc}");
    }
}

#[test]
fn init_refuses_an_output_outside_the_new_crate() {
    let sandbox = tempfile::tempdir().unwrap();
    let manifest = quirks_docs(sandbox.path(), "output = \"../quirks/src/generated\"");
    let dir = sandbox.path().join("elsewhere");
    let stderr = refused_init(&dir, &manifest);
    assert!(stderr.contains("not the new crate's `src/generated`"), "{stderr}");
    // The help's line, pasted in place of the manifest's, makes the crate.
    let line = "output = \"../elsewhere/src/generated\"";
    assert!(stderr.contains(&format!("help: set `{line}` in the manifest")), "{stderr}");
    quirks_docs(sandbox.path(), line);
    let output = init(&dir, &manifest);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
}

/// A directory whose name cargo refuses as a package's (`2fa-errors`) makes no crate: nothing
/// is written, and the help's `--name` makes one.
#[test]
fn init_refuses_a_crate_name_cargo_refuses_and_offers_one() {
    let sandbox = tempfile::tempdir().unwrap();
    let manifest = quirks_docs(sandbox.path(), "output = \"../2fa-errors/src/generated\"");
    let dir = sandbox.path().join("2fa-errors");
    let stderr = refused_init(&dir, &manifest);
    assert!(stderr.contains("help: name the crate with `--name catalog-2fa-errors`"), "{stderr}");
    let output = init_with(&dir, &manifest, &["--name", "catalog-2fa-errors"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let cargo_toml = fs::read_to_string(dir.join("Cargo.toml")).unwrap();
    assert!(cargo_toml.contains("name = \"catalog-2fa-errors\""), "{cargo_toml}");
}

#[test]
fn two_catalogs_from_two_crates_share_one_entry_trait() {
    let sandbox = tempfile::tempdir().unwrap();
    let fixture = workspace_root().join("xtask/tests/fixtures/quirks");
    let corpus = workspace_root().join("xtask/tests/corpus");
    for (pages, manifest, name) in [
        (fixture.join("pages"), fixture.join("catalog.toml"), "quirks"),
        (corpus.join("pages"), corpus.join("catalog.toml"), "errors"),
    ] {
        let docs = sandbox.path().join(format!("{name}-docs"));
        copy_dir(&pages, &docs);
        fs::copy(manifest, docs.join("catalog.toml")).unwrap();
        let output = init(&sandbox.path().join(name), &docs.join("catalog.toml"));
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    }
    // A client of both crates and of the runtime, generic over `catalog_core::Entry`.
    let client = sandbox.path().join("client");
    let runtime = workspace_root().join("catalog-core");
    fs::create_dir_all(client.join("src")).unwrap();
    fs::write(
        client.join("Cargo.toml"),
        format!(
            "[package]\nname = \"client\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [dependencies]\nquirks = {{ path = \"../quirks\", features = [\"serde\"] }}\n\
             errors = {{ path = \"../errors\", features = [\"serde\", \"alloc\"] }}\n\
             catalog-core = {{ path = {:?} }}\nserde_json = \"1\"\n",
            runtime.display().to_string()
        ),
    )
    .unwrap();
    fs::write(
        client.join("src/lib.rs"),
        r#"//! Code generic over catalogs of two crates.

/// Every entry of any catalog, as `code name` lines.
pub fn lines<E: catalog_core::Entry>() -> Vec<String> {
    E::ALL.iter().map(|entry| format!("{} {}", entry.code_text(), entry.name())).collect()
}

#[test]
fn one_function_serves_catalogs_of_both_crates() {
    assert_eq!(lines::<quirks::device::Fault>()[0], "0x15000001 Boot ROM Failure");
    assert!(lines::<errors::glacier::GlacierStatus>().iter().any(|line| line.starts_with("400 ")));
    // The crates' re-exports are the runtime's own trait.
    fn same<E: quirks::Entry + errors::Entry + catalog_core::Entry>() {}
    same::<quirks::device::Fault>();
    same::<errors::glacier::GlacierStatus>();
}

/// `Documented` over integer codes: every documented `u32` code and a large pseudo-random
/// sample of others are given back, unknown exactly where `with_code` is empty.
#[test]
fn any_u32_code_is_kept_and_documented_ones_are_never_unknown() {
    use catalog_core::{Documented, Entry};
    use quirks::device::Fault;
    let documented = Fault::ALL.iter().map(|fault| fault.code());
    let mut state = 0x2545_f491_u32;
    let sample = (0..1_000_000).map(|_| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        state
    });
    for code in documented.chain(sample).chain([0, u32::MAX]) {
        let value = Documented::<Fault>::from_code(code);
        assert_eq!(value.code(), code);
        assert_eq!(value.is_unknown(), Fault::with_code(code).is_empty(), "{code}");
    }
}

/// Shared and string codes: a shared code gives every row, an unknown string code is kept and
/// serializes back exactly as received.
#[test]
fn shared_and_string_codes_are_documented_or_kept() {
    use catalog_core::{Documented, Entry};
    use errors::glacier::{GlacierError, GlacierStatus};
    let shared = Documented::<GlacierStatus>::from_code(400);
    assert!(matches!(shared, Documented::Shared(rows) if rows.len() > 1));
    assert_eq!(serde_json::to_string(&shared).unwrap(), "400");
    let known = GlacierError::ALL[0];
    let value = Documented::<GlacierError>::from_code_text(known.code()).unwrap();
    assert_eq!(value, Documented::Entry(known));
    let json = "\"SomeNewException\"";
    let value: Documented<GlacierError> = serde_json::from_str(json).unwrap();
    assert!(value.is_unknown());
    assert_eq!(value.code(), "SomeNewException");
    assert_eq!(serde_json::to_string(&value).unwrap(), json);
}
"#,
    )
    .unwrap();
    cargo_test(&client.join("Cargo.toml"), "new-crate", &[]);
}
