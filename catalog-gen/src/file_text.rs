//! A generated file's text, kept in the pieces it was made of.
//!
//! A module's file is mostly rows, written as texts of their own beside the formatted
//! skeleton (see `emit`'s `slots`). Joining them into one string would hold every row twice
//! at the end of a regeneration and touch hundreds of megabytes of fresh memory at 100k rows
//! (BENCHMARKS.md, section 0); the pieces are instead compared and written as they are, and
//! joined only where a caller asks for one string.

use std::borrow::Cow;
use std::fmt;
use std::io::{self, Write};

use crate::parallel;
use crate::scan::lines;

/// The text of a generated file: pieces, some of them indented line by line when read. Two
/// texts are equal when they read the same, however they are cut into pieces.
#[derive(Clone, Debug, Default)]
pub struct FileText {
    pieces: Vec<Piece>,
    len: usize,
}

/// One piece of a [`FileText`].
#[derive(Clone, Debug)]
enum Piece {
    /// Text as it is.
    Plain(String),
    /// Lines, each ending in `\n`, read with `width` spaces before every line but empty ones;
    /// `len` bytes so read.
    Indented { text: String, width: usize, len: usize },
}

impl Piece {
    /// The piece's length as read.
    fn len(&self) -> usize {
        match self {
            Piece::Plain(text) => text.len(),
            Piece::Indented { len, .. } => *len,
        }
    }

    /// The piece in order, as consecutive slices: an indented piece line by line.
    fn chunks(&self) -> impl Iterator<Item = &str> + '_ {
        let (plain, indented) = match self {
            Piece::Plain(text) => (Some(text.as_str()), None),
            Piece::Indented { text, width, .. } => (None, Some((text, &SPACES[..*width]))),
        };
        let lines = indented.into_iter().flat_map(|(text, indent)| {
            lines(text).flat_map(move |line| [indentation(line, indent), line])
        });
        plain.into_iter().chain(lines)
    }
}

/// The indentation an indented piece's `line` is read with: `indent`, but none on an empty
/// line (formatting leaves no trailing spaces).
fn indentation<'i>(line: &str, indent: &'i str) -> &'i str {
    if line == "\n" { "" } else { indent }
}

/// The size of the blocks [`FileText::try_for_each_block`] gathers indented lines into.
const BLOCK: usize = 1 << 16;

/// The widest indentation an indented piece has: deeper is read as this deep. Generated rows
/// sit at most three levels deep.
const SPACES: &str = "                                                                ";

impl FileText {
    /// An empty text.
    pub fn new() -> Self {
        FileText::default()
    }

    /// Appends `text` as it is.
    pub fn push_str(&mut self, text: &str) {
        match self.pieces.last_mut() {
            Some(Piece::Plain(last)) => last.push_str(text),
            _ => self.pieces.push(Piece::Plain(text.to_owned())),
        }
        self.len += text.len();
    }

    /// Appends the lines of `text` (each ending in `\n`) with `width` spaces before each line
    /// but empty ones. `text` is kept as it is, not copied.
    pub fn push_indented(&mut self, text: String, width: usize) {
        let lines = indented_lines(&text);
        self.push_lines(text, width, lines);
    }

    /// [`FileText::push_indented`] for each of `texts` in order, their lines counted at the
    /// same time where they are large: at 200k rows, counting a module's lines on one core
    /// took a twentieth of a second.
    pub fn push_indented_all(&mut self, texts: Vec<String>, width: usize) {
        let bytes = texts.iter().map(String::len).sum();
        let count = |text: String| {
            let lines = indented_lines(&text);
            (text, lines)
        };
        let counted = match parallel::threads_for_bytes(bytes) {
            1 => texts.into_iter().map(count).collect(),
            _ => parallel::each(texts, count),
        };
        for (text, lines) in counted {
            self.push_lines(text, width, lines);
        }
    }

    /// Appends `text`, of which `lines` lines are indented by `width` spaces.
    fn push_lines(&mut self, text: String, width: usize, lines: usize) {
        let width = width.min(SPACES.len());
        if width == 0 {
            self.len += text.len();
            self.pieces.push(Piece::Plain(text));
            return;
        }
        let len = text.len() + lines * width;
        self.len += len;
        self.pieces.push(Piece::Indented { text, width, len });
    }

