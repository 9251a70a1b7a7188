//! Tables written in HTML (`<table>` … `</table>` in a page's HTML blocks, as Microsoft's
//! Win32 reference writes every table of error codes), which GitHub shows as tables: read into
//! the same [`Table`] as a pipe table, each cell's text and inline HTML as a pipe table's cell
//! holding that HTML gives them, so that every later stage reads both alike.
//!
//! The stages:
//!
//! 1. **Tokens** ([`read`]): from the HTML block that holds a `<table>` start tag, the page's
//!    text is tokenized as browsers tokenize it (html5gum, each token with its byte range, so
//!    that diagnostics point into the page) up to the matching `</table>`. Text between the
//!    table's HTML blocks (a cell's paragraph after an empty line) is read as HTML text, not
//!    as Markdown.
//! 2. **Cells** ([`Rows`]): `<tr>` opens a row and `<td>` or `<th>` a cell, each closed by its
//!    end tag or by the next row or cell (HTML's implied end tags). A cell's tokens become
//!    inline events: its text, whitespace collapsed as a browser shows it, and its tags as
//!    inline HTML, which [`plain_text`](super::plain_text()) reads as in a pipe table's cell:
//!    formatting dropped, `<br>` and blocks (`<p>`, `<dt>`) as line ends, anchors as the row's
//!    place. A table in a cell is that cell's content.
//!    The table's `<caption>` is its caption, as a bold line above a pipe table is.
//! 3. **Grid** ([`grid`]): a cell with `rowspan` or `colspan` stands in every row and column
//!    it covers, as a reader sees it there; the first row is the header, and every other row
//!    is made the header's width, as a pipe table's is (short rows padded with missing cells,
//!    a long row's cells past the header kept as text the table drops).
//! 4. **Header** ([`header_rows`]): where the header is several rows (rows of `<th>` in
//!    `<thead>` or that a header cell spans into: `Code` over two rows beside `Meaning` over
//!    `Short` and `Long`), each column's header is the texts of its header cells, a line each,
//!    as converters from HTML to Markdown join them (`Meaning` over `Short`); a title across
//!    them all heads no column.

use std::ops::Range;
use std::sync::Arc;

use html5gum::{DefaultEmitter, Token, Tokenizer};
use pulldown_cmark::{CowStr, Event};

use super::{
    Cell, Events, Heading, Keep, Kept, Rebase, Row, Table, anchor_name, is_block_tag, on_page,
    text_and_extras, trim_span,
};

/// What [`read`] found.
pub(super) enum Found<'a> {
    /// A table, and where it ends in the text read.
    Table(Table<'a>, usize),
    /// A table of no cell, and where it ends.
    Empty(usize),
    /// No `<table>` start tag where it was looked for.
    NoTable,
    /// A table never closed: a browser closes it at the page's end, taking the rest of the
    /// page into it, so no table after it is one of its own.
    Unclosed,
}

/// The first table whose `<table>` start tag is in `source` from `from` up to `within` (an
/// HTML block), read up to its matching `</table>`, with cells kept as `keep` says and put on
/// the page by `onto`.
pub(super) fn read<'a, 'p>(
    source: &'p str,
    (from, within): (usize, usize),
    keep: &impl Keep,
    scratch: &mut String,
    onto: &impl Rebase<'a, 'p>,
) -> Found<'a> {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    // The tags that hold text, not tags, where a browser reads them (`<script>`, `<style>`,
    // `<textarea>`, `<title>`, ...) are the ones GFM's tagfilter disallows
    // ([`super::disallowed_tags`]): on GitHub, they are text, and what follows them is read as
    // HTML again (`<td>c <textarea>d</td>` is a cell that shows `c <textarea>d`). So they
    // switch the tokenizer to no other state.
    emitter.naively_switch_states(false);
    let mut tokens = Tokenizer::new_with_emitter(&source[from..], emitter)
        .filter_map(Result::ok)
        .map(|token| token_at(token, from));
    let start = loop {
        match tokens.next() {
            Some((_, span)) if span.start >= within => return Found::NoTable,
            Some((Token::StartTag(tag), span)) if tag.name.as_slice() == b"table" => {
                break span.start;
            }
            Some(_) => {}
            None => return Found::NoTable,
        }
    };
    let mut rows = Rows::new(source);
    let Some(end) = rows.read(&mut tokens) else { return Found::Unclosed };
    let caption =
        rows.caption().map(|(text, span)| Heading { text, span: onto.range(span), events: 0..0 });
    let Some((header, body)) = grid(rows.into_rows(keep, scratch)) else {
        return Found::Empty(end);
    };
    let width = header.cells.len();
    let row = |row: GridRow<'p>| {
        let (span, cells, extra) = row.with_width(width);
        let cells = cells.into_iter().map(|cell| on_page(cell, onto)).collect();
        Row::new(onto.range(span), cells, extra.map(|extra| onto.range(extra)))
    };
    let table = Table {
        span: onto.range(start..end),
        events: 0..0,
        heading: None,
        caption,
        header: header.cells.into_iter().map(|cell| on_page(cell, onto)).collect(),
        rows: body.into_iter().map(row).collect(),
        html: true,
    };
    Found::Table(table, end)
}

