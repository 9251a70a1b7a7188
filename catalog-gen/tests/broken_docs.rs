//! The seed docs broken the ways a docs writer breaks them: each must fail with a diagnostic
//! that names the problem, points at `file:line:column` and shows the source line.

use catalog_gen::{Input, PageText, Pages};

const MANIFEST: &str = include_str!("../../docs-src/catalog.toml");
const MEDIATAILOR: &str = include_str!("../../docs-src/mediatailor/playback-errors-client.md");
const MEDIACONVERT: &str = include_str!("../../docs-src/mediaconvert/error-codes.md");
const MANIFEST_PATH: &str = "docs-src/catalog.toml";
const MEDIATAILOR_PATH: &str = "docs-src/mediatailor/playback-errors-client.md";
const MEDIACONVERT_PATH: &str = "docs-src/mediaconvert/error-codes.md";

/// The docs after `edit`, which may replace any of the three texts.
struct Docs {
    manifest: String,
    mediatailor: Result<String, String>,
    mediaconvert: Result<String, String>,
}

impl Docs {
    fn seeds() -> Docs {
        Docs {
            manifest: MANIFEST.to_owned(),
            mediatailor: Ok(MEDIATAILOR.to_owned()),
            mediaconvert: Ok(MEDIACONVERT.to_owned()),
        }
    }

    /// Replaces the one occurrence of `from` in the MediaConvert page.
    fn mediaconvert(mut self, from: &str, to: &str) -> Docs {
        self.mediaconvert = Ok(replace_once(self.mediaconvert.unwrap(), from, to));
        self
    }

    fn mediatailor(mut self, from: &str, to: &str) -> Docs {
        self.mediatailor = Ok(replace_once(self.mediatailor.unwrap(), from, to));
        self
    }

    fn manifest(mut self, from: &str, to: &str) -> Docs {
        self.manifest = replace_once(self.manifest, from, to);
        self
    }

    /// Generates, expecting failure; returns the rendered diagnostics.
    fn errors(&self) -> String {
        let pages = Pages::from([
            (
                "mediatailor/playback-errors-client.md".to_owned(),
                PageText { path: MEDIATAILOR_PATH.to_owned(), text: self.mediatailor.clone() },
            ),
            (
                "mediaconvert/error-codes.md".to_owned(),
                PageText { path: MEDIACONVERT_PATH.to_owned(), text: self.mediaconvert.clone() },
            ),
        ]);
        let input = Input {
            manifest_path: MANIFEST_PATH,
            manifest_text: &self.manifest,
            pages: &pages,
            command: "cargo xtask regen",
        };
        match catalog_gen::generate(&input) {
            Ok(_) => panic!("generation succeeded on broken docs"),
            Err(failure) => failure.render(false),
        }
    }
}

fn replace_once(text: String, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "`{from}` must occur exactly once");
    text.replacen(from, to, 1)
}

/// Asserts the rendering has `message`, located at `path:line:column`, showing `source`.
#[track_caller]
fn assert_reports(rendered: &str, message: &str, location: &str, source: &str) {
    assert!(rendered.contains(&format!("error: {message}")), "no `{message}` in:\n{rendered}");
    assert!(rendered.contains(&format!("--> {location}")), "no `{location}` in:\n{rendered}");
    assert!(rendered.contains(source), "no source line `{source}` in:\n{rendered}");
}

#[test]
fn a_duplicate_code_points_at_both_rows() {
    let rendered = Docs::seeds().mediaconvert("|  1030  |", "|  1010  |").errors();
    assert_reports(&rendered, "duplicate code 1010", &format!("{MEDIACONVERT_PATH}:16:4"), "16 |");
    assert!(rendered.contains("first used here"), "{rendered}");
    assert!(rendered.contains("13 |"), "the first occurrence's line is shown:\n{rendered}");
}

#[test]
fn a_code_that_is_not_a_number_is_located() {
    let rendered = Docs::seeds().mediatailor("| 404 |", "| 4O4 |").errors();
    assert_reports(
        &rendered,
        "code `4O4` is not a `u16`",
        &format!("{MEDIATAILOR_PATH}:14:3"),
        "| 4O4 | NotFoundException",
    );
    assert!(rendered.contains("help: set `key-type = \"str\"`"), "{rendered}");
}

#[test]
fn a_code_out_of_range_names_the_type() {
    let rendered = Docs::seeds().mediaconvert("|  1030  |", "|  70000  |").errors();
    assert_reports(
        &rendered,
        "code `70000` does not fit in `u16`",
        &format!("{MEDIACONVERT_PATH}:16:4"),
        "70000",
    );
    assert!(rendered.contains("the largest `u16` is 65535"), "{rendered}");
}

