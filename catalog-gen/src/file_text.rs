//! A generated file's text, kept in the pieces it is made of.
//!
//! A module's file is mostly rows, written as texts of their own beside the formatted
//! skeleton (see `emit`'s `slots`). Made whole, they are hundreds of megabytes at 100k rows,
//! most of a large regeneration's memory, and writing them into fresh memory cost more than
//! making them (BENCHMARKS.md, section 0). So the rows are a [`MadeText`]: made part by part,
//! on every core, while the file is read (compared or written), each part into memory the
//! reader is done with. A text is joined into one string only where a caller asks for one.

use std::borrow::Cow;
use std::fmt;
use std::io::{self, Write};
use std::ops::Range;
use std::sync::Arc;

use crate::parallel;
use crate::scan::lines;

/// The text of a generated file: pieces, some of them lines made, and indented, when read.
/// Two texts are equal when they read the same, however they are cut into pieces.
#[derive(Clone, Debug, Default)]
pub struct FileText {
    pieces: Vec<Piece>,
}

/// One piece of a [`FileText`].
#[derive(Clone, Debug)]
enum Piece {
    /// Text as it is.
    Plain(String),
    /// Lines made when read, each ending in `\n`, made with `width` spaces before every line
    /// (see [`PartWriter`]).
    Made { text: MadeText, width: usize },
}

/// Lines made when they are read, in numbered parts, each written by one function: a table's
/// rows, a part for every 512 of them. Reading them makes the parts in order, on
/// every core where the rows pay for it ([`parallel::ordered`]).
#[derive(Clone)]
pub(crate) struct MadeText {
    /// How many rows the parts are made from.
    rows: usize,
    /// How many parts there are.
    parts: usize,
    /// Appends a part's lines (each ending in `\n`), indented, to the text given.
    write: Arc<WritePart>,
}

/// What appends a numbered part's lines of a [`MadeText`] to a text.
type WritePart = dyn Fn(usize, &mut PartWriter<'_>) + Send + Sync;

/// Where a part of a [`MadeText`] is made: each line the part's function writes begins with
/// [`PartWriter::line`], which puts the indentation the text is read with before it. So the
/// lines are indented as they are made, in one pass: making them first and indenting them
/// after copied every line once more (BENCHMARKS.md, section 0, twentieth round).
pub(crate) struct PartWriter<'a> {
    /// The part's text so far.
    pub(crate) out: &'a mut String,
    /// What each line of the part begins with.
    pub(crate) indent: &'a str,
}

impl PartWriter<'_> {
    /// The part's text with a new line's indentation pushed, for the line's text to follow
    /// (ending in `\n`). Only for lines with text: an empty line has no indentation.
    pub(crate) fn line(&mut self) -> &mut String {
        self.out.push_str(self.indent);
        self.out
    }

    /// Appends the lines of `text` (each ending in `\n`), each indented but empty ones: for
    /// text made whole (tests).
    #[cfg(test)]
    pub(crate) fn push_lines(&mut self, text: &str) {
        push_indented_lines(self.out, text, self.indent);
    }
}

impl MadeText {
    /// The lines that `write` makes of the parts `0..parts`, made from `rows` rows in all.
    /// `write` must make the same text of a part each time it is asked.
    pub(crate) fn new(
        rows: usize,
        parts: usize,
        write: impl Fn(usize, &mut PartWriter<'_>) + Send + Sync + 'static,
    ) -> MadeText {
        MadeText { rows, parts, write: Arc::new(write) }
    }

    /// The lines that `write` makes of `rows` rows (or groups of them) when read, a part for
    /// every [`ROWS_PER_PART`] of them: `write` appends the lines of the rows in the range it
    /// is given, and never sees the others.
    pub(crate) fn of_rows(
        rows: usize,
        write: impl Fn(Range<usize>, &mut PartWriter<'_>) + Send + Sync + 'static,
    ) -> MadeText {
        MadeText::new(rows, rows.div_ceil(ROWS_PER_PART), move |part, out| {
            let start = part * ROWS_PER_PART;
            write(start..(start + ROWS_PER_PART).min(rows), out);
        })
    }

    /// `read` of each part's text from part `first` on, in order, made with `indent` before
    /// every line, until the first error it returns. The threads that make the parts indent
    /// them too ([`PartWriter`]).
    fn try_for_each_part_from<E>(
        &self,
        first: usize,
        indent: &str,
        read: impl FnMut(&str) -> Result<(), E>,
    ) -> Result<(), E> {
        let parts = self.parts.saturating_sub(first);
        let make = |index, out: &mut String| {
            (self.write)(first + index, &mut PartWriter { out, indent });
        };
        // The rows the parts left are made of, for the number of threads that pays.
        let rows = (self.rows * parts).checked_div(self.parts).unwrap_or(0);
        parallel::ordered(rows, parts, make, read)
    }
}

/// Appends the lines of `text` to `out`, each with `indent` before it but empty ones.
fn push_indented_lines(out: &mut String, text: &str, indent: &str) {
    for line in lines(text) {
        out.push_str(indentation(line, indent));
        out.push_str(line);
    }
}

impl fmt::Debug for MadeText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MadeText").field("rows", &self.rows).field("parts", &self.parts).finish()
    }
}