/// A token, and its byte range in the page's text read (the tokenizer's, from `from`).
fn token_at(token: Token<usize>, from: usize) -> (Token<usize>, Range<usize>) {
    let span = match &token {
        Token::StartTag(tag) => tag.span.start..tag.span.end,
        Token::EndTag(tag) => tag.span.start..tag.span.end,
        Token::String(text) => text.span.start..text.span.end,
        Token::Comment(text) => text.span.start..text.span.end,
        Token::Doctype(doctype) => doctype.span.start..doctype.span.end,
        Token::Error(error) => error.span.start..error.span.end,
    };
    (token, span.start + from..span.end + from)
}

/// A cell as read, before the grid places it: its tokens as inline events, where its content
/// runs, the rows and columns it covers, and whether it is a header cell (`<th>`).
struct CellRead<'p> {
    events: Events<'p>,
    /// The indices of the events that are tags of blocks ([`blocks_as_breaks`]).
    blocks: Vec<usize>,
    content: Range<usize>,
    rows: usize,
    columns: usize,
    th: bool,
}

/// A row as read: where it runs, its cells, and whether it is in the table's `<thead>`.
struct RowRead<'p> {
    span: Range<usize>,
    cells: Vec<CellRead<'p>>,
    head: bool,
}

/// The rows of a table as its tokens come ([`Rows::read`]).
struct Rows<'p> {
    source: &'p str,
    rows: Vec<RowRead<'p>>,
    /// The row open, if any.
    row: Option<RowRead<'p>>,
    /// The cell open, if any.
    cell: Option<CellRead<'p>>,
    /// How many tables inside the open cell are open: their tags are the cell's content.
    nested: usize,
    /// The table's `<caption>`: its text's tokens, and whether it is open.
    caption: (Vec<(String, Range<usize>)>, bool),
    /// Whether the table's `<thead>` is open.
    head: bool,
}

impl<'p> Rows<'p> {
    fn new(source: &'p str) -> Self {
        Rows {
            source,
            rows: Vec::new(),
            row: None,
            cell: None,
            nested: 0,
            caption: (Vec::new(), false),
            head: false,
        }
    }

