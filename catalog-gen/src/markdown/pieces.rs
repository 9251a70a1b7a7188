//! A large page read in pieces, side by side: each piece a run of a table's rows read behind a
//! copy of the table's header. pulldown-cmark then holds one piece's tree at a time rather than
//! the page's (hundreds of megabytes at 200k rows, all of it fresh memory to be zeroed, and
//! read back from memory rather than cache), and the pieces are read on every core.
//!
//! The pieces give exactly the page's events, or the page is read whole. The stages:
//!
//! 1. **Where to cut** ([`Pieces`]): a guess, from the lines alone. Inside a run of lines that
//!    begin with `|` under a header and a delimiter row, pulldown-cmark's whole state is the
//!    table and its header: what it reads from there on is what it would read from the header
//!    followed by those lines. A page with a reference or footnote definition (`]:`) is not
//!    cut at all: a label used in one piece could be defined in another.
//! 2. **Reading** ([`read_piece`]): the first piece is the page's text up to the first cut;
//!    each other piece is its table's header followed by the page's lines up to the next cut,
//!    read as a page of its own, each cell and event put back on the page's text as it is
//!    read ([`Onto`]): byte ranges moved, strings borrowed from the piece borrowed from the
//!    page instead.
//! 3. **Joining** ([`join`]): each piece continues the table the piece before it left open,
//!    which checks the guess: that piece must end inside the very table the cut was guessed in
//!    (its last block, at the top level, running to the cut), and the next piece must begin
//!    with it. pulldown-cmark also stops padding short rows past a number of missing cells,
//!    counted over the whole table: a joined table must stay under it. Where any check fails,
//!    the page is read whole.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Parser, TagEnd};

use super::{Heading, Keep, Kept, PARSER_OPTIONS, Page, Rebase, Table, Whole};
use crate::parallel;

/// About how many bytes of the page a piece holds: a piece's tree stays within a core's
/// cache, and a page of this size or less is read whole.
pub const PIECE_BYTES: usize = 256 * 1024;

/// The cells pulldown-cmark pads a table's short rows with, at most, counted over the whole
/// table; past it, the table ends (`MAX_AUTOCOMPLETED_CELLS` in its `firstpass.rs`, against
/// quadratic growth). A table joined from pieces was padded piece by piece, so it must stay
/// within the limit for the pieces to read as the page does.
const MAX_PADDED_CELLS: usize = 1 << 18;

/// A piece as read: where it was cut, its page, and each of its tables' padded cells.
struct ReadPiece<'a> {
    cut: Piece,
    page: Page<'a>,
    padded: Vec<usize>,
}

/// A piece of the page: its `body`, read behind a copy of the table's `header` (the header
/// and delimiter rows, through the delimiter row's line end; empty for the first piece).
#[derive(Clone, Debug, PartialEq)]
struct Piece {
    header: Range<usize>,
    body: Range<usize>,
}

/// `source` read in pieces of about `piece_bytes` each, with the cells kept as `new_keep`'s
/// policy says, exactly as [`super::parse_keeping`] reads it whole; `None` where the page is
/// not cut (too small, no large table, a definition) or a cut fails its check.
pub fn read<'a, K: Keep>(
    source: &'a str,
    new_keep: &(impl Fn() -> K + Sync),
    piece_bytes: usize,
) -> Option<Page<'a>> {
    let mut pieces = Pieces::new(source, piece_bytes)?;
    // A page of one piece is read whole, as it would be.
    let first = pieces.next().filter(|first| first.body.end < source.len())?;
    let read = parallel::map_taken(
        std::iter::once(first).chain(pieces),
        || (new_keep(), String::new()),
        |(keep, text), piece| {
            let page = read_piece(source, &piece, keep, text);
            // Counted while the piece's cells are in the cache: counted over the joined
            // tables, they were read back from memory on one core, between the parse and
            // the stages after it.
            let padded = page.tables.iter().map(padded_cells).collect();
            ReadPiece { cut: piece, page, padded }
        },
    );
    let page = join(source, read)?;
    // A table whose delimiter row GitHub reads as text: the page is read whole, and again
    // without that table (`loose_delimiters`).
    super::loose_delimiters::read_as_text(source, &page.tables).bytes.is_empty().then_some(page)
}

