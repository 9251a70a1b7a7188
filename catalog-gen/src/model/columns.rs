//! Stage 4: the key and name columns, and every column's accessor method.

use std::collections::BTreeMap;
use std::ops::Range;

use toml::Spanned;

use crate::api;
use crate::diagnostics::Diagnostic;
use crate::manifest::{PinnedNames, TableSpec, in_manifest_order};
use crate::markdown::{Cell, Table};
use crate::model::problems::{ColumnKey, PinLine, Place};
use crate::model::{Column, normalize, same_text};
use crate::naming::{self, Identifier};

/// The table's columns as the enum sees them.
#[derive(Debug)]
pub struct Columns {
    /// Index of the key column.
    pub key: usize,
    /// Index of the name column (the key column when the manifest names none).
    pub name: usize,
    /// Every column with its accessor.
    pub list: Vec<Column>,
    /// Index of the column that says what to do, where the manifest names one.
    pub help: Option<usize>,
}

/// Finds the columns `spec` names in `table` and names every accessor.
pub fn resolve(
    place: &Place<'_>,
    spec: &TableSpec,
    table: &Table,
    problems: &mut Vec<Diagnostic>,
) -> Option<Columns> {
    let key = find(place, table, &spec.key_column, problems);
    let name = match &spec.name_column {
        Some(name) => find(place, table, name, problems),
        None => key,
    };
    for (header, method) in in_manifest_order(&spec.accessors) {
        if !table.header.iter().any(|h| heads(h, header.get_ref()).is_some()) {
            // A column renamed back, say, after the pin kept its method under the new header.
            let makes_it =
                table.header.iter().find(|h| self::method(None, h, false).0 == *method.get_ref());
            let makes_it = makes_it.map(|h| &*h.text);
            problems.push(place.pinned_accessor_without_column(
                header.span(),
                header.get_ref(),
                &header_texts(table),
                makes_it.map(|h| (h, method.get_ref().as_str())),
            ));
        }
    }
    let help = spec.help_column.as_ref().map(|help| find(place, table, help, problems));
    let (key, name, help) = (key?, name?, help.map_or(Some(None), |found| found.map(Some))?);
    let list = accessors(place, spec, table, (key, name, help), problems);
    Some(Columns { key, name, list, help })
}

/// The index of the column with the header `wanted`, or a problem that suggests the closest.
fn find(
    place: &Place<'_>,
    table: &Table,
    wanted: &Spanned<String>,
    problems: &mut Vec<Diagnostic>,
) -> Option<usize> {
    let found = position(&table.header, wanted.get_ref());
    if found.is_none() {
        let headers = header_texts(table);
        problems.push(place.no_such_column(
            wanted.span(),
            wanted.get_ref(),
            header_span(table),
            &headers,
            crate::model::closest(wanted.get_ref(), &headers),
        ));
    }
    found
}

/// The text of each of `table`'s headers, as a problem lists them.
fn header_texts<'t>(table: &'t Table) -> Vec<&'t str> {
    table.header.iter().map(|cell| &*cell.text).collect()
}

/// How a header is the one the manifest names ([`heads`]); the better first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum HeaderMatch {
    /// By its text.
    Text,
    /// By the words it shows beside a picture.
    WordsShown,
}

/// Whether `header` is the header the manifest writes `wanted`, and how: by its text, as a
/// reader compares them ([`same_text`]), or where it has a picture beside words, by those
/// words (`Notes` finds `![warning](w.png) Notes`, as the page shows it), which a name is made
/// of. The one rule by which the manifest's columns and `accessors` pins find their headers; a
/// match by text comes before one by words wherever both are ([`position`]), so a manifest
/// that found its column by text finds the same one.
fn heads(header: &Cell<'_>, wanted: &str) -> Option<HeaderMatch> {
    if same_text(&header.text, wanted) {
        return Some(HeaderMatch::Text);
    }
    let by_words = header.has_pictures_beside_words() && same_text(header.words_shown(), wanted);
    by_words.then_some(HeaderMatch::WordsShown)
}

