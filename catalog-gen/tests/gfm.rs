//! Tables read as GitHub renders them: on pages of well-formed tables of every shape of row
//! (short, long, escaped pipes, code spans, links, anchors, line breaks, footnote marks), with
//! spaces or tabs around the delimiter row's cells (and now and then a delimiter cell that GFM
//! does not take, `: --`, which makes the table a paragraph there, or a delimiter row that
//! opens a list item there, `- | --- |`), at
//! the top level or in block quotes and list items, among prose, with or without a byte order
//! mark and YAML front matter (which is not Markdown), every cell as `catalog_gen::markdown` reads it is the cell that comrak, a port of
//! GitHub's cmark-gfm, renders, as the same plain text. (How large pages are read in pieces is
//! held to reading them whole by its own property, in `markdown/pieces.rs`.)
//!
//! Lines right under a top-level table that are indented as code, or of one HTML tag alone,
//! end it, as on GitHub (where pulldown-cmark reads them as rows), and the lines after them, a table of their own included,
//! are read as GitHub reads them. Not generated: other malformed tables, where
//! pulldown-cmark and comrak part (pipe lines that a delimiter row turns into a table under a
//! paragraph, a line indented as code under a table in a block quote or list item), and `\\|`,
//! where comrak parts from cmark-gfm (whose `unescape_pipes` makes it `\|`, an escaped pipe,
//! as pulldown-cmark reads it).

use catalog_gen::markdown::{
    self, is_anchor, is_anchor_close, is_block_tag, is_comment, is_formatting_tag, is_line_break,
};
use comrak::nodes::{AstNode, NodeValue};
use proptest::prelude::*;

/// Each table's rows (its header first), each row's cells as plain text.
type Tables = Vec<Vec<Vec<String>>>;

/// The tables of `page` as GitHub renders them.
fn rendered(page: &str) -> Tables {
    let arena = comrak::Arena::new();
    let mut options = comrak::Options::default();
    options.extension.table = true;
    options.extension.footnotes = true;
    options.extension.strikethrough = true;
    options.extension.front_matter_delimiter = Some("---".into());
    let root = comrak::parse_document(&arena, page, &options);
    let tables = root.descendants().filter(|node| {
        let value = &node.data.borrow().value;
        matches!(value, NodeValue::Table(_))
    });
    tables.map(|table| table.children().map(row_cells).collect()).collect()
}

/// A row's cells as plain text.
fn row_cells<'a>(row: &'a AstNode<'a>) -> Vec<String> {
    let cell_text = |cell: &'a AstNode<'a>| {
        let mut text = String::new();
        push_plain_text(cell, &mut text, &mut Reading::default());
        text.trim().to_owned()
    };
    row.children().map(cell_text).collect()
}

/// Where the reading of a cell is: after an anchor's start, whose end is dropped too; after a
/// block's tag or a `<br>`, where the next text starts a line.
#[derive(Default)]
struct Reading {
    after_anchor: bool,
    line_start: bool,
}

/// The plain text of `node`'s content by the reader's rules (`Cell::text`): markup dropped,
/// anchors, comments and the tags of HTML's formatting elements dropped, a block's tags the
/// end of a line, `<br>` (without the spaces around it) and hard breaks a line feed, soft
/// breaks a space, footnote marks kept as written.
fn push_plain_text<'a>(node: &'a AstNode<'a>, text: &mut String, reading: &mut Reading) {
    for child in node.children() {
        let was_after_anchor = std::mem::replace(&mut reading.after_anchor, false);
        match &child.data.borrow().value {
            NodeValue::Text(part) => push(text, part, reading),
            NodeValue::Code(code) => push(text, &code.literal, reading),
            NodeValue::HtmlInline(html) if is_anchor(html) => reading.after_anchor = true,
            NodeValue::HtmlInline(html) if was_after_anchor && is_anchor_close(html) => {}
            NodeValue::HtmlInline(html) if is_line_break(html) => {
                let kept = text.trim_end_matches([' ', '\t']).len();
                text.truncate(kept);
                text.push('\n');
                reading.line_start = true;
            }
            NodeValue::HtmlInline(html) if is_block_tag(html) => {
                let kept = text.trim_end_matches([' ', '\t']).len();
                text.truncate(kept);
                if !text.is_empty() && !text.ends_with('\n') {
                    text.push('\n');
                }
                reading.line_start = true;
            }
            NodeValue::HtmlInline(html) if is_formatting_tag(html) || is_comment(html) => {}
            NodeValue::HtmlInline(html) => push(text, html, reading),
            NodeValue::SoftBreak => push(text, " ", reading),
            NodeValue::LineBreak => text.push('\n'),
            NodeValue::FootnoteReference(note) => {
                push(text, "[^", reading);
                text.push_str(&note.name);
                text.push(']');
            }
            _ => push_plain_text(child, text, reading),
        }
    }
}

