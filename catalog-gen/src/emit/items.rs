//! One enum's code: its declaration, each inherent item (the list is
//! [`crate::api::INHERENT_ITEMS`]) with the data table it reads, and the runtime's trait impls.
//! Each item is made by a small function from the model's facts and the rows' texts.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{format_ident, quote};

use std::sync::Arc;

use super::rows::{RowTexts, Rows, row_enum_name};
use super::slots::Slots;
use super::text;
use crate::file_text::MadeText;
use crate::int_code::Codes;
use crate::manifest::KeyType;
use crate::model::{Enum, Layout, Variant};
use crate::rustdoc;

/// A data table (empty where the item needs none) and the body of the function that reads it.
struct Lookup {
    table: TokenStream,
    body: TokenStream,
}

/// The enum, its inherent `impl`, and the runtime's macro for the trait impls.
pub fn enum_tokens(table: &Arc<Enum>, slots: &mut Slots) -> TokenStream {
    let rows = Rows::new(table);
    let RowTexts {
        declarations,
        cells,
        all,
        row_index,
        by_code,
        with_code,
        codes,
        code_texts,
        urls,
        by_name,
    } = rows.texts();
    let name = table.name.to_ident();
    let key = KeyTokens(table.code_type);
    let (code_param, impl_kind) = (key.param_type(), key.impl_kind(table));
    let declaration = declaration(table, &key, slots.add(declarations));
    let all = slots.add(all);
    let table_const = table_const(table);
    let rows_lookup = row_lookup(table, slots.add(cells));
    let row_index_body = row_index_body(table, row_index, slots);
    let codes = code_lookup(table, codes, &key, slots);
    let code_texts = code_text_lookup(table, code_texts, slots);
    let urls = url_lookup(urls, slots);
    let from_code = from_code_lookup(table, slots.add(by_code));
    let with_code = with_code_lookup(with_code, &key, slots);
    let from_name = from_name_lookup(table, by_name.map(|by_name| slots.add(by_name)), &key);
    let (name_body, accessors) = cell_functions(table, &rows, slots);
    let (is_retired_body, is_crossed_out_body) =
        (is_retired_body(table), is_crossed_out_body(table));
    let from_code_doc = outer_doc_lines(if table.shared_codes {
        "The variant with this code; `None` if no row has it, or if several rows share it \
         (see [`with_code`](Self::with_code))."
    } else {
        "The variant with this code, if any."
    });
    let from_name_doc = outer_doc_lines(&from_name_doc(
        &table.columns[table.name_column].cell_phrase(table.name_column),
        &table.ambiguous_names,
    ));
    let columns = Literal::usize_unsuffixed(table.columns.len());
    let data = [
        &rows_lookup.table,
        &codes.table,
        &code_texts.table,
        &urls.table,
        &from_code.table,
        &with_code.table,
    ];
    let (row_body, code_body, from_code_body, with_code_body, from_name_body) =
        (&rows_lookup.body, &codes.body, &from_code.body, &with_code.body, &from_name.body);
    let (code_text_body, url_body) = (&code_texts.body, &urls.body);
    let by_name_table = &from_name.table;

    quote! {
        #declaration

        impl #name {
            /// Every variant, in the document's order.
            pub const ALL: &'static [Self] = &[#all];

            #table_const

            #(#data)*

            #by_name_table

            /// The row's cells as plain text, in column order.
            const fn row(self) -> &'static [&'static ::core::primitive::str; #columns] {
                #row_body
            }

            const fn row_index(self) -> ::core::primitive::usize {
                #row_index_body
            }

            #code_body

            /// The code as the doc writes it (`0x1F`, `1010`), for `Display`.
            const fn code_text(self) -> &'static ::core::primitive::str {
                #code_text_body
            }

            #(#from_code_doc)*
            pub const fn from_code(code: #code_param) -> ::core::option::Option<Self> {
                #from_code_body
            }

            /// Every variant with this code, in the document's order: one, none, or (where
            /// rows share a code) several.
            pub const fn with_code(code: #code_param) -> &'static [Self] {
                #with_code_body
            }

            /// The published page's URL, pointing at the row where the page gives it an anchor;
            /// where it has none and its code is a link, the page the code links to.
            pub const fn url(self) -> &'static ::core::primitive::str {
                #url_body
            }

            /// The name: the text of the row's name cell.
            pub const fn name(self) -> &'static ::core::primitive::str {
                #name_body
            }

            #(#from_name_doc)*
            pub const fn from_name(name: &::core::primitive::str) -> ::core::option::Option<Self> {
                #from_name_body
            }

            /// Whether the row is retired: no longer in the documentation, kept (deprecated) so
            /// that code and data that name it still work.
            pub const fn is_retired(self) -> ::core::primitive::bool {
                #is_retired_body
            }

            /// Whether the page crosses the row's code out, as registries mark a code no longer
            /// in use while they keep its row: deprecated, and not retired.
            pub const fn is_crossed_out(self) -> ::core::primitive::bool {
                #is_crossed_out_body
            }

            #(#accessors)*
        }

        ::catalog_core::rt::impl_entry!(#name, #impl_kind);
    }
}

