//! A table's rows as the text of the generated code: a line, or a few, per row in each place
//! rows go (variants, tables, `match` arms). See [`super::slots`] for why this is text.

use std::borrow::Cow;
use std::fmt::Write;
use std::sync::Arc;

use super::text::{push_doc_indented, push_str_literal};
use crate::file_text::{MadeText, PartWriter};

use crate::manifest::KeyType;
use crate::model::problems::RETIRED;
use crate::model::{Column, Doc, Enum, Key, Layout, Retirement, Variant, column_title};
use crate::rustdoc;

/// The rows of one enum, ready to be written.
pub struct Rows {
    table: Arc<Enum>,
}

/// Every text of an enum's rows, each for one place in the code. Each row's line holds what
/// the docs say of the row (its variant, code, name, cells), never its position, so that a row
/// added or removed upstream adds or removes lines and changes no other.
pub struct RowTexts {
    /// The enum's variants.
    pub declarations: MadeText,
    /// `ROWS`'s elements, or with the `match` layout, `row`'s arms.
    pub cells: MadeText,
    /// `ALL`'s elements.
    pub all: MadeText,
    /// Where codes are the discriminants, `row_index`'s local enum of rows in the document's
    /// order, and its arms from each variant to its row.
    pub row_index: Option<(MadeText, MadeText)>,
    /// `from_code`'s arms for integer codes, `BY_CODE`'s elements for string codes.
    pub by_code: MadeText,
    /// `WITH_CODE`'s elements, where rows share codes.
    pub with_code: Option<MadeText>,
    /// `CODES`'s elements, where codes are neither the discriminants nor the key cells.
    pub codes: Option<MadeText>,
    /// `CODE_TEXTS`'s elements, where the key cell holds more than the code.
    pub code_texts: Option<MadeText>,
    /// `URLS`'s elements, where some row has a URL of its own.
    pub urls: Option<MadeText>,
    /// `BY_NAME`'s elements: each name that one row has, with the row's code where codes are
    /// unique, else with its variant; none where the names are the codes.
    pub by_name: Option<MadeText>,
}

impl Rows {
    /// Every text, each made when the file is read.
    pub fn texts(&self) -> RowTexts {
        let table = &self.table;
        let discriminants = table.discriminants.are_codes();
        RowTexts {
            declarations: self.declarations(),
            cells: match table.layout {
                Layout::Match => self.row_arms(),
                Layout::Tables => self.rows(),
            },
            all: self.all(),
            row_index: discriminants.then(|| (self.row_names(), self.row_index_arms())),
            by_code: match table.code_type {
                KeyType::Str => self.by_code(),
                _ => self.code_arms(),
            },
            with_code: table.shared_codes.then(|| self.with_code()),
            codes: (!discriminants && !table.codes_are_key_cells).then(|| self.codes()),
            code_texts: (!table.key_is_whole_cell).then(|| self.code_texts()),
            urls: table.row_urls.then(|| self.urls()),
            by_name: (!table.names_are_codes).then(|| self.by_name()),
        }
    }

    /// The rows of `table`.
    pub fn new(table: &Arc<Enum>) -> Self {
        Rows { table: Arc::clone(table) }
    }