/// Appends `part`, without its leading whitespace where it starts a line after a block's tag.
fn push(text: &mut String, part: &str, reading: &mut Reading) {
    let part = if reading.line_start { part.trim_start() } else { part };
    if !part.is_empty() {
        reading.line_start = false;
        text.push_str(part);
    }
}

/// The tables of `page` as the generator reads them.
fn read(page: &str) -> Tables {
    let page = markdown::parse(page);
    let cells = |cells: &[markdown::Cell<'_>]| cells.iter().map(|c| c.text.to_string()).collect();
    let table_rows = |table: &markdown::Table<'_>| {
        let rows = table.rows.iter().map(|row| cells(row.cells()));
        std::iter::once(cells(&table.header)).chain(rows).collect()
    };
    page.tables.iter().map(table_rows).collect()
}

/// A cell's Markdown.
fn cell() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "1010",
        "0x1F",
        "Input Error",
        "",
        "[a link](other.md)",
        "[absolute](https://x.test/a)",
        "[a reference][r]",
        "![an image](i.png)",
        "`code`",
        "`c|d`",
        "a \\| b",
        "`a \\| b`",
        "*emphasis* and **strong**",
        "~~struck~~ and ~one~ and ~~~three~~~ and a~b",
        // GitHub looks past a `~` beside `*` or `_` for whitespace: these runs are text.
        "[**~ CUnknown**](c.md)",
        "**~ a** and **b ~**",
        "__~ x__ and _~ y_",
        "~ **a** ~ and *~~b~~* and **~x**",
        "\\*escaped\\* \\_ \\[",
        "<a name=\"x\"></a>anchored",
        "one<br>two<br/>three</br>four",
        "state. <br /> a note <br/><br/>\tafter",
        "<b>html</b>",
        "<code>404</code> and <sup>1</sup> and <T>",
        "404 <!-- TODO -->",
        "<dl> <dt>**E\\_FAIL**</dt> <dt>0x80004005</dt> </dl>",
        "a note[^n]",
        "&amp; &lt; &#x41;",
        "é ü ß 日本語 😀",
        "<!-- open",
        "closed -->",
        "https://x.test/bare",
    ])
}

