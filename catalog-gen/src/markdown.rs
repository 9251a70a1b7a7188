//! Markdown pages to tables with byte spans, read with pulldown-cmark.
//!
//! This layer knows Markdown and nothing of the manifest: it finds the page's title, every
//! table with the heading and bold caption above it, and every cell's plain text and span.
//! The page reads as GitHub renders it: a table in a block quote or a list item is a table,
//! a byte order mark before the first line is skipped, and a line indented as code or a line
//! of one HTML tag under a table at the top level ends it, the lines from there on read as
//! blocks of the page.

use std::ops::Range;
use std::sync::Arc;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

use crate::parallel;
use rests::Rest;

mod attributes;
mod cell_shapes;
mod crossed_out;
mod delimiter_tabs;
mod folded;
mod footnote_marks;
mod front_matter;
mod html;
mod html_table;
mod lines;
mod loose_delimiters;
mod mdx;
mod pictures;
mod pieces;
mod plain_text;
mod rests;
mod tildes;

pub use attributes::{before_attribute_block, is_attribute_block};
pub use cell_shapes::{
    is_list_separator, line_ranges, listed_code_span_ranges, listed_code_spans, whole_link,
};
pub use crossed_out::is_crossed_out;
pub(crate) use footnote_marks::{footnote_mark_len, is_superscript_digit, without_footnote_marks};
pub use front_matter::FrontMatter;
pub(crate) use html::cut_out;
pub(crate) use html::without_tags;
pub use html::{
    anchor_name, disallowed_tags, is_anchor, is_anchor_close, is_anchor_line, is_blank_comment,
    is_block_tag, is_comment, is_formatting_tag, is_line_break, is_script_url, link_href,
    link_targets, scripting_attributes, tag_filtered, without_scripting_attributes,
};
pub use mdx::{Dialect, hidden_blocks, is_mdx};
pub(crate) use pictures::{is_emoji_shortcode, is_one_image, without_emoji_shortcodes};
pub use plain_text::plain_text;
use plain_text::text_and_extras;
pub(crate) use plain_text::trim_from;

/// The Markdown extensions the pages are read with: GitHub's tables, footnotes,
/// strikethrough (`~~gone~~`, whose text is `gone` as on the rendered page) and alerts (a
/// quote that starts `> [!NOTE]`, whose tag GitHub shows as the quote's title, not as text).
pub const PARSER_OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_GFM);

/// Events with their byte ranges in the page.
pub type Events<'a> = Vec<(Event<'a>, Range<usize>)>;

/// Where the page reader takes its events from: the parser, or the thread running it.
trait EventSource<'a>: Iterator<Item = (Event<'a>, Range<usize>)> {}

impl<'a, I: Iterator<Item = (Event<'a>, Range<usize>)>> EventSource<'a> for I {}

/// Where what the page reader reads from a text (`'p`) is kept (`'a`): the page's text itself
/// ([`Whole`]), or a piece's copy of part of it, whose byte ranges and borrowed strings are put
/// back on the page's ([`pieces`]). Each cell is made on the page as it is read, while its
/// events are in the cache. Read on the piece and put back after, each row's cells were made
/// twice: in a pass after the piece, 3.4% of a regen's samples in user code at 200k rows; a
/// row at a time as each was read, 2.2%, with what the collects called (BENCHMARKS.md,
/// section 0, thirty-eighth and thirty-ninth rounds).
trait Rebase<'a, 'p> {
    /// The page's text.
    fn page(&self) -> &'a str;
    /// The page's range of a range of the text read.
    fn range(&self, range: Range<usize>) -> Range<usize>;
    /// An event of the text read, on the page.
    fn event(&self, event: (Event<'p>, Range<usize>)) -> (Event<'a>, Range<usize>);
    /// What a cell of the text read keeps, on the page.
    fn kept(&self, kept: Kept<'p>) -> Kept<'a>;
    /// Whether the text read is not the page's in `range` (of the text read): a run of
    /// emphasis delimiters GitHub reads as text, written so that it is read so ([`tildes`]), or
    /// a delimiter row's tab ([`delimiter_tabs`]).
    fn rewritten(&self, _range: &Range<usize>) -> bool {
        false
    }
}

/// A page read whole, from `start` on: what is read is on the page already, `start` bytes on.
struct Whole<'a> {
    page: &'a str,
    start: usize,
}

impl<'a> Whole<'a> {
    /// `page` read from `start` on.
    fn from(page: &'a str, start: usize) -> Self {
        Whole { page, start }
    }

    /// `page` read whole, past its byte order mark if it has one (cmark, which GitHub renders
    /// Markdown with, skips it, so a page saved with one still starts with its title or table)
    /// and then past its [front matter](front_matter), which is not Markdown.
    fn of(page: &'a str) -> Self {
        let start = crate::source::byte_order_mark_len(page);
        Whole::from(page, start + front_matter::len(&page[start..]))
    }

    /// The text read: the page from `start` on.
    fn text(&self) -> &'a str {
        &self.page[self.start..]
    }
}

impl<'a> Rebase<'a, 'a> for Whole<'a> {
    fn page(&self) -> &'a str {
        self.page
    }

    fn range(&self, range: Range<usize>) -> Range<usize> {
        range.start + self.start..range.end + self.start
    }

    fn event(&self, (event, range): (Event<'a>, Range<usize>)) -> (Event<'a>, Range<usize>) {
        (event, self.range(range))
    }

    fn kept(&self, kept: Kept<'a>) -> Kept<'a> {
        // Read from the page's start, it is on the page as it is.
        if self.start == 0 { kept } else { moved_kept(self, kept, |text| text) }
    }
}

/// What a cell of the text read keeps, put on the page by `onto`: its ranges and events moved
/// there, and the strings of its edits by `string`.
fn moved_kept<'a, 'p>(
    onto: &impl Rebase<'a, 'p>,
    kept: Kept<'p>,
    string: impl Fn(CowStr<'p>) -> CowStr<'a>,
) -> Kept<'a> {
    match kept {
        Kept::Nothing => Kept::Nothing,
        Kept::Edits(edits) => Kept::Edits(
            edits.into_iter().map(|(range, edit)| (onto.range(range), edit.map(&string))).collect(),
        ),
        Kept::Events(events) => {
            Kept::Events(Box::new(events.into_iter().map(|event| onto.event(event)).collect()))
        }
        Kept::EventsOnly(events) => {
            Kept::EventsOnly(Box::new(events.into_iter().map(|event| onto.event(event)).collect()))
        }
        Kept::Lines(cells) => {
            Kept::Lines(cells.into_iter().map(|cell| on_page(cell, onto)).collect())
        }
    }
}

/// A cell of the text read, put on the page by `onto`.
fn on_page<'a, 'p>(cell: Cell<'p>, onto: &impl Rebase<'a, 'p>) -> Cell<'a> {
    Cell {
        text: cell.text,
        span: onto.range(cell.span),
        markdown: onto.range(cell.markdown),
        kept: onto.kept(cell.kept),
        missing: cell.missing,
        extras: cell.extras,
    }
}

/// The caller's policy for what a cell keeps of its inline events ([`Cell::kept`]).
///
/// Made by [`parse_keeping`] once for each thread that reads a page, so it may keep a cache
/// without a lock. What it keeps must not depend on that cache.
pub trait Keep {
    /// What a cell keeps, given the text its events were read from and its events.
    fn keep<'e>(&self, source: &str, events: &[(Event<'e>, Range<usize>)]) -> Kept<'e>;

    /// What a cell keeps whose source text does not read as its events: GitHub reads a run of
    /// its emphasis delimiters as text that pulldown-cmark, and so rustdoc, reads as emphasis
    /// (a run beside a `~`, which GitHub judges by what is past the `~`: `[**~ CUnknown**](x)`
    /// shows its asterisks). Nothing, unless the caller writes its Markdown from its events.
    fn keep_events<'e>(&self, _events: &[(Event<'e>, Range<usize>)]) -> Kept<'e> {
        Kept::Nothing
    }
}