/// The index of the column whose header is `wanted` ([`heads`]): the first by text, else the
/// first by words shown.
fn position(headers: &[Cell<'_>], wanted: &str) -> Option<usize> {
    let found = headers.iter().enumerate();
    found.filter_map(|(index, header)| Some((heads(header, wanted)?, index))).min().map(|(_, i)| i)
}

/// Whether `table` has every column `spec` names: the key column, and the name and help
/// columns where the manifest names them. Where `heading` and `caption` leave several tables,
/// the one that has them is the table meant ([`crate::model::select`]).
pub fn has_all(spec: &TableSpec, table: &Table) -> bool {
    named(spec).iter().all(|wanted| position(&table.header, wanted).is_some())
}

/// The headers of the columns `spec` names: the key column's, and the name and help columns'
/// where given.
pub fn named(spec: &TableSpec) -> Vec<&str> {
    let named = [Some(&spec.key_column), spec.name_column.as_ref(), spec.help_column.as_ref()];
    named.into_iter().flatten().map(|header| header.get_ref().as_str()).collect()
}

/// The method of the column headed `header`: `pin`, the manifest's, or one made from the
/// header; and whether `code()` or `name()` serves the column instead, where `text_served`
/// (it is the name column, or the key column while its cells hold just the code): `code()`
/// and `name()` return those columns' text, so an accessor named either would repeat them;
/// so would one made up for a column whose header gives no name (empty, or `#`). Another
/// column headed by a sign alone is named by the sign's word ([`naming::sign_word`]: `#`,
/// as tables head a column of row numbers, `number()`).
pub fn method(pin: Option<&str>, header: &Cell<'_>, text_served: bool) -> (String, bool) {
    // Made of the words the header shows, not a picture's alt text, as a variant name is.
    let header = header.words_shown();
    let method = pin.map_or_else(|| naming::accessor_name(header), str::to_owned);
    let inherent = method == "code" || method == "name" || method.is_empty();
    let served = inherent && text_served;
    match naming::sign_word(header) {
        Some(word) if pin.is_none() && !served => (word.to_owned(), served),
        _ => (method, served),
    }
}

/// The manifest's `accessors` pin for the column headed `header`, found as the manifest's
/// columns are (`heads`): one keyed by its text, else one keyed by the words it shows beside a
/// picture.
pub fn pinned_method<'s>(spec: &'s TableSpec, header: &Cell<'_>) -> Option<&'s str> {
    let pins = spec.accessors.iter();
    let found =
        pins.filter_map(|(pinned, method)| Some((heads(header, pinned.get_ref())?, method)));
    found.min_by_key(|&(by, _)| by).map(|(_, method)| method.get_ref().as_str())
}

/// Every column with its accessor, pinned in the manifest or made from the header, the key
/// and name columns included (their indices `key`, `name` and `help`): one rule a reader can
/// apply to the page alone. Only where the name column's accessor, or the key column's while
/// its cells hold just the code, would be `code` or `name`, or where its header is empty or
/// makes no method name (`#`) and nothing is pinned, does the inherent method serve instead;
/// and where the help column's would be `help`, `Entry::help()` does. Any other column whose
/// header makes no name needs a pin (`"" = "..."`, `"?" = "..."`): upstream pages are not
/// edited, so the manifest is the way out.
fn accessors(
    place: &Place<'_>,
    spec: &TableSpec,
    table: &Table,
    (key, name, help): (usize, usize, Option<usize>),
    problems: &mut Vec<Diagnostic>,
) -> Vec<Column> {
    // With `key-pattern`, the key cell holds more than the code: keep it reachable.
    let key_cell_is_code = spec.key_pattern.is_none();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut columns = Vec::with_capacity(table.header.len());
    let mut found = Vec::new();
    // Columns are told apart by header, as a reader compares them (pins, and the snapshot
    // read back after a docs update), so no two may have the same, or both none.
    let mut headers: BTreeMap<String, usize> = BTreeMap::new();
    for (index, cell) in table.header.iter().enumerate() {
        let normalized = normalize(&cell.text);
        let pin = pinned_method(spec, cell);
        if let Some(&first) = headers.get(&normalized) {
            let first = &table.header[first];
            let problem = place.same_header(cell.span.clone(), first.span.clone(), &first.text);
            found.push(Found::Other(problem));
            columns.push(Column { header: cell.text.to_string(), accessor: None, blank: false });
            continue;
        }
        headers.insert(normalized, index);
        let text_served = index == name || (index == key && key_cell_is_code);
        let (method, served) = method(pin, cell, text_served);
        // The help column's text is what `Entry::help()` returns: a method `help` would repeat
        // it, and hide the trait's.
        let served = served || (Some(index) == help && method == "help");
        // A column that gets no identifier is reported: the table goes no further, so its
        // missing accessor is never read.
        let accessor = if served { None } else { Identifier::new(&method) };
        // A column without a header or a cell of text (a row's `| |` too many, as the page's
        // header has it) holds nothing a method would return.
        let blank = cell.text.is_empty()
            && pin.is_none()
            && ![key, name].contains(&index)
            && !table.rows.is_empty()
            && table.rows.iter().all(|row| row.cells()[index].text.is_empty());
        if !served {
            let bare = method.trim_start_matches("r#");
            let (span, header) = (cell.span.clone(), &*cell.text);
            if accessor.is_none() {
                // A pin that is not an identifier is reported already, where it is written.
                if pin.is_none() && !blank {
                    found.push(Found::NoMethodName { span, header });
                }
            } else if api::is_reserved_method(bare) {
                // A column headed `Name` beside a table named by its codes is most likely the
                // variants' names (the manifest may not say so yet, as `init`'s first try), and
                // one headed `Help` beside no help column, what to do.
                let instead = match bare {
                    "name" if spec.name_column.is_none() => Some(ColumnKey::Name),
                    "help" if spec.help_column.is_none() => Some(ColumnKey::Help),
                    _ => None,
                };
                let method = bare.to_owned();
                found.push(Found::Reserved { span, header, method, instead });
            } else if let Some(&first) = seen.get(bare) {
                let first = table.header[first].span.clone();
                found.push(Found::Duplicate { span, first, header, method: bare.to_owned() });
            } else {
                seen.insert(bare.to_owned(), index);
            }
        }
        columns.push(Column { header: cell.text.to_string(), accessor, blank });
    }
    // Each problem that asks for a pin gives the one `accessors` line of them all.
    let offered = found.iter().filter_map(Found::pinned_header);
    let offered = offered.map(|header| (header, "\"...\"".to_owned()));
    let pinned = PinLine::pinned(spec, PinnedNames::Accessors);
    let has_line = !spec.accessors.is_empty();
    let line = PinLine::of_all("accessors", has_line, pinned, offered, same_text);
    problems.extend(found.into_iter().map(|found| found.diagnostic(place, line.as_ref())));
    columns
}

/// What stage 4 found wrong with a column: a method it cannot have, whose problem is made once
/// the line of every pin the stage's problems offer is known ([`PinLine`]), or another problem.
enum Found<'t> {
    /// A header that makes no method name (empty, or `#`).
    NoMethodName {
        span: Range<usize>,
        header: &'t str,
    },
    /// A header that makes a method every catalog has; `instead`, the manifest key that
    /// would make it the column whose text that method returns (`name-column` where it makes
    /// `name` and the manifest names the variants from no column; `help-column`, `help`).
    Reserved {
        span: Range<usize>,
        header: &'t str,
        method: String,
        instead: Option<ColumnKey>,
    },
    /// A header that makes the method an earlier one (at `first`) makes.
    Duplicate {
        span: Range<usize>,
        first: Range<usize>,
        header: &'t str,
        method: String,
    },
    Other(Diagnostic),
}

