//! The model to Rust source: the code's structure as tokens with `quote`, formatted with
//! `prettyplease`; the rows written as text into their places (see the `slots` module); and the
//! `@generated` header and module docs before it.
//!
//! The generated code is data: the enum, its rows as a static table, and sorted lookup tables.
//! The behaviour shared by every table lives in the `catalog` crate (`rt`, `Entry`). Every fact
//! the code is built on (discriminants, code groups, ambiguous names) is read from the model;
//! the items every enum has are those [`crate::api::INHERENT_ITEMS`] lists.
//!
//! No lookup table holds a row's position: a row added upstream would shift every later one
//! and turn a one-line change into hundreds. Tables hold variants, or where codes are explicit
//! discriminants, codes: rustc checks an enum value in a constant by searching the enum's
//! discriminants one by one when they are explicit, so constants full of variants would make
//! large catalogs compile in quadratic time.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{format_ident, quote};

mod rows;
mod slots;
mod text;

use crate::model::{Catalog, CodeType, Enum, Layout, Module};
use rows::{Rows, row_enum_name};
use slots::Slots;

/// A generated file: its path relative to the output directory, and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GeneratedFile {
    /// Path relative to the manifest's `output` directory, `/`-separated.
    pub path: String,
    /// The file's full text, header included.
    pub text: String,
}

/// The marker every generated file carries; only files with it are ever overwritten.
pub const MARKER: &str = "@generated";

/// Every file of the catalog: `mod.rs` listing the modules, and one file per module.
/// `manifest` is the manifest's path and `command` the command that regenerates, for headers.
pub fn files(
    catalog: Catalog,
    manifest: &str,
    command: &str,
) -> Result<Vec<GeneratedFile>, String> {
    let mut files = vec![GeneratedFile {
        path: "mod.rs".to_owned(),
        text: format_file(module_list(&catalog), manifest, command)?,
    }];
    for module in catalog.modules {
        let code = module_code(&module);
        // The module's cells are in `code` now; freeing them first keeps large catalogs from
        // holding every cell three times at once.
        let (path, source) = (format!("{}.rs", module.name), module.source);
        drop(module.enums);
        files.push(GeneratedFile { path, text: code.format(&source, command)? });
    }
    Ok(files)
}

/// The header every generated Rust file starts with.
pub fn header(source: &str, command: &str) -> String {
    header_with("//", source, command) + "\n"
}

/// The header line of a generated file whose comments start with `comment`.
pub fn header_with(comment: &str, source: &str, command: &str) -> String {
    format!("{comment} This file is {MARKER} by `{command}` from {source}; do not edit.\n")
}

/// Formats a file's tokens and adds the header naming `source` and `command`.
pub fn format_file(tokens: TokenStream, source: &str, command: &str) -> Result<String, String> {
    let file: syn::File =
        syn::parse2(tokens).map_err(|error| format!("generated code does not parse: {error}"))?;
    Ok(header(source, command) + &prettyplease::unparse(&file))
}

/// The tokens of `mod.rs`: one `pub mod` per module.
pub fn module_list(catalog: &Catalog) -> TokenStream {
    let modules = catalog.modules.iter().map(|module| Ident::new(&module.name, Span::call_site()));
    quote! {
        #(pub mod #modules;)*
    }
}

/// A module's code before formatting: the structure as tokens, the rows as text in slots.
#[derive(Debug)]
pub struct ModuleCode {
    docs: String,
    tokens: TokenStream,
    slots: Slots,
}

impl ModuleCode {
    /// The file's text: header, module docs, then the formatted code with its rows filled in.
    pub fn format(&self, source: &str, command: &str) -> Result<String, String> {
        let file: syn::File = syn::parse2(self.tokens.clone())
            .map_err(|error| format!("generated code does not parse: {error}"))?;
        let mut text = header(source, command);
        text.push_str(&self.docs);
        self.slots.fill(&mut text, &prettyplease::unparse(&file));
        Ok(text)
    }
}