/// How many rows (or groups of rows) make one part of [`MadeText::of_rows`]: parts of a few
/// kilobytes (a code a row) to more than half a megabyte (a variant's rustdoc a row), made on
/// every core while a file is read, few enough that handing each over costs nothing next to
/// making it, and most of them large enough to be written as they are, a write each, which
/// the page cache takes in large pieces (`regen`'s `WRITE_CHUNK`). Parts of 512 rows rather
/// than 256 took one edit at 100k rows from 0.380 to 0.340 s (medians of 40 alternated
/// runs), for 7 MB more memory at its peak; parts of 1,024 rows were no quicker and took
/// 11 MB more than those of 512 (BENCHMARKS.md, section 0, thirty-sixth round).
const ROWS_PER_PART: usize = 512;

/// The indentation a made piece's `line` is read with: `indent`, but none on an empty
/// line (formatting leaves no trailing spaces).
fn indentation<'i>(line: &str, indent: &'i str) -> &'i str {
    if line == "\n" { "" } else { indent }
}

/// The size of the blocks [`FileText::try_for_each_block`] gathers small pieces and parts into.
const BLOCK: usize = 1 << 16;

/// The widest indentation a made piece has: deeper is read as this deep. Generated rows
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
    }

    /// Appends the lines of `text` (each ending in `\n`) with `width` spaces before each line
    /// but empty ones.
    pub fn push_indented(&mut self, text: &str, width: usize) {
        let mut indented = String::with_capacity(text.len());
        push_indented_lines(&mut indented, text, &SPACES[..width.min(SPACES.len())]);
        self.push_str(&indented);
    }

    /// Appends the lines `text` makes when read, with `width` spaces before each line.
    pub(crate) fn push_made(&mut self, text: MadeText, width: usize) {
        self.pieces.push(Piece::Made { text, width: width.min(SPACES.len()) });
    }

    /// Calls `f` with the text in order, in few large slices: each plain piece, and each part
    /// of lines made when read (indented as they are made), as it is; small ones gathered
    /// with their neighbours into blocks of up to 64 KiB. Comparing or writing such slices is
    /// a `memcmp` or a `write` each. Stops at the first error `f` returns.
    pub fn try_for_each_block<E>(
        &self,
        mut f: impl FnMut(&[u8]) -> Result<(), E>,
    ) -> Result<(), E> {
        self.try_for_each_block_from(Place::START, |_, block| f(block))
    }

    /// [`FileText::try_for_each_block`] from `from` on, each slice with the place it starts
    /// at: the parts before `from` are not made at all.
    pub(crate) fn try_for_each_block_from<E>(
        &self,
        from: Place,
        mut f: impl FnMut(Place, &[u8]) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut block = Block { bytes: Vec::with_capacity(BLOCK), start: from };
        // The place of the next piece or part, and the count of those in the pieces before.
        let mut at = from;
        let mut before = 0;
        for piece in &self.pieces {
            let items = piece.items();
            let skipped = from.item.saturating_sub(before).min(items);
            before += items;
            if skipped == items {
                continue;
            }
            let mut push = |text: &str| {
                block.push(at, text, &mut f)?;
                at = Place { item: at.item + 1, bytes: at.bytes + text.len() as u64 };
                Ok(())
            };
            match piece {
                Piece::Plain(text) => push(text)?,
                Piece::Made { text, width } => {
                    text.try_for_each_part_from(skipped, &SPACES[..*width], push)?;
                }
            }
        }
        block.flush(&mut f)
    }

    /// The whole text as one string: borrowed where it is one plain piece already.
    pub fn as_one_str(&self) -> Cow<'_, str> {
        self.as_one_str_sized(0)
    }

    /// [`FileText::as_one_str`], made (where the text is in pieces) into a string of
    /// `size_hint` bytes' room: about the text's length, where the caller knows it, so that
    /// a large text is not grown by doubling, each time copied into fresh memory, as it is made.
    pub fn as_one_str_sized(&self, size_hint: usize) -> Cow<'_, str> {
        match self.pieces.as_slice() {
            [] => Cow::Borrowed(""),
            [Piece::Plain(text)] => Cow::Borrowed(text),
            _ => {
                let mut text = String::with_capacity(size_hint);
                // Writing to a `String` does not fail, nor does a text's `Display`.
                let _ = fmt::Write::write_fmt(&mut text, format_args!("{self}"));
                Cow::Owned(text)
            }
        }
    }

    /// Writes the text to `out` in large writes, whatever the size of its pieces.
    pub fn write_to(&self, out: impl Write) -> io::Result<()> {
        self.write_from_to(Place::START, out)
    }

    /// Writes the text from `from` on to `out`, as [`FileText::write_to`] does.
    pub(crate) fn write_from_to(&self, from: Place, mut out: impl Write) -> io::Result<()> {
        self.try_for_each_block_from(from, |_, block| out.write_all(block))?;
        out.flush()
    }
}

