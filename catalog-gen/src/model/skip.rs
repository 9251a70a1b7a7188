//! Stage 5: the rows that the manifest's `skip-rows` leaves out of the enum.
//!
//! A registry's table often has rows that stand for no one code: a range (`0x02`-`0xFE`
//! reserved), a formula (`0x7f * N + 0x9D`, reserved for greasing), a class (HTTP's `5xx`),
//! or a row the enum is not to have (`0 | OK` in a table of errors). Such a row's key is no
//! code of the key type, so without this stage the whole table would have to be `str`. The
//! rows left out are taken out of the table here, before any later stage reads a row, so that
//! to every later stage (and to the API snapshot, the changelog and the break gate) the table
//! is the page's without them. An entry names rows by the whole plain text of their key cell
//! or name cell, as the page has it: read before the codes are, and so the same whatever the
//! key type; a row of one cell (an attribute block under a table, `{: #frame-types}`, which
//! GitHub shows as a row) by that cell.

use std::collections::HashSet;

use toml::Spanned;

use crate::diagnostics::Diagnostic;
use crate::int_code::hex_digits;
use crate::manifest::TableSpec;
use crate::markdown::{Row, Table, is_attribute_block};
use crate::model::columns::Columns;
use crate::model::names::PinOffers;
use crate::model::problems::{self, Place};

/// A table without the rows the manifest leaves out.
#[derive(Debug)]
pub struct Skipped<'a> {
    /// The table without them.
    pub table: Table<'a>,
    /// How the enum's rustdoc names them, in the page's order: each by the plain text of its
    /// key cell, or where that is empty (an attribute block in another column), of its first
    /// cell with text.
    pub shown: Vec<String>,
}

/// `table` without the rows `spec` skips, and a problem for each entry that names no row
/// (which `offers` then leaves out of the lines it offers); `None` where the manifest skips
/// none, as most do: a table of 200k rows is not copied.
pub fn rows<'a>(
    place: &Place<'_>,
    spec: &TableSpec,
    table: &Table<'a>,
    columns: &Columns,
    offers: &mut Offers<'_>,
    problems: &mut Vec<Diagnostic>,
) -> Option<Skipped<'a>> {
    if spec.skip_rows.is_empty() {
        return None;
    }
    let skipped =
        |row: &Row<'_>| spec.skip_rows.iter().any(|entry| names_row(entry.get_ref(), row, columns));
    for entry in &spec.skip_rows {
        if !table.rows.iter().any(|row| names_row(entry.get_ref(), row, columns)) {
            // A number that is no row's code is a row gone, not a typo of a code near it.
            let cells: Vec<&str> = match spec.codes().number(entry.get_ref()) {
                Some(_) => Vec::new(),
                None => table
                    .rows
                    .iter()
                    .flat_map(|row| [columns.key, columns.name].map(|at| &*row.cells()[at].text))
                    .collect(),
            };
            let closest = crate::model::closest(entry.get_ref(), &cells);
            problems.push(place.skipped_row_not_found(entry.span(), entry.get_ref(), closest));
            offers.names_no_row(entry.get_ref());
        }
    }
    let (left_out, rows): (Vec<&Row<'a>>, Vec<&Row<'a>>) =
        table.rows.iter().partition(|row| skipped(row));
    let table = table.with_rows(rows.into_iter().cloned().collect());
    let shown = left_out.iter().map(|row| shown(row, columns).to_owned()).collect();
    Some(Skipped { table, shown })
}

/// The text a row left out is shown by: its key cell's, or its first cell's with text.
fn shown<'r>(row: &'r Row<'_>, columns: &Columns) -> &'r str {
    let cells = row.cells();
    let key = &*cells[columns.key].text;
    match key {
        "" => cells.iter().map(|cell| &*cell.text).find(|text| !text.is_empty()).unwrap_or(key),
        _ => key,
    }
}

/// Whether `entry` is the whole plain text of `row`'s key cell or name cell, or, where the row
/// has one cell (an attribute block under a table is such a row on GitHub), of that cell. The
/// empty entry names the rows whose key cell is empty (an empty row, or more lines of the row
/// above it), which no code finds: not rows of a code whose name cell is empty, which would
/// be lost.
fn names_row(entry: &str, row: &Row<'_>, columns: &Columns) -> bool {
    let cells = row.cells();
    if entry.is_empty() {
        return cells[columns.key].text.is_empty();
    }
    [columns.key, columns.name].iter().any(|&column| *cells[column].text == *entry)
        || row.only_cell().is_some_and(|cell| *cell.text == *entry)
}