/// The pieces of a page, cut as they are taken: the lines are scanned only as far as the next
/// cut, so that the scan is spread over the threads that read the pieces. A cut is at the
/// start of a line that begins with `|`, inside a run of such lines that starts with a header
/// row and a delimiter row, after at least one body row.
struct Pieces<'a> {
    bytes: &'a [u8],
    piece_bytes: usize,
    /// Where the next piece starts, and the header it is read behind; `None` once the last
    /// piece is taken.
    next: Option<(usize, Range<usize>)>,
    /// The start of the next line to scan.
    line: usize,
    /// Where the line before `line` starts, if it begins with `|`.
    previous: Option<usize>,
    /// The header of the run of lines beginning with `|` that `line` continues, once a
    /// delimiter row has followed its first line.
    header: Option<Range<usize>>,
}

impl<'a> Pieces<'a> {
    /// The pieces of `source`, the first from where it is read whole ([`Whole::of`]); none
    /// for a page that could define a link label.
    fn new(source: &'a str, piece_bytes: usize) -> Option<Self> {
        let bytes = source.as_bytes();
        if memchr::memmem::find(bytes, b"]:").is_some() {
            return None;
        }
        let start = Whole::of(source).start;
        let next = Some((start, 0..0));
        Some(Pieces { bytes, piece_bytes, next, line: start, previous: None, header: None })
    }

    /// The next cut at or after `from`, and the header its piece is read behind; `None` where
    /// the rest of the page is less than half a piece, or has no place to cut.
    fn cut(&mut self, from: usize) -> Option<(usize, Range<usize>)> {
        let bytes = self.bytes;
        // The last piece is not cut smaller than half the others.
        let last_cut = bytes.len().checked_sub(self.piece_bytes / 2)?;
        while self.line < bytes.len() && self.line <= last_cut {
            let start = self.line;
            let end =
                memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |at| start + at + 1);
            self.line = end;
            if bytes.get(start) != Some(&b'|') {
                (self.previous, self.header) = (None, None);
                continue;
            }
            let previous = self.previous.replace(start);
            match (&self.header, previous) {
                (Some(header), _) if start > header.end && start >= from => {
                    return Some((start, header.clone()));
                }
                (None, Some(previous)) if super::lines::is_delimiter_row(&bytes[start..end]) => {
                    self.header = Some(previous..end);
                }
                _ => {}
            }
        }
        None
    }
}

impl Iterator for Pieces<'_> {
    type Item = Piece;

    fn next(&mut self) -> Option<Piece> {
        let (start, header) = self.next.take()?;
        self.next = self.cut(start + self.piece_bytes.max(1));
        let end = self.next.as_ref().map_or(self.bytes.len(), |(at, _)| *at);
        Some(Piece { header, body: start..end })
    }
}

/// `piece` of `source` read and put back on `source`; `text` is where the piece is copied to,
/// where it is read from a copy: behind its table's header, or with what pulldown-cmark reads
/// otherwise than GitHub rewritten ([`super::read_otherwise`]).
fn read_piece<'a>(source: &'a str, piece: &Piece, keep: &impl Keep, text: &mut String) -> Page<'a> {
    let Piece { header, body } = piece;
    text.clear();
    let rewritten = if header.is_empty() {
        let piece = &source[body.clone()];
        let rewritten = super::read_otherwise(piece, &[], &[]);
        if rewritten.is_empty() {
            let mut events = Parser::new_ext(piece, PARSER_OPTIONS).into_offset_iter();
            return super::read_page(piece, &mut events, keep, &Whole::from(source, body.start));
        }
        text.push_str(piece);
        rewritten
    } else {
        text.push_str(&source[header.clone()]);
        text.push_str(&source[body.clone()]);
        super::read_otherwise(text, &[], &[])
    };
    super::rewrite(text, &rewritten);
    let mut events = Parser::new_ext(text, PARSER_OPTIONS).into_offset_iter();
    let onto =
        Onto { page: source, piece: text, header: header.len(), body: body.start, rewritten };
    super::read_page(text, &mut events, keep, &onto)
}

