//! Synthetic docs trees of any size, for benchmarks: pages shaped like the real ones. Each row
//! has a hexadecimal code, a name, a long explanation built from the MediaConvert page's own
//! sentences (escapes such as `\.` and `\(`, code spans, bold, relative and absolute links,
//! `<br>`), and a remedy; one row in fifty has a much longer explanation, as pages with
//! embedded lists do. A row is about 500 bytes, as on the real page: 200,000 rows make 100 MB.
//!
//! Names differ from row to row, as a real catalog's mostly do (the MediaConvert page: 28 names
//! for 33 rows): three to seven words, some of them acronyms (`HLS`, `IAM`) and some with an
//! apostrophe (`Doesn't Match`). Every eighth row's name, a noun and a fault, repeats an
//! earlier one, as "Disk Full" does upstream; the other rows' names are no two alike, up to
//! [`DISTINCT_NAMES`] of them (a page of 279k rows).
//!
//! A second [`Shape`], [`Shape::Glacier`], makes pages shaped like the S3 Glacier API's error
//! responses instead (a page of other teams' docs, `xtask/tests/corpus/pages/`): string codes
//! that end in `Exception`, listed alphabetically, variants named from the codes, and short
//! cells, about 180 bytes a row; there regen writes more text per byte of docs than on the
//! MediaConvert shape (BENCHMARKS.md, section 0, fifty-third round).
//!
//! Deterministic: the same sizes give the same bytes, so anyone can reproduce a measurement.

use std::fmt::Write;
use std::fs;
use std::io;
use std::path::Path;

/// A synthetic docs tree: the manifest and the pages, paths relative to the manifest.
#[derive(Clone, Debug)]
pub struct Docs {
    /// The manifest's text; its `output` is `output`.
    pub manifest: String,
    /// `(path, text)` of every page.
    pub pages: Vec<(String, String)>,
}

impl Docs {
    /// Writes the tree into `dir`: the manifest as `catalog.toml`, each page at its path,
    /// directories created as needed. Where a file cannot be written, the error names it.
    pub fn write_to(&self, dir: &Path) -> io::Result<()> {
        let manifest = (dir.join("catalog.toml"), &self.manifest);
        let pages = self.pages.iter().map(|(path, text)| (dir.join(path), text));
        for (path, text) in std::iter::once(manifest).chain(pages) {
            path.parent()
                .map_or(Ok(()), fs::create_dir_all)
                .and_then(|()| fs::write(&path, text))
                .map_err(|error| {
                    io::Error::new(error.kind(), format!("`{}`: {error}", path.display()))
                })?;
        }
        Ok(())
    }
}

/// What the rows of a synthetic page look like: which real page they imitate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Shape {
    /// The MediaConvert error page's: a hexadecimal code, a name, a long explanation with
    /// links and code spans, and a remedy; about 500 bytes a row.
    #[default]
    MediaConvert,
    /// The S3 Glacier API error page's: a string code ending in `Exception` (the variant is
    /// named from it), a short description, an HTTP status and a fault type; about 180 bytes a
    /// row, codes listed alphabetically.
    Glacier,
}

