//! Generic code over every catalog through the [`Entry`] trait: lists each table as
//! Markdown, or looks a code or name up in all of them.
//!
//! ```text
//! cargo run -p catalog --example list_catalogs            # every table, as Markdown
//! cargo run -p catalog --example list_catalogs -- 404      # a code or name, in every table
//! ```

use std::fmt::Write;

use catalog::Entry;
use catalog::mediaconvert::ErrorCode;
use catalog::mediatailor::ClientPlaybackError;

/// A table, rendered back to Markdown from the generated data alone.
fn markdown<E: Entry>() -> String {
    let table = E::TABLE;
    let mut text = format!("## {} (`{}`)\n\nSource: <{}>\n\n", table.title, table.name, table.url);
    let _ = writeln!(text, "| {} |", table.columns.join(" | "));
    let _ = writeln!(text, "|{}", " --- |".repeat(table.columns.len()));
    for entry in E::ALL {
        let cells: Vec<String> = entry
            .fields()
            .map(|(_, cell)| cell.replace('|', "\\|").replace('\n', "<br>"))
            .collect();
        let _ = writeln!(text, "| {} |", cells.join(" | "));
    }
    text
}

/// The entry a code or name stands for in one table, with every documented field.
fn lookup<E: Entry>(query: &str) -> Option<String> {
    let entry = E::from_code_text(query).or_else(|| E::from_name(query))?;
    let mut text = format!("{}: {entry}\n", E::TABLE.name);
    for (header, cell) in entry.fields() {
        let _ = writeln!(text, "  {header}: {cell}");
    }
    let _ = writeln!(text, "  (from {})", E::TABLE.url);
    Some(text)
}

fn main() {
    match std::env::args().nth(1) {
        None => {
            print!("{}\n{}", markdown::<ClientPlaybackError>(), markdown::<ErrorCode>());
        }
        Some(query) => {
            let found: Vec<String> =
                [lookup::<ClientPlaybackError>(&query), lookup::<ErrorCode>(&query)]
                    .into_iter()
                    .flatten()
                    .collect();
            if found.is_empty() {
                println!("`{query}` is not a code or unique name in any catalog");
            }
            print!("{}", found.join("\n"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_render_back_to_markdown_with_every_row() {
        let text = markdown::<ErrorCode>();
        assert!(text.contains("| Error code | Message | Details |"), "{text}");
        assert_eq!(
            text.lines().filter(|line| line.starts_with("| ")).count(),
            2 + ErrorCode::ALL.len()
        );
    }

    #[test]
    fn a_query_finds_its_entry_in_the_right_table() {
        let found = lookup::<ClientPlaybackError>("404").unwrap();
        assert!(found.contains("  Exception Name: NotFoundException"), "{found}");
        assert_eq!(lookup::<ErrorCode>("404"), None);
        assert!(lookup::<ErrorCode>("Input Error").unwrap().contains("1010"));
    }
}
