//! The problems of stage 6, the rows and their keys ([`crate::model::keys`]).

use std::borrow::Cow;
use std::ops::Range;

use super::{PinLine, Place, leave_out, quoted_list, skip_clause};
use crate::api::toml_string;
use crate::diagnostics::{Diagnostic, Label};
use crate::int_code::{IntValue, int_value};
use crate::manifest::KeyType;
use crate::model::skip::SkipOffer;
use crate::rustdoc::{code_span, one_line};
use crate::scan;

/// The help for hexadecimal codes that an integer `key-type` would read wrong or not at all.
const READ_AS_HEX: &str = "set `key-radix = 16` in this [[table]] to read the codes as the \
     hexadecimal numbers the page means (`10` as 0x10, `0A` as 0x0A), or `key-type = \"str\"` \
     to keep them as text";

impl Place<'_> {
    /// A row with fewer cells than the table has columns: padded with empty cells, as GFM
    /// renders it.
    pub fn short_row(
        &self,
        span: Range<usize>,
        present: usize,
        width: usize,
        missing: &[&str],
    ) -> Diagnostic {
        self.warning_in_page(
            span,
            format!(
                "row has {present} {}, the table has {width} columns",
                if present == 1 { "cell" } else { "cells" }
            ),
            "row ends here",
        )
        .with_note(format!(
            "empty, as GitHub-flavored Markdown renders them: {}",
            quoted_list(missing)
        ))
        .with_help("if the row should say something there, add the cells to the page upstream")
    }

    /// A row of one cell, `text`, on a line without the `|` that begins the table's header: the
    /// rest of a cell's text broken over lines, which GFM reads as a row of its own, with the
    /// cells of the columns `missing` empty. `skip` is the manifest line that would leave the
    /// row out.
    pub fn line_of_cell_above(
        &self,
        span: Range<usize>,
        text: &str,
        missing: &[&str],
        skip: &SkipOffer,
    ) -> Diagnostic {
        self.warning_in_page(
            span,
            format!("row `{text}` is a line without the `|` that begins the table's header"),
            "a row of one cell on GitHub",
        )
        .with_note(format!(
            "GitHub-flavored Markdown ends a row at the end of its line, so a cell's text broken \
             over lines (as pages converted from HTML have it) makes a row of each line after \
             the first, its other cells empty ({}); upstream, joining the lines with `<br>` \
             would make them one cell",
            quoted_list(missing)
        ))
        .with_help(format!("if the line goes on from the row above it, {}", leave_out(skip)))
    }

    /// A row of one cell that is an attribute block (`{: #frame-types}`): kramdown's attributes
    /// of the table above it, which GitHub shows as a row of it. `skip` is the manifest line
    /// that would leave the row out.
    pub fn attribute_row(&self, span: Range<usize>, text: &str, skip: &SkipOffer) -> Diagnostic {
        self.warning_in_page(
            span,
            format!("row `{text}` is an attribute block, which GitHub shows as a row"),
            "a row of one cell on GitHub",
        )
        .with_note(
            "kramdown, Pandoc and Markdown Extra read it as the attributes of the table above \
             it, so the published page may have no such row",
        )
        .with_help(leave_out(skip))
    }

    /// A row of text in its code cell only, all of it bold (`| **Authentication** | | |`), or
    /// in a table written in HTML one cell across all its columns (`<td colspan="3">`,
    /// `across`): as tables write a heading of the rows below it. `skip` is the manifest line
    /// that would leave the row out.
    pub fn heading_row(
        &self,
        span: Range<usize>,
        (text, across): (&str, bool),
        skip: &SkipOffer,
    ) -> Diagnostic {
        let shape = match across {
            true => "is one cell across all the table's columns",
            false => "has text in its code cell only, all of it bold",
        };
        self.warning_in_page(
            span,
            format!("row `{text}` {shape}"),
            "a heading of the rows below it?",
        )
        .with_note("GitHub shows it as a row of the table, and the enum would have it as a variant")
        .with_help(format!("if it heads the rows below it, {}", leave_out(skip)))
    }

    /// A row that is the table's header again, its code cell `text`: `skip`, the manifest line
    /// that leaves it out.
    pub fn header_repeated(&self, span: Range<usize>, text: &str, skip: &SkipOffer) -> Diagnostic {
        self.warning_in_page(
            span,
            format!("row `{text}` repeats the table's header"),
            "header again",
        )
        .with_note(
            "GitHub shows it as a row of the table (as pages converted from a document repeat \
             the header at the top of each page), and the enum would have it as a variant",
        )
        .with_help(format!("if it is no entry of its own, {}", leave_out(skip)))
    }

    /// The one code of several words (`text`) in a table whose every other code is one word
    /// in a code span: `skip`, the manifest line that leaves it out.
    pub fn words_among_codes(
        &self,
        span: Range<usize>,
        text: &str,
        skip: &SkipOffer,
    ) -> Diagnostic {
        self.warning_in_page(
            span,
            format!(
                "code `{text}` is words, where every other code of the table is one word in a \
                 code span"
            ),
            "words among codes",
        )
        .with_note(
            "a row of words among codes may stand for no one code (`Other codes`, as pages \
             write the row of every code the table does not list), where the enum would have \
             a variant of those words as its code",
        )
        .with_help(format!("if it is no entry of its own, {}", leave_out(skip)))
    }

    /// A row with more cells than the table has columns; `html`, of a table written in HTML,
    /// where no `|` splits a cell.
    pub fn long_row(&self, span: Range<usize>, width: usize, html: bool) -> Diagnostic {
        self.in_page(
            span,
            format!("row has more cells than the table's {width} columns"),
            "these cells would be dropped",
        )
        .with_help(match html {
            true => "add a header cell (`<th>`) for them to the table's first row upstream",
            false => "add a column header for them, or escape a `|` inside a cell as `\\|`",
        })
    }

    /// A key cell without text, of a row whose one cell in another column says it stands for
    /// no code (an attribute block): `skip`, the manifest line that leaves the row out by that
    /// cell ([`crate::model::skip::Offers`]).
    pub fn empty_code(&self, span: Range<usize>, skip: &SkipOffer) -> Diagnostic {
        self.in_page(span, "empty code cell".into(), "code needed").with_help(format!(
            "every row needs a code, which lookups find it by: give this row one upstream{}",
            skip_clause(Some(skip))
        ))
    }

    /// A row whose key cell is empty, and every other cell too or `text` the first with text
    /// (more lines of the row above it, as tables exported from wikis write them): `skip`,
    /// the manifest line that leaves out the rows of no code; `continues`, whether the row,
    /// below another and without a name, may be more lines of it, which `continued-rows`
    /// makes it.
    pub fn row_without_code(
        &self,
        span: Range<usize>,
        text: Option<&str>,
        continues: bool,
        skip: &SkipOffer,
    ) -> Diagnostic {
        let problem = self.in_page(span, "empty code cell".into(), "code needed");
        let problem = match text {
            Some(text) => problem.with_note(format!(
                "left out, the row's other cells (`{}`) would be in no variant",
                one_line(text)
            )),
            None => problem,
        };
        let lines = match continues && text.is_some() {
            true => {
                "; or, where it holds more lines of the row above it (as tables exported from \
                 wikis, or wrapped to a width, write them), `continued-rows = true` in this \
                 [[table]] makes each of its cells a line of the cell above it"
            }
            false => "",
        };
        problem.with_help(format!(
            "every row needs a code, which lookups find it by: give this row one upstream{lines}; \
             or, where the row is no entry of its own (an empty row, or more lines of the row \
             above it), {}",
            leave_out(skip)
        ))
    }

    /// `key-pattern` finds no code in a key cell.
    /// `skip` is the manifest line that would leave the row out, where the cell reads as
    /// several codes ([`crate::model::skip::Offers`]).
    pub fn no_code_found(
        &self,
        span: Range<usize>,
        text: &str,
        pattern: Range<usize>,
        skip: Option<&SkipOffer>,
    ) -> Diagnostic {
        let diagnostic = self
            .in_page(
                span,
                format!("no code in `{text}`: `key-pattern` does not match it"),
                "no code found",
            )
            .with_label(Label::secondary(self.manifest, pattern, "the pattern"));
        // Where no line is offered, fixing the pattern is all there is to say, and the message
        // says it.
        if skip.is_none() {
            return diagnostic;
        }
        diagnostic.with_help(format!(
            "fix `key-pattern` in the manifest so that it finds the code{}",
            skip_clause(skip)
        ))
    }

    /// A text code cell of several codes, which read as one (`several`: a code a line,
    /// `InvalidTemplateDeployment<br>InvalidTemplate`, or listed in code spans,
    /// `` `warming_up`, `warming_up_daily` ``), and whether to offer `split-codes` for it: where
    /// it would split the cell ([`crate::model::split::holds_several`]). `offer` is the
    /// `key-pattern` that takes each cell's first code, where it would lose no code of another
    /// row.
    pub fn several_codes_in_cell(
        &self,
        span: Range<usize>,
        text: &str,
        (several, offer_split): (SeveralCodes, bool),
        offer: Option<PatternOffer<'_>>,
    ) -> Diagnostic {
        let help = match offer {
            Some(offer) => format!(
                "to find the row by its first code, `{}`, {}; or give each code a row upstream",
                offer.code,
                offer.takes_out()
            ),
            None => "give each code a row upstream, or set `key-pattern` to find one code in \
                     every key cell"
                .to_owned(),
        };
        // Each code can be a variant of its own.
        let help = match offer_split {
            true => format!(
                "to find the row by each of its codes, `split-codes = true` in this [[table]] \
                 makes a variant of each, with the row's other cells; {help}"
            ),
            false => help,
        };
        let (message, label, note) = match several {
            SeveralCodes::Lines(lines) => (
                format!("the code cell has {lines} lines, which read as {lines} codes"),
                "one code a line?",
                "lookups find the row by the whole cell, its lines as one code, and by none of \
                 them alone"
                    .to_owned(),
            ),
            SeveralCodes::Listed(codes) => (
                format!("the code cell lists {codes} codes, which read as one"),
                "a list of codes?",
                format!(
                    "lookups find the row by the whole cell, `{text}`, and by none of its codes \
                     alone"
                ),
            ),
        };
        self.warning_in_page(span, message, label).with_note(note).with_help(help)
    }

    /// An integer code larger than its type; `fits` is the narrowest type that holds every
    /// code of the table ([`crate::model::keys::FittingType`]).
    pub fn code_too_large(
        &self,
        span: Range<usize>,
        text: &str,
        type_name: &str,
        max: IntValue,
        fits: Option<KeyType>,
    ) -> Diagnostic {
        self.in_page(span, format!("code `{text}` does not fit in `{type_name}`"), "too large")
            .with_help(format!("the largest `{type_name}` is {max}; {}", wider_type(fits)))
    }

    /// An integer code below its signed type's smallest; `fits` as for
    /// [`code_too_large`](Self::code_too_large).
    pub fn code_too_small(
        &self,
        span: Range<usize>,
        text: &str,
        type_name: &str,
        min: IntValue,
        fits: Option<KeyType>,
    ) -> Diagnostic {
        self.in_page(span, format!("code `{text}` does not fit in `{type_name}`"), "too small")
            .with_help(format!("the smallest `{type_name}` is {min}; {}", wider_type(fits)))
    }

    /// A negative integer code, where the key type is unsigned; `fits`, where the code is a
    /// number below zero, as for [`code_too_large`](Self::code_too_large): the narrowest signed
    /// type that holds every code of the table (DJI's interrupt reasons run from `-19` to
    /// `65535`: `i32`), or `None` where none does.
    pub fn code_negative(
        &self,
        span: Range<usize>,
        text: &str,
        type_name: &str,
        fits: Option<Option<KeyType>>,
    ) -> Diagnostic {
        let help = match fits {
            Some(fits) => wider_type(fits),
            None => "set a signed `key-type` in the manifest: `i8`, `i16`, `i32` (JSON-RPC's \
                     codes) or `i64`"
                .to_owned(),
        };
        self.in_page(
            span,
            format!("code `{text}` is not {} `{type_name}`", article(type_name)),
            "a negative number",
        )
        .with_note(format!("`{type_name}` is unsigned"))
        .with_help(help)
    }

    /// An integer code that is not a number; `skip` is the manifest line that would leave the
    /// row out ([`crate::model::skip::Offers`]).
    pub fn code_not_a_number(
        &self,
        span: Range<usize>,
        text: &str,
        type_name: &str,
        not_a_number: NotANumber<'_>,
        skip: Option<&SkipOffer>,
    ) -> Diagnostic {
        let hidden = scan::hidden_letter(text);
        let help = match not_a_number {
            // The code the page shows is a number: the character is all that is wrong.
            _ if hidden.is_some() && int_value(&visible(text)).is_some() => {
                "remove the character that does not show from the page upstream".to_owned()
            }
            NotANumber { bare_hex: true, .. } => format!(
                "the header says the codes are hexadecimal, written without `0x` or an `h` \
                 after them, which an integer `key-type` does not read in decimal: {READ_AS_HEX}"
            ),
            NotANumber { has_pattern: true, .. } => {
                "fix `key-pattern` in the manifest so that it finds only the code".to_owned()
            }
            NotANumber { listed: true, .. } => "the cell holds several codes, listed (in code \
                 spans or not) or on lines of their own: `split-codes = true` in this [[table]] \
                 makes a variant of each, with the row's other cells"
                .to_owned(),
            NotANumber { pattern: Some(offer), .. } => format!(
                "the cell is the code `{}` and more: {}; or set `key-type = \"str\"` for codes \
                 that are not numbers",
                offer.code,
                offer.takes_out()
            ),
            NotANumber { pattern: None, .. } => {
                "set `key-type = \"str\"` in the manifest for codes that are not numbers, or \
                 `key-pattern` to take the code out of a longer cell"
                    .to_owned()
            }
        };
        let problem = self.in_page(
            span,
            format!("code `{}` is not {} `{type_name}`", shown(text), article(type_name)),
            match not_a_number.hex_digits_alone {
                true => "expected hexadecimal digits (`key-radix = 16`)",
                false => "expected decimal digits, or hex digits after 0x or before h",
            },
        );
        match hidden {
            Some(hidden) => problem.with_note(hidden_note(text, hidden)),
            None => problem,
        }
        .with_help(format!("{help}{}", skip_clause(skip)))
    }

    /// A text code that holds a character that does not show (U+200B, a soft hyphen): the
    /// page shows the code without it, and lookups by that code find no row.
    pub fn hidden_letter_in_code(
        &self,
        span: Range<usize>,
        code: &str,
        hidden: char,
    ) -> Diagnostic {
        let seen = visible(code);
        self.warning_in_page(
            span,
            format!("the code `{}` holds a character that does not show", shown(code)),
            "code here",
        )
        .with_note(hidden_note(code, hidden))
        .with_note(format!(
            "lookups find the row by the code as written: `from_code(\"{seen}\")` finds none"
        ))
        .with_help("remove the character that does not show from the page upstream")
    }

    /// A text code with a mark after it (`E_FOO<sup>1</sup>`, a footnote's `E_BAR[^2]`,
    /// `E_BAZ*`, `E_QUX¹`), which is part of the code: a lookup of `bare`, the code as a
    /// program has it, finds no row. `offer` takes the code out of every key cell, where it
    /// would cut no other row's short.
    pub fn code_with_a_mark(
        &self,
        span: Range<usize>,
        code: &str,
        bare: &str,
        offer: Option<PatternOffer<'_>>,
    ) -> Diagnostic {
        let help = match offer {
            Some(offer) => format!("to read the code without its mark, {}", offer.takes_out()),
            None => "remove the mark upstream, or set `key-pattern` to take the code out of \
                     every key cell"
                .to_owned(),
        };
        self.warning_in_page(
            span,
            format!("the code `{code}` has a mark after it, which is part of the code"),
            "a code and a mark?",
        )
        .with_note(format!(
            "`from_code(\"{}\")` finds no row, and `code()` returns `{code}`",
            bare.escape_debug()
        ))
        .with_help(help)
    }

    /// A key cell of text that is a code, `bare`, and more (`after`: its message after a
    /// colon, or a remark in parentheses), which read as one code; `offer` takes the code out of
    /// every key cell.
    pub fn code_and_more(
        &self,
        span: Range<usize>,
        bare: &str,
        after: AfterTheCode,
        offer: Option<PatternOffer<'_>>,
    ) -> Diagnostic {
        let (what, label, without) = match after {
            AfterTheCode::Message => ("its message", "a code and its message?", "its message"),
            AfterTheCode::Remark => {
                ("a remark in parentheses", "a code and a remark?", "its remark")
            }
        };
        let help = match offer {
            Some(offer) => format!("to read the code without {without}, {}", offer.takes_out()),
            None => "set `key-pattern` to take the code out of every key cell".to_owned(),
        };
        self.warning_in_page(
            span,
            format!("the code cell is the code `{bare}` and {what}, which read as one code"),
            label,
        )
        .with_note(format!(
            "`from_code(\"{}\")` finds no row, and `code()` returns the whole cell",
            bare.escape_debug()
        ))
        .with_help(help)
    }

    /// An integer code written in decimal digits (`code`, the first of `count`) in a column
    /// whose `header` says its codes are hexadecimal: read as decimal, it is another number
    /// than the page means, which `from_code` and `code()` would give wrong.
    pub fn hex_codes_read_as_decimal(
        &self,
        span: Range<usize>,
        (code, count): (&str, usize),
        header: &str,
    ) -> Diagnostic {
        let (meant, called) = match u128::from_str_radix(code, 16) {
            Ok(value) => (format!("0x{code} ({value})"), format!("`from_code(0x{code})`")),
            Err(_) => (format!("0x{code}"), "`from_code`".to_owned()),
        };
        let problem = self
            .in_page(
                span,
                format!("`{code}`, in a column of hexadecimal codes, would be read as decimal"),
                "read as decimal",
            )
            .with_note(format!(
                "the header {} says the codes are hexadecimal: `{code}` is {meant}, but read as \
                 decimal it is {code}, and {called} would not find its row",
                code_span(header)
            ));
        let problem = match count {
            1 => problem,
            2 => problem.with_note("1 more code of the table is written so"),
            count => {
                problem.with_note(format!("{} more codes of the table are written so", count - 1))
            }
        };
        problem.with_help(READ_AS_HEX)
    }

    /// A table whose every code of text (`count` of them, the first `code`) is in one kind of
    /// quotes, which are part of each code, so that a lookup of the code as a program has it
    /// finds no row; `offer` takes the codes out of them.
    pub fn codes_in_quotes(
        &self,
        span: Range<usize>,
        (code, count): (&str, usize),
        offer: PatternOffer<'_>,
    ) -> Diagnostic {
        let every = match count {
            1 => "the table's one code".to_owned(),
            count => format!("every code of the table ({count})"),
        };
        self.warning_in_page(
            span,
            format!("{every} is in quotes, which are part of the code: `{code}`"),
            "a code in quotes",
        )
        .with_note(format!(
            "`from_code(\"{}\")` finds no row, and `code()` returns `{code}`",
            offer.code.escape_debug()
        ))
        .with_help(format!(
            "to read each code without its quotes, {}; or, to keep the quotes and silence \
             this, the same with `key-pattern = '^(.+)$'`",
            offer.takes_out()
        ))
    }
}