/// The policy of [`parse`]: no cell keeps anything.
#[derive(Clone, Copy, Debug, Default)]
pub struct KeepNothing;

impl Keep for KeepNothing {
    fn keep<'e>(&self, _: &str, _: &[(Event<'e>, Range<usize>)]) -> Kept<'e> {
        Kept::Nothing
    }
}

/// What a cell keeps of its inline events for a caller that rewrites its Markdown: 24 bytes
/// rather than 32, the events (rarely kept) boxed once more, as there is one for every cell
/// of a large table and most keep nothing.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Kept<'a> {
    /// Nothing: its source text serves as it is.
    #[default]
    Nothing,
    /// Its source text serves with these edits, in order: each range of the page's text
    /// replaced by what the caller makes of the string (a link's target), or cut (`None`).
    /// A few words per link, where its events would be a few hundred bytes.
    Edits(Box<[(Range<usize>, Option<CowStr<'a>>)]>),
    /// Its inline events, for the caller to render. They borrow the page's text, as the
    /// parser's do: a copy of each would cost a fresh allocation per event.
    Events(Box<Events<'a>>),
    /// Its inline events, for the caller to render: its source text does not serve even with
    /// edits, as it reads otherwise than on GitHub ([`Keep::keep_events`]).
    EventsOnly(Box<Events<'a>>),
    /// The cells it is made of, each a line of it, for the caller to render each: a cell the
    /// model makes of the cells of rows that are one row of the table (rows one code cell
    /// spans in HTML, rows that continue the one above them), never a cell as read.
    Lines(Box<[Cell<'a>]>),
}

/// A parsed page: its events with their byte ranges, and the tables found among them.
#[derive(Debug, PartialEq)]
pub struct Page<'a> {
    /// The page's text.
    pub source: &'a str,
    /// The page's events with their byte ranges in `source`; of a table, only its start and
    /// end (its cells are in [`Page::tables`]), inside the events of any block quote or list
    /// item it is in.
    pub events: Events<'a>,
    /// The first level-1 heading.
    pub title: Option<Heading>,
    /// The YAML front matter at the page's top, which the page is read from below.
    pub front_matter: Option<FrontMatter>,
    /// The tables, in document order.
    pub tables: Vec<Table<'a>>,
    /// Where each line starts that pulldown-cmark reads as a table's delimiter row and GitHub
    /// does not (`|: --: |--|`), so that no table is read there, as GitHub shows none
    /// (`loose_delimiters`), in order: what a diagnostic about a table not found points at.
    pub delimiter_rows_read_as_text: Vec<usize>,
}

/// A heading's plain text and where it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Heading {
    /// Plain text, without anchors or markup.
    pub text: String,
    /// The heading's byte range.
    pub span: Range<usize>,
    /// Indices into [`Page::events`] of the whole heading, start to end tag.
    pub events: Range<usize>,
}

/// A table with its context and cells.
#[derive(Clone, Debug, PartialEq)]
pub struct Table<'a> {
    /// The table's byte range.
    pub span: Range<usize>,
    /// Indices into [`Page::events`] of the table's start and end.
    pub events: Range<usize>,
    /// The nearest heading above the table.
    pub heading: Option<Heading>,
    /// A paragraph directly above the table that is entirely bold (`**Caption**`).
    pub caption: Option<Heading>,
    /// The header cells.
    pub header: Vec<Cell<'a>>,
    /// The body rows.
    pub rows: Vec<Row<'a>>,
    /// Whether the table is written in HTML (`<table>`), not as a pipe table: it has no
    /// delimiter row, and its rows are not lines.
    pub html: bool,
}

impl<'a> Table<'a> {
    /// The same table with other `rows`: its place on the page, heading, caption and header
    /// kept.
    pub fn with_rows(&self, rows: Vec<Row<'a>>) -> Table<'a> {
        Table {
            span: self.span.clone(),
            events: self.events.clone(),
            heading: self.heading.clone(),
            caption: self.caption.clone(),
            header: self.header.clone(),
            rows,
            html: self.html,
        }
    }
}

/// A body row of a table.
#[derive(Clone, Debug, PartialEq)]
pub struct Row<'a> {
    /// The row's byte range (its line).
    pub span: Range<usize>,
    /// One cell per header column ([`Row::cells`]).
    cells: Vec<Cell<'a>>,
    /// Every cell's text, in column order: made by [`Row::new`] only, so that it is always
    /// the cells' ([`Row::texts`]).
    texts: Arc<[Arc<str>]>,
    /// Text after the last column that the table drops, if any.
    pub extra: Option<Range<usize>>,
}

impl<'a> Row<'a> {
    /// A row of `cells`, with their texts shared as one array made here, while the row is read
    /// and its cells are in the cache. Made later, for the variants, each text's reference
    /// count was a cache miss: 1.8–2.1% of a regen's CPU samples at 200k rows, against 0.2%
    /// (BENCHMARKS.md, section 0, thirty-seventh round).
    pub fn new(span: Range<usize>, cells: Vec<Cell<'a>>, extra: Option<Range<usize>>) -> Self {
        let texts = cells.iter().map(|cell| Arc::clone(&cell.text)).collect();
        Row { span, cells, texts, extra }
    }

    /// One cell per header column; cells the row lacks are marked [`Cell::missing`]. Read
    /// only: the row's [texts](Row::texts) are its cells'.
    pub fn cells(&self) -> &[Cell<'a>] {
        &self.cells
    }

    /// The row's cells, taken from it.
    pub fn into_cells(self) -> Vec<Cell<'a>> {
        self.cells
    }

    /// The row's one cell, where it has no other (the others [missing](Cell::missing)): on
    /// GitHub, a line under a table without a `|` between cells, such as kramdown's attribute
    /// block (`{: #frame-types}`), which kramdown does not read as a row.
    pub fn only_cell(&self) -> Option<&Cell<'a>> {
        let (first, rest) = self.cells.split_first()?;
        rest.iter().all(|cell| cell.missing).then_some(first)
    }

    /// Whether the row has text in `cell` alone, every other cell empty or missing.
    pub fn has_text_only_in(&self, cell: &Cell<'a>) -> bool {
        !cell.text.is_empty()
            && self.cells.iter().all(|other| std::ptr::eq(other, cell) || other.text.is_empty())
    }

    /// Every cell's [text](Cell::text), in column order, shared as one array: what the row's
    /// variant keeps.
    pub fn texts(&self) -> &Arc<[Arc<str>]> {
        &self.texts
    }
}

/// A table cell.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell<'a> {
    /// The cell as plain text: escapes resolved, markup dropped, trimmed. Shared: a variant
    /// keeps the same text.
    pub text: Arc<str>,
    /// The cell's content, trimmed of spaces; where a missing cell would be if absent.
    pub span: Range<usize>,
    /// The byte range of the cell's inline content, as its Markdown; of a cell made of the
    /// [lines](Kept::Lines) of several, from the first's start to the last's end.
    pub markdown: Range<usize>,
    /// What the cell keeps of its inline events, by the policy it was read with.
    pub kept: Kept<'a>,
    /// The row ended before this cell.
    pub missing: bool,
    /// What few cells have: boxed, so that a cell without any (most) costs a pointer for it.
    pub extras: Option<Box<CellExtras>>,
}

/// What few cells have besides their text ([`Cell::extras`]).
#[derive(Clone, Debug, PartialEq)]
pub struct CellExtras {
    /// The name of the first `<a name="…">` (or `id`) anchor in the cell: where a link to the
    /// published page can point at this row.
    pub anchor: Option<Box<str>>,
    /// Of a cell with a picture and words (`![warning](w.png) Disk full`), its text without
    /// the pictures' alt text: the words the page shows as words, beside the picture.
    pub without_pictures: Option<Box<str>>,
}

impl CellExtras {
    /// `self` boxed, as a cell keeps it, where it holds anything.
    pub fn boxed(self) -> Option<Box<CellExtras>> {
        let holds_any = self.anchor.is_some() || self.without_pictures.is_some();
        holds_any.then(|| Box::new(self))
    }
}

