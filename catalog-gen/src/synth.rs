//! Synthetic docs trees of any size, for benchmarks: pages shaped like the real ones (escapes,
//! links, code spans, `<br>`, long cells, names that repeat) and a manifest for them.
//!
//! Deterministic: the same sizes give the same bytes, so anyone can reproduce a measurement.

use std::fmt::Write;

/// A synthetic docs tree: the manifest and the pages, paths relative to the manifest.
#[derive(Clone, Debug)]
pub struct Docs {
    /// The manifest's text; its `output` is `output`.
    pub manifest: String,
    /// `(path, text)` of every page.
    pub pages: Vec<(String, String)>,
}

const WORDS: &[&str] = &[
    "input", "output", "audio", "video", "caption", "segment", "manifest", "bucket", "role",
    "codec", "stream", "track", "frame", "queue", "policy", "session", "license", "endpoint",
    "timecode", "bitrate",
];
const FAULTS: &[&str] =
    &["Error", "Failure", "Not Found", "Unsupported", "Timeout", "Denied", "Invalid", "Missing"];

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
}

/// `pages` pages of `rows` rows each, with `output` as the manifest's output directory and
/// `table_options` (manifest lines such as `layout = "match"`) added to every `[[table]]`.
pub fn docs(rows: usize, pages: usize, output: &str, table_options: &[String]) -> Docs {
    let mut random = Random(0x5EED);
    let mut manifest = format!(
        "# Synthetic docs: {pages} page(s) of {rows} row(s), from `cargo xtask synth`.\n\
         output = \"{output}\"\n"
    );
    let mut texts = Vec::new();
    for page in 0..pages {
        let path = format!("service-{page}/error-codes.md");
        let _ = write!(
            manifest,
            "\n[[table]]\npage = \"{path}\"\nurl = \"https://docs.example.com/service-{page}/latest/ug/error-codes.html\"\n\
             module = \"service_{page}\"\nenum = \"Service{page}Error\"\nkey-column = \"Error code\"\n\
             key-type = \"u32\"\nname-column = \"Message\"\n"
        );
        for option in table_options {
            let _ = writeln!(manifest, "{option}");
        }
        texts.push((path, page_text(page, rows, &mut random)));
    }
    Docs { manifest, pages: texts }
}

fn page_text(page: usize, rows: usize, random: &mut Random) -> String {
    let mut text = String::with_capacity(rows * 240);
    let _ = write!(
        text,
        "# Error codes for service {page}<a name=\"error-codes-{page}\"></a>\n\n\
         The service reports these codes when a job fails\\. See [Troubleshooting](troubleshooting.md) \
         and the [\\[See the documentation website for more details\\]](http://docs.example.com/)\\.\n\n\
         **Note**  \nCodes are stable; messages may change\\.\n\n\
         | Error code | Message | Details | \n| --- | --- | --- | \n"
    );
    let mut code = 1000;
    for row in 0..rows {
        // Increasing with gaps, as real codes are (1010, 1020, 1021, 1022, 1030, ...).
        code += 1 + random.next() % 9;
        // Every 8th name repeats an earlier one, as "Disk Full" does upstream.
        let name = if row % 8 == 7 {
            format!("{} {}", capitalize(WORDS[row % WORDS.len()]), FAULTS[row % FAULTS.len()])
        } else {
            format!(
                "{} {} {}",
                capitalize(random.pick(WORDS)),
                random.pick(WORDS),
                random.pick(FAULTS)
            )
        };
        let details = details(row, random);
        let _ = writeln!(text, "|  {code}  |  {name}  |  {details}  | ");
    }
    text.push_str("\nFor more help, contact support\\.");
    text
}

fn details(row: usize, random: &mut Random) -> String {
    let mut details = format!(
        "The service can't read the {} \\(`{}`\\) of your job\\. ",
        random.pick(WORDS),
        random.pick(WORDS)
    );
    match row % 5 {
        0 => details.push_str("See [Supported inputs](reference-inputs.md)\\."),
        1 => {
            details.push_str("Check the *role* and **policy**, then retry\\.<br>Contact support\\.")
        }
        2 => details.push_str("Escapes: \\_ \\- \\# \\| and a [link](https://example.com/a_b)\\."),
        _ => {}
    }
    // About one row in fifty has a long cell, as pages with embedded lists do.
    if row % 50 == 49 {
        for _ in 0..40 {
            details.push_str(random.pick(WORDS));
            details.push_str(" \\- ");
        }
    }
    details
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Input;

    #[test]
    fn synthetic_docs_generate_and_are_reproducible() {
        let docs = docs(200, 2, "out", &[]);
        assert_eq!(docs.manifest, super::docs(200, 2, "out", &[]).manifest);
        assert_eq!(docs.pages, super::docs(200, 2, "out", &[]).pages);
        let pages = crate::pages_in_memory(docs.pages.clone());
        let input = Input {
            manifest_path: "catalog.toml",
            manifest_text: &docs.manifest,
            pages: &pages,
            command: "cargo xtask regen",
        };
        let files = crate::generate(&input).unwrap_or_else(|f| panic!("{}", f.render(false)));
        let paths: Vec<&str> = files.iter().map(|file| file.path.as_str()).collect();
        assert_eq!(paths.len(), 4, "the API snapshot, mod.rs and one module per page: {paths:?}");
        assert!(files[2].text.matches("#[doc(alias = \"").count() >= 200);
    }
}
