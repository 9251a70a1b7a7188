//! The manifest, `catalog.toml`: which tables of which pages become which enums.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostics::{Diagnostic, Label};
use crate::int_code::{Codes, IntValue};

/// A parsed manifest, with the span of every value for diagnostics.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Manifest {
    /// The directory the generated modules are written to, relative to the manifest.
    pub output: Spanned<String>,
    /// The tables to generate, one enum each.
    #[serde(rename = "table", default)]
    pub tables: Vec<TableSpec>,
}

/// One `[[table]]` entry: a table on a page and the enum it becomes.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TableSpec {
    /// The Markdown page, relative to the manifest.
    pub page: Spanned<String>,
    /// The page's published URL; relative links are made absolute against it.
    pub url: Spanned<String>,
    /// Pick the table under the nearest heading with this text (case and spaces ignored).
    pub heading: Option<Spanned<String>>,
    /// Pick the table directly under a bold caption line with this text.
    pub caption: Option<Spanned<String>>,
    /// Pick the table at this position (0-based) among the page's tables that match
    /// `heading` and `caption`; needed only where several match.
    pub index: Option<Spanned<usize>>,
    /// `true`: every table that `heading` and `caption` pick and that has the columns this
    /// entry names makes the one enum, their rows in the page's order (a page that gives one
    /// list of codes a section each, a table in each). They must have the same columns.
    #[serde(default)]
    pub all_tables: Option<Spanned<bool>>,
    /// The Rust module the enum goes into.
    pub module: Spanned<String>,
    /// The enum's name.
    #[serde(rename = "enum")]
    pub enum_name: Spanned<String>,
    /// The header of the column whose cells are the codes.
    pub key_column: Spanned<String>,
    /// The type of the codes.
    pub key_type: Spanned<KeyType>,
    /// A regular expression that finds the code in the key cell's plain text (`400 Bad
    /// Request` → `400`): its first capture group, or the whole match without one. The whole
    /// cell when absent.
    pub key_pattern: Option<Spanned<String>>,
    /// `16`: integer codes are written in hexadecimal digits alone (`0A`, `10`, as a device's
    /// manual writes them under `Code (hex)`), read in base 16; `10` (the default): in decimal,
    /// or in hexadecimal after `0x` or before an `h`.
    pub key_radix: Option<Spanned<u32>>,
    /// `true`: a key cell that lists several codes, each in a code span (`` `A` / `B` ``,
    /// `` `A`, `B` ``), makes a variant of each, with the row's other cells. Not with
    /// `key-pattern`, which finds one code in a cell.
    #[serde(default)]
    pub split_codes: Option<Spanned<bool>>,
    /// `true`: a row without a code (its code cell empty, and its name cell too) right below
    /// a row is more lines of that row, each of its cells a line of the cell above it (as
    /// tables exported from wikis, or wrapped to a width, write a cell's further lines).
    #[serde(default)]
    pub continued_rows: Option<Spanned<bool>>,
    /// Rows may share a code (one HTTP status, two exceptions): the name tells them apart,
    /// codes are not the discriminants, and `from_code` answers only unshared codes.
    #[serde(default)]
    pub shared_codes: bool,
    /// The header of the column whose cells are the names; the key column when absent.
    pub name_column: Option<Spanned<String>>,
    /// The header of the column that says what to do about an error (`What To Do`): the help
    /// that `Entry::help` and miette's `Diagnostic::help` give.
    pub help_column: Option<Spanned<String>>,
    /// A suffix dropped from names to make variant names (`Exception`).
    pub strip_suffix: Option<Spanned<String>>,
    /// Whether unique integer codes are the enum's discriminants. When absent: yes for tables
    /// of up to [`crate::model::lints::MANY_ROWS`] rows, no (with a warning) for larger ones,
    /// whose crate explicit discriminants make compile several times slower (BENCHMARKS.md).
    /// `true` is a problem where codes are strings or rows may share them.
    #[serde(default)]
    pub discriminants: Option<Spanned<bool>>,
    /// How cell text is stored in the generated code: `tables` (default) or `match`.
    #[serde(default)]
    pub layout: Layout,
    /// Pinned variant names, each keyed by its row's code (an integer code by its number) or
    /// its name cell's text ([`crate::model::names::names_page_row`]).
    #[serde(default)]
    pub variants: BTreeMap<Spanned<String>, Spanned<String>>,
    /// Pinned accessor method names, by column header.
    #[serde(default)]
    pub accessors: BTreeMap<Spanned<String>, Spanned<String>>,
    /// Rows the docs no longer have, kept as retired variants, keyed as `variants` is:
    /// `retired = { "1401" = { since = "2024-05-01" } }`.
    #[serde(default)]
    pub retired: BTreeMap<Spanned<String>, Retired>,
    /// Rows of the table that become no variant, each named by the whole plain text of its key
    /// cell or of its name cell: `skip-rows = ["0x7f * N + 0x9D"]`. For rows that stand for no
    /// one code (a range, a formula) or that the enum is not to have (`0 | OK`).
    #[serde(default)]
    pub skip_rows: Vec<Spanned<String>>,
}