/// The `skip-rows` lines that the helps of one table's rows offer to paste: those of stage 6
/// (a code that is not a number, an attribute block) and stage 9 (a code that makes no
/// variant name); and the `variants` lines of stage 9's pins ([`PinOffers`]). Each help offers
/// the manifest's entries and its own; where a first reading of the table offered more than
/// one row, or more than one pin, the table is read again ([`Offers::at_once`]), each help
/// offering the line of them all, so that pasting any one line leaves out every row offered,
/// or pins every row (pasting two would be a TOML duplicate key). Of more rows than a line of
/// every help should hold, the first help offers the line of them all, and the others their
/// own row's.
#[derive(Debug)]
pub struct Offers<'s> {
    /// The manifest's entries that name a row: the lines keep them, and not one that names no
    /// row, whose own problem says to remove it (or which cell it may have meant: a range
    /// upstream spells otherwise now, which a line offers in its place).
    kept: Vec<&'s str>,
    /// The rows offered, by the cell that names each, in the order the stages offered them.
    offered: Vec<String>,
    /// The cells of the rows offered whatever they say (rows that head others), which a later
    /// help of the same row offers again.
    heading: HashSet<String>,
    /// Every row this table's helps offer, where known from an earlier reading: the line
    /// each help offers.
    at_once: Option<SkipOffer>,
    /// Whether only the first help offers [`Offers::at_once`]'s line, and the others their
    /// own row's: where the table offers more rows than [`problems::MOST_IN_A_LINE`], whose
    /// line in every help would make the helps' text grow as the square of the rows (a
    /// registry's table of forty groups, each under a row that heads it).
    first_only: bool,
    /// Whether this reading of the table found no row's code (every row failed stage 6).
    found_no_code: bool,
    /// Whether the helps offer no row to leave out: an earlier reading found no row's code,
    /// so that leaving out the rows offered would leave none, and `key-type` or `key-pattern`
    /// is the fix (a table whose every code is written `421, "4.3.0"`, each read as a list).
    offer_none: bool,
    /// The `variants` pins stage 9's helps offer, whose one line is made as this one is.
    pub pins: PinOffers,
}

/// A `skip-rows` line a help offers.
#[derive(Clone, Debug)]
pub struct SkipOffer {
    /// The line: the manifest's entries and the rows offered.
    pub line: String,
    /// How many rows it leaves out that the manifest does not: the help's own, and where a
    /// table offers several, theirs.
    pub rows: usize,
}

impl<'s> Offers<'s> {
    /// No row offered yet, besides the manifest's entries `skipped`.
    pub fn new(skipped: &'s [Spanned<String>]) -> Self {
        let kept = skipped.iter().map(|entry| entry.get_ref().as_str()).collect();
        Offers {
            kept,
            offered: Vec::new(),
            heading: HashSet::new(),
            at_once: None,
            first_only: false,
            found_no_code: false,
            offer_none: false,
            pins: PinOffers::default(),
        }
    }

    /// These offers, with `kept` as the manifest's entries that name a row.
    fn keeping(self, kept: Vec<&'s str>) -> Self {
        Offers { kept, ..self }
    }

    /// Leaves `entry`, an entry of the manifest's that names no row, out of the lines offered.
    fn names_no_row(&mut self, entry: &str) {
        self.kept.retain(|kept| *kept != entry);
    }

    /// The `skip-rows` line a help gives to paste to leave out the row whose key or name cell
    /// is `cell`, where the cell says that the row stands for no one code: it reads as several
    /// (a range, a list, a formula, a class), has no letter or digit (a rule), or is an
    /// attribute block; or where the row heads others ([`Offers::heading`]). A cell of one
    /// code mistyped (`4O4`) is offered none: leaving its row out would lose a code.
    pub fn offer(&mut self, cell: &str) -> Option<SkipOffer> {
        if self.offer_none {
            return None;
        }
        // A row offered as a heading (then its code's error) is offered again.
        (stands_for_no_one_code(cell) || self.heading.contains(cell)).then(|| self.push(cell))
    }

