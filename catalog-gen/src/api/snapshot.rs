//! The snapshot file's text ([`super::SNAPSHOT_FILE`]): written one line per variant, so a row
//! added to a doc adds a line, and read back whole, a line at a time, or keeping only the
//! variants some keys name.

use std::fmt::Write;
use std::io::{self, BufRead};
use std::ops::Range;
use std::sync::Arc;

use rustc_hash::FxHashSet;
use serde::Deserialize;

use super::{CatalogApi, EnumApi, TableApi, VariantApi};
use crate::file_text::MadeText;
use crate::{FileText, marker, parallel, scan};

impl CatalogApi {
    /// The snapshot file's text: the `@generated` header naming `source` and `command`, then
    /// one `[[enum]]` per enum and one line per variant, so a row added to a doc adds a line.
    /// It is [`snapshot_text`](Self::snapshot_text)'s, made whole here (tested).
    pub fn to_snapshot(&self, source: &str, command: &str) -> String {
        let text = self.snapshot_layout(source, command, |text, _, api| {
            let mut lines = String::new();
            api.variants.iter().for_each(|variant| push_variant_line(&mut lines, variant));
            text.push_str(&lines);
        });
        text.to_string()
    }

    /// The snapshot's text as a generated file's: the variants' lines made when the file is
    /// read (compared or written), on every core, rather than held whole (as large as the
    /// docs).
    pub fn snapshot_text(api: &Arc<CatalogApi>, source: &str, command: &str) -> FileText {
        api.snapshot_layout(source, command, |text, name, enum_api| {
            let (api, name) = (Arc::clone(api), name.to_owned());
            let lines = MadeText::of_rows(enum_api.variants.len(), move |rows, out| {
                let variants = &api.enums[&name].variants[rows];
                variants.iter().for_each(|variant| push_variant_line(out.line(), variant));
            });
            text.push_made(lines, 0);
        })
    }

    /// The snapshot's layout, the one place that writes it: the header, then for each enum
    /// its head, the lines `variants` pushes for it (given its name), and its end.
    pub(super) fn snapshot_layout(
        &self,
        source: &str,
        command: &str,
        mut variants: impl FnMut(&mut FileText, &str, &EnumApi),
    ) -> FileText {
        let mut head = String::new();
        push_snapshot_header(&mut head, source, command);
        let mut text = FileText::from(head);
        for (name, api) in &self.enums {
            let mut head = String::new();
            push_enum_head(&mut head, name, api);
            text.push_str(&head);
            variants(&mut text, name, api);
            text.push_str(ENUM_END);
        }
        text
    }

    /// Reads a snapshot written by [`CatalogApi::to_snapshot`].
    ///
    /// Each variant's line is parsed on its own, on every core where there are many, and the
    /// rest of the snapshot as one document: `toml` cuts a whole document into tokens before
    /// it parses any, and at 100k rows the snapshot's 56 MB took 0.5 s as one document and
    /// 0.26 s a line at a time on one core (BENCHMARKS.md, twenty-eighth round). A
    /// snapshot laid out otherwise than regen writes it, or that does not parse, is parsed
    /// whole: the same API, and an error that names its line.
    pub fn from_snapshot(text: &str) -> Result<Self, String> {
        let enums = match Self::enums_by_line(text) {
            Some(enums) => enums,
            None => Self::enums_whole(text)?,
        };
        Ok(CatalogApi { enums: enums.into_iter().collect() })
    }

    /// The enums of the snapshot `text`, in its order, parsed as one document.
    fn enums_whole(text: &str) -> Result<Vec<(String, EnumApi)>, String> {
        #[derive(Deserialize)]
        struct Snapshot {
            #[serde(default, rename = "enum")]
            enums: Vec<NamedEnum>,
        }
        // Every field named, not `EnumApi` flattened: serde reads a flattened struct through
        // a copy of everything else in the table, its variants included.
        #[derive(Deserialize)]
        struct NamedEnum {
            name: String,
            #[serde(default)]
            module: String,
            #[serde(default)]
            columns: Vec<String>,
            #[serde(default)]
            accessors: Vec<String>,
            #[serde(default)]
            discriminants: Option<bool>,
            #[serde(default, rename = "code-type")]
            code_type: Option<String>,
            #[serde(default, rename = "code-radix")]
            code_radix: Option<u32>,
            #[serde(default)]
            table: Option<TableApi>,
            #[serde(default)]
            variants: Vec<VariantApi>,
        }
        let snapshot: Snapshot = toml::from_str(text).map_err(|error| error.to_string())?;
        let enums = snapshot.enums.into_iter().map(|named| {
            let api = EnumApi {
                module: named.module,
                columns: named.columns,
                accessors: named.accessors,
                discriminants: named.discriminants,
                code_type: named.code_type,
                code_radix: named.code_radix,
                table: named.table,
                variants: named.variants,
            };
            (named.name, api)
        });
        Ok(enums.collect())
    }

