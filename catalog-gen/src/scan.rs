//! Finding where a text escaper has to look; trimming; and finding lines.
//!
//! The escapers (string literals, doc comments, the API snapshot's TOML strings) copy long
//! runs of plain ASCII and stop only at a few kinds of byte. Testing one byte at a time was
//! the escapers' main cost at 200k rows. A whole text with no such byte is told in one pass
//! that the compiler makes vector compares ([`is_plain`], [`is_control_free`]); in a text with
//! one, a word of eight is tested with a few integer operations (the "has a zero byte" trick)
//! up to it. Neither needs `unsafe`.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::Path;

/// The lines of `text`, each with its `\n` (the last one may have none), as
/// `str::split_inclusive('\n')` gives them. `memchr` finds the ends: `split_inclusive` and
/// `str::lines` search with the standard library's portable `memchr`, most of the 6% of a
/// 20k-row regeneration's instructions that comparing the generated files line by line cost.
pub fn lines(text: &str) -> impl Iterator<Item = &str> + '_ {
    let mut ends = memchr::memchr_iter(b'\n', text.as_bytes());
    let mut start = 0;
    std::iter::from_fn(move || {
        // The line up to the next `\n`, or after the last one the rest: a line without an
        // end, if any.
        let end = ends.next().map_or(text.len(), |end| end + 1);
        let line = &text[start..end];
        start = end;
        (!line.is_empty()).then_some(line)
    })
}

/// `text.trim()`: the same text, found a byte at a time where its ends are ASCII. The
/// standard library's trims decode a character at a time from either end; they ran for every
/// cell and every doc comment line, 2.2% of regen's instructions at 20k rows (BENCHMARKS.md,
/// section 0, thirty-seventh round). Where an end is not ASCII, `str::trim` finishes it.
pub fn trim(text: &str) -> &str {
    trim_start(trim_end(text))
}

/// `text.trim_start()`, as [`trim`] finds it.
pub fn trim_start(text: &str) -> &str {
    // Every byte before `start` is ASCII: `start` is where a character starts.
    let start = text.bytes().position(|byte| !is_ascii_whitespace(byte)).unwrap_or(text.len());
    let rest = &text[start..];
    if rest.as_bytes().first().is_some_and(|byte| !byte.is_ascii()) {
        rest.trim_start()
    } else {
        rest
    }
}

/// `text.trim_end()`, as [`trim`] finds it.
pub fn trim_end(text: &str) -> &str {
    // Every byte after the last kept one is ASCII: the kept one ends a character.
    let end = text.bytes().rposition(|byte| !is_ascii_whitespace(byte)).map_or(0, |at| at + 1);
    let rest = &text[..end];
    if rest.as_bytes().last().is_some_and(|byte| !byte.is_ascii()) { rest.trim_end() } else { rest }
}

/// The ASCII characters that are [whitespace](char::is_whitespace): tab, line feed, vertical
/// tab, form feed, carriage return and space (`u8::is_ascii_whitespace` leaves out the
/// vertical tab).
fn is_ascii_whitespace(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t'..=b'\r')
}

/// The lines of `text` as `str::lines` gives them (without `\n` or `\r\n`), found by
/// [`lines`].
pub fn lines_without_ends(text: &str) -> impl Iterator<Item = &str> + '_ {
    lines(text).map(|line| match line.strip_suffix('\n') {
        Some(line) => line.strip_suffix('\r').unwrap_or(line),
        None => line,
    })
}

/// How many bytes each reader of [`line_parts`] reads from the file at a time.
const LINE_PART_BUFFER: usize = 1 << 20;

/// The file at `path` as up to `parts` readers of about equal length, one after the other:
/// each starts where a line starts (after a `\n`) and ends where the next starts, so that
/// [`for_each_line`] over each in turn gives the file's lines, each once and whole (a line
/// longer than a part makes that part empty). For lines looked at on every core.
pub fn line_parts(path: &Path, parts: usize) -> io::Result<Vec<BufReader<io::Take<File>>>> {
    let len = std::fs::metadata(path)?.len();
    let parts = parts.max(1) as u64;
    let mut starts = vec![0];
    for part in 1..parts {
        let previous = *starts.last().unwrap_or(&0);
        let start = line_start_at_or_after(path, len * part / parts)?.max(previous);
        starts.push(start.min(len));
    }
    starts.push(len);
    starts
        .windows(2)
        .map(|bounds| {
            let mut file = File::open(path)?;
            file.seek(SeekFrom::Start(bounds[0]))?;
            Ok(BufReader::with_capacity(LINE_PART_BUFFER, file.take(bounds[1] - bounds[0])))
        })
        .collect()
}