    /// Lines for every row, each begun with the part's indentation ([`PartWriter::line`]) and
    /// ending in `\n`, made by `write` when the file is read. `write` is not told the row's
    /// position, so no row's text can depend on the rows before it.
    fn each(
        &self,
        write: impl Fn(&mut PartWriter<'_>, &Enum, &Variant) + Send + Sync + 'static,
    ) -> MadeText {
        let table = Arc::clone(&self.table);
        MadeText::of_rows(table.variants.len(), move |rows, out| {
            table.variants[rows].iter().for_each(|variant| write(out, &table, variant));
        })
    }

    /// Lines for every group of rows that share a code (or one row, where codes are unique),
    /// in the order of the binary searches in `catalog_core::rt`; rows that share a code stay
    /// in the document's order. As [`Rows::each`].
    fn each_code(
        &self,
        write: impl Fn(&mut PartWriter<'_>, &Enum, &[usize]) + Send + Sync + 'static,
    ) -> MadeText {
        let table = Arc::clone(&self.table);
        MadeText::of_rows(table.code_groups.len(), move |groups, out| {
            for group in &table.code_groups[groups] {
                write(out, &table, &table.rows_by_code[group.clone()]);
            }
        })
    }

    /// The enum's variants: rustdoc, aliases, and the discriminant where codes are.
    fn declarations(&self) -> MadeText {
        let labels = labels(&self.table);
        self.each(move |lines, table, variant| {
            let doc = variant_doc(table, variant, &labels);
            push_doc_indented(lines.out, lines.indent, "///", &doc);
            for alias in aliases(table, variant) {
                let out = lines.line();
                out.push_str("#[doc(alias = ");
                push_str_literal(out, alias);
                out.push_str(")]\n");
            }
            let deprecated = match &variant.retired {
                Some(retired) => Some(Cow::Owned(deprecation_note(retired))),
                None => variant.crossed_out.then_some(Cow::Borrowed(CROSSED_OUT_NOTE)),
            };
            if let Some(note) = deprecated {
                let out = lines.line();
                out.push_str("#[deprecated(note = ");
                push_str_literal(out, &note);
                out.push_str(")]\n");
            }
            let out = lines.line();
            out.push_str(&variant.ident);
            match variant.key {
                Key::Int(_) if table.discriminants.are_codes() => {
                    out.push_str(" = ");
                    push_code(out, table, variant);
                    out.push_str(",\n");
                }
                _ => out.push_str(",\n"),
            }
        })
    }

    /// `ALL`'s elements.
    fn all(&self) -> MadeText {
        self.each(|lines, table, variant| push_path(lines.line(), table, variant, ",\n"))
    }

    /// `ROWS`'s elements: every row's cells.
    fn rows(&self) -> MadeText {
        self.each(|lines, _, variant| {
            let out = lines.line();
            out.push('[');
            push_cells(out, variant);
        })
    }

    /// `CODES`'s elements: every row's code.
    fn codes(&self) -> MadeText {
        self.each(|lines, table, variant| {
            let out = lines.line();
            push_code(out, table, variant);
            out.push_str(",\n");
        })
    }

    /// `CODE_TEXTS`'s elements: every row's code as written.
    fn code_texts(&self) -> MadeText {
        self.each(|lines, _, variant| {
            let out = lines.line();
            push_str_literal(out, &variant.key_text);
            out.push_str(",\n");
        })
    }

    /// `URLS`'s elements: every row's URL, its own or the page's.
    fn urls(&self) -> MadeText {
        self.each(|lines, table, variant| {
            let out = lines.line();
            push_str_literal(out, variant.url.as_ref().unwrap_or(&table.url));
            out.push_str(",\n");
        })
    }

    /// The variants of `row_index`'s local enum, in the document's order: its implicit
    /// discriminants are the rows, counted by the compiler rather than written out.
    fn row_names(&self) -> MadeText {
        self.each(|lines, _, variant| {
            let out = lines.line();
            out.push_str(&variant.ident);
            out.push_str(",\n");
        })
    }

    /// `row_index`'s arms: from each variant to the local enum's variant of the same name.
    fn row_index_arms(&self) -> MadeText {
        self.each(|lines, table, variant| {
            let out = lines.line();
            push_path(out, table, variant, " => ");
            out.push_str(row_enum_name(table));
            out.push_str("::");
            out.push_str(&variant.ident);
            out.push_str(",\n");
        })
    }

    /// The arms of `from_code` for integer codes: each code that one row has.
    fn code_arms(&self) -> MadeText {
        self.each_code(|lines, table, group| {
            if let &[row] = group {
                let variant = &table.variants[row];
                let out = lines.line();
                push_code(out, table, variant);
                out.push_str(" => ::core::option::Option::Some(");
                push_path(out, table, variant, "),\n");
            }
        })
    }

    /// `BY_CODE`'s elements for string codes: each code that one row has, with its variant.
    fn by_code(&self) -> MadeText {
        self.each_code(|lines, table, group| {
            if let &[row] = group {
                let variant = &table.variants[row];
                let out = lines.line();
                out.push('(');
                push_code(out, table, variant);
                out.push_str(", ");
                push_path(out, table, variant, "),\n");
            }
        })
    }

    /// `WITH_CODE`'s elements: every code with the variants that have it.
    fn with_code(&self) -> MadeText {
        self.each_code(|lines, table, group| {
            let out = lines.line();
            out.push('(');
            push_code(out, table, &table.variants[group[0]]);
            out.push_str(", &[");
            for (index, &row) in group.iter().enumerate() {
                let separator = if index + 1 < group.len() { ", " } else { "" };
                push_path(out, table, &table.variants[row], separator);
            }
            out.push_str("]),\n");
        })
    }

    /// `BY_NAME`'s elements: each name that one row has, with the row's code where codes
    /// are unique (no variant in a constant: see `emit`), else with its variant.
    fn by_name(&self) -> MadeText {
        let table = Arc::clone(&self.table);
        MadeText::of_rows(table.rows_by_name.len(), move |rows, lines| {
            // In name order the rows are scattered over the table, two cache misses each (the
            // variant, its cells). A loop that only gathers the names keeps many misses in
            // flight at once; one that also writes each line waits for them one by one.
            let variants = table.rows_by_name[rows].iter().map(|&row| &table.variants[row]);
            let named: Vec<(&str, &Variant)> =
                variants.map(|variant| (variant.name(&table), variant)).collect();
            for (name, variant) in named {
                let out = lines.line();
                out.push('(');
                push_str_literal(out, name);
                out.push_str(", ");
                if !table.shared_codes {
                    push_code(out, &table, variant);
                    out.push_str("),\n");
                } else {
                    push_path(out, &table, variant, "),\n");
                }
            }
        })
    }

    /// The arms of a `match` giving each variant's cell in `column` (the `match` layout).
    pub fn cell_arms(&self, column: usize) -> MadeText {
        self.each(move |lines, table, variant| {
            let out = lines.line();
            push_path(out, table, variant, " => ");
            push_str_literal(out, &variant.cells[column]);
            out.push_str(",\n");
        })
    }

    /// The arms of a `match` giving each variant's cells (the `match` layout).
    fn row_arms(&self) -> MadeText {
        self.each(|lines, table, variant| {
            let out = lines.line();
            push_path(out, table, variant, " => &[");
            push_cells(out, variant);
        })
    }
}

/// A row's cells as string literals, then the end of their array and the line: `ROWS`'s
/// element and a `match` arm's slice end alike.
fn push_cells(out: &mut String, variant: &Variant) {
    for (index, cell) in variant.cells.iter().enumerate() {
        if index > 0 {
            out.push_str(", ");
        }
        push_str_literal(out, cell);
    }
    out.push_str("],\n");
}

/// `Enum::Variant` and `after`. The enum's own name rather than `Self`: rustc resolves
/// `Self::Variant` by searching the variants one by one, which is quadratic over a file.
fn push_path(out: &mut String, table: &Enum, variant: &Variant, after: &str) {
    out.push_str(&table.name);
    out.push_str("::");
    out.push_str(&variant.ident);
    out.push_str(after);
}

/// A row's code as a literal: a string code as a string; an integer code in hexadecimal where
/// the page writes it so (`0x1F`, `0xC0000022`, as status codes are read, and `0Ah` as `0x0A`,
/// and in a table of hexadecimal digits alone, `key-radix = 16`, `0A` and `10` as `0x0A` and
/// `0x10`; its digits as the page writes them, in upper case, for
/// `clippy::mixed_case_hex_literals`), else in decimal (`013` as `13`, which a reader would not
/// take for octal).
fn push_code(out: &mut String, table: &Enum, variant: &Variant) {
    match &variant.key {
        // A code that parsed as an integer and is written in hexadecimal is its digits.
        Key::Int(code) => match table.codes.hex_digits(&variant.key_text) {
            Some(digits) => {
                out.push_str("0x");
                let start = out.len();
                out.push_str(digits);
                out[start..].make_ascii_uppercase();
            }
            None => code.push_to(out),
        },
        Key::Str(text) => push_str_literal(out, text),
    }
}

/// The name of `row_index`'s local enum: one that cannot be the enum's own, which the arms
/// name too.
pub fn row_enum_name(table: &Enum) -> &'static str {
    if *table.name == *"Row" { "RowOf" } else { "Row" }
}

/// What the `#[deprecated]` of a variant whose code the page crosses out (`~~0x06~~`) says: a
/// retired variant's says `retired: …`.
pub const CROSSED_OUT_NOTE: &str = "crossed out in the documentation";

/// What a retired variant's `#[deprecated]` says: since when, and why, where the manifest
/// says.
pub fn deprecation_note(retired: &Retirement) -> String {
    let mut note = format!("retired: {RETIRED}");
    if let Some(since) = &retired.since {
        let _ = write!(note, " since {since}");
    }
    // The note the helps offer says what the deprecation says already.
    if let Some(why) = retired.note.as_ref().filter(|why| *why != RETIRED) {
        let _ = write!(note, "; {why}");
    }
    note
}

/// Each column's title ([`column_title`]) as rustdoc Markdown: a header is plain text, as the
/// page shows it (`[Units]`, `a*b`), escaped so that rustdoc shows it so, on one line, as the
/// label's bold would end at a blank line. Made once a table.
fn labels(table: &Enum) -> Vec<String> {
    let titles = table.columns.iter().enumerate();
    let label = |(index, column): (usize, &Column)| {
        rustdoc::escape(&rustdoc::one_line(&column_title(&column.header, index)))
    };
    titles.map(label).collect()
}

/// The variant's rustdoc: code and name as the summary, then, for a retired row, that it is,
/// then every other column but a blank one, each under its label (from [`labels`]), then the
/// page's footnotes that the cells refer to.
fn variant_doc(table: &Enum, variant: &Variant, labels: &[String]) -> String {
    // Built with `push_str`, not `format!`: at 20k rows, formatting these strings through
    // `fmt` (padding checks on every argument) was 3% of regen's instructions (callgrind).
    let headers: usize = labels.iter().map(|label| label.len() + 10).sum();
    let mut doc =
        String::with_capacity(variant.docs.iter().map(Doc::size_hint).sum::<usize>() + headers);
    variant.docs[table.key_column].push_to(&table.page, &mut doc);
    // A row without a name (an empty name cell) is summed up by its code alone.
    if table.key_column != table.name_column && !variant.cells[table.name_column].is_empty() {
        doc.push_str(": ");
        variant.docs[table.name_column].push_to(&table.page, &mut doc);
    }
    if let Some(retired) = &variant.retired {
        let _ = write!(
            doc,
            "\n\n**Retired**: {}. Kept with its last documented text.",
            deprecation_note(retired).trim_start_matches("retired: ")
        );
    }
    for (index, label) in labels.iter().enumerate() {
        let blank = table.columns[index].blank;
        if index != table.key_column && index != table.name_column && !blank {
            // An empty cell shows no label: `**Notes:**` with nothing after it says nothing.
            // Asked of the rendered text, so a cell of an image alone still shows its label.
            let before = doc.len();
            doc.push_str("\n\n**");
            doc.push_str(label);
            doc.push_str(":** ");
            let label_end = doc.len();
            variant.docs[index].push_to(&table.page, &mut doc);
            // Told by its first character where that shows: at 20k rows, trimming every
            // cell's text was 0.25% of regen's instructions (callgrind).
            let shown = &doc[label_end..];
            if !shown.starts_with(|c: char| !c.is_whitespace()) && shown.trim_start().is_empty() {
                doc.truncate(before);
            }
        }
    }
    table.footnotes.complete(&mut doc);
    doc
}

/// `#[doc(alias)]` values for the code and the name, where rustdoc accepts them: not empty, no
/// quotes or line breaks, no space at either end, not the variant's own name.
fn aliases<'v>(table: &Enum, variant: &'v Variant) -> impl Iterator<Item = &'v str> {
    let usable = |text: &str| {
        !text.is_empty()
            && !text.starts_with(char::is_whitespace)
            && !text.ends_with(char::is_whitespace)
            && !has_quote_or_break(text)
            && *variant.ident != *text
    };
    let (code, name) = (variant.key_text.as_str(), &*variant.cells[table.name_column]);
    let code = Some(code).filter(|code| usable(code));
    let name = Some(name).filter(|name| usable(name) && code != Some(*name));
    code.into_iter().chain(name)
}

