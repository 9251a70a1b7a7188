//! Stage 3: the table the manifest asks for, picked among the page's tables by `heading`,
//! `caption` and `index`, or where those leave several, the one with the columns it names; or
//! with `all-tables`, every one with those columns, whose rows make one table ([`joined`]).

use std::collections::BTreeMap;
use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};
use toml::Spanned;

use crate::api::toml_string;
use crate::diagnostics::Diagnostic;
use crate::manifest::TableSpec;
use crate::markdown::{self, Heading, Page, Table, before_attribute_block, plain_text};
use crate::model::columns;
use crate::model::problems::{Offer, Place};
use crate::model::{normalize, same_text};
use crate::source::line_column;

/// What stage 3 picks of a page: one table, or with `all-tables = true`, several, whose rows
/// make one enum ([`joined`]).
#[derive(Debug)]
pub enum Picked<'p, 's> {
    /// The one table meant.
    One(&'p Table<'s>),
    /// Every table that matches and has the columns named, in the page's order: two or more,
    /// with the same columns.
    All(Vec<&'p Table<'s>>),
}

/// The table of `page` that `spec` picks, or with `all-tables = true`, the tables.
pub fn table<'p, 's>(
    place: &Place<'_>,
    spec: &TableSpec,
    page: &'p Page<'s>,
    problems: &mut Vec<Diagnostic>,
) -> Option<Picked<'p, 's>> {
    // Each with its number on the page, which the problems name.
    let candidates: Vec<(usize, &Table<'s>)> = (page.tables.iter().enumerate())
        .filter(|(_, t)| matches(&spec.heading, &t.heading) && matches(&spec.caption, &t.caption))
        .collect();
    // Stage 2 refuses `index` beside it, and the table is then picked by `index` alone, so
    // that no problem of joining comes on top.
    if spec.joins_tables() && spec.index.is_none() {
        let with_columns: Vec<&Table<'s>> = (candidates.iter().map(|&(_, table)| table))
            .filter(|table| columns::has_all(spec, table))
            .collect();
        // Of one table or none, as without `all-tables`: the one, or the problems that say
        // why none.
        if with_columns.len() > 1 {
            return same_columns(place, &with_columns, problems)
                .then_some(Picked::All(with_columns));
        }
    }
    one(place, spec, page, candidates, problems).map(Picked::One)
}

/// The rows of `tables` as one table, in their order, under the first's header (the tables
/// have the same columns: stage 3 checks it). It has no heading or caption of its own: the
/// enum's title is the page's.
pub fn joined<'s>(tables: &[&Table<'s>]) -> Table<'s> {
    let (first, last) = (tables[0], tables[tables.len() - 1]);
    Table {
        span: first.span.start..last.span.end,
        events: first.events.start..last.events.end,
        heading: None,
        caption: None,
        header: first.header.clone(),
        rows: tables.iter().flat_map(|table| table.rows.iter().cloned()).collect(),
        html: tables.iter().all(|table| table.html),
    }
}

/// Whether every one of `tables` has the first's columns, headers compared as a reader
/// compares them, in order: a row of the enum has a cell of each. Where one has not, its
/// problem is pushed.
fn same_columns(place: &Place<'_>, tables: &[&Table<'_>], problems: &mut Vec<Diagnostic>) -> bool {
    let first = tables[0];
    let wanted = headers(first);
    let start = problems.len();
    for table in &tables[1..] {
        let found = headers(table);
        if found == wanted {
            continue;
        }
        // The first header that differs, or the whole header where it only has fewer or more.
        let span = match found.iter().zip(&wanted).position(|(found, wanted)| found != wanted) {
            Some(at) => table.header[at].span.clone(),
            None => columns::header_span(table),
        };
        let texts = |table: &Table<'_>| -> Vec<String> {
            table.header.iter().map(|cell| cell.text.to_string()).collect()
        };
        problems.push(place.joined_tables_differ(
            span,
            columns::header_span(first),
            &texts(table),
            &texts(first),
        ));
    }
    problems.len() == start
}

/// A table's headers as a reader compares them ([`normalize`]), in order.
fn headers(table: &Table<'_>) -> Vec<String> {
    table.header.iter().map(|cell| normalize(&cell.text)).collect()
}

