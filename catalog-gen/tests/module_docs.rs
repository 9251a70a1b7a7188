//! A module's rustdoc shows its page as the page's site does: titled by its first level-1
//! heading, or else by its front matter's `title`; its prose without the front matter, which
//! is the site's metadata, not Markdown; and no empty heading where the page has no title.
//! Its prose, re-rendered from the page's events, reads back as the page's blocks.

use catalog_gen::rustdoc::Replacement;
use catalog_gen::{Input, pages_in_memory};
use proptest::prelude::*;
use pulldown_cmark::{Event, LinkType, Tag, TagEnd};

const MANIFEST: &str = "output = \"o\"\n[[table]]\npage = \"p.md\"\n\
                        url = \"https://x.test/p.html\"\nmodule = \"m\"\nenum = \"E\"\n\
                        key-column = \"Code\"\nkey-type = \"u8\"\nname-column = \"Name\"\n";

/// The module generated from `page`, as one text.
fn module(page: &str) -> String {
    module_of("p.md", page)
}

/// The module generated from `page`, the page at `path`, as one text.
fn module_of(path: &str, page: &str) -> String {
    let pages = pages_in_memory([(path, page)]);
    let manifest = MANIFEST.replace("p.md", path);
    let input = Input {
        manifest_path: "c.toml",
        manifest_text: &manifest,
        pages: &pages,
        command: "regen",
    };
    let files = catalog_gen::generate(&input).unwrap_or_else(|f| panic!("{}", f.render(false)));
    let module = files.iter().find(|file| file.path.ends_with("m.rs")).expect("the module");
    module.text.to_string()
}

/// The module's docs (`//!`), one line each.
fn docs(module: &str) -> Vec<&str> {
    module.lines().filter_map(|line| line.strip_prefix("//!")).map(str::trim).collect()
}

#[test]
fn front_matter_is_metadata_and_gives_the_title() {
    let page = "---\ntitle: \"Playback errors\"\norder: 2\ntable: |\n  | Code | Name |\n  \
                |---|---|\n  | 9 | Nine |\n---\n\nWhat the player reports.\n\n\
                | Code | Name |\n|---|---|\n| 1 | One |\n";
    let module = module(page);
    let docs = docs(&module);
    assert_eq!(docs[..3], ["# Playback errors", "", "What the player reports."], "{module}");
    assert!(!module.contains("order: 2") && !module.contains("Nine"), "{module}");
    // The enum is the table below the front matter, titled as the page.
    assert!(module.contains("One = 1") && module.contains("\"Playback errors\""), "{module}");
}

/// An MDX page (`.mdx`, as Docusaurus sites write theirs) has ESM blocks, `import` and
/// `export` at its top level, and paragraphs of one JSX comment, which its site never shows:
/// the module's rustdoc leaves them out, and its links to MDX pages are to the pages
/// published. A Markdown page's paragraph that starts so is its text.
#[test]
fn an_mdx_pages_esm_blocks_and_comments_are_not_its_prose() {
    let page = "import Tabs from '@theme/Tabs';\nimport X from './x';\n\n# Errors\n\n\
                {/* vale off */}\n\n\
                export const Hi = ({c}) => (\n  <span>{c}</span>\n);\n\n\
                export const f = (a) => a*2*3;\n\n\
                We import data; see [limits](limits.mdx). {/* draft */}\n\n<Tabs>\n\n\
                | Code | Name |\n|---|---|\n| 1 | One |\n";
    let module = module_of("errors.mdx", page);
    let docs = docs(&module);
    assert_eq!(
        docs[..3],
        ["# Errors", "", "We import data; see [limits](https://x.test/limits.html)."],
        "{module}"
    );
    // Its components are kept as written, as HTML.
    assert!(docs.contains(&"<Tabs>"), "{module}");
    assert!(!module.contains("import Tabs") && !module.contains("Hi =") && !module.contains("a*2"));
    assert!(!module.contains("vale"), "{module}");
    let module = module_of("errors.md", page);
    assert!(module.contains("//! import Tabs") && module.contains("Hi ="), "{module}");
    assert!(module.contains("vale off"), "{module}");
}