/// A table of one to four columns and up to five rows, each row one cell short, of the
/// header's width or one cell long, in `indent` (a container's prefix for every line).
fn table() -> impl Strategy<Value = String> {
    let delimiter = prop::sample::select(vec!["---", ":--", "--:", ":-:"]);
    (1usize..=4)
        .prop_flat_map(move |columns| {
            let header = prop::collection::vec(cell(), columns);
            let delimiters = prop::collection::vec(delimiter.clone(), columns);
            let width = prop::sample::select(vec![columns.saturating_sub(1), columns, columns + 1]);
            let row = width.prop_flat_map(|width| prop::collection::vec(cell(), width));
            let rows = prop::collection::vec(row, 0..=5);
            let spaced = any::<bool>();
            // Spaces and tabs around the delimiter row's cells, which GFM takes alike (EIPs).
            let padding = prop::sample::select(vec!["", "", "\t", " \t", "\t "]);
            // Now and then one cell that pulldown-cmark reads as a delimiter row's and GitHub
            // as text, so that the table is a paragraph there (Dynamics 365's implementation
            // guide: `|: --: |--|`), or a row that GitHub reads as a list item (`- | --- |`).
            let mut loose_cells = LOOSE_DELIMITERS.to_vec();
            loose_cells.push(LIST_MARKER);
            let loose =
                prop::option::weighted(0.1, (prop::sample::select(loose_cells), 0..columns));
            (header, delimiters, rows, spaced, (padding, loose))
        })
        .prop_map(|(header, mut delimiters, rows, spaced, (padding, loose))| {
            let listed = loose.is_some_and(|(cell, _)| cell == LIST_MARKER);
            if let Some((loose, column)) = loose.filter(|_| !listed) {
                delimiters[column] = loose;
            }
            // `| a | b |` or `|a|b|`; a header cell is never empty, or the row is no header.
            let line = |cells: &[&str]| {
                let join = if spaced { " | " } else { "|" };
                let end = if spaced { " |" } else { "|" };
                let start = if spaced { "| " } else { "|" };
                format!("{start}{}{end}\n", cells.join(join))
            };
            let header: Vec<&str> =
                header.iter().map(|cell| if cell.is_empty() { "Code" } else { cell }).collect();
            let delimiter_row = match padding {
                // A list item's marker in the first cell's place.
                _ if listed => {
                    let cells: String = delimiters[1..].iter().map(|d| format!(" {d} |")).collect();
                    format!("{LIST_MARKER}|{cells}\n")
                }
                "" => line(&delimiters),
                _ => format!(
                    "|{padding}{}{padding}|{padding}\n",
                    delimiters.join(&format!("{padding}|{padding}"))
                ),
            };
            let mut table = line(&header) + &delimiter_row;
            rows.iter().for_each(|row| table.push_str(&line(row)));
            table
        })
}

/// Delimiter cells that pulldown-cmark 0.13 takes and GFM does not: a space between the colon
/// and the dashes or among the dashes, a colon among them.
const LOOSE_DELIMITERS: [&str; 6] = [": --", "-- :", "- -", ":- -:", "-:-", "::-"];

/// What opens a delimiter row that GitHub reads as a list item (`- | --- |`), where
/// pulldown-cmark reads a table.
const LIST_MARKER: &str = "- ";

/// A block of the page, without its last line end: prose, or a table at the top level or in
/// a container.
fn block() -> impl Strategy<Value = String> {
    let prose = prop::sample::select(vec![
        "Some prose.",
        "**Codes**",
        "**Codes**  ",
        "# Title",
        "## Errors <a name=\"errors\"></a>",
        "<div>\nHTML\n</div>",
        "```\n| in | code |\n|---|---|\n```",
        "- one\n- two",
        "> Quoted prose.",
        "See the note[^n].",
        "[^n]: The note.",
        "[r]: https://x.test/r",
    ]);
    // Each container's first lines, and the prefix of every line of the table in it.
    let container = prop::sample::select(vec![
        ("", ""),
        ("", "> "),
        ("", ">"),
        ("", "> > "),
        ("A paragraph right above:\n", ""),
        ("> A quoted paragraph right above:\n", "> "),
        ("- An item:\n\n", "  "),
        ("1. A step:\n\n", "   "),
        ("> - In a quoted item:\n>\n", ">   "),
    ]);
    // Lines right under a table at the top level: indented four columns or more, or of one
    // HTML tag alone, GitHub reads them as code or HTML, which ends the table; pulldown-cmark,
    // as rows.
    let under = prop::option::of(prop::sample::select(vec![
        "    | 9 | 9 |",
        "\t| 9 |",
        "  \t| 9 |",
        "    code",
        "     | 9 | 9 |\n| 8 | 8 |",
        "   | three spaces |",
        // After the code, a table of their own: pulldown-cmark had read its lines as rows.
        "    | 9 | 9 |\n| X | Y |\n|---|---|\n| 7 | 8 |",
        "\tcode\n| X |\n|:-:|\n| 7 |\n    | 6 |\n| Z |\n|---|\n| 5 |",
        // And runs beside a `~` there, which GitHub reads as text.
        "    code\n| X | Y |\n|---|---|\n| 7 | [**~ m**](x.md) ~**n**~ |",
        "<span>",
        "  </span>\n| 9 | 9 |",
        "<br/>\n\n| X | Y |\n|---|---|\n| 7 | 8 |",
        "<a name=\"x\"></a>",
        "<a id='x'>\n| 9 |\n    | 8 |\n\n| X |\n|---|\n<b>\n| 7 |",
    ]));
    prop_oneof![
        prose.prop_map(str::to_owned),
        (container, table(), under).prop_map(|((first, prefix), table, under)| {
            let lines: Vec<String> = table.lines().map(|line| format!("{prefix}{line}")).collect();
            // A header that a code span's pipe makes wider than its delimiter row is no header:
            // a delimiter row under it would make a table under a paragraph (see above).
            // So is a table under a delimiter row GitHub reads as text, whose lines it reads
            // as a paragraph's.
            let listed = lines[1][prefix.len()..].starts_with(LIST_MARKER);
            let loose = listed || LOOSE_DELIMITERS.iter().any(|cell| lines[1].contains(cell));
            let no_header = lines[0].contains("`c|d`") || loose;
            let under = under
                .filter(|under| prefix.is_empty() && !(no_header && under.contains("---")))
                .map(|line| format!("\n{line}"));
            first.to_owned() + &lines.join("\n") + &under.unwrap_or_default()
        }),
    ]
}