/// A place in a [`FileText`] where reading it can start: the start of one of its pieces, or
/// of a part of its made lines. Comparing a text with the file it replaces finds the last
/// such place before they differ; writing the text then copies the file up to there and makes
/// only the rest (`sync`): a cell edited near the end of a large table then costs no more
/// than one near the start. A place belongs to the text it was found in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Place {
    /// The pieces and parts before the place: a plain piece counts one, made lines one per
    /// part.
    item: usize,
    /// The bytes of text before the place.
    pub(crate) bytes: u64,
}

impl Place {
    /// The start of every text.
    pub(crate) const START: Place = Place { item: 0, bytes: 0 };
}

impl Piece {
    /// How many places a piece has: one, or one per part of made lines.
    fn items(&self) -> usize {
        match self {
            Piece::Plain(_) => 1,
            Piece::Made { text, .. } => text.parts,
        }
    }
}

/// The block [`FileText::try_for_each_block_from`] gathers lines into.
struct Block {
    bytes: Vec<u8>,
    /// Where the block starts in the text.
    start: Place,
}

impl Block {
    /// Hands the block to `f`, if it holds anything, and empties it.
    fn flush<E>(&mut self, f: &mut impl FnMut(Place, &[u8]) -> Result<(), E>) -> Result<(), E> {
        let result = if self.bytes.is_empty() { Ok(()) } else { f(self.start, &self.bytes) };
        self.bytes.clear();
        result
    }

    /// Gathers `text`, which starts at `at`, whole where it fits, else hands the block and
    /// then `text` to `f`.
    fn push<E>(
        &mut self,
        at: Place,
        text: &str,
        f: &mut impl FnMut(Place, &[u8]) -> Result<(), E>,
    ) -> Result<(), E> {
        if self.bytes.len() + text.len() <= BLOCK {
            if self.bytes.is_empty() {
                self.start = at;
            }
            self.bytes.extend_from_slice(text.as_bytes());
            return Ok(());
        }
        self.flush(f)?;
        f(at, text.as_bytes())
    }
}

impl From<String> for FileText {
    fn from(text: String) -> Self {
        FileText { pieces: vec![Piece::Plain(text)] }
    }
}

impl From<&str> for FileText {
    fn from(text: &str) -> Self {
        FileText::from(text.to_owned())
    }
}

impl fmt::Display for FileText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Every block holds whole pieces or whole lines of `str`s, so it is UTF-8.
        self.try_for_each_block(|block| {
            f.write_str(std::str::from_utf8(block).map_err(|_| fmt::Error)?)
        })
    }
}

impl PartialEq for FileText {
    fn eq(&self, other: &FileText) -> bool {
        self.as_one_str() == other.as_one_str()
    }
}

impl Eq for FileText {}

impl PartialEq<str> for FileText {
    fn eq(&self, other: &str) -> bool {
        self.as_one_str() == other
    }
}

impl PartialEq<&str> for FileText {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces() -> FileText {
        let mut text = FileText::new();
        text.push_str("enum E {\n");
        text.push_indented("/// A\nA,\n\nB,\n", 4);
        text.push_str("}\n");
        text.push_str("const X: u8 = 1;\n");
        text
    }

    #[test]
    fn indented_pieces_read_with_their_indentation_except_on_empty_lines() {
        let expected = "enum E {\n    /// A\n    A,\n\n    B,\n}\nconst X: u8 = 1;\n";
        let text = pieces();
        assert_eq!(text.to_string(), expected);
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
        text.push_indented(&short, 8);
        text.push_str("}\n");
        text.push_indented(&format!("{}\nend", "x".repeat(3 * BLOCK)), 4);
        text.push_str(&"y".repeat(2 * BLOCK));
        text.push_indented("\na\n", 2);
        let (joined, sizes) = blocks(&text);
        assert_eq!(joined, text.to_string());
        assert!(sizes.len() < 20, "{} blocks", sizes.len());
        assert!(sizes.iter().all(|&size| size > 0));
        let one_block = pieces().to_string().len();
        assert_eq!(blocks(&pieces()), (pieces().to_string(), vec![one_block]));
        assert_eq!(blocks(&FileText::new()).1, Vec::<usize>::new());
    }

