//! The `@generated` marker: the header line every generated file starts with, and how a file
//! is told to be generated. Only files that carry it are ever overwritten or removed.

/// The marker every generated file carries.
pub const MARKER: &str = "@generated";

/// The header line of a generated file whose comments start with `comment` (`//` in Rust,
/// `#` in TOML), naming the file's `source` and the `command` that regenerates it.
pub fn header_line(comment: &str, source: &str, command: &str) -> String {
    format!("{comment} This file is {MARKER} by `{command}` from {source}; do not edit.\n")
}

/// Whether a file carries the marker: in a comment (`//` or `#`) on its first line, where
/// [`header_line`] puts it.
pub fn is_generated(text: &str) -> bool {
    text.lines().next().is_some_and(|line| {
        (line.starts_with("//") || line.starts_with('#')) && line.contains(MARKER)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_marker_must_be_in_a_header_comment() {
        assert!(is_generated(&header_line("//", "x.md", "cargo xtask regen")));
        assert!(is_generated(&header_line("#", "catalog.toml", "cargo xtask regen")));
        assert!(!is_generated("fn main() {}\n// mentions @generated late\n"));
        assert!(!is_generated("const S: &str = \"@generated\";\n"));
    }
}