impl Cell<'static> {
    /// A cell of `text` alone, with no place on the page (a retired row's, read from the API
    /// snapshot).
    pub fn of_text(text: Arc<str>) -> Self {
        Cell { text, span: 0..0, markdown: 0..0, kept: Kept::Nothing, missing: false, extras: None }
    }
}

impl Cell<'_> {
    /// The name of the first `<a name="…">` (or `id`) anchor in the cell ([`CellExtras::anchor`]).
    pub fn anchor(&self) -> Option<&str> {
        self.extras.as_ref()?.anchor.as_deref()
    }

    /// The words the cell shows as words: its [text](Cell::text), but where it has a picture
    /// and words (`![warning](w.png) Disk full`), without the pictures' alt text (`Disk
    /// full`), as a name is made of the words a reader sees (an `<img>` tag and an emoji's
    /// shortcode are left out of names by [`crate::naming`]). A picture alone
    /// (`![Retry](retry.png)`) is known by its alt text, which says what it shows.
    pub fn words_shown(&self) -> &str {
        let extras = self.extras.as_deref();
        extras.and_then(|extras| extras.without_pictures.as_deref()).unwrap_or(&self.text)
    }

    /// Whether the cell has a picture beside words, which [`Cell::words_shown`] leaves out.
    pub fn has_pictures_beside_words(&self) -> bool {
        self.extras.as_ref().is_some_and(|extras| extras.without_pictures.is_some())
    }

    /// Whether `self` and `other`, cells of one table, are one cell: a cell written in HTML
    /// that spans rows or columns (`rowspan`, `colspan`) stands in each place it covers as a
    /// copy of itself, at its one place on the page (as `html_table` reads it); no two cells of
    /// a table are at one place otherwise.
    pub fn is_same_cell(&self, other: &Cell<'_>) -> bool {
        !self.missing && !self.span.is_empty() && self.span == other.span
    }
}

/// Reads a page, in one pass over its events: tables are read into [`Table`]s as they come,
/// so a page of many rows never holds all its events at once. No cell keeps anything.
pub fn parse(source: &str) -> Page<'_> {
    parse_keeping(source, || KeepNothing)
}

/// [`parse`], where each cell keeps what `keep` makes of its inline events ([`Cell::kept`]):
/// the caller's policy (rustdoc's, which rewrites some links), not this layer's, made by
/// `new_keep` for each thread that reads.
pub fn parse_keeping<'a, K: Keep>(source: &'a str, new_keep: impl Fn() -> K + Sync) -> Page<'a> {
    parse_keeping_as(source, Dialect::Gfm, new_keep)
}

/// [`parse_keeping`], of a page written in `dialect`: an MDX page's JSX comments
/// (`{/* TODO */}`) are read as the comments they are, which show nothing.
pub fn parse_keeping_as<'a, K: Keep>(
    source: &'a str,
    dialect: Dialect,
    new_keep: impl Fn() -> K + Sync,
) -> Page<'a> {
    let mut page = read_markdown(source, dialect, new_keep);
    let start = crate::source::byte_order_mark_len(source);
    page.front_matter = front_matter::read(source, start);
    page
}

/// The page's Markdown, [read whole](Whole::of) or in pieces.
fn read_markdown<'a, K: Keep>(
    source: &'a str,
    dialect: Dialect,
    new_keep: impl Fn() -> K + Sync,
) -> Page<'a> {
    let comments = match dialect {
        Dialect::Mdx => mdx::comments(Whole::of(source).text()),
        Dialect::Gfm => Vec::new(),
    };
    // A page with a large table is read in pieces, where they read as the page does (and
    // where it has no comment to read otherwise, as MDX pages seldom do).
    if comments.is_empty()
        && let Some(page) = pieces::read(source, &new_keep, pieces::PIECE_BYTES)
    {
        return page;
    }
    read_whole(source, &comments, new_keep)
}

/// The page's Markdown, [read whole](Whole::of): read again, from a copy, while a table's
/// delimiter row is one that GitHub reads as text ([`loose_delimiters`]); `comments`, of the
/// text read, are read as HTML comments ([`mdx::comments`]).
fn read_whole<'a, K: Keep>(
    source: &'a str,
    comments: &[Range<usize>],
    new_keep: impl Fn() -> K + Sync,
) -> Page<'a> {
    let whole = Whole::of(source);
    // Bytes of the text read, rewritten so that pulldown-cmark reads no table there.
    let mut not_tables: Vec<Range<usize>> = Vec::new();
    let mut read_as_text = Vec::new();
    let mut readings = 0;
    loop {
        readings += 1;
        let mut page = read_whole_once(source, &whole, &not_tables, comments, &new_keep);
        let found = loose_delimiters::read_as_text(source, &page.tables);
        read_as_text.extend(found.delimiter_rows);
        page.delimiter_rows_read_as_text.clone_from(&read_as_text);
        let new: Vec<_> = (found.bytes.into_iter())
            .map(|byte| byte.start - whole.start..byte.end - whole.start)
            .filter(|byte| !not_tables.contains(byte))
            .collect();
        // A reading that finds nothing new is the last. The rows under such a row that could
        // be one are found with it, so the second reading finds nothing new on the pages
        // seen; a cap keeps any other page from being read many times over.
        if new.is_empty() || readings == MAX_READINGS {
            return page;
        }
        not_tables.extend(new);
        not_tables.sort_unstable_by_key(|byte| byte.start);
    }
}

/// The page's Markdown read whole once, from a copy where `not_tables`, `comments` and what
/// pulldown-cmark reads otherwise than GitHub are rewritten ([`read_otherwise`]), if any are.
fn read_whole_once<'a, K: Keep>(
    source: &'a str,
    whole: &Whole<'a>,
    not_tables: &[Range<usize>],
    comments: &[Range<usize>],
    new_keep: &(impl Fn() -> K + Sync),
) -> Page<'a> {
    // Any other large page (one with a link definition, say): pulldown-cmark makes the events
    // on one core while they are read into tables on another; the reader sees the same events
    // either way. Line ends stand for rows,
    // counted (with `memchr`) only as far as it takes to tell a large page.
    let lines = memchr::memchr_iter(b'\n', source.as_bytes()).take(1 << 16).count();
    let rewritten = read_otherwise(whole.text(), not_tables, comments);
    if !rewritten.is_empty() {
        let mut copy = whole.text().to_owned();
        rewrite(&mut copy, &rewritten);
        let onto = pieces::Onto::rewritten(source, &copy, whole.start, rewritten);
        let events = Parser::new_ext(&copy, PARSER_OPTIONS).into_offset_iter();
        return parallel::pipe(lines, events, |events| {
            read_page(&copy, events, &new_keep(), &onto)
        });
    }
    let events = Parser::new_ext(whole.text(), PARSER_OPTIONS).into_offset_iter();
    parallel::pipe(lines, events, |events| read_page(whole.text(), events, &new_keep(), whole))
}

/// The most times a page is read whole ([`read_whole`]).
const MAX_READINGS: usize = 4;

/// Where pulldown-cmark reads `text` otherwise than GitHub (or MDX): the ranges to [`rewrite`]
/// in a copy that it reads as GitHub reads the text, in order. Tabs of a delimiter row
/// ([`delimiter_tabs`]), `not_tables` (bytes of delimiter rows GitHub reads as text, found
/// by [`loose_delimiters`]) and an MDX page's JSX `comments`, then runs of `*` or `_` beside a
/// `~` ([`tildes`]) as they read with those rewritten (a table's cells are read one by one).
fn read_otherwise(
    text: &str,
    not_tables: &[Range<usize>],
    comments: &[Range<usize>],
) -> Vec<Range<usize>> {
    let mut rows = delimiter_tabs::read_as_spaces(text);
    if rows.is_empty() && not_tables.is_empty() && comments.is_empty() {
        return tildes::read_as_text_on_github(text);
    }
    rows.extend_from_slice(not_tables);
    rows.extend_from_slice(comments);
    let mut copy = text.to_owned();
    rewrite(&mut copy, &rows);
    let mut ranges = tildes::read_as_text_on_github(&copy);
    ranges.extend(rows);
    ranges.sort_unstable_by_key(|range| range.start);
    ranges
}