/// The rows the manifest leaves out, as the enum's rustdoc says it (`None` where it leaves
/// out none): "the rows of `5xx`" by the cells they are shown by, and rows without any text
/// counted ("an empty row"), which an empty code span would show as two backticks.
fn rows_left_out(skipped: &[String]) -> Option<String> {
    let (empty, shown): (Vec<&str>, Vec<&str>) =
        skipped.iter().map(String::as_str).partition(|text| text.is_empty());
    let shown = (!shown.is_empty()).then(|| format!("the rows of {}", rustdoc::code_spans(&shown)));
    let empty = match empty.len() {
        0 => None,
        1 => Some("an empty row".to_owned()),
        count => Some(format!("{count} empty rows")),
    };
    let parts: Vec<String> = shown.into_iter().chain(empty).collect();
    (!parts.is_empty()).then(|| parts.join(" and "))
}

/// The enum itself: rustdoc, derives, `#[repr]` where codes are the discriminants, variants.
fn declaration(table: &Enum, key: &KeyTokens, variants: Ident) -> TokenStream {
    let name = table.name.to_ident();
    let left_out = match rows_left_out(&table.skipped) {
        Some(rows) => format!("; the manifest leaves out {rows}"),
        None => String::new(),
    };
    let tables = match table.page_tables {
        1 => "the table".to_owned(),
        tables => format!("the {tables} tables"),
    };
    let doc = outer_doc_lines(&format!(
        "{}\n\nOne variant per row of {tables} on [the published page]({}), \
         generated from `{}`{left_out}.",
        rustdoc::escape(&table.title),
        table.url,
        table.source
    ));
    let repr = if table.discriminants.are_codes() { key.repr() } else { quote!() };
    quote! {
        #(#doc)*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        #repr
        pub enum #name {
            #variants
        }
    }
}