impl Shape {
    /// Every shape with its name, as `cargo xtask synth --shape` and the floor benchmark's
    /// `FLOOR_SHAPE` take it.
    pub const NAMED: [(&'static str, Shape); 2] =
        [("mediaconvert", Shape::MediaConvert), ("glacier", Shape::Glacier)];

    /// The shape named `name` in [`Shape::NAMED`].
    pub fn named(name: &str) -> Option<Shape> {
        Shape::NAMED.iter().find(|(named, _)| *named == name).map(|&(_, shape)| shape)
    }
}

const WORDS: &[&str] = &[
    "input", "output", "audio", "video", "caption", "segment", "manifest", "bucket", "role",
    "codec", "stream", "track", "frame", "queue", "policy", "session", "license", "endpoint",
    "timecode", "bitrate",
];
const FAULTS: &[&str] = &[
    "Error",
    "Failure",
    "Not Found",
    "Unsupported",
    "Timeout",
    "Denied",
    "Invalid",
    "Missing",
    "Doesn't Match",
];

/// What a name may begin with, as `HLS` and `IAM` names do upstream; the first is nothing.
const QUALIFIERS: &[&str] = &[
    "",
    "HLS",
    "DASH",
    "IAM",
    "S3",
    "HTTP",
    "MXF",
    "Primary",
    "Secondary",
    "Live",
    "Ad",
    "Source",
    "Target",
    "Default",
    "Custom",
    "Encrypted",
    "Remote",
];

/// The words of a name between its qualifier and its fault: [`WORDS`], then these.
const MORE_NOUNS: &[&str] = &[
    "container",
    "profile",
    "channel",
    "playlist",
    "packager",
    "origin",
    "encoder",
    "decoder",
    "subtitle",
    "thumbnail",
    "watermark",
    "preset",
    "template",
    "job",
    "rendition",
    "overlay",
    "cue",
    "ad break",
    "slate",
    "key",
];

/// How many nouns a name chooses from: [`WORDS`] and [`MORE_NOUNS`].
const NOUNS: usize = WORDS.len() + MORE_NOUNS.len();

/// The noun numbered `index` (below [`NOUNS`]).
fn noun(index: usize) -> &'static str {
    WORDS.get(index).copied().unwrap_or_else(|| MORE_NOUNS[index - WORDS.len()])
}

/// How many rows, of the seven in eight that have a name of their own, can have names no two
/// alike: one for each qualifier, two nouns and a fault.
pub const DISTINCT_NAMES: usize = QUALIFIERS.len() * NOUNS * NOUNS * FAULTS.len();

// The benchmarks' largest docs, 200k rows, have names no two alike but every eighth row's.
const _: () = assert!(DISTINCT_NAMES * 8 / 7 >= 200_000);

/// The step between the names of two rows one after the other, among the [`DISTINCT_NAMES`]:
/// prime to their number, so the first [`DISTINCT_NAMES`] rows take each once; and large, so
/// that rows one after another do not count through the names a word at a time (a row's
/// qualifier, second noun and fault all differ from the row's before it).
const NAME_STEP: usize = 104_729;

/// Sentences of the MediaConvert error page (`docs-src/mediaconvert/error-codes.md`), with a
/// word (`{}`) varied per row.
const EXPLANATIONS: &[&str] = &[
    "The service can't open one or more of your {} files\\. Possible causes are as follows: ",
    "The service was able to open and read your input file, but couldn't find a {} elementary stream\\. ",
    "One or more of the job's {} settings aren't supported in the combination specified\\. Or, the encoding settings aren't compatible with the input\\. ",
    "The start and end timecodes specified for an input clip don't exist in the associated {} stream\\.  A possible cause is that the input clipping timecodes are specified starting from zero, but the embedded timecodes start at a time other than `00:00:00:00`\\. ",
    "Amazon S3 denied access to a {} or bucket\\. Check the bucket policies on your input and output locations\\. ",
    "You specified an HTTP\\(S\\) URL for a {} that requires authentication\\. MediaConvert doesn't pass authentication credentials to the HTTP server\\. ",
    "There is a problem in the way that the `{}` output settings are configured in your job\\. Check that these settings are correct and valid per specification\\. ",
    "MediaConvert couldn't recover from a problematic {} when demuxing\\. The file might have an unexpected end of file\\. ",
];
const LINKS: &[&str] = &[
    "[\\[See the AWS documentation website for more details\\]](http://docs.aws.amazon.com/mediaconvert/latest/ug/mediaconvert_error_codes.html)",
    "See [Supported input codecs and containers](reference-codecs-containers-input.md)\\.",
    "For more information, see [HTTP input requirements](upload-input-files.md#http-input-requirements)\\.",
    "For more information about setting up this IAM role, see [Set Up IAM Permissions](iam-role.md) in this guide\\.",
];
const REMEDIES: &[&str] = &[
    "Check that the job has the right IAM role specified and that the role has the necessary permissions for the {}\\.",
    "Set both the input **Timecode source** and the **Timecode configuration** **Source** under **Job settings** to **Start at 0**\\.",
    "Try reducing the number of outputs in the job, or reducing the length of the {}\\.<br>If the error persists, contact AWS Support\\.",
    "Verify that your {} is valid and that it's truncated properly\\. If MediaConvert supports your input, open a case with AWS Support\\.",
];

/// The rows of the S3 Glacier API's error page
/// (`xtask/tests/corpus/pages/amazon-glacier-developer-guide/api-error-responses.md`) but
/// their codes: a description with a word (`{}`) varied per row, the HTTP status, the type.
const GLACIER_ROWS: &[[&str; 3]] = &[
    [
        "Returned if there was an attempt to access a {} not allowed by an AWS Identity and Access Management \\(IAM\\) policy, or the incorrect AWS account ID was used in the request URI\\. For more information, see [Identity and Access Management for Amazon S3 Glacier](security-iam.md)\\.",
        "403 Forbidden",
        "Client",
    ],
    ["Returned if the {} request cannot be processed\\.", "400 Bad Request", "Client"],
    [
        "Returned if the security token used in the {} request has expired\\.",
        "403 Forbidden",
        "Client",
    ],
    [
        "Returned if there is insufficient capacity to process the expedited {} request\\. This error only applies to expedited retrievals and not to standard or bulk retrievals\\.",
        "503 Service Unavailable",
        "Server",
    ],
    [
        "Returned if a parameter of the {} request is incorrectly specified\\.",
        "400 Bad Request",
        "Client",
    ],
    ["Returned if the {} request signature is invalid\\.", "403 Forbidden", "Client"],
    [
        "Returned if the {} request results in one of the following limits being exceeded, a vault limit, a tags limit, or the provisioned capacity limit\\.",
        "400 Bad Request",
        "Client",
    ],
    [
        "Returned if no authentication data is found for the {} request\\.",
        "400 Bad Request",
        "Client",
    ],
    [
        "Returned if a required {} header or parameter is missing from the request\\.",
        "400 Bad Request",
        "Client",
    ],
    [
        "Returned if a {} retrieval job will exceed the current data policy's retrieval rate limit\\. For more information about data retrieval policies, see [S3 Glacier Data Retrieval Policies](data-retrieval-policy.md)\\.",
        "400 Bad Request",
        "Client",
    ],
    [
        "Returned if the specified resource such as a vault, upload ID, or {} ID does not exist\\.",
        "404 Not Found",
        "Client",
    ],
    [
        "Returned if uploading an archive and Amazon S3 Glacier \\(S3 Glacier\\) times out while receiving the {} upload\\.",
        "408 Request Timeout",
        "Client",
    ],
    [
        "Returned if the body of the {} request is invalid\\. If including a JSON payload, check that it is well\\-formed\\.",
        "400 Bad Request",
        "Client",
    ],
    [
        "Returned if the service cannot complete the {} request\\.",
        "500 Internal Server Error",
        "Server",
    ],
    [
        "Returned if you need to reduce your rate of {} requests to S3 Glacier\\.",
        "400 Bad Request",
        "Client",
    ],
    [
        "Returned if the Access Key ID or {} security token is invalid\\.",
        "400 Bad Request",
        "Client",
    ],
];

/// A small deterministic generator (SplitMix64), so sizes map to fixed bytes.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }

    /// `template` with its `{}` replaced by a word, appended to `out`.
    fn fill(&mut self, out: &mut String, template: &str) {
        match template.split_once("{}") {
            Some((before, after)) => {
                out.push_str(before);
                out.push_str(self.pick(WORDS));
                out.push_str(after);
            }
            None => out.push_str(template),
        }
    }
}

/// `pages` pages of `rows` rows each, with `output` as the manifest's output directory and
/// `table_options` (manifest lines such as `layout = "match"`) added to every `[[table]]`:
/// [`docs_shaped`] with the default [`Shape`].
pub fn docs(rows: usize, pages: usize, output: &str, table_options: &[String]) -> Docs {
    docs_shaped(Shape::default(), rows, pages, output, table_options)
}

/// [`docs`] whose rows have the given [`Shape`].
pub fn docs_shaped(
    shape: Shape,
    rows: usize,
    pages: usize,
    output: &str,
    table_options: &[String],
) -> Docs {
    let mut random = Random(0x5EED);
    let mut manifest = format!(
        "# Synthetic docs: {pages} page(s) of {rows} row(s), from `cargo xtask synth`.\n\
         output = \"{output}\"\n"
    );
    let mut texts = Vec::new();
    for page in 0..pages {
        // The page's file name (without `.md`), the table's lines of the manifest, the page.
        let (name, table, text) = match shape {
            Shape::MediaConvert => (
                "error-codes",
                "key-column = \"Error code\"\nkey-type = \"u32\"\nname-column = \"Message\"\n",
                page_text(page, rows, &mut random),
            ),
            Shape::Glacier => (
                "api-error-responses",
                "key-column = \"Code\"\nkey-type = \"str\"\nstrip-suffix = \"Exception\"\n",
                glacier_page_text(page, rows, &mut random),
            ),
        };
        let path = format!("service-{page}/{name}.md");
        let _ = write!(
            manifest,
            "\n[[table]]\npage = \"{path}\"\nurl = \"https://docs.example.com/service-{page}/latest/ug/{name}.html\"\n\
             module = \"service_{page}\"\nenum = \"Service{page}Error\"\n{table}"
        );
        for option in table_options {
            let _ = writeln!(manifest, "{option}");
        }
        texts.push((path, text));
    }
    Docs { manifest, pages: texts }
}