/// What the manifest has, and the cell holds, for the help of a code that is not a number.
pub struct NotANumber<'t> {
    /// Whether the manifest has a `key-pattern`, which then found this.
    pub has_pattern: bool,
    /// Where the cell starts with a code and a mark after it, the `key-pattern` that would
    /// take it out.
    pub pattern: Option<PatternOffer<'t>>,
    /// Whether the cell is hexadecimal digits without `0x` (`0A`, `FFh`, as assembly writes
    /// them) in a column whose header says its codes are hexadecimal: no pattern reads them as
    /// integers.
    pub bare_hex: bool,
    /// Whether the cell holds several codes, each in a code span (`` `400`, `422` ``) or on
    /// a line of its own (`400<br>403`), which `split-codes` would make a variant each.
    pub listed: bool,
    /// Whether the table's codes are hexadecimal digits alone (`key-radix = 16`), which is
    /// what the cell was expected to be.
    pub hex_digits_alone: bool,
}

/// What a text code cell holds after its code ([`Place::code_and_more`]).
#[derive(Clone, Copy, Debug)]
pub enum AfterTheCode {
    /// Its message, after a colon (`AADSTS65001: The user or administrator hasn't consented`).
    Message,
    /// A remark in parentheses (`55000 (on grant-die)`, `ORDER_KERNEL_RUNNING (0)`).
    Remark,
}