    /// [`Offers::offer`], for the key cell of a table of integer codes, which also says that
    /// its row stands for no code where it is words without a digit (`No error code`, `N/A`,
    /// `None`): in a table of text codes they would be a code, and a code mistyped keeps its
    /// digits (`4O4`). Letters that could all be hex digits (`FF`, a code without its `0x`)
    /// may be a code, and are offered nothing more.
    pub fn offer_integer(&mut self, cell: &str) -> Option<SkipOffer> {
        if self.offer_none {
            return None;
        }
        let words =
            !cell.chars().any(char::is_numeric) && !cell.chars().all(|c| c.is_ascii_hexdigit());
        if words { Some(self.push(cell)) } else { self.offer(cell) }
    }

    /// Notes that the row whose key cell is `cell` stands for no code, whatever the cell says
    /// (a row of only a bold cell that heads the rows below it): a help of the row then
    /// offers to leave it out ([`Offers::offer`]).
    pub fn heading(&mut self, cell: &str) {
        self.heading.insert(cell.to_owned());
    }

    /// The `skip-rows` line a help gives to leave out the rows whose key cell is empty, which
    /// no code finds: an empty row, or more lines of the row above it.
    pub fn offer_no_code(&mut self) -> SkipOffer {
        self.push("")
    }

    /// The `skip-rows` line a help gives to leave out the row whose key cell is `cell`, which
    /// heads the rows below it ([`Offers::heading`]).
    pub fn offer_row(&mut self, cell: &str) -> SkipOffer {
        self.heading(cell);
        self.push(cell)
    }

    /// The line that leaves out the row of `cell`, offered.
    fn push(&mut self, cell: &str) -> SkipOffer {
        // A row offered twice (an attribute block's warning, then its code's error) is one row
        // of the line: `at_once` counts each once.
        self.offered.push(cell.to_owned());
        let first = self.offered.len() == 1;
        match &self.at_once {
            Some(at_once) if first || !self.first_only => at_once.clone(),
            _ => SkipOffer { line: problems::skip_line(&self.kept, [cell]), rows: 1 },
        }
    }

    /// Notes that this reading of the table found no row's code: the rows it offered to leave
    /// out are every row that could be read, and leaving them out would leave none.
    pub fn found_no_code(&mut self) {
        self.found_no_code = true;
    }

    /// Where this reading offered more than one row, the offers for reading the table again,
    /// each help offering the line of them all (the first help alone, of more than
    /// [`problems::MOST_IN_A_LINE`]); where it found no row's code, the offers for reading it
    /// again offering none.
    pub fn at_once(self) -> Option<Self> {
        if self.offer_none {
            return None;
        }
        if self.found_no_code && !self.offered.is_empty() {
            return Some(Offers { offer_none: true, ..Offers::new(&[]) }.keeping(self.kept));
        }
        let mut seen = HashSet::new();
        let offered: Vec<&str> =
            self.offered.iter().map(String::as_str).filter(|cell| seen.insert(*cell)).collect();
        let pins = self.pins.at_once();
        let several = offered.len() >= 2;
        if self.at_once.is_some() || (!several && pins.is_none()) {
            return None;
        }
        let rows = offered.len();
        let at_once =
            several.then(|| SkipOffer { line: problems::skip_line(&self.kept, offered), rows });
        let pins = pins.unwrap_or_default();
        let heading = HashSet::new();
        let first_only = rows > problems::MOST_IN_A_LINE;
        let kept = self.kept.clone();
        let offers = Offers { heading, at_once, first_only, pins, ..Offers::new(&[]) };
        Some(offers.keeping(kept))
    }
}

/// Whether a key cell that is no code says that its row stands for none: it reads as several
/// codes (a range, a formula, a class such as `5xx`), has no letter or digit (a rule of dashes,
/// which kramdown reads as a separator of the table's rows and GitHub as a row), or is an
/// attribute block that GitHub shows as a row (`{: #frame-types}`).
fn stands_for_no_one_code(cell: &str) -> bool {
    // An empty cell is no code at all, which is the empty code cell's own help
    // ([`Offers::offer_no_code`]).
    !cell.is_empty()
        && (names_several_codes(cell)
            || names_an_open_range(cell)
            || names_a_class_of_codes(cell)
            || !cell.chars().any(char::is_alphanumeric)
            || is_attribute_block(cell))
}