    /// The enums of the snapshot `text`, in its order, each variant's line parsed on its own
    /// and the rest as one document; `None` where the snapshot is not laid out as regen
    /// writes it (an enum's header written otherwise, a variant on the `variants = [` line or
    /// over several lines) or any of it does not parse.
    fn enums_by_line(text: &str) -> Option<Vec<(String, EnumApi)>> {
        #[derive(Deserialize)]
        struct Line {
            v: VariantApi,
        }
        let mut rest = String::new();
        let mut variant_lines: Vec<(usize, &str)> = Vec::new();
        let (mut last_enum, mut in_variants) = (None, false);
        for (enum_index, line) in enum_lines(text, None) {
            last_enum = enum_index;
            if in_variants && is_variant(line) {
                variant_lines.push((enum_index?, line.strip_suffix(',')?));
                continue;
            }
            in_variants = match line {
                "variants = [" => true,
                "]" => false,
                _ => in_variants,
            };
            rest.push_str(line);
            rest.push('\n');
        }
        let mut enums = Self::enums_whole(&rest).ok()?;
        // Enums written otherwise (`[[ enum ]]`, say) are not counted; variants written
        // otherwise are in `rest`, and their order among the lines is not known.
        let counted = last_enum.map_or(0, |index| index + 1);
        if counted != enums.len() || enums.iter().any(|(_, api)| !api.variants.is_empty()) {
            return None;
        }
        let parsed = parallel::map_with(&variant_lines, String::new, |document, (_, line)| {
            document.clear();
            document.push_str("v = ");
            document.push_str(line.trim_start());
            toml::from_str::<Line>(document).ok().map(|line| line.v)
        });
        for (&(index, _), variant) in variant_lines.iter().zip(parsed) {
            enums.get_mut(index)?.1.variants.push(variant?);
        }
        Some(enums)
    }

    /// Reads the snapshot `old` back with every enum's head but, of the variants, only those
    /// whose variant name, code or name is one of `keys` as the snapshot writes strings
    /// (escapes and all): what retiring rows needs of the previous API (their last documented
    /// text), and what an ambiguous pin's help needs (the row its name was for). At 100k
    /// rows a snapshot is tens of megabytes of TOML, and parsing it whole took longer than
    /// the rest of a regeneration (BENCHMARKS.md); here each variant's line is only looked at
    /// up to its name, and the few kept are parsed. A variant line laid out otherwise than
    /// this version writes it is kept, and parsed, too.
    pub fn from_snapshot_keeping(old: impl BufRead + Send, keys: &[&str]) -> Result<Self, String> {
        Self::from_snapshot_parts_keeping(vec![old], keys)
    }

    /// [`from_snapshot_keeping`](Self::from_snapshot_keeping) of a snapshot given as `parts`,
    /// one after the other, each starting where a line starts (as regen splits it): each
    /// part is looked at on a thread of its own. At 200k rows, reading the 113 MB snapshot
    /// was 30 ms of one core while the other had nothing to do (BENCHMARKS.md, thirty-fourth
    /// round).
    pub fn from_snapshot_parts_keeping(
        parts: Vec<impl BufRead + Send>,
        keys: &[&str],
    ) -> Result<Self, String> {
        let wanted: FxHashSet<Box<[u8]>> = keys
            .iter()
            .map(|key| {
                let mut quoted = String::new();
                push_toml_string(&mut quoted, key);
                quoted.into_bytes().into_boxed_slice()
            })
            .collect();
        let kept_of = |part| {
            let mut kept = Vec::new();
            let keep = |line: &[u8]| {
                if !line.starts_with(VARIANT_LINE.as_bytes()) || variant_line_has(line, &wanted) {
                    kept.extend_from_slice(line);
                    kept.push(b'\n');
                }
            };
            scan::for_each_line(part, keep).map(|()| kept)
        };
        let kept: Vec<Vec<u8>> = parallel::each(parts, kept_of)
            .into_iter()
            .collect::<io::Result<_>>()
            .map_err(|error| error.to_string())?;
        let kept = kept.concat();
        Self::from_snapshot(std::str::from_utf8(&kept).map_err(|error| error.to_string())?)
    }
}