/// Stage 3 without `all-tables` (or where it finds one table or none with the columns named):
/// the one table of the page, of `candidates` (those `heading` and `caption` pick), that
/// `spec` means.
fn one<'p, 's>(
    place: &Place<'_>,
    spec: &TableSpec,
    page: &'p Page<'s>,
    candidates: Vec<(usize, &'p Table<'s>)>,
    problems: &mut Vec<Diagnostic>,
) -> Option<&'p Table<'s>> {
    let problem = match (&spec.index, candidates.len()) {
        (Some(index), matching) => match candidates.get(*index.get_ref()) {
            Some(&(_, table)) => return Some(table),
            None => place.table_index_out_of_range(
                index.span(),
                *index.get_ref(),
                matching,
                describe_tables(page),
            ),
        },
        (None, 1) => return Some(candidates[0].1),
        (None, 0) => {
            // The one table with the columns the manifest names: where no heading holds the
            // words wanted, the heading renamed upstream (`Errors` now `Error reference`).
            let with_columns = || {
                let mut tables = page.tables.iter().filter(|table| columns::has_all(spec, table));
                tables.next().filter(|_| tables.next().is_none())
            };
            let (span, wanted, offer) = match (&spec.heading, &spec.caption) {
                (Some(h), _) => {
                    let headings =
                        page.tables.iter().filter(|t| matches(&spec.caption, &t.caption));
                    let offer = match holding(h.get_ref(), headings.map(|t| &t.heading)) {
                        Some(text) => Some(Offer::WrittenOtherwise("heading", text)),
                        None => with_columns()
                            .filter(|table| matches(&spec.caption, &table.caption))
                            .and_then(|table| table.heading.as_ref())
                            .map(|heading| Offer::WithColumns("heading", &heading.text)),
                    };
                    (h.span(), format!("under the heading `{}`", h.get_ref()), offer)
                }
                (None, Some(c)) => {
                    let captions = page.tables.iter().map(|t| &t.caption);
                    let offer = match holding(c.get_ref(), captions) {
                        Some(text) => Some(Offer::WrittenOtherwise("caption", text)),
                        None => with_columns()
                            .and_then(|table| table.caption.as_ref())
                            .map(|caption| Offer::WithColumns("caption", &caption.text)),
                    };
                    (c.span(), format!("under the caption `{}`", c.get_ref()), offer)
                }
                (None, None) => (spec.page.span(), "at all".to_owned(), None),
            };
            place.no_table(span, &wanted, describe_tables(page), offer, &columns::named(spec))
        }
        (None, count) => {
            // Of several tables, the one with the columns the manifest names is meant: a page
            // of a table of codes and one of, say, the spec's status needs no `heading` for
            // it. (A second such table later is this error again, not a silent pick.)
            // Each one's number on the page, and the `index` that picks it.
            let with_columns: Vec<(usize, usize, &Table<'s>)> = (candidates.iter().enumerate())
                .filter(|(_, (_, table))| columns::has_all(spec, table))
                .map(|(index, &(on_page, table))| (on_page, index, table))
                .collect();
            if let [(_, _, only)] = with_columns[..] {
                return Some(only);
            }
            let numbered_with_columns: Vec<(usize, usize)> =
                with_columns.iter().map(|&(on_page, index, _)| (on_page, index)).collect();
            // The line that picks each table meant: those with the columns where several have
            // them, else every candidate.
            let meant = match with_columns.is_empty() {
                true => (candidates.iter().enumerate())
                    .map(|(index, &(on_page, table))| (on_page, index, table))
                    .collect(),
                false => with_columns,
            };
            // Tables of the same columns may be meant together, as a page that gives one list
            // of codes a section each writes them.
            let joinable = spec.all_tables.is_none()
                && numbered_with_columns.len() > 1
                && (meant.windows(2)).all(|pair| headers(pair[0].2) == headers(pair[1].2));
            let lines = picking_lines(&meant);
            let columns = columns::named(spec);
            let tables = describe_tables(page);
            let several = (count, &numbered_with_columns[..], joinable);
            place.several_tables(spec.page.span(), tables, &columns, several, &lines)
        }
    };
    problems.push(problem);
    None
}

/// Whether a table's heading or caption is the one wanted (any, where none is): its text, or
/// its text before an attribute block that ends it (`## Errors {#errors}`, kramdown's anchor,
/// which GitHub shows as text and the published page does not: [`before_attribute_block`]).
fn matches(wanted: &Option<Spanned<String>>, found: &Option<Heading>) -> bool {
    wanted.as_ref().is_none_or(|wanted| {
        found.as_ref().is_some_and(|found| {
            same_text(&found.text, wanted.get_ref())
                || before_attribute_block(&found.text)
                    .is_some_and(|text| same_text(text, wanted.get_ref()))
        })
    })
}

/// For each of `tables` (its number on the page, the `index` that picks it, the table), the
/// manifest line that picks it alone, for a help to offer: its heading where none of the
/// others has it (two tables under one heading, as a README section's second table, are not
/// told apart by it), else its caption the same, else its `index`, which always can.
fn picking_lines(tables: &[(usize, usize, &Table<'_>)]) -> Vec<(usize, String)> {
    let counts = |texts: &mut dyn Iterator<Item = &Heading>| {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for heading in texts {
            *counts.entry(normalize(&heading.text)).or_default() += 1;
        }
        counts
    };
    let headings = counts(&mut tables.iter().filter_map(|(_, _, table)| table.heading.as_ref()));
    let captions = counts(&mut tables.iter().filter_map(|(_, _, table)| table.caption.as_ref()));
    let own = |key: &str, found: Option<&Heading>, counts: &BTreeMap<String, usize>| {
        let found = found.filter(|found| counts[&normalize(&found.text)] == 1)?;
        Some(format!("{key} = {}", toml_string(&found.text)))
    };
    let line = |index: usize, table: &Table<'_>| {
        own("heading", table.heading.as_ref(), &headings)
            .or_else(|| own("caption", table.caption.as_ref(), &captions))
            .unwrap_or_else(|| format!("index = {index}"))
    };
    tables.iter().map(|&(on_page, index, table)| (on_page, line(index, table))).collect()
}

/// The one heading (or caption) text among `found` that holds `wanted`'s text where none is
/// it, as a heading with an emoji before its words does (`🔢 Error Codes`, as READMEs write
/// them) or with words after them: the text a help offers to write instead.
fn holding<'p>(wanted: &str, found: impl Iterator<Item = &'p Option<Heading>>) -> Option<&'p str> {
    let wanted = normalize(wanted);
    let mut holding = found
        .flatten()
        .map(|heading| heading.text.as_str())
        .filter(|text| normalize(text).contains(&wanted));
    let first = holding.next()?;
    holding.all(|other| other == first).then_some(first)
}