fn page_text(page: usize, rows: usize, random: &mut Random) -> String {
    let mut text = String::with_capacity(rows * 520 + 1024);
    let _ = write!(
        text,
        "# Error codes for service {page}<a name=\"error-codes-{page}\"></a>\n\n\
         The service reports these codes when a job fails\\. See [Troubleshooting](troubleshooting.md) \
         and the [\\[See the documentation website for more details\\]](http://docs.example.com/)\\.\n\n\
         **Note**  \nCodes are stable; messages may change\\.\n\n\
         | Error code | Message | Details | Remedy | \n| --- | --- | --- | --- | \n"
    );
    let mut code: u32 = 0x0010_0000;
    for row in 0..rows {
        // Increasing with gaps, as real codes are (1010, 1020, 1021, 1022, 1030, ...).
        code += 1 + (random.next() % 9) as u32;
        let _ = write!(text, "|  0x{code:08X}  |  ");
        // Every 8th name repeats an earlier one, as "Disk Full" does upstream.
        if row % 8 == 7 {
            push_capitalized(&mut text, WORDS[row % WORDS.len()]);
            text.push(' ');
            text.push_str(FAULTS[row % FAULTS.len()]);
        } else {
            push_name(&mut text, row - row / 8);
        }
        text.push_str("  |  ");
        details(&mut text, row, random);
        text.push_str("  |  ");
        let remedy = random.pick(REMEDIES);
        random.fill(&mut text, remedy);
        text.push_str("  | \n");
    }
    text.push_str("\nFor more help, contact support\\.\n");
    text
}

/// A page of `rows` rows of [`Shape::Glacier`]: each code made of the words of a name
/// ([`name_words`]), so no two alike, and listed alphabetically, as the real page lists them.
fn glacier_page_text(page: usize, rows: usize, random: &mut Random) -> String {
    let mut codes: Vec<String> = (0..rows).map(glacier_code).collect();
    codes.sort_unstable();
    let mut text = String::with_capacity(rows * 180 + 1024);
    let _ = write!(
        text,
        "# Error responses of service {page}<a name=\"api-error-responses-{page}\"></a>\n\n\
         In the event of an error, the API returns one of the following exceptions:\n\n\n\
         | Code | Description | HTTP Status Code | Type | \n| --- | --- | --- | --- | \n"
    );
    for code in &codes {
        let [description, status, kind] = GLACIER_ROWS[random.next() as usize % GLACIER_ROWS.len()];
        let _ = write!(text, "| {code} | ");
        random.fill(&mut text, description);
        let _ = writeln!(text, " | {status} | {kind} | ");
    }
    text.push_str(
        "\nVarious APIs return the same exception, but with different exception messages\\.\n",
    );
    text
}