/// Whether the variant's `line` (as [`push_variant_line`] writes it) has a variant name, a code
/// or a name that is one of `wanted` (each as [`push_toml_string`] writes it, quotes
/// included); true also where the line is not laid out that way, so has no such fields to
/// look at. The fields are read in place, in the order regen writes them: at 200k rows the
/// line is looked at 200k times, and searching each for its fields took a third of the time.
fn variant_line_has(line: &[u8], wanted: &FxHashSet<Box<[u8]>>) -> bool {
    let mut rest = line;
    let variant = string_after(&mut rest, VARIANT_LINE.as_bytes());
    let code = variant.and_then(|_| string_after(&mut rest, b", code = "));
    let name = code.and_then(|_| string_after(&mut rest, b", name = "));
    match (variant, code, name) {
        (Some(variant), Some(code), Some(name)) => {
            wanted.contains(code) || wanted.contains(name) || wanted.contains(variant)
        }
        _ => true,
    }
}

/// The TOML basic string that `rest` starts with after `before`, quotes included; `rest` is
/// moved past it. `None` where `rest` does not start so.
fn string_after<'l>(rest: &mut &'l [u8], before: &[u8]) -> Option<&'l [u8]> {
    let after = rest.strip_prefix(before)?;
    let (string, next) = after.split_at(toml_string_len(after)?);
    *rest = next;
    Some(string)
}

/// The length of the TOML basic string `text` starts with, quotes included; `None` where it
/// starts with none, or it does not end.
fn toml_string_len(text: &[u8]) -> Option<usize> {
    if text.first() != Some(&b'"') {
        return None;
    }
    let mut at = 1;
    while let Some(found) = memchr::memchr2(b'"', b'\\', text.get(at..)?) {
        at += found;
        match text[at] {
            b'"' => return Some(at + 1),
            // An escape: the byte after it is never the string's end.
            _ => at += 2,
        }
    }
    None
}

/// Whether a snapshot line is a variant's.
pub(super) fn is_variant(line: &str) -> bool {
    line.starts_with(VARIANT_LINE)
}

/// Every line of a snapshot (or of its part after the enum `index`, or none) with the index
/// of the `[[enum]]` it is in (`None` before the first).
pub(super) fn enum_lines(
    text: &str,
    mut index: Option<usize>,
) -> impl Iterator<Item = (Option<usize>, &str)> {
    scan::lines_without_ends(text).map(move |line| {
        if line == "[[enum]]" {
            index = Some(index.map_or(0, |index| index + 1));
        }
        (index, line)
    })
}

/// A snapshot's line with the index of its enum, if it is in one.
pub(super) type Line<'l> = (Option<usize>, &'l str);

/// The line after which an enum's variants' lines come.
pub(super) const VARIANTS_START: &str = "variants = [";

/// How every variant's line in the snapshot starts.
const VARIANT_LINE: &str = "    { variant = ";

/// How every enum's part of the snapshot ends, after its variants' lines.
const ENUM_END: &str = "]\n";

/// The snapshot's first lines: the `@generated` header and what the file is.
fn push_snapshot_header(out: &mut String, source: &str, command: &str) {
    out.push_str(&marker::header_line("#", source, command));
    out.push_str(
        "# The catalog's public API: the next regen refuses to remove or rename what is here.\n",
    );
}

/// The line that names an enum, under its `[[enum]]`, without its end.
fn push_name_line(out: &mut String, name: &str) {
    push_field(out, "name = ", name);
}

/// `key` (what comes before the value, `"\nmodule = "`), then `value` as a TOML string.
fn push_field(out: &mut String, key: &str, value: &str) {
    out.push_str(key);
    push_toml_string(out, value);
}