    /// The text's length in bytes.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the text is empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The text in order, as consecutive slices.
    pub fn chunks(&self) -> impl Iterator<Item = &str> + '_ {
        self.pieces.iter().flat_map(Piece::chunks)
    }

    /// Calls `f` with the text in order, in few large slices: a plain piece as it is (small
    /// ones gathered with their neighbours), indented lines gathered into blocks of about
    /// 64 KiB. Comparing or writing such blocks is a `memcmp` or a `write` per block, where
    /// [`FileText::chunks`] gives two slices per line. Stops at the first error `f` returns.
    pub fn try_for_each_block<E>(&self, f: impl FnMut(&[u8]) -> Result<(), E>) -> Result<(), E> {
        Part { pieces: &self.pieces, start: 0 }.try_for_each_block(f)
    }

    /// The text cut at its pieces' ends into at most `count` parts of about equal length, in
    /// order (one part where `count` is 0): to work on the parts of a large text at the same
    /// time.
    pub(crate) fn parts(&self, count: usize) -> Vec<Part<'_>> {
        let target = self.len.div_ceil(count.max(1));
        let mut parts = Vec::new();
        let (mut first, mut start, mut len) = (0, 0, 0);
        for (index, piece) in self.pieces.iter().enumerate() {
            len += piece.len();
            if len >= target && parts.len() + 1 < count {
                parts.push(Part { pieces: &self.pieces[first..=index], start });
                (first, start, len) = (index + 1, start + len, 0);
            }
        }
        if first < self.pieces.len() || parts.is_empty() {
            parts.push(Part { pieces: &self.pieces[first..], start });
        }
        parts
    }

    /// Whether the text has a `\r` anywhere: one search per piece, as indentation adds only
    /// spaces.
    pub fn has_carriage_return(&self) -> bool {
        self.pieces.iter().any(|piece| {
            let (Piece::Plain(text) | Piece::Indented { text, .. }) = piece;
            memchr::memchr(b'\r', text.as_bytes()).is_some()
        })
    }

    /// The whole text as one string: borrowed where it is one piece already.
    pub fn as_one_str(&self) -> Cow<'_, str> {
        match self.pieces.as_slice() {
            [] => Cow::Borrowed(""),
            [Piece::Plain(text)] => Cow::Borrowed(text),
            _ => Cow::Owned(self.to_string()),
        }
    }

    /// The text's bytes in order.
    fn bytes(&self) -> impl Iterator<Item = u8> + '_ {
        self.chunks().flat_map(str::bytes)
    }

    /// Writes the text to `out` in large writes, whatever the size of its pieces.
    pub fn write_to(&self, mut out: impl Write) -> io::Result<()> {
        self.try_for_each_block(|block| out.write_all(block))?;
        out.flush()
    }
}

/// A run of a [`FileText`]'s pieces ([`FileText::parts`]), and where it is in the text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Part<'a> {
    pieces: &'a [Piece],
    /// The offset of its first byte in the text.
    pub(crate) start: usize,
}

impl Part<'_> {
    /// [`FileText::try_for_each_block`] for the part's text.
    pub fn try_for_each_block<E>(
        &self,
        mut f: impl FnMut(&[u8]) -> Result<(), E>,
    ) -> Result<(), E> {
        /// Hands the gathered block to `f`, if it holds anything, and empties it.
        fn flush<E>(
            block: &mut Vec<u8>,
            f: &mut impl FnMut(&[u8]) -> Result<(), E>,
        ) -> Result<(), E> {
            let result = if block.is_empty() { Ok(()) } else { f(block) };
            block.clear();
            result
        }
        let mut block: Vec<u8> = Vec::with_capacity(BLOCK);
        for piece in self.pieces {
            match piece {
                Piece::Plain(text) if block.len() + text.len() <= BLOCK => {
                    block.extend_from_slice(text.as_bytes());
                }
                Piece::Plain(text) => {
                    flush(&mut block, &mut f)?;
                    f(text.as_bytes())?;
                }
                Piece::Indented { text, width, .. } => {
                    // Line by line as `chunks` gives them, without its nested iterators (4% of
                    // a 20k-row regen's instructions when comparing went through them).
                    for line in lines(text) {
                        let indent = indentation(line, &SPACES[..*width]);
                        if block.len() + indent.len() + line.len() > BLOCK {
                            flush(&mut block, &mut f)?;
                        }
                        block.extend_from_slice(indent.as_bytes());
                        block.extend_from_slice(line.as_bytes());
                    }
                }
            }
        }
        flush(&mut block, &mut f)
    }
}