/// A `[[table]]`'s two tables of pinned names, and what each pins: the one place the words
/// for them are spelled, for every diagnostic about a pin.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PinnedNames {
    /// `variants`: variant names, keyed by a row's code or name.
    Variants,
    /// `accessors`: accessor method names, keyed by a column's header.
    Accessors,
}

impl PinnedNames {
    /// Both, variants first.
    pub const BOTH: [PinnedNames; 2] = [PinnedNames::Variants, PinnedNames::Accessors];

    /// The manifest key of the table (`variants`).
    pub fn table(self) -> &'static str {
        match self {
            PinnedNames::Variants => "variants",
            PinnedNames::Accessors => "accessors",
        }
    }

    /// What a pinned name names (`variant`, `method`).
    pub fn item(self) -> &'static str {
        match self {
            PinnedNames::Variants => "variant",
            PinnedNames::Accessors => "method",
        }
    }
}

impl TableSpec {
    /// Whether `all-tables = true`: every table with the columns named makes this one enum.
    pub fn joins_tables(&self) -> bool {
        self.all_tables.as_ref().is_some_and(|all| *all.get_ref())
    }

    /// Whether `continued-rows = true`: rows without a code continue the row above them.
    pub fn continues_rows(&self) -> bool {
        self.continued_rows.as_ref().is_some_and(|continued| *continued.get_ref())
    }

    /// How the table's codes read: text, or integers in the radix `key-radix` gives (an
    /// invalid one, reported by stage 2, reads as the default).
    pub fn codes(&self) -> Codes {
        match self.key_type.get_ref().is_integer() {
            true => Codes::integers_in(self.key_radix.as_ref().map(|radix| *radix.get_ref())),
            false => Codes::Text,
        }
    }

    /// Whether `split-codes = true`: a key cell of several codes makes a variant of each.
    pub fn splits_codes(&self) -> bool {
        self.split_codes.as_ref().is_some_and(|split| *split.get_ref())
    }

    /// The pins of one table of pinned names.
    pub fn pinned(&self, names: PinnedNames) -> &BTreeMap<Spanned<String>, Spanned<String>> {
        match names {
            PinnedNames::Variants => &self.variants,
            PinnedNames::Accessors => &self.accessors,
        }
    }
}

/// The entries of one of a `[[table]]`'s tables (`variants`, `accessors`, `retired`) in the
/// order the manifest writes them, which the map of them does not keep: a line a help gives to
/// paste in place of the table's keeps them so, its new entries after them, so that pasted it
/// changes no more of the manifest than it must.
pub fn in_manifest_order<V>(table: &BTreeMap<Spanned<String>, V>) -> Vec<(&Spanned<String>, &V)> {
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(key, _)| key.span().start);
    entries
}

/// Why a row that left the docs is kept: both optional, both shown in its deprecation note.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Retired {
    /// When it left the docs, as the user writes it (`2024-05-01`).
    pub since: Option<String>,
    /// Why, or what to use instead.
    pub note: Option<String>,
}