/// Where `text`, a snapshot as regen writes it, records the enum `name`: the line that names it
/// under its `[[enum]]` (`\n` or `\r\n` line endings). `None` in a snapshot laid out
/// otherwise, or without that enum.
pub fn enum_record(text: &str, name: &str) -> Option<Range<usize>> {
    let mut line = String::new();
    push_name_line(&mut line, name);
    ["[[enum]]\n", "[[enum]]\r\n"].into_iter().find_map(|header| {
        let record = format!("{header}{line}");
        let found = text.match_indices(&record).find_map(|(at, _)| {
            let ends = text[at + record.len()..].starts_with(['\n', '\r']);
            let starts_line = text[..at].is_empty() || text[..at].ends_with('\n');
            (ends && starts_line).then_some(at + header.len())
        })?;
        Some(found..found + line.len())
    })
}

/// An enum's lines before its variants': its name, module, columns, accessors, whether its
/// codes are its discriminants, their type, and where its table comes from.
fn push_enum_head(out: &mut String, name: &str, api: &EnumApi) {
    out.push_str("\n[[enum]]\n");
    push_name_line(out, name);
    push_field(out, "\nmodule = ", &api.module);
    out.push_str("\ncolumns = ");
    push_toml_array(out, &api.columns);
    out.push_str("\naccessors = ");
    push_toml_array(out, &api.accessors);
    if let Some(discriminants) = api.discriminants {
        let _ = write!(out, "\ndiscriminants = {discriminants}");
    }
    if let Some(code_type) = &api.code_type {
        push_field(out, "\ncode-type = ", code_type);
    }
    if let Some(radix) = api.code_radix {
        let _ = write!(out, "\ncode-radix = {radix}");
    }
    if let Some(table) = &api.table {
        push_field(out, "\ntable = { title = ", &table.title);
        push_field(out, ", url = ", &table.url);
        push_field(out, ", page = ", &table.page);
        if let Some(help) = &table.help {
            push_field(out, ", help = ", help);
        }
        out.push_str(" }");
    }
    out.push('\n');
    out.push_str(VARIANTS_START);
    out.push('\n');
}

/// A variant's line: one line per variant, so a row added to a doc adds a line.
pub(super) fn push_variant_line(out: &mut String, variant: &VariantApi) {
    out.push_str(VARIANT_LINE);
    push_toml_string(out, &variant.variant);
    out.push_str(", code = ");
    push_toml_string(out, &variant.code);
    out.push_str(", name = ");
    push_toml_string(out, &variant.name);
    if variant.retired {
        out.push_str(", retired = true");
    }
    if variant.crossed_out {
        out.push_str(", crossed-out = true");
    }
    out.push_str(", cells = ");
    push_toml_array(out, &variant.cells);
    out.push_str(" },\n");
}

/// Appends `items` as a TOML array of strings, on one line.
fn push_toml_array<T: AsRef<str>>(out: &mut String, items: &[T]) {
    out.push('[');
    for (index, item) in items.iter().enumerate() {
        if index > 0 {
            out.push_str(", ");
        }
        push_toml_string(out, item.as_ref());
    }
    out.push(']');
}

/// `text` as a TOML basic string (`"..."`, escaped as [`push_toml_string`] escapes it): how a
/// diagnostic's help shows a code, name or header to paste into the manifest, where a `"`,
/// `\\` or line break of the docs, shown as it is, would not be TOML or not the same key.
pub(crate) fn toml_string(text: &str) -> String {
    let mut out = String::new();
    push_toml_string(&mut out, text);
    out
}