/// `TABLE`: where the enum comes from.
fn table_const(table: &Enum) -> TokenStream {
    let headers = table.columns.iter().map(|column| text::str_literal(&column.header));
    let [enum_name, title, url, source] =
        [&*table.name, &table.title, &table.url, &table.source].map(text::str_literal);
    let (name_column, key_column) =
        (Literal::usize_unsuffixed(table.name_column), Literal::usize_unsuffixed(table.key_column));
    let help_column = match table.help_column {
        Some(column) => {
            let column = Literal::usize_unsuffixed(column);
            quote!(::core::option::Option::Some(#column))
        }
        None => quote!(::core::option::Option::None),
    };
    let module = text::str_literal(&table.module);
    quote! {
        /// The table this enum is generated from.
        pub const TABLE: ::catalog_core::Table = ::catalog_core::Table::generated(
            #enum_name,
            #module,
            #title,
            #url,
            #source,
            &[#(#headers),*],
            #key_column,
            #name_column,
            #help_column,
        );
    }
}

/// `ROWS` and `row()`; with the `match` layout, `row()` alone, a `match` of the rows.
fn row_lookup(table: &Enum, cells: Ident) -> Lookup {
    match table.layout {
        Layout::Match => Lookup { table: quote!(), body: quote!(match self { #cells => {} }) },
        Layout::Tables => {
            let columns = Literal::usize_unsuffixed(table.columns.len());
            Lookup {
                table: quote! {
                    /// Every row's cells as plain text, in the document's order.
                    const ROWS: &'static [[&'static ::core::primitive::str; #columns]] = &[#cells];
                },
                body: quote!(&Self::ROWS[self.row_index()]),
            }
        }
    }
}

/// `row_index()`: where codes are the discriminants, a `match` from each variant to the
/// variant of a local enum in the document's order (so no row number is written out);
/// otherwise the discriminant is the row.
fn row_index_body(
    table: &Enum,
    row_index: Option<(MadeText, MadeText)>,
    slots: &mut Slots,
) -> TokenStream {
    match row_index {
        Some((names, arms)) => {
            let (names, arms) = (slots.add(names), slots.add(arms));
            let local = Ident::new(row_enum_name(table), Span::call_site());
            // Its variants are the enum's, so a pinned name that rustc warns of (regen warns
            // of it too, at the pin) would be warned of again here, where no user wrote it.
            quote! {
                /// The rows in the document's order: each variant's discriminant is its row.
                #[allow(non_camel_case_types)]
                enum #local { #names }
                (match self { #arms => {} }) as ::core::primitive::usize
            }
        }
        None => quote!(self as ::core::primitive::usize),
    }
}

/// `code()`: the discriminant, the key cell (see `code_text`), or `CODES`.
fn code_lookup(
    table: &Enum,
    codes: Option<MadeText>,
    key: &KeyTokens,
    slots: &mut Slots,
) -> Lookup {
    let code_type = key.code_type();
    if table.codes_are_key_cells {
        return Lookup {
            table: quote!(),
            body: quote! {
                /// The code: the row's key cell.
                pub const fn code(self) -> #code_type {
                    self.code_text()
                }
            },
        };
    }
    match codes {
        Some(codes) if !table.discriminants.are_codes() => {
            let codes = slots.add(codes);
            Lookup {
                table: quote! {
                    /// Every row's code, in the document's order.
                    const CODES: &'static [#code_type] = &[#codes];
                },
                body: quote! {
                    /// The code, as the row's key cell gives it.
                    pub const fn code(self) -> #code_type {
                        Self::CODES[self.row_index()]
                    }
                },
            }
        }
        _ => Lookup {
            table: quote!(),
            body: quote! {
                /// The code: the row's key cell, which is also the discriminant.
                pub const fn code(self) -> #code_type {
                    self as #code_type
                }
            },
        },
    }
}

/// `code_text()`: the key cell, where it holds just the code; else `CODE_TEXTS`, what
/// `key-pattern` found in each key cell.
fn code_text_lookup(table: &Enum, code_texts: Option<MadeText>, slots: &mut Slots) -> Lookup {
    let key_column = Literal::usize_unsuffixed(table.key_column);
    let doc = "Every row's code as the doc writes it, in the document's order.";
    per_row_text("CODE_TEXTS", doc, code_texts, slots, quote!(self.row()[#key_column]))
}

/// `url()`: `URLS` where some row has a URL of its own, else the page's.
fn url_lookup(urls: Option<MadeText>, slots: &mut Slots) -> Lookup {
    let doc = "Every row's URL, in the document's order.";
    per_row_text("URLS", doc, urls, slots, quote!(Self::TABLE.url))
}

/// A text per row in a table `name` (where `texts` are given), read by the row's index;
/// `otherwise` where they are not.
fn per_row_text(
    name: &str,
    doc: &str,
    texts: Option<MadeText>,
    slots: &mut Slots,
    otherwise: TokenStream,
) -> Lookup {
    let Some(texts) = texts else { return Lookup { table: quote!(), body: otherwise } };
    let (name, texts) = (Ident::new(name, Span::call_site()), slots.add(texts));
    let doc = outer_doc_lines(doc);
    Lookup {
        table: quote! {
            #(#doc)*
            const #name: &'static [&'static ::core::primitive::str] = &[#texts];
        },
        body: quote!(Self::#name[self.row_index()]),
    }
}

/// `from_code()`: a `match` on integer codes (a decision tree or jump table, faster than a
/// binary search, and no constant of variants); `BY_CODE`, binary-searched, on string codes.
fn from_code_lookup(table: &Enum, by_code: Ident) -> Lookup {
    match table.code_type {
        KeyType::Str => Lookup {
            table: quote! {
                /// Codes that one row has, with its variant, sorted for binary search.
                const BY_CODE: &'static [(&'static ::core::primitive::str, Self)] = &[#by_code];
            },
            body: quote!(::catalog_core::rt::find_str(Self::BY_CODE, code)),
        },
        // A `match` of no arm but `_` is one clippy warns of (`match_single_binding`).
        _ if !table.has_a_code_of_its_own() => Lookup {
            table: quote!(),
            body: quote! {
                let _ = code;
                ::core::option::Option::None
            },
        },
        _ => Lookup {
            table: quote!(),
            body: quote!(match code { #by_code => {} _ => ::core::option::Option::None }),
        },
    }
}

/// `with_code()`: `WITH_CODE` where rows share codes, else the one variant `from_code` finds.
fn with_code_lookup(with_code: Option<MadeText>, key: &KeyTokens, slots: &mut Slots) -> Lookup {
    let Some(groups) = with_code else {
        return Lookup {
            table: quote!(),
            body: quote!(::catalog_core::rt::with_code_from_code!(code)),
        };
    };
    let (groups, code_type, find) = (slots.add(groups), key.code_type(), key.find_fn());
    Lookup {
        table: quote! {
            /// Every code with the variants that have it, sorted for binary search.
            const WITH_CODE: &'static [(#code_type, &'static [Self])] = &[#groups];
        },
        body: quote!(::catalog_core::rt::or_none(::catalog_core::rt::#find(Self::WITH_CODE, code))),
    }
}

/// `BY_NAME` and `from_name()`. Where codes are unique, a name leads to its code and the code
/// to the variant; only where rows share codes does the table hold variants (see `emit`).
/// Where the names are the codes, there is no `BY_NAME`: a name is looked up as a code.
fn from_name_lookup(table: &Enum, by_name: Option<Ident>, key: &KeyTokens) -> Lookup {
    let Some(by_name) = by_name else {
        return Lookup { table: quote!(), body: quote!(Self::from_code(name)) };
    };
    if table.shared_codes {
        return Lookup {
            table: quote! {
                /// Names that one row has, with its variant, sorted for binary search.
                const BY_NAME: &'static [(&'static ::core::primitive::str, Self)] = &[#by_name];
            },
            body: quote!(::catalog_core::rt::find_str(Self::BY_NAME, name)),
        };
    }
    let code_type = key.code_type();
    Lookup {
        table: quote! {
            /// Names that one row has, with the row's code, sorted for binary search.
            const BY_NAME: &'static [(&'static ::core::primitive::str, #code_type)] = &[#by_name];
        },
        body: quote!(::catalog_core::rt::from_name_by_code!(name)),
    }
}

/// `name()`'s body and every column accessor: each reads its cell from `ROWS`, or with the
/// `match` layout, from a `match` of its own.
fn cell_functions(table: &Enum, rows: &Rows, slots: &mut Slots) -> (TokenStream, Vec<TokenStream>) {
    let mut cell_body = |column: usize| match table.layout {
        Layout::Match => {
            let arms = slots.add(rows.cell_arms(column));
            quote!(match self { #arms => {} })
        }
        Layout::Tables => {
            let column = Literal::usize_unsuffixed(column);
            quote!(Self::ROWS[self.row_index()][#column])
        }
    };
    let accessors = table
        .columns
        .iter()
        .enumerate()
        .filter_map(|(index, column)| {
            let ident = column.accessor.as_ref()?.to_ident();
            let doc = outer_doc_lines(&format!(
                "The row's {}, as plain text.",
                column.cell_phrase(index)
            ));
            let body = cell_body(index);
            Some(quote! {
                #(#doc)*
                pub const fn #ident(self) -> &'static ::core::primitive::str {
                    #body
                }
            })
        })
        .collect();
    (cell_body(table.name_column), accessors)
}

/// `is_retired()`'s body: whether the variant is one of the retired ones.
fn is_retired_body(table: &Enum) -> TokenStream {
    is_one_of(table, |variant| variant.retired.is_some())
}

/// `is_crossed_out()`'s body: whether the variant is one of those the page crosses out.
fn is_crossed_out_body(table: &Enum) -> TokenStream {
    is_one_of(table, |variant| variant.crossed_out)
}

/// `false`, or a `matches!` of the variants `chosen`, named through the enum rather than
/// `Self`, as every row's path is (BENCHMARKS.md: `Self::Variant` is resolved by a search
/// through the variants).
fn is_one_of(table: &Enum, chosen: impl Fn(&Variant) -> bool) -> TokenStream {
    let name = table.name.to_ident();
    let variants: Vec<Ident> = table
        .variants
        .iter()
        .filter(|variant| chosen(variant))
        .map(|variant| variant.ident.to_ident())
        .collect();
    if variants.is_empty() {
        quote!(false)
    } else {
        quote!(::core::matches!(self, #(#name::#variants)|*))
    }
}

/// How the code type appears in the generated code.
struct KeyTokens(KeyType);

impl KeyTokens {
    /// The primitive type by its absolute path, which no generated name can shadow.
    fn primitive(&self) -> TokenStream {
        let ident = format_ident!("{}", self.0.rust_name());
        quote!(::core::primitive::#ident)
    }

    /// `u16`, or `&'static str`.
    fn code_type(&self) -> TokenStream {
        let primitive = self.primitive();
        match self.0 {
            KeyType::Str => quote!(&'static #primitive),
            _ => primitive,
        }
    }

    /// The type `from_code` and `with_code` take: `u16`, or `&str`.
    fn param_type(&self) -> TokenStream {
        let primitive = self.primitive();
        match self.0 {
            KeyType::Str => quote!(&#primitive),
            _ => primitive,
        }
    }

    /// The arguments of the runtime's `impl_entry!` after `table`'s enum: the integer type,
    /// and the word `hex` where the codes are written in hexadecimal digits alone, or
    /// `shown_hex` where the page writes them in hexadecimal otherwise (`0x1F`,
    /// [`Enum::writes_codes_in_hex`]); or the word `str`. Then the words of the `Entry`
    /// methods the enum has inherent items for that the macro's first form did not forward
    /// (`crossed_out`). The macro matches the words.
    fn impl_kind(&self, table: &Enum) -> TokenStream {
        let primitive = self.primitive();
        let kind = match (self.0, table.codes) {
            (KeyType::Str, _) => quote!(str),
            (_, Codes::Hex) => quote!(#primitive, hex),
            _ if table.writes_codes_in_hex() => quote!(#primitive, shown_hex),
            _ => primitive,
        };
        quote!(#kind, crossed_out)
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

    /// The runtime's binary search for the code type (`find_u16`).
    fn find_fn(&self) -> Ident {
        format_ident!("find_{}", self.0.rust_name())
    }
}

/// `from_name`'s rustdoc, which lists the names it never finds.
fn from_name_doc(name_cell: &str, ambiguous: &[String]) -> String {
    let mut doc = format!(
        "The variant whose {name_cell} is exactly `name`; `None` if no row or more than one has it."
    );
    if !ambiguous.is_empty() {
        doc.push_str(&format!(
            "\n\nAmbiguous, so never found: {}.",
            rustdoc::code_spans(ambiguous)
        ));
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
