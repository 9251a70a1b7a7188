//! Stage 12: each row's rustdoc and each module's prose, and the modules assembled from the
//! tables that passed every stage.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

use pulldown_cmark::{Event, LinkType, Tag, TagEnd};
use url::Url;

use crate::manifest::{self, KeyType, TableSpec, in_manifest_order};
use crate::markdown::{self, Cell, Row, Table};
use crate::model::columns::Columns;
use crate::model::facts::Facts;
use crate::model::names::NamedRow;
use crate::model::pages::ParsedPage;
use crate::model::{Catalog, Enum, Key, Layout, Module, Origin, Retirement, Variant};
use crate::naming::Identifier;
use crate::parallel;
use crate::rustdoc::{self, Doc, Replacement};

/// A table that passed every stage, before its rows get their rustdoc.
#[derive(Debug)]
pub struct ReadyTable<'a> {
    /// Its module's name.
    pub module: Identifier,
    /// Its enum's name.
    pub enum_name: Identifier,
    /// The manifest's path as shown.
    pub manifest_path: &'a str,
    /// Its `[[table]]` entry.
    pub spec: &'a TableSpec,
    /// Its page.
    pub page: &'a ParsedPage<'a>,
    /// The page's published URL.
    pub base: Url,
    /// The table on the page, without the rows the manifest leaves out
    /// ([`crate::model::skip`]).
    pub table: &'a Table<'a>,
    /// The page's tables it is made of, by the index of their first event in the page's: one,
    /// or those `all-tables` joins.
    pub page_tables: Vec<usize>,
    /// The rows left out, as the enum's rustdoc names them ([`crate::model::skip::Skipped`]).
    pub skipped: Vec<String>,
    /// Its columns.
    pub columns: Columns,
    /// Its rows, named.
    pub rows: Vec<NamedRow<'a>>,
    /// Its facts.
    pub facts: Facts,
    /// What each of the page table's rows gives its variant, by row index ([`page_rows`]).
    pub page_rows: Vec<RowText>,
}

/// What a row gives its variant: its cells' plain text and rustdoc, and its URL.
#[derive(Debug, Default)]
pub struct RowText {
    cells: Arc<[Arc<str>]>,
    docs: Vec<Doc>,
    url: Option<String>,
}

/// What every row of `table`, a table of the page `source` published at `base` whose codes
/// are in the column `key`, gives its variant, by row index: the cells' rustdoc with links
/// made absolute, on every core where rows are many. It needs only the page, so it is made
/// while the rows are checked and named.
pub fn page_rows(source: &str, table: &Table<'_>, base: &Url, key: usize) -> Vec<RowText> {
    let links = || rustdoc::Links::new(base);
    parallel::map_with(&table.rows, links, |links, row| {
        let url = row_url(source, row, base, key);
        row_text(row, url, |cell| rustdoc::inline(source, cell, links))
    })
}

/// What `row` gives its variant: its cells' rustdoc made by `doc`, and its `url`.
fn row_text(row: &Row<'_>, url: Option<String>, doc: impl FnMut(&Cell<'_>) -> Doc) -> RowText {
    RowText { cells: Arc::clone(row.texts()), docs: row.cells().iter().map(doc).collect(), url }
}

/// The URL of `row`, where it has one of its own: `base` pointing at the first anchor
/// (`<a name="…">`) in its cells, or else the page that its code cell (column `key`) is a
/// link to, made absolute against `base` (`[20003](errors/20003.md)`, as pages link each code
/// to a page of its own).
fn row_url(source: &str, row: &Row<'_>, base: &Url, key: usize) -> Option<String> {
    let anchored = row.cells().iter().find_map(|cell| {
        let anchor = cell.anchor()?;
        let mut url = base.clone();
        url.set_fragment(Some(anchor));
        Some(url.to_string())
    });
    anchored.or_else(|| {
        let cell = row.cells().get(key)?;
        let target = markdown::whole_link(source, cell)?;
        let url = rustdoc::absolute(target.into(), base);
        Url::parse(&url)
            .ok()
            .filter(|url| matches!(url.scheme(), "http" | "https"))
            .map(String::from)
    })
}