/// An MDX page's JSX comments show nothing on its site, in its prose and in its tables' cells
/// (`Bad request {/* TODO: rename */}`): nor in the module's rustdoc, nor in a cell's text,
/// nor in a name; in code they are code. A Markdown page's are text, as GitHub shows them.
#[test]
fn an_mdx_pages_comments_show_nothing_in_prose_or_cells() {
    let page = "# Errors\n\nEvery error the API returns{/* all of them */}. Write `{/* x */}`.\n\
                {/*\n  A note over lines\n*/}\n\n```jsx\n{/* in a block */}\n```\n\n\
                | Code | Name | Description |\n|---|---|---|\n\
                | 1 | Bad request {/* TODO *rename* */} | The body {/* see below */}is bad. |\n\
                | 2 | Unauthorized | Use `{/* x */}`. |\n";
    let module = module_of("errors.mdx", page);
    let docs = docs(&module);
    assert_eq!(
        docs[..5],
        ["# Errors", "", "Every error the API returns. Write `{/* x */}`.", "", "````text"],
        "{module}"
    );
    assert!(module.contains("//! {/* in a block */}\n"), "{module}");
    for shown in [
        "    BadRequest = 1,",
        "    /// 1: Bad request\n",
        "[\"1\", \"Bad request\", \"The body is bad.\"]",
        // In code: as written.
        "    /// **Description:** Use `{/* x */}`.\n",
    ] {
        assert!(module.contains(shown), "{shown}: {module}");
    }
    assert!(!module.contains("TODO") && !module.contains("lines") && !module.contains("<!--"));
    let module = module_of("errors.md", page);
    assert!(module.contains("BadRequestTodoRename = 1,"), "{module}");
    assert!(module.contains("returns{/\\* all of them */}."), "{module}");
}

#[test]
fn the_first_level_one_heading_is_the_title_before_the_front_matters() {
    let page = "---\ntitle: Site title | Docs\n---\n# Playback errors\n\n\
                | Code | Name |\n|---|---|\n| 1 | One |\n";
    let module = module(page);
    assert_eq!(docs(&module)[0], "# Playback errors", "{module}");
    assert!(!module.contains("Site title"), "{module}");
}

#[test]
fn a_page_without_a_title_starts_with_its_prose() {
    let page = "What the player reports.\n\n| Code | Name |\n|---|---|\n| 1 | One |\n";
    let module = module(page);
    assert_eq!(docs(&module)[0], "What the player reports.", "{module}");
    assert!(!docs(&module).iter().any(|line| line.starts_with('#')), "{module}");
    let module = self::module("| Code | Name |\n|---|---|\n| 1 | One |\n");
    assert!(docs(&module)[0].starts_with("The table is generated as"), "{module}");
}

/// A table in an item of a tight list (a step of a numbered list, `1. Step:` over the table)
/// is replaced by its line on a line of its own in the item, which keeps the list, the link to
/// the enum and the line between. As a paragraph there, beside the item's text, which
/// pulldown-cmark gives without one, it read back as another shape, and the prose fell back to
/// its plain text: `Step:The table is generated as E.` (found by the fuzzer). An item that is
/// the table alone holds the line as its text.
#[test]
fn a_table_in_an_item_of_a_tight_list_is_replaced_on_a_line_of_its_own() {
    let table = "| Code | Name |\n   | --- | --- |\n   | 1 | One |\n";
    let module = module(&format!("Intro.\n\n1. Step:\n   {table}2. Next.\n"));
    let docs = docs(&module);
    assert_eq!(
        docs[..4],
        ["Intro.", "", "1. Step:\\", "The table is generated as [`E`](crate::m::E)."],
        "{module}"
    );
    assert_eq!(docs[4], "2. Next.", "{module}");
    let module = self::module(&format!("- {table}- Other.\n"));
    let docs = self::docs(&module);
    assert_eq!(docs[..2], ["* The table is generated as [`E`](crate::m::E).", "* Other."]);
}

