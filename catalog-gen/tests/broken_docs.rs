//! The seed docs broken the ways a docs writer breaks them: each must fail with diagnostics
//! that name the problem, point at `file:line:column` and show the source line. Each case's
//! whole output is compared with its golden file, `broken_docs/<case>.stderr`; after an
//! intended change to the wording, `SNAPSHOTS=overwrite cargo test -p catalog-gen --test
//! broken_docs` rewrites them (review the diff).

mod golden;

use std::sync::Arc;

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

    /// Generates, expecting failure, and compares the rendered diagnostics with the golden
    /// file named after the running test; returns them.
    fn errors(&self) -> String {
        let pages = Pages::from([
            (
                "mediatailor/playback-errors-client.md".to_owned(),
                PageText {
                    path: MEDIATAILOR_PATH.to_owned(),
                    text: self.mediatailor.clone().map(Arc::new),
                },
            ),
            (
                "mediaconvert/error-codes.md".to_owned(),
                PageText {
                    path: MEDIACONVERT_PATH.to_owned(),
                    text: self.mediaconvert.clone().map(Arc::new),
                },
            ),
        ]);
        let input = Input {
            manifest_path: MANIFEST_PATH,
            manifest_text: &self.manifest,
            pages: &pages,
            command: "cargo xtask regen",
        };
        let rendered = golden::diagnostics(&input);
        let case = std::thread::current().name().expect("a test thread").to_owned();
        golden::assert_matches(&format!("broken_docs/{case}.stderr"), &rendered);
        rendered
    }
}

fn replace_once(text: String, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "`{from}` must occur exactly once");
    text.replacen(from, to, 1)
}

#[test]
fn a_duplicate_code_points_at_both_rows() {
    Docs::seeds().mediaconvert("|  1030  |", "|  1010  |").errors();
}

#[test]
fn a_code_that_is_not_a_number_is_located() {
    Docs::seeds().mediatailor("| 404 |", "| 4O4 |").errors();
}

/// JSON-RPC's codes are negative (`-32700`): a number all the same, so the help does not call it
/// text, and names the narrowest signed type that holds every code of the table (`i16` here).
#[test]
fn a_negative_code_is_told_apart_from_text() {
    Docs::seeds().mediatailor("| 404 |", "| -32700 |").errors();
}

/// DJI's wayline interrupt reasons run from `-19` to `65535`: no `i16` holds them, `i32` does.
/// `-0` is no negative number to any type, so its help lists the signed ones.
#[test]
fn a_negative_code_in_an_unsigned_table_names_the_signed_type_that_holds_every_code() {
    let errors = Docs::seeds()
        .mediatailor("| 404 |", "| -19 |")
        .mediatailor("| 409 |", "| 65535 |")
        .mediatailor("| 410 |", "| -0 |")
        .errors();
    assert!(errors.contains("help: set `key-type = \"i32\"` in the manifest"), "{errors}");
    assert_eq!(errors.matches("set a signed `key-type` in the manifest: `i8`").count(), 1);
}

#[test]
fn a_code_below_its_signed_type_names_the_smallest() {
    Docs::seeds()
        .manifest(
            "key-type = \"u16\"\nname-column = \"Exception",
            "key-type = \"i16\"\nname-column = \"Exception",
        )
        .mediatailor("| 404 |", "| -40400 |")
        .errors();
}

/// A registry's row for a range, a list, a formula or a class of codes (`0x02-0xFE`,
/// `400<br>403`, `0x7f * N + 0x9D`, HTTP's `5xx`, a family of hex codes, `0x04xx`, a range open
/// at an end: `4000+`) is no code: the help offers to leave the row out, as for a mistyped code
/// (`4O4`) it does not; where several rows are, each help offers the line of them all. A cell of
/// a code a line is offered a variant of each too (`split-codes`).
#[test]
fn a_row_of_several_codes_is_offered_to_be_left_out() {
    Docs::seeds()
        .mediaconvert("|  1040  |", "|  0x04xx  |")
        .mediatailor("| 409 |", "| 409-499 |")
        .mediatailor("| 410 |", "| 5xx |")
        .mediatailor("| 404 |", "| 404<br>405 |")
        .mediatailor("| 403 |", "| 4000+ |")
        .errors();
}

/// `skip-rows` names rows by a whole key or name cell: an entry that is neither (a typo, or a
/// row gone upstream) is an error, with the cell it may have meant.
#[test]
fn a_skipped_row_that_is_no_row_is_reported_with_the_closest_cell() {
    Docs::seeds()
        .manifest(
            "help-column = \"What To Do\"",
            "help-column = \"What To Do\"\nskip-rows = [\"Gnoe\", \"418\"]",
        )
        .errors();
}

/// Each help names the narrowest type that holds every code of the table, not only its own
/// (`u64` for `5000000000`, where `70000` alone would fit in `u32`: Microsoft Power Pages'
/// summarization API writes codes such as `90041001`); a code that no integer type holds is
/// offered text.
#[test]
fn a_code_out_of_range_names_the_type() {
    let errors = Docs::seeds()
        .mediaconvert("|  1030  |", "|  70000  |")
        .mediaconvert("|  1040  |", "|  5000000000  |")
        .mediaconvert("|  1050  |", "|  18446744073709551616  |")
        .errors();
    assert_eq!(errors.matches("set `key-type = \"u64\"`").count(), 2, "{errors}");
    assert!(errors.contains("set `key-type = \"str\"`"), "{errors}");
}