    /// Reads the table's tokens after its start tag up to its `</table>`, and returns where
    /// that ends; `None` where the page ends first.
    fn read(
        &mut self,
        tokens: &mut impl Iterator<Item = (Token<usize>, Range<usize>)>,
    ) -> Option<usize> {
        for (token, span) in tokens {
            let tag = match &token {
                Token::StartTag(tag) => Some((true, tag.name.as_slice())),
                Token::EndTag(tag) => Some((false, tag.name.as_slice())),
                _ => None,
            };
            if self.nested > 0 {
                // A table in a cell: all of it, its rows and cells too, is the cell's content.
                match tag {
                    Some((true, b"table")) => self.nested += 1,
                    Some((false, b"table")) => self.nested -= 1,
                    _ => {}
                }
                self.push_to_cell(&token, span);
                continue;
            }
            match tag {
                Some((true, b"table")) if self.cell.is_some() => {
                    self.nested += 1;
                    self.push_to_cell(&token, span);
                }
                Some((true, b"tr")) => {
                    self.end_row(span.start);
                    self.row = Some(RowRead { span, cells: Vec::new(), head: self.head });
                }
                Some((true, b"td" | b"th")) => {
                    let Token::StartTag(tag) = &token else { continue };
                    let number = |name: &[u8], most: usize| {
                        let value = tag.attributes.get(name)?;
                        let value: usize =
                            std::str::from_utf8(&value.value).ok()?.trim().parse().ok()?;
                        Some(value.clamp(1, most))
                    };
                    let th = tag.name.as_slice() == b"th";
                    let cell = CellRead {
                        events: Vec::new(),
                        blocks: Vec::new(),
                        content: span.end..span.end,
                        // HTML's limits: browsers take at most 65534 rows and 1000 columns.
                        rows: number(b"rowspan", 65_534).unwrap_or(1),
                        columns: number(b"colspan", 1_000).unwrap_or(1),
                        th,
                    };
                    self.end_cell(span.start);
                    // A cell outside a row opens one, as a browser reads it.
                    let head = self.head;
                    let row = self.row.get_or_insert_with(|| RowRead {
                        span: span.clone(),
                        cells: Vec::new(),
                        head,
                    });
                    row.span.end = span.end;
                    self.cell = Some(cell);
                }
                Some((false, b"td" | b"th")) => self.end_cell(span.start),
                Some((false, b"tr")) => {
                    if let Some(row) = &mut self.row {
                        row.span.end = span.end;
                    }
                    self.end_row(span.start);
                }
                Some((opens, section @ (b"thead" | b"tbody" | b"tfoot"))) => {
                    self.end_row(span.start);
                    self.head = opens && section == b"thead";
                }
                Some((false, b"table")) => {
                    self.end_row(span.start);
                    return Some(span.end);
                }
                Some((opens, b"caption")) => self.caption.1 = opens && self.rows.is_empty(),
                _ if self.cell.is_some() => self.push_to_cell(&token, span),
                _ if self.caption.1 => {
                    if let Token::String(text) = &token
                        && let Ok(text) = std::str::from_utf8(&text.value)
                    {
                        self.caption.0.push((collapse_whitespace(text), span));
                    }
                }
                // Text and tags between cells (the columns' widths) are no cell's.
                _ => {}
            }
        }
        None
    }

    /// Adds `token`, at `span`, to the open cell as an inline event: text with its whitespace
    /// collapsed, a tag as inline HTML as the page writes it. Comments show nothing.
    fn push_to_cell(&mut self, token: &Token<usize>, span: Range<usize>) {
        let Some(cell) = &mut self.cell else { return };
        let event = match token {
            Token::StartTag(_) | Token::EndTag(_) => {
                let html = &self.source[span.clone()];
                let name = match token {
                    Token::StartTag(tag) => tag.name.as_slice(),
                    Token::EndTag(tag) => tag.name.as_slice(),
                    _ => &[],
                };
                if is_block_tag(html) || TABLE_PARTS.contains(&name) {
                    cell.blocks.push(cell.events.len());
                }
                Event::InlineHtml(CowStr::Borrowed(html))
            }
            Token::String(text) => {
                let Ok(text) = std::str::from_utf8(&text.value) else { return };
                let collapsed = collapse_whitespace(text);
                if collapsed == self.source[span.clone()] {
                    Event::Text(CowStr::Borrowed(&self.source[span.clone()]))
                } else {
                    Event::Text(CowStr::from(collapsed))
                }
            }
            _ => return,
        };
        cell.events.push((event, span));
    }

    /// Closes the open cell, if any, its content ending at `at`.
    fn end_cell(&mut self, at: usize) {
        if let Some(mut cell) = self.cell.take() {
            cell.content.end = at.max(cell.content.start);
            if let Some(row) = &mut self.row {
                row.span.end = row.span.end.max(at);
                row.cells.push(cell);
            }
        }
    }

    /// Closes the open cell, its content ending at `at`, and the open row, if any.
    fn end_row(&mut self, at: usize) {
        self.end_cell(at);
        if let Some(row) = self.row.take() {
            self.rows.push(row);
        }
    }

    /// The table's caption (`<caption>`), as a bold line above a pipe table is one: its text,
    /// whitespace one space, and where it is on the page; `None` where it has none or it shows
    /// nothing.
    fn caption(&self) -> Option<(String, Range<usize>)> {
        let parts = &self.caption.0;
        let text: String = parts.iter().map(|(text, _)| text.as_str()).collect();
        let mut shown = parts.iter().filter(|(text, _)| !text.trim().is_empty());
        let first = trim_span(self.source, shown.clone().next()?.1.clone());
        let last = trim_span(self.source, shown.next_back()?.1.clone());
        Some((text.trim().to_owned(), first.start..last.end.max(first.start)))
    }