/// The catalog: modules sorted by name, each with its tables' enums in manifest order.
pub fn catalog(mut tables: Vec<ReadyTable<'_>>) -> Catalog {
    // The rows move into the variants; the rest of each table is still read.
    let rows: Vec<_> = tables
        .iter_mut()
        .map(|ready| (std::mem::take(&mut ready.rows), std::mem::take(&mut ready.page_rows)))
        .collect();
    let tables = &tables;
    let mut modules: BTreeMap<&Identifier, Module> = BTreeMap::new();
    for (ready, (rows, page_rows)) in tables.iter().zip(rows) {
        let module = modules.entry(&ready.module).or_insert_with(|| Module {
            name: ready.module.clone(),
            source: ready.page.path.clone(),
            title: page_title(&ready.page.page).unwrap_or_default(),
            prose: module_prose(ready, tables),
            enums: Vec::new(),
        });
        module.enums.push(Arc::new(enum_model(ready, rows, page_rows)));
    }
    Catalog { modules: modules.into_values().collect(), warnings: Vec::new() }
}

/// The enum of a table: its `rows` with what they give their variants (a page row's from
/// `page_rows`, by its index), and its facts moved in. The rows' texts move, not copied.
fn enum_model(
    ready: &ReadyTable<'_>,
    rows: Vec<NamedRow<'_>>,
    mut page_rows: Vec<RowText>,
) -> Enum {
    // The manifest's retirements in effect: not those of rows the page documents again.
    let mut retired = Vec::new();
    // Collected into the named rows' own memory: a variant is no larger (`names`' tests
    // check it), so std reuses it rather than taking tens of megabytes of fresh memory.
    let (source, key, html) = (ready.page.page.source, ready.columns.key, ready.table.html);
    let variants: Vec<Variant> = rows
        .into_iter()
        .map(|named| {
            // A retired row's cells are plain text, crossed out or not: it is deprecated anyway.
            let crossed_out = named.page_row.is_some()
                && markdown::is_crossed_out(&source[named.row.cells()[key].markdown.clone()], html);
            let text = match named.page_row {
                Some(index) => std::mem::take(&mut page_rows[index]),
                // A retired row has its last plain text, not the page's Markdown.
                // (Its cells are plain text: no anchor, no link, so no URL of its own.)
                None => {
                    row_text(&named.row, None, |cell| Doc::Made(rustdoc::escape(&cell.text).into()))
                }
            };
            Variant {
                ident: named.ident,
                key: named.key,
                key_text: named.key_text,
                cells: text.cells,
                docs: text.docs,
                url: text.url,
                retired: named.retiring.map(|retiring| {
                    let entry = &ready.spec.retired[retiring.key];
                    retired.push((retiring.key, entry.clone()));
                    Box::new(Retirement { since: entry.since.clone(), note: entry.note.clone() })
                }),
                crossed_out,
            }
        })
        .collect();
    let row_urls = variants.iter().any(|variant| variant.url.is_some());
    let spec = ready.spec;
    // A retired row's cells are its last documented ones: checked, not assumed, to hold its
    // code. The key type is asked too, for a table without rows.
    let (key, code_type) = (ready.columns.key, *spec.key_type.get_ref());
    let codes_are_key_cells = code_type == KeyType::Str
        && spec.key_pattern.is_none()
        && variants.iter().all(|variant| match &variant.key {
            Key::Str(code) => **code == *variant.cells[key],
            Key::Int(_) => false,
        });
    let names_are_codes = codes_are_key_cells && ready.columns.name == key && !spec.shared_codes;
    let facts = &ready.facts;
    let title = [&ready.table.caption, &ready.table.heading]
        .into_iter()
        .find_map(|heading| heading.as_ref().map(|h| h.text.clone()))
        .or_else(|| page_title(&ready.page.page))
        .unwrap_or_else(|| ready.enum_name.to_string());
    Enum {
        name: ready.enum_name.clone(),
        title,
        url: spec.url.get_ref().clone(),
        source: ready.page.path.clone(),
        page_tables: ready.page_tables.len(),
        page: Arc::clone(&ready.page.text),
        footnotes: rustdoc::Footnotes::of(&ready.page.page, &ready.base),
        code_type,
        codes: spec.codes(),
        columns: ready.columns.list.clone(),
        key_column: ready.columns.key,
        name_column: ready.columns.name,
        help_column: ready.columns.help,
        module: ready.module.clone(),
        shared_codes: spec.shared_codes,
        key_is_whole_cell: spec.key_pattern.is_none(),
        discriminants: facts.discriminants,
        codes_are_key_cells,
        names_are_codes,
        layout: match spec.layout {
            manifest::Layout::Tables => Layout::Tables,
            manifest::Layout::Match => Layout::Match,
        },
        variants,
        skipped: ready.skipped.clone(),
        row_urls,
        rows_by_code: facts.rows_by_code.clone(),
        code_groups: facts.code_groups.clone(),
        rows_by_name: facts.rows_by_name.clone(),
        ambiguous_names: facts.ambiguous_names.clone(),
        origin: Origin {
            manifest: ready.manifest_path.to_owned(),
            enum_span: spec.enum_name.span(),
            // In the manifest's order, as the lines the break gate's helps give keep them.
            pins: in_manifest_order(&spec.variants)
                .into_iter()
                .map(|(key, name)| (key.get_ref().clone(), name.get_ref().clone(), name.span()))
                .collect(),
            skip_rows: spec.skip_rows.iter().map(|entry| entry.get_ref().clone()).collect(),
            retired: {
                retired.sort_by_key(|(key, _)| key.span().start);
                retired.into_iter().map(|(key, entry)| (key.get_ref().clone(), entry)).collect()
            },
            has_retired: !spec.retired.is_empty(),
            accessors: in_manifest_order(&spec.accessors)
                .into_iter()
                .map(|(header, method)| (header.get_ref().clone(), method.get_ref().clone()))
                .collect(),
            methods: (ready.columns.list.iter())
                .filter_map(|c| Some((c.accessor.as_ref()?.to_string(), c.header.clone())))
                .collect(),
            codes: spec.codes(),
            discriminants: facts.discriminants,
        },
    }
}

