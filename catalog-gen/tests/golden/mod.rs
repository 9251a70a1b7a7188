//! Golden files for test output, compared with snapbox: `SNAPSHOTS=overwrite` rewrites them.

use std::path::Path;

/// Asserts that `actual` is the text of the golden file at `path` (relative to `tests/`).
#[track_caller]
pub fn assert_matches(path: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join(path);
    let expected = snapbox::Data::read_from(&path, None).raw();
    snapbox::assert_data_eq!(actual, expected);
}
