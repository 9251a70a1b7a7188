//! Stage 6's warnings of text codes that a lookup of the code as a program has it would not
//! find (several codes in a cell, a mark or a message after the code, codes in quotes, words
//! among codes), and the `key-pattern` each offers where it would read every row: found by the
//! shape of the key cells, and the pattern run on them as the help offers it.

use std::cell::OnceCell;

use regex::Regex;
use rustc_hash::FxHashSet;

use super::{KeyColumn, KeyedRow, found_code, pattern_offer, starts_a_mark};
use crate::diagnostics::Diagnostic;
use crate::manifest::TableSpec;
use crate::markdown::{self, Cell, Table, listed_code_spans};
use crate::model::problems::{AfterTheCode, Place, SeveralCodes};
use crate::model::split;
use crate::scan;

/// The one row of `rows` whose text code is several words not set off as code (`Other codes`,
/// as pages write a row of every code the table does not list: `| Other codes | 500 |` under
/// `` `FILE_NOT_FOUND` `` and the like), where every other of three rows or more is one word
/// set off as code (on `source`, in column `key`), and the manifest takes no code out of its
/// cell with a `key-pattern`. A page that writes its codes as code and one row not says that
/// row is none; where codes are plain text, words are as likely a code as not (`Parse error
/// on...`, an error monday.com's API returns), and no row is warned of. (Integer codes of
/// words are no numbers: their error offers to leave them out.)
pub(super) fn words_among_codes<'r, 'a>(
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
pub(super) struct TextCodes<'t> {
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
    pub(super) fn new(
        source: &'t str,
        table: &'t Table<'t>,
        key: usize,
        key_column: KeyColumn<'t>,
    ) -> Self {
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
    pub(super) fn check(
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
pub(super) struct Quotes {
    open: char,
    close: char,
    /// The `key-pattern` that takes the code out of them.
    pub(super) pattern: &'static str,
}

impl Quotes {
    /// `code`, which these quotes open and close, without them.
    pub(super) fn unquote<'c>(&self, code: &'c str) -> &'c str {
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
pub(super) fn codes_in_quotes<'r, 'a>(
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