/// Rewrites each of `ranges` of `text` (found by [`read_otherwise`]) one byte for one, so that
/// every offset stays: a tab as a space, a `*` or `_` as a `%`, a JSX comment as an HTML one
/// ([`mdx::as_html_comment`]).
fn rewrite(text: &mut String, ranges: &[Range<usize>]) {
    for range in ranges {
        let written: String = match mdx::as_html_comment(&text[range.clone()]) {
            Some(comment) => comment,
            None => {
                let byte = |byte| if byte == b'\t' { ' ' } else { '%' };
                text[range.clone()].bytes().map(byte).collect()
            }
        };
        text.replace_range(range.clone(), &written);
    }
}

/// The page from the events of `source` (the page, or a piece of it), in one pass, put on the
/// page by `onto`.
fn read_page<'a, 'p>(
    source: &'p str,
    parser: &mut impl EventSource<'p>,
    keep: &impl Keep,
    onto: &impl Rebase<'a, 'p>,
) -> Page<'a> {
    let mut page = Page {
        source: onto.page(),
        title: None,
        front_matter: None,
        tables: Vec::new(),
        events: Vec::new(),
        delimiter_rows_read_as_text: Vec::new(),
    };
    let mut heading: Option<Heading> = None;
    let mut caption: Option<Heading> = None;
    // How many block quotes and list items the parser is in.
    let mut containers = 0usize;
    let parser = &mut Reading { parser, rests: Vec::new() };
    // An event read past the end of an HTML table, to be read next.
    let mut pending = None;
    let mut scratch = String::new();
    // Whether a table written in HTML was never closed: the rest of the page is in it.
    let mut unclosed = false;
    while let Some((event, range)) = pending.take().or_else(|| parser.next()) {
        let start = page.events.len();
        match event {
            Event::Start(Tag::Table(_)) => {
                page.events.push(onto.event((event, range.clone())));
                let top_level = containers == 0;
                let (mut table, rest) =
                    read_table(source, parser, range, top_level, &mut page.events, keep, onto);
                table.events = start..page.events.len();
                table.heading = heading.clone();
                table.caption = caption.take();
                page.tables.push(table);
                if let Some(rest) = rest {
                    parser.rests.push(Rest::new(source, rest));
                }
            }
            Event::Start(Tag::Heading { level, .. }) => {
                push_block(parser, (event, range.clone()), &mut page.events, onto);
                let end = page.events.len() - 1;
                let found = Heading {
                    text: plain_text(&page.events[start + 1..end]),
                    span: onto.range(range),
                    events: start..end + 1,
                };
                if level == pulldown_cmark::HeadingLevel::H1 && page.title.is_none() {
                    page.title = Some(found.clone());
                }
                heading = Some(found);
                caption = None;
            }
            Event::Start(Tag::Paragraph) => {
                push_block(parser, (event, range), &mut page.events, onto);
                caption = bold_caption(&page.events, start, page.events.len() - 1);
            }
            // A block quote's or a list's blocks are read as the page's are, since GFM renders
            // a table in either as a table. Its start leaves a caption above it in place (a
            // bold line above a quoted table is its caption); its end, read on its own below,
            // clears one. A footnote is not: GitHub drops one that no text refers to, and any
            // table in it with it.
            Event::Start(Tag::BlockQuote(_) | Tag::List(_) | Tag::Item) => {
                containers += 1;
                page.events.push(onto.event((event, range)));
            }
            Event::End(TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item) => {
                containers -= 1;
                page.events.push(onto.event((event, range)));
                caption = None;
            }
            Event::Start(Tag::HtmlBlock)
                if !unclosed && holds_table_tag(&source[range.clone()]) =>
            {
                push_block(parser, (event, range.clone()), &mut page.events, onto);
                // Each table that starts in the blocks read so far, from the end of the last.
                let (mut from, mut read_to, mut events_start) = (range.start, range.end, start);
                loop {
                    let reading = (from, read_to);
                    let (mut table, end) =
                        match html_table::read(source, reading, keep, &mut scratch, onto) {
                            html_table::Found::Table(table, end) => (table, end),
                            html_table::Found::Empty(end) => {
                                from = end;
                                continue;
                            }
                            html_table::Found::NoTable => break,
                            html_table::Found::Unclosed => {
                                // Read once: read again from each later block, the rest of a
                                // page of many such blocks would be read as many times.
                                unclosed = true;
                                break;
                            }
                        };
                    let through =
                        push_blocks_before(parser, &mut pending, end, &mut page.events, onto);
                    read_to = read_to.max(through);
                    // A second table in a block is after the first's events: each table's
                    // first event tells it from the page's others.
                    table.events = events_start..page.events.len();
                    table.heading = heading.clone();
                    // Its own `<caption>`, else a bold line above it.
                    let above = caption.take();
                    match &mut table.caption {
                        Some(own) => own.events = events_start..events_start,
                        None => table.caption = above,
                    }
                    page.tables.push(table);
                    (from, events_start) = (end, page.events.len());
                }
                caption = None;
            }
            event => {
                let html = matches!(event, Event::Start(Tag::HtmlBlock));
                push_block(parser, (event, range.clone()), &mut page.events, onto);
                // GFM shows nothing of an HTML comment: the caption above it still sits right
                // above the table below it. A block that ends with a disclosure's `<summary>`
                // or a tab's start tag captions the table folded under it.
                if !(html && is_comment_block(&page.events[start..])) {
                    let folded = match html {
                        true => folded::folded_caption(&source[range.clone()], range.start),
                        false => None,
                    };
                    caption = folded.map(|(text, span)| Heading {
                        text,
                        span: onto.range(span),
                        events: start..page.events.len(),
                    });
                }
            }
        }
    }
    page
}

/// The events of the text read: its parser's and, first, those of any text that a table ended
/// early left to be read as blocks of the page ([`Rest`]), the latest first. A stack, not a
/// call for each: a page can end tables early many times over, each in the rest of the last.
struct Reading<'r, 'p, P> {
    parser: &'r mut P,
    rests: Vec<Rest<'p>>,
}

