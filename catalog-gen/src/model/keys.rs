//! Stage 6: each row's code and name: the row's width, the code found by `key-pattern` and
//! parsed as the manifest's `key-type`, and a name cell with text.

use std::borrow::Cow;
use std::cell::OnceCell;

use regex::Regex;
use rustc_hash::FxHashSet;
use toml::Spanned;

use crate::api::{self, toml_string};
use crate::diagnostics::{Diagnostic, Label};
use crate::int_code::{
    Codes, IntValue, after_hex_prefix, hex_digits, int_value, is_decimal, negative_digits,
};
use crate::manifest::{KeyType, PinnedNames, TableSpec};
use crate::markdown::{
    self, Cell, Row, Table, is_attribute_block, is_one_bold_run, listed_code_spans,
};
use crate::model::columns::{self, Columns};
use crate::model::problems::{
    AfterTheCode, NotANumber, PatternOffer, PinLine, Place, SeveralCodes,
};
use crate::model::skip::Offers;
use crate::model::{Key, same_text};
use crate::model::{merged, split};
use crate::scan;

/// A row whose code parsed, before it is named.
#[derive(Debug)]
pub struct KeyedRow<'a> {
    /// The parsed code.
    pub key: Key,
    /// The code as written (after `key-pattern`).
    pub key_text: String,
    /// The row: the page's, or for a retired row, its last documented cells.
    pub row: Cow<'a, Row<'a>>,
    /// The row's index among the page table's rows; `None` for a retired row.
    pub page_row: Option<usize>,
    /// Where the row is retired: its variant name and the manifest's entry.
    pub retiring: Option<Retiring<'a>>,
}

/// A retired row's variant name, kept from the snapshot, and why it is kept.
#[derive(Clone, Debug)]
pub struct Retiring<'a> {
    /// The variant name it had.
    pub ident: String,
    /// The manifest's `retired` key for it, whose entry says since when and why.
    pub key: &'a Spanned<String>,
}

/// The rows whose code and name could be read; a problem for every other, whose help's
/// `skip-rows` line `offers` makes. `firsts` are where the first row of each of the page's
/// tables it is made of starts (as for [`merged::rows`]): no row continues a row of another.
pub fn read<'a>(
    place: &Place<'_>,
    spec: &TableSpec,
    (source, table, firsts): (&str, &'a Table, &[usize]),
    columns: &Columns,
    pattern: Option<&Regex>,
    offers: &mut Offers<'_>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<KeyedRow<'a>> {
    let start = problems.len();
    let mut rows = Vec::with_capacity(table.rows.len());
    let key_column = KeyColumn::of(table, columns);
    let text_codes = TextCodes::new(source, table, columns.key, key_column);
    let codes = spec.codes();
    let integer = codes.is_integer();
    let mut fitting = FittingType::new(&table.rows, columns.key, pattern, codes);
    for (index, row) in table.rows.iter().enumerate() {
        // A missing cell is empty, as GFM renders it (and `check_width` warns, but of a row
        // that heads others, which has no more to say). A row needs a code; an empty name cell
        // is a name that makes no identifier (the code names the variant), so the name is not
        // read here.
        let key_cell = &row.cells()[columns.key];
        let across = table.html && is_one_cell_across(row);
        if repeats_header(table, row, columns.key) {
            // A header repeated (as pages converted from a document repeat it at the top of
            // each of its pages) is no entry; the error of an integer code offers to leave it
            // out.
            let skip = offers.offer_row(&key_cell.text);
            if !integer {
                problems.push(place.header_repeated(key_cell.span.clone(), &key_cell.text, &skip));
            }
        } else if !across && !heads_rows(codes, (source, table), row, key_cell) {
            check_width(place, (source, table), row, offers, problems);
        } else if !integer {
            let skip = offers.offer_row(&key_cell.text);
            let shape = (&*key_cell.text, across);
            problems.push(place.heading_row(key_cell.span.clone(), shape, &skip));
        } else if codes.value(&key_cell.text).is_none() {
            // The error of its code, which is no number, offers to leave it out.
            offers.heading(&key_cell.text);
        }
        if key_cell.text.is_empty() {
            // A row below another of its table, without a name either, may be more lines of
            // it, which `continued-rows` makes it (where set, the row is the first of its
            // table).
            let below = index > 0 && !firsts.contains(&row.span.start);
            let continues = below && merged::may_continue(row, columns) && !spec.continues_rows();
            no_code(place, row, key_cell, continues, offers, problems);
            continue;
        }
        let Some(key_text) = key_text(place, spec, key_cell, pattern, offers, problems) else {
            continue;
        };
        let markdown = &source[key_cell.markdown.clone()];
        let reading = (key_column, &mut *offers, &mut fitting, markdown);
        let Some(key) = parse_key(place, spec, key_cell, &key_text, reading, problems) else {
            continue;
        };
        if let Key::Str(code) = &key {
            text_codes.check(place, spec, key_cell, code, problems);
        }
        let row = Cow::Borrowed(row);
        rows.push(KeyedRow { key, key_text, row, page_row: Some(index), retiring: None });
    }
    // Every row of several failing is a table read wrongly, whose rows the helps do not offer
    // to leave out; one row failing is one row (a range left alone in its table, as a
    // registry's reserved codes are), and rows the manifest retires stay in any case.
    if rows.is_empty() && table.rows.len() > 1 && spec.retired.is_empty() {
        offers.found_no_code();
    }
    if let Some((first, count)) = hex_codes_read_as_decimal(spec, key_column.header, &rows) {
        let span = first.row.cells()[columns.key].span.clone();
        let header = key_column.header;
        problems.push(place.hex_codes_read_as_decimal(span, (&first.key_text, count), header));
    }
    if let Some((first, quotes)) = codes_in_quotes(spec, &rows) {
        let offer =
            pattern_offer(spec, key_column, quotes.unquote(&first.key_text), quotes.pattern);
        let span = first.row.cells()[columns.key].span.clone();
        problems.push(place.codes_in_quotes(span, (&first.key_text, rows.len()), offer));
    }
    if let Some(words) = words_among_codes(spec, (source, columns.key), &rows) {
        let key_cell = &words.row.cells()[columns.key];
        // Not where the cell is warned of already (a code and its message, `E1: Failed`).
        let at_cell = |label: &Label| label.span == key_cell.span;
        if !problems[start..].iter().any(|problem| problem.labels.iter().any(at_cell)) {
            let skip = offers.offer_row(&key_cell.text);
            let span = key_cell.span.clone();
            problems.push(place.words_among_codes(span, &words.key_text, &skip));
        }
    }
    rows
}

/// The one row of `rows` whose text code is several words not set off as code (`Other codes`,
/// as pages write a row of every code the table does not list: `| Other codes | 500 |` under
/// `` `FILE_NOT_FOUND` `` and the like), where every other of three rows or more is one word
/// set off as code (on `source`, in column `key`), and the manifest takes no code out of its
/// cell with a `key-pattern`. A page that writes its codes as code and one row not says that
/// row is none; where codes are plain text, words are as likely a code as not (`Parse error
/// on...`, an error monday.com's API returns), and no row is warned of. (Integer codes of
/// words are no numbers: their error offers to leave them out.)
fn words_among_codes<'r, 'a>(
    spec: &TableSpec,
    (source, key): (&str, usize),
    rows: &'r [KeyedRow<'a>],
) -> Option<&'r KeyedRow<'a>> {
    if spec.key_type.get_ref().is_integer() || spec.key_pattern.is_some() || rows.len() < 3 {
        return None;
    }
    let as_code = |row: &KeyedRow<'_>| {
        let markdown = &source[row.row.cells()[key].markdown.clone()];
        markdown.len() > 1 && markdown.starts_with('`') && markdown.ends_with('`')
    };
    let words = |row: &&KeyedRow<'_>| row.key_text.split_whitespace().nth(1).is_some();
    let (mut words, codes): (Vec<_>, Vec<_>) = rows.iter().partition(words);
    let first = words.pop().filter(|_| words.is_empty())?;
    (!as_code(first) && codes.into_iter().all(as_code)).then_some(first)
}

/// The warnings of a text code that lookups of the code as a program has it would not find
/// (stage 6, a row at a time): several codes in one cell, a code a line or listed in code
/// spans, a mark after the code, a character that does not show. Where a help offers a
/// `key-pattern`, whether it reads every row of the table is found once, at the first row that
/// needs it.
struct TextCodes<'t> {
    source: &'t str,
    table: &'t Table<'t>,
    key: usize,
    key_column: KeyColumn<'t>,
    /// Whether every key cell's first line is one word (`^(\S+)` takes it).
    first_lines_one_word: OnceCell<bool>,
    /// Whether [`FIRST_LISTED`] takes every key cell's code, or its first listed one.
    first_listed_one_word: OnceCell<bool>,
    /// Whether [`BEFORE_A_MARK`] takes every key cell's code, marked or not.
    every_mark_taken: OnceCell<bool>,
    /// Whether [`BEFORE_A_MESSAGE`] takes every key cell's code, each another.
    every_message_taken: OnceCell<bool>,
    /// Whether [`FIRST_WORD`] takes every key cell's code, remarked or not.
    every_remark_taken: OnceCell<bool>,
}

impl<'t> TextCodes<'t> {
    /// For the codes of `table`, on the page `source`, in its column `key`.
    fn new(source: &'t str, table: &'t Table<'t>, key: usize, key_column: KeyColumn<'t>) -> Self {
        TextCodes {
            source,
            table,
            key,
            key_column,
            first_lines_one_word: OnceCell::new(),
            first_listed_one_word: OnceCell::new(),
            every_mark_taken: OnceCell::new(),
            every_message_taken: OnceCell::new(),
            every_remark_taken: OnceCell::new(),
        }
    }