    /// The rows read, each cell made a [`Cell`].
    fn into_rows(self, keep: &impl Keep, scratch: &mut String) -> Vec<PlacedRow<'p>> {
        let source = self.source;
        let rows = self.rows.into_iter().map(|row| {
            let span = trim_span(source, row.span.clone());
            let cells = row.cells.into_iter().map(|read| Placed {
                rows: read.rows,
                columns: read.columns,
                th: read.th,
                cell: cell(source, read, keep, scratch),
            });
            PlacedRow { span, cells: cells.collect(), head: row.head }
        });
        rows.collect()
    }
}

/// The elements a table is made of, which in a table inside a cell show their text on lines of
/// its own, as blocks do ([`blocks_as_breaks`]).
const TABLE_PARTS: [&[u8]; 8] =
    [b"table", b"caption", b"thead", b"tbody", b"tfoot", b"tr", b"th", b"td"];

/// `text` with each run of whitespace one space, as a browser shows text outside `<pre>`.
pub(super) fn collapse_whitespace(text: &str) -> String {
    let mut collapsed = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_ascii_whitespace() {
            space = true;
        } else {
            if space {
                collapsed.push(' ');
                space = false;
            }
            collapsed.push(c);
        }
    }
    if space {
        collapsed.push(' ');
    }
    collapsed
}

/// The [`Cell`] of a cell read: its plain text; its range, from its first text that shows to
/// its last; its content as its Markdown; its inline events, which `keep` keeps as events only,
/// as no Markdown reads as them.
fn cell<'p>(
    source: &'p str,
    mut read: CellRead<'p>,
    keep: &impl Keep,
    scratch: &mut String,
) -> Cell<'p> {
    read.events = blocks_as_breaks(std::mem::take(&mut read.events), &read.blocks);
    trim_edges(&mut read.events);
    let shows = |(event, _): &&(Event<'_>, Range<usize>)| match event {
        Event::Text(text) => !text.trim().is_empty(),
        _ => false,
    };
    let first = read.events.iter().find(shows).map(|(_, range)| trim_span(source, range.clone()));
    let last =
        read.events.iter().rev().find(shows).map(|(_, range)| trim_span(source, range.clone()));
    let markdown = trim_span(source, read.content.clone());
    let span = match (first, last) {
        (Some(first), Some(last)) => first.start..last.end.max(first.start),
        _ => markdown.start..markdown.start,
    };
    let anchor = read.events.iter().find_map(|(event, _)| match event {
        Event::InlineHtml(html) => anchor_name(html).map(String::into),
        _ => None,
    });
    let (text, extras) = text_and_extras(&read.events, anchor, scratch);
    Cell { text, span, markdown, kept: keep.keep_events(&read.events), missing: false, extras }
}

/// `events` with the tags of blocks, those at the indices `blocks` (`<p>`, `<dl>`, `<dt>`,
/// `<li>`: a cell's layout, which Win32's and Microsoft Store's pages wrap every cell's text
/// in; a table's parts, in a table inside the cell), made line breaks (`<br>`) between what
/// the blocks show, as the page shows their text on lines of its own; a variant's rustdoc is
/// a line of a paragraph, where a block's tags would open blocks of its own or break it.
fn blocks_as_breaks<'p>(events: Events<'p>, blocks: &[usize]) -> Events<'p> {
    let blank = |event: &Event<'_>| matches!(event, Event::Text(text) if text.trim().is_empty());
    let mut kept: Events<'_> = Vec::with_capacity(events.len());
    // Where the last block tag since what was kept last is, if any.
    let mut block: Option<Range<usize>> = None;
    let mut blocks = blocks.iter().peekable();
    for (index, (event, range)) in events.into_iter().enumerate() {
        if blocks.next_if_eq(&&index).is_some() {
            block.get_or_insert(range);
            continue;
        }
        if block.is_some() && blank(&event) {
            continue;
        }
        if let Some(at) = block.take()
            && kept.iter().any(|(event, _)| !blank(event))
        {
            kept.push((Event::InlineHtml(CowStr::Borrowed("<br>")), at));
        }
        kept.push((event, range));
    }
    kept
}

