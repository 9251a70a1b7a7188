//! Footnote marks, as pages write them after a word: a reference `[^label]`, a mark in HTML's
//! superscript, `<sup>1</sup>`, or a superscript digit, `¹`. A cell's plain text keeps them as
//! written (text is never lost); what reads a word without them (a code, a header, a heading,
//! a name) reads them here, so that all read one mark alike.

use std::borrow::Cow;

/// Whether `c` is a superscript digit, as a footnote's mark is written without markup (`¹`).
pub(crate) fn is_superscript_digit(c: char) -> bool {
    matches!(c, '¹' | '²' | '³' | '⁰'..='⁹')
}

/// The length of the footnote mark `text` starts with, if it starts with one: a reference
/// `[^label]` or a mark in HTML's superscript, `<sup>1</sup>` (no space, bracket or tag in
/// either), or a superscript digit (`¹`).
pub(crate) fn footnote_mark_len(text: &str) -> Option<usize> {
    let inside = |open: &str, close: &str| {
        let after = text.strip_prefix(open)?;
        let mark = &after[..after.find(close)?];
        let is_mark =
            !mark.is_empty() && !mark.contains(|c: char| c.is_whitespace() || "[]<".contains(c));
        is_mark.then(|| open.len() + mark.len() + close.len())
    };
    let digit = || text.chars().next().filter(|&c| is_superscript_digit(c)).map(char::len_utf8);
    inside("[^", "]").or_else(|| inside("<sup>", "</sup>")).or_else(digit)
}

/// `text` without its footnote marks ([`footnote_mark_len`]): `Name[^1]`, `Name<sup>1</sup>`
/// and `Name¹` are `Name`, as pages mark the columns and rows a note below the table is about.
/// Borrowed where it has none, as most text has.
pub(crate) fn without_footnote_marks(text: &str) -> Cow<'_, str> {
    // Names, the most texts read, are told to have none by `naming::words_shown` first.
    if !text.contains("[^") && !text.contains("<sup>") && !text.contains(is_superscript_digit) {
        return Cow::Borrowed(text);
    }
    let (mut out, mut rest) = (String::with_capacity(text.len()), text);
    while let Some(c) = rest.chars().next() {
        match footnote_mark_len(rest) {
            Some(len) => rest = &rest[len..],
            None => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    // Owned only where a mark was left out: what names it again then finds none.
    match out.len() == text.len() {
        true => Cow::Borrowed(text),
        false => Cow::Owned(out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_references_superscripts_and_superscript_digits() {
        for marked in ["Name[^1]", "Name<sup>1</sup>", "Name¹", "Name⁴²", "Na[^note]me"] {
            assert_eq!(without_footnote_marks(marked), "Name", "{marked}");
        }
        // Words in a superscript, an empty reference, a bracket of no `^`: text, kept.
        for kept in ["Name<sup>see note</sup>", "Name[^]", "List[int]", "a < b", "Café"] {
            assert!(matches!(without_footnote_marks(kept), Cow::Borrowed(text) if text == kept));
        }
        assert_eq!(footnote_mark_len("[^2] rest"), Some(4));
        assert_eq!(footnote_mark_len("<sup>12</sup>"), Some(13));
        assert_eq!(footnote_mark_len("x[^2]"), None);
    }
}
