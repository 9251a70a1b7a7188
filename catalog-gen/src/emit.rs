//! The model to Rust source: the code's structure as tokens with `quote`, formatted with
//! `prettyplease`; the rows written as text into their places (see the `slots` module); and the
//! `@generated` header and module docs before it.
//!
//! The generated code is data: the enum, its rows as a static table, and sorted lookup tables.
//! The behaviour shared by every table lives in the runtime crate, `catalog-core` (`Entry`,
//! and `rt`: the lookups, the trait impls, and the bodies of `from_name` and `with_code`),
//! which the generated code names by absolute paths. Every fact
//! the code is built on (discriminants, code groups, ambiguous names) is read from the model;
//! the items every enum has are those [`crate::api::INHERENT_ITEMS`] lists.
//!
//! No lookup table holds a row's position: a row added upstream would shift every later one
//! and turn a one-line change into hundreds. Tables hold codes where codes are unique, and
//! variants only where they must (string codes, shared codes): rustc checks every enum value
//! in a constant, by searching the enum's discriminants one by one when they are explicit, so
//! constants of variants cost compile time (BENCHMARKS.md).

use proc_macro2::TokenStream;
use quote::quote;

mod items;
mod rows;

pub use rows::CROSSED_OUT_NOTE;
mod slots;
mod text;

use crate::model::{Catalog, Module};
use crate::{FileText, marker, rustdoc};
use slots::Slots;

/// A generated file: its path relative to the output directory, and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GeneratedFile {
    /// Path relative to the manifest's `output` directory, `/`-separated.
    pub path: String,
    /// The file's full text, header included, in the pieces it was made of.
    pub text: FileText,
}

/// Every file of the catalog: `mod.rs` listing the modules, and one file per module.
/// `manifest` is the manifest's path and `command` the command that regenerates, for headers.
pub fn files(
    catalog: &Catalog,
    manifest: &str,
    command: &str,
) -> Result<Vec<GeneratedFile>, String> {
    let mut files = vec![GeneratedFile {
        path: "mod.rs".to_owned(),
        text: format_file(module_list(catalog), manifest, command)?.into(),
    }];
    for module in &catalog.modules {
        files.push(GeneratedFile {
            path: module_file(&module.name),
            text: module_code(module).format(&module.source, command)?,
        });
    }
    Ok(files)
}

/// The path of the file the module `module` is generated into, relative to the output
/// directory.
pub fn module_file(module: &str) -> String {
    format!("{module}.rs")
}

/// The header every generated Rust file starts with, and a blank line.
pub fn header(source: &str, command: &str) -> String {
    marker::header_line("//", source, command) + "\n"
}

/// Formats a file's tokens and adds the header naming `source` and `command`.
pub fn format_file(tokens: TokenStream, source: &str, command: &str) -> Result<String, String> {
    let file: syn::File =
        syn::parse2(tokens).map_err(|error| format!("generated code does not parse: {error}"))?;
    Ok(header(source, command) + &prettyplease::unparse(&file))
}

/// The tokens of `mod.rs`: one `pub mod` per module.
pub fn module_list(catalog: &Catalog) -> TokenStream {
    let modules = catalog.modules.iter().map(|module| module.name.to_ident());
    quote! {
        #(pub mod #modules;)*
    }
}

/// A module's code before formatting: the structure as tokens, the rows as text in slots.
#[derive(Clone, Debug)]
pub struct ModuleCode {
    docs: String,
    tokens: TokenStream,
    slots: Slots,
}

impl ModuleCode {
    /// The file's text: header, module docs, then the formatted code with its rows in place.
    pub fn format(self, source: &str, command: &str) -> Result<FileText, String> {
        let file: syn::File = syn::parse2(self.tokens)
            .map_err(|error| format!("generated code does not parse: {error}"))?;
        let mut text = FileText::from(header(source, command));
        text.push_str(&self.docs);
        self.slots.fill(&mut text, &prettyplease::unparse(&file));
        Ok(text)
    }
}

/// A module's code: its docs and attributes, and every enum of the module.
pub fn module_code(module: &Module) -> ModuleCode {
    // The title is plain text, as the page shows it: escaped, so that rustdoc shows it so. A
    // page without one starts with its prose, not an empty heading.
    let title = (!module.title.is_empty()).then(|| format!("# {}", rustdoc::escape(&module.title)));
    let source = format!("*Generated from `{}`.*", module.source);
    let parts = [title.as_deref(), Some(module.prose.trim()), Some(&source)];
    let prose = parts
        .into_iter()
        .flatten()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    let mut docs = String::new();
    text::push_doc(&mut docs, "//!", &prose);
    // The prose and cells are upstream text: rustdoc may find bare URLs or HTML in them. The
    // link to each enum names its whole path (`crate::module::Enum`), as every generated path
    // does, which rustdoc calls redundant where it documents the private module itself.
    docs.push_str(
        "#![allow(rustdoc::bare_urls, rustdoc::invalid_html_tags, \
         rustdoc::redundant_explicit_links)]\n",
    );
    // Clippy lints that judge the page's text and names, which the docs own: pages indent
    // code with tabs, which clippy asks doc comments not to have (the docs keep the page's
    // text, and a tab in a code span is a tab); a column headed `New` makes a method `new`
    // that returns its cell, not `Self`; `As Of` makes `as_of(self)`; a table whose names
    // all end in `Error` makes variants that all do; and a name of one-letter words (`A B C`,
    // `nO e`) makes a variant of capitals alone (`ABC`, `NOE`), which clippy takes for an
    // acronym (found by the fuzzer). Variants are judged in the enum, and in the private one
    // `row_index` numbers the rows with, which clippy judges even where it spares the public
    // API.
    docs.push_str(
        "#![allow(clippy::tabs_in_doc_comments, clippy::new_ret_no_self, \
         clippy::wrong_self_convention, clippy::enum_variant_names, \
         clippy::upper_case_acronyms)]\n",
    );
    // Retired variants, and those the page crosses out, are deprecated for their users; the
    // module's own code names them.
    let variants = module.enums.iter().flat_map(|table| &table.variants);
    if variants.into_iter().any(|variant| variant.retired.is_some() || variant.crossed_out) {
        docs.push_str("#![allow(deprecated)]\n");
    }
    let mut slots = Slots::default();
    let enums: Vec<TokenStream> =
        module.enums.iter().map(|table| items::enum_tokens(table, &mut slots)).collect();
    ModuleCode { docs, tokens: quote!(#(#enums)*), slots }
}