/// Whether `cell` names every code from or up to one: a sign before a digit (`≥ 4000`,
/// `>=400`, `< 100`, the sign starting a word) or a `+` after one (`4000+`, as WebSocket close codes write the
/// application's own), or words that say so after a digit (`4000 and above`, `500 or higher`).
fn names_an_open_range(cell: &str) -> bool {
    const SIGNS: [char; 4] = ['>', '<', '≥', '≤'];
    const WORDS: [&str; 6] =
        [" and above", " and up", " or above", " and higher", " or higher", " or more"];
    let after_digit = |at: usize| cell[..at].trim_end().ends_with(|c: char| c.is_ascii_digit());
    let before_digit = |at: usize| {
        cell[at..].trim_start_matches(['=', ' ']).starts_with(|c: char| c.is_ascii_digit())
    };
    // A sign that starts a word: the end of a tag (`406<sup>1</sup>`) is none.
    let starts_word = |at: usize| cell[..at].chars().next_back().is_none_or(char::is_whitespace);
    cell.match_indices(SIGNS).any(|(at, sign)| starts_word(at) && before_digit(at + sign.len()))
        || cell.trim_end().strip_suffix('+').is_some_and(|before| after_digit(before.len()))
        || WORDS.iter().any(|words| cell.match_indices(words).any(|(at, _)| after_digit(at)))
}

/// Whether `cell` has a word of digits whose last places are `x` (HTTP's `5xx`, `4XX`, `50x`),
/// or of hexadecimal digits after `0x` (`0x0001xx`, a family of codes that share their first
/// bytes): every code that starts with those digits. A hex code's `0x` (`0x5`, `0x`) is not one.
fn names_a_class_of_codes(cell: &str) -> bool {
    // The digits of `word` before its last places, if they are `x` and the digits all `digit`.
    let class = |word: &str, digit: fn(&u8) -> bool| {
        let digits = word.trim_end_matches(['x', 'X']);
        digits.len() < word.len() && !digits.is_empty() && digits.bytes().all(|b| digit(&b))
    };
    cell.split(|c: char| !c.is_ascii_alphanumeric()).any(|word| {
        let hex = word.strip_prefix("0x").or_else(|| word.strip_prefix("0X"));
        // `0x` alone is a hex code's prefix; `0xx`, a decimal class, is read as one.
        (class(word, u8::is_ascii_digit) && !matches!(word, "0x" | "0X"))
            || hex.is_some_and(|hex| class(hex, u8::is_ascii_hexdigit))
    })
}

