//! A changed file's unified diff (`regen --check`), made by `similar` (through `catalog-diff`,
//! where its generic code is compiled) from the old file and the new text, holding of the old
//! file only the lines that differ.
//!
//! A docs update changes a few lines of files that are hundreds of megabytes at 100k rows.
//! `similar` compares the two texts' lines and prints those that differ, with their context:
//! it needs every line of both, but not where each is kept. So the new text is cut into lines,
//! and the old file is read a line at a time: an old line that is the new line in its place
//! (counted from the start, or from the end) is taken as that new line, and only the others
//! are kept. The diff is the one `similar` makes of the two texts whole (tested); only the
//! memory differs: at 100k rows the module alone is 130 MB.
//!
//! The lines are cut here, in code the dev profile optimizes, and hashed once each by
//! `catalog-diff` (optimized too), so that `similar` hashes only each line's hash: cutting and
//! hashing the lines a byte at a time in `similar`'s own code, which the dev profile does not
//! optimize, had been most of a stale check's time (BENCHMARKS.md, section 0, forty-ninth
//! round). An old line that is the new line in its place is that line, hash and all.
//!
//! The old file is read with every `\r\n` as `\n`, as regen compares it: on a checkout with
//! `\r\n` line endings (Windows with `core.autocrlf`) the diff shows the lines that changed,
//! not every line of the file.

use std::io::{self, BufRead, Read, Seek, SeekFrom};

use catalog_diff::Line;

use crate::line_endings::Normalized;
use crate::scan;

/// The unified diff, with 3 lines of context, from the file `old` (none for a new file), read
/// with every `\r\n` as `\n`, to `new`, both named `shown` (`a/…` and `b/…`): `similar`'s
/// diff of their lines.
pub fn of(old: Option<impl Read + Seek>, new: &str, shown: &str) -> io::Result<String> {
    let new_lines = hashed_lines(new);
    let Some(mut old) = old else { return Ok(unified(&[], &new_lines, shown)) };
    let Some(old_count) = lines_without_returns(Normalized::new(&mut old))? else {
        // A `\r` left cuts lines where `\n` alone does not; such a file is read whole.
        old.seek(SeekFrom::Start(0))?;
        let mut whole = String::new();
        Normalized::new(old).read_to_string(&mut whole)?;
        return Ok(unified(&hashed_lines(&whole), &new_lines, shown));
    };
    old.seek(SeekFrom::Start(0))?;
    let mut kept = Vec::new();
    let places = read_beside(Normalized::new(old), old_count, &new_lines, &mut kept)?;
    let old_lines: Vec<Line<'_>> = places
        .into_iter()
        .map(|place| match place {
            OldLine::New(index) => new_lines[index],
            OldLine::Kept(index) => Line::new(&kept[index]),
        })
        .collect();
    Ok(unified(&old_lines, &new_lines, shown))
}

/// The unified diff from the lines `old` to `new` of the file `shown`.
fn unified(old: &[Line<'_>], new: &[Line<'_>], shown: &str) -> String {
    catalog_diff::unified(old, new, 3, &format!("a/{shown}"), &format!("b/{shown}"))
}

/// The lines of `text` as `similar` cuts a text into lines, each hashed. A text without a
/// `\r` is cut at its `\n`s here, where `similar` would cut it too; one with a `\r` by `similar`,
/// whose line cutting is its own code, unoptimized in the dev profile: cutting every text
/// there made a stale check at 20k rows take a median 0.475 s against 0.28–0.315 s
/// (BENCHMARKS.md, section 0, forty-ninth round).
fn hashed_lines(text: &str) -> Vec<Line<'_>> {
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        scan::lines(text).map(Line::new).collect()
    } else {
        catalog_diff::lines(text)
    }
}

/// Where an old line's text is.
enum OldLine {
    /// It is the new text's line at this index.
    New(usize),
    /// It is the kept line at this index.
    Kept(usize),
}

/// How many lines `file` has, as `similar` cuts a text into lines (after each `\n`, and the
/// rest); `None` where it has a `\r` (one left where `\r\n` is read as `\n`), which may cut
/// lines too.
fn lines_without_returns(mut file: impl BufRead) -> io::Result<Option<usize>> {
    let (mut lines, mut last) = (0, None);
    loop {
        let piece = file.fill_buf()?;
        if piece.is_empty() {
            break;
        }
        if memchr::memchr(b'\r', piece).is_some() {
            return Ok(None);
        }
        lines += memchr::memchr_iter(b'\n', piece).count();
        last = piece.last().copied();
        let read = piece.len();
        file.consume(read);
    }
    // A last line without its `\n` is a line too.
    Ok(Some(lines + usize::from(last.is_some_and(|byte| byte != b'\n'))))
}