    #[test]
    fn the_first_error_stops_the_blocks() {
        let mut text = FileText::new();
        text.push_indented(&"a\n".repeat(BLOCK), 4);
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
    }

    #[test]
    fn a_text_in_pieces_is_made_one_with_the_room_asked_for() {
        let mut text = pieces();
        text.push_made(made(3, 2), 4);
        let whole = text.to_string();
        for size_hint in [0, whole.len() / 2, whole.len(), whole.len() * 2] {
            let Cow::Owned(one) = text.as_one_str_sized(size_hint) else { panic!("made") };
            assert_eq!(one, whole);
            assert!(one.capacity() >= size_hint.max(whole.len()), "{size_hint}");
        }
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
        text.push_indented("c\n", 2);
        assert_eq!(text.pieces.len(), 1);
        assert_eq!(text, "ab  c\n");
    }

    /// Lines made when read: part `index` of `parts` is `rows` lines, the last one empty.
    fn made(rows: usize, parts: usize) -> MadeText {
        MadeText::new(rows * parts, parts, move |index, out| {
            for row in 0..rows {
                out.line().push_str(&format!("P{index}R{row},\n"));
            }
            out.push_lines("\n");
        })
    }

    #[test]
    fn made_lines_read_as_made_in_order_and_indented() {
        // Enough rows for every core, a part larger than a block, and a part of one line.
        for (rows, parts) in [(1, 0), (1, 1), (3, 2), (2_000, 40), (20_000, 3)] {
            let mut text = pieces();
            text.push_made(made(rows, parts), 4);
            text.push_str("}\n");
            let mut expected = pieces().to_string();
            for index in 0..parts {
                (0..rows).for_each(|row| expected.push_str(&format!("    P{index}R{row},\n")));
                expected.push('\n');
            }
            expected.push_str("}\n");
            assert_eq!(blocks(&text).0, expected, "{rows} rows, {parts} parts");
            assert_eq!(text.to_string(), expected);
            assert_eq!(text.clone(), text, "a clone makes the same lines");
        }
    }

    #[test]
    fn a_part_made_while_making_another_is_indented_as_alone() {
        let mut inner = FileText::new();
        inner.push_made(made(2, 1), 2);
        let inner_text = inner.to_string();
        let mut outer = FileText::new();
        outer.push_made(MadeText::new(1, 1, move |_, out| out.push_lines(&inner.to_string())), 4);
        let expected: String = inner_text
            .lines()
            .map(|line| match line {
                "" => "\n".to_owned(),
                line => format!("    {line}\n"),
            })
            .collect();
        assert_eq!(outer.to_string(), expected);
    }

    #[test]
    fn reading_from_any_place_a_slice_starts_at_reads_the_rest_and_makes_no_part_before() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let made_parts = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&made_parts);
        let mut text = pieces();
        text.push_made(
            MadeText::new(60 * 2_000, 60, move |index, out| {
                counted.fetch_add(1, Ordering::Relaxed);
                (0..2_000).for_each(|row| out.line().push_str(&format!("P{index}R{row},\n")));
            }),
            4,
        );
        text.push_str("}\n");
        text.push_indented(&"tail\n".repeat(BLOCK), 2);
        let whole = text.to_string();
        let mut places = Vec::new();
        text.try_for_each_block_from(Place::START, |place, block| {
            places.push((place, block.len()));
            Ok::<(), ()>(())
        })
        .unwrap();
        assert!(places.len() > 3, "{} slices", places.len());
        let mut expected_start = 0;
        for &(place, len) in &places {
            assert_eq!(place.bytes, expected_start, "slices follow each other");
            expected_start += len as u64;
            made_parts.store(0, Ordering::Relaxed);
            let mut rest = Vec::new();
            text.write_from_to(place, &mut rest).unwrap();
            assert_eq!(rest, whole.as_bytes()[place.bytes as usize..], "from {place:?}");
            // Item 0 is the first plain piece, 1 to 60 the parts, 61 the last plain piece.
            let parts_before = place.item.saturating_sub(1).min(60);
            assert_eq!(made_parts.load(Ordering::Relaxed), 60 - parts_before, "from {place:?}");
        }
        assert_eq!(expected_start, whole.len() as u64);
    }

    #[test]
    fn an_error_stops_made_lines_part_way() {
        let mut text = FileText::new();
        text.push_made(made(2_000, 40), 4);
        let mut calls = 0;
        let stopped = text.try_for_each_block(|block| {
            calls += 1;
            if String::from_utf8_lossy(block).contains("P20R0,") { Err(calls) } else { Ok(()) }
        });
        assert!(matches!(stopped, Err(at) if at == calls && at > 1), "{stopped:?}");
    }
}
