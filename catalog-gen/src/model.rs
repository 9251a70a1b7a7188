//! The validated model: manifest + parsed pages → modules of enums, or every problem found.
//!
//! This is where the manifest meets the Markdown: tables are picked, columns matched, keys
//! parsed, names made, and every problem is collected before failing.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Tag, TagEnd};
use regex::Regex;
use url::Url;

use crate::diagnostics::{Diagnostic, Label};
use crate::manifest::{KeyType, Manifest, TableSpec};
use crate::markdown::{self, Cell, Page, Table};
use crate::naming;
use crate::parallel;
use crate::rustdoc::{self, Replacement};
use crate::{PageText, Pages};

/// Everything to generate: one module per file.
#[derive(Debug)]
pub struct Catalog {
    /// The modules, sorted by name.
    pub modules: Vec<Module>,
}

/// A generated module: the enums of one page.
#[derive(Debug)]
pub struct Module {
    /// The module's name.
    pub name: String,
    /// The page's path, as shown in headers.
    pub source: String,
    /// The page's title.
    pub title: String,
    /// The page's prose, as rustdoc Markdown.
    pub prose: String,
    /// The enums, in manifest order.
    pub enums: Vec<Enum>,
}

/// A generated enum: one documented table.
#[derive(Debug)]
pub struct Enum {
    /// The enum's name.
    pub name: String,
    /// The table's caption or heading, or the page's title.
    pub title: String,
    /// The page's published URL.
    pub url: String,
    /// The page's path, as shown in headers.
    pub source: String,
    /// The type of the codes.
    pub key_type: KeyType,
    /// Every column, in the document's order.
    pub columns: Vec<Column>,
    /// Index of the key column.
    pub key_column: usize,
    /// Index of the name column (the key column when the table has no name column).
    pub name_column: usize,
    /// Whether rows may share a code (manifest `shared-codes`).
    pub shared_codes: bool,
    /// Whether unique integer codes are the discriminants (manifest `discriminants`).
    pub discriminants: bool,
    /// How cells are stored (manifest `layout`).
    pub layout: crate::manifest::Layout,
    /// One variant per row, in the document's order.
    pub variants: Vec<Variant>,
}

/// A column of a table.
#[derive(Debug)]
pub struct Column {
    /// The header's plain text.
    pub header: String,
    /// The accessor method; `None` for the key and name columns, which have `code`/`name`.
    pub accessor: Option<String>,
}

/// A row of a table.
#[derive(Debug)]
pub struct Variant {
    /// The variant's identifier.
    pub ident: String,
    /// The parsed code.
    pub key: Key,
    /// The code as written in the key cell (after `key-pattern`).
    pub key_text: String,
    /// The plain text of every cell, in column order.
    pub cells: Vec<String>,
    /// The rustdoc Markdown of every cell, in column order.
    pub docs: Vec<String>,
}

/// A parsed code.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Key {
    /// An integer code.
    Int(u64),
    /// A string code.
    Str(String),
}