/// How a text code cell holds several codes ([`Place::several_codes_in_cell`]).
#[derive(Clone, Copy, Debug)]
pub enum SeveralCodes {
    /// This many lines, a code a line.
    Lines(usize),
    /// This many code spans, listed with commas, slashes or `or`.
    Listed(usize),
}

/// A `key-pattern` a help offers, for a key cell that is a code and more.
pub struct PatternOffer<'t> {
    /// The code the cell starts with.
    pub code: &'t str,
    /// The pattern.
    pub pattern: &'static str,
    /// The method the key column then has, which returns the whole cell: pinned in the
    /// manifest, or made from the header.
    pub method: String,
    /// Where the header makes a method every catalog has (`Code` makes `code`), the
    /// `accessors` line that names it otherwise (with the manifest's pins, where it has some).
    pub pin: Option<PinLine>,
}

impl PatternOffer<'_> {
    /// What the help says the pattern does (`key-pattern = '…'` in this `[[table]]` takes the
    /// code out of every key cell), and which method then returns the whole cell.
    fn takes_out(&self) -> String {
        let PatternOffer { pattern, method, pin, .. } = self;
        let method = match pin {
            None => format!("the whole cell is then the method `{method}()`"),
            Some(pin) => format!(
                "with `{}`{} for the method that returns the whole cell, as `{method}()` is every \
                 catalog's",
                pin.text,
                if pin.replaces { " in place of its `accessors`" } else { "" }
            ),
        };
        format!(
            "`key-pattern = {}` in this [[table]] takes the code out of every key cell \
             ({method})",
            pattern_string(pattern)
        )
    }
}