/// Where the first line that starts at `offset` or after it starts in the file at `path`: the
/// offset after the first `\n` at `offset - 1` or later (the file's length if none).
fn line_start_at_or_after(path: &Path, offset: u64) -> io::Result<u64> {
    if offset == 0 {
        return Ok(0);
    }
    let mut file = File::open(path)?;
    file.seek(SeekFrom::Start(offset - 1))?;
    let mut skipped = Vec::new();
    BufReader::new(file).read_until(b'\n', &mut skipped)?;
    Ok(offset - 1 + skipped.len() as u64)
}

/// Calls `f` with each line `reader` reads, without its `\n`, as `BufRead::split(b'\n')`
/// gives them, but borrowed from the reader's buffer where a line lies whole in it: no
/// allocation or copy per line (at 200k rows the API snapshot is 112 MB of lines of about
/// 560 bytes, each only looked at).
pub fn for_each_line(mut reader: impl BufRead, mut f: impl FnMut(&[u8])) -> io::Result<()> {
    // The start of a line that the last buffer ended in.
    let mut carried = Vec::new();
    loop {
        let buffer = match reader.fill_buf() {
            Ok(buffer) => buffer,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if buffer.is_empty() {
            break;
        }
        let mut start = 0;
        for end in memchr::memchr_iter(b'\n', buffer) {
            if carried.is_empty() {
                f(&buffer[start..end]);
            } else {
                carried.extend_from_slice(&buffer[start..end]);
                f(&carried);
                carried.clear();
            }
            start = end + 1;
        }
        carried.extend_from_slice(&buffer[start..]);
        let read = buffer.len();
        reader.consume(read);
    }
    // A last line without its `\n`.
    if !carried.is_empty() {
        f(&carried);
    }
    Ok(())
}

/// Characters that do not show, which the generated code writes escaped in literals and as
/// character references in doc comments: control characters, and the invisible and
/// text-direction characters that rustc (`text_direction_codepoint_in_literal`) and clippy
/// (`invisible_characters`) reject.
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{ad}'
                | '\u{61c}'
                | '\u{200b}'..='\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{2069}'
                | '\u{feff}'
        )
}

/// Appends `c` as Rust and rustc's messages write a character by its number: `\u{200b}`.
pub fn push_unicode_escape(out: &mut String, c: char) {
    use std::fmt::Write;
    let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
}

/// The first character of `text` that does not show and is not ASCII (U+200B, a soft hyphen):
/// copied from a web page or a wiki into a code, it reads on the page as the code without it,
/// and no one types it. The joiners (U+200C and U+200D) are not looked for: Persian and Indic
/// words are written with them, as emoji sequences are. A text of ASCII alone, as nearly every
/// code is, is told in one pass.
pub fn hidden_letter(text: &str) -> Option<char> {
    if text.is_ascii() {
        return None;
    }
    text.chars().find(|&c| is_hidden_letter(c))
}

/// Whether `c` is a character [`hidden_letter`] looks for.
pub fn is_hidden_letter(c: char) -> bool {
    !c.is_ascii() && is_hidden(c) && !matches!(c, '\u{200c}' | '\u{200d}')
}

/// Whether an escaper may have to look at `byte`: an ASCII control character (DEL
/// included), `"`, `\`, or any byte of a non-ASCII character. Each escaper decides what to do
/// there; for the others these are false stops, never missed ones.
pub fn is_stop(byte: u8) -> bool {
    // `|`, not `||`: no branch, so that a loop of it can be made vector compares.
    is_control_stop(byte) | (byte == b'"') | (byte == b'\\')
}

/// [`is_stop`] for an escaper that leaves `"` and `\` as they are (doc comments): an ASCII
/// control character or any byte of a non-ASCII character.
pub fn is_control_stop(byte: u8) -> bool {
    !(0x20..0x7F).contains(&byte)
}

/// Whether no byte of `bytes` is a [stop](is_stop): a text an escaper copies as it is, as
/// every cell of the real pages is. See [`no_stop_in`] for why this is quicker than
/// [`plain_run`]. A text with a stop is then read again by the escaper, a word at a time.
pub fn is_plain(bytes: &[u8]) -> bool {
    no_stop_in(bytes, is_stop)
}

/// Whether no byte of `bytes` is a [control stop](is_control_stop): a doc comment line that
/// has nothing to escape, as [`is_plain`] for [`control_free_run`].
pub fn is_control_free(bytes: &[u8]) -> bool {
    no_stop_in(bytes, is_control_stop)
}