impl<'p, P: EventSource<'p>> Iterator for Reading<'_, 'p, P> {
    type Item = (Event<'p>, Range<usize>);

    fn next(&mut self) -> Option<Self::Item> {
        if self.rests.is_empty() { self.parser.next() } else { self.next_of_rests() }
    }
}

impl<'p, P: EventSource<'p>> Reading<'_, 'p, P> {
    /// The next event where rests are left to read: out of the way of the loop that reads
    /// every event of the page (inlined there, the rests' reading cost every event more).
    #[cold]
    #[inline(never)]
    fn next_of_rests(&mut self) -> Option<(Event<'p>, Range<usize>)> {
        while let Some(rest) = self.rests.last_mut() {
            match rest.next() {
                Some(found) => return Some(found),
                None => _ = self.rests.pop(),
            }
        }
        self.parser.next()
    }
}

/// Pushes, put on the page by `onto`, the blocks that start before `end` (the end of a table
/// written in HTML, whose blocks they are: a cell's paragraph after an empty line), up to the
/// end of a container the table is in; the event read past them is left in `pending`, the next
/// to read. Returns where the last block pushed ends in the text read (0 where none is).
fn push_blocks_before<'a, 'p>(
    parser: &mut impl EventSource<'p>,
    pending: &mut Option<(Event<'p>, Range<usize>)>,
    end: usize,
    events: &mut Events<'a>,
    onto: &impl Rebase<'a, 'p>,
) -> usize {
    let mut through = 0;
    while let Some(next) = pending.take().or_else(|| parser.next()) {
        if next.1.start >= end || matches!(next.0, Event::End(_)) {
            *pending = Some(next);
            break;
        }
        through = through.max(next.1.end);
        push_block(parser, next, events, onto);
    }
    through
}

/// Whether `html` has `<table` in it (in any case): a table written in HTML may start there,
/// which the tokenizer of `html_table` then tells.
pub fn holds_table_tag(html: &str) -> bool {
    let html = html.as_bytes();
    memchr::memchr_iter(b'<', html)
        .any(|at| html.get(at + 1..at + 6).is_some_and(|name| name.eq_ignore_ascii_case(b"table")))
}

/// Whether an HTML block's events hold only comments (`<!-- … -->`) and whitespace.
pub(crate) fn is_comment_block(block: &[(Event<'_>, Range<usize>)]) -> bool {
    let mut html = String::new();
    for (event, _) in block {
        if let Event::Html(text) = event {
            html.push_str(text);
        }
    }
    let mut rest = html.trim_start();
    while !rest.is_empty() {
        let Some(comment) = rest.strip_prefix("<!--") else { return false };
        let Some(end) = comment.find("-->") else { return false };
        rest = comment[end + 3..].trim_start();
    }
    true
}

/// Pushes `first` and, if it starts a block or span, every event up to its end, put on the
/// page by `onto`.
fn push_block<'a, 'p>(
    parser: &mut impl EventSource<'p>,
    first: (Event<'p>, Range<usize>),
    events: &mut Events<'a>,
    onto: &impl Rebase<'a, 'p>,
) {
    let mut depth = usize::from(matches!(first.0, Event::Start(_)));
    events.push(onto.event(first));
    while depth > 0 {
        let Some(next) = parser.next() else { return };
        match next.0 {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth -= 1,
            _ => {}
        }
        events.push(onto.event(next));
    }
}

/// Reads a table's rows from `parser`, up to and including its end, which is pushed to
/// `events`; each row put on the page by `onto` as it is read. Where GitHub ends the table
/// before pulldown-cmark does, also the range of the text read that is left, to be read as
/// blocks of the page ([`Rest`]).
fn read_table<'a, 'p>(
    source: &'p str,
    parser: &mut impl EventSource<'p>,
    span: Range<usize>,
    top_level: bool,
    events: &mut Events<'a>,
    keep: &impl Keep,
    onto: &impl Rebase<'a, 'p>,
) -> (Table<'a>, Option<Range<usize>>) {
    let mut table = Table {
        span: onto.range(span),
        events: 0..0,
        heading: None,
        caption: None,
        header: Vec::new(),
        rows: Vec::new(),
        html: false,
    };
    let mut row_span = 0..0;
    let mut cells = Vec::new();
    // The row's last cell so far as read (its end in the text read, and whether it is
    // missing): what tells the text the row drops past the header's width.
    let mut last = None;
    let mut inline: Events<'p> = Vec::new();
    let mut scratch = String::new();
    while let Some((event, range)) = parser.next() {
        match event {
            Event::Start(Tag::TableRow) if top_level => {
                match ends_table_on_github(source, range.start) {
                    // pulldown-cmark reads any line of cells after a table as its next row;
                    // cmark-gfm (GitHub) lets a line indented four columns or more open an
                    // indented code block first, and a line of one HTML tag an HTML block, which
                    // ends the table there. The rest of pulldown-cmark's table is read again, as
                    // blocks of the page.
                    Some(line_start) => {
                        let end =
                            parser.find(|(event, _)| matches!(event, Event::End(TagEnd::Table)));
                        let Some((event, range)) = end else { break };
                        table.span = onto.range(range.start..line_start);
                        // The table's start event, pushed just before it was read, and its end,
                        // through its last row's line end as pulldown-cmark's.
                        if let Some((_, start)) = events.last_mut() {
                            *start = table.span.clone();
                        }
                        events.push(onto.event((event, range.start..line_start)));
                        return (table, Some(line_start..range.end));
                    }
                    None => row_span = range,
                }
            }
            Event::Start(Tag::TableHead | Tag::TableRow) => row_span = range,
            Event::Start(Tag::TableCell) => {
                inline.clear();
                let mut depth = 0usize;
                for (event, inner) in &mut *parser {
                    match event {
                        Event::End(TagEnd::TableCell) if depth == 0 => break,
                        Event::Start(_) => depth += 1,
                        Event::End(_) => depth -= 1,
                        _ => {}
                    }
                    inline.push((event, inner));
                }
                let (cell, end) =
                    read_cell(source, &inline, range, &row_span, keep, &mut scratch, onto);
                last = Some((end, cell.missing));
                cells.push(cell);
            }
            Event::End(TagEnd::TableHead) => {
                table.header = std::mem::take(&mut cells);
                cells = Vec::with_capacity(table.header.len());
                last = None;
            }
            Event::End(TagEnd::TableRow) => {
                let extra = dropped_text(source, &row_span, last.take());
                // Every row has the header's width (pulldown-cmark pads or cuts it to that).
                let cells = std::mem::replace(&mut cells, Vec::with_capacity(table.header.len()));
                let span = onto.range(trim_span(source, row_span.clone()));
                table.rows.push(Row::new(span, cells, extra.map(|extra| onto.range(extra))));
            }
            Event::End(TagEnd::Table) => {
                events.push(onto.event((event, range)));
                break;
            }
            _ => {}
        }
    }
    (table, None)
}

/// Where the line of a table row starting at `row_start` (its first character past any
/// indentation) starts, if cmark-gfm (GitHub) reads it as a block that ends the table: an
/// indented code block ([`is_indented_as_code`]) or an HTML block ([`opens_html_block`]).
fn ends_table_on_github(source: &str, row_start: usize) -> Option<usize> {
    let line_start = lines::line_start(source.as_bytes(), row_start);
    let indentation = &source.as_bytes()[line_start..row_start];
    let ends = is_indented_as_code(indentation) || opens_html_block(source, row_start, indentation);
    ends.then_some(line_start)
}

/// Whether the line of a table row starting at `row_start` after `indentation` (of less than
/// four columns) opens an HTML block that pulldown-cmark reads as a row: a line of one open or
/// closing tag and nothing else (`<span>`, `</a>`, `<br/>`; CommonMark's seventh kind of HTML
/// block). That kind cannot interrupt a paragraph, and pulldown-cmark lets it not interrupt a
/// table either; cmark-gfm does (its `S_type(container) != CMARK_NODE_PARAGRAPH`). The other
/// kinds end a table in both. Which line opens one pulldown-cmark tells, from the line alone.
fn opens_html_block(source: &str, row_start: usize, indentation: &[u8]) -> bool {
    let bytes = source.as_bytes();
    if bytes.get(row_start) != Some(&b'<') || !indentation.iter().all(|&byte| byte == b' ') {
        return false;
    }
    let line = &source[row_start..lines::line_end(bytes, row_start)];
    could_be_one_tag(line)
        && matches!(
            Parser::new_ext(line, PARSER_OPTIONS).next(),
            Some(Event::Start(Tag::HtmlBlock))
        )
}

/// Whether `line`, from its `<`, could be one tag and nothing more: its first `>` outside
/// quotes (which only an attribute's value has, and which only those quotes let hold a `>`)
/// is followed by spaces only. A guess without misses, which pulldown-cmark then checks: a
/// table whose every row starts with markup and goes on (`<b>E1</b> | <i>…</i>`) is not parsed
/// again a row at a time (15% more of regen's instructions on such a page).
fn could_be_one_tag(line: &str) -> bool {
    let mut quote = None;
    for (at, byte) in line.bytes().enumerate() {
        match (quote, byte) {
            (None, b'"' | b'\'') => quote = Some(byte),
            (Some(open), _) if byte == open => quote = None,
            (None, b'>') => return line[at + 1..].trim().is_empty(),
            _ => {}
        }
    }
    false
}

/// Whether a table row's `indentation` (what its line has before its first character) is
/// four columns or more, tabs to the next multiple of four: at the top level, an indented code
/// block to cmark-gfm, not a row. Anything but spaces and tabs (a byte order mark, say) is left
/// to pulldown-cmark.
fn is_indented_as_code(indentation: &[u8]) -> bool {
    let mut column = 0;
    for byte in indentation {
        match byte {
            b' ' => column += 1,
            b'\t' => column += 4 - column % 4,
            _ => return false,
        }
    }
    column >= 4
}

/// The cell of `inline` events and `span` in `row` of the text read, put on the page by
/// `onto`, and where its content ends in the text read.
fn read_cell<'a, 'p>(
    source: &'p str,
    inline: &Events<'p>,
    span: Range<usize>,
    row: &Range<usize>,
    keep: &impl Keep,
    scratch: &mut String,
    onto: &impl Rebase<'a, 'p>,
) -> (Cell<'a>, usize) {
    // pulldown-cmark pads a short row with empty cells placed at the row's end, past its
    // line end; an empty cell the row has (`| a || b |`, or `|a||` at its end) sits between
    // its pipes, before that end.
    let missing = span.is_empty() && span.start == row.end;
    let span = if missing {
        let row = trim_span(source, row.clone());
        row.end..row.end
    } else {
        trim_span(source, span)
    };
    // The cell's Markdown runs from its first character (not where its first event starts,
    // which for a backslash escape, `\[x]`, is after the backslash) to where its last event
    // ends (the trimmed span could end in a pipe).
    let end = inline.iter().map(|(_, range)| range.end).max().unwrap_or(span.start);
    let markdown = span.start..end.max(span.start);
    let rewritten = onto.rewritten(&markdown);
    let kept = if rewritten { keep.keep_events(inline) } else { keep.keep(source, inline) };
    let anchor = inline.iter().find_map(|(event, _)| match event {
        Event::InlineHtml(html) | Event::Html(html) => anchor_name(html).map(String::into),
        _ => None,
    });
    let (text, extras) = if rewritten {
        // Its text as the page writes it, not as the text read does.
        let on_page: Events<'a> = inline.iter().map(|event| onto.event(event.clone())).collect();
        text_and_extras(&on_page, anchor, scratch)
    } else {
        text_and_extras(inline, anchor, scratch)
    };
    let cell = Cell {
        text,
        span: onto.range(span.clone()),
        markdown: onto.range(markdown),
        kept: onto.kept(kept),
        missing,
        extras,
    };
    (cell, span.end)
}

/// The index of the event that closes the one at `start` (itself, for events without a body).
fn matching_end(events: &[(Event<'_>, Range<usize>)], start: usize) -> usize {
    if !matches!(events[start].0, Event::Start(_)) {
        return start;
    }
    let mut depth = 0usize;
    for (offset, (event, _)) in events[start..].iter().enumerate() {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    return start + offset;
                }
            }
            _ => {}
        }
    }
    events.len() - 1
}

/// A paragraph whose only content is one bold run, as used for table captions.
fn bold_caption(events: &[(Event<'_>, Range<usize>)], start: usize, end: usize) -> Option<Heading> {
    let inner = &events[start + 1..end];
    let (bold, strong_end) = one_bold_run(inner)?;
    Some(Heading {
        text: plain_text(&inner[bold + 1..strong_end]),
        span: inner[bold].1.clone(),
        events: start..end + 1,
    })
}

/// Where the inline `events` show one bold run and nothing else, its start and end. Anchors
/// around it (`<a name="x"></a>`), which show nothing, do not count.
fn one_bold_run(events: &[(Event<'_>, Range<usize>)]) -> Option<(usize, usize)> {
    let shows_nothing = |(event, _): &(Event<'_>, Range<usize>)| match event {
        Event::Text(text) => text.trim().is_empty(),
        Event::SoftBreak | Event::HardBreak => true,
        Event::InlineHtml(html) => is_anchor(html) || is_anchor_close(html),
        _ => false,
    };
    let bold = events.iter().position(|event| !shows_nothing(event))?;
    if !matches!(events[bold].0, Event::Start(Tag::Strong)) {
        return None;
    }
    let strong_end = matching_end(events, bold);
    events[strong_end + 1..].iter().all(shows_nothing).then_some((bold, strong_end))
}

/// Whether a cell's Markdown (`**System & Validation**`) shows one bold run and nothing else,
/// as a row that heads the rows below it writes its one cell.
pub fn is_one_bold_run(markdown: &str) -> bool {
    let events: Events<'_> = Parser::new_ext(markdown, PARSER_OPTIONS).into_offset_iter().collect();
    match &events[..] {
        [(Event::Start(Tag::Paragraph), _), inner @ .., (Event::End(TagEnd::Paragraph), _)] => {
            one_bold_run(inner).is_some()
        }
        _ => false,
    }
}

/// A header row over a delimiter row of another number of cells (`| Code | Message |` over
/// `| -- | -- | -- |`, as Tencent Cloud's page of COS Select's error codes has it), which
/// GitHub shows as a paragraph's text, not a table, as pulldown-cmark reads it: where the
/// delimiter row starts, and both numbers of cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnequalHeader {
    /// Where the delimiter row starts.
    pub delimiter_row: usize,
    /// The header row's cells.
    pub header_cells: usize,
    /// The delimiter row's cells.
    pub delimiter_cells: usize,
}

/// The header rows of `page`'s paragraphs over a delimiter row of another number of cells
/// ([`UnequalHeader`]), in order: what a diagnostic about a table not found points at.
pub fn unequal_headers(page: &Page<'_>) -> Vec<UnequalHeader> {
    let bytes = page.source.as_bytes();
    let paragraphs = page.events.iter().filter_map(|(event, range)| match event {
        Event::Start(Tag::Paragraph) => Some(range.clone()),
        _ => None,
    });
    let mut found = Vec::new();
    for paragraph in paragraphs {
        let mut header: Option<&[u8]> = None;
        let mut start = lines::line_start(bytes, paragraph.start);
        while start < paragraph.end {
            let row = lines::past_marks(lines::line_at(bytes, start));
            let delimiter = row.contains(&b'|').then(|| loose_delimiters::gfm_delimiter_cells(row));
            if let (Some(header), Some(Some(delimiter_cells))) = (header, delimiter) {
                let header_cells = loose_delimiters::gfm_row_cells(header);
                if header.contains(&b'|') && header_cells != delimiter_cells {
                    found.push(UnequalHeader {
                        delimiter_row: start,
                        header_cells,
                        delimiter_cells,
                    });
                }
            }
            header = Some(row);
            start = lines::line_end(bytes, start) + 1;
        }
    }
    found
}

/// Cells past the header's width, which GitHub tables silently drop: the text of `row` after
/// its `last` cell (where its content ends, and whether it is missing).
fn dropped_text(
    source: &str,
    row: &Range<usize>,
    last: Option<(usize, bool)>,
) -> Option<Range<usize>> {
    // A short row (its last cells missing) has nothing past the header's width.
    if last.is_some_and(|(_, missing)| missing) {
        return None;
    }
    let after = last.map_or(row.start, |(end, _)| end);
    // A row pulldown-cmark cut short, past its limit of padded cells, can end before its
    // cells do.
    let content = trim_span(source, after..row.end.max(after));
    (!content.is_empty()).then_some(content)
}

/// `span` without the spaces and pipes around it.
fn trim_span(source: &str, span: Range<usize>) -> Range<usize> {
    let text = &source[span.clone()];
    let is_padding = |c: char| c.is_whitespace() || c == '|';
    // ASCII padding a byte at a time, and only the rest by `char`: this runs for every cell,
    // and the `str` trims cost ten times as much for the byte or two a cell has.
    let is_ascii_padding = |byte: &u8| matches!(byte, b' ' | b'\t'..=b'\r' | b'|');
    let bytes = text.as_bytes();
    let mut start = bytes.iter().position(|byte| !is_ascii_padding(byte)).unwrap_or(bytes.len());
    if bytes.get(start).is_some_and(|byte| !byte.is_ascii()) {
        start = text.len() - text[start..].trim_start_matches(is_padding).len();
    }
    let mut end = bytes.iter().rposition(|byte| !is_ascii_padding(byte)).map_or(0, |at| at + 1);
    if end > 0 && !bytes[end - 1].is_ascii() {
        end = text[..end].trim_end_matches(is_padding).len();
    }
    let (start, end) = (span.start + start, span.start + end);
    if start >= end { span.start..span.start } else { start..end }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A large table holds one cell for every row and column while it is checked (800k cells
    /// at 200k rows of four columns): a field added or grown would change this size (on 64-bit
    /// targets), which what few cells have ([`CellExtras`]) leaves at 88 bytes (96 while each
    /// cell had its anchor's 16).
    #[cfg(target_pointer_width = "64")]
    #[test]
    fn a_cell_is_88_bytes() {
        assert_eq!(size_of::<Cell<'_>>(), 88);
    }

    #[test]
    fn an_anchor_line_holds_only_an_anchor() {
        for line in ["<a id=\"x\"></a>\n", "  <A NAME='x'>", "<a id=\"x\" ></a>\r\n"] {
            assert!(is_anchor_line(line), "{line:?}");
        }
        let more = ["<a id=\"x\"></a><b>Shown</b>", "<a id=\"x\">Seen</a>", "<a id=\"a>b\"></a>"];
        for line in more.into_iter().chain(["<a href=\"x\"></a>", "<b id=\"x\"></b>", ""]) {
            assert!(!is_anchor_line(line), "{line:?}");
        }
    }

    #[test]
    fn spans_are_trimmed_of_spaces_and_pipes_as_str_trims_them() {
        let is_padding = |c: char| c.is_whitespace() || c == '|';
        let pads = ["", " ", "|", " | ", "\t\u{b}\u{c}\r\n", "\u{a0}", " \u{3000}| \u{85}"];
        for before in pads {
            for after in pads {
                for content in ["", "a", "é b", "\u{1c}x\u{1f}", "|a|"] {
                    let source = format!("xy{before}{content}{after}z");
                    let span = 2..source.len() - 1;
                    let text = &source[span.clone()];
                    let trimmed = text.trim_matches(is_padding);
                    let expected = match text.find(trimmed) {
                        _ if trimmed.is_empty() => span.start..span.start,
                        Some(at) => span.start + at..span.start + at + trimmed.len(),
                        None => unreachable!(),
                    };
                    assert_eq!(trim_span(&source, span), expected, "{source:?}");
                }
            }
        }
    }

    /// The first cell of each row of each table of `page`, as read.
    fn first_cells(page: &Page<'_>) -> Vec<Vec<String>> {
        let first = |row: &Row<'_>| row.cells[0].text.to_string();
        page.tables.iter().map(|table| table.rows.iter().map(first).collect()).collect()
    }

    #[test]
    fn an_empty_cell_the_row_has_is_not_missing_and_sits_between_its_pipes() {
        for source in [
            "|||\n|-|-|\n|a||\n|b|\n| c | |\nd|\n",
            "|||\r\n|-|-|\r\n|a||\r\n|b|\r\n| c | |\r\nd|",
            "> |||\n> |-|-|\n> |a||\n> |b|\n> | c | |\n> d|\n",
        ] {
            let page = parse(source);
            let [table] = &page.tables[..] else { panic!("{source:?}") };
            let missing: Vec<Vec<bool>> = table
                .rows
                .iter()
                .map(|row| row.cells().iter().map(|cell| cell.missing).collect())
                .collect();
            let shape = [[false, false], [false, true], [false, false], [false, true]];
            assert_eq!(missing, shape, "{source:?}");
            // Each empty header sits right after its own pipe, not at the row's start.
            let header = source.find("|||").unwrap();
            let spans: Vec<_> = table.header.iter().map(|cell| cell.span.clone()).collect();
            assert_eq!(spans, [header + 1..header + 1, header + 2..header + 2], "{source:?}");
            // An empty cell the row has is where it is written; a missing one right after the
            // row's last text, where a diagnostic points to what is lacking.
            let row = |index: usize| &table.rows[index].cells()[1];
            let written = source.find("|a||").unwrap() + 3;
            assert_eq!(row(0).span, written..written, "{source:?}");
            let short = source.find("|b|").unwrap() + 2;
            assert_eq!(row(1).span, short..short, "{source:?}");
        }
    }

    #[test]
    fn tables_in_quotes_and_list_items_are_read_as_gfm_renders_them() {
        let source = "# Title\n\n> **Quoted**\n>\n> | Code | Name |\n> | --- | --- |\n> | 1 | One |\n\n\
                      - **Listed**\n\n  | Code | Name |\n  | --- | --- |\n  | 2 | Two |\n  | 3 |\n\n\
                      ## Notes\n\nSee[^n].\n\n[^n]: Footnote.\n\n    | Code | Name |\n    | --- | --- |\n    \
                      | 4 | Four |\n\n> - > | Code | Name |\n>   > | --- | --- |\n>   > | 5 | Five |\n";
        let page = parse(source);
        // Not the footnote's table: GitHub shows it only where some text refers to the note.
        assert_eq!(first_cells(&page), [vec!["1"], vec!["2", "3"], vec!["5"]]);
        let text = |heading: &Option<Heading>| heading.as_ref().map(|h| h.text.clone());
        let captions: Vec<_> = page.tables.iter().map(|table| text(&table.caption)).collect();
        let headings: Vec<_> = page.tables.iter().map(|table| text(&table.heading)).collect();
        assert_eq!(captions, [Some("Quoted".into()), Some("Listed".into()), None]);
        let (title, notes) = (Some("Title".into()), Some("Notes".into()));
        assert_eq!(headings, [title.clone(), title, notes]);
        // Spans are the page's, past the quote and list markers.
        let table = &page.tables[1];
        assert_eq!(&source[table.rows[0].cells[1].span.clone()], "Two");
        assert!(table.rows[1].cells[1].missing, "a short row is padded, as at the top level");
        let quoted = &page.tables[2].rows[0];
        assert_eq!(&source[quoted.cells[1].span.clone()], "Five");
        // Each table's events are a start and an end inside its containers' events.
        for table in &page.tables {
            let events = &page.events[table.events.clone()];
            assert!(matches!(
                events,
                [(Event::Start(Tag::Table(_)), _), .., (Event::End(TagEnd::Table), _)]
            ));
        }
        assert_eq!(page.title.as_ref().map(|title| title.text.as_str()), Some("Title"));
    }

    #[test]
    fn a_cell_of_one_bold_run_reads_as_one() {
        for bold in ["**Group**", "__Group__", "**Group** <a name=\"g\"></a>"] {
            assert!(is_one_bold_run(bold), "{bold}");
        }
        for other in ["Group", "*Group*", "**Group** and more", "**A** **B**", "`**A**`", ""] {
            assert!(!is_one_bold_run(other), "{other}");
        }
    }

    #[test]
    fn a_caption_is_a_paragraph_of_one_bold_run_anchors_aside() {
        let caption = |paragraph: &str| {
            let source = format!("{paragraph}\n\n| a |\n|---|\n| 1 |\n");
            let caption = parse(&source).tables[0].caption.clone();
            caption.map(|caption| caption.text)
        };
        for paragraph in [
            "**Codes**",
            "**Codes**  ",
            "**Codes**<a name=\"codes\"></a>",
            "<a name=\"codes\"></a>**Codes**",
            "<A ID='codes'></A> **Codes** ",
            "**Co<a name=\"x\"></a>des**",
        ] {
            assert_eq!(caption(paragraph).as_deref(), Some("Codes"), "{paragraph}");
        }
        for paragraph in ["*Codes*", "**Codes** and more", "See **Codes**", "[**Codes**](x.md)"] {
            assert_eq!(caption(paragraph), None, "{paragraph}");
        }
    }

    #[test]
    fn a_line_indented_as_code_ends_a_top_level_table_as_on_github() {
        let rows = |source: &str| -> Vec<Vec<String>> {
            let page = parse(source);
            let table = &page.tables[0];
            // It ends where the line indented as code starts, or at the page's end.
            let rest = &source[table.span.end..];
            assert!(rest.is_empty() || rest.starts_with([' ', '\t']), "{source:?}: {rest:?}");
            assert!(source[..table.span.end].ends_with('\n'));
            let cells = |row: &Row| row.cells.iter().map(|cell| cell.text.to_string()).collect();
            table.rows.iter().map(cells).collect()
        };
        let head = "| a | b |\n|---|---|\n";
        assert_eq!(rows(&format!("{head}| 1 | 2 |\n    | 3 | 4 |\n| 5 | 6 |\n")), [["1", "2"]]);
        assert_eq!(rows(&format!("{head}| 1 | 2 |\n\tcode\n")), [["1", "2"]]);
        assert_eq!(rows(&format!("{head}| 1 | 2 |\n  \t| 3 |\n")), [["1", "2"]]);
        assert!(rows(&format!("{head}    | 3 | 4 |\n")).is_empty());
        // Three spaces are not code: a row.
        assert_eq!(rows(&format!("{head}   | 3 | 4 |\n")), [["3", "4"]]);
        // What pulldown-cmark read as the table's rows from there on is read as the page's
        // blocks: the code, then a table of their own, whose rows can be ended so in turn.
        let source = format!(
            "{head}| 1 | 2 |\n    | code |\n| X |\n|---|\n| 7 |\n\tmore code\n| Y |\n|---|\n"
        );
        let page = parse(&source);
        assert_eq!(first_cells(&page), [vec!["1"], vec!["7"], vec![]]);
        let headers: Vec<_> = page.tables.iter().map(|table| &*table.header[0].text).collect();
        assert_eq!(headers, ["a", "X", "Y"]);
        let code: Vec<_> = (page.events.iter())
            .filter_map(|(event, range)| match event {
                Event::Text(text) => Some((&**text, &source[range.clone()])),
                _ => None,
            })
            .filter(|(text, _)| text.contains("code"))
            .collect();
        assert_eq!(code, [("| code |\n", "| code |\n"), ("more code\n", "more code\n")]);
        for table in &page.tables {
            let (start, end) =
                (&page.events[table.events.start], &page.events[table.events.end - 1]);
            assert_eq!((&start.1, &end.1), (&table.span, &table.span));
        }
        // In a block quote, where indentation counts from the quote's marker, it is left to
        // pulldown-cmark, which reads a row (GitHub: code).
        let quoted = "> | a | b |\n> |---|---|\n>     | 3 | 4 |\n";
        assert_eq!(parse(quoted).tables[0].rows.len(), 1);
    }

    #[test]
    fn a_line_of_one_html_tag_ends_a_top_level_table_as_on_github() {
        let head = "| a | b |\n|---|---|\n| 1 | 2 |\n";
        // Each line opens an HTML block on GitHub, which runs to the next blank line: the rows
        // under it are its text. pulldown-cmark read each line as a row.
        let tags =
            ["<span>", "</span>", "<br/>", "   <a name=\"x\">", "<img alt='a>b' src=\"x'>\">"];
        for tag in tags {
            let source = format!("{head}{tag}\n| 3 | 4 |\n\n| X |\n|---|\n| 7 |\n");
            let page = parse(&source);
            assert_eq!(first_cells(&page), [vec!["1"], vec!["7"]], "{source:?}");
            let html = page.events.iter().find(|(event, _)| matches!(event, Event::Html(_)));
            let html_start = html.map(|(_, range)| range.start);
            assert_eq!(html_start, source.find(tag.trim_start()), "{source:?}");
            assert_eq!(page.tables[0].span, 0..head.len());
        }
        // Not one tag alone on its line, or inside a cell: inline HTML in a row, as on GitHub.
        let rows = [
            "<a name=\"x\"></a>",
            "<span> | 3",
            "| <span> |",
            "<https://x.test>",
            "<b>E</b> | <i>x</i>",
        ];
        for row in rows {
            let source = format!("{head}{row}\n");
            assert_eq!(first_cells(&parse(&source)).concat().len(), 2, "{source:?}");
        }
        // In a block quote it is left to pulldown-cmark, which reads a row (GitHub: HTML).
        let quoted = "> | a | b |\n> |---|---|\n> <span>\n";
        assert_eq!(parse(quoted).tables[0].rows.len(), 1);
    }

    /// A table folded in a disclosure is captioned by its summary, which GitHub shows right
    /// above it, and one in an MDX page's tab by the tab's label; a bold line above the
    /// disclosure is no caption of the table inside it.
    #[test]
    fn a_table_folded_under_a_summary_or_in_a_tab_is_captioned_by_it() {
        let page = "# Errors\n\n**Folded**\n\n<details>\n<summary>Client errors</summary>\n\n\
                    | a |\n|---|\n| 1 |\n\n</details>\n\n<details><summary>Server</summary>\n\n\
                    Intro.\n\n| a |\n|---|\n| 2 |\n\n</details>\n\n<Tabs>\n  \
                    <TabItem value=\"s\" label=\"Server errors\">\n\n| a |\n|---|\n| 3 |\n";
        let parsed = parse(page);
        let captions: Vec<_> =
            parsed.tables.iter().map(|table| table.caption.as_ref().map(|c| &c.text)).collect();
        let (client, server) = ("Client errors".to_owned(), "Server errors".to_owned());
        assert_eq!(captions, [Some(&client), None, Some(&server)]);
        let span = parsed.tables[0].caption.as_ref().unwrap().span.clone();
        assert_eq!(&page[span], "Client errors");
    }

    #[test]
    fn a_caption_is_kept_across_an_html_comment_but_not_across_shown_html() {
        let caption = |between: &str| {
            let source = format!("**Codes**\n\n{between}\n\n| a |\n|---|\n| 1 |\n");
            parse(&source).tables[0].caption.clone().map(|caption| caption.text)
        };
        for between in ["<!-- generated -->", "<!-- a -->\n<!--\nb\n-->", "  <!-- x -->  "] {
            assert_eq!(caption(between).as_deref(), Some("Codes"), "{between:?}");
        }
        for between in ["<div>note</div>", "<!-- a --> <b>shown</b>", "Text"] {
            assert_eq!(caption(between), None, "{between:?}");
        }
    }

    #[test]
    fn a_byte_order_mark_is_skipped_as_cmark_skips_it() {
        let table = "| Code | Name |\n| --- | --- |\n| 1 | One |\n";
        for before in ["", "# Title\n\n"] {
            let source = format!("\u{feff}{before}{table}");
            let page = parse(&source);
            assert_eq!(first_cells(&page), [["1"]], "{source:?}");
            let header = &page.tables[0].header[0];
            assert_eq!((&*header.text, &source[header.span.clone()]), ("Code", "Code"));
            assert_eq!(page.events[0].1.start, 3, "the events are the page's, past the mark");
            let title = page.title.as_ref().map(|title| title.text.as_str());
            assert_eq!(title, (!before.is_empty()).then_some("Title"));
        }
        // Only at the start of the page.
        assert!(parse("x\n\n\u{feff}| Code |\n| --- |\n| 1 |\n").tables.is_empty());
    }

    /// The whole page as read, with what every cell keeps.
    fn read<'a>(source: &'a str, events: &mut impl EventSource<'a>) -> String {
        let keeper = crate::rustdoc::Keeper::new(true);
        format!("{:?}", read_page(source, events, &keeper, &Whole::of(source)))
    }

    #[test]
    fn a_page_read_beside_its_parser_is_read_as_without_it() {
        let docs = crate::synth::docs(3000, 1, "out", &[]);
        let source = docs.pages[0].1.as_str();
        let events = || Parser::new_ext(source, PARSER_OPTIONS).into_offset_iter();
        let sequential = read(source, &mut events());
        assert_eq!(sequential.matches("Row {").count(), 3000, "every row is read");
        assert_eq!(parallel::pipe_through_thread(events(), |e| read(source, e)), sequential);
    }
}