/// A pattern as a TOML string: a literal string, which takes its backslashes as they are,
/// where it has no `'`, which a literal string cannot hold; else a basic string.
fn pattern_string(pattern: &str) -> String {
    match pattern.contains('\'') {
        false => format!("'{pattern}'"),
        true => toml_string(pattern),
    }
}

/// `an` before a type name read with a vowel first (`an `i32``), else `a` (`a `u16``).
fn article(type_name: &str) -> &'static str {
    if type_name.starts_with('i') { "an" } else { "a" }
}

/// `text` with each character that does not show ([`scan::hidden_letter`]) written as
/// `\u{200b}`, so that a message names what the terminal would hide.
fn shown(text: &str) -> Cow<'_, str> {
    if scan::hidden_letter(text).is_none() {
        return Cow::Borrowed(text);
    }
    let mut shown = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if scan::is_hidden_letter(c) {
            scan::push_unicode_escape(&mut shown, c);
        } else {
            shown.push(c);
        }
    }
    Cow::Owned(shown)
}

/// The note that names a character that does not show in `code`, and the code as the page
/// shows it.
fn hidden_note(code: &str, hidden: char) -> String {
    format!(
        "U+{:04X} does not show: the page shows the code as `{}`, as text pasted from a web page \
         or a wiki often has it",
        u32::from(hidden),
        visible(code)
    )
}

/// `code` without the characters that do not show ([`scan::hidden_letter`]): as the page
/// shows it.
fn visible(code: &str) -> String {
    code.chars().filter(|&c| !scan::is_hidden_letter(c)).collect()
}

/// What a help says to do where a code does not fit the manifest's `key-type`: set `fits`,
/// the narrowest type that holds every code of the table, or where no integer type does (a
/// code past `u64::MAX`), read the codes as text.
fn wider_type(fits: Option<KeyType>) -> String {
    match fits {
        Some(fits) => format!(
            "set `key-type = \"{}\"` in the manifest, which holds every code of the table",
            fits.rust_name()
        ),
        None => "no integer `key-type` holds it: set `key-type = \"str\"` in the manifest to \
                 read the codes as text"
            .to_owned(),
    }
}