impl<'t> Found<'t> {
    /// The header whose pin the problem asks for.
    fn pinned_header(&self) -> Option<&'t str> {
        match self {
            Found::NoMethodName { header, .. }
            | Found::Reserved { header, .. }
            | Found::Duplicate { header, .. } => Some(header),
            Found::Other(_) => None,
        }
    }

    fn diagnostic(self, place: &Place<'_>, line: Option<&PinLine>) -> Diagnostic {
        match self {
            Found::NoMethodName { span, header: "" } => place.empty_header(span, line),
            Found::NoMethodName { span, header } => place.no_method_name(span, header, line),
            Found::Reserved { span, header, method, instead } => {
                place.reserved_method(span, header, &method, instead, line)
            }
            Found::Duplicate { span, first, header, method } => {
                place.duplicate_method(span, first, header, &method, line)
            }
            Found::Other(problem) => problem,
        }
    }
}

/// The span of the header row.
pub fn header_span(table: &Table) -> Range<usize> {
    match (table.header.first(), table.header.last()) {
        (Some(first), Some(last)) => first.span.start..last.span.end,
        _ => table.span.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown;
    use crate::model::testing::{PLACE, spec};

    fn resolve_in(header: &str, options: &str) -> Result<Columns, Vec<String>> {
        let page = format!("{header}\n|{}\n", "---|".repeat(header.matches('|').count() - 1));
        let page = markdown::parse(&page);
        let spec = spec(&format!("key-type = \"u8\"\n{options}"));
        let mut problems = Vec::new();
        let columns = resolve(&PLACE, &spec, &page.tables[0], &mut problems);
        match columns {
            Some(columns) if problems.is_empty() => Ok(columns),
            _ => Err(problems.into_iter().map(|p| p.message).collect()),
        }
    }

    /// A header with a footnote mark (`Name[^1]`, shown as `Name` and a superscript link) is
    /// found by its words; a bracket that is no mark is part of them.
    #[test]
    fn a_header_with_a_footnote_mark_is_found_by_its_words() {
        let columns = resolve_in(
            "| Code [^a] | Name[^1] | [^ x] |",
            "key-column = \"code\"\nname-column = \"Name\"\naccessors = { \"[^ x]\" = \"x\" }",
        )
        .unwrap();
        assert_eq!((columns.key, columns.name), (0, 1));
        assert!(crate::model::same_text("Errors[^note] and more[^2]", "errors and more"));
        assert!(!crate::model::same_text("a[^]", "a"));
        // A mark in HTML's superscript, or a superscript digit, as pages mark the columns a
        // note below the table is about; a superscript of words or tags is text.
        let columns = resolve_in(
            "| Code<sup>1</sup> | Name² |",
            "key-column = \"Code\"\nname-column = \"Name\"",
        );
        assert_eq!(columns.map(|columns| (columns.key, columns.name)), Ok((0, 1)));
        assert!(!crate::model::same_text("a<sup>see note</sup>", "a"));
        assert!(!crate::model::same_text("a<sup><b>1</b></sup>", "a"));
    }

    /// A header's method is made of the words it shows, as a variant name is: not of a
    /// picture's alt text beside them, but of a picture's alone.
    #[test]
    fn a_headers_method_is_made_of_the_words_it_shows() {
        let columns = resolve_in(
            "| Code | ![warning](w.png) Notes | ![Retry](r.png) | ![icon](i.png) :x: Fixed in |",
            "key-column = \"Code\"",
        )
        .unwrap();
        let accessors: Vec<_> = columns.list.iter().map(|c| c.accessor.as_deref()).collect();
        assert_eq!(accessors, [None, Some("notes"), Some("retry"), Some("fixed_in")]);
        let headers: Vec<_> = columns.list.iter().map(|c| c.header.as_str()).collect();
        assert_eq!(headers, ["Code", "warning Notes", "Retry", "icon :x: Fixed in"]);
    }

    /// The manifest finds a column headed beside a picture by the words the header shows, as
    /// by its text; where one header is the text asked for and another shows it, the text's
    /// is the column (a manifest that found it so finds the same one), for `accessors` too.
    #[test]
    fn a_column_headed_beside_a_picture_is_found_by_the_words_it_shows() {
        let columns = resolve_in(
            "| ![key](k.png) Code | ![warning](w.png) Notes | Retry |",
            "key-column = \"code\"\nhelp-column = \"Notes\"\naccessors = { \"NOTES\" = \"remarks\" }",
        )
        .unwrap();
        assert_eq!((columns.key, columns.help), (0, Some(1)));
        let accessors: Vec<_> = columns.list.iter().map(|c| c.accessor.as_deref()).collect();
        assert_eq!(accessors, [None, Some("remarks"), Some("retry")]);
        let columns = resolve_in(
            "| Code | ![w](w.png) Notes | Notes |",
            "key-column = \"Code\"\nhelp-column = \"Notes\"\n\
             accessors = { \"Notes\" = \"plain_notes\", \"w Notes\" = \"w_notes\" }",
        )
        .unwrap();
        assert_eq!(columns.help, Some(2));
        let accessors: Vec<_> = columns.list.iter().map(|c| c.accessor.as_deref()).collect();
        assert_eq!(accessors, [None, Some("w_notes"), Some("plain_notes")]);
        // A pin whose header no column has, by text or by words, is still a problem.
        let problems = resolve_in(
            "| Code | ![w](w.png) Notes |",
            "key-column = \"Code\"\n\
            accessors = { \"w\" = \"x\" }",
        )
        .unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
    }

    #[test]
    fn key_and_name_columns_are_served_by_code_and_name() {
        let columns = resolve_in(
            "| Code | Exception name | What To Do |",
            "key-column = \"code\"\nname-column = \"Exception  Name\"",
        )
        .unwrap();
        assert_eq!((columns.key, columns.name), (0, 1));
        let accessors: Vec<_> = columns.list.iter().map(|c| c.accessor.as_deref()).collect();
        assert_eq!(accessors, [None, Some("exception_name"), Some("what_to_do")]);
    }

    #[test]
    fn a_key_column_with_a_pattern_keeps_its_accessor() {
        let columns = resolve_in(
            "| HTTP Status Code | Name |",
            "key-column = \"HTTP Status Code\"\nname-column = \"Name\"\nkey-pattern = '^(\\d+)'",
        )
        .unwrap();
        assert_eq!(columns.list[0].accessor.as_deref(), Some("http_status_code"));
    }

    #[test]
    fn pinned_accessors_replace_made_ones() {
        let columns = resolve_in(
            "| Code | Type |",
            "key-column = \"Code\"\naccessors = { \"type\" = \"kind\" }",
        )
        .unwrap();
        assert_eq!(columns.list[1].accessor.as_deref(), Some("kind"));
    }

    #[test]
    fn reserved_and_duplicate_methods_are_problems() {
        let problems =
            resolve_in("| Code | Row | With Code | A b | A-b |", "key-column = \"Code\"")
                .unwrap_err();
        assert_eq!(
            problems,
            [
                "the column `Row` would generate the method `row`, which every catalog already has",
                "the column `With Code` would generate the method `with_code`, which every \
                 catalog already has",
                "two columns generate the method `a_b`",
            ]
        );
    }

    #[test]
    fn a_column_without_a_header_is_served_by_code_or_name_or_takes_a_pin() {
        // Neither a pin nor the snapshot could tell two columns without a header apart.
        for (header, options) in [
            (
                "| | Name | |",
                "key-column = \"\"\nname-column = \"Name\"\naccessors = { \"\" = \"a\" }",
            ),
            ("| | Name | |", "key-column = \"Name\"\naccessors = { \"\" = \"notes\" }"),
            ("| | |", "key-column = \"\""),
        ] {
            let problems = resolve_in(header, options).unwrap_err();
            assert_eq!(problems, ["a second column without a header"], "{header} {options}");
        }
        let columns =
            resolve_in("| | Name | Meaning |", "key-column = \"\"\nname-column = \"Name\"")
                .unwrap();
        let accessors: Vec<_> = columns.list.iter().map(|c| c.accessor.as_deref()).collect();
        assert_eq!((columns.key, columns.name), (0, 1));
        assert_eq!(accessors, [None, None, Some("meaning")]);
        let columns =
            resolve_in("| Code | | Meaning |", "key-column = \"Code\"\nname-column = \"\"")
                .unwrap();
        let accessors: Vec<_> = columns.list.iter().map(|c| c.accessor.as_deref()).collect();
        assert_eq!(accessors, [None, None, Some("meaning")]);
        // So do a key and a name column whose headers make no method name.
        let columns =
            resolve_in("| # | ? | Meaning |", "key-column = \"#\"\nname-column = \"?\"").unwrap();
        let accessors: Vec<_> = columns.list.iter().map(|c| c.accessor.as_deref()).collect();
        assert_eq!(accessors, [None, None, Some("meaning")]);
        // A column without a header or text in any row has none, nor needs one; with text in
        // a row, it needs a pin.
        let resolve_page = |page: &str| {
            let page = markdown::parse(page);
            let spec = spec("key-type = \"u8\"\nkey-column = \"Code\"");
            let mut problems = Vec::new();
            let columns = resolve(&PLACE, &spec, &page.tables[0], &mut problems).unwrap();
            let messages: Vec<String> = problems.into_iter().map(|p| p.message).collect();
            (columns.list.into_iter().map(|c| c.accessor).collect::<Vec<_>>(), messages)
        };
        let (accessors, problems) = resolve_page("| Code | |\n|---|---|\n| 1 | |\n| 2 |\n");
        assert_eq!((accessors, problems), (vec![None, None], vec![]));
        let (_, problems) = resolve_page("| Code | |\n|---|---|\n| 1 | |\n| 2 | x |\n");
        assert_eq!(problems, ["a column without a header has no method name"]);
        let problems = resolve_in("| Code | ? |", "key-column = \"Code\"").unwrap_err();
        assert_eq!(problems, ["cannot make a method name from the header `?`"]);
        // A column of row numbers headed `#` is named by the sign's word; `%`, too.
        let columns = resolve_in("| # | Code | % |", "key-column = \"Code\"").unwrap();
        let accessors: Vec<_> = columns.list.iter().map(|c| c.accessor.as_deref()).collect();
        assert_eq!(accessors, [Some("number"), None, Some("percent")]);
        let problems = resolve_in("| # | Code | Number |", "key-column = \"Code\"").unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("`number`"), "{problems:?}");
        let columns =
            resolve_in("| Code | |", "key-column = \"Code\"\naccessors = { \"\" = \"notes\" }")
                .unwrap();
        assert_eq!(columns.list[1].accessor.as_deref(), Some("notes"));
    }

    #[test]
    fn a_column_without_a_header_and_no_pin_is_a_problem_that_names_the_pin() {
        let page = markdown::parse("| Code | |\n|---|---|\n");
        let mut problems = Vec::new();
        resolve(
            &PLACE,
            &spec("key-type = \"u8\"\nkey-column = \"Code\""),
            &page.tables[0],
            &mut problems,
        );
        let [problem] = &problems[..] else { panic!("{problems:?}") };
        assert_eq!(problem.message, "a column without a header has no method name");
        assert_eq!(
            problem.help.as_deref(),
            Some("pin a method name for it in the manifest: `accessors = { \"\" = \"...\" }`")
        );
        // With a key pattern the key cell holds more than the code, so it needs a method.
        let problems = resolve_in(
            "| | Name |",
            "key-column = \"\"\nname-column = \"Name\"\nkey-pattern = '(\\d+)'",
        )
        .unwrap_err();
        assert_eq!(problems, ["a column without a header has no method name"]);
    }

    #[test]
    fn headers_that_read_the_same_are_a_problem() {
        let problems = resolve_in("| Code | Type | TYPE |", "key-column = \"Code\"").unwrap_err();
        assert_eq!(problems, ["a second column headed `Type`"]);
        let problems =
            resolve_in("| Code | What  to do | what to Do |", "key-column = \"Code\"").unwrap_err();
        assert_eq!(problems, ["a second column headed `What  to do`"]);
    }

    #[test]
    fn an_unknown_column_is_a_problem() {
        let problems = resolve_in("| Code | Name |", "key-column = \"Cdoe\"").unwrap_err();
        assert_eq!(problems, ["the table has no column `Cdoe`"]);
    }
}