/// A row needs a code (lookups find it by its code), not a name: an empty name cell is a name
/// that makes no identifier, and the code names the variant (`xtask/tests/odd_docs.rs`).
#[test]
fn an_empty_code_cell_is_reported_and_an_empty_name_cell_is_none() {
    Docs::seeds().mediatailor("| 409 |", "|  |").mediatailor("| Gone |", "|  |").errors();
}

#[test]
fn a_row_with_a_missing_cell_is_padded_with_a_warning_that_names_the_column() {
    let docs = Docs::seeds();
    let row = docs.mediatailor.as_ref().unwrap().lines().nth(15).unwrap().to_owned();
    let (short, _) = row.trim_end().trim_end_matches('|').rsplit_once('|').unwrap();
    docs.mediatailor(&row, &format!("{short}|")).errors();
}

#[test]
fn a_row_with_an_extra_cell_is_reported() {
    Docs::seeds().mediatailor("| 410 | Gone |", "| 410 | Gone | x |").errors();
}

#[test]
fn an_unknown_column_lists_the_headers_and_suggests_the_closest() {
    Docs::seeds()
        .manifest("name-column = \"Exception Name\"", "name-column = \"Exception Nmae\"")
        .errors();
}

#[test]
fn a_renamed_header_in_the_page_is_caught_from_the_manifest() {
    Docs::seeds().mediaconvert("| Error code |", "| Error number |").errors();
}

#[test]
fn a_header_left_empty_asks_for_a_pinned_method() {
    Docs::seeds().mediaconvert("| Message | Details |", "| Message |  |").errors();
}

#[test]
fn a_second_header_left_empty_points_at_both() {
    Docs::seeds()
        .manifest("key-column = \"Error code\"", "key-column = \"\"")
        .mediaconvert("| Error code | Message | Details |", "|  | Message |  |")
        .errors();
}

#[test]
fn a_missing_heading_lists_the_tables_the_page_has() {
    Docs::seeds()
        .manifest(
            "module = \"mediatailor\"",
            "heading = \"Server Errors\"\nmodule = \"mediatailor\"",
        )
        .errors();
}

#[test]
fn a_page_without_a_table_is_reported() {
    let page = MEDIATAILOR.lines().filter(|line| !line.starts_with('|')).collect::<Vec<_>>();
    let mut docs = Docs::seeds();
    docs.mediatailor = Ok(page.join("\n"));
    docs.errors();
}

#[test]
fn missing_and_non_utf8_pages_are_reported_together() {
    let mut docs = Docs::seeds();
    docs.mediatailor = Err("no such file".to_owned());
    docs.mediaconvert = Err("not UTF-8: invalid utf-8 sequence of 1 bytes from index 3".into());
    docs.errors();
}

#[test]
fn malformed_toml_is_located() {
    Docs::seeds()
        .manifest(
            "key-type = \"u16\"\nname-column = \"Exception",
            "key-type = u16\nname-column = \"Exception",
        )
        .errors();
}

#[test]
fn an_unknown_manifest_key_lists_the_known_ones() {
    Docs::seeds().manifest("strip-suffix = ", "strip-sufix = ").errors();
}

#[test]
fn an_unknown_key_type_is_located() {
    Docs::seeds()
        .manifest(
            "key-type = \"u16\"\nname-column = \"Exception",
            "key-type = \"u128\"\nname-column = \"Exception",
        )
        .errors();
}

#[test]
fn two_tables_generating_one_enum_or_one_module_from_two_pages_are_reported() {
    Docs::seeds()
        .manifest("enum = \"ErrorCode\"", "enum = \"ClientPlaybackError\"")
        .manifest("module = \"mediaconvert\"", "module = \"mediatailor\"")
        .errors();
}

#[test]
fn pinned_names_that_are_not_identifiers_or_collide_are_reported() {
    Docs::seeds()
        .manifest(
            "strip-suffix = \"Exception\"",
            "strip-suffix = \"Exception\"\nvariants = { \"400\" = \"Not Found\", \"403\" = \"NotFound\", \"999\" = \"Extra\" }",
        )
        .errors();
}

#[test]
fn two_pinned_names_that_collide_point_at_both_rows() {
    Docs::seeds()
        .manifest(
            "strip-suffix = \"Exception\"",
            "strip-suffix = \"Exception\"\nvariants = { \"400\" = \"Refused\", \"403\" = \"Refused\" }",
        )
        .errors();
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
    assert!(rendered.contains(&format!("--> {MEDIATAILOR_PATH}:16:{column}")), "{rendered}");
    assert!(rendered.contains(&line));
}

#[test]
fn every_problem_is_reported_in_one_run() {
    Docs::seeds()
        .mediaconvert("|  1030  |", "|  1010  |")
        .mediatailor("| 404 |", "| 4O4 |")
        .errors();
}

/// README says how many ways this file breaks the seed docs: one golden file per way.
#[test]
fn readme_counts_the_ways_the_seed_docs_are_broken() {
    let readme = include_str!("../../README.md").replace('\n', " ");
    let claim = readme.split("breaks the seed docs in ").nth(1).expect("README states the count");
    let claimed: usize = claim.split(' ').next().unwrap().parse().unwrap();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken_docs");
    let goldens = std::fs::read_dir(dir).unwrap().count();
    assert_eq!(claimed, goldens, "README's count of broken_docs cases");
}