/// A tight item's text right under a list or quote nested in the item that ends in a table
/// (`- 1. | Code | Name |` … then `  text`) stays the item's text, after the link in the
/// table's place. Written right under the paragraph put there, it read as that paragraph's lazy
/// continuation, so the prose fell back to its plain text, without the list or the link (found
/// at random by a property below): an empty comment, which shows nothing and keeps the item
/// tight, is written between. (`fuzz/seeds/tight_text_after_table` compiles and lints it.)
#[test]
fn a_tight_items_text_right_under_a_nested_table_stays_its_own() {
    let table = "| Code | Name |\n     | --- | --- |\n     | 1 | One |\n";
    let link = "The table is generated as [`E`](crate::m::E).";
    let module = module(&format!("- 1. {table}  Then this.\n"));
    assert_eq!(docs(&module)[..3], [&format!("* 1. {link}"), "<!-- -->", "Then this."]);
    let module = self::module(&format!("- 1. Step:\n     {table}  Then this.\n"));
    let expected = ["* 1. Step:\\", link, "<!-- -->", "Then this."];
    assert_eq!(docs(&module)[..4], expected, "{module}");
    // Where the nested list ends in anything but a paragraph, no comment is needed.
    let page =
        "- 1. ```\n     code\n     ```\n  Then this.\n\n| Code | Name |\n|---|---|\n| 1 | One |\n";
    let module = self::module(page);
    assert!(!module.contains("<!--"), "{module}");
}