/// Builds the model, or returns every problem found.
pub fn build(
    manifest_path: &str,
    manifest: &Manifest,
    pages: &Pages,
) -> Result<Catalog, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let mut parsed: BTreeMap<&str, Page<'_>> = BTreeMap::new();
    for spec in &manifest.tables {
        let page_key = spec.page.get_ref().as_str();
        if parsed.contains_key(page_key) {
            continue;
        }
        match pages.get(page_key) {
            Some(PageText { text: Ok(text), .. }) => {
                parsed.insert(page_key, markdown::parse(text));
            }
            Some(PageText { text: Err(reason), .. }) => problems.push(
                Diagnostic::error(format!("cannot read page `{page_key}`: {reason}"))
                    .with_label(Label::primary(manifest_path, spec.page.span(), "page named here")),
            ),
            None => problems
                .push(Diagnostic::error(format!("page `{page_key}` was not loaded")).with_label(
                    Label::primary(manifest_path, spec.page.span(), "page named here"),
                )),
        }
    }

    let mut tables = Vec::new();
    for spec in &manifest.tables {
        let Some(page) = parsed.get(spec.page.get_ref().as_str()) else { continue };
        let path = &pages[spec.page.get_ref().as_str()].path;
        let context = TableContext { manifest_path, spec, page, path };
        match context.build(&mut problems) {
            Some(built) => tables.push(built),
            None => continue,
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }

    let mut modules: BTreeMap<String, Module> = BTreeMap::new();
    for built in &tables {
        let module = modules.entry(built.spec.module.get_ref().clone()).or_insert_with(|| Module {
            name: built.spec.module.get_ref().clone(),
            source: built.path.clone(),
            title: built.page.title.as_ref().map(|t| t.text.clone()).unwrap_or_default(),
            prose: module_prose(built.page, built.spec.page.get_ref(), &built.base, &tables),
            enums: Vec::new(),
        });
        module.enums.push(built.enum_model());
    }
    Ok(Catalog { modules: modules.into_values().collect() })
}

/// The page's prose with its title and tables taken out, and each generated table replaced
/// by a link to its enum.
fn module_prose(page: &Page<'_>, page_key: &str, base: &Url, tables: &[BuiltTable<'_>]) -> String {
    let mut skip: Vec<Range<usize>> = page.tables.iter().map(|t| t.events.clone()).collect();
    skip.extend(page.title.as_ref().map(|t| t.events.clone()));
    let replacements: Vec<Replacement> = tables
        .iter()
        .filter(|built| built.spec.page.get_ref() == page_key)
        .map(|built| Replacement {
            events: built.table.events.clone(),
            with: enum_link(built.spec.module.get_ref(), built.spec.enum_name.get_ref()),
        })
        .collect();
    rustdoc::prose(page, base, &skip, &replacements)
}

/// A paragraph "The table is generated as [`Enum`]." linking to the enum.
fn enum_link(module: &str, name: &str) -> Vec<Event<'static>> {
    let link = Tag::Link {
        link_type: LinkType::Inline,
        dest_url: format!("crate::{module}::{name}").into(),
        title: "".into(),
        id: "".into(),
    };
    vec![
        Event::Start(Tag::Paragraph),
        Event::Text("The table is generated as ".into()),
        Event::Start(link),
        Event::Code(name.to_owned().into()),
        Event::End(TagEnd::Link),
        Event::Text(".".into()),
        Event::End(TagEnd::Paragraph),
    ]
}

/// One manifest table being built against its page.
struct TableContext<'a, 'p> {
    manifest_path: &'a str,
    spec: &'a TableSpec,
    page: &'a Page<'p>,
    path: &'a str,
}

/// A table that passed validation, before it is turned into an [`Enum`].
struct BuiltTable<'a> {
    spec: &'a TableSpec,
    page: &'a Page<'a>,
    path: String,
    base: Url,
    table: &'a Table,
    title: String,
    columns: Vec<Column>,
    key_column: usize,
    name_column: usize,
    rows: Vec<NamedRow<'a>>,
}

/// A row with its code and variant name.
struct NamedRow<'a> {
    ident: String,
    key: Key,
    key_text: String,
    row: &'a markdown::Row,
}

/// A row whose code parsed, before it is named.
struct KeyedRow<'a> {
    key: Key,
    key_text: String,
    row: &'a markdown::Row,
}