    /// Whether `holds` is true of every key cell of the table.
    fn every_cell(&self, holds: impl Fn(&Cell<'_>) -> bool) -> bool {
        self.table.rows.iter().all(|row| holds(&row.cells()[self.key]))
    }

    /// Warns of `code`, read from `key_cell`, where no lookup of the code as a program has it
    /// would find its row.
    fn check(
        &self,
        place: &Place<'_>,
        spec: &TableSpec,
        key_cell: &Cell<'_>,
        code: &str,
        problems: &mut Vec<Diagnostic>,
    ) {
        let (span, key_column, source) = (key_cell.span.clone(), self.key_column, self.source);
        let patterned = spec.key_pattern.is_some();
        if code.contains('\n') {
            let one_word = *self
                .first_lines_one_word
                .get_or_init(|| self.every_cell(|cell| is_one_word(first_line(&cell.text))));
            let offer = (one_word && !patterned)
                .then(|| pattern_offer(spec, key_column, first_line(code), FIRST_WORD));
            // `split-codes` is offered where it would split the cell (not where an empty line
            // is between its codes, which it leaves whole).
            let markdown = &source[key_cell.markdown.clone()];
            let splits = split::holds_several(markdown, &key_cell.text, spec.codes());
            let several = (SeveralCodes::Lines(code.lines().count()), splits);
            problems.push(place.several_codes_in_cell(span.clone(), code, several, offer));
        } else if let Some(listed) =
            listed_code_spans(&source[key_cell.markdown.clone()]).filter(|_| !patterned)
        {
            let one_word = *self
                .first_listed_one_word
                .get_or_init(|| self.every_cell(|cell| first_listed_is_one_word(source, cell)));
            let offer = one_word.then(|| pattern_offer(spec, key_column, &listed[0], FIRST_LISTED));
            // A list of code spans is what `split-codes` splits: here, it is not set.
            let several = (SeveralCodes::Listed(listed.len()), true);
            problems.push(place.several_codes_in_cell(span.clone(), code, several, offer));
        } else if let Some(bare) = before_a_mark(code).filter(|_| !patterned) {
            let every = *self
                .every_mark_taken
                .get_or_init(|| self.every_cell(|cell| mark_taken(&cell.text)));
            let offer = every.then(|| pattern_offer(spec, key_column, bare, BEFORE_A_MARK));
            problems.push(place.code_with_a_mark(span.clone(), code, bare, offer));
        } else if let Some(bare) = before_a_message(code).filter(|_| !patterned) {
            let every =
                *self.every_message_taken.get_or_init(|| messages_taken(self.table, self.key));
            let offer = every.then(|| pattern_offer(spec, key_column, bare, BEFORE_A_MESSAGE));
            problems.push(place.code_and_more(span.clone(), bare, AfterTheCode::Message, offer));
        } else if let Some(bare) = before_a_remark(code).filter(|_| !patterned) {
            let every =
                *self.every_remark_taken.get_or_init(|| remarks_taken(self.table, self.key));
            let offer = every.then(|| pattern_offer(spec, key_column, bare, FIRST_WORD));
            problems.push(place.code_and_more(span.clone(), bare, AfterTheCode::Remark, offer));
        }
        if let Some(hidden) = scan::hidden_letter(code) {
            problems.push(place.hidden_letter_in_code(span, code, hidden));
        }
    }
}

/// Quotes that open and close a code, as pages write codes of text in them, with the
/// `key-pattern` that takes the code out of them.
#[derive(PartialEq)]
struct Quotes {
    open: char,
    close: char,
    pattern: &'static str,
}

impl Quotes {
    /// `code`, which these quotes open and close, without them.
    fn unquote<'c>(&self, code: &'c str) -> &'c str {
        &code[self.open.len_utf8()..code.len() - self.close.len_utf8()]
    }
}

/// The kinds of quotes a code may be written in: straight, and as typeset.
const QUOTES: [Quotes; 4] = [
    Quotes { open: '\'', close: '\'', pattern: "^'(.+)'$" },
    Quotes { open: '"', close: '"', pattern: "^\"(.+)\"$" },
    Quotes { open: '\u{2018}', close: '\u{2019}', pattern: "^\u{2018}(.+)\u{2019}$" },
    Quotes { open: '\u{201c}', close: '\u{201d}', pattern: "^\u{201c}(.+)\u{201d}$" },
];

/// The first of a table's `rows` and its quotes, where every code of text is in one kind of
/// quotes (`'VERIFIED'`, as TypeScript's doc generators write the values of string enums) and
/// the manifest takes no code out of its cell with a `key-pattern`: the quotes are part of
/// each code, so a lookup of the code as a program has it (`VERIFIED`) finds no row. (Integer
/// codes in quotes are no numbers, an error of their own.)
fn codes_in_quotes<'r, 'a>(
    spec: &TableSpec,
    rows: &'r [KeyedRow<'a>],
) -> Option<(&'r KeyedRow<'a>, &'static Quotes)> {
    if spec.key_type.get_ref().is_integer() || spec.key_pattern.is_some() {
        return None;
    }
    let quotes_of = |code: &str| {
        let mut chars = code.chars();
        let (open, close) = (chars.next()?, chars.next_back()?);
        // Something between them: `''` is no code in quotes.
        let inside = !scan::trim(chars.as_str()).is_empty();
        QUOTES.iter().find(|quotes| inside && (quotes.open, quotes.close) == (open, close))
    };
    let first = rows.first()?;
    let quotes = quotes_of(&first.key_text)?;
    let all = rows[1..].iter().all(|row| quotes_of(&row.key_text) == Some(quotes));
    all.then_some((first, quotes))
}

/// Where the key column's `header` says its codes are hexadecimal (`Error Code (Hex)`, as
/// Modbus's exception codes are written: `01`, `10`) and not decimal too, the first of `rows`
/// whose integer code is written in decimal digits that read as another number in hexadecimal
/// (`10`, read as ten where the page means sixteen; `0`–`9` are the same either way), and how
/// many are.
fn hex_codes_read_as_decimal<'r, 'a>(
    spec: &TableSpec,
    header: &str,
    rows: &'r [KeyedRow<'a>],
) -> Option<(&'r KeyedRow<'a>, usize)> {
    if spec.codes() != Codes::Decimal || !says_hexadecimal(header) {
        return None;
    }
    let ten = IntValue::from(10u64);
    let mut misread = rows.iter().filter(|row| {
        matches!(row.key, Key::Int(value) if value >= ten) && is_decimal(&row.key_text)
    });
    let first = misread.next()?;
    Some((first, 1 + misread.count()))
}

/// Whether a key column's `header` says its codes are hexadecimal: it has the word `hex` or
/// `hexadecimal` (`Error Code (Hex)`, `Value(HEX)`), and not `dec` or `decimal` too (`Code
/// (dec/hex)`).
fn says_hexadecimal(header: &str) -> bool {
    let says = |words: &[&str]| {
        let mut header_words = header.split(|c: char| !c.is_alphanumeric());
        header_words.any(|word| words.iter().any(|said| word.eq_ignore_ascii_case(said)))
    };
    says(&["hex", "hexadecimal"]) && !says(&["dec", "decimal"])
}

/// Whether `text` is hexadecimal digits, and at least one, and nothing else.
fn is_hex_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|byte| byte.is_ascii_hexdigit())
}

/// Whether `text` is hexadecimal digits without `0x`, and at least one, with or without an `h`
/// after them, as assembly and hardware manuals write them (`0Ah`).
fn is_bare_hex(text: &str) -> bool {
    is_hex_digits(text.strip_suffix(['h', 'H']).unwrap_or(text))
}

/// Whether `row` reads as a heading of the rows below it, as tables write groups of rows: text
/// in its code cell `key_cell` only, all of it bold (`| **System & Validation** | | |`), in a
/// table of more than one column, and where the `codes` are integers, no number.
fn heads_rows(codes: Codes, (source, table): (&str, &Table), row: &Row, key_cell: &Cell) -> bool {
    table.header.len() > 1
        && row.has_text_only_in(key_cell)
        && codes.value(&key_cell.text).is_none()
        && is_one_bold_run(&source[key_cell.markdown.clone()])
}

/// Whether `row`, of a table of more than one column written in HTML, is one cell across all
/// its columns (`<th colspan="3">Client errors</th>`, as HTML tables head a group of rows):
/// the cell stands in each column, so every cell is it.
fn is_one_cell_across(row: &Row) -> bool {
    let Some((first, rest)) = row.cells().split_first() else { return false };
    !rest.is_empty() && !first.text.is_empty() && rest.iter().all(|cell| first.is_same_cell(cell))
}

/// Warns of a row with fewer cells than the table has columns (padded with empty ones, as GFM
/// does), or, where its one cell is an attribute block or a line that goes on from the row
/// above it, of that; reports one with more cells (their text would be lost).
fn check_width(
    place: &Place<'_>,
    (source, table): (&str, &Table),
    row: &Row,
    offers: &mut Offers<'_>,
    problems: &mut Vec<Diagnostic>,
) {
    let width = table.header.len();
    let present = row.cells().iter().filter(|cell| !cell.missing).count();
    let only = row.only_cell().filter(|cell| !cell.text.is_empty());
    let block = only.filter(|cell| is_attribute_block(&cell.text));
    // An attribute block stands for no code, so it is always offered.
    if let Some((block, Some(skip))) = block.map(|cell| (cell, offers.offer(&cell.text))) {
        problems.push(place.attribute_row(row.span.clone(), &block.text, &skip));
    } else if present < width {
        let missing: Vec<&str> = table.header[present..].iter().map(|cell| &*cell.text).collect();
        match only.filter(|_| goes_on_from_row_above(source, table, row)) {
            // A line of a cell's text stands for no code, whatever it says.
            Some(line) => {
                let skip = offers.offer_row(&line.text);
                problems.push(place.line_of_cell_above(
                    row.span.clone(),
                    &line.text,
                    &missing,
                    &skip,
                ));
            }
            None => {
                let end = row.cells()[present].span.clone();
                problems.push(place.short_row(end, present, width, &missing));
            }
        }
    }
    if let Some(extra) = &row.extra {
        problems.push(place.long_row(extra.clone(), width, table.html));
    }
}

/// Whether `row` of `table` is its header again, every cell the same text, as a reader
/// compares headers ([`same_text`]), its code cell (column `key`) as written but for case.
fn repeats_header(table: &Table, row: &Row, key: usize) -> bool {
    // Told by the code cell first, without the copies `same_text` makes: every row is asked.
    let (key_cell, header) = (&row.cells()[key], &table.header[key]);
    !header.text.is_empty()
        && key_cell.text.eq_ignore_ascii_case(&header.text)
        && row.cells().iter().zip(&table.header).all(|(c, h)| same_text(&c.text, &h.text))
}