/// How a generated enum stores its cells (BENCHMARKS.md compares them).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Layout {
    /// One static table of rows, indexed by the variant's row number.
    #[default]
    Tables,
    /// One `match` per accessor, an arm per variant.
    Match,
}

/// The type of a table's codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KeyType {
    /// `u8`
    U8,
    /// `u16`
    U16,
    /// `u32`
    U32,
    /// `u64`
    U64,
    /// `i8`
    I8,
    /// `i16`
    I16,
    /// `i32`
    I32,
    /// `i64`
    I64,
    /// `&'static str`
    Str,
}

impl KeyType {
    /// The smallest and the largest code the type holds; `None` for strings.
    pub fn range(self) -> Option<(IntValue, IntValue)> {
        let unsigned = |max: u64| (IntValue::from(0u64), IntValue::from(max));
        let signed = |min: i64, max: i64| (IntValue::from(min), IntValue::from(max));
        match self {
            KeyType::U8 => Some(unsigned(u8::MAX.into())),
            KeyType::U16 => Some(unsigned(u16::MAX.into())),
            KeyType::U32 => Some(unsigned(u32::MAX.into())),
            KeyType::U64 => Some(unsigned(u64::MAX)),
            KeyType::I8 => Some(signed(i8::MIN.into(), i8::MAX.into())),
            KeyType::I16 => Some(signed(i16::MIN.into(), i16::MAX.into())),
            KeyType::I32 => Some(signed(i32::MIN.into(), i32::MAX.into())),
            KeyType::I64 => Some(signed(i64::MIN, i64::MAX)),
            KeyType::Str => None,
        }
    }

    /// Whether codes are integers: compared as numbers (`013` is `13`) wherever a key names
    /// a row.
    pub fn is_integer(self) -> bool {
        self != KeyType::Str
    }

    /// Whether codes are integers that cannot be negative: told by the [range](Self::range),
    /// the one list of what each type holds.
    pub fn is_unsigned(self) -> bool {
        self.range().is_some_and(|(min, _)| min == IntValue::from(0u64))
    }

    /// The Rust type name (`"u16"`, `"str"`).
    pub fn rust_name(self) -> &'static str {
        match self {
            KeyType::U8 => "u8",
            KeyType::U16 => "u16",
            KeyType::U32 => "u32",
            KeyType::U64 => "u64",
            KeyType::I8 => "i8",
            KeyType::I16 => "i16",
            KeyType::I32 => "i32",
            KeyType::I64 => "i64",
            KeyType::Str => "str",
        }
    }
}

/// Each key a manifest must have, with the line a help offers where it has none (what
/// `init`'s first try, or a `[[table]]` copied without one, is told to add).
const REQUIRED: [(&str, &str); 7] = [
    (
        "output",
        "`output = \"../src/generated\"` at the top, before the first [[table]]: the folder of the \
         generated modules, from the manifest's folder",
    ),
    ("page", "`page = \"errors.md\"` to the [[table]]: the page, from the manifest's folder"),
    ("url", "`url = \"https://...\"` to the [[table]]: the page's published URL"),
    ("module", "`module = \"errors\"` to the [[table]]: the module its enum goes in"),
    ("enum", "`enum = \"ErrorCode\"` to the [[table]]: the enum's name"),
    ("key-column", "`key-column = \"Code\"` to the [[table]]: the header of the column of codes"),
    (
        "key-type",
        "`key-type = \"u16\"` to the [[table]] for codes that are numbers (`u8` to `u64`, or `i8` \
         to `i64` where some are negative), or `key-type = \"str\"` for codes that are text",
    ),
];