impl<'a> BuiltTable<'a> {
    fn enum_model(&self) -> Enum {
        let variants = parallel::map(&self.rows, |named| Variant {
            ident: named.ident.clone(),
            key: named.key.clone(),
            key_text: named.key_text.clone(),
            cells: named.row.cells.iter().map(|cell| cell.text.clone()).collect(),
            docs: named
                .row
                .cells
                .iter()
                .map(|cell| rustdoc::inline(self.page.source, cell, &self.base))
                .collect(),
        });
        Enum {
            name: self.spec.enum_name.get_ref().clone(),
            title: self.title.clone(),
            url: self.spec.url.get_ref().clone(),
            source: self.path.clone(),
            key_type: *self.spec.key_type.get_ref(),
            columns: self
                .columns
                .iter()
                .map(|c| Column { header: c.header.clone(), accessor: c.accessor.clone() })
                .collect(),
            key_column: self.key_column,
            name_column: self.name_column,
            shared_codes: self.spec.shared_codes,
            discriminants: self.spec.discriminants,
            layout: self.spec.layout,
            variants,
        }
    }
}

impl<'a, 'p: 'a> TableContext<'a, 'p> {
    fn error_at_manifest(&self, span: Range<usize>, message: String, label: &str) -> Diagnostic {
        Diagnostic::error(message).with_label(Label::primary(self.manifest_path, span, label))
    }

    fn error_at_page(&self, span: Range<usize>, message: String, label: &str) -> Diagnostic {
        Diagnostic::error(message).with_label(Label::primary(self.path, span, label))
    }

    fn build(&self, problems: &mut Vec<Diagnostic>) -> Option<BuiltTable<'a>>
    where
        'p: 'a,
    {
        let start = problems.len();
        let base = match Url::parse(self.spec.url.get_ref()) {
            Ok(url) => Some(url),
            Err(error) => {
                problems.push(self.error_at_manifest(
                    self.spec.url.span(),
                    format!("`{}` is not an absolute URL: {error}", self.spec.url.get_ref()),
                    "the page's published URL",
                ));
                None
            }
        };
        let pattern = self.key_pattern(problems);
        let table = self.select_table(problems)?;
        let columns = self.columns(table, problems)?;
        let (key_column, name_column, columns) = columns;
        let rows = self.rows(table, key_column, name_column, pattern.as_ref(), problems);
        if problems.len() > start {
            return None;
        }
        let title = table
            .caption
            .as_ref()
            .or(table.heading.as_ref())
            .or(self.page.title.as_ref())
            .map(|h| h.text.clone())
            .unwrap_or_else(|| self.spec.enum_name.get_ref().clone());
        // Sound: `'p: 'a`, so the page outlives the borrow.
        let page: &'a Page<'a> = self.page;
        Some(BuiltTable {
            spec: self.spec,
            page,
            path: self.path.to_owned(),
            base: base?,
            table,
            title,
            columns,
            key_column,
            name_column,
            rows,
        })
    }

    /// The table the manifest asks for, by heading, caption and index.
    fn select_table(&self, problems: &mut Vec<Diagnostic>) -> Option<&'a Table> {
        let spec = self.spec;
        let matches = |wanted: &Option<toml::Spanned<String>>,
                       found: &Option<markdown::Heading>| {
            wanted.as_ref().is_none_or(|wanted| {
                found.as_ref().is_some_and(|found| same_text(&found.text, wanted.get_ref()))
            })
        };
        let candidates: Vec<&Table> = self
            .page
            .tables
            .iter()
            .filter(|t| matches(&spec.heading, &t.heading) && matches(&spec.caption, &t.caption))
            .collect();
        let described = || describe_tables(self.page);
        match (&spec.index, candidates.len()) {
            (Some(index), _) => match candidates.get(*index.get_ref()) {
                Some(table) => Some(table),
                None => {
                    problems.push(
                        self.error_at_manifest(
                            index.span(),
                            format!(
                                "there is no table {} among the {} matching table(s) on `{}`",
                                index.get_ref(),
                                candidates.len(),
                                self.path
                            ),
                            "index out of range",
                        )
                        .with_note(described()),
                    );
                    None
                }
            },
            (None, 1) => Some(candidates[0]),
            (None, 0) => {
                let (span, wanted) = match (&spec.heading, &spec.caption) {
                    (Some(h), _) => (h.span(), format!("under the heading `{}`", h.get_ref())),
                    (None, Some(c)) => (c.span(), format!("under the caption `{}`", c.get_ref())),
                    (None, None) => (spec.page.span(), "at all".to_owned()),
                };
                problems.push(
                    self.error_at_manifest(
                        span,
                        format!("`{}` has no table {wanted}", self.path),
                        "no such table",
                    )
                    .with_note(described()),
                );
                None
            }
            (None, count) => {
                problems.push(
                    self.error_at_manifest(
                        spec.page.span(),
                        format!(
                            "`{}` has {count} tables that match; which one is meant?",
                            self.path
                        ),
                        "more than one table",
                    )
                    .with_note(described())
                    .with_help("add `heading`, `caption` or `index` to the [[table]] entry"),
                );
                None
            }
        }
    }

    /// The key and name columns and every column's accessor.
    fn columns(
        &self,
        table: &Table,
        problems: &mut Vec<Diagnostic>,
    ) -> Option<(usize, usize, Vec<Column>)> {
        let headers: Vec<&str> = table.header.iter().map(|cell| cell.text.as_str()).collect();
        let find = |wanted: &toml::Spanned<String>, problems: &mut Vec<Diagnostic>| {
            let found = headers.iter().position(|header| same_text(header, wanted.get_ref()));
            if found.is_none() {
                let mut diagnostic = self
                    .error_at_manifest(
                        wanted.span(),
                        format!("the table has no column `{}`", wanted.get_ref()),
                        "no such column",
                    )
                    .with_label(Label::secondary(
                        self.path,
                        table.header_span(),
                        "the table's headers",
                    ))
                    .with_note(format!("the columns are: {}", quoted_list(&headers)));
                if let Some(closest) = closest(wanted.get_ref(), &headers) {
                    diagnostic = diagnostic.with_help(format!("did you mean `{closest}`?"));
                }
                problems.push(diagnostic);
            }
            found
        };
        let key_column = find(&self.spec.key_column, problems);
        let name_column = match &self.spec.name_column {
            Some(name) => find(name, problems),
            None => key_column,
        };
        for cell in &table.header {
            if cell.text.is_empty() {
                problems.push(self.error_at_page(
                    cell.span.clone(),
                    "empty column header".into(),
                    "header needed",
                ));
            }
        }
        let (key_column, name_column) = (key_column?, name_column?);
        let pinned: BTreeMap<String, &toml::Spanned<String>> = self
            .spec
            .accessors
            .iter()
            .map(|(header, name)| (normalize(header.get_ref()), name))
            .collect();
        for (header, name) in &self.spec.accessors {
            if !headers.iter().any(|h| same_text(h, header.get_ref())) {
                problems.push(
                    self.error_at_manifest(
                        header.span(),
                        format!(
                            "`accessors` names the column `{}`, which the table does not have",
                            header.get_ref()
                        ),
                        "no such column",
                    )
                    .with_note(format!("the columns are: {}", quoted_list(&headers))),
                );
            }
            if !naming::is_identifier(name.get_ref()) || name.get_ref().starts_with("r#") {
                problems.push(self.error_at_manifest(
                    name.span(),
                    format!("`{}` is not a valid method name", name.get_ref()),
                    "not a Rust identifier",
                ));
            }
        }
        let mut columns = Vec::new();
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for (index, cell) in table.header.iter().enumerate() {
            // With `key-pattern`, the key cell holds more than the code: keep it reachable.
            let key_cell_is_code = index == key_column && self.spec.key_pattern.is_none();
            let accessor = if key_cell_is_code || index == name_column {
                None
            } else {
                let name = match pinned.get(&normalize(&cell.text)) {
                    Some(name) => name.get_ref().clone(),
                    None => naming::accessor_name(&cell.text),
                };
                let help = format!(
                    "pin another name in the manifest: `accessors = {{ \"{}\" = \"...\" }}`",
                    cell.text
                );
                let bare = name.trim_start_matches("r#");
                if bare.is_empty() && !cell.text.is_empty() {
                    problems.push(
                        self.error_at_page(
                            cell.span.clone(),
                            format!("cannot make a method name from the header `{}`", cell.text),
                            "header here",
                        )
                        .with_help(help),
                    );
                } else if naming::RESERVED_METHODS.contains(&bare) {
                    problems.push(
                        self.error_at_page(cell.span.clone(), format!("the column `{}` would generate the method `{bare}`, which every catalog already has", cell.text), "header here")
                            .with_help(help),
                    );
                } else if let Some(&first) = seen.get(bare) {
                    problems.push(
                        self.error_at_page(
                            cell.span.clone(),
                            format!("two columns generate the method `{bare}`"),
                            "second column",
                        )
                        .with_label(Label::secondary(
                            self.path,
                            table.header[first].span.clone(),
                            "first column",
                        ))
                        .with_help(help),
                    );
                } else {
                    seen.insert(bare.to_owned(), index);
                }
                Some(name)
            };
            columns.push(Column { header: cell.text.clone(), accessor });
        }
        Some((key_column, name_column, columns))
    }

    /// The manifest's `key-pattern`, compiled; `None` when absent or invalid (reported).
    fn key_pattern(&self, problems: &mut Vec<Diagnostic>) -> Option<Regex> {
        let pattern = self.spec.key_pattern.as_ref()?;
        match Regex::new(pattern.get_ref()) {
            Ok(regex) => Some(regex),
            Err(error) => {
                problems.push(
                    self.error_at_manifest(
                        pattern.span(),
                        format!("`key-pattern` is not a valid regular expression: {error}"),
                        "invalid pattern",
                    )
                    .with_help("write a Rust `regex` pattern, e.g. '^(\\d+)' for leading digits"),
                );
                None
            }
        }
    }

    /// Every row's variant name and key, or the problems with them.
    fn rows(
        &self,
        table: &'a Table,
        key_column: usize,
        name_column: usize,
        pattern: Option<&Regex>,
        problems: &mut Vec<Diagnostic>,
    ) -> Vec<NamedRow<'a>> {
        let key_type = *self.spec.key_type.get_ref();
        let mut rows = Vec::new();
        // Where each code was first seen, or with shared codes, each code and name.
        let mut first: HashMap<(Key, Option<&str>), Range<usize>> = HashMap::new();
        for row in &table.rows {
            self.check_width(table, row, problems);
            let key_cell = &row.cells[key_column];
            let name_cell = &row.cells[name_column];
            if key_cell.missing || name_cell.missing {
                continue;
            }
            let Some(key_text) = self.key_text(key_cell, pattern, problems) else { continue };
            let Some(key) = self.parse_key(key_cell, &key_text, key_type, problems) else {
                continue;
            };
            if name_cell.text.is_empty() {
                problems.push(self.error_at_page(
                    name_cell.span.clone(),
                    "empty name cell".into(),
                    "name needed",
                ));
                continue;
            }
            let identity = (key.clone(), self.spec.shared_codes.then_some(name_cell.text.as_str()));
            let first_seen = first.get(&identity);
            if self.spec.shared_codes {
                if let Some(first) = first_seen {
                    problems.push(
                        self.error_at_page(
                            key_cell.span.clone(),
                            format!(
                                "duplicate row: code {key_text} with the name `{}`",
                                name_cell.text
                            ),
                            "used again here",
                        )
                        .with_label(Label::secondary(self.path, first.clone(), "first used here"))
                        .with_help("rows that share a code need different names"),
                    );
                    continue;
                }
            } else if let Some(first) = first_seen {
                problems.push(
                    self.error_at_page(
                        key_cell.span.clone(),
                        format!("duplicate code {key_text}"),
                        "used again here",
                    )
                    .with_label(Label::secondary(self.path, first.clone(), "first used here"))
                    .with_help(
                        "every row needs its own code; remove or fix one of the rows, or set \
                         `shared-codes = true` in the manifest if rows may share a code",
                    ),
                );
                continue;
            }
            first.insert(identity, key_cell.span.clone());
            rows.push(KeyedRow { key, key_text, row });
        }
        if self.spec.shared_codes {
            self.check_identifiable(&rows, name_column, problems);
        }
        self.name_variants(rows, name_column, problems)
    }

    /// Reports a row with fewer or more cells than the table has columns.
    fn check_width(&self, table: &Table, row: &markdown::Row, problems: &mut Vec<Diagnostic>) {
        let width = table.header.len();
        let present = row.cells.iter().filter(|cell| !cell.missing).count();
        if present < width {
            let missing: Vec<&str> =
                table.header[present..].iter().map(|cell| cell.text.as_str()).collect();
            problems.push(
                self.error_at_page(
                    row.cells[present].span.clone(),
                    format!("row has {present} cells, the table has {width} columns"),
                    "row ends here",
                )
                .with_note(format!("missing: {}", quoted_list(&missing)))
                .with_help("add the missing cells, empty ones (`|  |`) if there is nothing to say"),
            );
        }
        if let Some(extra) = &row.extra {
            problems.push(
                self.error_at_page(
                    extra.clone(),
                    format!("row has more cells than the table's {width} columns"),
                    "these cells would be dropped",
                )
                .with_help("add a column header for them, or escape a `|` inside a cell as `\\|`"),
            );
        }
    }

    /// With shared codes, every row must still be found by its code or its name: a row whose
    /// code and name both repeat could not be looked up or deserialized.
    fn check_identifiable(
        &self,
        rows: &[KeyedRow<'a>],
        name_column: usize,
        problems: &mut Vec<Diagnostic>,
    ) {
        let mut codes: BTreeMap<&Key, usize> = BTreeMap::new();
        let mut names: BTreeMap<&str, usize> = BTreeMap::new();
        for keyed in rows {
            *codes.entry(&keyed.key).or_default() += 1;
            *names.entry(keyed.row.cells[name_column].text.as_str()).or_default() += 1;
        }
        for keyed in rows {
            let name = &keyed.row.cells[name_column];
            if codes[&keyed.key] > 1 && names[name.text.as_str()] > 1 {
                problems.push(
                    self.error_at_page(
                        name.span.clone(),
                        format!(
                            "the row with code {} and name `{}` cannot be told apart: other rows \
                             share its code, and others its name",
                            keyed.key_text, name.text
                        ),
                        "name shared with another row",
                    )
                    .with_help("give the row a name no other row has"),
                );
            }
        }
    }

    /// The code as written in `cell`: the whole cell, or what `key-pattern` finds in it.
    fn key_text(
        &self,
        cell: &Cell,
        pattern: Option<&Regex>,
        problems: &mut Vec<Diagnostic>,
    ) -> Option<String> {
        let text = cell.text.as_str();
        if text.is_empty() {
            problems.push(self.error_at_page(
                cell.span.clone(),
                "empty code cell".into(),
                "code needed",
            ));
            return None;
        }
        let Some(pattern) = pattern else { return Some(text.to_owned()) };
        let found = pattern.captures(text).and_then(|captures| captures.get(1).or(captures.get(0)));
        match found {
            Some(code) if !code.as_str().is_empty() => Some(code.as_str().to_owned()),
            _ => {
                let spec = self.spec.key_pattern.as_ref().expect("a pattern implies key-pattern");
                problems.push(
                    self.error_at_page(
                        cell.span.clone(),
                        format!("no code in `{text}`: `key-pattern` does not match it"),
                        "no code found",
                    )
                    .with_label(Label::secondary(
                        self.manifest_path,
                        spec.span(),
                        "the pattern",
                    )),
                );
                None
            }
        }
    }

    fn parse_key(
        &self,
        cell: &Cell,
        text: &str,
        key_type: KeyType,
        problems: &mut Vec<Diagnostic>,
    ) -> Option<Key> {
        let Some(max) = key_type.max() else { return Some(Key::Str(text.to_owned())) };
        let parsed = match text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
            Some(hex) => u64::from_str_radix(hex, 16),
            None if text.bytes().all(|b| b.is_ascii_digit()) => text.parse::<u64>(),
            None => "-".parse::<u64>(),
        };
        match parsed {
            Ok(value) if value <= max => Some(Key::Int(value)),
            Ok(_) => {
                problems.push(
                    self.error_at_page(
                        cell.span.clone(),
                        format!("code `{text}` does not fit in `{}`", key_type.rust_name()),
                        "too large",
                    )
                    .with_help(format!(
                        "the largest `{}` is {max}; set a wider `key-type` in the manifest",
                        key_type.rust_name()
                    )),
                );
                None
            }
            Err(_) => {
                let help = if self.spec.key_pattern.is_some() {
                    "fix `key-pattern` in the manifest so that it finds only the code"
                } else {
                    "set `key-type = \"str\"` in the manifest for codes that are not numbers, \
                     or `key-pattern` to take the code out of a longer cell"
                };
                problems.push(
                    self.error_at_page(
                        cell.span.clone(),
                        format!("code `{text}` is not a `{}`", key_type.rust_name()),
                        "expected decimal digits or 0x and hex digits",
                    )
                    .with_help(help),
                );
                None
            }
        }
    }

    /// Variant names: pinned, or from the name cell; names that occur twice take their code
    /// as a suffix (`DiskFull1050`); anything still colliding is an error.
    ///
    /// A pin's key is the code as written, or (where rows share a code) the name cell's text.
    fn name_variants(
        &self,
        rows: Vec<KeyedRow<'a>>,
        name_column: usize,
        problems: &mut Vec<Diagnostic>,
    ) -> Vec<NamedRow<'a>> {
        let suffix = self.spec.strip_suffix.as_ref().map(|s| s.get_ref().as_str());
        let pin_for = |keyed: &KeyedRow<'_>| {
            let name = keyed.row.cells[name_column].text.as_str();
            self.spec.variants.iter().find_map(|(code, pinned)| {
                let code = code.get_ref().as_str();
                (code == keyed.key_text || code == name).then_some(pinned)
            })
        };
        for (code, name) in &self.spec.variants {
            let code_text = code.get_ref().as_str();
            let matching = rows
                .iter()
                .filter(|keyed| {
                    keyed.key_text == code_text || keyed.row.cells[name_column].text == code_text
                })
                .count();
            if matching == 0 {
                problems.push(self.error_at_manifest(
                    code.span(),
                    format!(
                        "a variant name is pinned for the code `{code_text}`, which the table does not have"
                    ),
                    "no row has this code",
                ));
            } else if matching > 1 {
                problems.push(
                    self.error_at_manifest(
                        code.span(),
                        format!("`{code_text}` is the code or name of {matching} rows; a pin must pick one"),
                        "ambiguous pin",
                    )
                    .with_help("pin by the row's name where rows share a code"),
                );
            }
            if !naming::is_identifier(name.get_ref()) || name.get_ref().starts_with("r#") {
                problems.push(self.error_at_manifest(
                    name.span(),
                    format!("`{}` is not a valid variant name", name.get_ref()),
                    "not a Rust identifier",
                ));
            }
        }
        let mut names: Vec<(String, bool)> = parallel::map(&rows, |keyed| match pin_for(keyed) {
            Some(name) => (name.get_ref().clone(), true),
            None => {
                let from_name = naming::variant_name(&keyed.row.cells[name_column].text, suffix);
                if from_name.is_empty() {
                    (naming::variant_name(&keyed.key_text, None), false)
                } else {
                    (from_name, false)
                }
            }
        });
        // Lookups only, never iterated: hash maps keep the output independent of their order.
        let repeated: Vec<bool> = {
            let mut count: HashMap<&str, usize> = HashMap::with_capacity(names.len());
            for (name, _) in &names {
                *count.entry(name.as_str()).or_default() += 1;
            }
            names.iter().map(|(name, pinned)| !pinned && count[name.as_str()] > 1).collect()
        };
        for (((name, _), keyed), repeated) in names.iter_mut().zip(&rows).zip(repeated) {
            if repeated {
                name.push_str(&naming::disambiguator(&keyed.key_text));
            }
        }
        let mut first: HashMap<&str, usize> = HashMap::with_capacity(names.len());
        for (index, ((name, _), keyed)) in names.iter().zip(&rows).enumerate() {
            let cell = &keyed.row.cells[name_column];
            let help = || {
                format!(
                    "pin a name in the manifest: `variants = {{ \"{}\" = \"...\" }}`",
                    if self.spec.shared_codes { &cell.text } else { &keyed.key_text }
                )
            };
            if name.is_empty() {
                problems.push(
                    self.error_at_page(
                        cell.span.clone(),
                        format!("cannot make a variant name from `{}`", cell.text),
                        "no letters or digits",
                    )
                    .with_help(help()),
                );
            } else if let Some(&earlier) = first.get(name.as_str()) {
                problems.push(
                    self.error_at_page(
                        cell.span.clone(),
                        format!("two rows generate the variant `{name}`"),
                        "second row",
                    )
                    .with_label(Label::secondary(
                        self.path,
                        rows[earlier].row.cells[name_column].span.clone(),
                        "first row",
                    ))
                    .with_help(help()),
                );
            } else {
                first.insert(name, index);
            }
        }
        names
            .into_iter()
            .zip(rows)
            .map(|((ident, _), keyed)| NamedRow {
                ident,
                key: keyed.key,
                key_text: keyed.key_text,
                row: keyed.row,
            })
            .collect()
    }
}