impl From<String> for FileText {
    fn from(text: String) -> Self {
        FileText { len: text.len(), pieces: vec![Piece::Plain(text)] }
    }
}

impl From<&str> for FileText {
    fn from(text: &str) -> Self {
        FileText::from(text.to_owned())
    }
}

impl fmt::Display for FileText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.chunks().try_for_each(|chunk| f.write_str(chunk))
    }
}

impl PartialEq for FileText {
    fn eq(&self, other: &FileText) -> bool {
        self.len == other.len && self.bytes().eq(other.bytes())
    }
}

impl Eq for FileText {}

impl PartialEq<str> for FileText {
    fn eq(&self, other: &str) -> bool {
        self.len == other.len() && self.bytes().eq(other.bytes())
    }
}

impl PartialEq<&str> for FileText {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

/// How many lines of `text` get an [indentation](indentation) as [`lines`] reads them: all
/// but the empty ones, whose line end is the text's first byte or follows another. Counted
/// from the line ends alone, found by `memchr`: this runs over every row of a module, on one
/// core.
fn indented_lines(text: &str) -> usize {
    let bytes = text.as_bytes();
    let unended = usize::from(bytes.last().is_some_and(|&last| last != b'\n'));
    let indented =
        memchr::memchr_iter(b'\n', bytes).filter(|&end| end > 0 && bytes[end - 1] != b'\n').count();
    indented + unended
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_but_empty_ones_is_indented() {
        let texts = ["", "\n", "\n\n", "a", "a\n", "\na", "a\n\nb\n", "\n\na\nb", "ab\n\n\ncd\n"];
        for text in texts {
            let lines = text.split_inclusive('\n').filter(|line| *line != "\n").count();
            assert_eq!(indented_lines(text), lines, "{text:?}");
        }
    }

    fn pieces() -> FileText {
        let mut text = FileText::new();
        text.push_str("enum E {\n");
        text.push_indented("/// A\nA,\n\nB,\n".to_owned(), 4);
        text.push_str("}\n");
        text.push_str("const X: u8 = 1;\n");
        text
    }

    #[test]
    fn a_carriage_return_is_found_in_any_piece() {
        assert!(!pieces().has_carriage_return());
        let mut text = pieces();
        text.push_indented("A,\r\n".to_owned(), 4);
        assert!(text.has_carriage_return());
        assert!(FileText::from("a\r").has_carriage_return());
    }

    #[test]
    fn indented_pieces_read_with_their_indentation_except_on_empty_lines() {
        let expected = "enum E {\n    /// A\n    A,\n\n    B,\n}\nconst X: u8 = 1;\n";
        let text = pieces();
        assert_eq!(text.to_string(), expected);
        assert_eq!(text.len(), expected.len());
        assert_eq!(text.as_one_str(), expected);
        assert_eq!(text, expected);
        assert_ne!(text, &expected[1..]);
        let mut written = Vec::new();
        text.write_to(&mut written).unwrap();
        assert_eq!(written, expected.as_bytes());
    }

    /// The text as [`FileText::try_for_each_block`] gives it, and its blocks' sizes.
    fn blocks(text: &FileText) -> (String, Vec<usize>) {
        let mut joined = Vec::new();
        let mut sizes = Vec::new();
        text.try_for_each_block(|block| {
            joined.extend_from_slice(block);
            sizes.push(block.len());
            Ok::<(), ()>(())
        })
        .unwrap();
        (String::from_utf8(joined).unwrap(), sizes)
    }

    #[test]
    fn blocks_read_as_the_text_whatever_its_pieces_and_lines() {
        let mut text = pieces();
        // Many short lines (several blocks), a line longer than a block, a last line without
        // an end, and plain pieces small and large between them.
        let short: String = (0..20_000).map(|i| format!("line {i}\n\n")).collect();
        text.push_indented(short, 8);
        text.push_str("}\n");
        text.push_indented(format!("{}\nend", "x".repeat(3 * BLOCK)), 4);
        text.push_str(&"y".repeat(2 * BLOCK));
        text.push_indented("\na\n".to_owned(), 2);
        let (joined, sizes) = blocks(&text);
        assert_eq!(joined, text.to_string());
        assert_eq!(joined.len(), text.len());
        assert!(sizes.len() < 20, "{} blocks", sizes.len());
        assert!(sizes.iter().all(|&size| size > 0));
        assert_eq!(blocks(&pieces()), (pieces().to_string(), vec![pieces().len()]));
        assert_eq!(blocks(&FileText::new()).1, Vec::<usize>::new());
    }

    #[test]
    fn texts_pushed_together_read_as_texts_pushed_one_by_one() {
        // Large enough to be counted on every core, small and empty ones among them.
        let large = "row\n\nrow\n".repeat(1 << 19);
        let texts = vec![large.clone(), String::new(), "a\n".to_owned(), large, "b".to_owned()];
        let (mut together, mut one_by_one) = (pieces(), pieces());
        together.push_indented_all(texts.clone(), 4);
        texts.into_iter().for_each(|text| one_by_one.push_indented(text, 4));
        assert_eq!(together.len(), one_by_one.len());
        assert_eq!(together.pieces.len(), one_by_one.pieces.len());
        assert!(together.to_string() == one_by_one.to_string());
    }

    #[test]
    fn parts_read_as_the_text_in_order_and_start_where_they_are() {
        let mut text = pieces();
        for width in [4, 8, 0, 4, 2, 8] {
            text.push_indented("x\n\n".repeat(1000), width);
            text.push_str("y\n");
        }
        let whole = text.to_string();
        for count in 0..=6 {
            let parts = text.parts(count);
            assert!(!parts.is_empty() && parts.len() <= count.max(1), "{count}: {}", parts.len());
            let mut joined = Vec::new();
            for part in &parts {
                assert_eq!(part.start, joined.len());
                part.try_for_each_block(|block| {
                    joined.extend_from_slice(block);
                    Ok::<(), ()>(())
                })
                .unwrap();
            }
            assert_eq!(String::from_utf8(joined).unwrap(), whole, "{count} parts");
        }
        assert_eq!(text.parts(3).len(), 3, "cut where the pieces allow");
        assert_eq!(FileText::new().parts(4).len(), 1);
    }

    #[test]
    fn the_first_error_stops_the_blocks() {
        let mut text = FileText::new();
        text.push_indented("a\n".repeat(BLOCK), 4);
        let mut calls = 0;
        let stopped = text.try_for_each_block(|_| {
            calls += 1;
            Err(calls)
        });
        assert_eq!((stopped, calls), (Err(1), 1));
    }

    #[test]
    fn one_piece_is_borrowed_whole() {
        let text = FileText::from("a\nb\n");
        assert!(matches!(text.as_one_str(), Cow::Borrowed("a\nb\n")));
        assert_eq!(FileText::new().as_one_str(), "");
        assert!(FileText::new().is_empty());
    }

    #[test]
    fn texts_that_read_the_same_are_equal_however_they_are_cut() {
        let whole = FileText::from(pieces().to_string());
        assert_eq!(pieces(), whole);
        let mut other = pieces();
        other.push_str("x");
        assert_ne!(other, whole);
    }

    #[test]
    fn plain_text_pushed_after_plain_text_joins_it() {
        let mut text = FileText::from("a");
        text.push_str("b");
        text.push_indented("c\n".to_owned(), 0);
        assert_eq!(text.pieces.len(), 2);
        assert_eq!(text, "abc\n");
    }
}