/// Puts what was read from a piece back on the page's text: the piece is `header` bytes of
/// the table's header, then the page's text from `body` on, but for the `rewritten` ranges (of
/// the piece) that pulldown-cmark would read otherwise than GitHub ([`super::read_otherwise`]).
pub(super) struct Onto<'a, 'p> {
    page: &'a str,
    piece: &'p str,
    header: usize,
    body: usize,
    rewritten: Vec<Range<usize>>,
}

impl<'a, 'p> Onto<'a, 'p> {
    /// The page's text from `body` on, read from `copy`, where `rewritten` runs are written
    /// otherwise.
    pub(super) fn rewritten(
        page: &'a str,
        copy: &'p str,
        body: usize,
        rewritten: Vec<Range<usize>>,
    ) -> Self {
        Onto { page, piece: copy, header: 0, body, rewritten }
    }

    /// The page's offset of the piece's `offset`. In the header, it is a place before the
    /// body that means nothing: what is read there (the header's cells, the table's start)
    /// is left out when the pieces are joined.
    fn at(&self, offset: usize) -> usize {
        offset + self.body - self.header
    }

    /// A string borrowed from the piece's copy of the page, borrowed from the page instead;
    /// any other string owned.
    fn cow<'e>(&self, cow: CowStr<'e>) -> CowStr<'a> {
        if let CowStr::Borrowed(text) = cow {
            let offset = (text.as_ptr() as usize).wrapping_sub(self.piece.as_ptr() as usize);
            if (self.header..=self.piece.len()).contains(&offset)
                && offset + text.len() <= self.piece.len()
            {
                return CowStr::Borrowed(&self.page[self.at(offset)..][..text.len()]);
            }
        }
        cow.into_static()
    }
}

