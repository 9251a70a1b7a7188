//! A page's lines as the readers that look past pulldown-cmark see them (`delimiter_tabs`,
//! `loose_delimiters`, `pieces`): where a line starts and ends, what is left of it past its
//! containers' marks, and whether that could be a table's delimiter row or a list item's
//! first line. One set, so that each reader finds the same line the same way.

/// The start of the line that `at` is on.
pub(super) fn line_start(bytes: &[u8], at: usize) -> usize {
    memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |newline| newline + 1)
}

/// The end of the line from `start`: its `\n`, or the text's end.
pub(super) fn line_end(bytes: &[u8], start: usize) -> usize {
    memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |newline| start + newline)
}

/// The line from `start`, without its line end (`\n` or `\r\n`).
pub(super) fn line_at(bytes: &[u8], start: usize) -> &[u8] {
    let line = &bytes[start..line_end(bytes, start)];
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// `line` past any container's marks (`>`, spaces and tabs), as GFM reads a delimiter row
/// from the line's first non-space.
pub(super) fn past_marks(line: &[u8]) -> &[u8] {
    let marks = line.iter().take_while(|byte| matches!(byte, b'>' | b' ' | b'\t')).count();
    &line[marks..]
}

/// Whether `line` could be a table's delimiter row (`| --- | :-: |`): only pipes, dashes,
/// colons, spaces and tabs, with a dash. A guess: pulldown-cmark tells, and the reader that
/// asks checks (`pieces`' join, `delimiter_tabs`' second reading, `loose_delimiters`' GFM
/// grammar).
pub(super) fn is_delimiter_row(line: &[u8]) -> bool {
    let allowed = |byte: &u8| matches!(byte, b'|' | b'-' | b':' | b' ' | b'\t' | b'\r' | b'\n');
    line.iter().all(allowed) && line.contains(&b'-')
}

/// Whether `row` (a line past its marks) could be a delimiter row and has a pipe, which a
/// delimiter row under a header of cells needs.
pub(super) fn is_piped_delimiter_row(row: &[u8]) -> bool {
    row.contains(&b'|') && is_delimiter_row(row)
}

/// Whether GFM reads `row` (a line past its marks) as a bullet list item's first line
/// (`- | - |`): a dash, then a space or a tab, then more. (A row indented as code is neither.)
pub(super) fn opens_list_item(row: &[u8]) -> bool {
    match row {
        [b'-', b' ' | b'\t', rest @ ..] => rest.iter().any(|byte| !matches!(byte, b' ' | b'\t')),
        _ => false,
    }
}
