//! How long generation takes, stage by stage and whole, for the real docs and for synthetic
//! docs of 1k, 10k and 100k rows (`catalog_gen::synth`, the same pages `cargo xtask synth`
//! writes). Run with `cargo bench -p catalog-gen --bench generate`; BENCHMARKS.md has figures.

use std::sync::Arc;

use catalog_gen::manifest::{self, Manifest};
use catalog_gen::model::{self, Catalog};
use catalog_gen::{Cleanup, Input, PageText, Pages, emit, markdown};
use divan::Bencher;

// The allocator `cargo xtask` runs with, so that figures are what users see.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// A docs tree in memory: the manifest's text and the pages.
struct Docs {
    manifest: String,
    pages: Pages,
}

impl Docs {
    /// The real docs: `docs-src/`.
    fn real() -> Docs {
        let page = |name: &str, text: &str| {
            (
                name.to_owned(),
                PageText { path: format!("docs-src/{name}"), text: Ok(Arc::new(text.into())) },
            )
        };
        Docs {
            manifest: include_str!("../../docs-src/catalog.toml").to_owned(),
            pages: Pages::from([
                page(
                    "mediatailor/playback-errors-client.md",
                    include_str!("../../docs-src/mediatailor/playback-errors-client.md"),
                ),
                page(
                    "mediaconvert/error-codes.md",
                    include_str!("../../docs-src/mediaconvert/error-codes.md"),
                ),
            ]),
        }
    }

    /// One synthetic page of `rows` rows.
    fn synthetic(rows: usize) -> Docs {
        let docs = catalog_gen::synth::docs(rows, 1, "out", &[]);
        Docs { manifest: docs.manifest, pages: catalog_gen::pages_in_memory(docs.pages) }
    }

    fn of(size: &str) -> Docs {
        match size {
            "real" => Docs::real(),
            rows => Docs::synthetic(rows.parse().expect("a row count")),
        }
    }

    fn manifest(&self) -> Manifest {
        manifest::parse("catalog.toml", &self.manifest).expect("a valid manifest")
    }

    fn catalog(&self) -> Catalog {
        model::build("catalog.toml", &self.manifest(), &self.pages, None, Cleanup::Free)
            .expect("valid docs")
    }
}

const SIZES: &[&str] = &["real", "1000", "10000", "100000"];

/// Markdown to tables with spans, every page.
#[divan::bench(args = SIZES, sample_count = 10)]
fn parse(bencher: Bencher, size: &str) {
    let docs = Docs::of(size);
    bencher.bench_local(|| {
        for page in docs.pages.values() {
            divan::black_box(markdown::parse(page.text.as_ref().unwrap()));
        }
    });
}

/// Manifest + pages to the validated model (parsing included: the model borrows from it).
#[divan::bench(args = SIZES, sample_count = 10)]
fn model(bencher: Bencher, size: &str) {
    let docs = Docs::of(size);
    let manifest = docs.manifest();
    bencher.bench_local(|| {
        model::build("catalog.toml", &manifest, &docs.pages, None, Cleanup::Free).unwrap()
    });
}

/// The model to code: the structure as tokens, the rows as texts made when read (by
/// `format` and `generate` below, since 2026-12-01).
#[divan::bench(args = SIZES, sample_count = 10)]
fn emit(bencher: Bencher, size: &str) {
    let catalog = Docs::of(size).catalog();
    bencher.bench_local(|| catalog.modules.iter().map(emit::module_code).collect::<Vec<_>>());
}

/// Code to the file's text: syn + prettyplease on the structure, rows filled in, header; and
/// the text read (to nowhere), which makes the rows.
#[divan::bench(args = SIZES, sample_count = 10)]
fn format(bencher: Bencher, size: &str) {
    let catalog = Docs::of(size).catalog();
    let code: Vec<_> = catalog.modules.iter().map(emit::module_code).collect();
    bencher.with_inputs(|| code.clone()).bench_local_values(|code| {
        for code in code {
            let text = code.format("page.md", "cargo xtask regen").unwrap();
            text.write_to(std::io::sink()).unwrap();
        }
    });
}

/// The whole pipeline, as `cargo xtask regen` runs it in memory, every file's text read (to
/// nowhere), which makes the rows.
#[divan::bench(args = SIZES, sample_count = 10)]
fn generate(bencher: Bencher, size: &str) {
    let docs = Docs::of(size);
    bencher.bench_local(|| {
        let files = catalog_gen::generate(&Input {
            manifest_path: "catalog.toml",
            manifest_text: &docs.manifest,
            pages: &docs.pages,
            command: "cargo xtask regen",
        })
        .unwrap();
        for file in &files {
            file.text.write_to(std::io::sink()).unwrap();
        }
        files
    });
}