/// `events` without the whitespace at their ends (the line ends around a cell's content),
/// which a browser does not show and rustdoc would.
fn trim_edges(events: &mut Events<'_>) {
    let blank = |(event, _): &(Event<'_>, Range<usize>)| matches!(event, Event::Text(text) if text.trim().is_empty());
    while events.last().is_some_and(blank) {
        events.pop();
    }
    let leading = events.iter().take_while(|event| blank(event)).count();
    events.drain(..leading);
    if let Some((Event::Text(text), _)) = events.first_mut()
        && text.starts_with(' ')
    {
        *text = CowStr::from(text.trim_start().to_owned());
    }
    if let Some((Event::Text(text), _)) = events.last_mut()
        && text.ends_with(' ')
    {
        *text = CowStr::from(text.trim_end().to_owned());
    }
}

/// A cell to place in the grid, the rows and columns it covers, and whether it is a header
/// cell (`<th>`).
struct Placed<'p> {
    cell: Cell<'p>,
    rows: usize,
    columns: usize,
    th: bool,
}

/// A row of cells to place in the grid: where it runs, and whether it is in `<thead>`.
struct PlacedRow<'p> {
    span: Range<usize>,
    cells: Vec<Placed<'p>>,
    head: bool,
}

/// A row of the grid: where it runs, a cell for each column it has, and what tells a row of
/// the header ([`header_rows`]).
struct GridRow<'p> {
    span: Range<usize>,
    cells: Vec<Cell<'p>>,
    /// Whether it is in `<thead>`.
    head: bool,
    /// Whether a cell of a row above stands in it (`rowspan`).
    covered: bool,
    /// Whether each cell of its own is a header cell (`<th>`).
    all_th: bool,
}

impl<'p> GridRow<'p> {
    /// The row at `width` columns: its cells, padded with missing ones past its end, and where
    /// it has more, the range of those it drops.
    fn with_width(mut self, width: usize) -> (Range<usize>, Vec<Cell<'p>>, Option<Range<usize>>) {
        let dropped = self.cells.split_off(width.min(self.cells.len()));
        let extra = match (dropped.first(), dropped.last()) {
            (Some(first), Some(last)) => {
                Some(first.span.start..last.span.end.max(first.span.start))
            }
            _ => None,
        };
        let end = self.span.end;
        self.cells.resize_with(width, || missing_cell(end));
        (self.span, self.cells, extra)
    }
}

/// A cell the row does not have, at `end`, the row's end.
fn missing_cell<'p>(end: usize) -> Cell<'p> {
    Cell {
        text: Arc::from(""),
        span: end..end,
        markdown: end..end,
        kept: Kept::Nothing,
        missing: true,
        extras: None,
    }
}