impl<'a, 'p> Rebase<'a, 'p> for Onto<'a, 'p> {
    fn page(&self) -> &'a str {
        self.page
    }

    fn range(&self, range: Range<usize>) -> Range<usize> {
        self.at(range.start)..self.at(range.end)
    }

    fn event(&self, (event, range): (Event<'p>, Range<usize>)) -> (Event<'a>, Range<usize>) {
        // Owned: besides the rows, a piece has few events (its table's start and end, what
        // follows the table). Text, as the page writes it: a run rewritten is text.
        let event = match event {
            Event::Text(text) => Event::Text(self.cow(text)),
            event => event.into_static(),
        };
        (event, self.range(range))
    }

    fn kept(&self, kept: Kept<'p>) -> Kept<'a> {
        super::moved_kept(self, kept, |text| self.cow(text))
    }

    fn rewritten(&self, range: &Range<usize>) -> bool {
        self.rewritten.iter().any(|run| run.start < range.end && range.start < run.end)
    }
}

/// The pieces read from `source` joined into the page; `None` where a cut was not inside the
/// table it was guessed to be in ([module docs](self)).
fn join<'a>(source: &'a str, pieces: Vec<ReadPiece<'a>>) -> Option<Page<'a>> {
    let rows = rows_joined(&pieces);
    let mut pieces = pieces.into_iter();
    let ReadPiece { mut page, mut padded, .. } = pieces.next()?;
    page.source = source;
    // The tables joined from pieces, by index, each with room made for the rows it gets.
    let mut joined: Vec<usize> = Vec::new();
    for ReadPiece { cut, page: mut piece, padded: piece_padded } in pieces {
        let open = page.tables.len().checked_sub(1)?;
        if !ends_inside(&page, open, &cut) || piece.tables.first()?.events.start != 0 {
            return None;
        }
        if joined.last() != Some(&open) {
            page.tables[open].rows.reserve(rows.get(joined.len()).copied().unwrap_or(0));
            joined.push(open);
        }
        let continued = piece.tables.remove(0);
        // `padded` follows `page.tables`: the table continued gets the piece's first count.
        *padded.get_mut(open)? += piece_padded.first()?;
        padded.extend(piece_padded.get(1..)?);
        // The piece's events after its table's start follow the page's, less the table's
        // end at the cut.
        page.events.pop();
        let shift = page.events.len() - 1;
        page.events.extend(piece.events.drain(1..));
        let table = &mut page.tables[open];
        table.rows.extend(continued.rows);
        table.span.end = continued.span.end;
        table.events.end = shift + continued.events.end;
        let (span, events, heading) = (table.span.clone(), table.events.clone(), &table.heading);
        // A table with no heading above it in its piece is under the heading above the table
        // the piece continues.
        let carried = heading.clone();
        page.events[events.start].1 = span.clone();
        page.events[events.end - 1].1 = span;
        let moved = |heading: Heading| Heading {
            events: heading.events.start + shift..heading.events.end + shift,
            ..heading
        };
        if page.title.is_none() {
            page.title = piece.title.map(moved);
        }
        page.tables.extend(piece.tables.into_iter().map(|table| Table {
            events: table.events.start + shift..table.events.end + shift,
            heading: table.heading.map(moved).or_else(|| carried.clone()),
            caption: table.caption.map(moved),
            ..table
        }));
    }
    let within = |index: &usize| padded.get(*index).is_some_and(|&cells| cells <= MAX_PADDED_CELLS);
    joined.iter().all(within).then_some(page)
}

/// How many of `table`'s cells pulldown-cmark padded its short rows with.
fn padded_cells(table: &Table<'_>) -> usize {
    table.rows.iter().flat_map(|row| &row.cells).filter(|cell| cell.missing).count()
}

/// Whether `page`, read up to `cut`, ends inside its table `open` and that table is the one
/// under the cut's header: the table is its last block, running to the cut.
fn ends_inside(page: &Page<'_>, open: usize, cut: &Piece) -> bool {
    let table = &page.tables[open];
    let ends_at_cut = |(event, range): &(Event<'_>, Range<usize>)| {
        matches!(event, Event::End(TagEnd::Table)) && range.end == cut.body.start
    };
    page.events.last().is_some_and(ends_at_cut)
        && table.events.end == page.events.len()
        && table.span.start == cut.header.start
}

/// The rows each table joined from pieces gets from the pieces after the first, in order: a
/// run of pieces continues one table until a piece holds a table of its own. Room is made for
/// them at once: grown by doubling, 200k rows would be copied over and over.
fn rows_joined(pieces: &[ReadPiece<'_>]) -> Vec<usize> {
    let mut rows = vec![0];
    for ReadPiece { page: piece, .. } in pieces.iter().skip(1) {
        if let (Some(table), Some(last)) = (piece.tables.first(), rows.last_mut()) {
            *last += table.rows.len();
        }
        if piece.tables.len() > 1 {
            rows.push(0);
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::rustdoc::Keeper;

    /// The page as read whole, with the cells keeping edits (`plain_base`) or events.
    fn whole(source: &str, plain_base: bool) -> Page<'_> {
        super::super::read_whole(source, &[], || Keeper::new(plain_base))
    }

    /// The page as read in pieces of `piece_bytes`, if it is.
    fn in_pieces(source: &str, plain_base: bool, piece_bytes: usize) -> Option<Page<'_>> {
        read(source, &|| Keeper::new(plain_base), piece_bytes)
    }

    /// Asserts that `pieces` reads as `whole`, every string and range, showing where they
    /// part. A string may be owned in one and borrowed in the other.
    fn assert_reads_as(pieces: &Page<'_>, whole: &Page<'_>, what: &dyn std::fmt::Display) {
        if pieces != whole {
            let (pieces, whole) = (format!("{pieces:#?}"), format!("{whole:#?}"));
            let diff = similar::TextDiff::from_lines(&whole, &pieces);
            panic!("{what} read otherwise:\n{}", diff.unified_diff().context_radius(6));
        }
    }

    /// Whether `source`, in pieces of every size up to the page's, reads as it does whole;
    /// how many sizes cut it.
    fn reads_as_whole(source: &str) -> usize {
        let mut cut = 0;
        for plain_base in [true, false] {
            let whole = whole(source, plain_base);
            for piece_bytes in 1..=source.len() {
                if let Some(pieces) = in_pieces(source, plain_base, piece_bytes) {
                    let what = format!("{piece_bytes}-byte pieces of:\n{source}\n");
                    assert_reads_as(&pieces, &whole, &what);
                    cut += 1;
                }
            }
        }
        cut
    }

    const HEAD: &str = "# Codes<a name=\"codes\"></a>\n\nIntro [link](a.md).\n\n**Codes**\n\n\
                        | Code | Name | Notes |\n| --- | :-- | --: |\n";

    #[test]
    fn a_large_page_reads_in_pieces_as_whole() {
        let docs = crate::synth::docs(600, 1, "out", &[]);
        let source = docs.pages[0].1.as_str();
        for plain_base in [true, false] {
            let whole = whole(source, plain_base);
            for piece_bytes in [1, 700, 5000, 60_000] {
                let pieces = in_pieces(source, plain_base, piece_bytes).expect("cut");
                assert_reads_as(&pieces, &whole, &format!("{piece_bytes}-byte pieces"));
            }
        }
        assert_eq!(
            in_pieces(source, true, source.len()),
            None,
            "a page of one piece is read whole"
        );
    }

    #[test]
    fn rows_of_any_shape_read_in_pieces_as_whole() {
        let rows = [
            "| 1 | a | plain |\n",
            "| 2 | b |\n",
            "| 3 | c | d | dropped |\n",
            "| 4 | `a \\| b` | code \\| pipe |\n",
            "| 5 | <a name=\"x\"></a>e | [rel](b.md) and [abs](https://x.test/) |\n",
            "| 6 | f | <!-- open |\n",
            "| 7 | g | closed --> [^1] [ref][r] [r] |\n",
            "| 8 | h | ![img](i.png \"title\") <br> **b** _i_ |\n",
            "| 9 | é | tab\there |\r\n",
            "|   |   |   |\n",
            "| --- | --- | --- |\n",
            "|\n",
        ];
        let mut source = HEAD.to_owned();
        for _ in 0..3 {
            rows.iter().for_each(|row| source.push_str(row));
        }
        assert!(reads_as_whole(&source) > 0, "the rows are cut");
    }

    #[test]
    fn what_ends_a_table_reads_in_pieces_as_whole() {
        let rows = "| 1 | a | b |\n| 2 | c | d |\n| 3 | e | f |\n";
        let ends = [
            "",
            "\n",
            "\nAfter.\n",
            "# Next\n\n| A | B |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n",
            "**Second**\n| A | B |\n|---|---|\n| 1 | 2 |\n",
            "> quote\n| not | a row |\n",
            "- item\n\n  | in | list |\n  |---|---|\n",
            "- item\n\n  | in | list |\n  |---|---|\n  | 1 | 2 |\n",
            "> | in | quote |\n> |---|---|\n> | 1 | 2 |\n| 3 | after the quote |\n",
            "```\n| in | code |\n|---|---|\n| x | y |\n```\n",
            "<div>\n| html | block |\n|---|---|\n</div>\n",
            "    indented code\n",
            "    | 4 | indented as code |\n| 5 | after it |\n",
            "    | 4 | indented as code |\n| X | Y |\n|---|---|\n| 5 | 6 |\n| 7 | 8 |\n",
            "\t| 4 | a tab |\n",
            "---\n",
            "1. one\n2. two\n",
            "| 4 | no final newline |",
        ];
        // A table interrupts a paragraph: its header is not the paragraph's.
        assert!(reads_as_whole(&format!("Text\n| a | b |\n|---|---|\n{rows}{rows}")) > 0);
        for end in ends {
            let source = format!("{HEAD}{rows}{rows}{end}");
            assert!(reads_as_whole(&source) > 0, "cut before:\n{end}");
        }
    }

    #[test]
    fn a_page_with_a_byte_order_mark_reads_in_pieces_as_whole() {
        let rows = "| 1 | a | b |\n| 2 | c | d |\n| 3 | e | f |\n";
        for page in [
            format!("\u{feff}{HEAD}{rows}{rows}"),
            format!("\u{feff}| A | B |\n|---|---|\n{rows}{rows}"),
        ] {
            assert!(reads_as_whole(&page) > 0, "{page}");
            let header = &whole(&page, true).tables[0].header[0];
            assert_eq!(&page[header.span.clone()], &*header.text);
        }
    }

    #[test]
    fn pages_that_pieces_could_read_otherwise_are_read_whole() {
        let rows = "| 1 | a | [x][label] |\n".repeat(8);
        for page in [
            format!("{HEAD}{rows}\n[label]: https://x.test/\n"),
            format!("{HEAD}{rows}\n[^label]: A footnote.\n"),
        ] {
            assert_eq!(in_pieces(&page, true, 1), None, "{page}");
        }
        // Lines that look like a table under a header, inside an HTML block: the cut is
        // guessed, and its check leaves the page whole.
        let html = format!("<div>\n| a | b |\n|---|---|\n{rows}");
        assert!(Pieces::new(&html, 1).unwrap().count() > 1);
        assert_eq!(in_pieces(&html, true, 1), None);
        assert_eq!(reads_as_whole(&html), 0);
        // A delimiter row that GitHub reads as text (`loose_delimiters`): no table on GitHub,
        // where each piece reads one.
        let loose = format!("| Code | Name | Notes |\n|: -- | --- | --- |\n{rows}");
        assert!(Pieces::new(&loose, 1).unwrap().count() > 1);
        assert_eq!(in_pieces(&loose, true, 1), None);
        assert!(whole(&loose, true).tables.is_empty());
    }

    #[test]
    fn a_table_padded_past_pulldown_cmarks_limit_is_read_whole() {
        // Five columns, rows of one cell: four padded cells a row.
        let page = |rows: usize| format!("|a|b|c|d|e|\n|-|-|-|-|-|\n{}", "|x\n".repeat(rows));
        let over = page(MAX_PADDED_CELLS / 4 + 10);
        let rows = whole(&over, true).tables[0].rows.len();
        assert_eq!(rows, MAX_PADDED_CELLS / 4 + 1, "pulldown-cmark ends the table early");
        assert_eq!(in_pieces(&over, true, 4096), None);
        let under = page(MAX_PADDED_CELLS / 4);
        let pieces = in_pieces(&under, true, 4096).expect("cut");
        assert_reads_as(&pieces, &whole(&under, true), &"a table padded to the limit");
    }

    #[test]
    fn real_pages_read_in_pieces_as_whole() {
        let pages = [
            include_str!("../../../docs-src/mediaconvert/error-codes.md"),
            include_str!("../../../docs-src/mediatailor/playback-errors-client.md"),
            include_str!(
                "../../../xtask/tests/corpus/pages/amazon-chime-sdk-developer-guide/handle-disconnects.md"
            ),
            include_str!(
                "../../../xtask/tests/corpus/pages/amazon-glacier-developer-guide/api-error-responses.md"
            ),
            include_str!(
                "../../../xtask/tests/corpus/pages/amazon-s3-userguide/replication-failure-codes.md"
            ),
            include_str!("../../../xtask/tests/corpus/pages/aws-iot-docs/iot-errors.md"),
            include_str!(
                "../../../xtask/tests/corpus/pages/aws-elemental-mediaconvert-user-guide/warning_codes.md"
            ),
            include_str!("../../../xtask/tests/fixtures/quirks/pages/device-errors.md"),
            include_str!("../../../xtask/tests/fixtures/odd.md"),
            include_str!("../../tests/history/mediaconvert/00-2019-02-11-e721d17.md"),
            include_str!("../../tests/history/mediaconvert/10-2023-04-18-39c9e88.md"),
        ];
        let mut uncut = Vec::new();
        for (index, source) in pages.into_iter().enumerate() {
            for plain_base in [true, false] {
                let whole = whole(source, plain_base);
                for piece_bytes in [1, 50, 300, 2000, 10_000] {
                    match in_pieces(source, plain_base, piece_bytes) {
                        Some(pieces) => {
                            let what = format!("page {index} in {piece_bytes}-byte pieces");
                            assert_reads_as(&pieces, &whole, &what);
                        }
                        None if piece_bytes == 1 => uncut.push(index),
                        None => {}
                    }
                }
            }
        }
        // Every page is cut, but the one that defines a link label (`[x]: ...`).
        assert_eq!(uncut, [7, 7]);
    }

    /// Lines of a table's body.
    fn row() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "| 1 | a |\n",
            "| 2 | [b](x.md) `c|d` |\n",
            "| 3 |\n",
            "| 4 | e | f |\n",
            "| 5 | <!-- g |\n",
            "| 6 | --> h \\| i |\n",
            "| 7 | [j][k] [^l] [k] |\n",
            "| 8 | [**~ m**](x.md) ~**n**~ |\n",
            "| --- | --- |\n",
            "|\t---\t| --- |\n",
        ])
    }

    /// Lines that pages are made of: a table's rows, or anything else.
    fn line() -> impl Strategy<Value = &'static str> {
        let other = prop::sample::select(vec![
            "| Code | Name |\n",
            "|:-:|\n",
            "| 7 | [j][k] [^l] |\n",
            "|\n",
            "\n",
            "# Heading\n",
            "**Caption**\n",
            "Text | with pipe\n",
            "- item\n",
            "  | nested | row |\n",
            "  | --- | --- |\n",
            "> quote\n",
            "> | Code | Name |\n",
            "> | --- | --- |\n",
            "> | 1 | quoted |\n",
            "```\n",
            "<div>\n",
            "    code\n",
            "| --- | --- |\n",
            "Code | Name\n",
            "--- | ---\n",
            "---\t| ---\t\n",
        ]);
        prop_oneof![1 => row(), 2 => other]
    }

    #[test]
    fn any_page_reads_in_pieces_as_whole_or_is_read_whole() {
        // Lines around a table whose body is mostly rows: whatever comes before can make it
        // no table (an open code fence, a paragraph), a line of its body can end it, and a
        // link definition after it can define a label a row uses. Some pages start with a
        // byte order mark, and some have tables in block quotes and list items.
        let lines = |count| prop::collection::vec(line(), 0..count);
        let body = prop::collection::vec(prop_oneof![4 => row(), 1 => line()], 0..30);
        let definition = prop::option::weighted(0.2, Just("\n[k]: https://x.test/k\n"));
        let mark = prop::option::weighted(0.2, Just("\u{feff}"));
        // A delimiter row with tabs, which GitHub takes as spaces (`delimiter_tabs`).
        let delimiter = prop::sample::select(vec!["| --- | --- |\n", "|:--\t|\t---\t|\n"]);
        let pages = (mark, lines(10), delimiter, body, lines(10), definition, 1usize..64);
        // Counted, so that the property cannot hold only because no page is cut.
        let cut = std::sync::atomic::AtomicUsize::new(0);
        let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(512));
        let outcome = runner.run(
            &pages,
            |(mark, before, delimiter, body, after, definition, piece_bytes)| {
                let table = format!("| Code | Name |\n{delimiter}");
                let (before, body, after) = (before.concat(), body.concat(), after.concat());
                let (mark, definition) = (mark.unwrap_or(""), definition.unwrap_or(""));
                let source = [mark, &before, &table, &body, &after, definition].concat();
                if let Some(pieces) = in_pieces(&source, true, piece_bytes) {
                    assert_reads_as(&pieces, &whole(&source, true), &format!("{source:?}"));
                    cut.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                }
                Ok(())
            },
        );
        outcome.unwrap();
        let cut = cut.into_inner();
        assert!(cut >= 50, "a tenth of the pages at least are cut: {cut}");
        // Once found by this property: a code fence, then lines of a table that is not one.
        let fence =
            "```\n```\n| Code | Name |\n| --- | --- |\n| Code | Name |\n| Code | Name |\n|\n";
        assert!(reads_as_whole(&format!("{fence}| Code | Name |\n")) > 0);
        // And a run beside a `~` in a table of the lines that GitHub ends another before,
        // which the whole page's reading of runs took for cells dropped past one column.
        let rest = "\u{feff}|:-:|\n|:-:|\n    code\n| 5 | <!-- g |\n| --- | --- |\n\
                    | 2 | [b](x.md) `c|d` |\n| 8 | [**~ m**](x.md) ~**n**~ |\n";
        assert!(reads_as_whole(rest) > 0);
    }
}