/// The page's title: its first level-1 heading, as the page shows it, or else the title its
/// front matter gives (a site's page shows that one, where the Markdown has none).
fn page_title(page: &markdown::Page<'_>) -> Option<String> {
    let front_matter = page.front_matter.as_ref().and_then(|front| front.title.clone());
    page.title.as_ref().map(|title| title.text.clone()).or(front_matter)
}

/// The page's prose with its title (and an MDX page's blocks its site never shows,
/// [`markdown::hidden_blocks`])
/// taken out, each generated table replaced by a link to its
/// enum, and each other table by a line naming its columns with a link to the published page
/// (a reader of the module would otherwise find a heading with nothing under it).
fn module_prose(ready: &ReadyTable<'_>, tables: &[ReadyTable<'_>]) -> String {
    let page = &ready.page.page;
    let mut skip: Vec<Range<usize>> = page.title.iter().map(|t| t.events.clone()).collect();
    if markdown::is_mdx(&ready.page.path) {
        skip.extend(markdown::hidden_blocks(page));
    }
    let mut generated: BTreeMap<usize, Vec<Event<'static>>> = tables
        .iter()
        .filter(|other| other.spec.page.get_ref() == ready.spec.page.get_ref())
        .flat_map(|other| {
            let joined = other.page_tables.len() > 1;
            (other.page_tables.iter())
                .map(move |&start| (start, enum_link(&other.module, &other.enum_name, joined)))
        })
        .collect();
    let replacements: Vec<Replacement> = (page.tables.iter())
        .map(|table| Replacement {
            events: table.events.clone(),
            with: generated
                .remove(&table.events.start)
                .unwrap_or_else(|| not_generated(table, ready.spec.url.get_ref())),
        })
        .collect();
    rustdoc::prose(page, &ready.base, &skip, &replacements)
}