/// Whether `row` of `table` is a line without the `|` that begins the table's header line
/// (`status page`, under `| API_TEMPORARILY_BLOCKED | 200 | … | Check the`): the rest of a
/// cell's text broken over lines, as pages converted from HTML have it, which GFM reads as a
/// row of its own, as a row ends at its line's end. A table written without outer pipes
/// (`Code | Message`) has rows without them too, which this does not take for such lines.
fn goes_on_from_row_above(source: &str, table: &Table, row: &Row) -> bool {
    // The table starts at its header line's start (after a block quote's markers); a row's
    // span, at its first cell's text, after any `|` and spaces before it.
    let header_pipe = source[table.span.start..].trim_start_matches([' ', '\t']).starts_with('|');
    let line_start = source[..row.span.start].rfind('\n').map_or(0, |at| at + 1);
    header_pipe && !source[line_start..row.span.start].contains('|')
}

/// Pushes the error of `row`, whose key cell `cell` is empty; `continues`: whether the row
/// may be more lines of the row above it, which `continued-rows` would make it.
fn no_code(
    place: &Place<'_>,
    row: &Row,
    cell: &Cell,
    continues: bool,
    offers: &mut Offers<'_>,
    problems: &mut Vec<Diagnostic>,
) {
    // A row of one cell in another column (kramdown's attribute block under the table): what
    // that cell says may be no code, which `skip-rows` leaves out by that cell. Any other row
    // without a code (an empty row, or more lines of the row above it) is left out by the
    // empty entry.
    let block = row.only_cell().and_then(|only| offers.offer(&only.text));
    let problem = match block {
        Some(skip) => place.empty_code(cell.span.clone(), &skip),
        None => {
            let skip = offers.offer_no_code();
            let text = row.cells().iter().find(|cell| !cell.text.is_empty());
            let text = text.map(|cell| &*cell.text);
            place.row_without_code(cell.span.clone(), text, continues, &skip)
        }
    };
    problems.push(problem);
}

/// The code as written in `cell`, a row's key cell, which is not empty: the whole cell, or
/// what `key-pattern` finds in it.
fn key_text(
    place: &Place<'_>,
    spec: &TableSpec,
    cell: &Cell,
    pattern: Option<&Regex>,
    offers: &mut Offers<'_>,
    problems: &mut Vec<Diagnostic>,
) -> Option<String> {
    let text = &*cell.text;
    let (Some(pattern), Some(spec_pattern)) = (pattern, &spec.key_pattern) else {
        return Some(text.to_owned());
    };
    match found_code(pattern, text) {
        Some(code) => Some(code.to_owned()),
        None => {
            let skip = offers.offer(text);
            problems.push(place.no_code_found(
                cell.span.clone(),
                text,
                spec_pattern.span(),
                skip.as_ref(),
            ));
            None
        }
    }
}

/// What `pattern`, the manifest's `key-pattern`, finds in a key cell's `text`: its first
/// group, or without one the whole match; `None` where that is nothing.
fn found_code<'t>(pattern: &Regex, text: &'t str) -> Option<&'t str> {
    let captures = pattern.captures(text)?;
    let code = captures.get(1).or(captures.get(0))?.as_str();
    (!code.is_empty()).then_some(code)
}

/// The narrowest integer `key-type` that holds every code of a table, for the help of a code
/// that does not fit the manifest's: found once a table, at the first such code, from the
/// key cells of all its rows (`90041001`, `90041003` in a table of `u16` codes: `u32`).
pub struct FittingType<'t> {
    rows: &'t [Row<'t>],
    key: usize,
    pattern: Option<&'t Regex>,
    codes: Codes,
    /// The smallest and largest of the codes that read as numbers, once found.
    extremes: Option<Option<(IntValue, IntValue)>>,
}

impl<'t> FittingType<'t> {
    /// For the codes of `rows`, in their column `key`, as `pattern` finds them, read as
    /// `codes` says.
    pub fn new(rows: &'t [Row<'t>], key: usize, pattern: Option<&'t Regex>, codes: Codes) -> Self {
        FittingType { rows, key, pattern, codes, extremes: None }
    }

    /// The narrowest type that holds every code of the table and `code`, of the signedness of
    /// `key_type` where no code is negative; `None` where none of them holds them all (a code
    /// past `u64::MAX`).
    fn of(&mut self, key_type: KeyType, code: IntValue) -> Option<KeyType> {
        let (rows, key, pattern, read) = (self.rows, self.key, self.pattern, self.codes);
        let extremes = *self.extremes.get_or_insert_with(|| {
            let cells = rows.iter().map(|row| &*row.cells()[key].text);
            let codes = cells.filter_map(|text| match pattern {
                Some(pattern) => found_code(pattern, text),
                None => Some(text),
            });
            let values = codes.filter_map(|code| read.value(code));
            values.fold(None, |extremes, value| match extremes {
                None => Some((value, value)),
                Some((min, max)) => Some((min.min(value), max.max(value))),
            })
        });
        let (min, max) = extremes.map_or((code, code), |(min, max)| (min.min(code), max.max(code)));
        let signed = !key_type.is_unsigned() || min < IntValue::from(0u64);
        let widths: [KeyType; 4] = match signed {
            false => [KeyType::U8, KeyType::U16, KeyType::U32, KeyType::U64],
            true => [KeyType::I8, KeyType::I16, KeyType::I32, KeyType::I64],
        };
        widths
            .into_iter()
            .find(|width| width.range().is_some_and(|(low, high)| low <= min && max <= high))
    }
}

/// A code as the rows compare it (lookups, the uniqueness checks, the break gate, the keys of
/// the manifest): as written, or where the `codes` are integers, as the number's decimal digits
/// (`0x0D` and `013` are `13`; `0D` too where they are written in hexadecimal digits alone).
pub fn code_id(code: &str, codes: Codes) -> Cow<'_, str> {
    match codes.value(code) {
        Some(value) => Cow::Owned(value.to_string()),
        None => Cow::Borrowed(code),
    }
}

impl KeyedRow<'_> {
    /// The row's code as the rows compare it ([`code_id`]).
    pub fn code_id(&self) -> Cow<'_, str> {
        match self.key {
            Key::Int(value) => Cow::Owned(value.to_string()),
            Key::Str(_) => Cow::Borrowed(&self.key_text),
        }
    }
}

/// A code as written, and as a number where it is one.
pub struct Code<'c> {
    /// As written.
    pub text: &'c str,
    number: Option<IntValue>,
    codes: Codes,
}

impl<'c> Code<'c> {
    /// `text`, a code as a manifest key or the snapshot writes it, of a table whose codes read
    /// as `codes` says; a key of a table of text codes may be a number all the same (a pin's
    /// `"13"`), which [`Code::number`] gives.
    pub fn new(text: &'c str, codes: Codes) -> Self {
        Code { text, number: codes.number(text), codes }
    }

    /// The code's number, where it is written as one ([`Codes::value`]).
    pub fn number(&self) -> Option<IntValue> {
        self.number
    }

    /// Whether this is `row`'s code: for integer codes the same number (`0003` is `3`, as
    /// lookups, the uniqueness checks and the break gate have it), else the same text.
    pub fn of(&self, row: &KeyedRow<'_>) -> bool {
        match row.key {
            Key::Int(value) => self.number == Some(value),
            Key::Str(_) => row.key_text == self.text,
        }
    }

    /// Whether this is `code`, a code as the API snapshot writes it: where codes are
    /// integers the same number, else the same text. (The snapshot does not say whether its
    /// codes are integers.)
    pub fn is(&self, code: &str) -> bool {
        match self.number.filter(|_| self.codes.is_integer()) {
            Some(number) => self.codes.value(code) == Some(number),
            None => self.text == code,
        }
    }
}

/// `text` as a code of the manifest's `key-type`: for integers, decimal digits (after a `-`
/// for a negative one) or `0x` and hexadecimal digits, within the type. `key_column` is the
/// column's, whose method a help that offers `key-pattern` names; `markdown`, the cell's
/// Markdown on the page (empty for a retired row's cell), which a help offers `split-codes`
/// for where it holds several codes.
pub fn parse_key(
    place: &Place<'_>,
    spec: &TableSpec,
    cell: &Cell,
    text: &str,
    reading: (KeyColumn<'_>, &mut Offers<'_>, &mut FittingType<'_>, &str),
    problems: &mut Vec<Diagnostic>,
) -> Option<Key> {
    let (key_column, offers, fitting, markdown) = reading;
    let key_type = *spec.key_type.get_ref();
    let Some((min, max)) = key_type.range() else { return Some(Key::Str(text.to_owned())) };
    let (span, type_name) = (cell.span.clone(), key_type.rust_name());
    let codes = spec.codes();
    // Digits past `u64` or below `i64` do not fit either, rather than not being numbers. Codes
    // of hexadecimal digits alone have no sign.
    let below_zero = codes == Codes::Decimal && negative_digits(text).is_some_and(is_decimal);
    let digits = match codes {
        Codes::Hex => is_hex_digits(text),
        Codes::Text | Codes::Decimal => is_decimal(text),
    };
    let problem = match codes.value(text) {
        // A number all the same (JSON-RPC's `-32700`), which the help should not call text;
        // and `-0`, which an unsigned type's `FromStr` would not read back.
        _ if below_zero && key_type.is_unsigned() => {
            // `-0` is no negative number to a signed type either: no type is told for it.
            let negative = int_value(text).filter(|value| *value < IntValue::from(0u64));
            let fits = negative.map(|value| fitting.of(key_type, value));
            place.code_negative(span, text, type_name, fits)
        }
        Some(value) if (min..=max).contains(&value) => return Some(Key::Int(value)),
        Some(value @ IntValue::Negative(_)) if below_zero => {
            let fits = fitting.of(key_type, value);
            place.code_too_small(span, text, type_name, min, fits)
        }
        None if below_zero => place.code_too_small(span, text, type_name, min, None),
        Some(value) => {
            let fits = fitting.of(key_type, value);
            place.code_too_large(span, text, type_name, max, fits)
        }
        None if digits => place.code_too_large(span, text, type_name, max, None),
        None => {
            let skip = offers.offer_integer(&cell.text);
            // A cell that is a code and a mark after it (a footnote's, `407 [^1]`), and no
            // range or formula, is offered the pattern that takes out the code.
            let pattern = match (&spec.key_pattern, &skip) {
                (None, None) => {
                    let written = Written::of(codes, key_type.is_unsigned());
                    leading_code(text, written)
                        .or_else(|| trailing_code(text, written))
                        .or_else(|| prefixed_code(text))
                        .or_else(|| last_line_code(text, written))
                        .or_else(|| code_after_a_sign(text, markdown, written))
                }
                .map(|(code, pattern)| pattern_offer(spec, key_column, code, pattern)),
                _ => None,
            };
            let bare_hex =
                codes == Codes::Decimal && says_hexadecimal(key_column.header) && is_bare_hex(text);
            let has_pattern = spec.key_pattern.is_some();
            // A cell of several codes, which `split-codes` would make a variant each (where it
            // is set, it has, and no such cell comes here).
            let listed = split::holds_several_integers(markdown, &cell.text, codes);
            let hex_digits_alone = codes == Codes::Hex;
            let not_a_number =
                NotANumber { has_pattern, pattern, bare_hex, listed, hex_digits_alone };
            place.code_not_a_number(span, text, type_name, not_a_number, skip.as_ref())
        }
    };
    problems.push(problem);
    None
}

/// What a help that offers `key-pattern` says of the key column: its header, and whether it
/// is the name column too.
#[derive(Clone, Copy)]
pub struct KeyColumn<'t> {
    /// The header.
    pub header: &'t str,
    /// Whether the name column is the key column (the table has none of its own).
    pub is_name: bool,
}