/// Each of the `count` lines of `old` (which has no `\r`): the new line in its place, counted
/// from the start or from the end, where it is that line; else kept, in `kept`.
fn read_beside(
    mut old: impl BufRead,
    count: usize,
    new_lines: &[Line<'_>],
    kept: &mut Vec<String>,
) -> io::Result<Vec<OldLine>> {
    let mut places = Vec::with_capacity(count);
    let mut line = Vec::new();
    for index in 0..count {
        line.clear();
        old.read_until(b'\n', &mut line)?;
        // The same place counted from the end, where the new text has it.
        let from_end = (index + new_lines.len()).checked_sub(count);
        let same = [Some(index), from_end]
            .into_iter()
            .flatten()
            .find(|&at| new_lines.get(at).is_some_and(|new| new.text().as_bytes() == line));
        places.push(match same {
            Some(at) => OldLine::New(at),
            None => {
                let text = String::from_utf8(std::mem::take(&mut line))
                    .map_err(|error| io::Error::new(io::ErrorKind::InvalidData, error))?;
                kept.push(text);
                OldLine::Kept(kept.len() - 1)
            }
        });
    }
    Ok(places)
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use proptest::prelude::*;

    use super::*;

    /// The diff from `old`, with every `\r\n` as `\n`, to `new` as `similar` makes it of the
    /// two texts whole.
    fn whole(old: &str, new: &str) -> String {
        similar::TextDiff::from_lines(old.replace("\r\n", "\n").as_str(), new)
            .unified_diff()
            .context_radius(3)
            .header("a/f", "b/f")
            .to_string()
    }

    fn beside(old: &str, new: &str) -> String {
        of(Some(Cursor::new(old)), new, "f").unwrap()
    }

    #[test]
    fn the_diff_is_similars_of_the_texts_whole() {
        let cases = [
            ("", ""),
            ("", "a\n"),
            ("a\n", ""),
            ("a\nb\nc\n", "a\nB\nc\n"),
            ("a\nb\nc", "a\nb\nc\n"),
            ("a\nb\nc\n", "a\nb\nc"),
            ("x\na\nb\nc\nd\n", "a\nb\nc\nd\ny\nz\n"),
            ("a\r\nb\r\n", "a\nb\n"),
            ("a\r\nb\r\nc\r\n", "a\nB\nc\n"),
            ("a\r\nb\r\r\nc", "a\nb\nc\n"),
            ("a\rb\n", "a\nb\n"),
            // A new text with a `\r`, which cuts its lines too.
            ("a\nb\n", "a\rb\n"),
            ("a\n", "a\r\nb\n"),
            ("same\nsame\nsame\n", "same\nsame\n"),
            // Lines of the same length, none the same.
            ("a\na\na\n", "d\n"),
            // Lines repeated on both sides (where a kept line hashed unlike the same new line
            // diffed otherwise).
            ("a\n\na\n", "a\na\nb\na\nb\n"),
        ];
        for (old, new) in cases {
            assert_eq!(beside(old, new), whole(old, new), "{old:?} -> {new:?}");
        }
        assert_eq!(of(None::<Cursor<&str>>, "a\n", "f").unwrap(), whole("", "a\n"));
    }

    #[test]
    fn a_checkout_with_crlf_line_endings_shows_only_the_lines_that_changed() {
        let new: String = (0..20).map(|line| format!("line {line}\n")).collect();
        let old = new.replace('\n', "\r\n").replace("line 7", "line seven");
        let diff = beside(&old, &new);
        let changed: Vec<&str> = diff.lines().filter(|line| line.starts_with(['-', '+'])).collect();
        assert_eq!(changed, ["--- a/f", "+++ b/f", "-line seven", "+line 7"]);
        assert!(!diff.contains('\r'));
    }

    #[test]
    fn an_old_file_that_is_no_text_is_an_error() {
        let error = of(Some(Cursor::new(b"a\n\xff\n".to_vec())), "a\n", "f").unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::InvalidData);
    }

    proptest! {
        /// Texts of a few distinct lines, so that lines repeat and edits shift them.
        #[test]
        fn any_two_texts_diff_as_whole(
            old in proptest::collection::vec(prop::sample::select(&["a\n", "b\r\n", "c", "\n", "é\n", "\r"][..]), 0..12),
            new in proptest::collection::vec(prop::sample::select(&["a\n", "b\n", "c", "\n", "d\n"][..]), 0..12),
        ) {
            let (old, new) = (old.concat(), new.concat());
            prop_assert_eq!(beside(&old, &new), whole(&old, &new));
        }

        /// Texts of more than a hundred lines, which `similar` diffs another way when it
        /// diffs the texts whole (only the changed middle, its lines numbered), a few lines
        /// of each changed or removed.
        #[test]
        fn long_texts_diff_as_whole(
            old in proptest::collection::vec(prop::sample::select(&["a\n", "b\n", "c\n", "\n"][..]), 100..200),
            edits in proptest::collection::vec((any::<prop::sample::Index>(), prop::sample::select(&["a\n", "d\n", ""][..])), 1..6),
        ) {
            let mut new = old.clone();
            for (at, line) in edits {
                new[at.index(old.len())] = line;
            }
            let (old, new) = (old.concat(), new.concat());
            prop_assert_eq!(beside(&old, &new), whole(&old, &new));
        }
    }
}