/// "the page's tables: table 0 on line 3 under the heading `Heading`, ..." for a note; and
/// where lines look like a table that GitHub shows as text, which.
pub fn describe_tables(page: &Page<'_>) -> String {
    let tables = describe_tables_read(page)
        + &describe_unequal_headers(page)
        + &describe_unread_html(page)
        + &describe_tables_in_code(page)
        + &describe_tables_in_html(page);
    match page.delimiter_rows_read_as_text.as_slice() {
        [] => tables,
        [first, rest @ ..] => {
            let (line, _) = line_column(page.source, *first);
            let row = page.source[*first..].lines().next().unwrap_or_default().trim();
            let more = and_more(rest.len());
            format!(
                "{tables}; `{row}` on line {line}{more} is no delimiter row on GitHub, so the \
                 lines there are text, not a table (a delimiter row's cells are each dashes, \
                 with a colon at either end or none and only spaces around them; a row that \
                 opens with `- ` is a list item)"
            )
        }
    }
}

/// For [`describe_tables`], where lines look like a table but for a header and a delimiter
/// row of unequal cells, which: GitHub shows them as text.
fn describe_unequal_headers(page: &Page<'_>) -> String {
    let found = markdown::unequal_headers(page);
    let Some(first) = found.first() else { return String::new() };
    let (line, _) = line_column(page.source, first.delimiter_row);
    let more = and_more(found.len() - 1);
    format!(
        "; the delimiter row on line {line}{more} has {} cells under a header of {}, so GitHub \
         shows the lines there as text, not a table (a table's header and delimiter rows have \
         as many cells)",
        first.delimiter_cells, first.header_cells
    )
}

/// For [`describe_tables`], where the page has a table written in HTML that is not read (never
/// closed, or of no cell), which shows as a table on the page: where it is, rather than leave
/// the reader looking at a table said not to be there.
fn describe_unread_html(page: &Page<'_>) -> String {
    let read = |range: &Range<usize>| {
        page.tables.iter().any(|table| table.span.start < range.end && range.start < table.span.end)
    };
    let unread = page.events.iter().find(|(event, range)| match event {
        Event::Html(html) | Event::InlineHtml(html) => {
            markdown::holds_table_tag(html) && !read(range)
        }
        _ => false,
    });
    let Some((_, range)) = unread else { return String::new() };
    let (line, _) = line_column(page.source, range.start);
    format!("; the HTML table on line {line} is not read, as it has no `</table>` or no cell")
}

/// For [`describe_tables`], where a code block holds what outside it would be a table (indented
/// four spaces, as a table under a list item slips out of the item, or pasted into a fence):
/// GitHub shows those lines as code, so the reader who sees a table in the page's source learns
/// why none is read.
fn describe_tables_in_code(page: &Page<'_>) -> String {
    let is_start = |event: &Event<'_>| matches!(event, Event::Start(Tag::CodeBlock(_)));
    let is_end = |event: &Event<'_>| matches!(event, Event::End(TagEnd::CodeBlock));
    let found = blocks_holding_a_table(page, is_start, is_end, |block| texts(block).collect());
    let Some((line, more)) = first_and_more(page, &found) else { return String::new() };
    format!(
        "; the code block on line {line}{more} holds the lines of a table, which GitHub shows \
         as code, not as a table (indented four spaces past the text it is under, or inside a \
         fence)"
    )
}