/// YAML front matter, which GitHub shows as a table of its own, not as Markdown: some with
/// lines that would be a table, or a thematic break and a setext heading, on a page.
fn front_matter() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "---\ntitle: Errors\n---\n",
        "---\ntitle: Errors\ntable: |\n  | A | B |\n  |---|---|\n  | 1 | 2 |\n---\n\n",
        "---\n| A | B |\n|---|---|\n| 1 | 2 |\n---\n",
        "---\n---\n",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn tables_are_read_as_github_renders_them(
        mark in prop::option::weighted(0.2, Just("\u{feff}")),
        front_matter in prop::option::weighted(0.2, front_matter()),
        blocks in prop::collection::vec(block(), 1..8),
        line_end in prop::sample::select(vec!["\n", "\r\n"]),
    ) {
        let (mark, front_matter) = (mark.unwrap_or(""), front_matter.unwrap_or(""));
        let page = format!("{mark}{front_matter}{}\n", blocks.join("\n\n"));
        let page = page.replace('\n', line_end);
        let (read, rendered) = (read(&page), rendered(&page));
        prop_assert_eq!(read, rendered, "{:?}", page);
    }
}

/// Runs beside a `~` in a table of the lines that GitHub ends a one-column table before:
/// pulldown-cmark read those lines as rows of that table, dropping the cell with the runs, so
/// the page's reading of runs took them as pulldown-cmark reads them (found by the property
/// that a page reads in pieces as it does whole).
#[test]
fn runs_beside_a_tilde_in_a_table_under_an_ended_one_are_read_as_github_renders_them() {
    let page =
        "| A |\n|:-:|\n    code\n| X | Y |\n| --- | --- |\n| 8 | [**~ m**](x.md) ~**n**~ |\n";
    let read = read(page);
    assert_eq!(read, rendered(page));
    assert!(format!("{read:?}").contains("**~ m** n"), "{read:?}");
}

#[test]
fn the_seed_and_corpus_pages_are_read_as_github_renders_them() {
    let pages = [
        include_str!("../../docs-src/mediaconvert/error-codes.md"),
        include_str!("../../docs-src/mediatailor/playback-errors-client.md"),
        include_str!("../../xtask/tests/fixtures/odd.md"),
        include_str!(
            "../../xtask/tests/corpus/pages/amazon-chime-sdk-developer-guide/handle-disconnects.md"
        ),
        include_str!(
            "../../xtask/tests/corpus/pages/amazon-glacier-developer-guide/api-error-responses.md"
        ),
        include_str!(
            "../../xtask/tests/corpus/pages/amazon-s3-userguide/replication-failure-codes.md"
        ),
        include_str!("../../xtask/tests/corpus/pages/aws-iot-docs/iot-errors.md"),
        include_str!(
            "../../xtask/tests/corpus/pages/aws-elemental-mediaconvert-user-guide/warning_codes.md"
        ),
    ];
    for page in pages {
        let read = read(page);
        assert!(!read.is_empty());
        assert_eq!(read, rendered(page));
    }
}
