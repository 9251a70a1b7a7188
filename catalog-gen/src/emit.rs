//! The model to Rust source: tokens with `quote`, formatted with `prettyplease`, then the
//! `@generated` header (added after formatting, which would drop comments).
//!
//! The generated code is data: the enum, its rows as a static table, and sorted lookup tables.
//! The behaviour shared by every table lives in the `catalog` crate (`rt`, `Entry`).

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{format_ident, quote};

use crate::manifest::{KeyType, Layout};
use crate::model::{Catalog, Enum, Key, Module, Variant};

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
    catalog: &Catalog,
    manifest: &str,
    command: &str,
) -> Result<Vec<GeneratedFile>, String> {
    let mut files = vec![GeneratedFile {
        path: "mod.rs".to_owned(),
        text: format_file(module_list(catalog), manifest, command)?,
    }];
    for module in &catalog.modules {
        files.push(GeneratedFile {
            path: format!("{}.rs", module.name),
            text: format_file(module_tokens(module), &module.source, command)?,
        });
    }
    Ok(files)
}

/// The header every generated file starts with.
pub fn header(source: &str, command: &str) -> String {
    format!("// This file is {MARKER} by `{command}` from {source}; do not edit.\n\n")
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

/// The tokens of a module's file, before formatting.
pub fn module_tokens(module: &Module) -> TokenStream {
    let mut doc = format!("# {}\n\n{}", module.title, module.prose.trim());
    doc.push_str(&format!("\n\n*Generated from `{}`.*", module.source));
    let doc = inner_doc_lines(&doc);
    let enums = module.enums.iter().map(enum_tokens);
    quote! {
        #(#doc)*
        // The prose and cells are upstream text: rustdoc may find bare URLs or HTML in them.
        #![allow(rustdoc::bare_urls, rustdoc::invalid_html_tags)]
        #(#enums)*
    }
}

fn enum_tokens(table: &Enum) -> TokenStream {
    let name = Ident::new(&table.name, Span::call_site());
    let key = KeyTokens::new(table.key_type);
    // Unique integer codes are the discriminants; otherwise variants count rows from 0.
    let discriminants =
        table.discriminants && table.key_type != KeyType::Str && !table.shared_codes;
    let by_match = table.layout == Layout::Match;
    let enum_doc = outer_doc_lines(&format!(
        "{}\n\nOne variant per row of the table on [the published page]({}), \
         generated from `{}`.",
        table.title, table.url, table.source
    ));
    let variants: Vec<Ident> = table.variants.iter().map(variant_ident).collect();
    let declarations = table.variants.iter().zip(&variants).map(|(variant, ident)| {
        let doc = outer_doc_lines(&variant_doc(table, variant));
        let aliases = aliases(table, variant, ident);
        let discriminant = match &variant.key {
            Key::Int(code) if discriminants => {
                let literal = key.literal(*code);
                quote!(= #literal)
            }
            _ => quote!(),
        };
        quote! {
            #(#doc)*
            #(#[doc(alias = #aliases)])*
            #ident #discriminant,
        }
    });
    let repr = if discriminants { key.repr() } else { quote!() };
    let columns = Literal::usize_unsuffixed(table.columns.len());
    let rows = table.variants.iter().map(|variant| {
        let cells = &variant.cells;
        quote!([#(#cells),*])
    });
    let row_index_body = if discriminants {
        let arms = variants.iter().enumerate().map(|(index, ident)| {
            let index = Literal::usize_unsuffixed(index);
            quote!(Self::#ident => #index,)
        });
        quote!(match self { #(#arms)* })
    } else {
        quote!(self as usize)
    };

    // Lookup tables hold row numbers, not variants: rustc's check of enum values in a constant
    // costs time in proportion to the enum's size for each value when discriminants are
    // explicit, so tables of variants make large catalogs compile in quadratic time.
    let mut sorted_codes: Vec<(&Key, usize)> =
        table.variants.iter().map(|v| &v.key).enumerate().map(|(row, key)| (key, row)).collect();
    // Stable: rows that share a code stay in the document's order.
    sorted_codes.sort_by(|a, b| key_order(a.0, b.0));
    let groups = sorted_codes.chunk_by(|a, b| a.0 == b.0);
    let unique_codes = groups.clone().filter(|group| group.len() == 1).map(|group| group[0]);
    let (by_code_table, from_code_body) = if table.key_type == KeyType::Str {
        let entries = unique_codes.map(|(code, row)| {
            let code = key.code_tokens(code);
            let row = row_literal(row);
            quote!((#code, #row))
        });
        (
            quote! {
                /// Codes that one row has, with the row, sorted for binary search.
                const BY_CODE: &'static [(&'static str, u32)] = &[#(#entries),*];
            },
            quote! {
                match crate::rt::find_str(Self::BY_CODE, code) {
                    Some(row) => Some(Self::ALL[row as usize]),
                    None => None,
                }
            },
        )
    } else {
        // A `match` on integers compiles to a decision tree or jump table: faster than a
        // binary search over a table, and it builds variants without a constant of them.
        let arms = unique_codes.map(|(code, row)| {
            let code = key.code_tokens(code);
            let ident = &variants[row];
            quote!(#code => Some(Self::#ident),)
        });
        (quote!(), quote!(match code { #(#arms)* _ => None }))
    };
    let code_type = key.code_type();
    let find_name = key.find_fn();
    let (with_code_table, with_code_body) = if table.shared_codes {
        let groups = groups.map(|group| {
            let code = key.code_tokens(group[0].0);
            // Shared codes rule out explicit discriminants, so variants are cheap here.
            let idents = group.iter().map(|&(_, row)| &variants[row]);
            quote!((#code, &[#(Self::#idents),*]))
        });
        (
            quote! {
                /// Every code with the variants that have it, sorted for binary search.
                const WITH_CODE: &'static [(#code_type, &'static [Self])] = &[#(#groups),*];
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
    let codes = table.variants.iter().map(|variant| key.code_tokens(&variant.key));
    let codes_table = if discriminants {
        quote!()
    } else {
        quote! {
            /// Every row's code, in the document's order.
            const CODES: &'static [#code_type] = &[#(#codes),*];
        }
    };

    let mut by_name: Vec<(&str, usize)> = table
        .variants
        .iter()
        .enumerate()
        .map(|(row, variant)| (variant.cells[table.name_column].as_str(), row))
        .collect();
    by_name.sort_by(|a, b| str_order(a.0, b.0).then(a.1.cmp(&b.1)));
    let ambiguous = ambiguous_names(&by_name);
    let by_name =
        by_name.iter().filter(|(name, _)| !ambiguous.contains(name)).map(|&(name, row)| {
            let row = row_literal(row);
            quote!((#name, #row))
        });
    let from_name_doc =
        outer_doc_lines(&from_name_doc(&table.columns[table.name_column].header, &ambiguous));

    let (name_column, key_column) =
        (Literal::usize_unsuffixed(table.name_column), Literal::usize_unsuffixed(table.key_column));
    let code_fn = if discriminants {
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
    let from_code_param = match table.key_type {
        KeyType::Str => quote!(&str),
        _ => quote!(#code_type),
    };
    let accessors = table.columns.iter().enumerate().filter_map(|(index, column)| {
        let accessor = column.accessor.as_ref()?;
        let ident = method_ident(accessor);
        let doc = format!("The row's `{}` cell, as plain text.", column.header.replace('`', "'"));
        let doc = outer_doc_lines(&doc);
        let body = cell_body(table, &variants, index, by_match);
        Some(quote! {
            #(#doc)*
            pub const fn #ident(self) -> &'static str {
                #body
            }
        })
    });
    let headers = table.columns.iter().map(|column| &column.header);
    let name_body = cell_body(table, &variants, table.name_column, by_match);
    let (rows_table, row_body) = if by_match {
        let arms = table.variants.iter().zip(&variants).map(|(variant, ident)| {
            let cells = &variant.cells;
            quote!(Self::#ident => &[#(#cells),*],)
        });
        (quote!(), quote!(match self { #(#arms)* }))
    } else {
        (
            quote! {
                /// Every row's cells as plain text, in the document's order.
                const ROWS: &'static [[&'static str; #columns]] = &[#(#rows),*];
            },
            quote!(&Self::ROWS[self.row_index()]),
        )
    };
    let (enum_name, title, url, source) = (&table.name, &table.title, &table.url, &table.source);
    let impl_kind = key.impl_kind();

    quote! {
        #(#enum_doc)*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        #repr
        pub enum #name {
            #(#declarations)*
        }

        impl #name {
            /// Every variant, in the document's order.
            pub const ALL: &'static [Self] = &[#(Self::#variants),*];

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

            /// Names that occur once, with the row, sorted for binary search.
            const BY_NAME: &'static [(&'static str, u32)] = &[#(#by_name),*];

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
                match crate::rt::find_str(Self::BY_NAME, name) {
                    Some(row) => Some(Self::ALL[row as usize]),
                    None => None,
                }
            }

            #(#accessors)*
        }

        crate::rt::impl_entry!(#name, #impl_kind);
    }
}

/// How the key type appears in the generated code.
struct KeyTokens(KeyType);

impl KeyTokens {
    fn new(key_type: KeyType) -> Self {
        KeyTokens(key_type)
    }

    fn code_type(&self) -> TokenStream {
        match self.0 {
            KeyType::Str => quote!(&'static str),
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
            KeyType::Str => quote!(),
            other => {
                let ident = format_ident!("{}", other.rust_name());
                quote!(#[repr(#ident)])
            }
        }
    }

    fn find_fn(&self) -> Ident {
        format_ident!("find_{}", self.0.rust_name())
    }

    fn literal(&self, code: u64) -> Literal {
        Literal::u64_unsuffixed(code)
    }

    fn code_tokens(&self, key: &Key) -> TokenStream {
        match key {
            Key::Int(code) => {
                let literal = self.literal(*code);
                quote!(#literal)
            }
            Key::Str(text) => quote!(#text),
        }
    }
}

/// The body of a method returning the cell in `column`: an index into the rows table, or a
/// `match` with an arm per variant.
fn cell_body(table: &Enum, variants: &[Ident], index: usize, by_match: bool) -> TokenStream {
    if !by_match {
        let column = Literal::usize_unsuffixed(index);
        return quote!(Self::ROWS[self.row_index()][#column]);
    }
    let arms = table.variants.iter().zip(variants).map(|(variant, ident)| {
        let cell = &variant.cells[index];
        quote!(Self::#ident => #cell,)
    });
    quote!(match self { #(#arms)* })
}

/// The order of the binary searches in `catalog::rt`: integers by value, strings by length
/// first (most comparisons then end without reading a byte), then bytes.
fn key_order(a: &Key, b: &Key) -> std::cmp::Ordering {
    match (a, b) {
        (Key::Str(a), Key::Str(b)) => str_order(a, b),
        _ => a.cmp(b),
    }
}

fn str_order(a: &str, b: &str) -> std::cmp::Ordering {
    a.len().cmp(&b.len()).then_with(|| a.as_bytes().cmp(b.as_bytes()))
}

/// A row number in a lookup table.
fn row_literal(row: usize) -> Literal {
    Literal::u32_unsuffixed(u32::try_from(row).expect("fewer than 2^32 rows"))
}

fn variant_ident(variant: &Variant) -> Ident {
    Ident::new(&variant.ident, Span::call_site())
}

fn method_ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}

/// The variant's rustdoc: code and name as the summary, then every other column.
fn variant_doc(table: &Enum, variant: &Variant) -> String {
    let code = &variant.docs[table.key_column];
    let mut doc = if table.key_column == table.name_column {
        code.clone()
    } else {
        format!("{code}: {}", variant.docs[table.name_column])
    };
    for (index, column) in table.columns.iter().enumerate() {
        if index != table.key_column && index != table.name_column {
            doc.push_str(&format!("\n\n**{}:** {}", column.header, variant.docs[index]));
        }
    }
    doc
}

/// `#[doc(alias)]` values for the code and the name, where rustdoc accepts them: not empty, no
/// quotes or line breaks, no space at either end, not the variant's own name.
fn aliases(table: &Enum, variant: &Variant, ident: &Ident) -> Vec<String> {
    let mut aliases: Vec<String> = Vec::new();
    for text in [&variant.key_text, &variant.cells[table.name_column]] {
        let usable = !text.is_empty()
            && text.trim() == text
            && !text.chars().any(|c| c == '"' || c == '\'' || (c.is_whitespace() && c != ' '))
            && ident != text.as_str()
            && !aliases.contains(text);
        if usable {
            aliases.push(text.clone());
        }
    }
    aliases
}

/// Names that more than one row has; `from_name` answers `None` for them.
fn ambiguous_names<'a>(sorted: &[(&'a str, usize)]) -> Vec<&'a str> {
    let mut ambiguous: Vec<&str> =
        sorted.windows(2).filter(|pair| pair[0].0 == pair[1].0).map(|pair| pair[0].0).collect();
    ambiguous.dedup();
    ambiguous
}

fn from_name_doc(header: &str, ambiguous: &[&str]) -> String {
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
    doc_lines(text).map(|line| quote!(#[doc = #line])).collect()
}

/// `//!` lines for a module.
fn inner_doc_lines(text: &str) -> Vec<TokenStream> {
    doc_lines(text).map(|line| quote!(#![doc = #line])).collect()
}

/// Each line with a leading space (as `/// text` has), carriage returns removed. Outside code
/// blocks, a hard line break written as trailing spaces becomes a trailing backslash, because
/// the formatter trims trailing spaces.
fn doc_lines(text: &str) -> impl Iterator<Item = String> + '_ {
    let mut in_code = false;
    text.lines().map(move |line| {
        let line = line.replace('\r', "");
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_code = !in_code;
        }
        if line.trim().is_empty() {
            String::new()
        } else if !in_code && line.ends_with("  ") {
            format!(" {}\\", line.trim_end())
        } else {
            format!(" {line}")
        }
    })
}
