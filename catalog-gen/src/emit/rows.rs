//! A table's rows as the text of the generated code: a line, or a few, per row in each place
//! rows go (variants, tables, `match` arms). See [`super::slots`] for why this is text.

use std::fmt::Write;

use super::text::{push_doc, push_str_literal};
use crate::model::{CodeType, Enum, Key, Layout, Retirement, Variant};
use crate::parallel;

/// The rows of one enum, ready to be written.
pub struct Rows<'a> {
    table: &'a Enum,
}

/// Every text of an enum's rows, each for one place in the code. Each row's line holds what
/// the docs say of the row (its variant, code, name, cells), never its position, so that a row
/// added or removed upstream adds or removes lines and changes no other.
pub struct RowTexts {
    /// The enum's variants.
    pub declarations: String,
    /// `ROWS`'s elements, or with the `match` layout, `row`'s arms.
    pub cells: String,
    /// `ALL`'s elements.
    pub all: String,
    /// Where codes are the discriminants, `row_index`'s local enum of rows in the document's
    /// order, and its arms from each variant to its row.
    pub row_index: Option<(String, String)>,
    /// `from_code`'s arms for integer codes, `BY_CODE`'s elements for string codes.
    pub by_code: String,
    /// `WITH_CODE`'s elements, where rows share codes.
    pub with_code: Option<String>,
    /// `CODES`'s elements, where codes are not the discriminants.
    pub codes: Option<String>,
    /// `CODE_TEXTS`'s elements, where the key cell holds more than the code.
    pub code_texts: Option<String>,
    /// `URLS`'s elements, where some row has a URL of its own.
    pub urls: Option<String>,
    /// `BY_NAME`'s elements: each name that one row has, with the row's code where codes are
    /// unique, else with its variant.
    pub by_name: String,
}

impl<'a> Rows<'a> {
    /// Every text, the variants beside the rest on large tables.
    pub fn texts(&self) -> RowTexts {
        let table = self.table;
        let rest = || RowTexts {
            declarations: String::new(),
            cells: match table.layout {
                Layout::Match => self.row_arms(),
                Layout::Tables => self.rows(),
            },
            all: self.all(),
            row_index: table.discriminants.then(|| (self.row_names(), self.row_index_arms())),
            by_code: match table.code_type {
                CodeType::Str => self.by_code(),
                _ => self.code_arms(),
            },
            with_code: table.shared_codes.then(|| self.with_code()),
            codes: (!table.discriminants).then(|| self.codes()),
            code_texts: (!table.key_is_whole_cell).then(|| self.code_texts()),
            urls: table.row_urls.then(|| self.urls()),
            by_name: self.by_name(),
        };
        let (declarations, rest) =
            parallel::join(self.table.variants.len(), || self.declarations(), rest);
        RowTexts { declarations, ..rest }
    }

    /// The rows of `table`.
    pub fn new(table: &'a Enum) -> Self {
        Rows { table }
    }

    /// One text per row, each line ending in `\n`. `extra` is about how many bytes a row takes
    /// beyond its path: texts of tens of megabytes are allocated once, not grown. `write` is
    /// not told the row's position, so no row's text can depend on the rows before it.
    fn each(
        &self,
        extra: impl Fn(&Variant) -> usize,
        mut write: impl FnMut(&mut String, &Variant),
    ) -> String {
        let mut out = String::with_capacity(self.capacity(extra));
        for variant in &self.table.variants {
            write(&mut out, variant);
        }
        out
    }

    /// About how many bytes a text with `Enum::Variant` and `extra` bytes per row takes.
    fn capacity(&self, extra: impl Fn(&Variant) -> usize) -> usize {
        let path = self.table.name.len() + 16;
        self.table.variants.iter().map(|variant| path + variant.ident.len() + extra(variant)).sum()
    }

    /// The enum's variants: rustdoc, aliases, and the discriminant where codes are.
    fn declarations(&self) -> String {
        let docs = |variant: &Variant| 2 * variant.docs.iter().map(String::len).sum::<usize>();
        self.each(docs, |out, variant| {
            push_doc(out, "///", &variant_doc(self.table, variant));
            for alias in aliases(self.table, variant) {
                out.push_str("#[doc(alias = ");
                push_str_literal(out, alias);
                out.push_str(")]\n");
            }
            if let Some(retired) = &variant.retired {
                out.push_str("#[deprecated(note = ");
                push_str_literal(out, &deprecation_note(retired));
                out.push_str(")]\n");
            }
            out.push_str(&variant.ident);
            match variant.key {
                Key::Int(code) if self.table.discriminants => {
                    let _ = writeln!(out, " = {code},");
                }
                _ => out.push_str(",\n"),
            }
        })
    }

