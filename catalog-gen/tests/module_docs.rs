//! A module's rustdoc shows its page as the page's site does: titled by its first level-1
//! heading, or else by its front matter's `title`; its prose without the front matter, which
//! is the site's metadata, not Markdown; and no empty heading where the page has no title.
//! Its prose, re-rendered from the page's events, reads back as the page's blocks.

use catalog_gen::{Input, pages_in_memory};

const MANIFEST: &str = "output = \"o\"\n[[table]]\npage = \"p.md\"\n\
                        url = \"https://x.test/p.html\"\nmodule = \"m\"\nenum = \"E\"\n\
                        key-column = \"Code\"\nkey-type = \"u8\"\nname-column = \"Name\"\n";

/// The module generated from `page`, as one text.
fn module(page: &str) -> String {
    let pages = pages_in_memory([("p.md", page)]);
    let input =
        Input { manifest_path: "c.toml", manifest_text: MANIFEST, pages: &pages, command: "regen" };
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

/// The block structure of `markdown` (block starts and ends, rules), without tables, and
/// without paragraphs or HTML blocks of only anchors (`<a id="x"></a>`, which rustdoc does not
/// get): what a reader sees as paragraphs, lists, quotes, code and HTML blocks.
fn blocks(markdown: &str) -> Vec<String> {
    use catalog_gen::markdown::{is_anchor, is_anchor_close};
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
            Event::Html(html) | Event::InlineHtml(html)
                if is_anchor(&html) || is_anchor_close(&html) => {}
            Event::SoftBreak => {}
            Event::Text(text) if text.trim().is_empty() => {}
            Event::Start(Tag::CodeBlock(_)) => blocks.push("code".into()),
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
        // Azure PowerShell's help: a line of just `\`, a break where a line starts; two.
        ("lone backslash", "The SKU is a plan.\n\\\nFor instance,\n\\\n\\\nthis.\n"),
        // PowerShell's reference: an anchor on a line of its own, which rustdoc does not get.
        ("anchor", "### Example 3\n\n<a id=\"ex3\" ></a>\n\nNormally:\n\n- one\n- two\n"),
    ] {
        pages.push((name.to_owned(), page.to_owned()));
    }
    let base = url::Url::parse("https://x.test/docs/p.html").unwrap();
    for (name, source) in &pages {
        let page = catalog_gen::markdown::parse(source);
        let tables: Vec<_> = page.tables.iter().map(|table| table.events.clone()).collect();
        let prose = catalog_gen::rustdoc::prose(&page, &base, &tables, &[]);
        let start = page.events.first().map_or(source.len(), |(_, range)| range.start);
        assert_eq!(blocks(&prose), blocks(&source[start..]), "{name}:\n{prose}");
    }
}