/// The code of the `nth` row of a [`Shape::Glacier`] page: the words of the `nth` name, each
/// capitalized and without spaces or apostrophes, then `Exception`; past [`DISTINCT_NAMES`]
/// rows, the round of names before it, so that codes never repeat.
fn glacier_code(nth: usize) -> String {
    let mut code = String::new();
    for word in name_words(nth).iter().flat_map(|words| words.split(' ')) {
        push_capitalized(&mut code, &word.replace('\'', ""));
    }
    let round = nth / DISTINCT_NAMES;
    if round > 0 {
        let _ = write!(code, "{round}");
    }
    code.push_str("Exception");
    code
}

/// One or two sentences of explanation and a link; one row in fifty has forty more clauses.
fn details(text: &mut String, row: usize, random: &mut Random) {
    for _ in 0..1 + row % 2 {
        let sentence = random.pick(EXPLANATIONS);
        random.fill(text, sentence);
    }
    text.push_str(random.pick(LINKS));
    if row % 50 == 49 {
        for _ in 0..40 {
            text.push_str(" \\- ");
            text.push_str(random.pick(WORDS));
        }
    }
}

/// The name of the `nth` row with a name of its own: a qualifier, two nouns and a fault.
fn push_name(text: &mut String, nth: usize) {
    let [qualifier, first, second, fault] = name_words(nth);
    if qualifier.is_empty() {
        push_capitalized(text, first);
    } else {
        text.push_str(qualifier);
        text.push(' ');
        text.push_str(first);
    }
    for word in [second, fault] {
        text.push(' ');
        text.push_str(word);
    }
}

/// The qualifier, the two nouns and the fault of the `nth` row with a name of its own: the
/// `nth` step of [`NAME_STEP`] read as digits of those lists' lengths.
fn name_words(nth: usize) -> [&'static str; 4] {
    let mut rest = (nth % DISTINCT_NAMES) * NAME_STEP % DISTINCT_NAMES;
    let mut digit = |base: usize| {
        let digit = rest % base;
        rest /= base;
        digit
    };
    let qualifier = QUALIFIERS[digit(QUALIFIERS.len())];
    let (first, second) = (noun(digit(NOUNS)), noun(digit(NOUNS)));
    [qualifier, first, second, FAULTS[digit(FAULTS.len())]]
}