impl Table {
    /// The span of the header row.
    fn header_span(&self) -> Range<usize> {
        match (self.header.first(), self.header.last()) {
            (Some(first), Some(last)) => first.span.start..last.span.end,
            _ => self.span.clone(),
        }
    }
}

/// Header and heading text compared as a reader would: case and runs of spaces ignored.
fn same_text(a: &str, b: &str) -> bool {
    normalize(a) == normalize(b)
}

fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

fn quoted_list(items: &[&str]) -> String {
    items.iter().map(|item| format!("`{item}`")).collect::<Vec<_>>().join(", ")
}

/// The candidate closest to `wanted`, if any is close enough to be a likely typo.
fn closest<'c>(wanted: &str, candidates: &[&'c str]) -> Option<&'c str> {
    candidates
        .iter()
        .map(|candidate| {
            (
                strsim::normalized_damerau_levenshtein(&normalize(wanted), &normalize(candidate)),
                *candidate,
            )
        })
        .filter(|(score, _)| *score >= 0.5)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

/// "the page's tables: 0: under `Heading` (caption `Caption`), ..." for a note.
fn describe_tables(page: &Page<'_>) -> String {
    if page.tables.is_empty() {
        return "the page has no tables".to_owned();
    }
    let described: Vec<String> = page
        .tables
        .iter()
        .enumerate()
        .map(|(index, table)| {
            let (line, _) = markdown::line_column(page.source, table.span.start);
            let mut text = format!("table {index} on line {line}");
            if let Some(heading) = &table.heading {
                text.push_str(&format!(" under the heading `{}`", heading.text));
            }
            if let Some(caption) = &table.caption {
                text.push_str(&format!(" with the caption `{}`", caption.text));
            }
            text
        })
        .collect();
    format!("the page's tables: {}", described.join("; "))
}