#[test]
fn empty_code_and_name_cells_are_both_reported() {
    let rendered =
        Docs::seeds().mediatailor("| 409 |", "|  |").mediatailor("| Gone |", "|  |").errors();
    assert_reports(&rendered, "empty code cell", &format!("{MEDIATAILOR_PATH}:15:"), "15 |");
    assert_reports(&rendered, "empty name cell", &format!("{MEDIATAILOR_PATH}:16:"), "16 |");
    assert!(rendered.contains("found 2 problems"), "{rendered}");
}

#[test]
fn a_row_with_a_missing_cell_names_the_missing_column() {
    let docs = Docs::seeds();
    let row = docs.mediatailor.as_ref().unwrap().lines().nth(15).unwrap().to_owned();
    let (short, _) = row.trim_end().trim_end_matches('|').rsplit_once('|').unwrap();
    let rendered = docs.mediatailor(&row, &format!("{short}|")).errors();
    assert_reports(
        &rendered,
        "row has 3 cells, the table has 4 columns",
        &format!("{MEDIATAILOR_PATH}:16:"),
        "| 410 | Gone |",
    );
    assert!(rendered.contains("missing: `What To Do`"), "{rendered}");
}

#[test]
fn a_row_with_an_extra_cell_is_reported() {
    let rendered = Docs::seeds().mediatailor("| 410 | Gone |", "| 410 | Gone | x |").errors();
    assert_reports(
        &rendered,
        "row has more cells than the table's 4 columns",
        &format!("{MEDIATAILOR_PATH}:16:"),
        // The fifth cell is the one dropped; the line is cut to show it.
        "If you think that the request shouldn't be blocked",
    );
    assert!(rendered.contains("escape a `|` inside a cell"), "{rendered}");
}

#[test]
fn an_unknown_column_lists_the_headers_and_suggests_the_closest() {
    let rendered = Docs::seeds()
        .manifest("name-column = \"Exception Name\"", "name-column = \"Exception Nmae\"")
        .errors();
    assert_reports(
        &rendered,
        "the table has no column `Exception Nmae`",
        &format!("{MANIFEST_PATH}:14:15"),
        "name-column = \"Exception Nmae\"",
    );
    assert!(
        rendered.contains("the columns are: `Code`, `Exception Name`, `Meaning`, `What To Do`"),
        "{rendered}"
    );
    assert!(rendered.contains("help: did you mean `Exception Name`?"), "{rendered}");
}

#[test]
fn a_renamed_header_in_the_page_is_caught_from_the_manifest() {
    let rendered = Docs::seeds().mediaconvert("| Error code |", "| Error number |").errors();
    assert_reports(
        &rendered,
        "the table has no column `Error code`",
        &format!("{MANIFEST_PATH}:22:14"),
        "key-column = \"Error code\"",
    );
    assert!(rendered.contains(&format!("{MEDIACONVERT_PATH}:11:")), "{rendered}");
    assert!(rendered.contains("did you mean `Error number`?"), "{rendered}");
}

#[test]
fn a_missing_heading_lists_the_tables_the_page_has() {
    let rendered = Docs::seeds()
        .manifest(
            "module = \"mediatailor\"",
            "heading = \"Server Errors\"\nmodule = \"mediatailor\"",
        )
        .errors();
    assert_reports(
        &rendered,
        &format!("`{MEDIATAILOR_PATH}` has no table under the heading `Server Errors`"),
        &format!("{MANIFEST_PATH}:10:11"),
        "heading = \"Server Errors\"",
    );
    assert!(rendered.contains("table 0 on line 10"), "{rendered}");
}

#[test]
fn a_page_without_a_table_is_reported() {
    let page = MEDIATAILOR.lines().filter(|line| !line.starts_with('|')).collect::<Vec<_>>();
    let mut docs = Docs::seeds();
    docs.mediatailor = Ok(page.join("\n"));
    let rendered = docs.errors();
    assert_reports(
        &rendered,
        &format!("`{MEDIATAILOR_PATH}` has no table at all"),
        &format!("{MANIFEST_PATH}:8:8"),
        "page = \"mediatailor/playback-errors-client.md\"",
    );
    assert!(rendered.contains("the page has no tables"), "{rendered}");
}

#[test]
fn missing_and_non_utf8_pages_are_reported_together() {
    let mut docs = Docs::seeds();
    docs.mediatailor = Err("no such file".to_owned());
    docs.mediaconvert = Err("not UTF-8: invalid utf-8 sequence of 1 bytes from index 3".into());
    let rendered = docs.errors();
    assert_reports(
        &rendered,
        "cannot read page `mediatailor/playback-errors-client.md`: no such file",
        &format!("{MANIFEST_PATH}:8:8"),
        "page = \"mediatailor/playback-errors-client.md\"",
    );
    assert_reports(
        &rendered,
        "cannot read page `mediaconvert/error-codes.md`: not UTF-8",
        &format!("{MANIFEST_PATH}:18:8"),
        "page = \"mediaconvert/error-codes.md\"",
    );
}

