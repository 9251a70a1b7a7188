//! A text read a line at a time from its start and from its end, a small piece at a time.
//! Comparing a large file with a new text that differs only somewhere in its middle (the API
//! snapshot after a docs update) then reads each line it compares once, into a small
//! buffer, and holds only the middle whole: at 200k rows the snapshot is a hundred megabytes,
//! and reading it whole cost regen as much fresh memory.

use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom};

/// How much is read at a time from the end (the start is read through a buffer this size).
const PIECE: usize = 1 << 16;

/// A text in `source` read from either end. Its lines are those of
/// [`crate::scan::lines_without_ends`]: without `\n` or `\r\n`, and no empty line after a
/// last `\n`; given as bytes, since only the middle is checked for UTF-8.
pub struct TwoEnds<R> {
    source: R,
    len: u64,
    piece: usize,
}

impl<R: Read + Seek> TwoEnds<R> {
    /// The text in `source`, from its start to its end.
    pub fn new(source: R) -> io::Result<Self> {
        Self::with_piece(source, PIECE)
    }

    fn with_piece(mut source: R, piece: usize) -> io::Result<Self> {
        let len = source.seek(SeekFrom::End(0))?;
        Ok(TwoEnds { source, len, piece })
    }

    /// Reads the lines from the start while `expected(index, line)` says each is the one
    /// expected there; returns how many were, and the offset where the first that was not
    /// starts (the text's length if all were).
    pub fn same_from_start(
        &mut self,
        mut expected: impl FnMut(usize, &[u8]) -> bool,
    ) -> io::Result<(usize, u64)> {
        self.source.seek(SeekFrom::Start(0))?;
        let mut reader = BufReader::with_capacity(self.piece, &mut self.source);
        let (mut count, mut offset) = (0, 0);
        let mut line = Vec::new();
        loop {
            line.clear();
            let read = reader.read_until(b'\n', &mut line)?;
            if read == 0 || !expected(count, without_end(&line)) {
                return Ok((count, offset));
            }
            count += 1;
            offset += read as u64;
        }
    }

    /// Reads the lines from the end back to `start` (where a line starts) while
    /// `expected(index, line)` says each is the one expected there, the last line being
    /// index 0; returns how many were, and the offset where the first of them starts
    /// (`start` if all were).
    pub fn same_from_end(
        &mut self,
        start: u64,
        mut expected: impl FnMut(usize, &[u8]) -> bool,
    ) -> io::Result<(usize, u64)> {
        // `held` is the text from `held_start` up to `limit`, where the lines not yet read
        // end; more is read before it until it holds the start of the last of them.
        let (mut held, mut held_start, mut limit) = (Vec::new(), self.len, self.len);
        let mut count = 0;
        while limit > start {
            let (line, line_start) = loop {
                let body = match held.split_last() {
                    Some((b'\n', body)) => body,
                    _ => &held[..],
                };
                if let Some(newline) = memchr::memrchr(b'\n', body) {
                    break (&body[newline + 1..], held_start + newline as u64 + 1);
                }
                if held_start == start {
                    break (body, start);
                }
                // At least a piece, and as much again as is held, for a line longer than one.
                let size = (held_start - start).min(self.piece.max(held.len()) as u64);
                held_start -= size;
                let mut before = vec![0; size as usize];
                self.source.seek(SeekFrom::Start(held_start))?;
                self.source.read_exact(&mut before)?;
                before.extend_from_slice(&held);
                held = before;
            };
            let line = if held.last() == Some(&b'\n') { line.strip_suffix(b"\r") } else { None }
                .unwrap_or(line);
            if !expected(count, line) {
                break;
            }
            count += 1;
            limit = line_start;
            held.truncate((limit - held_start) as usize);
        }
        Ok((count, limit))
    }

    /// The text from `start` to `end`, which must be UTF-8.
    pub fn read_between(&mut self, start: u64, end: u64) -> io::Result<String> {
        self.source.seek(SeekFrom::Start(start))?;
        let mut text = String::new();
        (&mut self.source).take(end - start).read_to_string(&mut text)?;
        Ok(text)
    }

    /// The whole text, which must be UTF-8.
    pub fn read_whole(&mut self) -> io::Result<String> {
        self.read_between(0, self.len)
    }
}

/// A line read with its end: without the `\n` or `\r\n` it ends with, if it does.
fn without_end(line: &[u8]) -> &[u8] {
    match line.strip_suffix(b"\n") {
        Some(line) => line.strip_suffix(b"\r").unwrap_or(line),
        None => line,
    }
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use super::*;

    /// The lines `TwoEnds` reads from each end of `text` (all of them, with pieces of
    /// `piece` bytes), and where the first it read from the end starts.
    fn read_from_both_ends(text: &str, piece: usize) -> (Vec<String>, Vec<String>, u64) {
        let mut ends = TwoEnds::with_piece(Cursor::new(text), piece).unwrap();
        let mut forward = Vec::new();
        let (count, end) = ends
            .same_from_start(|_, line| {
                forward.push(String::from_utf8(line.to_vec()).unwrap());
                true
            })
            .unwrap();
        assert_eq!((count, end), (forward.len(), text.len() as u64));
        let mut backward = Vec::new();
        let (count, start) = ends
            .same_from_end(0, |_, line| {
                backward.push(String::from_utf8(line.to_vec()).unwrap());
                true
            })
            .unwrap();
        assert_eq!(count, backward.len());
        backward.reverse();
        (forward, backward, start)
    }

    #[test]
    fn lines_read_from_either_end_are_the_lines_of_the_whole_text() {
        let texts = [
            "",
            "\n",
            "\n\n",
            "a",
            "a\n",
            "a\nb",
            "a\r\nb\r\n",
            "a\rb\r",
            "\r\n\r\n",
            "a\n\nb\n\n",
            "a long line\nand another one, longer\n\nshort\n",
            "é\r\nà\nü",
        ];
        for text in texts {
            let lines: Vec<&str> = crate::scan::lines_without_ends(text).collect();
            for piece in [1, 2, 3, 5, 64] {
                let (forward, backward, start) = read_from_both_ends(text, piece);
                assert_eq!(forward, lines, "{text:?} by {piece}");
                assert_eq!(backward, lines, "{text:?} by {piece}");
                assert_eq!(start, 0);
            }
        }
    }

    #[test]
    fn reading_stops_at_the_first_line_not_expected_and_says_where_it_starts() {
        let text = "one\ntwo\r\nthree\nfour\nfive\n";
        for piece in [1, 4, 64] {
            let mut ends = TwoEnds::with_piece(Cursor::new(text), piece).unwrap();
            let (count, end) = ends.same_from_start(|_, line| line != b"three").unwrap();
            assert_eq!((count, end), (2, 9));
            // From the end back to the start of `three`, stopping at `four`.
            let (count, start) = ends.same_from_end(end, |_, line| line != b"four").unwrap();
            assert_eq!((count, start), (1, 20));
            assert_eq!(ends.read_between(end, start).unwrap(), "three\nfour\n");
            // Never before `start`, even where every line is expected.
            let (count, start) = ends.same_from_end(end, |_, _| true).unwrap();
            assert_eq!((count, start), (3, end));
            // Indexes count from the end.
            let mut indexes = Vec::new();
            ends.same_from_end(0, |index, _| {
                indexes.push(index);
                true
            })
            .unwrap();
            assert_eq!(indexes, [0, 1, 2, 3, 4]);
        }
        assert_eq!(TwoEnds::new(Cursor::new(text)).unwrap().read_whole().unwrap(), text);
    }
}
