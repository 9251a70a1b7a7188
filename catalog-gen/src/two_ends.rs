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

    /// Its lines from the start.
    pub fn lines_from_start(&mut self) -> io::Result<ForwardLines<&mut R>> {
        self.source.seek(SeekFrom::Start(0))?;
        Ok(ForwardLines {
            reader: BufReader::with_capacity(self.piece, &mut self.source),
            line: Vec::new(),
            offset: 0,
        })
    }

    /// Its lines from the end back to `start` (where a line starts).
    pub fn lines_from_end(&mut self, start: u64) -> BackwardLines<&mut R> {
        BackwardLines {
            source: &mut self.source,
            held: Vec::new(),
            held_start: self.len,
            spare: Vec::new(),
            limit: self.len,
            start,
            piece: self.piece,
        }
    }

    /// Reads the lines from the start while `expected(index, line)` says each is the one
    /// expected there; returns how many were, and the offset where the first that was not
    /// starts (the text's length if all were).
    pub fn same_from_start(
        &mut self,
        expected: impl FnMut(usize, &[u8]) -> io::Result<bool>,
    ) -> io::Result<(usize, u64)> {
        while_expected(&mut self.lines_from_start()?, expected)
    }

    /// Reads the lines from the end back to `start` (where a line starts) while
    /// `expected(index, line)` says each is the one expected there, the last line being
    /// index 0; returns how many were, and the offset where the first of them starts
    /// (`start` if all were).
    pub fn same_from_end(
        &mut self,
        start: u64,
        expected: impl FnMut(usize, &[u8]) -> io::Result<bool>,
    ) -> io::Result<(usize, u64)> {
        while_expected(&mut self.lines_from_end(start), expected)
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

/// A text's lines read one after another, from its start or from its end.
pub trait Lines {
    /// The next line, or `None` once all are read.
    fn next_line(&mut self) -> io::Result<Option<&[u8]>>;

    /// Where reading has got to: the start of the next line (from the start), or of the last
    /// line read (from the end).
    fn offset(&self) -> u64;
}

/// Reads `lines` while `expected(index, line)` says each is the one expected there; returns
/// how many were, and the offset before the first that was not.
fn while_expected(
    lines: &mut impl Lines,
    mut expected: impl FnMut(usize, &[u8]) -> io::Result<bool>,
) -> io::Result<(usize, u64)> {
    let mut count = 0;
    loop {
        let offset = lines.offset();
        match lines.next_line()? {
            Some(line) if expected(count, line)? => count += 1,
            _ => return Ok((count, offset)),
        }
    }
}

/// A text's lines read from its start, through a buffer.
pub struct ForwardLines<R> {
    reader: BufReader<R>,
    /// The last line read, with its end.
    line: Vec<u8>,
    /// Where the next line starts.
    offset: u64,
}

impl<R: Read> Lines for ForwardLines<R> {
    fn next_line(&mut self) -> io::Result<Option<&[u8]>> {
        self.line.clear();
        let read = self.reader.read_until(b'\n', &mut self.line)?;
        self.offset += read as u64;
        Ok((read > 0).then(|| without_end(&self.line)))
    }

    fn offset(&self) -> u64 {
        self.offset
    }
}

/// A text's lines read from its end back to a given start, a piece at a time.
pub struct BackwardLines<R> {
    source: R,
    /// The text from `held_start` up to `limit`, where the lines not yet read end; more is
    /// read before it until it holds the start of the last of them.
    held: Vec<u8>,
    held_start: u64,
    /// The buffer `held` was in before the last read.
    spare: Vec<u8>,
    limit: u64,
    /// Where reading stops.
    start: u64,
    piece: usize,
}

impl<R: Read + Seek> Lines for BackwardLines<R> {
    fn next_line(&mut self) -> io::Result<Option<&[u8]>> {
        self.held.truncate((self.limit - self.held_start) as usize);
        if self.limit <= self.start {
            return Ok(None);
        }
        let (from, to, ended) = loop {
            // Whether the line ends with a `\n` (all but the text's last line do).
            let ended = self.held.last() == Some(&b'\n');
            let body = if ended { &self.held[..self.held.len() - 1] } else { &self.held[..] };
            if let Some(newline) = memchr::memrchr(b'\n', body) {
                break (newline + 1, body.len(), ended);
            }
            if self.held_start == self.start {
                break (0, body.len(), ended);
            }
            // At least a piece, and as much again as is held, for a line longer than one. The
            // two buffers take turns: read into without being zeroed first, never allocated
            // again once large enough.
            let size = (self.held_start - self.start).min(self.piece.max(self.held.len()) as u64);
            self.held_start -= size;
            let mut before = std::mem::take(&mut self.spare);
            before.clear();
            before.reserve(size as usize + self.held.len());
            self.source.seek(SeekFrom::Start(self.held_start))?;
            if (&mut self.source).take(size).read_to_end(&mut before)? as u64 != size {
                return Err(io::ErrorKind::UnexpectedEof.into());
            }
            before.extend_from_slice(&self.held);
            self.spare = std::mem::replace(&mut self.held, before);
        };
        self.limit = self.held_start + from as u64;
        let line = &self.held[from..to];
        Ok(Some(if ended { line.strip_suffix(b"\r").unwrap_or(line) } else { line }))
    }

    fn offset(&self) -> u64 {
        self.limit
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
                Ok(true)
            })
            .unwrap();
        assert_eq!((count, end), (forward.len(), text.len() as u64));
        let mut backward = Vec::new();
        let (count, start) = ends
            .same_from_end(0, |_, line| {
                backward.push(String::from_utf8(line.to_vec()).unwrap());
                Ok(true)
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
            let (count, end) = ends.same_from_start(|_, line| Ok(line != b"three")).unwrap();
            assert_eq!((count, end), (2, 9));
            // From the end back to the start of `three`, stopping at `four`.
            let (count, start) = ends.same_from_end(end, |_, line| Ok(line != b"four")).unwrap();
            assert_eq!((count, start), (1, 20));
            assert_eq!(ends.read_between(end, start).unwrap(), "three\nfour\n");
            // Never before `start`, even where every line is expected.
            let (count, start) = ends.same_from_end(end, |_, _| Ok(true)).unwrap();
            assert_eq!((count, start), (3, end));
            // Indexes count from the end.
            let mut indexes = Vec::new();
            ends.same_from_end(0, |index, _| {
                indexes.push(index);
                Ok(true)
            })
            .unwrap();
            assert_eq!(indexes, [0, 1, 2, 3, 4]);
        }
        assert_eq!(TwoEnds::new(Cursor::new(text)).unwrap().read_whole().unwrap(), text);
    }
}