/// Whether `stop` holds for no byte of `bytes`: one pass over the whole text that never stops
/// early, which the compiler makes vector compares (SSE2 on x86-64) in the dev profile `cargo
/// xtask` builds as in release, where the words of eight that [`run`] tests stop at the first
/// stop. For texts with none, that is fewer instructions: regen at 20k rows, up to date, took
/// 3.4% fewer in release and 3.2% fewer in dev with the escapers and the doc comment lines
/// testing their texts this way first (BENCHMARKS.md, section 0, thirty-seventh round).
#[inline(always)]
fn no_stop_in(bytes: &[u8], stop: impl Fn(u8) -> bool) -> bool {
    // `|`, not `||`: a branch per byte would keep the loop from being made vector compares.
    let mut found = false;
    for &byte in bytes {
        found |= stop(byte);
    }
    !found
}

/// The length of the run of bytes at the start of `bytes` that are not [stops](is_stop).
pub fn plain_run(bytes: &[u8]) -> usize {
    run(bytes, stops, is_stop)
}

/// The length of the run of bytes at the start of `bytes` that are not
/// [control stops](is_control_stop): a doc comment line has a `\` every few words in docs that
/// escape their punctuation, where [`plain_run`] would stop each time.
pub fn control_free_run(bytes: &[u8]) -> usize {
    run(bytes, control_stops, is_control_stop)
}