    /// `ALL`'s elements.
    fn all(&self) -> String {
        self.each(|_| 0, |out, variant| self.push_path(out, variant, ",\n"))
    }

    /// `ROWS`'s elements: every row's cells.
    fn rows(&self) -> String {
        self.each(cells_len, |out, variant| {
            out.push('[');
            for (index, cell) in variant.cells.iter().enumerate() {
                if index > 0 {
                    out.push_str(", ");
                }
                push_str_literal(out, cell);
            }
            out.push_str("],\n");
        })
    }

    /// `CODES`'s elements: every row's code.
    fn codes(&self) -> String {
        self.each(
            |_| 0,
            |out, variant| {
                push_key(out, &variant.key);
                out.push_str(",\n");
            },
        )
    }

    /// `CODE_TEXTS`'s elements: every row's code as written.
    fn code_texts(&self) -> String {
        self.each(
            |variant| variant.key_text.len() + 4,
            |out, variant| {
                push_str_literal(out, &variant.key_text);
                out.push_str(",\n");
            },
        )
    }

    /// `URLS`'s elements: every row's URL, its own or the page's.
    fn urls(&self) -> String {
        let page = &self.table.url;
        self.each(
            |variant| variant.url.as_ref().unwrap_or(page).len() + 4,
            |out, variant| {
                push_str_literal(out, variant.url.as_ref().unwrap_or(page));
                out.push_str(",\n");
            },
        )
    }

    /// The variants of `row_index`'s local enum, in the document's order: its implicit
    /// discriminants are the rows, counted by the compiler rather than written out.
    fn row_names(&self) -> String {
        self.each(
            |_| 0,
            |out, variant| {
                out.push_str(&variant.ident);
                out.push_str(",\n");
            },
        )
    }

    /// `row_index`'s arms: from each variant to the local enum's variant of the same name.
    fn row_index_arms(&self) -> String {
        let local = row_enum_name(self.table);
        self.each(
            |_| local.len(),
            |out, variant| {
                self.push_path(out, variant, " => ");
                out.push_str(local);
                out.push_str("::");
                out.push_str(&variant.ident);
                out.push_str(",\n");
            },
        )
    }

    /// The arms of `from_code` for integer codes: each code that one row has.
    fn code_arms(&self) -> String {
        let mut out = String::with_capacity(self.capacity(|_| 0));
        for group in self.code_groups() {
            if let &[row] = group {
                let variant = &self.table.variants[row];
                push_key(&mut out, &variant.key);
                out.push_str(" => ::core::option::Option::Some(");
                self.push_path(&mut out, variant, "),\n");
            }
        }
        out
    }

    /// `BY_CODE`'s elements for string codes: each code that one row has, with its variant.
    fn by_code(&self) -> String {
        let mut out = String::with_capacity(self.capacity(|_| 0));
        for group in self.code_groups() {
            if let &[row] = group {
                let variant = &self.table.variants[row];
                out.push('(');
                push_key(&mut out, &variant.key);
                out.push_str(", ");
                self.push_path(&mut out, variant, "),\n");
            }
        }
        out
    }

    /// `WITH_CODE`'s elements: every code with the variants that have it.
    fn with_code(&self) -> String {
        let mut out = String::with_capacity(self.capacity(|_| 0));
        for group in self.code_groups() {
            out.push('(');
            push_key(&mut out, &self.table.variants[group[0]].key);
            out.push_str(", &[");
            for (index, &row) in group.iter().enumerate() {
                let separator = if index + 1 < group.len() { ", " } else { "" };
                self.push_path(&mut out, &self.table.variants[row], separator);
            }
            out.push_str("]),\n");
        }
        out
    }

    /// `BY_NAME`'s elements: each name that one row has, with the row's code where codes
    /// are unique (no variant in a constant: see `emit`), else with its variant.
    fn by_name(&self) -> String {
        let table = self.table;
        let extra = |variant: &Variant| variant.name(table).len();
        let mut out = String::with_capacity(self.capacity(extra));
        for &row in &table.rows_by_name {
            let variant = &table.variants[row];
            out.push('(');
            push_str_literal(&mut out, variant.name(table));
            out.push_str(", ");
            if !table.shared_codes {
                push_key(&mut out, &variant.key);
                out.push_str("),\n");
            } else {
                self.push_path(&mut out, variant, "),\n");
            }
        }
        out
    }