impl<'t> KeyColumn<'t> {
    /// The key column of `table`.
    pub fn of(table: &'t Table, columns: &Columns) -> Self {
        KeyColumn { header: &table.header[columns.key].text, is_name: columns.key == columns.name }
    }
}

/// The offer of `pattern` for a key cell that starts with `code`: with the method that then
/// returns the whole cell (by stage 4's rule, [`columns::method`]), and where the header makes
/// none that may be (`Code` makes `code`, which every catalog has), the pin that names it
/// otherwise, which stage 4 would ask for next.
fn pattern_offer<'t>(
    spec: &TableSpec,
    key: KeyColumn<'_>,
    code: &'t str,
    pattern: &'static str,
) -> PatternOffer<'t> {
    let pin = columns::pinned_method(spec, key.header);
    // With a pattern, the key cell is more than the code: only as the name column is its
    // text served by an inherent method, `name()`.
    let (method, served) = columns::method(pin, key.header, key.is_name);
    let bare = method.trim_start_matches("r#");
    let unusable = !served && (bare.is_empty() || api::is_reserved_method(bare));
    let pin = (pin.is_none() && unusable).then(|| {
        let named = if bare.is_empty() { "code_cell".to_owned() } else { format!("{bare}_cell") };
        let offered = (key.header, toml_string(&named));
        let pinned = PinLine::pinned(spec, PinnedNames::Accessors);
        // Beside the manifest's pins, the line of them all (no two `accessors` lines).
        let (has_line, own) = (!spec.accessors.is_empty(), [offered.clone()].into_iter());
        let line = PinLine::of_all("accessors", has_line, pinned, own, same_text);
        line.unwrap_or_else(|| PinLine::alone("accessors", offered))
    });
    let method = if served { "name".to_owned() } else { method };
    PatternOffer { code, pattern, method, pin }
}

/// The `key-pattern` that takes a cell's first listed code out of its plain text
/// (`warming_up, warming_up_daily`): up to the first space, comma or slash.
const FIRST_LISTED: &str = r"^([^\s,/]+)";

/// Whether [`FIRST_LISTED`] takes out of `cell`, a key cell, its whole code, or where it lists
/// codes ([`listed_code_spans`]) its first: what the pattern offered for a listing cell would
/// do to every row.
fn first_listed_is_one_word(source: &str, cell: &Cell) -> bool {
    let one_word = |code: &str| is_one_word(code) && !code.contains([',', '/']);
    match listed_code_spans(&source[cell.markdown.clone()]) {
        Some(listed) => one_word(&listed[0]),
        None => one_word(&cell.text),
    }
}

/// Whether `text` is one word: not empty, and no whitespace in it.
fn is_one_word(text: &str) -> bool {
    !text.is_empty() && !text.contains(char::is_whitespace)
}

/// The `key-pattern` that takes a text code out of its cell, up to a space or the first
/// character of a mark after it ([`before_a_mark`]).
const BEFORE_A_MARK: &str = r"^([^\s<\[*†‡§¹²³⁰-⁹]+)";

/// Whether [`BEFORE_A_MARK`] takes out of `text`, a key cell, its whole code, or where a mark
/// follows it ([`before_a_mark`]) the code before the mark: it stops at the first space or
/// character that starts a mark, which must be where the code ends.
fn mark_taken(text: &str) -> bool {
    let code = before_a_mark(text).unwrap_or(text);
    let stop = text.find(|c: char| c.is_whitespace() || starts_a_mark(c));
    !code.is_empty() && stop == (code.len() < text.len()).then_some(code.len())
}

/// The code that `code`, a key cell of text, starts with, where the cell is a code and its
/// message after a colon (`AADSTS65001: The user or administrator hasn't consented …`, as the
/// docs of MSAL.NET write the errors of Microsoft's identity service): one word before a colon
/// and a space, and more text after them.
fn before_a_message(code: &str) -> Option<&str> {
    // Most codes have no colon: told by a search for the byte (a search for `": "` set up a
    // searcher for every code, 1.2% of regen's instructions at 100k rows of text codes).
    let at = code.find(':')?;
    let (bare, message) = (&code[..at], &code[at + 1..]);
    if !message.starts_with(' ') {
        return None;
    }
    // A code has a letter or digit: `{: #id}`, an attribute block, is none.
    let one_code =
        is_one_word(bare) && !bare.contains(':') && bare.chars().any(char::is_alphanumeric);
    (one_code && !scan::trim(message).is_empty()).then_some(bare)
}

/// The `key-pattern` that takes a code out of a cell that is the code and its message
/// ([`before_a_message`]): up to the first space or colon.
const BEFORE_A_MESSAGE: &str = r"^([^\s:]+)";

/// The code that `pattern`, a `key-pattern` a help offers, takes out of each key cell of
/// `table` (column `key`), where what it takes is each cell's code, as `is_code` tells of a
/// cell's text and what it took: `None` where it would cut a code short (one of several
/// words, `Access Denied`) or find none. The pattern itself is run, as the help offers it, so
/// that what it takes is what is checked (compiled where a cell needs it only, once a table;
/// `pin_help.rs` pastes it).
fn codes_taken<'t>(
    table: &'t Table,
    key: usize,
    pattern: &str,
    is_code: fn(&str, &str) -> bool,
) -> Option<Vec<&'t str>> {
    let pattern = Regex::new(pattern).ok()?;
    let taken = table.rows.iter().map(|row| {
        let text = &*row.cells()[key].text;
        found_code(&pattern, text).filter(|code| is_code(text, code))
    });
    taken.collect()
}

/// Whether [`BEFORE_A_MESSAGE`] takes out of every key cell of `table` (column `key`) its
/// code ([`codes_taken`]), each row's another: the whole cell, or where a colon and a space
/// follow it, what comes before them (`unknown_user Message: Couldn't identify …`, as MSAL.NET's
/// page writes a code, a word and the message, gives `unknown_user`).
fn messages_taken(table: &Table, key: usize) -> bool {
    let is_code = |text: &str, code: &str| code.len() == text.len() || text.contains(": ");
    codes_taken(table, key, BEFORE_A_MESSAGE, is_code).is_some_and(|codes| {
        let mut taken = FxHashSet::default();
        codes.into_iter().all(|code| taken.insert(code))
    })
}

/// The code that `code`, a key cell of text, starts with, where the cell is one word and a
/// remark in parentheses after a space (`55000 (on grant-die)`, as a support runbook says
/// where an SQLSTATE is raised; `ORDER_KERNEL_RUNNING (0)`, a constant and its value), and
/// nothing after the remark.
fn before_a_remark(code: &str) -> Option<&str> {
    // Most codes end in no parenthesis: told by their last byte, not searched.
    if !code.ends_with(')') {
        return None;
    }
    let at = code.find(char::is_whitespace)?;
    let (bare, remark) = (&code[..at], scan::trim(&code[at..]));
    // A code has a letter or digit, and no parenthesis of its own (`f(x)` is not one word
    // and a remark).
    let one_code = !bare.contains(['(', ')']) && bare.chars().any(char::is_alphanumeric);
    (one_code && is_one_parenthesis(remark)).then_some(bare)
}

/// Whether `text` is one parenthesis: opened by its first character and closed by its last
/// (`(on grant-die)`, `(a (b))`; not `(a) or (b)`), with something between.
fn is_one_parenthesis(text: &str) -> bool {
    if !text.starts_with('(') || text.len() < 3 {
        return false;
    }
    let mut depth = 0usize;
    for (at, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return at == text.len() - 1;
                }
            }
            _ => {}
        }
    }
    false
}

/// The `key-pattern` that takes the first word out of a cell: the code of a cell that is a
/// code and a remark ([`before_a_remark`]), and the first code of a cell of a code a line.
const FIRST_WORD: &str = r"^(\S+)";

/// Whether [`FIRST_WORD`] takes out of every key cell of `table` (column `key`) its code
/// ([`codes_taken`]). Codes that repeat once their remarks are gone are rows that share a code,
/// as the page means them (`22023` and `22023 (on set-economy-access)`), which the duplicate
/// code's help then offers `shared-codes` for.
fn remarks_taken(table: &Table, key: usize) -> bool {
    let is_code = |text: &str, code: &str| code == before_a_remark(text).unwrap_or(text);
    codes_taken(table, key, FIRST_WORD, is_code).is_some()
}