fn push_capitalized(text: &mut String, word: &str) {
    let mut chars = word.chars();
    if let Some(first) = chars.next() {
        text.extend(first.to_uppercase());
        text.push_str(chars.as_str());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Input, markdown};

    /// The files regen makes of `docs`; a failure to generate fails the test.
    fn generated(docs: &Docs) -> Vec<crate::GeneratedFile> {
        let pages = crate::pages_in_memory(docs.pages.clone());
        let input = Input {
            manifest_path: "catalog.toml",
            manifest_text: &docs.manifest,
            pages: &pages,
            command: "cargo xtask regen",
        };
        crate::generate(&input).unwrap_or_else(|f| panic!("{}", f.render(false)))
    }

    #[test]
    fn synthetic_docs_generate_and_are_reproducible() {
        let docs = docs(200, 2, "out", &[]);
        assert_eq!(docs.manifest, super::docs(200, 2, "out", &[]).manifest);
        assert_eq!(docs.pages, super::docs(200, 2, "out", &[]).pages);
        let files = generated(&docs);
        let paths: Vec<&str> = files.iter().map(|file| file.path.as_str()).collect();
        assert_eq!(paths.len(), 4, "the API snapshot, mod.rs and one module per page: {paths:?}");
        assert!(files[2].text.to_string().matches("#[doc(alias = \"").count() >= 200);
    }

    #[test]
    fn a_tree_written_to_a_directory_reads_back_as_it_was_made() {
        let docs = docs(20, 2, "out", &[]);
        let dir = tempfile::tempdir().unwrap();
        docs.write_to(dir.path()).unwrap();
        let read = |path: &str| fs::read_to_string(dir.path().join(path)).unwrap();
        assert_eq!(read("catalog.toml"), docs.manifest);
        for (path, text) in &docs.pages {
            assert_eq!(&read(path), text, "{path}");
        }
        // A file where a directory must go: the error names the file it could not write.
        let blocked = dir.path().join("catalog.toml");
        let error = docs.write_to(&blocked).unwrap_err().to_string();
        assert!(error.contains(&blocked.join("catalog.toml").display().to_string()), "{error}");
    }

    #[test]
    fn names_differ_but_every_eighth_as_on_a_real_page() {
        let rows = 20_000;
        let docs = docs(rows, 1, "out", &[]);
        let page = markdown::parse(&docs.pages[0].1);
        let names: Vec<&str> =
            page.tables[0].rows.iter().map(|row| &*row.cells()[1].text).collect();
        assert_eq!(names.len(), rows);
        let own: Vec<&str> = names
            .iter()
            .enumerate()
            .filter(|(row, _)| row % 8 != 7)
            .map(|(_, name)| *name)
            .collect();
        let distinct: std::collections::HashSet<&str> = own.iter().copied().collect();
        assert_eq!(distinct.len(), own.len(), "every row but each eighth has a name of its own");
        // Each eighth repeats a name of two words, which no other row has.
        assert!(names.iter().skip(7).step_by(8).all(|name| !distinct.contains(name)));
        assert!(names.iter().filter(|name| name.contains('\'')).count() > rows / 20);
        assert!(names.iter().filter(|name| name.starts_with("HLS ")).count() > rows / 40);
    }

    #[test]
    fn the_name_step_reaches_every_name_before_repeating_one() {
        // Names as written, not only their words: no two sets of words read the same.
        let mut seen = std::collections::HashSet::with_capacity(DISTINCT_NAMES);
        for nth in 0..DISTINCT_NAMES {
            let mut name = String::new();
            push_name(&mut name, nth);
            assert!(seen.insert(name), "row {nth} repeats a name");
            let words = name_words(nth);
            // Rows one after another do not count through the names a word at a time.
            let [qualifier, _, second, fault] = name_words(nth + 1);
            assert!(qualifier != words[0] && second != words[2] && fault != words[3], "{nth}");
        }
    }

    #[test]
    fn rows_are_about_as_long_as_the_real_pages_rows() {
        let docs = docs(2_000, 1, "out", &[]);
        let per_row = docs.pages[0].1.len() / 2_000;
        assert!((475..=525).contains(&per_row), "{per_row} bytes a row, not about 500");
        // The Glacier page's sixteen rows: 2,623 bytes, 164 a row; codes made of four to seven
        // words are longer than its codes.
        let docs = docs_shaped(Shape::Glacier, 2_000, 1, "out", &[]);
        let per_row = docs.pages[0].1.len() / 2_000;
        assert!((160..=200).contains(&per_row), "{per_row} bytes a row, not about 180");
    }

    #[test]
    fn every_shape_has_one_name_that_gives_it_back() {
        for (name, shape) in Shape::NAMED {
            assert_eq!(Shape::named(name), Some(shape));
        }
        let shapes = [Shape::MediaConvert, Shape::Glacier];
        assert!(shapes.iter().all(|shape| Shape::NAMED.iter().any(|(_, named)| named == shape)));
        assert_eq!(Shape::named("nope"), None);
    }

    #[test]
    fn glacier_shaped_pages_have_codes_no_two_alike_in_alphabetical_order() {
        let docs = docs_shaped(Shape::Glacier, 5_000, 2, "out", &[]);
        let files = generated(&docs);
        assert_eq!(files.len(), 4, "the API snapshot, mod.rs and one module per page");
        let page = markdown::parse(&docs.pages[0].1);
        let codes: Vec<&str> =
            page.tables[0].rows.iter().map(|row| &*row.cells()[0].text).collect();
        assert_eq!(codes.len(), 5_000);
        assert!(codes.is_sorted_by(|a, b| a < b), "alphabetical, and no two alike");
        assert!(codes.iter().all(|code| code.ends_with("Exception")));
        assert!(codes.iter().any(|code| code.starts_with("HLS")));
        // Past the names' first round, codes still differ.
        let (last, next) = (glacier_code(DISTINCT_NAMES - 1), glacier_code(DISTINCT_NAMES));
        assert_ne!(glacier_code(0), next);
        assert!(next.ends_with("1Exception") && !last.ends_with("1Exception"), "{next}");
    }
}
