//! A retired code, as its users see it: after upstream drops MediaConvert's 1401 and the
//! manifest retires it, code that names the variant still compiles, with a deprecation warning
//! that says why, and the code still resolves, by code, name and serde, as retired.

mod common;

use std::fs;

use catalog_gen::regen::{self, Mode, Options};
use common::{cargo_output, workspace_root};

const MANIFEST: &str = r#"output = "../errors/src/generated"

[[table]]
page = "error-codes.md"
url = "https://docs.aws.amazon.com/mediaconvert/latest/ug/mediaconvert_error_codes.html"
module = "mediaconvert"
enum = "ErrorCode"
key-column = "Error code"
key-type = "u16"
name-column = "Message"
"#;

const RETIRED: &str =
    "retired = { \"1401\" = { since = \"2024-05-01\", note = \"use 1432 or 1433\" } }\n";

const USER: &str = r#"//! Code written before 1401 was retired.

use errors::Entry;
use errors::mediaconvert::ErrorCode;

pub fn is_permissions(error: ErrorCode) -> bool {
    error == ErrorCode::PermissionsIssue
}

#[test]
fn a_retired_code_still_resolves() {
    let error = ErrorCode::from_code(1401).unwrap();
    assert!(is_permissions(error));
    assert!(error.is_retired() && Entry::is_retired(error));
    assert_eq!(ErrorCode::from_name("Permissions Issue"), Some(error));
    assert!(error.details().starts_with("Amazon S3 denied access"));
    assert_eq!(serde_json::from_str::<ErrorCode>("1401").unwrap(), error);
    assert_eq!(serde_json::to_string(&error).unwrap(), "1401");
    assert!(ErrorCode::ALL.contains(&error));
    assert!(!ErrorCode::InputError.is_retired());
}
"#;

#[test]
fn a_retired_variant_compiles_with_a_deprecation_warning_and_still_resolves() {
    let sandbox = tempfile::tempdir().unwrap();
    let docs = sandbox.path().join("docs");
    fs::create_dir_all(&docs).unwrap();
    let page =
        workspace_root().join("catalog-gen/tests/history/mediaconvert/10-2023-04-18-39c9e88.md");
    let page = fs::read_to_string(page).unwrap();
    fs::write(docs.join("error-codes.md"), &page).unwrap();
    fs::write(docs.join("catalog.toml"), MANIFEST).unwrap();
    let crate_dir = sandbox.path().join("errors");
    regen::init(&crate_dir, &docs.join("catalog.toml"), Some("errors"))
        .unwrap_or_else(|error| panic!("{}", error.render(false)));

    let without: String = page
        .lines()
        .filter(|line| !line.starts_with("|  1401  |"))
        .map(|line| format!("{line}\n"))
        .collect();
    fs::write(docs.join("error-codes.md"), without).unwrap();
    fs::write(docs.join("catalog.toml"), format!("{MANIFEST}{RETIRED}")).unwrap();
    let options = Options { mode: Mode::Write, ..Options::default() };
    let report = regen::regen(&docs.join("catalog.toml"), &options)
        .unwrap_or_else(|error| panic!("{}", error.render(false)));
    assert_eq!(report.changelog.semver(), catalog_gen::changelog::Semver::Minor);

    let user = sandbox.path().join("user");
    fs::create_dir_all(user.join("src")).unwrap();
    fs::write(
        user.join("Cargo.toml"),
        "[package]\nname = \"user\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\nerrors = { path = \"../errors\", features = [\"serde\"] }\n\
         serde_json = \"1\"\n",
    )
    .unwrap();
    fs::write(user.join("src/lib.rs"), USER).unwrap();
    let output = cargo_output("test", &user.join("Cargo.toml"), "lifecycle", &[], &[]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}{}", String::from_utf8_lossy(&output.stdout));
    assert!(
        stderr.contains(
            "use of deprecated unit variant `errors::mediaconvert::ErrorCode::PermissionsIssue`"
        ) && stderr
            .contains("retired: no longer in the documentation since 2024-05-01; use 1432 or 1433"),
        "{stderr}"
    );
    // The catalog itself builds without a warning of its own.
    assert!(
        !stderr.contains("--> ../errors") && !stderr.contains("errors/src/generated"),
        "{stderr}"
    );
}