/// Parses manifest text; `path` names it in diagnostics.
pub fn parse(path: &str, text: &str) -> Result<Manifest, Vec<Diagnostic>> {
    let manifest: Manifest = toml::from_str(text).map_err(|error| {
        let span = error.span().unwrap_or(0..0);
        let message = error.message().trim();
        let problem = Diagnostic::error(format!("invalid manifest: {message}"))
            .with_label(Label::primary(path, span, "here"));
        // toml's message for a key that is not there: "missing field `key-type`".
        let missing =
            message.strip_prefix("missing field `").and_then(|rest| rest.strip_suffix('`'));
        let line = REQUIRED.iter().find(|(key, _)| Some(*key) == missing);
        vec![match line {
            Some((_, line)) => problem.with_help(format!("add {line}")),
            None => problem,
        }]
    })?;
    let mut problems = Vec::new();
    check_unique_enums(path, &manifest, &mut problems);
    check_same_page_per_module(path, &manifest, &mut problems);
    if problems.is_empty() { Ok(manifest) } else { Err(problems) }
}

/// Enum names are unique across the manifest, so that `TABLE.name` identifies a catalog.
fn check_unique_enums(path: &str, manifest: &Manifest, problems: &mut Vec<Diagnostic>) {
    let mut first: BTreeMap<&str, Range<usize>> = BTreeMap::new();
    for table in &manifest.tables {
        let value = &table.enum_name;
        if let Some(earlier) = first.get(value.get_ref().as_str()) {
            problems.push(
                Diagnostic::error(format!("two tables generate the enum `{}`", value.get_ref()))
                    .with_label(Label::primary(path, value.span(), "generated again here"))
                    .with_label(Label::secondary(path, earlier.clone(), "first generated here")),
            );
        } else {
            first.insert(value.get_ref(), value.span());
        }
    }
}

/// A module's file has one source page in its header, so tables that share a module must
/// come from the same page.
fn check_same_page_per_module(path: &str, manifest: &Manifest, problems: &mut Vec<Diagnostic>) {
    let mut pages: BTreeMap<&str, &TableSpec> = BTreeMap::new();
    for table in &manifest.tables {
        match pages.get(table.module.get_ref().as_str()) {
            Some(first) if first.page.get_ref() != table.page.get_ref() => problems.push(
                Diagnostic::error(format!(
                    "two pages generate the module `{}`",
                    table.module.get_ref()
                ))
                .with_label(Label::primary(path, table.module.span(), "generated again here"))
                .with_label(Label::secondary(path, first.module.span(), "first generated here"))
                .with_help(
                    "tables in one module must come from the same page; choose another module name",
                ),
            ),
            Some(_) => {}
            None => {
                pages.insert(table.module.get_ref(), table);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A manifest without any one key it must have is told the line to add, which pasted
    /// where the help says makes it whole (`output` above the tables, where a line of the
    /// `[[table]]` is a key of the table): every line of the smallest manifest is one of
    /// [`REQUIRED`], so a key made required is in the list.
    #[test]
    fn a_manifest_without_a_required_key_is_offered_its_line() {
        let lines = [
            "output = \"o\"",
            "[[table]]",
            "page = \"p.md\"",
            "url = \"https://x.test/p\"",
            "module = \"m\"",
            "enum = \"E\"",
            "key-column = \"Code\"",
            "key-type = \"u16\"",
        ];
        assert!(parse("c.toml", &lines.join("\n")).is_ok());
        let keys = lines.iter().filter_map(|line| line.split_once(" = ")).map(|(key, _)| key);
        assert_eq!(keys.clone().collect::<Vec<_>>(), REQUIRED.map(|(key, _)| key));
        for key in keys {
            let without: Vec<&str> = lines
                .iter()
                .copied()
                .filter(|line| !line.starts_with(&format!("{key} =")))
                .collect();
            let problems = parse("c.toml", &without.join("\n")).unwrap_err();
            assert_eq!(problems[0].message, format!("invalid manifest: missing field `{key}`"));
            let help = problems[0].help.as_deref().unwrap_or_default();
            assert!(help.starts_with(&format!("add `{key} = ")), "{key}: {help}");
            let line = help.split('`').nth(1).unwrap();
            let mut pasted = without.clone();
            match help.contains(" at the top, ") {
                true => pasted.insert(0, line),
                false => {
                    assert!(help.contains(" to the [[table]]"), "{key}: {help}");
                    pasted.push(line);
                }
            }
            assert!(parse("c.toml", &pasted.join("\n")).is_ok(), "{key}: {help}");
        }
    }
}