/// The block structure of `markdown` (block starts and ends, rules), without pipe tables, and
/// without paragraphs or HTML blocks of only anchors (`<a id="x"></a>`, which rustdoc does not
/// get): what a reader sees as paragraphs, lists, quotes, code and HTML blocks; and the lines
/// of HTML blocks but those of only an anchor, trimmed (HTML is written as the page has it).
fn blocks(markdown: &str) -> Vec<String> {
    use catalog_gen::markdown::{is_anchor, is_anchor_close, is_anchor_line};
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut in_table = false;
    let mut blocks = Vec::new();
    // Where the paragraph or HTML block being read starts in `blocks`, and whether it has
    // anything but anchors.
    let mut leaf: Option<(usize, bool)> = None;
    for event in Parser::new_ext(markdown, catalog_gen::markdown::PARSER_OPTIONS) {
        match event {
            Event::Start(Tag::Table(_)) => in_table = true,
            Event::End(TagEnd::Table) => in_table = false,
            _ if in_table => {}
            Event::Start(tag @ (Tag::Paragraph | Tag::HtmlBlock)) => {
                leaf = Some((blocks.len(), false));
                blocks.push(format!("{tag:?}"));
            }
            Event::End(end @ (TagEnd::Paragraph | TagEnd::HtmlBlock)) => match leaf.take() {
                Some((start, false)) => blocks.truncate(start),
                _ => blocks.push(format!("/{end:?}")),
            },
            Event::Html(line) if is_anchor_line(&line) || is_anchor_close(&line) => {}
            // A line end of its own (a page's `\r\n`) is part of the line before it.
            Event::Html(line) if line.trim().is_empty() => {}
            Event::Html(line) => {
                blocks.push(format!("html {}", line.trim()));
                if let Some((_, content)) = leaf.as_mut() {
                    *content = true;
                }
            }
            Event::InlineHtml(html) if is_anchor(&html) || is_anchor_close(&html) => {}
            Event::SoftBreak => {}
            Event::Text(text) if text.trim().is_empty() => {}
            Event::Start(Tag::CodeBlock(_)) => blocks.push("code".into()),
            // An alert (`> [!NOTE]`) reads as GitHub shows it: a quote titled by a paragraph.
            Event::Start(Tag::BlockQuote(Some(_))) => {
                blocks.extend(["BlockQuote(None)", "Paragraph", "/Paragraph"].map(String::from))
            }
            Event::End(TagEnd::BlockQuote(Some(_))) => blocks.push("/BlockQuote(None)".into()),
            Event::Start(tag @ (Tag::Heading { .. } | Tag::BlockQuote(_))) => {
                blocks.push(format!("{tag:?}"))
            }
            Event::Start(tag @ (Tag::List(_) | Tag::Item)) => blocks.push(format!("{tag:?}")),
            Event::Start(Tag::FootnoteDefinition(label)) => blocks.push(format!("note {label}")),
            Event::End(
                end @ (TagEnd::Heading(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::List(_)
                | TagEnd::Item
                | TagEnd::FootnoteDefinition),
            ) => blocks.push(format!("/{end:?}")),
            Event::Rule => blocks.push("rule".into()),
            // Anything else in a paragraph or HTML block is content.
            _ => {
                if let Some((_, content)) = leaf.as_mut() {
                    *content = true;
                }
            }
        }
    }
    blocks
}

/// Where the line holding `at` starts: where the page's Markdown starts, after any front
/// matter or byte order mark, with the indentation of its first line.
fn line_start(source: &str, at: usize) -> usize {
    let mark = if source.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    source[..at].rfind('\n').map_or(mark, |newline| newline + 1)
}

/// Every page this repository holds (the seeds, the other teams' pages, the fixtures and
/// the MediaConvert page's history), and the shapes pulldown-cmark-to-cmark once wrote
/// otherwise: each page's prose in its module's rustdoc, re-rendered from its events, reads
/// back as the same blocks as the page.
#[test]
fn module_prose_reads_back_as_the_pages_blocks() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut paths = Vec::new();
    let mut dirs: Vec<_> = ["docs-src", "xtask/tests", "catalog-gen/tests"]
        .into_iter()
        .map(|dir| root.join(dir))
        .collect();
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|extension| extension == "md") {
                paths.push(path);
            }
        }
    }
    assert!(paths.len() > 30, "{} pages", paths.len());
    let mut pages: Vec<(String, String)> = paths
        .iter()
        .map(|path| (path.display().to_string(), std::fs::read_to_string(path).unwrap()))
        .collect();
    for (name, page) in [
        // TiDB's release notes: an admonition tag under a list nested in a list item.
        ("nested list", "* Item\n\n  * a\n  * b\n\n  <Warning>\n  Careful.\n  </Warning>\n"),
        // The same tag, then a line that starts an HTML block of its own (found by the fuzzer:
        // the tag was written as text of `b`, which clippy denies as a lazy continuation).
        ("nested list, comment", "* Item\n\n  * a\n  * b\n\n  <Warning>\n   <!-- c -->\n"),
        // Azure PowerShell's help: a line of just `\`, a break where a line starts; two.
        ("lone backslash", "The SKU is a plan.\n\\\nFor instance,\n\\\n\\\nthis.\n"),
        // PowerShell's reference: an anchor on a line of its own, which rustdoc does not get.
        ("anchor", "### Example 3\n\n<a id=\"ex3\" ></a>\n\nNormally:\n\n- one\n- two\n"),
        // Windows' driver docs: an anchor on a line of its own in an HTML block, the page's
        // lines ended with `\r\n`; lines that start with an anchor and show more.
        ("anchor line, \\r\\n", "<p>Para\r\n  <a id=\"x\"></a>\r\n</dl>\r\n\r\nafter\r\n"),
        // An HTML block indented after a list, in a quote (found by the property below).
        ("indented HTML", ">    - Some prose.\n>\n>    <div>\n>    HTML\n>    </div>\n"),
        ("anchor and more", "<div>\n<a id=\"x\"></a><b>Shown</b>\n<a id=\"y\">Seen</a>\n</div>\n"),
    ] {
        pages.push((name.to_owned(), page.to_owned()));
    }
    let base = url::Url::parse("https://x.test/docs/p.html").unwrap();
    let mut read_as_text = Vec::new();
    for (name, source) in &pages {
        let page = catalog_gen::markdown::parse(source);
        let tables: Vec<_> = page.tables.iter().map(|table| table.events.clone()).collect();
        let prose = catalog_gen::rustdoc::prose(&page, &base, &tables, &[]);
        // pulldown-cmark reads the page's blocks here, and it reads a table where GitHub reads
        // text under a delimiter row GitHub does not take: such a page's prose is checked
        // below, against the blocks GitHub reads.
        if !page.delimiter_rows_read_as_text.is_empty() {
            read_as_text.push((name.as_str(), prose));
            continue;
        }
        let start = line_start(source, page.events.first().map_or(source.len(), |(_, r)| r.start));
        // A table written in HTML is not in the prose, as a pipe table is not.
        let mut read = source[start..].to_owned();
        for table in page.tables.iter().rev().filter(|table| table.html) {
            read.replace_range(table.span.start - start..table.span.end - start, "");
        }
        // The tags GFM disallows are text, as on GitHub: an HTML block that starts with one
        // a paragraph (only `odd.md` has them, none in code).
        let disallowed: Vec<usize> = catalog_gen::markdown::disallowed_tags(&read).collect();
        for at in disallowed.into_iter().rev() {
            read.insert(at, '\\');
        }
        assert_eq!(blocks(&prose), blocks(&read), "{name}:\n{prose}");
    }
    let [(name, prose)] = &read_as_text[..] else { panic!("{read_as_text:?}") };
    assert!(name.ends_with("a_table_github_shows_as_text/page.md"), "{name}");
    // The title; the prose; the first table's lines, a paragraph; the third's header line, a
    // paragraph, and its `- | -`, a list item. (The second table is a table.)
    let expected = ["Heading", "Paragraph", "Paragraph", "Paragraph", "List(None)", "Item"];
    let starts: Vec<_> =
        blocks(prose).into_iter().filter(|block| !block.starts_with('/')).collect();
    let starts: Vec<_> = starts.iter().map(|block| block.split(' ').next().unwrap()).collect();
    assert_eq!(starts, expected, "{prose}");
    assert!(prose.contains("\\|: --: \\|--\\|"), "{prose}");
}