/// A paragraph "A table not generated here (`Asset`, `Location`): see [the published
/// page](...)." for a table of the page that no `[[table]]` generates.
fn not_generated(table: &Table<'_>, url: &str) -> Vec<Event<'static>> {
    let headers: Vec<&str> = (table.header.iter().map(|cell| &*cell.text))
        .filter(|text| !text.trim().is_empty())
        .collect();
    let link = Tag::Link {
        link_type: LinkType::Inline,
        dest_url: url.to_owned().into(),
        title: "".into(),
        id: "".into(),
    };
    let mut events = vec![Event::Start(Tag::Paragraph)];
    if headers.is_empty() {
        events.push(Event::Text("A table not generated here: see ".into()));
    } else {
        events.push(Event::Text("A table not generated here (".into()));
        for (index, header) in headers.iter().enumerate() {
            if index > 0 {
                events.push(Event::Text(", ".into()));
            }
            events.push(Event::Code(rustdoc::code_span_text(header).into()));
        }
        events.push(Event::Text("): see ".into()));
    }
    events.extend([
        Event::Start(link),
        Event::Text("the published page".into()),
        Event::End(TagEnd::Link),
        Event::Text(".".into()),
        Event::End(TagEnd::Paragraph),
    ]);
    events
}

/// A paragraph "The table is generated as [`Enum`]." linking to the enum; of one of several
/// tables joined into the enum (`all-tables`), "The table's rows are variants of [`Enum`]."
fn enum_link(module: &str, name: &str, joined: bool) -> Vec<Event<'static>> {
    let link = Tag::Link {
        link_type: LinkType::Inline,
        dest_url: format!("crate::{module}::{name}").into(),
        title: "".into(),
        id: "".into(),
    };
    vec![
        Event::Start(Tag::Paragraph),
        Event::Text(match joined {
            true => "The table's rows are variants of ".into(),
            false => "The table is generated as ".into(),
        }),
        Event::Start(link),
        Event::Code(name.to_owned().into()),
        Event::End(TagEnd::Link),
        Event::Text(".".into()),
        Event::End(TagEnd::Paragraph),
    ]
}

#[cfg(test)]
mod tests {
    use crate::Cleanup;
    use crate::model::build;
    use crate::source::pages_in_memory;

    #[test]
    fn rows_get_rustdoc_with_absolute_links_and_the_module_links_its_enums() {
        let manifest = "output = \"o\"\n[[table]]\npage = \"guide/p.md\"\n\
                        url = \"https://x.test/guide/p.html\"\nmodule = \"m\"\nenum = \"E\"\n\
                        key-column = \"Code\"\nkey-type = \"u8\"\nname-column = \"Name\"\n";
        let page = "# Errors\n\nSee [setup](setup.md).\n\n| Code | Name |\n|---|---|\n\
                    | 1 | [One](one.md) |\n\nAfter the table.\n";
        let manifest = crate::manifest::parse("c.toml", manifest).unwrap();
        let catalog = build(
            "c.toml",
            &manifest,
            &pages_in_memory([("guide/p.md", page)]),
            None,
            Cleanup::Free,
        )
        .unwrap();
        let module = &catalog.modules[0];
        assert_eq!((module.name.as_str(), module.title.as_str()), ("m", "Errors"));
        assert!(
            module.prose.contains("[setup](https://x.test/guide/setup.html)"),
            "{}",
            module.prose
        );
        assert!(module.prose.contains("The table is generated as [`E`](crate::m::E)."));
        assert!(module.prose.contains("After the table."));
        let (table, variant) = (&module.enums[0], &module.enums[0].variants[0]);
        assert_eq!(variant.docs[1].text(&table.page), "[One](https://x.test/guide/one.html)");
        assert_eq!(&*variant.cells[1], "One");
    }