/// Whether `c` starts a mark written after a code: a footnote's (`[^2]`, `<sup>1</sup>`, `¹`)
/// or an asterisk, a dagger or a section sign (`*`, `†`, `‡`, `§`), as [`leading_code`] reads
/// them after an integer code.
fn starts_a_mark(c: char) -> bool {
    matches!(c, '<' | '[' | '*' | '†' | '‡' | '§') || markdown::is_superscript_digit(c)
}

/// Where `code`, a text code, is one word and a mark after it, the word: a footnote's
/// reference (`E_BAR[^2]`), a superscript (`E_FOO<sup>1</sup>`, `E_QUX¹`) or marks such as
/// `*` (`E_BAZ*`) and nothing else after it. A code with such a character within it
/// (`a*b`, `List[int]`) has none.
#[inline]
fn before_a_mark(code: &str) -> Option<&str> {
    // Most codes end in no mark: told by their last byte (an ASCII one other than a mark's
    // last; the marks not in ASCII end in a byte that is not), not searched.
    let last = *code.as_bytes().last()?;
    if last.is_ascii() && !matches!(last, b']' | b'>' | b'*') {
        return None;
    }
    split_off_a_mark(code)
}

/// [`before_a_mark`] of a code whose last byte may end a mark.
#[cold]
fn split_off_a_mark(code: &str) -> Option<&str> {
    let at = code.find(starts_a_mark).filter(|&at| at > 0)?;
    let (bare, mark) = code.split_at(at);
    let is_mark = mark.chars().all(|c| matches!(c, '*' | '†' | '‡' | '§'))
        || markdown::footnote_mark_len(mark) == Some(mark.len())
        || mark.chars().all(markdown::is_superscript_digit);
    (is_mark && !bare.contains(char::is_whitespace)).then_some(bare)
}

/// The first line of a text code, trimmed: of `InvalidTemplateDeployment<br>InvalidTemplate`
/// (a row of two codes, one a line), the first code, which `key-pattern = '^(\S+)'` would take
/// where every key cell's first line is one word (a pattern that cut codes of several words
/// short would lose them).
fn first_line(code: &str) -> &str {
    code.lines().next().unwrap_or_default().trim()
}

/// How a code that a `key-pattern` offered takes out of a longer key cell may be written, as the
/// table's codes read: what the pattern matches, and what the offer takes for a code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Written {
    /// Decimal digits, or hexadecimal after `0x` or before an `h`.
    Unsigned,
    /// As [`Written::Unsigned`], or decimal digits after a `-`: the type is signed.
    Signed,
    /// Hexadecimal digits alone (`0A`, `10`; `key-radix = 16`), or after `0x`. At least one a
    /// decimal digit, so that no word of a cell (`Bad`, `Add`) is taken for a code.
    HexDigits,
}

impl Written {
    /// How the codes of a table whose codes read as `codes`, of an `unsigned` type or not, are
    /// written.
    fn of(codes: Codes, unsigned: bool) -> Written {
        match codes {
            Codes::Hex => Written::HexDigits,
            _ if unsigned => Written::Unsigned,
            _ => Written::Signed,
        }
    }
}

/// Where `text`, a key cell that is no code, starts with one (decimal digits, after a `-` where
/// the type is signed, or `0x` and hex digits; in a table of hexadecimal digits alone, those)
/// followed by a space or a mark (`407 [^1]`, `406<sup>1</sup>`, `405*`, `404¹`, `400 Bad
/// Request`), the code and the `key-pattern` that takes such codes out of every key cell: a
/// code followed by a letter or digit (`4O4`), a decimal point or a thousands separator
/// (`1,000`) is not one. The pattern ends at a word boundary, so that it matches no other kind
/// of code (`^(\d+)` would take `0` from `0x10`).
fn leading_code(text: &str, written: Written) -> Option<(&str, &'static str)> {
    let hex = after_hex_prefix(text);
    let (digits, pattern) = match (hex, written) {
        (Some(hex), _) => (hex, r"^(0[xX][0-9A-Fa-f]+)\b"),
        (None, Written::HexDigits) => (text, r"^([0-9A-Fa-f]+)\b"),
        (None, Written::Unsigned) => (text, r"^(\d+)\b"),
        (None, Written::Signed) => (text.strip_prefix('-').unwrap_or(text), r"^(-?\d+)\b"),
    };
    let in_hex = hex.is_some() || written == Written::HexDigits;
    let is_digit = |c: char| if in_hex { c.is_ascii_hexdigit() } else { c.is_ascii_digit() };
    let end = digits.find(|c: char| !is_digit(c)).filter(|&end| end > 0)?;
    let mark = digits[end..].chars().next()?;
    let code = &text[..text.len() - digits.len() + end];
    (reads_alone(code, written) && (mark.is_whitespace() || mark == '(' || starts_a_mark(mark)))
        .then_some((code, pattern))
}

/// Where `text`, a key cell that is no code, is a name and its code in parentheses at its end
/// (`ORDER_KERNEL_RUNNING (0)`, `Not Found (404)`, `Reserved (0x1F)`), the code and the
/// `key-pattern` that takes such codes out of every key cell.
fn trailing_code(text: &str, written: Written) -> Option<(&str, &'static str)> {
    let inner = text.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let (before, code) = (&inner[..open], &inner[open + 1..]);
    let named = !before.trim().is_empty() && before.ends_with(char::is_whitespace);
    (named && reads_alone(code, written)).then(|| (code, end_pattern(code, written, true)))
}

/// Whether `code` would be read as a cell of it alone ([`int_value`], or in a table of
/// hexadecimal digits alone [`Codes::Hex`]'s reading, with a decimal digit), and not below zero
/// where the type is unsigned: what a pattern offered takes out of a longer cell.
fn reads_alone(code: &str, written: Written) -> bool {
    match written {
        Written::HexDigits => {
            Codes::Hex.value(code).is_some() && code.bytes().any(|byte| byte.is_ascii_digit())
        }
        Written::Unsigned => int_value(code).is_some() && !code.starts_with('-'),
        Written::Signed => int_value(code).is_some(),
    }
}

/// The `key-pattern` that takes a code written as `code` is (hexadecimal after `0x` or before
/// an `h`, decimal with a sign where the type is signed, hexadecimal digits with or without an
/// `h` in a table of them) out of the end of each key cell, in parentheses there (`Not Found
/// (404)`) or not (`✅ 200`).
fn end_pattern(code: &str, written: Written, in_parentheses: bool) -> &'static str {
    const PATTERNS: [[&str; 2]; 5] = [
        [r"(0[xX][0-9A-Fa-f]+)$", r"\((0[xX][0-9A-Fa-f]+)\)$"],
        [r"([0-9A-Fa-f]+[hH]?)$", r"\(([0-9A-Fa-f]+[hH]?)\)$"],
        [r"([0-9A-F]+[hH])$", r"\(([0-9A-F]+[hH])\)$"],
        [r"(\d+)$", r"\((\d+)\)$"],
        [r"(-?\d+)$", r"\((-?\d+)\)$"],
    ];
    let form = match written {
        _ if after_hex_prefix(code).is_some() => 0,
        Written::HexDigits => 1,
        _ if hex_digits(code).is_some() => 2,
        Written::Unsigned => 3,
        Written::Signed => 4,
    };
    PATTERNS[form][usize::from(in_parentheses)]
}

/// Where `text`, a key cell that is no code, is a short prefix of no digit or space and a
/// decimal code right after it (`u100`, as Clarity contracts write their error codes, `ERR_1121`,
/// `#42`), the code and the `key-pattern` that takes such codes out of every key cell. A prefix
/// that ends a hex number's start ([`starts_a_hex_number`]) has no decimal code after it.
fn prefixed_code(text: &str) -> Option<(&str, &'static str)> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let (prefix, code) = text.split_at(start);
    let short = (1..=16).contains(&prefix.chars().count());
    let prefix_fits = short
        && !prefix.contains(|c: char| c.is_whitespace() || c.is_numeric())
        && !starts_a_hex_number(prefix);
    (prefix_fits && code.bytes().all(|b| b.is_ascii_digit())).then_some((code, r"(\d+)$"))
}

/// Where `text`, a key cell that is no code, is a sign, a space and a code (`✅ 200`, `🔴 500`,
/// `⚠️ 0x1F`: the status icons READMEs write before each code), the code and the
/// `key-pattern` that takes such codes out of every key cell. A sign is text of no letter or
/// digit, or one that GitHub shows as a picture ([`is_picture`]); a sign of a number (`- 5`,
/// `+ 5`) is none: its code may be signed. `markdown` is the cell's Markdown.
fn code_after_a_sign<'t>(
    text: &'t str,
    markdown: &str,
    written: Written,
) -> Option<(&'t str, &'static str)> {
    let (sign, code) = text.rsplit_once(char::is_whitespace)?;
    let sign = sign.trim();
    let is_sign = !sign.is_empty()
        && (!sign.contains(|c: char| c.is_alphanumeric() || matches!(c, '-' | '+' | '−'))
            || is_picture(sign, markdown, code));
    (is_sign && reads_alone(code, written)).then(|| (code, end_pattern(code, written, false)))
}

/// Whether `sign`, the text before `code` of a key cell of Markdown `markdown`, is a picture as
/// GitHub shows it, however it reads as text: an image (`![ok](ok.png)`, whose text is its alt
/// text, or `<img src="ok.svg">`, whose tag the text keeps) or an emoji's shortcode (`:x:`,
/// `:white_check_mark:`), and nothing else.
fn is_picture(sign: &str, markdown: &str, code: &str) -> bool {
    let before = markdown.trim_end().strip_suffix(code).map(str::trim);
    before.is_some_and(markdown::is_one_image) || markdown::is_emoji_shortcode(sign)
}