/// A module's code: its docs and attributes, and every enum of the module.
pub fn module_code(module: &Module) -> ModuleCode {
    let mut prose = format!("# {}\n\n{}", module.title, module.prose.trim());
    prose.push_str(&format!("\n\n*Generated from `{}`.*", module.source));
    let mut docs = String::new();
    text::push_doc(&mut docs, "//!", &prose);
    // The prose and cells are upstream text: rustdoc may find bare URLs or HTML in them.
    docs.push_str("#![allow(rustdoc::bare_urls, rustdoc::invalid_html_tags)]\n");
    let mut slots = Slots::default();
    let enums: Vec<TokenStream> =
        module.enums.iter().map(|table| enum_tokens(table, &mut slots)).collect();
    ModuleCode { docs, tokens: quote!(#(#enums)*), slots }
}

fn enum_tokens(table: &Enum, slots: &mut Slots) -> TokenStream {
    let rows = Rows::new(table);
    let name = Ident::new(&table.name, Span::call_site());
    let key = KeyTokens::new(table.code_type);
    let enum_doc = outer_doc_lines(&format!(
        "{}\n\nOne variant per row of the table on [the published page]({}), \
         generated from `{}`.",
        table.title, table.url, table.source
    ));
    let by_match = table.layout == Layout::Match;
    let texts = rows.texts();
    let variants = slots.add(texts.declarations);
    let repr = if table.discriminants { key.repr() } else { quote!() };
    let columns = Literal::usize_unsuffixed(table.columns.len());
    let all = slots.add(texts.all);
    let row_index_body = match texts.row_index {
        Some((names, arms)) => {
            let (names, arms) = (slots.add(names), slots.add(arms));
            let local = Ident::new(row_enum_name(table), Span::call_site());
            quote! {
                /// The rows in the document's order: each variant's discriminant is its row.
                enum #local { #names }
                (match self { #arms => {} }) as usize
            }
        }
        None => quote!(self as usize),
    };

    let (by_code_table, from_code_body) = if table.code_type == CodeType::Str {
        let entries = slots.add(texts.by_code);
        (
            quote! {
                /// Codes that one row has, with its variant, sorted for binary search.
                const BY_CODE: &'static [(&'static str, Self)] = &[#entries];
            },
            quote!(crate::rt::find_str(Self::BY_CODE, code)),
        )
    } else {
        // A `match` on integers compiles to a decision tree or jump table: faster than a
        // binary search over a table, and it builds variants without a constant of them.
        let arms = slots.add(texts.by_code);
        (quote!(), quote!(match code { #arms => {} _ => None }))
    };
    let code_type = key.code_type();
    let find_name = key.find_fn();
    let (with_code_table, with_code_body) = if let Some(groups) = texts.with_code {
        let groups = slots.add(groups);
        (
            quote! {
                /// Every code with the variants that have it, sorted for binary search.
                const WITH_CODE: &'static [(#code_type, &'static [Self])] = &[#groups];
            },
            quote! {
                match crate::rt::#find_name(Self::WITH_CODE, code) {
                    Some(variants) => variants,
                    None => &[],
                }
            },
        )
    } else {
        (
            quote!(),
            quote! {
                match Self::from_code(code) {
                    Some(variant) => core::slice::from_ref(&Self::ALL[variant.row_index()]),
                    None => &[],
                }
            },
        )
    };
    let codes_table = match texts.codes {
        Some(codes) => {
            let codes = slots.add(codes);
            quote! {
                /// Every row's code, in the document's order.
                const CODES: &'static [#code_type] = &[#codes];
            }
        }
        None => quote!(),
    };

    let by_name = slots.add(texts.by_name);
    let from_name_doc = outer_doc_lines(&from_name_doc(
        &table.columns[table.name_column].header,
        &table.ambiguous_names,
    ));
    let (by_name_table, from_name_body) = if table.discriminants {
        (
            quote! {
                /// Names that one row has, with the row's code, sorted for binary search.
                const BY_NAME: &'static [(&'static str, #code_type)] = &[#by_name];
            },
            quote! {
                match crate::rt::find_str(Self::BY_NAME, name) {
                    Some(code) => Self::from_code(code),
                    None => None,
                }
            },
        )
    } else {
        (
            quote! {
                /// Names that one row has, with its variant, sorted for binary search.
                const BY_NAME: &'static [(&'static str, Self)] = &[#by_name];
            },
            quote!(crate::rt::find_str(Self::BY_NAME, name)),
        )
    };

    let (name_column, key_column) =
        (Literal::usize_unsuffixed(table.name_column), Literal::usize_unsuffixed(table.key_column));
    let code_fn = if table.discriminants {
        quote! {
            /// The code: the row's key cell, which is also the discriminant.
            pub const fn code(self) -> #code_type {
                self as #code_type
            }
        }
    } else {
        quote! {
            /// The code, as the row's key cell gives it.
            pub const fn code(self) -> #code_type {
                Self::CODES[self.row_index()]
            }
        }
    };
    let from_code_doc = outer_doc_lines(if table.shared_codes {
        "The variant with this code; `None` if no row has it, or if several rows share it \
         (see [`with_code`](Self::with_code))."
    } else {
        "The variant with this code, if any."
    });
    let from_code_param = match table.code_type {
        CodeType::Str => quote!(&str),
        _ => quote!(#code_type),
    };
    let mut cell_body = |column: usize| {
        if by_match {
            let arms = slots.add(rows.cell_arms(column));
            quote!(match self { #arms => {} })
        } else {
            let column = Literal::usize_unsuffixed(column);
            quote!(Self::ROWS[self.row_index()][#column])
        }
    };
    let accessors: Vec<TokenStream> = table
        .columns
        .iter()
        .enumerate()
        .filter_map(|(index, column)| {
            let accessor = column.accessor.as_ref()?;
            let ident = method_ident(accessor);
            let doc =
                format!("The row's `{}` cell, as plain text.", column.header.replace('`', "'"));
            let doc = outer_doc_lines(&doc);
            let body = cell_body(index);
            Some(quote! {
                #(#doc)*
                pub const fn #ident(self) -> &'static str {
                    #body
                }
            })
        })
        .collect();
    let name_body = cell_body(table.name_column);
    let (rows_table, row_body) = if by_match {
        let arms = slots.add(texts.cells);
        (quote!(), quote!(match self { #arms => {} }))
    } else {
        let cells = slots.add(texts.cells);
        (
            quote! {
                /// Every row's cells as plain text, in the document's order.
                const ROWS: &'static [[&'static str; #columns]] = &[#cells];
            },
            quote!(&Self::ROWS[self.row_index()]),
        )
    };
    let headers = table.columns.iter().map(|column| text::str_literal(&column.header));
    let [enum_name, title, url, source] =
        [&table.name, &table.title, &table.url, &table.source].map(|text| text::str_literal(text));
    let impl_kind = key.impl_kind();

    quote! {
        #(#enum_doc)*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        #repr
        pub enum #name {
            #variants
        }

        impl #name {
            /// Every variant, in the document's order.
            pub const ALL: &'static [Self] = &[#all];

            /// The table this enum is generated from.
            pub const TABLE: crate::Table = crate::Table {
                name: #enum_name,
                title: #title,
                url: #url,
                source: #source,
                columns: &[#(#headers),*],
                key_column: #key_column,
                name_column: #name_column,
            };

            #rows_table

            #codes_table

            #by_code_table

            #with_code_table

            #by_name_table

            /// The row's cells as plain text, in column order.
            const fn row(self) -> &'static [&'static str; #columns] {
                #row_body
            }

            const fn row_index(self) -> usize {
                #row_index_body
            }

            #code_fn

            #(#from_code_doc)*
            pub const fn from_code(code: #from_code_param) -> Option<Self> {
                #from_code_body
            }

            /// Every variant with this code, in the document's order: one, none, or (where
            /// rows share a code) several.
            pub const fn with_code(code: #from_code_param) -> &'static [Self] {
                #with_code_body
            }

            /// The name: the text of the row's name cell.
            pub const fn name(self) -> &'static str {
                #name_body
            }

            #(#from_name_doc)*
            pub const fn from_name(name: &str) -> Option<Self> {
                #from_name_body
            }

            #(#accessors)*
        }

        crate::rt::impl_entry!(#name, #impl_kind);
    }
}

/// How the key type appears in the generated code.
struct KeyTokens(CodeType);

impl KeyTokens {
    fn new(code_type: CodeType) -> Self {
        KeyTokens(code_type)
    }

    fn code_type(&self) -> TokenStream {
        match self.0 {
            CodeType::Str => quote!(&'static str),
            other => {
                let ident = format_ident!("{}", other.rust_name());
                quote!(#ident)
            }
        }
    }

    fn impl_kind(&self) -> TokenStream {
        let ident = format_ident!("{}", self.0.rust_name());
        quote!(#ident)
    }

    fn repr(&self) -> TokenStream {
        match self.0 {
            CodeType::Str => quote!(),
            other => {
                let ident = format_ident!("{}", other.rust_name());
                quote!(#[repr(#ident)])
            }
        }
    }

    fn find_fn(&self) -> Ident {
        format_ident!("find_{}", self.0.rust_name())
    }
}

/// `from_name`'s rustdoc, which lists the names it never finds.
fn from_name_doc(header: &str, ambiguous: &[String]) -> String {
    let mut doc = format!(
        "The variant whose `{}` cell is exactly `name`; `None` if no row or more than one has it.",
        header.replace('`', "'")
    );
    if !ambiguous.is_empty() {
        let list: Vec<String> =
            ambiguous.iter().map(|name| format!("`{}`", name.replace('`', "'"))).collect();
        doc.push_str(&format!("\n\nAmbiguous, so never found: {}.", list.join(", ")));
    }
    doc
}

/// `///` lines: one `#[doc]` attribute per line, so prettyplease prints them as line comments.
fn outer_doc_lines(text: &str) -> Vec<TokenStream> {
    text::doc_lines(text)
        .map(|line| {
            let line = text::str_literal(&line);
            quote!(#[doc = #line])
        })
        .collect()
}

fn method_ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}