#[test]
fn malformed_toml_is_located() {
    let rendered = Docs::seeds()
        .manifest(
            "key-type = \"u16\"\nname-column = \"Exception",
            "key-type = u16\nname-column = \"Exception",
        )
        .errors();
    assert_reports(
        &rendered,
        "invalid manifest:",
        &format!("{MANIFEST_PATH}:13:12"),
        "key-type = u16",
    );
}

#[test]
fn an_unknown_manifest_key_lists_the_known_ones() {
    let rendered = Docs::seeds().manifest("strip-suffix = ", "strip-sufix = ").errors();
    assert_reports(
        &rendered,
        "invalid manifest: unknown field `strip-sufix`",
        &format!("{MANIFEST_PATH}:15:1"),
        "strip-sufix = \"Exception\"",
    );
    assert!(rendered.contains("strip-suffix"), "the expected keys are listed:\n{rendered}");
}

#[test]
fn an_unknown_key_type_is_located() {
    let rendered = Docs::seeds()
        .manifest(
            "key-type = \"u16\"\nname-column = \"Exception",
            "key-type = \"i16\"\nname-column = \"Exception",
        )
        .errors();
    assert_reports(&rendered, "invalid manifest:", &format!("{MANIFEST_PATH}:13:12"), "\"i16\"");
}

#[test]
fn two_tables_generating_one_enum_or_one_module_from_two_pages_are_reported() {
    let rendered = Docs::seeds()
        .manifest("enum = \"ErrorCode\"", "enum = \"ClientPlaybackError\"")
        .manifest("module = \"mediaconvert\"", "module = \"mediatailor\"")
        .errors();
    assert_reports(
        &rendered,
        "two tables generate the enum `ClientPlaybackError`",
        &format!("{MANIFEST_PATH}:21:8"),
        "enum = \"ClientPlaybackError\"",
    );
    assert_reports(
        &rendered,
        "two pages generate the module `mediatailor`",
        &format!("{MANIFEST_PATH}:20:10"),
        "module = \"mediatailor\"",
    );
}

#[test]
fn pinned_names_that_are_not_identifiers_or_collide_are_reported() {
    let rendered = Docs::seeds()
        .manifest(
            "strip-suffix = \"Exception\"",
            "strip-suffix = \"Exception\"\nvariants = { \"400\" = \"Not Found\", \"403\" = \"NotFound\", \"999\" = \"Extra\" }",
        )
        .errors();
    assert_reports(
        &rendered,
        "`Not Found` is not a valid variant name",
        &format!("{MANIFEST_PATH}:16:22"),
        "\"Not Found\"",
    );
    assert!(
        rendered
            .contains("a variant name is pinned for the code `999`, which the table does not have"),
        "{rendered}"
    );
}

#[test]
fn two_pinned_names_that_collide_point_at_both_rows() {
    let rendered = Docs::seeds()
        .manifest(
            "strip-suffix = \"Exception\"",
            "strip-suffix = \"Exception\"\nvariants = { \"400\" = \"Refused\", \"403\" = \"Refused\" }",
        )
        .errors();
    assert_reports(
        &rendered,
        "two rows generate the variant `Refused`",
        &format!("{MEDIATAILOR_PATH}:13:9"),
        "| 403 | AccessDeniedException",
    );
    assert!(rendered.contains("first row"), "{rendered}");
    assert!(rendered.contains("help: pin a name in the manifest"), "{rendered}");
}

#[test]
fn columns_count_characters_not_bytes() {
    // Non-ASCII text before the bad cell: its column differs in characters and in bytes.
    let rendered =
        Docs::seeds().mediatailor("| 410 | Gone |", "| 410 | Gone | Ärger é ü |").errors();
    let line = rendered.lines().find(|line| line.starts_with("16 | ")).unwrap().to_owned();
    let page_line =
        MEDIATAILOR.lines().nth(15).unwrap().replacen("| Gone |", "| Gone | Ärger é ü |", 1);
    let start = page_line.find("If you think").unwrap();
    let column = page_line[..start].chars().count() + 1;
    assert_ne!(column, start + 1, "the test needs multi-byte characters before the cell");
    assert_reports(
        &rendered,
        "row has more cells than the table's 4 columns",
        &format!("{MEDIATAILOR_PATH}:16:{column}"),
        &line,
    );
}

#[test]
fn every_problem_is_reported_in_one_run() {
    let rendered = Docs::seeds()
        .mediaconvert("|  1030  |", "|  1010  |")
        .mediatailor("| 404 |", "| 4O4 |")
        .errors();
    assert!(rendered.contains("duplicate code 1010"), "{rendered}");
    assert!(rendered.contains("code `4O4` is not a `u16`"), "{rendered}");
    assert!(rendered.contains("found 2 problems"), "{rendered}");
}