/// A block of prose, nested up to `depth` containers deep, as its lines; its leaves may also
/// be `more`.
fn prose_block(depth: u32, more: &[&'static str]) -> impl Strategy<Value = String> {
    let mut leaves = vec![
        "Some prose.",
        "Two lines\nof prose.",
        "A break\\\nafter a backslash.",
        "A break  \nafter two spaces.",
        "A line of just a backslash:\n\\\nthen more.",
        "Text with *emphasis*, `code`, [a link](page.md) and <kbd>Ctrl</kbd>.",
        "Text before an anchor. <a id=\"x\"></a>",
        "<a name=\"y\"></a>\nText after an anchor.",
        "# Heading",
        "Setext\n---",
        "```\ncode\n```",
        "```yaml\nkey: value\n```",
        "    indented code",
        "<div>\nHTML\n</div>",
        "<dl>\n<a id=\"z\"></a>\n<a id=\"w\"></a><b>Shown</b>\n</dl>",
        "<Warning>\nCustom tag.\n</Warning>",
        "<Warning>\n <!-- a comment -->",
        "<!-- a comment -->",
        "<pre>\npre\n</pre>",
        "See the note[^n].",
        "\u{c}> After a form feed,\nnot a quote.",
        "\u{a0}# After a no-break space, not a heading",
        "A [reference][r].",
    ];
    leaves.extend(more);
    let leaf = prop::sample::select(leaves).prop_map(str::to_owned);
    leaf.prop_recursive(depth, 24, 4, |inner| {
        // The blocks of one item or quote apart, as pages write them (lazy lines are the top
        // level's); the items of one list apart or not (a loose or a tight list).
        let children = prop::collection::vec(inner, 1..4).prop_map(|blocks| blocks.join("\n\n"));
        let container = prop::sample::select(vec![
            ("> ", "> "),
            ("> [!NOTE]\n> ", "> "),
            ("- ", "  "),
            ("1. ", "   "),
            ("10. ", "    "),
        ]);
        let items = prop::collection::vec(children, 1..3);
        let between = prop::sample::select(vec!["\n", "\n\n"]);
        (container, items, between).prop_map(|((first, rest), items, between)| {
            let item = |text: String| {
                let lines: Vec<String> = text
                    .lines()
                    .enumerate()
                    .map(|(index, line)| match (index, line.is_empty()) {
                        (0, _) => format!("{first}{line}"),
                        (_, true) => rest.trim_end().to_owned(),
                        (_, false) => format!("{rest}{line}"),
                    })
                    .collect();
                lines.join("\n")
            };
            items.into_iter().map(item).collect::<Vec<_>>().join(between)
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    // Not generated, where the prose is not written as the page has it: a line of only an
    // anchor over a line that starts with an HTML tag (`<a id="x"></a>` then `<Warning>`) in
    // one paragraph (without the anchor, which rustdoc does not get, the tag's line would
    // start an HTML block, so that paragraph is written as its plain text); two lists one
    // after the other that differ only in their bullets (`-` then `*`, `1.` then `1)`), which
    // pulldown-cmark-to-cmark writes alike, so they read as one list; a thematic break in
    // nested list items (`- - - ***`), which it cannot write.

    /// A page of any prose, nested in block quotes and lists: its module's prose reads back
    /// as its blocks.
    #[test]
    fn any_prose_reads_back_as_the_pages_blocks(
        parts in prop::collection::vec(prose_block(3, &[]), 1..6),
        definitions in prop::sample::subsequence(vec!["[^n]: The note.", "[r]: https://x.test/r"], 0..=2),
        separator in prop::sample::select(vec!["\n", "\n\n"]),
        line_end in prop::sample::select(vec!["\n", "\r\n"]),
    ) {
        // Definitions at the top level, as pages have them: pulldown-cmark-to-cmark cannot
        // write a footnote defined in a block quote in a list item, say.
        let source = parts.join(separator) + "\n\n" + &definitions.join("\n\n") + "\n";
        let source = source.replace('\n', line_end);
        let page = catalog_gen::markdown::parse(&source);
        let base = url::Url::parse("https://x.test/docs/p.html").unwrap();
        let prose = catalog_gen::rustdoc::prose(&page, &base, &[], &[]);
        let start = line_start(&source, page.events.first().map_or(source.len(), |(_, r)| r.start));
        prop_assert_eq!(blocks(&prose), blocks(&source[start..]), "{:?}\n{}", source, prose);
    }

    /// A page of any prose with tables in it, nested in block quotes and lists: each table,
    /// replaced by its enum's link as a module replaces it, shows as that link in the prose.
    /// (A table in an item of a tight list, `1. Step:` right over it, made the prose fall back
    /// to its plain text, which has no links: found by the fuzzer. So did a tight item's text
    /// right under a list nested in it that ends in a table, `- 1. | Code | Name |` … then
    /// `  text`, which the paragraph in the table's place took as its lazy continuation when
    /// written: found by this test in `.ci/run`, 2026-12-07, once its parts were joined
    /// without an empty line.)
    #[test]
    fn every_table_replaced_shows_as_its_link_in_the_prose(
        parts in prop::collection::vec(prose_block(3, &[TABLE, STEP_AND_TABLE]), 1..6),
        separator in prop::sample::select(vec!["\n", "\n\n"]),
    ) {
        let source = parts.join(separator) + "\n";
        let page = catalog_gen::markdown::parse(&source);
        let link = Tag::Link {
            link_type: LinkType::Inline,
            dest_url: "crate::m::E".into(),
            title: "".into(),
            id: "".into(),
        };
        let with = vec![
            Event::Start(Tag::Paragraph),
            Event::Text("The table is generated as ".into()),
            Event::Start(link),
            Event::Code("E".into()),
            Event::End(TagEnd::Link),
            Event::Text(".".into()),
            Event::End(TagEnd::Paragraph),
        ];
        let replacements: Vec<Replacement> = page
            .tables
            .iter()
            .map(|table| Replacement { events: table.events.clone(), with: with.clone() })
            .collect();
        let base = url::Url::parse("https://x.test/docs/p.html").unwrap();
        let prose = catalog_gen::rustdoc::prose(&page, &base, &[], &replacements);
        let links = prose.matches("[`E`](crate::m::E)").count();
        prop_assert_eq!(links, page.tables.len(), "{:?}\n{}", source, prose);
    }
}

/// A table, as a leaf of [`prose_block`].
const TABLE: &str = "| Code | Name |\n| --- | --- |\n| 1 | One |";

/// A line of text right over a table, as a step of a list writes it.
const STEP_AND_TABLE: &str = "Step:\n| Code | Name |\n| --- | --- |\n| 1 | One |";

/// GitHub shows an alert's tag (`> [!NOTE]`) as the quote's title, which rustdoc, having no
/// alerts, would show as text: the quote starts with the title in bold.
#[test]
fn an_alert_is_a_quote_titled_as_github_titles_it() {
    let page = "Intro.\n\n> [!NOTE]\n> This topic is for programmers.\n\n\
                > [!WARNING]  \n> Do not.\n\n> [!NOTE] inline\n> A plain quote.\n\n\
                | Code | Name |\n|---|---|\n| 1 | One |\n";
    let module = module(page);
    let docs = docs(&module).join("\n");
    assert!(docs.contains("> **Note**\n>\n> This topic is for programmers."), "{module}");
    assert!(docs.contains("> **Warning**\n>\n> Do not."), "{module}");
    assert!(!docs.contains("[!WARNING]") && !docs.contains("> [!NOTE]\n"), "{module}");
    // A tag with text after it on its line is no alert, on GitHub either: a quote of text.
    assert!(docs.contains("> \\[!NOTE\\] inline\n> A plain quote."), "{module}");
}