/// Where `text`, a key cell that is no code, is lines of a name and then its code on a line of
/// its own (`E_INVALIDARG` over `0x80070057`, as Microsoft's Win32 reference writes each return
/// code and its value in a definition list: `<dt><b>E_INVALIDARG</b></dt> <dt>0x80070057</dt>`),
/// the code and the `key-pattern` that takes such codes out of every key cell.
fn last_line_code(text: &str, written: Written) -> Option<(&str, &'static str)> {
    let (name, code) = text.rsplit_once('\n')?;
    let code = code.trim();
    if !name.chars().any(char::is_alphabetic) || !reads_alone(code, written) {
        return None;
    }
    // Hexadecimal or decimal, whichever this cell's is: a table of HRESULTs gives `S_OK` its
    // `0` and every other code in hex. A code written `0Ah` has a pattern of its own, which
    // other cells' `0x` codes do not match.
    let h_form = hex_digits(code).is_some() && after_hex_prefix(code).is_none();
    let pattern = match written {
        Written::HexDigits => r"\n(0[xX][0-9A-Fa-f]+|[0-9A-Fa-f]+[hH]?)$",
        _ if h_form => r"\n([0-9A-F]+[hH]|\d+)$",
        Written::Unsigned => r"\n(0[xX][0-9A-Fa-f]+|\d+)$",
        Written::Signed => r"\n(0[xX][0-9A-Fa-f]+|-?\d+)$",
    };
    Some((code, pattern))
}

