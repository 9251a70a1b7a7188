//! The texts every layer points into: pages by name, and positions in them.
//!
//! A module of its own so that lower layers (Markdown, diagnostics) and higher ones (model,
//! loading) share these types without importing upward from the crate root.

use std::collections::BTreeMap;
use std::sync::Arc;

/// The pages a manifest names, by the `page` value as written in the manifest.
pub type Pages = BTreeMap<String, PageText>;

/// A page's text, or why it could not be read.
#[derive(Clone, Debug)]
pub struct PageText {
    /// The page's path as shown to the user (in diagnostics and headers).
    pub path: String,
    /// The text, or the reason it could not be read (missing, not UTF-8). Shared with the
    /// model, whose rustdoc reads the cells' Markdown from the page rather than copies it.
    pub text: Result<Arc<String>, String>,
}

/// Pages held in memory rather than read from disk, from `(name, text)` pairs; each is shown
/// in diagnostics and headers by its name. For tests, benchmarks and synthetic docs.
pub fn pages_in_memory<N: Into<String>, T: Into<String>>(
    pages: impl IntoIterator<Item = (N, T)>,
) -> Pages {
    pages
        .into_iter()
        .map(|(name, text)| {
            let name = name.into();
            (name.clone(), PageText { path: name, text: Ok(Arc::new(text.into())) })
        })
        .collect()
}

/// The length of the UTF-8 byte order mark that starts `text` (0 where none does). It is not
/// part of the text as GitHub's cmark reads Markdown (it skips it), nor a column to an editor.
pub fn byte_order_mark_len(text: &str) -> usize {
    if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 }
}

/// 1-based line and column (in characters) of a byte offset. A byte order mark that starts
/// the text is not a column ([`byte_order_mark_len`]).
pub fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let before = &source[..offset.min(source.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or_else(|| byte_order_mark_len(before), |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::line_column;

    #[test]
    fn lines_and_columns_count_characters_but_not_a_leading_byte_order_mark() {
        let text = "\u{feff}| Code é |\n| x |";
        assert_eq!(line_column(text, 3), (1, 1), "the `|` after the mark");
        assert_eq!(line_column(text, text.find('|').unwrap() + 9), (1, 9));
        assert_eq!(line_column(text, text.find('x').unwrap()), (2, 3));
        assert_eq!(line_column(text, text.len() + 10), (2, 6), "past the end: the end");
        // Anywhere else it is a character like any other.
        assert_eq!(line_column("a\u{feff}b", 4), (1, 3));
    }
}