/// For [`describe_tables`], where a block of HTML holds the lines of a table among its tags
/// (`<details>`, `<summary>Client errors</summary>`, then the table with no blank line between,
/// as READMEs fold a table): the block runs to the next blank line, so GitHub shows those lines
/// as its text, not as a table.
fn describe_tables_in_html(page: &Page<'_>) -> String {
    let is_start = |event: &Event<'_>| matches!(event, Event::Start(Tag::HtmlBlock));
    let is_end = |event: &Event<'_>| matches!(event, Event::End(TagEnd::HtmlBlock));
    // The block's lines as a page outside it: its lines of tags blank, as the lines between a
    // table and the HTML around it would be. A block of comments shows nothing.
    let outside = |block: &[(Event<'_>, Range<usize>)]| match markdown::is_comment_block(block) {
        true => String::new(),
        false => texts(block)
            .map(|line| if line.trim_start().starts_with('<') { "\n" } else { line })
            .collect(),
    };
    let found = blocks_holding_a_table(page, is_start, is_end, outside);
    let Some((line, more)) = first_and_more(page, &found) else { return String::new() };
    format!(
        "; the HTML block on line {line}{more} holds the lines of a table, which GitHub shows as \
         its text, not as a table (a table needs a blank line between it and the HTML above it)"
    )
}

/// The text of a block's events: a code block's lines, a block of HTML's (each event a line).
fn texts<'e>(block: &'e [(Event<'_>, Range<usize>)]) -> impl Iterator<Item = &'e str> {
    block.iter().filter_map(|(event, _)| match event {
        Event::Text(text) | Event::Html(text) => Some(&**text),
        _ => None,
    })
}

/// Where each block of `page` that `is_start` opens and `is_end` closes starts, where its
/// events (start and end tags too) as `outside` reads them outside the block hold a pipe table:
/// an HTML table in such a block is shown as written on purpose (an example of HTML in a code
/// block) or read already.
fn blocks_holding_a_table(
    page: &Page<'_>,
    is_start: impl Fn(&Event<'_>) -> bool,
    is_end: impl Fn(&Event<'_>) -> bool,
    outside: impl Fn(&[(Event<'_>, Range<usize>)]) -> String,
) -> Vec<usize> {
    let holds_table = |text: &str| markdown::parse(text).tables.iter().any(|table| !table.html);
    let mut found = Vec::new();
    let mut open = None;
    for (index, (event, range)) in page.events.iter().enumerate() {
        if is_start(event) {
            open = Some((index, range.start));
        } else if is_end(event)
            && let Some((start, at)) = open.take()
            && holds_table(&outside(&page.events[start..=index]))
        {
            found.push(at);
        }
    }
    found
}

/// The line of the first of `found` (byte offsets on `page`), and " (and 2 more)" of the rest.
fn first_and_more(page: &Page<'_>, found: &[usize]) -> Option<(usize, String)> {
    let (line, _) = line_column(page.source, *found.first()?);
    Some((line, and_more(found.len() - 1)))
}

/// " (and 2 more)" after the first of lines the note names, where there are `more`.
fn and_more(more: usize) -> String {
    match more {
        0 => String::new(),
        1 => " (and 1 more)".to_owned(),
        more => format!(" (and {more} more)"),
    }
}

/// [`describe_tables`] of the tables read.
fn describe_tables_read(page: &Page<'_>) -> String {
    if page.tables.is_empty() {
        return "the page has no tables".to_owned();
    }
    // At most a screenful: a page of thousands of tables had each one's line counted from the
    // page's start, and listed.
    let listed = || page.tables.iter().take(TABLES_DESCRIBED);
    // Tables under one heading (or none) are told apart by the paragraph above each where
    // they have no caption, as AWS's pages introduce each table of a section (`Data
    // exceptions:`).
    let mut under: BTreeMap<Option<&str>, usize> = BTreeMap::new();
    for table in listed() {
        *under.entry(table.heading.as_ref().map(|h| h.text.as_str())).or_default() += 1;
    }
    let described: Vec<String> = listed()
        .enumerate()
        .map(|(index, table)| {
            let (line, _) = line_column(page.source, table.span.start);
            let mut text = format!("table {index} on line {line}");
            let heading = table.heading.as_ref().map(|heading| heading.text.as_str());
            if let Some(heading) = heading {
                text.push_str(&format!(" under the heading `{heading}`"));
            }
            match &table.caption {
                Some(caption) => text.push_str(&format!(" with the caption `{}`", caption.text)),
                None if under[&heading] > 1 => {
                    if let Some(paragraph) = paragraph_above(page, table) {
                        text.push_str(&format!(" after `{paragraph}`"));
                    }
                }
                None => {}
            }
            text
        })
        .collect();
    let more = match page.tables.len().saturating_sub(TABLES_DESCRIBED) {
        0 => String::new(),
        more => format!("; and {more} more"),
    };
    format!("the page's tables: {}{more}", described.join("; "))
}

/// The paragraph right above `table` on `page`, as plain text, its first line and no more than
/// [`PARAGRAPH_SHOWN`] characters of it.
fn paragraph_above(page: &Page<'_>, table: &Table<'_>) -> Option<String> {
    let end = table.events.start.checked_sub(1)?;
    if !matches!(page.events[end].0, Event::End(TagEnd::Paragraph)) {
        return None;
    }
    let is_start = |(event, _): &(Event<'_>, _)| matches!(event, Event::Start(Tag::Paragraph));
    let start = page.events[..end].iter().rposition(is_start)?;
    let text = plain_text(&page.events[start + 1..end]);
    let line = text.lines().next()?;
    Some(match line.char_indices().nth(PARAGRAPH_SHOWN) {
        Some((cut, _)) => format!("{}…", line[..cut].trim_end()),
        None => line.to_owned(),
    })
}

/// How many characters of a paragraph above a table a note shows.
const PARAGRAPH_SHOWN: usize = 60;

/// How many of a page's tables a note lists.
const TABLES_DESCRIBED: usize = 20;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown;
    use crate::model::testing::{PLACE, spec};

    const PAGE: &str = "# Title\n\n## Client\n\n| a | b |\n| - | - |\n| 1 | x |\n\n\
                        ## Server\n\n**Retryable**\n\n| a | b |\n| - | - |\n| 2 | y |\n\n\
                        | a | b |\n| - | - |\n| 3 | z |\n";

    /// The one table picked, where stage 3 picks one.
    fn the_one<'p, 's>(picked: Option<Picked<'p, 's>>) -> Option<&'p Table<'s>> {
        match picked? {
            Picked::One(table) => Some(table),
            Picked::All(tables) => panic!("{} tables picked", tables.len()),
        }
    }

    fn pick(options: &str) -> Result<String, String> {
        let page = markdown::parse(PAGE);
        let mut problems = Vec::new();
        let spec = spec(&format!("key-column = \"a\"\nkey-type = \"u8\"\n{options}"));
        match the_one(table(&PLACE, &spec, &page, &mut problems)) {
            Some(table) => Ok(table.rows[0].cells()[0].text.to_string()),
            None => Err(problems[0].message.clone()),
        }
    }

    /// A table written in HTML is read; one that is not (never closed, or of no cell) is said
    /// to be there.
    #[test]
    fn a_page_without_tables_read_says_where_an_html_table_is() {
        let described = |page: &str| describe_tables(&markdown::parse(page));
        assert_eq!(described("# T\n\nProse.\n"), "the page has no tables");
        let not_read = "the page has no tables; the HTML table on line 3 is not read, as it has \
                        no `</table>` or no cell";
        assert_eq!(described("# T\n\n<TABLE>\n<tr><td>1</td></tr>\n"), not_read);
        assert_eq!(described("# T\n\n<table>\n<caption>None</caption>\n</table>\n"), not_read);
        let read = described("# T\n\n<TABLE>\n<tr><td>1</td></tr>\n</TABLE>\n");
        assert_eq!(read, "the page's tables: table 0 on line 3 under the heading `T`");
        let both =
            described("<table><tr><td>1</td></tr></table>\n\n<table>\n<tr><td>2</td></tr>\n");
        assert_eq!(
            both,
            "the page's tables: table 0 on line 1; the HTML table on line 3 is not read, as it \
             has no `</table>` or no cell"
        );
    }

    /// A table indented four spaces, or in a fence, is code on GitHub: the note says where,
    /// as the page's source shows a table there; an HTML table in code, or code of no table,
    /// is not named.
    #[test]
    fn a_page_without_tables_read_says_where_a_code_block_holds_one() {
        let described = |page: &str| describe_tables(&markdown::parse(page));
        let table = "| Code | Message |\n|---|---|\n| 400 | Bad request |\n";
        let indented = table.lines().map(|line| format!("    {line}\n")).collect::<String>();
        assert_eq!(
            described(&format!("# T\n\nThe codes:\n\n{indented}")),
            "the page has no tables; the code block on line 5 holds the lines of a table, which \
             GitHub shows as code, not as a table (indented four spaces past the text it is \
             under, or inside a fence)"
        );
        let fenced = format!("```\n{table}```\n\n~~~md\n{table}~~~\n");
        let two = described(&fenced);
        assert!(two.contains("; the code block on line 1 (and 1 more) holds the lines"), "{two}");
        let no_table = "```html\n<table><tr><td>1</td></tr></table>\n```\n\n    | a |\n";
        assert_eq!(described(no_table), "the page has no tables");
    }

    /// A table right under a block of HTML, with no blank line between, is the block's text
    /// on GitHub: the note says where; a commented-out table, or a table apart from the HTML,
    /// is not named.
    #[test]
    fn a_page_without_tables_read_says_where_a_block_of_html_holds_one() {
        let described = |page: &str| describe_tables(&markdown::parse(page));
        let table = "| Code | Message |\n|---|---|\n| 400 | Bad request |\n";
        let folded =
            format!("# T\n\n<details>\n<summary>Client errors</summary>\n{table}</details>\n");
        assert_eq!(
            described(&folded),
            "the page has no tables; the HTML block on line 3 holds the lines of a table, which \
             GitHub shows as its text, not as a table (a table needs a blank line between it \
             and the HTML above it)"
        );
        assert_eq!(described(&format!("<!--\n{table}-->\n")), "the page has no tables");
        let apart = described(&format!("<details>\n\n{table}\n</details>\n"));
        assert_eq!(apart, "the page's tables: table 0 on line 3");
    }

    #[test]
    fn a_page_of_many_tables_lists_the_first_few() {
        let page = "| a |\n|---|\n| 1 |\n\n".repeat(TABLES_DESCRIBED + 3);
        let described = describe_tables(&markdown::parse(&page));
        assert!(described.ends_with("table 19 on line 77; and 3 more"), "{described}");
    }

    /// Tables under one heading are listed with the paragraph above each, as Amazon Redshift's
    /// page of RSQL error codes introduces its three; a table whose heading is its own, or
    /// with a caption, is not.
    #[test]
    fn tables_under_one_heading_are_listed_with_the_paragraph_above_each() {
        let long = "Success messages, warnings, and exceptions, which the tool returns with \
                    the codes below";
        let page = format!(
            "# RSQL error codes\n\n{long}:\n\n| a |\n|---|\n| 1 |\n\n\
             Data exceptions:\n\n| a |\n|---|\n| 2 |\n\n**Listed**\n\n| a |\n|---|\n| 3 |\n\n\
             ## Other\n\nAlone:\n\n| a |\n|---|\n| 4 |\n"
        );
        let described = describe_tables(&markdown::parse(&page));
        assert_eq!(
            described,
            "the page's tables: table 0 on line 5 under the heading `RSQL error codes` after \
             `Success messages, warnings, and exceptions, which the tool r…`; table 1 on line \
             11 under the heading `RSQL error codes` after `Data exceptions:`; table 2 on line \
             17 under the heading `RSQL error codes` with the caption `Listed`; table 3 on line \
             25 under the heading `Other`"
        );
    }

    #[test]
    fn a_page_whose_table_github_shows_as_text_says_why() {
        let described = describe_tables(&markdown::parse("| a | b |\n|: --: |--|\n| 1 | x |\n"));
        let expected = "the page has no tables; `|: --: |--|` on line 2 is no delimiter row on \
                        GitHub, so the lines there are text, not a table";
        assert!(described.starts_with(expected), "{described}");
    }

    #[test]
    fn heading_caption_and_index_pick_one_table() {
        assert_eq!(pick("heading = \"client\"").unwrap(), "1");
        assert_eq!(pick("caption = \"Retryable\"").unwrap(), "2");
        assert_eq!(pick("heading = \"Server\"\nindex = 1").unwrap(), "3");
    }

    /// A table written in HTML is picked by its `<caption>`, as a pipe table is by the bold
    /// line above it.
    #[test]
    fn an_html_tables_caption_picks_it() {
        let page = markdown::parse(
            "| a |\n|---|\n| 1 |\n\n<table><caption>Retryable</caption><tr><th>a</th></tr>\
             <tr><td>2</td></tr></table>\n",
        );
        let spec = spec("key-column = \"a\"\nkey-type = \"u8\"\ncaption = \"Retryable\"");
        let picked = the_one(table(&PLACE, &spec, &page, &mut Vec::new())).unwrap();
        assert_eq!(&*picked.rows[0].cells()[0].text, "2");
    }

    #[test]
    fn of_several_tables_the_one_with_the_manifests_columns_is_meant() {
        let page = markdown::parse(
            "| Stage | Status |\n|-|-|\n| 1A | Draft |\n\n| Code | Message |\n|-|-|\n| 1 | ok |\n\n\
             | code | Meaning | Fix |\n|-|-|-|\n| 2 | bad | retry |\n",
        );
        let picked = |options: &str| {
            let spec = spec(&format!("key-type = \"u8\"\n{options}"));
            let mut problems = Vec::new();
            let table = the_one(table(&PLACE, &spec, &page, &mut problems));
            table.map(|table| table.rows[0].cells()[0].text.to_string()).ok_or(problems)
        };
        // Two tables have a `Code` column (headers match as a reader compares them): which one
        // is meant is the manifest's to say.
        let several = picked("key-column = \"Code\"").unwrap_err();
        assert_eq!(several[0].message, "`p.md` has 3 tables that match; which one is meant?");
        let by_columns = "table 1 (`index = 1`), table 2 (`index = 2`) have every column the \
                          [[table]] names (`Code`)";
        assert_eq!(several[0].notes[1], by_columns);
        // The name and help columns narrow it to one.
        assert_eq!(picked("key-column = \"Code\"\nname-column = \"Message\"").unwrap(), "1");
        assert_eq!(picked("key-column = \"Code\"\nhelp-column = \"fix\"").unwrap(), "2");
        assert_eq!(picked("key-column = \"Stage\"").unwrap(), "1A");
        // No table has them all: the tables are listed, and the note says so.
        let none = picked("key-column = \"Code\"\nname-column = \"Status\"").unwrap_err();
        let by_columns = "none of them has every column the [[table]] names (`Code`, `Status`)";
        assert_eq!(none[0].notes[1], by_columns);
        // `index` counts the tables `heading` and `caption` leave, whatever their columns.
        assert_eq!(picked("key-column = \"Code\"\nindex = 2").unwrap(), "2");
    }

    #[test]
    fn no_match_several_matches_and_a_bad_index_are_problems() {
        assert_eq!(
            pick("heading = \"Nope\"").unwrap_err(),
            "`p.md` has no table under the heading `Nope`"
        );
        assert_eq!(pick("").unwrap_err(), "`p.md` has 3 tables that match; which one is meant?");
        assert!(pick("index = 3").unwrap_err().starts_with("there is no table 3 among the 3"));
    }

    /// The help offers, for each table meant, the line that picks it: its heading where no
    /// other has it (not where they share theirs, as a README's section of two tables, Nylas's
    /// "Handling Errors"), else its caption the same, else its `index`; and each line, added,
    /// picks its table.
    #[test]
    fn several_tables_are_told_apart_by_the_line_that_picks_each() {
        let spec_with =
            |options: &str| spec(&format!("key-column = \"a\"\nkey-type = \"u8\"\n{options}"));
        let help = |page: &str, options: &str| {
            let mut problems = Vec::new();
            let page = markdown::parse(page);
            assert!(the_one(table(&PLACE, &spec_with(options), &page, &mut problems)).is_none());
            problems[0].help.clone().unwrap()
        };
        let add = |lines: &str| {
            format!("add to the [[table]] entry the line that picks the table meant: {lines}")
        };
        // Tables of the same columns may be meant together.
        let or_all = |lines: &str, tables: &str| {
            format!(
                "{}; or, for one enum of the rows of {tables} in the page's order (they have \
                 the same columns), `all-tables = true`",
                add(lines)
            )
        };
        let picked = |page: &str, options: &str| {
            let page = markdown::parse(page);
            let table = the_one(table(&PLACE, &spec_with(options), &page, &mut Vec::new()));
            table.map(|table| table.rows[0].cells()[0].text.to_string())
        };
        assert_eq!(
            help(PAGE, ""),
            or_all(
                "`heading = \"Client\"` (table 0), `caption = \"Retryable\"` (table 1) or \
                 `index = 2` (table 2)",
                "all 3"
            )
        );
        for (line, first_code) in [("heading = \"Client\"", "1"), ("caption = \"Retryable\"", "2")]
        {
            assert_eq!(picked(PAGE, line).as_deref(), Some(first_code), "{line}");
        }
        assert_eq!(picked(PAGE, "index = 2").as_deref(), Some("3"));
        // Under the heading the manifest names, the index counts the tables under it.
        let under_server = "heading = \"Server\"";
        assert_eq!(
            help(PAGE, under_server),
            or_all("`caption = \"Retryable\"` (table 1) or `index = 1` (table 2)", "both")
        );
        assert_eq!(picked(PAGE, &format!("{under_server}\nindex = 1")).as_deref(), Some("3"));
        let one_section = "### Handling Errors\n\na | b\n--- | ---\n1 | x\n\nMore, when sending.\n\n\
                           a | b\n--- | ---\n2 | y\n\n## Later\n\n| a |\n|-|\n| 3 |\n";
        assert_eq!(
            help(one_section, "heading = \"Handling Errors\""),
            or_all("`index = 0` (table 0) or `index = 1` (table 1)", "both")
        );
        assert_eq!(
            help(one_section, ""),
            add("`index = 0` (table 0), `index = 1` (table 1) or `heading = \"Later\"` (table 2)")
        );
        assert_eq!(picked(one_section, "heading = \"Later\"").as_deref(), Some("3"));
    }

    /// With `all-tables = true`, every table that `heading` and `caption` pick and that has
    /// the columns named is picked, in the page's order, and joined into one of their rows;
    /// one such table alone is picked as without it, and so is the one `index` picks (stage 2
    /// refuses `index` beside it). Tables of other columns are refused at the first header
    /// that differs.
    #[test]
    fn all_tables_joins_every_table_with_the_columns() {
        let sections = "# Codes\n\n## Success\n\n| Code | Name |\n|:--:|--|\n| 0 | NONE |\n\n\
                        NONE has no message.\n\n## Generic\n\n| code | NAME |\n|--|--|\n\
                        | -1 | UNKNOWN |\n| 1 | OFFSET |\n\n## Categories\n\n| Kind | Action |\n\
                        |--|--|\n| Retriable | Retry |\n";
        let picked = |page: &str, options: &str| {
            let spec = spec(&format!(
                "key-column = \"Code\"\nkey-type = \"i16\"\nall-tables = true\n{options}"
            ));
            let page = markdown::parse(page);
            let mut problems = Vec::new();
            match table(&PLACE, &spec, &page, &mut problems) {
                Some(Picked::All(tables)) => {
                    let joined = joined(&tables);
                    assert_eq!(joined.header.len(), 2);
                    assert!(joined.heading.is_none() && joined.caption.is_none());
                    let codes = joined.rows.iter().map(|row| row.cells()[0].text.to_string());
                    Ok(codes.collect::<Vec<_>>().join(" "))
                }
                Some(Picked::One(table)) => Ok(format!("one: {}", table.rows[0].cells()[0].text)),
                None => Err(problems.iter().map(|p| p.message.clone()).collect::<Vec<_>>()),
            }
        };
        assert_eq!(picked(sections, "").unwrap(), "0 -1 1");
        assert_eq!(picked(sections, "heading = \"Generic\"").unwrap(), "one: -1");
        // Beside `index`, which stage 2 refuses, the table is picked by `index` alone.
        assert_eq!(picked(sections, "index = 1").unwrap(), "one: -1");
        let other_columns = sections.replace("| code | NAME |", "| Code | Label |");
        let refused = picked(&other_columns, "").unwrap_err();
        assert_eq!(
            refused,
            ["a table that `all-tables = true` joins has other columns than the first"]
        );
        let fewer = sections.replace("| code | NAME |\n|--|--|", "| Code |\n|--|");
        assert_eq!(picked(&fewer, "").unwrap_err(), refused);
        // `all-tables = false` is the default: several tables to choose among.
        let spec = spec("key-column = \"Code\"\nkey-type = \"i16\"\nall-tables = false");
        let mut problems = Vec::new();
        assert!(table(&PLACE, &spec, &markdown::parse(sections), &mut problems).is_none());
        assert!(problems[0].message.ends_with("which one is meant?"), "{:?}", problems[0]);
    }

    /// A heading that holds the words wanted, with an emoji before them as READMEs write
    /// them (`## 🔢 Error Codes`) or words after them, is offered as the `heading` to write,
    /// which then picks its table; where several hold them, none is.
    #[test]
    fn a_heading_written_otherwise_is_offered() {
        let page = markdown::parse(
            "## 🔢 Error Codes\n\n| a |\n|---|\n| 1 |\n\n## Server Errors (v2)\n\n\
             | a |\n|---|\n| 2 |\n\n**Retryable codes**\n\n| a |\n|---|\n| 3 |\n",
        );
        let pick = |options: &str| {
            let spec = spec(&format!("key-column = \"a\"\nkey-type = \"u8\"\n{options}"));
            let mut problems = Vec::new();
            let found = the_one(table(&PLACE, &spec, &page, &mut problems));
            found.map(|table| table.rows[0].cells()[0].text.to_string()).ok_or(problems)
        };
        let offered = |options: &str| pick(options).unwrap_err()[0].help.clone();
        let help = |key: &str, text: &str| {
            Some(format!("the {key} is written otherwise on the page: `{key} = \"{text}\"`"))
        };
        assert_eq!(offered("heading = \"error codes\""), help("heading", "🔢 Error Codes"));
        assert_eq!(offered("heading = \"Server Errors\""), help("heading", "Server Errors (v2)"));
        assert_eq!(offered("caption = \"Retryable\""), help("caption", "Retryable codes"));
        assert_eq!(offered("heading = \"Error\""), None);
        assert_eq!(pick("heading = \"🔢 Error Codes\"").unwrap(), "1");
    }

    /// A heading renamed upstream (`Errors` now `Error reference`), which holds no word of the
    /// one wanted: the one table with the manifest's columns is offered by its heading (or
    /// caption); where several tables have them, none is.
    #[test]
    fn the_heading_of_the_one_table_with_the_columns_is_offered() {
        let help = |source: &str, options: &str| {
            let spec = spec(&format!(
                "key-column = \"Code\"\nkey-type = \"u8\"\nname-column = \"Name\"\n{options}"
            ));
            let mut problems = Vec::new();
            assert!(
                the_one(table(&PLACE, &spec, &markdown::parse(source), &mut problems)).is_none()
            );
            problems[0].help.clone()
        };
        let offered = |key: &str, text: &str| {
            Some(format!(
                "the one table with the columns the [[table]] names (`Code`, `Name`) is under the \
                 {key} `{text}`: `{key} = \"{text}\"`"
            ))
        };
        let renamed = "## Overview\n\n| Setting | Value |\n|---|---|\n| a | b |\n\n\
                       ## Error reference\n\n| Code | Name |\n|---|---|\n| 1 | Bad |\n\n\
                       **Retryable codes**\n\n| Code |\n|---|\n| 2 |\n";
        assert_eq!(help(renamed, "heading = \"Errors\""), offered("heading", "Error reference"));
        let captioned = "**Retryable codes**\n\n| Code | Name |\n|---|---|\n| 2 | Busy |\n\n\
                         | Code |\n|---|\n| 1 |\n";
        assert_eq!(
            help(captioned, "caption = \"Transient\""),
            offered("caption", "Retryable codes")
        );
        // A caption that holds the words is written otherwise, as before.
        let written =
            "the caption is written otherwise on the page: `caption = \"Retryable codes\"`";
        assert_eq!(help(captioned, "caption = \"Retry\"").as_deref(), Some(written));
        // Two tables with the columns: neither is offered.
        let two =
            renamed.replace("| Code |\n|---|\n| 2 |", "| Code | Name |\n|---|---|\n| 2 | Busy |");
        assert_eq!(help(&two, "heading = \"Errors\""), None);
    }

    /// kramdown's heading ids (`## Errors {#errors}`) are text on GitHub, and not on the
    /// published page: the heading is found by either.
    #[test]
    fn a_heading_is_found_without_the_attribute_block_that_ends_it() {
        let page = markdown::parse(
            "## Session Errors {#iana-session}\n\n| a |\n|---|\n| 1 |\n\n\
             ## Stream Errors {: .reset}\n\n| a |\n|---|\n| 2 |\n\n\
             ## Set {1, 2}\n\n| a |\n|---|\n| 3 |\n",
        );
        let pick = |heading: &str| {
            let spec =
                spec(&format!("key-column = \"a\"\nkey-type = \"u8\"\nheading = {heading:?}"));
            let found = the_one(table(&PLACE, &spec, &page, &mut Vec::new()));
            found.map(|table| table.rows[0].cells()[0].text.to_string())
        };
        assert_eq!(pick("Session Errors").as_deref(), Some("1"));
        assert_eq!(pick("session errors {#iana-session}").as_deref(), Some("1"));
        assert_eq!(pick("Stream Errors").as_deref(), Some("2"));
        // Braces that are no attributes are text.
        assert_eq!(pick("Set").as_deref(), None);
        assert_eq!(pick("Set {1, 2}").as_deref(), Some("3"));
    }
}
