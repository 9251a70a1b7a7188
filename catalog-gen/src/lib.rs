//! Generates a catalog crate's Rust code from Markdown error tables.
//!
//! The pipeline, one module per stage, each reading only what the stage before it made:
//!
//! 1. [`manifest`]: `catalog.toml`, parsed once, with the span of every value.
//! 2. [`markdown`]: pages to tables with byte spans (pulldown-cmark).
//! 3. [`model`]: the manifest meets the pages in named stages (options, select the table,
//!    columns, keys, retired rows, uniqueness, names, facts, lints, docs), every problem
//!    collected as a [`Diagnostic`], error or warning. Every name is checked once, by
//!    [`naming`], and reaches emit as a [`naming::Identifier`].
//! 4. [`api`]: the catalog's public API as data, with every row's cells, computed from the
//!    model; its snapshot is written beside the code and read back by [`stability`] to refuse
//!    breaking changes, by [`changelog`] to say what changed for users and the release it
//!    needs, and by the model for the last text of retired rows.
//! 5. [`emit`]: Rust source from the model, formatted, with the `@generated` header.
//! 6. [`sync`]: which files a regeneration creates, updates or removes.
//!
//! [`generate`] runs stages 1 to 5 on text in memory. The file system is touched only at the
//! edges: [`load`] reads the manifest, its pages and what is already generated, and [`regen`]
//! (the entry point for any team's `xtask`) plans the changes and either reports them or
//! writes them atomically. [`source`] holds the types every layer shares, [`marker`] the
//! `@generated` header that marks the only files ever overwritten.

pub mod api;
pub mod changelog;
mod cleanup;
pub mod diagnostics;
pub mod emit;
mod file_text;
pub mod int_code;
mod line_endings;
pub mod load;
pub mod manifest;
pub mod markdown;
pub mod marker;
pub mod model;
pub mod naming;
mod parallel;
pub mod regen;
pub mod rustdoc;
mod scan;
mod set_aside;
pub mod skeleton;
pub mod source;
pub mod stability;
pub mod sync;
pub mod synth;
mod two_ends;
mod unified_diff;

use std::collections::BTreeMap;
use std::sync::Arc;

pub use api::CatalogApi;
pub use cleanup::Cleanup;
pub use diagnostics::{Diagnostic, Label};
pub use emit::GeneratedFile;
pub use file_text::FileText;
pub(crate) use file_text::Place;
pub use manifest::Manifest;
pub use marker::MARKER;
pub use source::{PageText, Pages, pages_in_memory};

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

    /// Whether an error points first into the file shown as `path`.
    pub fn is_in(&self, path: &str) -> bool {
        self.diagnostics.iter().any(|diagnostic| {
            diagnostic.is_error()
                && diagnostic.labels.first().is_some_and(|label| label.path == path)
        })
    }

    /// Whether an error's help reads the API snapshot's rows ([`Diagnostic::reads_snapshot`]).
    pub fn reads_snapshot(&self) -> bool {
        self.diagnostics.iter().any(|diagnostic| diagnostic.is_error() && diagnostic.reads_snapshot)
    }

    /// The same diagnostics with every file's path replaced by `path(old)`: to show paths
    /// from where the user stands rather than as generated files name them.
    pub fn with_paths(self, path: impl Fn(&str) -> String) -> Failure {
        let diagnostics = self
            .diagnostics
            .into_iter()
            .map(|mut diagnostic| {
                for label in &mut diagnostic.labels {
                    label.path = path(&label.path);
                }
                diagnostic
            })
            .collect();
        let sources = self.sources.into_iter().map(|(key, text)| (path(&key), text)).collect();
        Failure { diagnostics, sources }
    }
}

/// The inputs of a generation, all in memory.
#[derive(Clone, Debug)]
pub struct Input<'a> {
    /// The manifest's path as shown to the user, e.g. `docs-src/catalog.toml`.
    pub manifest_path: &'a str,
    /// The manifest's text.
    pub manifest_text: &'a str,
    /// Every page the manifest names (by its `page` values).
    pub pages: &'a Pages,
    /// The command that regenerates, named in every file's header.
    pub command: &'a str,
}

