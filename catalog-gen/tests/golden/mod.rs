//! Golden files for test output, compared with snapbox: `SNAPSHOTS=overwrite` rewrites them.

use std::path::Path;

/// The diagnostics generation gives for `input`, rendered: its errors, or where it succeeds,
/// its warnings. Panics where it gives neither.
#[allow(dead_code)] // Not every test binary renders diagnostics.
pub fn diagnostics(input: &catalog_gen::Input<'_>) -> String {
    let failure = catalog_gen::parse_manifest(input.manifest_path, input.manifest_text)
        .and_then(|manifest| catalog_gen::generate_from(&manifest, input));
    match failure {
        Err(failure) => failure.render(false),
        Ok(generation) => {
            assert!(!generation.warnings.is_empty(), "the docs gave no diagnostic");
            let sources = input.sources(&generation.warnings);
            catalog_gen::Failure { diagnostics: generation.warnings, sources }.render(false)
        }
    }
}

/// Asserts that `actual` is the text of the golden file at `path` (relative to `tests/`).
#[track_caller]
pub fn assert_matches(path: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join(path);
    let expected = snapbox::Data::read_from(&path, None).raw();
    snapbox::assert_data_eq!(actual, expected);
}
