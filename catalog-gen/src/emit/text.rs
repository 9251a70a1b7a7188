//! Rust string literals and doc comments written as text, the same on every machine.
//!
//! proc-macro2 escapes string literals with `char::escape_debug`, whose choice of characters
//! follows the Unicode version of the standard library that built the generator; these
//! escapes follow a fixed list instead, so the same docs give the same bytes everywhere.

use std::fmt::Write;

use proc_macro2::Literal;

use crate::scan::{self, is_hidden};

/// The first character of `text` that is either an ASCII byte `ascii` picks or a hidden
/// non-ASCII character, with its offset. Plain ASCII is skipped a word at a time by `run`
/// ([`scan::plain_run`], or [`scan::control_free_run`] where `ascii` picks only control
/// characters), and only non-ASCII characters are decoded.
fn find_special(
    text: &str,
    run: impl Fn(&[u8]) -> usize,
    ascii: impl Fn(u8) -> bool,
) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    let mut at = 0;
    loop {
        at += run(&bytes[at..]);
        let &byte = bytes.get(at)?;
        if byte.is_ascii() {
            if ascii(byte) {
                return Some((at, char::from(byte)));
            }
            at += 1;
        } else {
            let c = text[at..].chars().next()?;
            if is_hidden(c) {
                return Some((at, c));
            }
            at += c.len_utf8();
        }
    }
}

/// Appends `text` as a Rust string literal.
pub fn push_str_literal(out: &mut String, text: &str) {
    out.push('"');
    if scan::is_plain(text.as_bytes()) {
        out.push_str(text);
        out.push('"');
        return;
    }
    let mut rest = text;
    let special = |b: u8| b == b'"' || b == b'\\' || b.is_ascii_control();
    while let Some((at, c)) = find_special(rest, scan::plain_run, special) {
        out.push_str(&rest[..at]);
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            other => scan::push_unicode_escape(out, other),
        }
        rest = &rest[at + c.len_utf8()..];
    }
    out.push_str(rest);
    out.push('"');
}

/// `text` as a string literal token, escaped as [`push_str_literal`] does.
pub fn str_literal(text: &str) -> Literal {
    let mut source = String::with_capacity(text.len() + 2);
    push_str_literal(&mut source, text);
    source.parse().unwrap_or_else(|_| Literal::string(text))
}

/// The lines of a doc comment for `text`, each with the leading space that `/// text` has.
///
/// Carriage returns are removed; hidden characters become HTML character references, which
/// rustdoc shows as the character. Outside code blocks, a hard line break written as trailing
/// spaces becomes a trailing backslash, because formatting trims trailing spaces.
pub fn doc_lines(text: &str) -> impl Iterator<Item = String> + '_ {
    let mut in_code = false;
    text.lines().map(move |line| {
        let mut out = String::with_capacity(line.len() + 2);
        push_doc_line(&mut out, line, &mut in_code);
        out
    })
}

/// Appends `text` as doc comment lines starting with `marker` (`///` or `//!`).
pub fn push_doc(out: &mut String, marker: &str, text: &str) {
    push_doc_indented(out, "", marker, text);
}

/// [`push_doc`] with `indent` before every line.
pub fn push_doc_indented(out: &mut String, indent: &str, marker: &str, text: &str) {
    let mut in_code = false;
    for line in scan::lines_without_ends(text) {
        out.push_str(indent);
        out.push_str(marker);
        push_doc_line(out, line, &mut in_code);
        out.push('\n');
    }
}

/// Appends one line of [`doc_lines`]; `in_code` tracks fenced code blocks across lines.
fn push_doc_line(out: &mut String, line: &str, in_code: &mut bool) {
    let trimmed = scan::trim_start(line);
    if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
        *in_code = !*in_code;
    }
    if trimmed.is_empty() {
        return;
    }
    let start = out.len();
    out.push(' ');
    let mut rest = line;
    // Most lines have no control or non-ASCII character: copied whole, as they are.
    if !scan::is_control_free(line.as_bytes()) {
        let control = |b: u8| b.is_ascii_control() && b != b'\t';
        while let Some((at, c)) = find_special(rest, scan::control_free_run, control) {
            out.push_str(&rest[..at]);
            if c != '\r' {
                let _ = write!(out, "&#x{:X};", u32::from(c));
            }
            rest = &rest[at + c.len_utf8()..];
        }
    }
    out.push_str(rest);
    if !*in_code && out[start..].ends_with("  ") {
        let kept = out.trim_end().len();
        out.truncate(kept);
        if !is_only_markers(&out[start..]) {
            out.push('\\');
        }
    }
}

/// Whether `line` is only block quote markers and at most a list item's marker: a blank line of
/// a quote (`> >   `, as pulldown-cmark-to-cmark writes one between blocks of a quoted list
/// item) or an empty item, where trailing spaces are no hard break, and a backslash would be
/// text (and a line clippy's `doc_lazy_continuation` denies).
fn is_only_markers(line: &str) -> bool {
    let rest = line.trim_start_matches(['>', ' ', '\t']);
    let number = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.is_empty()
        || matches!(rest, "*" | "-" | "+")
        || (number.len() < rest.len() && matches!(number, "." | ")"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn literal(text: &str) -> String {
        let mut out = String::new();
        push_str_literal(&mut out, text);
        out
    }

    #[test]
    fn literals_escape_quotes_backslashes_and_hidden_characters_only() {
        assert_eq!(literal("a \"b\" \\ c"), r#""a \"b\" \\ c""#);
        assert_eq!(literal("x\ny\r\tz\0"), r#""x\ny\r\tz\u{0}""#);
        assert_eq!(literal("é ü 日本 'q' \u{301}"), "\"é ü 日本 'q' \u{301}\"");
        assert_eq!(literal("\u{202e}evil\u{200b}"), r#""\u{202e}evil\u{200b}""#);
    }

    #[test]
    fn a_hard_break_is_a_backslash_but_a_line_of_only_markers_keeps_none() {
        let lines: Vec<_> = doc_lines("a  \n > * para  \n >   \n > >  \n *  \n 1.  \n").collect();
        assert_eq!(lines, [" a\\", "  > * para\\", "  >", "  > >", "  *", "  1."]);
    }

    #[test]
    fn every_literal_means_its_text() {
        for text in ["plain", "\"\\\n\r\t\0\u{7f}\u{85}", "\u{ad}\u{2066}\u{feff}é", "0\u{0}1"] {
            let parsed: syn::LitStr = syn::parse_str(&literal(text)).unwrap();
            assert_eq!(parsed.value(), text);
        }
    }

    #[test]
    fn doc_lines_drop_returns_reference_hidden_characters_and_keep_hard_breaks() {
        let lines: Vec<String> = doc_lines("a\r\n\nb\u{202e}c  \n```\nd  \n```").collect();
        assert_eq!(lines, [" a", "", " b&#x202E;c\\", " ```", " d  ", " ```"]);
    }
}