/// Whether `text` has a quote, an apostrophe or whitespace other than a space. Every row's
/// code and name is asked: ASCII text, nearly all of it, is looked at a byte at a time.
fn has_quote_or_break(text: &str) -> bool {
    if text.is_ascii() {
        return text
            .bytes()
            .any(|byte| matches!(byte, b'"' | b'\'' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r'));
    }
    text.chars().any(|c| c == '"' || c == '\'' || (c.is_whitespace() && c != ' '))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_breaks_are_found_in_ascii_and_other_text_alike() {
        let found = [
            ("say \"hi\"", true),
            ("it's", true),
            ("a\tb", true),
            ("a\nb", true),
            ("a\u{b}b", true),
            ("a\u{c}b", true),
            ("a\rb", true),
            ("a\u{a0}b", true),
            ("a\u{2028}b", true),
            ("\u{85}", true),
            ("a\u{3000}b", true),
            ("日本\u{2019}s \"x\"", true),
        ];
        let not_found = ["Disk Full", "0x001", "é ü", "日本 語", "a-b_c.d/e", ""];
        let cases = found.into_iter().chain(not_found.into_iter().map(|text| (text, false)));
        for (text, expected) in cases {
            assert_eq!(has_quote_or_break(text), expected, "{text:?}");
        }
    }

    #[test]
    fn the_ascii_path_follows_the_rule_for_every_ascii_character() {
        // The byte list must be exactly the rule's ASCII characters: each alone, and each in
        // ASCII text, gives what the rule gives.
        let rule = |c: char| c == '"' || c == '\'' || (c.is_whitespace() && c != ' ');
        for c in (0u8..=0x7f).map(char::from) {
            assert_eq!(has_quote_or_break(&c.to_string()), rule(c), "{c:?}");
            assert_eq!(has_quote_or_break(&format!("ab{c}cd")), rule(c), "{c:?}");
        }
    }

    /// A retired variant's deprecation says since when and why, and the note a help offers to
    /// paste, which says what the deprecation says first, once.
    #[test]
    fn a_deprecation_says_the_retirement_once() {
        let retired = |since: Option<&str>, note: Option<&str>| {
            deprecation_note(&Retirement {
                since: since.map(str::to_owned),
                note: note.map(str::to_owned),
            })
        };
        let offered = crate::model::problems::new_retirement();
        let pasted = retired(offered.since.as_deref(), offered.note.as_deref());
        assert_eq!(pasted, "retired: no longer in the documentation");
        assert_eq!(
            retired(Some("2024-05-01"), Some("use 1432")),
            "retired: no longer in the documentation since 2024-05-01; use 1432"
        );
    }
}