/// The length of the run at the start of `bytes` that no byte `stop` tells ends, tested eight
/// bytes at a time by `stops_in`, which is nonzero for a word that holds such a byte.
#[inline(always)]
fn run(bytes: &[u8], stops_in: impl Fn(u64) -> u64, stop: impl Fn(u8) -> bool) -> usize {
    let (words, _) = bytes.as_chunks::<8>();
    let mut at = 0;
    for word in words {
        if stops_in(u64::from_le_bytes(*word)) != 0 {
            break;
        }
        at += 8;
    }
    at + bytes[at..].iter().position(|&byte| stop(byte)).unwrap_or(bytes.len() - at)
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

// The helpers below are `inline(always)`: a call per word for each of them was a tenth of a
// regen when this crate was built unoptimized (as the test profile still builds it).

/// Nonzero if a byte of `word` is a [stop](is_stop).
#[inline(always)]
fn stops(word: u64) -> u64 {
    control_stops(word) | equal(word, b'"') | equal(word, b'\\')
}

/// Nonzero if a byte of `word` is a [control stop](is_control_stop).
#[inline(always)]
fn control_stops(word: u64) -> u64 {
    (word & HIGHS) | below(word, 0x20) | equal(word, 0x7F)
}

/// The high bit of a byte of the result is set where that byte of `word` is below `n` (for
/// n <= 0x80), or for a later byte after one that is: never without a true one.
#[inline(always)]
fn below(word: u64, n: u8) -> u64 {
    word.wrapping_sub(ONES * u64::from(n)) & !word & HIGHS
}

/// As [`below`], where a byte of `word` is `byte`.
#[inline(always)]
fn equal(word: u64, byte: u8) -> u64 {
    below(word ^ (ONES * u64::from(byte)), 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_in_line_parts_gives_every_line_once_and_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lines");
        let long = "x".repeat(300);
        let texts = [
            String::new(),
            "one line without its end".to_owned(),
            "a\nbb\n\nccc\n".to_owned(),
            format!("short\n{long}\nmiddle\n{long}\n\nend"),
            (0..100).map(|n| format!("line {n}\n")).collect(),
        ];
        for text in &texts {
            std::fs::write(&path, text).unwrap();
            let expected: Vec<&[u8]> =
                lines_without_ends(text).map(str::as_bytes).collect::<Vec<_>>();
            for parts in 1..=7 {
                let readers = line_parts(&path, parts).unwrap();
                assert_eq!(readers.len(), parts, "{text:?}");
                let mut lines = Vec::new();
                for reader in readers {
                    for_each_line(reader, |line| lines.push(line.to_vec())).unwrap();
                }
                assert_eq!(lines, expected, "{parts} parts of {text:?}");
            }
        }
    }

    #[test]
    fn lines_are_split_as_the_standard_library_splits_them() {
        let texts = [
            "", "\n", "\n\n", "a", "a\n", "\na", "a\n\nb\n", "\n\na\nb", "é\nü", "a\r\nb\r",
            "\r\n\r",
        ];
        for text in texts {
            let expected: Vec<&str> = text.split_inclusive('\n').collect();
            assert_eq!(lines(text).collect::<Vec<_>>(), expected, "{text:?}");
            let expected: Vec<&str> = text.lines().collect();
            assert_eq!(lines_without_ends(text).collect::<Vec<_>>(), expected, "{text:?}");
        }
    }

    #[test]
    fn lines_read_are_split_as_the_standard_library_splits_them() {
        let texts = ["", "\n", "\n\n", "a", "a\n", "\na", "a\n\nb\n", "\n\nab\ncd", "abc\r\nde\r"];
        for text in texts {
            let expected: Vec<Vec<u8>> =
                BufRead::split(text.as_bytes(), b'\n').collect::<io::Result<_>>().unwrap();
            // Lines cut by the reader's buffer, anywhere.
            for capacity in 1..=4 {
                let reader = io::BufReader::with_capacity(capacity, text.as_bytes());
                let mut lines = Vec::new();
                for_each_line(reader, |line| lines.push(line.to_vec())).unwrap();
                assert_eq!(lines, expected, "{text:?} {capacity}");
            }
        }
    }

    /// Byte by byte, as the escapers used to look.
    fn plain_run_bytewise(bytes: &[u8]) -> usize {
        bytes.iter().position(|&byte| is_stop(byte)).unwrap_or(bytes.len())
    }

    /// [`control_free_run`] byte by byte.
    fn control_free_run_bytewise(bytes: &[u8]) -> usize {
        bytes.iter().position(|&byte| is_control_stop(byte)).unwrap_or(bytes.len())
    }

    #[test]
    fn texts_are_trimmed_as_the_standard_library_trims_them() {
        // ASCII whitespace and not (the vertical tab is, U+001C is not), whitespace beyond
        // ASCII at either end, and other characters of one to three bytes.
        let chars = [
            ' ', '\t', '\n', '\u{b}', '\u{c}', '\r', '\u{1c}', '\u{85}', '\u{a0}', '\u{3000}', 'a',
            'é', '日', '\0',
        ];
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = texts
                .iter()
                .flat_map(|text| chars.iter().map(move |&c| format!("{text}{c}")))
                .collect();
            texts = longer;
            for text in &texts {
                assert_eq!(trim(text), text.trim(), "{text:?}");
                assert_eq!(trim_start(text), text.trim_start(), "{text:?}");
                assert_eq!(trim_end(text), text.trim_end(), "{text:?}");
            }
        }
        assert_eq!(trim(""), "");
    }

    #[test]
    fn a_text_is_plain_or_control_free_where_no_byte_at_any_place_is_a_stop() {
        // Past two vector steps of 32 bytes and into a tail: a byte missed in a step, in the
        // tail or between them makes a text with a stop plain.
        for length in 0..68 {
            for place in 0..length {
                for byte in 0..=u8::MAX {
                    for filler in [b'a', b'~'] {
                        let mut bytes = vec![filler; length];
                        bytes[place] = byte;
                        assert_eq!(is_plain(&bytes), !is_stop(byte), "{byte:#x} at {place}");
                        let control_free = !is_control_stop(byte);
                        assert_eq!(is_control_free(&bytes), control_free, "{byte:#x} at {place}");
                    }
                }
            }
            assert!(is_plain(&vec![b' '; length]));
            assert!(is_control_free(&vec![b'\\'; length]));
        }
    }

    #[test]
    fn every_byte_value_at_every_place_of_a_word_is_told_as_bytewise() {
        for length in 0..26 {
            for place in 0..length {
                for byte in 0..=u8::MAX {
                    for filler in [b'a', b' ', b'~', b'!', b'#', b'[', b']'] {
                        let mut bytes = vec![filler; length];
                        bytes[place] = byte;
                        assert_eq!(
                            plain_run(&bytes),
                            plain_run_bytewise(&bytes),
                            "{byte:#x} at {place} of {length}"
                        );
                        assert_eq!(
                            control_free_run(&bytes),
                            control_free_run_bytewise(&bytes),
                            "{byte:#x} at {place} of {length}, controls only"
                        );
                    }
                }
            }
            assert_eq!(plain_run(&vec![b'a'; length]), length);
            assert_eq!(control_free_run(&vec![b'\\'; length]), length);
        }
    }

    #[test]
    fn two_stops_in_a_word_stop_at_the_first() {
        for first in 0..16 {
            for second in first + 1..16 {
                for (a, b) in [(0x1F, 0x80), (b'"', b'\\'), (0x7F, 0x00), (0xC2, b'"')] {
                    let mut bytes = vec![b'x'; 16];
                    bytes[first] = a;
                    bytes[second] = b;
                    assert_eq!(plain_run(&bytes), first);
                }
            }
        }
    }
}