    /// A table no `[[table]]` generates is a line in the module's rustdoc that names its
    /// columns and links to the published page, where it left its heading with nothing under
    /// it; in a block quote, in the quote.
    #[test]
    fn a_table_not_generated_is_named_by_its_columns_with_a_link_to_the_page() {
        let manifest = "output = \"o\"\n[[table]]\npage = \"p.md\"\nurl = \"https://x.test/p.html\"\n\
                        module = \"m\"\nenum = \"E\"\nheading = \"Codes\"\nkey-column = \"Code\"\n\
                        key-type = \"u8\"\nname-column = \"Name\"\n";
        let page = "# P\n\n## Codes\n\n| Code | Name |\n|---|---|\n| 1 | One |\n\n## Assets\n\n\
                    | Asset | `Path` | |\n|---|---|---|\n| a | b | c |\n\n## Quoted\n\n> | |\n> |-|\n> | x |\n";
        let manifest = crate::manifest::parse("c.toml", manifest).unwrap();
        let pages = pages_in_memory([("p.md", page)]);
        let catalog = build("c.toml", &manifest, &pages, None, Cleanup::Free).unwrap();
        let prose = &catalog.modules[0].prose;
        let link = "see [the published page](https://x.test/p.html).";
        let expected = format!(
            "## Codes\n\nThe table is generated as [`E`](crate::m::E).\n\n## Assets\n\n\
             A table not generated here (`Asset`, `Path`): {link}\n\n## Quoted\n\n"
        );
        assert!(prose.contains(&expected), "{prose}");
        assert!(prose.contains(&format!("> A table not generated here: {link}")), "{prose}");
    }

    /// Tables that `all-tables` joins are each a line linking to their enum, the prose between
    /// them kept; the enum's title is the page's, not the first section's, and its rows are
    /// every table's, in the page's order.
    #[test]
    fn tables_joined_each_link_to_their_enum() {
        let manifest = "output = \"o\"\n[[table]]\npage = \"p.md\"\nurl = \"https://x.test/p.html\"\n\
                        module = \"m\"\nenum = \"E\"\nall-tables = true\nkey-column = \"Code\"\n\
                        key-type = \"i8\"\nname-column = \"Name\"\n";
        let page = "# Codes\n\n## Success\n\n| Code | Name |\n|---|---|\n| 0 | NONE |\n\n\
                    No message.\n\n## Errors\n\n| Code | Name |\n|---|---|\n| -1 | UNKNOWN |\n";
        let manifest = crate::manifest::parse("c.toml", manifest).unwrap();
        let pages = pages_in_memory([("p.md", page)]);
        let catalog = build("c.toml", &manifest, &pages, None, Cleanup::Free).unwrap();
        let line = "The table's rows are variants of [`E`](crate::m::E).";
        let expected = format!("## Success\n\n{line}\n\nNo message.\n\n## Errors\n\n{line}");
        let prose = &catalog.modules[0].prose;
        assert!(prose.contains(&expected), "{prose}");
        let table = &catalog.modules[0].enums[0];
        assert_eq!((table.title.as_str(), table.page_tables), ("Codes", 2));
        let names: Vec<&str> = table.variants.iter().map(|v| v.ident.as_str()).collect();
        assert_eq!(names, ["None", "Unknown"]);
    }