/// Appends `text` as a TOML basic string, by TOML's fixed escape table: `"` and `\` escaped,
/// control characters as `\t`, `\n`, `\r` or `\uXXXX`; everything else as it is. (The
/// `toml` crate's own formatting, one `Value` per string, cost more than the rest of the
/// snapshot once the snapshot kept every cell.)
fn push_toml_string(out: &mut String, text: &str) {
    out.reserve(text.len() + 2);
    out.push('"');
    if scan::is_plain(text.as_bytes()) {
        out.push_str(text);
        out.push('"');
        return;
    }
    // Bytes, not chars: every character that needs an escape is ASCII or a C1 control
    // (U+0080 to U+009F, encoded 0xC2 0x80..0x9F), so plain runs are copied whole, and
    // skipped a word at a time up to the next byte that may need one.
    let bytes = text.as_bytes();
    let mut plain = 0;
    let mut at = 0;
    while at < bytes.len() {
        at += scan::plain_run(&bytes[at..]);
        let Some(&byte) = bytes.get(at) else { break };
        if !(byte < 0x20 || byte == b'"' || byte == b'\\' || byte == 0x7F || byte == 0xC2) {
            at += 1;
            continue;
        }
        let Some(c) = text[at..].chars().next() else { break };
        let escape = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\t' => "\\t",
            '\r' => "\\r",
            c if c.is_control() => "",
            _ => {
                at += c.len_utf8();
                continue;
            }
        };
        out.push_str(&text[plain..at]);
        if escape.is_empty() {
            let _ = write!(out, "\\u{:04X}", u32::from(c));
        } else {
            out.push_str(escape);
        }
        at += c.len_utf8();
        plain = at;
    }
    out.push_str(&text[plain..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::sample as api;

    #[test]
    fn a_snapshot_reads_back_as_the_api_it_was_written_from() {
        let text = api().to_snapshot("docs/catalog.toml", "cargo xtask regen");
        assert!(marker::is_generated(&text), "{text}");
        assert_eq!(CatalogApi::from_snapshot(&text).unwrap(), api());
    }

    #[test]
    fn a_snapshot_as_regen_writes_it_is_read_a_line_at_a_time_as_it_is_read_whole() {
        // Enough variants for the lines to be parsed on every core.
        let mut large = api();
        let first = large.enums.get_mut("ErrorCode").unwrap();
        let one = first.variants[1].clone();
        first.variants = (0..5000)
            .map(|row| VariantApi {
                variant: format!("V{row}"),
                code: row.to_string(),
                ..one.clone()
            })
            .collect();
        for api in [api(), large, CatalogApi::default()] {
            let text = api.to_snapshot("docs/catalog.toml", "cargo xtask regen");
            let whole = CatalogApi::enums_whole(&text).unwrap();
            assert_eq!(CatalogApi::enums_by_line(&text), Some(whole.clone()));
            let crlf = text.replace('\n', "\r\n");
            assert_eq!(CatalogApi::enums_by_line(&crlf), Some(whole));
        }
    }

    #[test]
    fn a_snapshot_laid_out_otherwise_is_read_whole() {
        // Both enums with variants: a variant read into the wrong one would show.
        let mut two = api();
        let quoted = two.enums["ErrorCode"].variants[1].clone();
        two.enums.get_mut("Érreur").unwrap().variants = vec![quoted];
        let text = two.to_snapshot("docs/catalog.toml", "cargo xtask regen");
        let last_enum = text.rfind("[[enum]]").unwrap();
        let variant = text.lines().find(|line| line.contains("\"InputError\"")).unwrap();
        let (head, tail) = variant.split_once(", name = ").unwrap();
        let inline = format!("variants = [{}\n", variant.trim());
        let variant_inline =
            text.replace(&format!("{variant}\n"), "").replacen("variants = [\n", &inline, 1);
        for laid_out in [
            // An enum's header written otherwise.
            format!("{}[[ enum ]]{}", &text[..last_enum], &text[last_enum + 8..]),
            // A variant on two lines; with a comment after it.
            text.replace(variant, &format!("{head},\n        name = {tail}")),
            text.replace(variant, &format!("{variant} # hand-written")),
            // A variant on the `variants = [` line: its order among the others is not known.
            variant_inline,
        ] {
            assert_eq!(CatalogApi::enums_by_line(&laid_out), None, "{laid_out}");
            let whole = CatalogApi::enums_whole(&laid_out).map(|enums| enums.into_iter().collect());
            let read = CatalogApi::from_snapshot(&laid_out).map(|api| api.enums);
            assert_eq!(read, whole, "{laid_out}");
        }
        // A damaged line: the error of the whole document, which names its line.
        let damaged = text.replace(variant, &variant.replacen("code = ", "code == ", 1));
        let error = CatalogApi::from_snapshot(&damaged).unwrap_err();
        assert_eq!(error, CatalogApi::enums_whole(&damaged).unwrap_err());
        let line = damaged.lines().position(|line| line.contains("code ==")).unwrap() + 1;
        assert!(error.contains(&format!("line {line}")), "{error}");
    }

    #[test]
    fn a_snapshot_read_keeping_some_keys_has_every_head_and_only_their_variants() {
        let text = api().to_snapshot("docs/catalog.toml", "cargo xtask regen");
        let keys_cases: [&[&str]; 5] = [
            &[],
            &["1010"],
            // A name with quotes, a backslash and a line break; a code with a tab; a name of
            // control and non-ASCII characters.
            &["say \"hi\" \\ 'there'\n", "e\tf"],
            &["\u{7f}\u{85}\u{2028} \u{202e}日本"],
            // Not a whole code or name: nothing.
            &["101", "Input", "cell"],
        ];
        for keys in keys_cases {
            let mut expected = api();
            for enum_api in expected.enums.values_mut() {
                let wanted = |v: &VariantApi| keys.contains(&&*v.code) || keys.contains(&&*v.name);
                enum_api.variants.retain(wanted);
            }
            let kept = CatalogApi::from_snapshot_keeping(text.as_bytes(), keys).unwrap();
            assert_eq!(kept, expected, "{keys:?}");
        }
    }

    #[test]
    fn a_toml_string_ends_at_its_first_unescaped_quote() {
        let cases: [(&[u8], Option<usize>); 9] = [
            (b"\"\"", Some(2)),
            (b"\"ab\", x", Some(4)),
            (b"\"a\\\"b\"", Some(6)),
            (b"\"a\\\\\"b", Some(5)),
            (b"\"\\\\\\\"\"", Some(6)),
            (b"\"a", None),
            (b"\"a\\\"", None),
            (b"\"a\\", None),
            (b"a\"", None),
        ];
        for (text, expected) in cases {
            assert_eq!(toml_string_len(text), expected, "{}", String::from_utf8_lossy(text));
        }
    }

    #[test]
    fn a_variant_line_laid_out_otherwise_is_kept_to_be_parsed() {
        let text = "[[enum]]\nname = \"E\"\nvariants = [\n\
                    \x20   { variant = \"A\", name = 'One', code = '1' },\n\
                    \x20   { variant = \"B\", code = \"2\", name = \"Two\" },\n\
                    \x20   { variant = \"C\", code = \"3\", name = 'Three' },\n]\n";
        let kept = CatalogApi::from_snapshot_keeping(text.as_bytes(), &["9"]).unwrap();
        let variants: Vec<&str> = kept.enums["E"].variants.iter().map(|v| &*v.variant).collect();
        assert_eq!(variants, ["A", "C"]);
        assert!(CatalogApi::from_snapshot_keeping(&b"[[enum]\n"[..], &[]).is_err());
    }

    #[test]
    fn a_snapshot_made_on_every_core_reads_back_as_its_api() {
        // Enough variants for parts made on every core.
        let mut large = api();
        let variants = &mut large.enums.get_mut("ErrorCode").unwrap().variants;
        let one = variants[0].clone();
        *variants = (0..10_000)
            .map(|row| VariantApi { variant: format!("V{row}"), ..one.clone() })
            .collect();
        let large = Arc::new(large);
        let text = CatalogApi::snapshot_text(&large, "c", "x").to_string();
        assert_eq!(text.lines().filter(|line| is_variant(line)).count(), 10_000);
        assert_eq!(CatalogApi::from_snapshot(&text).unwrap(), *large);
        // Made whole, it is the same text.
        assert_eq!(large.to_snapshot("c", "x"), text);
        let small = Arc::new(api());
        let made = CatalogApi::snapshot_text(&small, "d/c.toml", "x").to_string();
        assert_eq!(small.to_snapshot("d/c.toml", "x"), made);
    }

    #[test]
    fn an_enum_is_found_at_the_line_that_names_it() {
        let text = api().to_snapshot("docs/catalog.toml", "cargo xtask regen");
        for name in api().enums.keys() {
            let span = enum_record(&text, name).unwrap();
            assert_eq!(&text[span], format!("name = \"{name}\""));
            let crlf = text.replace('\n', "\r\n");
            assert_eq!(&crlf[enum_record(&crlf, name).unwrap()], format!("name = \"{name}\""));
        }
        // A name that starts another's is not found in it.
        assert_eq!(enum_record(&text, "Error"), None);
        assert_eq!(enum_record("name = \"E\"\n", "E"), None, "not under an [[enum]]");
    }

    #[test]
    fn each_variant_is_one_line() {
        let text = api().to_snapshot("docs/catalog.toml", "cargo xtask regen");
        let lines: Vec<&str> = text.lines().filter(|line| line.contains("variant =")).collect();
        assert_eq!(lines.len(), 4, "{text}");
        assert!(lines[0].contains("\"InputError\""));
        assert!(lines[1].contains(", retired = true, cells = "), "{}", lines[1]);
        assert!(lines[3].contains(", crossed-out = true, cells = "), "{}", lines[3]);
    }
}