    /// The arms of a `match` giving each variant's cell in `column` (the `match` layout).
    pub fn cell_arms(&self, column: usize) -> String {
        self.each(
            |variant| variant.cells[column].len(),
            |out, variant| {
                self.push_path(out, variant, " => ");
                push_str_literal(out, &variant.cells[column]);
                out.push_str(",\n");
            },
        )
    }

    /// The arms of a `match` giving each variant's cells (the `match` layout).
    fn row_arms(&self) -> String {
        self.each(cells_len, |out, variant| {
            self.push_path(out, variant, " => &[");
            for (index, cell) in variant.cells.iter().enumerate() {
                if index > 0 {
                    out.push_str(", ");
                }
                push_str_literal(out, cell);
            }
            out.push_str("],\n");
        })
    }

    /// Rows grouped by code, in the order of the binary searches in `catalog_core::rt`; rows that
    /// share a code stay in the document's order.
    fn code_groups(&self) -> impl Iterator<Item = &[usize]> {
        let table = self.table;
        table.code_groups.iter().map(|group| &table.rows_by_code[group.clone()])
    }

    /// `Enum::Variant` and `after`. The enum's own name rather than `Self`: rustc resolves
    /// `Self::Variant` by searching the variants one by one, which is quadratic over a file.
    fn push_path(&self, out: &mut String, variant: &Variant, after: &str) {
        out.push_str(&self.table.name);
        out.push_str("::");
        out.push_str(&variant.ident);
        out.push_str(after);
    }
}

/// The bytes of a row's cells, with room for quotes and separators.
fn cells_len(variant: &Variant) -> usize {
    variant.cells.iter().map(|cell| cell.len() + 4).sum()
}

fn push_key(out: &mut String, key: &Key) {
    match key {
        Key::Int(code) => {
            let _ = write!(out, "{code}");
        }
        Key::Str(text) => push_str_literal(out, text),
    }
}

/// The name of `row_index`'s local enum: one that cannot be the enum's own, which the arms
/// name too.
pub fn row_enum_name(table: &Enum) -> &'static str {
    if *table.name == *"Row" { "RowOf" } else { "Row" }
}

/// What a retired variant's `#[deprecated]` says: since when, and why, where the manifest
/// says.
pub fn deprecation_note(retired: &Retirement) -> String {
    let mut note = String::from("retired: no longer in the documentation");
    if let Some(since) = &retired.since {
        let _ = write!(note, " since {since}");
    }
    if let Some(why) = &retired.note {
        let _ = write!(note, "; {why}");
    }
    note
}

/// The variant's rustdoc: code and name as the summary, then, for a retired row, that it is,
/// then every other column.
fn variant_doc(table: &Enum, variant: &Variant) -> String {
    let code = &variant.docs[table.key_column];
    let mut doc = if table.key_column == table.name_column {
        code.clone()
    } else {
        format!("{code}: {}", variant.docs[table.name_column])
    };
    if let Some(retired) = &variant.retired {
        let _ = write!(
            doc,
            "\n\n**Retired**: {}. Kept with its last documented text.",
            deprecation_note(retired).trim_start_matches("retired: ")
        );
    }
    for (index, column) in table.columns.iter().enumerate() {
        if index != table.key_column && index != table.name_column {
            let _ = write!(doc, "\n\n**{}:** {}", column.header, variant.docs[index]);
        }
    }
    doc
}

/// `#[doc(alias)]` values for the code and the name, where rustdoc accepts them: not empty, no
/// quotes or line breaks, no space at either end, not the variant's own name.
fn aliases<'v>(table: &Enum, variant: &'v Variant) -> Vec<&'v str> {
    let mut aliases: Vec<&str> = Vec::new();
    for text in [&variant.key_text, &variant.cells[table.name_column]] {
        let usable = !text.is_empty()
            && text.trim() == text
            && !text.chars().any(|c| c == '"' || c == '\'' || (c.is_whitespace() && c != ' '))
            && *variant.ident != **text
            && !aliases.contains(&text.as_str());
        if usable {
            aliases.push(text);
        }
    }
    aliases
}