/// The rows with each cell placed in every row and column it covers (a cell of `rowspan="2"`
/// stands in its row and the next one, at its column): the header ([`header_rows`]), and the
/// others; `None` where no row has a cell.
fn grid(rows: Vec<PlacedRow<'_>>) -> Option<(GridRow<'_>, Vec<GridRow<'_>>)> {
    // For each column, the cell that covers it from a row above, and how many rows more.
    let mut above: Vec<Option<(usize, Cell<'_>)>> = Vec::new();
    let mut grid = Vec::with_capacity(rows.len());
    for PlacedRow { span, cells: placed, head } in rows {
        let mut cells: Vec<Cell<'_>> = Vec::with_capacity(placed.len());
        let (mut covered, mut all_th) = (false, !placed.is_empty());
        let mut placed = placed.into_iter().peekable();
        let mut column = 0;
        while placed.peek().is_some()
            || above[column.min(above.len())..].iter().any(Option::is_some)
        {
            if let Some(Some((left, cell))) = above.get_mut(column) {
                covered = true;
                cells.push(cell.clone());
                *left -= 1;
                if *left == 0 {
                    above[column] = None;
                }
                column += 1;
                continue;
            }
            let Some(Placed { cell, rows, columns, th }) = placed.next() else {
                // A gap before a column covered from above: a cell the row does not have.
                cells.push(missing_cell(span.end));
                column += 1;
                continue;
            };
            all_th &= th;
            for _ in 0..columns {
                if above.len() <= column {
                    above.resize_with(column + 1, || None);
                }
                if rows > 1 {
                    above[column] = Some((rows - 1, cell.clone()));
                }
                cells.push(cell.clone());
                column += 1;
            }
        }
        // A row without cells shows nothing.
        if !cells.is_empty() {
            grid.push(GridRow { span, cells, head, covered, all_th });
        }
    }
    let header = header_rows(&grid);
    let mut grid = grid.into_iter();
    let mut first = grid.next()?;
    let below: Vec<GridRow<'_>> = grid.by_ref().take(header - 1).collect();
    if !below.is_empty() {
        first.cells = one_header(first.cells, &below);
    }
    Some((first, grid.collect()))
}

/// How many of the grid's first rows are its header: the first row, and each row right below
/// it whose own cells are all header cells (`<th>`) and that is in the table's `<thead>` or
/// that a header cell stands in (`<th rowspan="2">Code</th>`). A row of data cells ends the
/// header, in a `<thead>` never closed too.
fn header_rows(grid: &[GridRow<'_>]) -> usize {
    1 + grid.iter().skip(1).take_while(|row| row.all_th && (row.head || row.covered)).count()
}

/// The one header of a header of several rows, `first` over `below`: each column's cell the
/// last cell of its own, with the texts of each cell over it (a cell that spans rows once),
/// a line each, those that show nothing left out. A row of one cell across every column (a
/// title over the header, `<th colspan="3">Errors</th>`) heads no column.
fn one_header<'p>(first: Vec<Cell<'p>>, below: &[GridRow<'p>]) -> Vec<Cell<'p>> {
    let across = |cells: &[Cell<'_>]| {
        cells.len() > 1 && cells.windows(2).all(|pair| pair[0].is_same_cell(&pair[1]))
    };
    let rows = std::iter::once(&first[..]).chain(below.iter().map(|row| &row.cells[..]));
    let rows: Vec<&[Cell<'p>]> = rows.filter(|cells| !across(cells)).collect();
    let Some((top, under)) = rows.split_first() else { return first };
    let mut header = top.to_vec();
    for (column, cell) in header.iter_mut().enumerate() {
        let mut text = cell.text.to_string();
        for row in under {
            let Some(under) = row.get(column) else { continue };
            if under.is_same_cell(cell) || under.text.trim().is_empty() {
                continue;
            }
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(&under.text);
            // Its extras are the last line's anchor: a cell in HTML has no Markdown picture
            // (an `<img>` is a tag, which names leave out themselves).
            *cell = Cell { text: Arc::from(text.as_str()), ..under.clone() };
        }
    }
    header
}

#[cfg(test)]
mod tests {
    use crate::markdown::{self, Page};

    /// Each row's cells' texts of the page's tables, the header first.
    fn texts(page: &Page<'_>) -> Vec<Vec<Vec<String>>> {
        let row = |cells: &[markdown::Cell<'_>]| cells.iter().map(|c| c.text.to_string()).collect();
        let table = |table: &markdown::Table<'_>| {
            let mut rows = vec![row(&table.header)];
            rows.extend(table.rows.iter().map(|r| row(r.cells())));
            rows
        };
        page.tables.iter().map(table).collect()
    }

    /// A table as Win32's reference writes its error codes: each cell's text as the page shows
    /// it (tags dropped, `&mdash;` read, whitespace one space), its range the text that shows,
    /// and the Markdown after it read as Markdown again, its pipe table too.
    #[test]
    fn a_table_written_in_html_is_read_as_the_page_shows_it() {
        let page = "# F\n\n## Errors\n\n<table>\n<tr>\n<th>Error code</th>\n<th>Meaning</th>\n\
                    </tr>\n<tr>\n<td width=\"40%\">\n<dl>\n<dt><b><a href=\"e.htm\">WSAEFAULT</a>\
                    </b></dt>\n</dl>\n</td>\n<td width=\"60%\">\nAn invalid   pointer &mdash; or\n\
                    a size.\n\n</td>\n</tr>\n</table>\n\nAfter.\n\n| a |\n|---|\n| 1 |\n";
        let parsed = markdown::parse(page);
        assert_eq!(
            texts(&parsed),
            [
                vec![
                    vec!["Error code", "Meaning"],
                    vec!["WSAEFAULT", "An invalid pointer — or a size."]
                ],
                vec![vec!["a"], vec!["1"]],
            ]
        );
        let table = &parsed.tables[0];
        assert!(table.html && !parsed.tables[1].html);
        assert_eq!(table.heading.as_ref().unwrap().text, "Errors");
        assert_eq!(
            &page[table.span.clone()],
            &page[page.find("<table>").unwrap()..page.find("\n\nAfter").unwrap()]
        );
        let code = &table.rows[0].cells()[0];
        assert_eq!(&page[code.span.clone()], "WSAEFAULT");
        assert_eq!(&page[table.header[1].span.clone()], "Meaning");
        // The blocks the table runs through (its cell's paragraph after an empty line) are the
        // table's events, up to the paragraph after it.
        let after =
            parsed.events.iter().position(|(_, range)| page[range.clone()].starts_with("After"));
        assert_eq!(table.events.end, after.unwrap());
    }

    /// HTML's implied end tags close a cell at the next cell or row, and a row at the next
    /// row or section; sections (`<thead>`, `<tbody>`) and what is between cells (the caption,
    /// which is the table's, the columns' widths) are no cells; tags in any case; a table in a cell is its content, a
    /// block of its lines.
    #[test]
    fn cells_end_where_a_browser_ends_them() {
        let page = "<TABLE><caption>Codes</caption><colgroup><col width=\"2\"></colgroup>\n\
                    <thead><TR><TH>Code<th>Name</thead>\n<tbody><tr><td>1<td>One\n<tr><td>2<td>\
                    <table><tr><td>x</td></tr></table> two</tbody></TABLE>\n";
        let parsed = markdown::parse(page);
        assert_eq!(texts(&parsed), [[vec!["Code", "Name"], vec!["1", "One"], vec!["2", "x\ntwo"]]]);
        let caption = parsed.tables[0].caption.as_ref().unwrap();
        assert_eq!((caption.text.as_str(), &page[caption.span.clone()]), ("Codes", "Codes"));
    }

    /// A cell of `rowspan` stands in every row it covers at its column, and one of `colspan`
    /// in every column; a row shorter than the header is padded with missing cells, and one
    /// longer keeps the range of the cells the table drops. A row without cells shows nothing.
    #[test]
    fn spanning_cells_stand_in_each_row_and_column_they_cover() {
        let page = "<table>\n<tr><th>A</th><th>B</th><th>C</th></tr>\n<tr></tr>\n\
                    <tr><td rowspan=\"2\">a</td><td colspan=\"2\">bc</td></tr>\n\
                    <tr><td>b2</td></tr>\n<tr><td>x</td><td>y</td><td>z</td><td>w</td></tr>\n</table>\n";
        let parsed = markdown::parse(page);
        assert_eq!(
            texts(&parsed),
            [[
                vec!["A", "B", "C"],
                vec!["a", "bc", "bc"],
                vec!["a", "b2", ""],
                vec!["x", "y", "z"]
            ]]
        );
        let rows = &parsed.tables[0].rows;
        assert_eq!(rows[0].cells()[0].span, rows[1].cells()[0].span, "one cell, in two rows");
        assert!(rows[1].cells()[2].missing && !rows[1].cells()[1].missing);
        assert_eq!(&page[rows[2].extra.clone().unwrap()], "w");
    }

    /// The tags GFM disallows are text on GitHub, so they hold no text of their own as in a
    /// browser: a `<textarea>` never closed leaves the rest of the table a table, and the text
    /// of a cell shows each such tag as written.
    #[test]
    fn tags_github_disallows_hold_no_text_of_their_own() {
        let page = "<table><tr><th>Code</th><th>Notes</th></tr>\n\
                    <tr><td>1</td><td>a <script>x</td></tr>\n<tr><td>2</td><td>c <textarea>d</td></tr>\n\
                    <tr><td>3</td><td>e</td></tr></table>\n";
        assert_eq!(
            texts(&markdown::parse(page)),
            [[["Code", "Notes"], ["1", "a <script>x"], ["2", "c <textarea>d"], ["3", "e"]]]
        );
    }

    /// A header of two rows is one: a column's header the texts over it, a line each (a cell
    /// that spans both rows once). A row of header cells that no header cell spans into, and
    /// that is not in `<thead>`, is a row of the table (a heading of the rows below it).
    #[test]
    fn a_header_of_several_rows_is_one() {
        let page = "<table><tr><th rowspan=\"2\">A</th><th>B</th></tr><tr><th>b</th></tr>\
                    <tr><th>Group</th><th>x</th></tr><tr><td>1</td><td>2</td></tr></table>\n";
        assert_eq!(texts(&markdown::parse(page)), [[["A", "B\nb"], ["Group", "x"], ["1", "2"]]]);
        // In `<thead>`: rows of header cells, under a title across them; a row of data
        // cells in a `<thead>` never closed is a row of the table.
        let page = "<table><thead><tr><th colspan=\"2\">Errors</th></tr><tr><th>A</th><th>B</th>\
                    </tr><tr><th></th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>\n";
        assert_eq!(texts(&markdown::parse(page)), [[["A", "B\nb"], ["1", "2"]]]);
    }

    /// A cell's blocks (`<p>`, `<dt>`) are lines of its text, and line breaks between what
    /// they show in its rustdoc, whose links are made absolute; the whitespace at its ends is
    /// not its.
    #[test]
    fn a_cells_blocks_are_its_lines() {
        let page = "<table><tr><th>Code</th><th>Details</th></tr><tr><td>\n<p>400</p>\n</td>\
                    <td><p>Bad</p>\n<p>See <a href=\"x.htm\"><code>x</code></a>.</p></td></tr></table>\n";
        let keeper = || crate::rustdoc::Keeper::new(true);
        let parsed = markdown::parse_keeping(page, keeper);
        assert_eq!(texts(&parsed), [[vec!["Code", "Details"], vec!["400", "Bad\nSee x."]]]);
        let base = url::Url::parse("https://x.test/p").unwrap();
        let mut links = crate::rustdoc::Links::new(&base);
        let cells = parsed.tables[0].rows[0].cells();
        let mut doc = |cell| crate::rustdoc::inline(page, cell, &mut links).text(page);
        assert_eq!(doc(&cells[0]), "400");
        assert_eq!(
            doc(&cells[1]),
            "Bad<br>See <a href=\"https://x.test/x.htm\"><code>x</code></a>."
        );
    }

    /// No table is read from a `<table>` that is never closed (a browser would take the rest of
    /// the page into it, and any table there), nor from one in a comment or of no cell; two
    /// tables in one HTML block are each read.
    #[test]
    fn only_a_closed_table_of_cells_is_read() {
        let tables = |page: &str| markdown::parse(page).tables.len();
        assert_eq!(tables("<table>\n<tr><td>1</td></tr>\n\nText.\n"), 0);
        assert_eq!(tables("<div><!-- <table><tr><td>1</td></tr></table> --></div>\n"), 0);
        assert_eq!(tables("<table>\n<caption>None</caption>\n</table>\n"), 0);
        // A table after one of no cell in its block is read; one after a table never closed
        // is in that table, as a browser reads it, and not one of its own.
        assert_eq!(tables("<table></table><table><tr><td>1</td></tr></table>\n"), 1);
        assert_eq!(tables("<table><tr><td>\n\n<table><tr><td>1</td></tr></table>\n"), 0);
        let two = markdown::parse(
            "<table><tr><td>1</td></tr></table>\n<table><tr><td>2</td></tr></table>\n\nText.\n",
        );
        assert_eq!(texts(&two), [[vec!["1"]], [vec!["2"]]]);
        assert!(two.tables[0].events.start < two.tables[1].events.start);
    }

    /// Each table is under the heading above it, where the one before it ends in another block.
    #[test]
    fn tables_in_blocks_of_their_own_are_each_under_their_heading() {
        let page = "## A\n\n<table><tr><th>Code</th></tr><tr><td>1</td></tr></table>\n\n## B\n\nText.\n\n\
                    <table><tr><th>Code</th></tr><tr><td>2</td></tr></table>\n";
        let parsed = markdown::parse(page);
        let headings: Vec<&str> = parsed
            .tables
            .iter()
            .map(|table| table.heading.as_ref().unwrap().text.as_str())
            .collect();
        assert_eq!(headings, ["A", "B"]);
        assert_eq!(texts(&parsed), [[vec!["Code"], vec!["1"]], [vec!["Code"], vec!["2"]]]);
    }

    /// A table in a block quote or list item is read, and the container's end is not the
    /// table's: the events after it are read as the page's.
    #[test]
    fn a_table_in_a_container_is_read() {
        let page = "> <table><tr><th>Code</th></tr>\n> <tr><td>1</td></tr></table>\n\n# After\n";
        let parsed = markdown::parse(page);
        assert_eq!(texts(&parsed), [[vec!["Code"], vec!["1"]]]);
        assert_eq!(parsed.title.as_ref().map(|title| title.text.as_str()), Some("After"));
    }
}