/// Whether `prefix`, the letters before a cell's digits, ends in a mark of a hex number and any
/// of its letters (`&h` and `&hE` of BASIC's `&h20` and `&hE0`, as Roku's BrightScript
/// reference writes its error codes, `$F` of `$F0`, `#FF` of `#FF00`): the digits are the rest
/// of that number, and reading them as a decimal code would misread it (`&hE0` is 224, not 0).
/// `#` alone is not one (`#42`).
fn starts_a_hex_number(prefix: &str) -> bool {
    let mark = prefix.trim_end_matches(|c: char| c.is_ascii_hexdigit());
    let letters = mark.len() < prefix.len();
    ["&h", "&H", "$", "\\x"].iter().any(|hex| mark.ends_with(hex))
        || (letters && mark.ends_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown;
    use crate::model::Column;
    use crate::model::testing::{PLACE, spec};

    fn int(value: i64) -> Key {
        Key::Int(IntValue::from(value))
    }

    fn read_page(source: &str, options: &str) -> (Vec<(Key, String)>, Vec<String>) {
        let (rows, problems) = read_diagnostics(source, options);
        (rows, problems.into_iter().map(|problem| problem.message).collect())
    }

    /// The rows read from the page `source`, with the manifest's `options`, and every
    /// diagnostic.
    fn read_diagnostics(source: &str, options: &str) -> (Vec<(Key, String)>, Vec<Diagnostic>) {
        let page = markdown::parse(source);
        let spec = spec(&format!("key-column = \"c\"\n{options}"));
        let pattern = spec.key_pattern.as_ref().map(|p| Regex::new(p.get_ref()).unwrap());
        let table = &page.tables[0];
        let list = table.header.iter().map(|_| Column {
            header: String::new(),
            accessor: None,
            blank: false,
        });
        let columns = Columns { key: 0, name: 1, list: list.collect(), help: None };
        let mut problems = Vec::new();
        let offers = &mut Offers::new(&spec.skip_rows);
        let (pattern, problems_found) = (pattern.as_ref(), &mut problems);
        let firsts: Vec<usize> = table.rows.first().map(|row| row.span.start).into_iter().collect();
        let read_from = (source, table, &*firsts);
        let rows = read(&PLACE, &spec, read_from, &columns, pattern, offers, problems_found);
        (rows.into_iter().map(|row| (row.key, row.key_text)).collect(), problems)
    }

    /// A code with a character that does not show (pasted from a web page or a wiki): named
    /// escaped, with the code as the page shows it; an error where the codes are integers, a
    /// warning where they are text (lookups by the code as seen find nothing).
    #[test]
    fn a_code_with_a_character_that_does_not_show_says_which() {
        let page = "| c | n |\n|---|---|\n| 4\u{200b}03 | a |\n| Bad\u{ad}Input | b |\n| Caf\u{e9} | c |\n";
        let (_, problems) = read_diagnostics(page, "key-type = \"u16\"");
        assert_eq!(problems[0].message, "code `4\\u{200b}03` is not a `u16`");
        let note = "U+200B does not show: the page shows the code as `403`, as text pasted from \
                    a web page or a wiki often has it";
        assert_eq!(problems[0].notes, [note]);
        let help = "remove the character that does not show from the page upstream";
        assert_eq!(problems[0].help.as_deref(), Some(help));
        // Where the code the page shows is no number either, what is is said as before.
        let (_, problems) =
            read_diagnostics(page.replace("03", "x").as_str(), "key-type = \"u16\"");
        assert!(problems[0].help.as_ref().unwrap().starts_with("set `key-type = \"str\"`"));
        let (rows, problems) = read_diagnostics(page, "key-type = \"str\"");
        assert_eq!(rows.len(), 3);
        let messages: Vec<&str> = problems.iter().map(|problem| &*problem.message).collect();
        assert_eq!(
            messages,
            [
                "the code `4\\u{200b}03` holds a character that does not show",
                "the code `Bad\\u{ad}Input` holds a character that does not show",
            ]
        );
        assert!(problems.iter().all(|problem| !problem.is_error()));
        let lookups = "lookups find the row by the code as written: `from_code(\"BadInput\")` \
                       finds none";
        assert_eq!(problems[1].notes[1], lookups);
        // A joiner is part of how a word or an emoji is written: no warning.
        let joined = "| c | n |\n|---|---|\n\
                      | \u{645}\u{6cc}\u{200c}\u{62e}\u{648}\u{627}\u{647}\u{645} | a |\n\
                      | \u{1f468}\u{200d}\u{1f4bb} | b |\n";
        assert!(read_diagnostics(joined, "key-type = \"str\"").1.is_empty());
    }

    #[test]
    fn codes_are_decimal_or_hex_and_patterns_find_them() {
        let page = "| c | n |\n|---|---|\n| 10 | a |\n| 0x1F | b |\n";
        let (rows, problems) = read_page(page, "key-type = \"u8\"");
        assert_eq!(rows, [(int(10), "10".into()), (int(31), "0x1F".into())]);
        assert!(problems.is_empty());
        let page = "| c | n |\n|---|---|\n| 400 Bad Request | a |\n";
        let (rows, _) = read_page(page, "key-type = \"u16\"\nkey-pattern = '^(\\d+)'");
        assert_eq!(rows, [(int(400), "400".into())]);
    }

    /// Codes in decimal digits under a header that says they are hexadecimal, as a device's
    /// Modbus exception codes are written (`| Error Code (Hex) | Description |`, `**01**` to
    /// `**13**`), would be read as other numbers: an error at the first whose digits read
    /// otherwise (`10`, sixteen), with the count of the others, and a help for text codes.
    /// Codes written with `0x`, those of one digit, text codes, and a header that says decimal
    /// too (`Code (dec/hex)`) or `hex` only within a word are not.
    #[test]
    fn decimal_digits_under_a_hexadecimal_header_are_an_error() {
        let modbus = "| Error Code (Hex) | Description |\n| :---: | :--- |\n\
                      | **01** | Illegal function code |\n| **06** | Server is busy |\n\
                      | **10** | Wrong password |\n| **11** | Check error |\n\
                      | **13** | System locked |\n";
        let (rows, problems) = read_diagnostics(modbus, "key-type = \"u8\"");
        assert_eq!(rows.len(), 5);
        let [problem] = &problems[..] else { panic!("{problems:?}") };
        assert_eq!(
            problem.message,
            "`10`, in a column of hexadecimal codes, would be read as decimal"
        );
        assert_eq!(
            problem.labels[0].span,
            modbus.find("**10**").unwrap()..modbus.find(" | Wrong").unwrap()
        );
        assert_eq!(
            problem.notes,
            [
                "the header `Error Code (Hex)` says the codes are hexadecimal: `10` is 0x10 \
                 (16), but read as decimal it is 10, and `from_code(0x10)` would not find its row",
                "2 more codes of the table are written so",
            ]
        );
        let help = "set `key-radix = 16` in this [[table]] to read the codes as the hexadecimal \
                    numbers the page means (`10` as 0x10, `0A` as 0x0A), or `key-type = \"str\"` \
                    to keep them as text";
        assert_eq!(problem.help.as_deref(), Some(help));
        // As the help says, text codes keep the page's digits, and `key-radix = 16` reads them
        // as the numbers the page means.
        let (rows, problems) = read_page(modbus, "key-type = \"str\"");
        assert_eq!((rows.len(), problems.len()), (5, 0));
        let (rows, problems) = read_page(modbus, "key-type = \"u8\"\nkey-radix = 16");
        assert_eq!(problems, Vec::<String>::new());
        let hex = |value: u64| Key::Int(IntValue::from(value));
        let keys: Vec<Key> = rows.iter().map(|(key, _)| key.clone()).collect();
        assert!(keys.contains(&hex(0x10)) && !keys.contains(&hex(10)), "{keys:?}");
        let read = |header: &str, codes: &[&str]| {
            let rows: String = codes.iter().map(|code| format!("| {code} | x |\n")).collect();
            read_page(&format!("| {header} | n |\n|---|---|\n{rows}"), "key-type = \"u16\"").1
        };
        assert_eq!(read("HEX", &["1", "10"]).len(), 1);
        assert_eq!(read("Hexadecimal value", &["0x10", "12"]).len(), 1);
        for (header, codes) in [
            ("Code (hex)", &["0x10", "9", "0x0A"][..]),
            ("Code (dec/hex)", &["10", "16"]),
            ("Hexagon", &["10"]),
            ("Code", &["10"]),
        ] {
            assert_eq!(read(header, codes), Vec::<String>::new(), "{header}");
        }
    }

    /// Hexadecimal digits with neither `0x` nor an `h` (`0A`, `FF`, `0ah` in lower case)
    /// under a header that says they are hexadecimal, as some of a BIOS's `INT 13h` error codes
    /// are written, are no integer code; the help says so and offers text codes, where it would
    /// offer a `key-pattern`, which reads no hexadecimal digits as an integer.
    #[test]
    fn bare_hexadecimal_digits_under_a_hexadecimal_header_are_offered_text_codes() {
        let int13 = "| Error Code (Hex) | Description |\n|---|---|\n| `0A` | No error. |\n\
                     | `0ah` | Bad sector flag detected. |\n| `FF` | Sense operation failed. |\n";
        let (rows, problems) = read_diagnostics(int13, "key-type = \"u8\"");
        assert!(rows.is_empty());
        let help = "the header says the codes are hexadecimal, written without `0x` or an `h` \
                    after them, which an integer `key-type` does not read in decimal: set \
                    `key-radix = 16` in this [[table]] to read the codes as the hexadecimal \
                    numbers the page means (`10` as 0x10, `0A` as 0x0A), or `key-type = \"str\"` \
                    to keep them as text";
        let helps: Vec<&str> = problems.iter().filter_map(|p| p.help.as_deref()).collect();
        assert_eq!(helps, [help; 3]);
        // As the help says, `key-radix = 16` reads them, in either case.
        let (rows, problems) = read_diagnostics(int13, "key-type = \"u8\"\nkey-radix = 16");
        assert!(problems.is_empty(), "{problems:#?}");
        let keys: Vec<Key> = rows.iter().map(|(key, _)| key.clone()).collect();
        let hex = |value: u64| Key::Int(IntValue::from(value));
        assert_eq!(keys, [hex(0x0A), hex(0x0A), hex(0xFF)]);
        let under_code = int13.replacen("Error Code (Hex)", "Code", 1);
        let (_, problems) = read_diagnostics(&under_code, "key-type = \"u8\"");
        assert!(problems.iter().all(|p| !p.help.as_deref().unwrap().contains("hexadecimal")));
    }

    /// Hexadecimal digits before an `h`, as assembly and hardware manuals write codes (DOS's
    /// error codes: `01h`, `0Ah`, `FFh`), are integer codes under any header: no decimal code
    /// is written so. Lower-case digits are not (`each` is no code).
    #[test]
    fn hexadecimal_digits_before_an_h_are_integer_codes() {
        let dos = "| Code | Name |\n|---|---|\n| 01h | ERROR_INVALID_FUNCTION |\n\
                   | 0Ah | ERROR_BAD_ENVIRONMENT |\n| `FFH` | ERROR_FAIL |\n| 100h | TOO_LARGE |\n";
        let (rows, problems) = read_diagnostics(dos, "key-type = \"u8\"");
        let codes: Vec<Key> = rows.into_iter().map(|(key, _)| key).collect();
        assert_eq!(codes, [int(1), int(10), int(255)]);
        let messages: Vec<&str> = problems.iter().map(|p| &*p.message).collect();
        assert_eq!(messages, ["code `100h` does not fit in `u8`"]);
    }

    #[test]
    fn bad_codes_are_problems() {
        let page = "| c | n |\n|---|---|\n| 256 | a |\n| x1 | b |\n|  | c |\n| 3 |  |\n\
                    | 99999999999999999999999 | d |\n";
        let (rows, problems) = read_page(page, "key-type = \"u8\"");
        // A row without a name is read: its code names its variant.
        assert_eq!(rows, [(int(3), "3".into())]);
        assert_eq!(
            problems,
            [
                "code `256` does not fit in `u8`",
                "code `x1` is not a `u8`",
                "empty code cell",
                "code `99999999999999999999999` does not fit in `u8`",
            ]
        );
    }

    #[test]
    fn signed_codes_are_read_within_their_type() {
        let page = "| c | n |\n|---|---|\n| -128 | a |\n| 127 | b |\n| 0x7f | c |\n| -0 | d |\n";
        let (rows, problems) = read_page(page, "key-type = \"i8\"");
        let codes: Vec<Key> = rows.into_iter().map(|(key, _)| key).collect();
        assert_eq!(codes, [int(-128), int(127), int(127), int(0)]);
        assert!(problems.is_empty(), "{problems:?}");
        let page = "| c | n |\n|---|---|\n| -129 | a |\n| 128 | b |\n| -0x1 | c |\n| - | d |\n\
                    | -99999999999999999999 | e |\n| -5 | f |\n";
        let (rows, problems) = read_page(page, "key-type = \"i8\"");
        assert_eq!(rows, [(int(-5), "-5".into())]);
        assert_eq!(
            problems,
            [
                "code `-129` does not fit in `i8`",
                "code `128` does not fit in `i8`",
                "code `-0x1` is not an `i8`",
                "code `-` is not an `i8`",
                "code `-99999999999999999999` does not fit in `i8`",
            ]
        );
        // An unsigned type says the code is negative, not that it is no number, and takes no
        // `-0` (`u64`'s `FromStr` would not read it).
        let (_, problems) = read_page(page, "key-type = \"u64\"");
        assert_eq!(problems[0], "code `-129` is not a `u64`");
        let page = "| c | n |\n|---|---|\n| -0 | a |\n";
        let (rows, problems) = read_page(page, "key-type = \"u64\"");
        assert_eq!((rows, &problems[..]), (vec![], &["code `-0` is not a `u64`".to_owned()][..]));
    }

    #[test]
    fn a_code_with_a_mark_after_it_is_offered_the_pattern_that_takes_it_out() {
        let decimal = r"^(\d+)\b";
        for (cell, code) in [("407 [^1]", "407"), ("406<sup>1</sup>", "406"), ("405*", "405")] {
            assert_eq!(leading_code(cell, Written::Unsigned), Some((code, decimal)), "{cell}");
        }
        assert_eq!(leading_code("404¹", Written::Unsigned).map(|(code, _)| code), Some("404"));
        assert_eq!(
            leading_code("400 Bad Request", Written::Unsigned).map(|(code, _)| code),
            Some("400")
        );
        let hex = leading_code("0x1F (31)", Written::Unsigned);
        assert_eq!(hex, Some(("0x1F", r"^(0[xX][0-9A-Fa-f]+)\b")));
        assert_eq!(leading_code("-32700 [^1]", Written::Signed), Some(("-32700", r"^(-?\d+)\b")));
        // A code mistyped, a number written otherwise, a word: no code and a mark.
        for cell in ["4O4", "1,000", "1.5", "x1", "0x", "0x1G", "-", "404", "N/A 404"] {
            assert_eq!(leading_code(cell, Written::Unsigned), None, "{cell}");
        }
        // In a table of hexadecimal digits alone, such digits, and no word of them.
        let hex = leading_code("0A Gateway", Written::HexDigits);
        assert_eq!(hex, Some(("0A", r"^([0-9A-Fa-f]+)\b")));
        for cell in ["Bad request", "Add [^1]", "0G busy"] {
            assert_eq!(leading_code(cell, Written::HexDigits), None, "{cell}");
        }
        // No `-` before an unsigned code.
        assert_eq!(leading_code("-1 [^1]", Written::Unsigned), None);
        // The pattern reads no other kind of code: `0x10` is not `0`.
        let pattern = Regex::new(leading_code("1 [^a]", Written::Unsigned).unwrap().1).unwrap();
        assert!(!pattern.is_match("0x10"));
        assert_eq!(&pattern.captures("404").unwrap()[1], "404");
    }

    #[test]
    fn a_code_after_a_prefix_is_offered_the_pattern_that_takes_it_out() {
        let pattern = Regex::new(r"(\d+)$").unwrap();
        for (cell, code) in
            [("u100", "100"), ("ERR_1121", "1121"), ("#42", "42"), ("E0001", "0001")]
        {
            assert_eq!(prefixed_code(cell), Some((code, r"(\d+)$")), "{cell}");
            assert_eq!(&pattern.captures(cell).unwrap()[1], code);
        }
        // Digits first, a space or a digit in the prefix, more after the digits: no prefix.
        for cell in ["100", "4O4", "N/A 404", "HTTP 404", "u1x", "²1", "1-2", "-", "x", ""] {
            assert_eq!(prefixed_code(cell), None, "{cell}");
        }
        // The start of a hex number: its digits are no decimal code.
        for cell in ["&h20", "&hE0", "&HE0", "$F0", "$10", "#FF00", "\\xE9"] {
            assert_eq!(prefixed_code(cell), None, "{cell}");
        }
    }

    /// A status icon before a code, as READMEs write them, is offered the pattern that reads
    /// the code after it; pasted, the pattern reads each code.
    #[test]
    fn a_code_after_a_sign_is_offered_the_pattern_that_takes_it_out() {
        let cells = [
            ("✅ 200", Written::Unsigned, "200", r"(\d+)$"),
            ("⚠️ 400", Written::Unsigned, "400", r"(\d+)$"),
            ("🔴  0x1F", Written::Unsigned, "0x1F", r"(0[xX][0-9A-Fa-f]+)$"),
            ("● 0Ah", Written::Unsigned, "0Ah", r"([0-9A-F]+[hH])$"),
            ("→ -32700", Written::Signed, "-32700", r"(-?\d+)$"),
            ("✅ 0A", Written::HexDigits, "0A", r"([0-9A-Fa-f]+[hH]?)$"),
            ("✅ 10", Written::HexDigits, "10", r"([0-9A-Fa-f]+[hH]?)$"),
            (":x: 0bh", Written::HexDigits, "0bh", r"([0-9A-Fa-f]+[hH]?)$"),
        ];
        for (cell, written, code, pattern) in cells {
            assert_eq!(code_after_a_sign(cell, cell, written), Some((code, pattern)), "{cell}");
            assert_eq!(&Regex::new(pattern).unwrap().captures(cell).unwrap()[1], code);
        }
        // A word, a sign of a number, no space, no code, a code below zero of an unsigned type.
        for cell in ["HTTP 404", "- 5", "+ 5", "✅200", "✅ OK", "✅ 4O4", "200", "→ -1"] {
            assert_eq!(code_after_a_sign(cell, cell, Written::Unsigned), None, "{cell}");
        }
        // A word of hexadecimal digits is no code of them.
        assert_eq!(code_after_a_sign("✅ Add", "✅ Add", Written::HexDigits), None);
        // A picture as GitHub shows one, whatever its text: an image (its text the alt text, or
        // the tag) or an emoji's shortcode; and not a word beside one, nor two images.
        let pictures = [
            ("ok 200", "![ok](ok.png) 200", "200"),
            (r#"<img src="ok.svg"> 200"#, r#"<img src="ok.svg"> 200"#, "200"),
            (":x: 503", ":x: 503", "503"),
            (":white_check_mark: 200", ":white_check_mark: 200", "200"),
        ];
        for (cell, markdown, code) in pictures {
            let offer = Some((code, r"(\d+)$"));
            assert_eq!(code_after_a_sign(cell, markdown, Written::Unsigned), offer, "{cell}");
        }
        let words = [
            ("ok HTTP 200", "![ok](ok.png) HTTP 200"),
            ("a b 200", "![a](a.png) ![b](b.png) 200"),
            ("Status: 200", "Status: 200"),
            ("Error:Code: 200", "Error:Code: 200"),
            (r#"<b>HTTP</b> 200"#, r#"<b>HTTP</b> 200"#),
        ];
        for (cell, markdown) in words {
            assert_eq!(code_after_a_sign(cell, markdown, Written::Unsigned), None, "{cell}");
        }
    }

    #[test]
    fn a_name_and_its_code_in_parentheses_is_offered_the_pattern_that_takes_it_out() {
        let decimal = r"\((\d+)\)$";
        for (cell, code) in [("ORDER_KERNEL_RUNNING (0)", "0"), ("Not Found (404)", "404")] {
            assert_eq!(trailing_code(cell, Written::Unsigned), Some((code, decimal)), "{cell}");
            let pattern = Regex::new(decimal).unwrap();
            assert_eq!(&pattern.captures(cell).unwrap()[1], code);
        }
        let hex = trailing_code("Reserved (0x1F)", Written::Unsigned);
        assert_eq!(hex, Some(("0x1F", r"\((0[xX][0-9A-Fa-f]+)\)$")));
        let hex = trailing_code("Gateway (0A)", Written::HexDigits);
        assert_eq!(hex, Some(("0A", r"\(([0-9A-Fa-f]+[hH]?)\)$")));
        assert_eq!(trailing_code("Gateway (Bad)", Written::HexDigits), None);
        assert_eq!(
            trailing_code("Parse (-32700)", Written::Signed),
            Some(("-32700", r"\((-?\d+)\)$"))
        );
        // A code written before an `h` is offered a pattern that reads such codes.
        let (code, pattern) = trailing_code("Reserved (0Ah)", Written::Unsigned).unwrap();
        assert_eq!((code, pattern), ("0Ah", r"\(([0-9A-F]+[hH])\)$"));
        assert_eq!(&Regex::new(pattern).unwrap().captures("Busy (FFh)").unwrap()[1], "FFh");
        let page = "| c | n |\n|---|---|\n| Reserved (0Ah) | x |\n| Busy (FFh) | y |\n";
        let pasted = format!("key-type = \"u8\"\nkey-pattern = '{pattern}'");
        let (rows, problems) = read_page(page, &pasted);
        assert_eq!(problems, Vec::<String>::new());
        assert_eq!(rows.into_iter().map(|(key, _)| key).collect::<Vec<_>>(), [int(10), int(255)]);
        // No name before it, no space before it, not a number, nothing after it, no `-`
        // before an unsigned code.
        for cell in ["(404)", "f(404)", "Error (N/A)", "Error (0x)", "Error (404) here", "E (-1)"] {
            assert_eq!(trailing_code(cell, Written::Unsigned), None, "{cell}");
        }
    }

    /// A name over its code on a line of its own (`<dt><b>E_INVALIDARG</b></dt>
    /// <dt>0x80070057</dt>` in Win32's reference) is offered the pattern that takes out the
    /// code, which reads every such cell, and names the variant by the rest.
    #[test]
    fn a_name_over_its_code_on_a_line_of_its_own_is_offered_the_pattern_that_takes_it_out() {
        let (unsigned, signed) = (r"\n(0[xX][0-9A-Fa-f]+|\d+)$", r"\n(0[xX][0-9A-Fa-f]+|-?\d+)$");
        for (cell, written, code, pattern) in [
            ("E_INVALIDARG\n0x80070057", Written::Unsigned, "0x80070057", unsigned),
            ("NOERROR\n0", Written::Unsigned, "0", unsigned),
            ("Failed\nWith more\n-5", Written::Signed, "-5", signed),
            ("ERROR_BAD_FORMAT\n0Bh", Written::Unsigned, "0Bh", r"\n([0-9A-F]+[hH]|\d+)$"),
            (
                "GATEWAY PATH\n0A",
                Written::HexDigits,
                "0A",
                r"\n(0[xX][0-9A-Fa-f]+|[0-9A-Fa-f]+[hH]?)$",
            ),
        ] {
            assert_eq!(last_line_code(cell, written), Some((code, pattern)), "{cell}");
            assert_eq!(&Regex::new(pattern).unwrap().captures(cell).unwrap()[1], code);
        }
        // One line, no name above it, no number below it, `-` where the type is unsigned.
        for cell in ["E_FAIL 0x80004005", "42\n0x1", "E_FAIL\nsee below", "E_FAIL\n-5"] {
            assert_eq!(last_line_code(cell, Written::Unsigned), None, "{cell}");
        }
        let page = "| Code | M |\n|---|---|\n| E_INVALIDARG<br>0x80070057 | Bad. |\n";
        let (_, problems) = read_diagnostics(page, "key-type = \"u32\"");
        let help = problems[0].help.as_deref().unwrap();
        assert!(help.starts_with("the cell is the code `0x80070057` and more"), "{help}");
        let pattern = "key-type = \"u32\"\nkey-pattern = '\\n(0[xX][0-9A-Fa-f]+|\\d+)$'";
        let (rows, problems) = read_page(page, pattern);
        assert_eq!((rows, problems), (vec![(int(0x8007_0057), "0x80070057".to_owned())], vec![]));
    }

    #[test]
    fn a_code_of_text_and_a_remark_in_parentheses_is_read_apart() {
        let pattern = Regex::new(FIRST_WORD).unwrap();
        for (cell, code) in [
            ("55000 (on grant-die)", "55000"),
            ("ORDER_KERNEL_RUNNING (0)", "ORDER_KERNEL_RUNNING"),
            ("E_IO  (see (2) below)", "E_IO"),
        ] {
            assert_eq!(before_a_remark(cell), Some(code), "{cell}");
            assert_eq!(&pattern.captures(cell).unwrap()[1], code);
        }
        // Words before it, a parenthesis in the code, two remarks or more after one, nothing
        // in it, no code, no space before it: no code and a remark.
        for cell in [
            "Not Found (404)",
            "f(x) (y)",
            "E (a) or (b)",
            "E (a) (b)",
            "E ()",
            "- (none)",
            "E(x)",
            "E (a",
            "E",
        ] {
            assert_eq!(before_a_remark(cell), None, "{cell}");
        }
    }

    #[test]
    fn the_pattern_offered_names_the_method_that_returns_the_whole_key_cell() {
        let offer = |header, is_name, options| {
            let spec = spec(&format!("key-column = \"{header}\"\nkey-type = \"u16\"\n{options}"));
            let offer = pattern_offer(&spec, KeyColumn { header, is_name }, "1", "");
            (offer.method, offer.pin.map(|pin| pin.text))
        };
        let pin = r#"accessors = { "Code" = "code_cell" }"#.to_owned();
        assert_eq!(offer("Code", false, ""), ("code".to_owned(), Some(pin)));
        assert_eq!(offer("Error code", false, ""), ("error_code".to_owned(), None));
        // As the name column too, the key column's text is `name()`.
        assert_eq!(offer("Code", true, ""), ("name".to_owned(), None));
        // A pin is found as stage 4 finds it, whatever the case of its header.
        let pinned = "accessors = { \"CODE\" = \"full_code\" }";
        assert_eq!(offer("Code", false, pinned), ("full_code".to_owned(), None));
        assert_eq!(
            offer("?", false, "").1.as_deref(),
            Some(r#"accessors = { "?" = "code_cell" }"#)
        );
        // A key column of a sign alone is named by its word (`#`, `number()`).
        assert_eq!(offer("#", false, ""), ("number".to_owned(), None));
        // Beside the manifest's own `accessors`, the line of both.
        let other = "accessors = { \"Details\" = \"detail\" }";
        let both = r#"accessors = { "Details" = "detail", "Code" = "code_cell" }"#;
        assert_eq!(offer("Code", false, other).1.as_deref(), Some(both));
    }

    /// A row of one cell on a line without a `|` before it, in a table whose header line
    /// begins with one, is a line of the cell above it broken over lines; a short row with its
    /// `|`, or in a table without outer pipes, is a short row. So in a block quote, whose
    /// markers come before the line's `|`.
    #[test]
    fn a_line_without_the_headers_pipe_goes_on_from_the_row_above() {
        let line = "row `more` is a line without the `|` that begins the table's header";
        let short = "row has 1 cell, the table has 3 columns";
        let pages = [
            "| c | n | d |\n|---|---|---|\n| A | a | see\nmore\n| B |\n",
            "> | c | n | d |\n> |---|---|---|\n> | A | a | see\n>   more |\n> |B\n",
            "  | c | n | d |\n  |---|---|---|\n  | A | a | see\n  more\n  |  B\n",
        ];
        for page in pages {
            let (_, problems) = read_page(page, "key-type = \"str\"");
            assert_eq!(problems, [line, short], "{page}");
        }
        let page = "c | n | d\n---|---|---\nA | a | see\nmore\nB |\n";
        let (_, problems) = read_page(page, "key-type = \"str\"");
        assert_eq!(problems, [short, short], "{page}");
    }

    #[test]
    fn short_and_long_rows_are_problems() {
        let page = "| c | n | d |\n|---|---|---|\n| 1 | a |\n| 2 | b | x | y |\n";
        let (_, problems) = read_page(page, "key-type = \"u8\"");
        assert_eq!(
            problems,
            [
                "row has 2 cells, the table has 3 columns",
                "row has more cells than the table's 3 columns"
            ]
        );
        let page = "| c | n | d |\n|---|---|---|\n| 1 |\n";
        let (rows, problems) = read_page(page, "key-type = \"u8\"");
        assert_eq!(rows.len(), 1, "the name cell is missing, so empty");
        assert_eq!(problems, ["row has 1 cell, the table has 3 columns"]);
        // An empty cell the row has, at its end (`||`) or between others, is no problem.
        let page = "| c | n | d | e |\n|---|---|---|---|\n| 1 | a | x ||\n| 2 | b || y |\n";
        let (rows, problems) = read_page(page, "key-type = \"u8\"");
        assert_eq!((rows.len(), problems), (2, Vec::<String>::new()));
    }
}
