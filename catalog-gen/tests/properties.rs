//! For arbitrary tables of arbitrary cell text, generation either reports diagnostics or
//! returns code that parses, in which every cell's text is carried exactly.

use catalog_gen::Input;
use proptest::prelude::*;
use syn::visit::Visit;

const MANIFEST: &str = r#"output = "out"
[[table]]
page = "page.md"
url = "https://example.com/guide/page.html"
module = "page"
enum = "Generated"
key-column = "Code"
key-type = "KEY"
name-column = "Name"
"#;

/// Markdown for a cell whose plain text is exactly `text`: every ASCII punctuation character
/// backslash-escaped, so nothing in it is markup.
fn escape(text: &str) -> String {
    let mut escaped = String::new();
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

/// Cell text: any printable characters, spaces included, no line breaks or control characters.
fn cell_text() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[^\\p{Cc}\\p{Zl}\\p{Zp}]{0,40}").unwrap()
}

/// Every string literal inside the `ROWS` constant, in order.
struct RowLiterals(Vec<String>, bool);

impl<'ast> Visit<'ast> for RowLiterals {
    fn visit_impl_item_const(&mut self, item: &'ast syn::ImplItemConst) {
        self.1 = item.ident == "ROWS";
        self.visit_expr(&item.expr);
        self.1 = false;
    }

    fn visit_lit_str(&mut self, literal: &'ast syn::LitStr) {
        if self.1 {
            self.0.push(literal.value());
        }
    }
}

fn generate(key_type: &str, rows: &[(String, String, String)]) -> Result<String, String> {
    let mut page = String::from("# Page\n\n| Code | Name | Details |\n| --- | --- | --- |\n");
    for (code, name, details) in rows {
        page.push_str(&format!("| {} | {} | {} |\n", escape(code), escape(name), escape(details)));
    }
    let pages = catalog_gen::pages_in_memory([("page.md", page)]);
    let manifest = MANIFEST.replace("KEY", key_type);
    let input = Input {
        manifest_path: "catalog.toml",
        manifest_text: &manifest,
        pages: &pages,
        command: "cargo xtask regen",
    };
    match catalog_gen::generate(&input) {
        Ok(files) => Ok(files.into_iter().find(|f| f.path == "page.rs").unwrap().text.to_string()),
        Err(failure) => Err(failure.render(false)),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn cells_round_trip_into_code_that_parses(
        cells in proptest::collection::vec((cell_text(), cell_text()), 1..8),
        string_keys in any::<bool>(),
    ) {
        // Unique, valid codes, so the only possible problems come from the names.
        let rows: Vec<(String, String, String)> = cells
            .into_iter()
            .enumerate()
            .map(|(index, (name, details))| (format!("{}", index + 1), format!("n{name}"), details))
            .collect();
        let key_type = if string_keys { "str" } else { "u16" };
        match generate(key_type, &rows) {
            Ok(text) => {
                let file = syn::parse_file(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
                let mut literals = RowLiterals(Vec::new(), false);
                literals.visit_file(&file);
                let expected: Vec<String> = rows
                    .iter()
                    .flat_map(|(code, name, details)| [code.trim(), name.trim(), details.trim()])
                    .map(str::to_owned)
                    .collect();
                prop_assert_eq!(literals.0, expected);
            }
            Err(report) => {
                // Names may collide after case conversion even with their code suffix.
                prop_assert!(report.contains("two rows generate the variant"), "{}", report);
            }
        }
    }
}

#[test]
fn an_escaped_odd_cell_round_trips() {
    let odd = "a \"quoted\" \\ back */ /* #[x] {} <T>html</T> | pipe é";
    let rows = [("7".to_owned(), "Self".to_owned(), odd.to_owned())];
    let text = generate("u16", &rows).unwrap();
    let file = syn::parse_file(&text).unwrap();
    let mut literals = RowLiterals(Vec::new(), false);
    literals.visit_file(&file);
    assert_eq!(literals.0, ["7", "Self", odd]);
    assert!(text.contains("Self_ = 7,"), "{text}");
}