    #[test]
    fn struck_text_is_plain_text_without_its_tildes_and_struck_in_rustdoc() {
        let manifest = "output = \"o\"\n[[table]]\npage = \"p.md\"\nurl = \"https://x.test/p.html\"\n\
                        module = \"m\"\nenum = \"E\"\nkey-column = \"Code\"\nkey-type = \"u8\"\n\
                        name-column = \"Name\"\n";
        let page = "| Code | Name | Note |\n|---|---|---|\n| 1 | One | ~~Old~~ and ~new~ |\n";
        let manifest = crate::manifest::parse("c.toml", manifest).unwrap();
        let pages = pages_in_memory([("p.md", page)]);
        let catalog = build("c.toml", &manifest, &pages, None, Cleanup::Free).unwrap();
        let (table, variant) =
            (&catalog.modules[0].enums[0], &catalog.modules[0].enums[0].variants[0]);
        assert_eq!(&*variant.cells[2], "Old and new");
        assert_eq!(variant.docs[2].text(&table.page), "~~Old~~ and ~new~");
    }

    #[test]
    fn a_quoted_table_on_a_page_saved_with_a_byte_order_mark_is_generated_in_its_place() {
        let manifest = "output = \"o\"\n[[table]]\npage = \"guide/p.md\"\n\
                        url = \"https://x.test/guide/p.html\"\nmodule = \"m\"\nenum = \"E\"\n\
                        caption = \"Codes\"\nkey-column = \"Code\"\nkey-type = \"u8\"\n\
                        name-column = \"Name\"\n";
        let page = "\u{feff}# Errors\n\n> **Codes**\n>\n> | Code | Name |\n> |---|---|\n\
                    > | 1 | [One](one.md) |\n\nAfter the quote.\n";
        let manifest = crate::manifest::parse("c.toml", manifest).unwrap();
        let pages = pages_in_memory([("guide/p.md", page)]);
        let catalog = build("c.toml", &manifest, &pages, None, Cleanup::Free).unwrap();
        let module = &catalog.modules[0];
        assert_eq!(module.title, "Errors");
        assert!(module.prose.contains("> The table is generated as [`E`](crate::m::E)."));
        assert!(module.prose.contains("After the quote.") && !module.prose.contains('\u{feff}'));
        let (table, variant) = (&module.enums[0], &module.enums[0].variants[0]);
        assert_eq!(variant.docs[1].text(&table.page), "[One](https://x.test/guide/one.html)");
    }

    #[test]
    fn what_github_reads_after_a_table_ended_as_code_is_the_modules_prose_and_tables() {
        let table = |index: usize, name: &str| {
            format!(
                "[[table]]\npage = \"p.md\"\nurl = \"https://x.test/p.html\"\nmodule = \"m\"\n\
                 enum = \"{name}\"\nindex = {index}\nkey-column = \"Code\"\nkey-type = \"u8\"\n\
                 name-column = \"Name\"\n"
            )
        };
        let manifest = format!("output = \"o\"\n{}{}", table(0, "First"), table(1, "Second"));
        let page = "| Code | Name |\n|---|---|\n| 1 | One |\n    let shown = \"as code\";\n\
                    | Code | Name |\n|---|---|\n| 2 | Two |\n";
        let manifest = crate::manifest::parse("c.toml", &manifest).unwrap();
        let pages = pages_in_memory([("p.md", page)]);
        let catalog = build("c.toml", &manifest, &pages, None, Cleanup::Free).unwrap();
        let module = &catalog.modules[0];
        let cells = |at: usize| -> Vec<&str> {
            module.enums[at].variants.iter().map(|variant| &*variant.cells[1]).collect()
        };
        assert_eq!((cells(0), cells(1)), (vec!["One"], vec!["Two"]));
        let (first, second) = (
            module.prose.find("generated as [`First`]").unwrap(),
            module.prose.find("generated as [`Second`]").unwrap(),
        );
        let code = module.prose.find("```text\nlet shown = \"as code\";\n```").unwrap();
        assert!(first < code && code < second, "{}", module.prose);
    }
}
