//! Stage 6: each row's code and name: the row's width, the code found by `key-pattern` and
//! parsed as the manifest's `key-type`, and a name cell with text. The warnings of text codes
//! that a lookup would not find are `text_codes`'s; the `key-pattern` offered for an integer
//! key cell that is its code and more, `integer_patterns`'s.

use std::borrow::Cow;

use regex::Regex;
use toml::Spanned;

use crate::api::{self, toml_string};
use crate::diagnostics::{Diagnostic, Label};
use crate::int_code::{Codes, IntValue, int_value, is_decimal, negative_digits};
use crate::manifest::{KeyType, PinnedNames, TableSpec};
use crate::markdown::{self, Cell, Row, Table, is_attribute_block, is_one_bold_run};
use crate::model::columns::{self, Columns};
use crate::model::problems::{NotANumber, PatternOffer, PinLine, Place};
use crate::model::skip::Offers;
use crate::model::{Key, same_text};
use crate::model::{merged, split};

mod integer_patterns;
mod text_codes;

use text_codes::{TextCodes, codes_in_quotes, words_among_codes};

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
    if let Some((first, count)) = hex_codes_read_as_decimal(spec, &key_column.header.text, &rows) {
        let span = first.row.cells()[columns.key].span.clone();
        let header = &*key_column.header.text;
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
            // A cell that is a code and more (a footnote's mark after it, `407 [^1]`), and no
            // range or formula, is offered the pattern that takes out the code.
            let pattern = match (&spec.key_pattern, &skip) {
                (None, None) => {
                    integer_patterns::offered(text, markdown, codes, key_type.is_unsigned())
                        .map(|(code, pattern)| pattern_offer(spec, key_column, code, pattern))
                }
                _ => None,
            };
            let bare_hex = codes == Codes::Decimal
                && says_hexadecimal(&key_column.header.text)
                && is_bare_hex(text);
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
    pub header: &'t Cell<'t>,
    /// Whether the name column is the key column (the table has none of its own).
    pub is_name: bool,
}

impl<'t> KeyColumn<'t> {
    /// The key column of `table`.
    pub fn of(table: &'t Table, columns: &Columns) -> Self {
        KeyColumn { header: &table.header[columns.key], is_name: columns.key == columns.name }
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
        let offered = (&*key.header.text, toml_string(&named));
        let pinned = PinLine::pinned(spec, PinnedNames::Accessors);
        // Beside the manifest's pins, the line of them all (no two `accessors` lines).
        let (has_line, own) = (!spec.accessors.is_empty(), [offered.clone()].into_iter());
        let line = PinLine::of_all("accessors", has_line, pinned, own, same_text);
        line.unwrap_or_else(|| PinLine::alone("accessors", offered))
    });
    let method = if served { "name".to_owned() } else { method };
    PatternOffer { code, pattern, method, pin }
}

/// Whether `c` starts a mark written after a code: a footnote's (`[^2]`, `<sup>1</sup>`, `¹`)
/// or an asterisk, a dagger or a section sign (`*`, `†`, `‡`, `§`). Shared by the offers for
/// text codes ([`text_codes`]) and for integer codes ([`integer_patterns::offered`]).
fn starts_a_mark(c: char) -> bool {
    matches!(c, '<' | '[' | '*' | '†' | '‡' | '§') || markdown::is_superscript_digit(c)
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

    /// The pattern offered for codes written before an `h` in parentheses, pasted, reads
    /// every such code.
    #[test]
    fn the_pattern_offered_for_codes_before_an_h_in_parentheses_reads_them() {
        let page = "| c | n |\n|---|---|\n| Reserved (0Ah) | x |\n| Busy (FFh) | y |\n";
        let (_, problems) = read_diagnostics(page, "key-type = \"u8\"");
        let help = problems[0].help.as_deref().unwrap();
        let pattern = r"\(([0-9A-F]+[hH])\)$";
        assert!(help.contains(pattern), "{help}");
        let pasted = format!("key-type = \"u8\"\nkey-pattern = '{pattern}'");
        let (rows, problems) = read_page(page, &pasted);
        assert_eq!(problems, Vec::<String>::new());
        assert_eq!(rows.into_iter().map(|(key, _)| key).collect::<Vec<_>>(), [int(10), int(255)]);
    }

    /// A name over its code on a line of its own (Win32's reference) is offered the pattern
    /// that takes out the code; pasted, it reads the code.
    #[test]
    fn the_pattern_offered_for_a_code_under_its_name_reads_it() {
        let page = "| Code | M |\n|---|---|\n| E_INVALIDARG<br>0x80070057 | Bad. |\n";
        let (_, problems) = read_diagnostics(page, "key-type = \"u32\"");
        let help = problems[0].help.as_deref().unwrap();
        assert!(help.starts_with("the cell is the code `0x80070057` and more"), "{help}");
        let pattern = "key-type = \"u32\"\nkey-pattern = '\\n(0[xX][0-9A-Fa-f]+|\\d+)$'";
        let (rows, problems) = read_page(page, pattern);
        assert_eq!((rows, problems), (vec![(int(0x8007_0057), "0x80070057".to_owned())], vec![]));
    }

    #[test]
    fn the_pattern_offered_names_the_method_that_returns_the_whole_key_cell() {
        let offer = |header, is_name, options| {
            let spec = spec(&format!("key-column = \"{header}\"\nkey-type = \"u16\"\n{options}"));
            let header = Cell::of_text(std::sync::Arc::from(header));
            let offer = pattern_offer(&spec, KeyColumn { header: &header, is_name }, "1", "");
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