/// Whether `cell` has a code on both sides of a word or sign that joins codes: a range
/// (`0x02-0xFE`, `5–15`, `0x3..255`, `1 to 9`, `03h - FEh`), a formula (`0x7f * N + 0x9D`) or
/// a list (`7, 9`, `404/401`, `7 and 9`, codes on lines of their own: `400<br>403`).
fn names_several_codes(cell: &str) -> bool {
    const JOINS: [&str; 13] =
        ["-", "–", "—", "..", "*", "+", ",", " to ", " or ", " and ", "&", "/", "\n"];
    // A digit, or a word of hexadecimal digits written before an `h` that has none (`FEh`).
    let has_code = |text: &str| {
        text.bytes().any(|byte| byte.is_ascii_digit())
            || text
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|word| hex_digits(word).is_some())
    };
    JOINS.iter().any(|join| {
        cell.match_indices(join)
            .any(|(at, _)| has_code(&cell[..at]) && has_code(&cell[at + join.len()..]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown;
    use crate::model::columns;
    use crate::model::testing::{PLACE, spec};

    const PAGE: &str = "| Error | Code |\n|---|---|\n| NO_ERROR | 0x0 |\n\
                        | INTERNAL_ERROR | 0x1 |\n| Reserved for greasing | 0x7f * N + 0x9D |\n\
                        | Reserved | 0x2-0xF |\n| Reserved | 0x10-0x1F |\n";

    /// The codes of the rows kept when `options` are the `[[table]]`'s, or the problems.
    fn kept(options: &str) -> Result<Vec<String>, Vec<String>> {
        let page = markdown::parse(PAGE);
        let spec = spec(&format!("key-column = \"Code\"\nkey-type = \"u64\"\n{options}"));
        let mut problems = Vec::new();
        let columns = columns::resolve(&PLACE, &spec, &page.tables[0], &mut problems).unwrap();
        let offers = &mut Offers::new(&spec.skip_rows);
        let kept = rows(&PLACE, &spec, &page.tables[0], &columns, offers, &mut problems);
        let table = kept.as_ref().map_or(&page.tables[0], |kept| &kept.table);
        if problems.is_empty() {
            Ok(table.rows.iter().map(|row| row.cells()[1].text.to_string()).collect())
        } else {
            let text = |problem: &Diagnostic| {
                format!("{problem}; {}", problem.help.as_deref().unwrap_or(""))
            };
            Err(problems.iter().map(text).collect())
        }
    }

    #[test]
    fn rows_are_skipped_by_their_key_or_name_cell_whole() {
        let all = ["0x0", "0x1", "0x7f * N + 0x9D", "0x2-0xF", "0x10-0x1F"];
        assert_eq!(kept("").unwrap(), all);
        // An entry leaves out every row it names: both reserved rows.
        let skipped =
            kept("name-column = \"Error\"\nskip-rows = [\"0x7f * N + 0x9D\", \"Reserved\"]");
        assert_eq!(skipped.unwrap(), ["0x0", "0x1"]);
        // Without a name column, the key cell is the name cell.
        assert_eq!(kept("skip-rows = [\"0x1\"]").unwrap(), [all[0], all[2], all[3], all[4]]);
    }

    #[test]
    fn an_entry_that_names_no_row_is_a_problem_that_suggests_the_closest_cell() {
        let problems = kept("name-column = \"Error\"\nskip-rows = [\"0x7f*N+0x9D\", \"Reserve\"]")
            .unwrap_err();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains("`skip-rows` names `0x7f*N+0x9D`, which is no row's"));
        assert!(problems[0].contains("`0x7f * N + 0x9D`"), "{}", problems[0]);
        assert!(problems[1].contains("`Reserved`"), "{}", problems[1]);
        // Part of a cell names no row: entries are whole cells.
        assert!(kept("skip-rows = [\"0x7f\"]").is_err());
    }

    #[test]
    fn the_lines_offered_leave_out_an_entry_that_names_no_row() {
        // A range upstream respells: the old spelling names no row, the new one is offered.
        let page = markdown::parse("| Code |\n|---|\n| 0x1 |\n| 0x2 - 0xF |\n| 0x10-0x1F |\n");
        let spec = spec(
            "key-column = \"Code\"\nkey-type = \"u8\"\nskip-rows = [\"0x2-0xF\", \"0x10-0x1F\"]",
        );
        let columns = columns::resolve(&PLACE, &spec, &page.tables[0], &mut Vec::new()).unwrap();
        let (offers, mut problems) = (&mut Offers::new(&spec.skip_rows), Vec::new());
        rows(&PLACE, &spec, &page.tables[0], &columns, offers, &mut problems);
        assert_eq!(problems.len(), 1, "{problems:?}");
        let line = offers.offer("0x2 - 0xF").unwrap().line;
        assert_eq!(line, r#"skip-rows = ["0x10-0x1F", "0x2 - 0xF"]"#);
    }

    #[test]
    fn a_row_of_one_cell_is_named_by_that_cell_whichever_the_key_column() {
        // An attribute block under the table: a row whose one cell is neither the key's nor
        // the name's.
        let page = markdown::parse("| Name | Code |\n|---|---|\n| A | 1 |\n{: #codes}\n");
        let spec = spec("key-column = \"Code\"\nkey-type = \"u8\"\nskip-rows = [\"{: #codes}\"]");
        let columns = columns::resolve(&PLACE, &spec, &page.tables[0], &mut Vec::new()).unwrap();
        let offers = &mut Offers::new(&spec.skip_rows);
        let kept = rows(&PLACE, &spec, &page.tables[0], &columns, offers, &mut Vec::new());
        let kept = kept.unwrap();
        assert_eq!((kept.table.rows.len(), &kept.shown[..]), (1, &["{: #codes}".to_owned()][..]));
    }

    #[test]
    fn only_a_row_that_stands_for_no_one_code_is_offered_to_be_left_out() {
        for several in [
            "0x7f * N + 0x9D",
            "0x02-0xFE",
            "5–15",
            "0x3..255",
            "1 to 9",
            "7, 9",
            "404/401",
            "7 and 9",
            "7 & 9",
            "400\n403",
            "03h - FEh",
            "ACh-FFh",
        ] {
            assert!(names_several_codes(several), "{several}");
        }
        // A code mistyped, a negative code, a word: their rows are not to be left out.
        for one in ["4O4", "-32700", "0x1G", "N/A", "TBD-1", "-", "each - ah", "0Ah"] {
            assert!(!names_several_codes(one), "{one}");
        }
        for open in
            ["4000+", "4000 +", "≥ 4000", ">=400", "< 100", "4000 and above", "500 or higher"]
        {
            assert!(names_an_open_range(open), "{open}");
            assert!(Offers::new(&[]).offer_integer(open).is_some(), "{open}");
        }
        // A code signed by `+`, a `+` or sign without a digit, words before the digits.
        for one in ["+1", "C++", "A+", "<none>", "406<sup>1</sup>", "Above 4000 bytes", "Pass>"] {
            assert!(!names_an_open_range(one), "{one}");
        }
        for class in ["5xx", "5xx (SERVER ERROR)", "4XX", "50x", "Any 3xx", "0x0001xx", "0X1FXX"] {
            assert!(names_a_class_of_codes(class), "{class}");
        }
        // A hex code, its prefix alone, a word that ends in `x`, an `x` alone.
        for one in ["0x5", "0x", "0X", "Max", "x", "xx", "1x2", "404", "0x5x2", "0xgx", "0x1F"] {
            assert!(!names_a_class_of_codes(one), "{one}");
        }
        let entry = [Spanned::new(0..1, r#"a "b""#.to_owned())];
        let line = Offers::new(&entry).offer("1-2").map(|offer| offer.line);
        assert_eq!(line.as_deref(), Some(r#"skip-rows = ["a \"b\"", "1-2"]"#));
        assert!(Offers::new(&[]).offer("4O4").is_none());
        assert!(Offers::new(&[]).offer("").is_none());
        for no_code in ["{: #frame-types}", "----------", "—"] {
            assert!(Offers::new(&[]).offer(no_code).is_some(), "{no_code}");
        }
        // Words without a digit say a row of integer codes has none; any other code may be one.
        for words in ["No error code", "N/A", "None", "无", "Reserved"] {
            assert!(Offers::new(&[]).offer(words).is_none(), "{words}");
            assert!(Offers::new(&[]).offer_integer(words).is_some(), "{words}");
        }
        for one in ["4O4", "FF", "beef", "0x1G", "E1", ""] {
            assert!(Offers::new(&[]).offer_integer(one).is_none(), "{one}");
        }
        assert!(Offers::new(&[]).offer_integer("5xx").is_some());
        assert!(Offers::new(&[]).offer_integer("0x0001xx").is_some());
    }

    #[test]
    fn where_a_table_offers_several_rows_each_help_offers_them_all() {
        let entry = [Spanned::new(0..1, "0x7f * N".to_owned())];
        let mut offers = Offers::new(&entry);
        // An attribute block's warning and its code's error offer one row.
        for cell in ["0x2-0xF", "4O4", "{: #codes}", "{: #codes}", "0x10-0x1F", "0x2-0xF"] {
            offers.offer(cell);
        }
        let mut again = offers.at_once().unwrap();
        let all = r#"skip-rows = ["0x7f * N", "0x2-0xF", "{: #codes}", "0x10-0x1F"]"#;
        for cell in ["0x2-0xF", "{: #codes}", "0x10-0x1F"] {
            let offer = again.offer(cell).unwrap();
            assert_eq!((offer.line.as_str(), offer.rows), (all, 3));
        }
        assert!(again.offer("4O4").is_none());
        // Read again, the table offers the same rows: once is enough.
        assert!(again.at_once().is_none());
        // One row offered, or none, needs no second reading.
        let mut one = Offers::new(&[]);
        one.offer("1-2");
        one.offer("1-2");
        assert!(one.at_once().is_none());
        assert!(Offers::new(&[]).at_once().is_none());
        // Of more than a line of every help should hold, the first help offers the line of
        // them all, and the others their own row's.
        let mut many = Offers::new(&[]);
        let cells: Vec<String> =
            (0..=problems::MOST_IN_A_LINE).map(|at| format!("{at}-{}", at + 1)).collect();
        for cell in &cells {
            many.offer(cell);
        }
        let mut again = many.at_once().unwrap();
        let lines: Vec<SkipOffer> = cells.iter().flat_map(|cell| again.offer(cell)).collect();
        assert_eq!(lines[0].rows, cells.len());
        assert!(lines[0].line.ends_with(r#""31-32", "32-33"]"#), "{}", lines[0].line);
        assert_eq!(lines[1].line, r#"skip-rows = ["1-2"]"#);
        assert_eq!(lines[32].rows, 1);
    }
}
