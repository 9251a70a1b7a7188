//! Generates the `catalog` crate from Markdown error tables.
//!
//! The pipeline, one module per step: [`manifest`] (which tables become which enums) →
//! [`markdown`] (pages to tables with byte spans) → [`model`] (validated enums, every problem
//! collected as a [`Diagnostic`]) → [`emit`] (Rust source, formatted, with the `@generated`
//! header). [`generate`] runs it on text in memory; only [`load`] touches the file system, and
//! [`sync`] decides what a regeneration writes or reports.

pub mod diagnostics;
pub mod emit;
pub mod load;
pub mod manifest;
pub mod markdown;
pub mod model;
pub mod naming;
mod parallel;
pub mod rustdoc;
pub mod skeleton;
pub mod stability;
pub mod sync;
pub mod synth;

use std::collections::BTreeMap;

pub use diagnostics::{Diagnostic, Label};
pub use emit::{GeneratedFile, MARKER};
pub use manifest::Manifest;

/// The pages a manifest names, by the `page` value as written in the manifest.
pub type Pages = BTreeMap<String, PageText>;

/// A page's text, or why it could not be read.
#[derive(Clone, Debug)]
pub struct PageText {
    /// The page's path as shown to the user (in diagnostics and headers).
    pub path: String,
    /// The text, or the reason it could not be read (missing, not UTF-8).
    pub text: Result<String, String>,
}

/// Pages held in memory rather than read from disk, from `(name, text)` pairs; each is shown
/// in diagnostics and headers by its name. For tests, benchmarks and synthetic docs.
pub fn pages_in_memory<N: Into<String>, T: Into<String>>(
    pages: impl IntoIterator<Item = (N, T)>,
) -> Pages {
    pages
        .into_iter()
        .map(|(name, text)| {
            let name = name.into();
            (name.clone(), PageText { path: name, text: Ok(text.into()) })
        })
        .collect()
}

/// Generation failed: the problems, with the texts they point into for rendering.
#[derive(Clone, Debug)]
pub struct Failure {
    /// Every problem found.
    pub diagnostics: Vec<Diagnostic>,
    /// The text of every file the diagnostics point into, by shown path.
    pub sources: BTreeMap<String, String>,
}

impl Failure {
    /// Renders every diagnostic like rustc does, with ANSI colours if `color`.
    pub fn render(&self, color: bool) -> String {
        diagnostics::render(&self.diagnostics, &self.sources, color)
    }
}

/// The inputs of a generation, all in memory.
#[derive(Clone, Debug)]
pub struct Input<'a> {
    /// The manifest's path as shown to the user, e.g. `docs-src/catalog.toml`.
    pub manifest_path: &'a str,
    /// The manifest's text.
    pub manifest_text: &'a str,
    /// Every page the manifest names (see [`page_names`]).
    pub pages: &'a Pages,
    /// The command that regenerates, named in every file's header.
    pub command: &'a str,
}

/// The `page` values of a manifest, to load before calling [`generate`].
pub fn page_names(manifest_path: &str, manifest_text: &str) -> Result<Vec<String>, Failure> {
    let manifest = parse_manifest(manifest_path, manifest_text)?;
    let mut pages: Vec<String> = manifest.tables.iter().map(|t| t.page.get_ref().clone()).collect();
    pages.sort();
    pages.dedup();
    Ok(pages)
}

/// Parses a manifest, or reports its problems.
pub fn parse_manifest(manifest_path: &str, manifest_text: &str) -> Result<Manifest, Failure> {
    manifest::parse(manifest_path, manifest_text).map_err(|diagnostics| Failure {
        diagnostics,
        sources: BTreeMap::from([(manifest_path.to_owned(), manifest_text.to_owned())]),
    })
}

/// Generates every file of the catalog: `mod.rs` and one file per module, paths relative to
/// the manifest's `output` directory. Same input, same bytes.
pub fn generate(input: &Input<'_>) -> Result<Vec<GeneratedFile>, Failure> {
    let manifest = parse_manifest(input.manifest_path, input.manifest_text)?;
    let failure = |diagnostics| Failure { diagnostics, sources: sources(input) };
    let catalog = model::build(input.manifest_path, &manifest, input.pages).map_err(failure)?;
    emit::files(catalog, input.manifest_path, input.command)
        .map_err(|message| failure(vec![Diagnostic::error(message)]))
}

/// Refuses changes that remove or rename a variant, method or enum the checked-in generated
/// files have (see [`stability`]); `Ok` when every change only adds.
pub fn check_stability(
    manifest_path: &str,
    manifest_text: &str,
    changes: &[sync::Change],
) -> Result<(), Failure> {
    let manifest = parse_manifest(manifest_path, manifest_text)?;
    let mut breaks = Vec::new();
    for change in changes {
        match change {
            sync::Change::Update { old, new, .. } => breaks.extend(stability::breaks(old, new)),
            sync::Change::Remove { old, .. } => breaks.extend(stability::breaks(old, "")),
            sync::Change::Create { .. } | sync::Change::Conflict { .. } => {}
        }
    }
    if breaks.is_empty() {
        return Ok(());
    }
    Err(Failure {
        diagnostics: stability::diagnostics(manifest_path, &manifest, &breaks),
        sources: BTreeMap::from([(manifest_path.to_owned(), manifest_text.to_owned())]),
    })
}

fn sources(input: &Input<'_>) -> BTreeMap<String, String> {
    let mut sources =
        BTreeMap::from([(input.manifest_path.to_owned(), input.manifest_text.to_owned())]);
    for page in input.pages.values() {
        if let Ok(text) = &page.text {
            sources.insert(page.path.clone(), text.clone());
        }
    }
    sources
}