impl Input<'_> {
    /// The text of every file of the input that `diagnostics` point into, by shown path: what
    /// rendering them needs. (Only those: a page can be a hundred megabytes.)
    pub fn sources(&self, diagnostics: &[Diagnostic]) -> BTreeMap<String, String> {
        let wanted: std::collections::BTreeSet<&str> = diagnostics
            .iter()
            .flat_map(|diagnostic| &diagnostic.labels)
            .map(|label| label.path.as_str())
            .collect();
        let mut sources = BTreeMap::new();
        if wanted.contains(self.manifest_path) {
            sources.insert(self.manifest_path.to_owned(), self.manifest_text.to_owned());
        }
        for page in self.pages.values() {
            if let (Ok(text), true) = (&page.text, wanted.contains(page.path.as_str())) {
                sources.insert(page.path.clone(), text.to_string());
            }
        }
        sources
    }
}

/// What a generation produced: the files, and the catalog's API with where each enum comes
/// from, for the stability check.
#[derive(Debug)]
pub struct Generation {
    /// `mod.rs`, one file per module and the API snapshot, paths relative to the manifest's
    /// `output` directory, sorted by path.
    pub files: Vec<GeneratedFile>,
    /// The catalog's public API, shared with the snapshot's text, whose lines are made from
    /// it when read.
    pub api: Arc<CatalogApi>,
    /// Where each enum comes from in the manifest, by enum name.
    pub origins: BTreeMap<String, model::Origin>,
    /// What the docs say that compiles but is worth knowing.
    pub warnings: Vec<Diagnostic>,
    /// The model the files were generated from (its warnings moved to `warnings`), for the
    /// caller to free when it suits: at 200k rows, freeing it takes a tenth of a second, which
    /// a regeneration spends on a thread of its own once the files are compared.
    pub catalog: model::Catalog,
}

/// Parses a manifest, or reports its problems.
pub fn parse_manifest(manifest_path: &str, manifest_text: &str) -> Result<Manifest, Failure> {
    manifest::parse(manifest_path, manifest_text).map_err(|diagnostics| Failure {
        diagnostics,
        sources: BTreeMap::from([(manifest_path.to_owned(), manifest_text.to_owned())]),
    })
}

/// Generates every file of the catalog from text in memory. Same input, same bytes.
pub fn generate(input: &Input<'_>) -> Result<Vec<GeneratedFile>, Failure> {
    let manifest = parse_manifest(input.manifest_path, input.manifest_text)?;
    Ok(generate_from(&manifest, input)?.files)
}

/// [`generate`] for a manifest already parsed from `input.manifest_text`.
pub fn generate_from(manifest: &Manifest, input: &Input<'_>) -> Result<Generation, Failure> {
    generate_after(manifest, input, None, Cleanup::Free)
}

/// [`generate_from`] after a generation whose API was `previous` (read back from its
/// snapshot): rows the manifest retires keep their last documented text from it. The page
/// readings are disposed of as `cleanup` says once the model is built.
pub fn generate_after(
    manifest: &Manifest,
    input: &Input<'_>,
    previous: Option<&CatalogApi>,
    cleanup: Cleanup,
) -> Result<Generation, Failure> {
    let failure = |diagnostics: Vec<Diagnostic>| Failure {
        sources: input.sources(&diagnostics),
        diagnostics,
    };
    let mut catalog = model::build(input.manifest_path, manifest, input.pages, previous, cleanup)
        .map_err(failure)?;
    let warnings = std::mem::take(&mut catalog.warnings);
    let origins = catalog
        .modules
        .iter()
        .flat_map(|module| &module.enums)
        .map(|table| (table.name.to_string(), table.origin.clone()))
        .collect();
    // The API and the code are made at the same time where the rows pay for it. The rows of
    // both files, the snapshot's and the module's, are made when the files are read.
    let rows = catalog.modules.iter().flat_map(|module| &module.enums).map(|e| e.variants.len());
    let (api, files) = parallel::join(
        rows.sum(),
        || Arc::new(CatalogApi::of(&catalog)),
        || emit::files(&catalog, input.manifest_path, input.command),
    );
    let mut files = files.map_err(|message| failure(vec![Diagnostic::error(message)]))?;
    let snapshot = CatalogApi::snapshot_text(&api, input.manifest_path, input.command);
    files.push(GeneratedFile { path: api::SNAPSHOT_FILE.to_owned(), text: snapshot });
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(Generation { files, api, origins, warnings, catalog })
}
