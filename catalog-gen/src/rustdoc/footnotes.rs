//! A page's footnote definitions, carried into the doc comments whose cells refer to them.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use pulldown_cmark::{Event, Tag, TagEnd};
use unicase::UniCase;
use url::Url;

use super::ANY_FOOTNOTE;
use super::render::render;
use crate::markdown::Page;

/// A page's footnote definitions as rustdoc Markdown (`[^label]: …`, links made absolute), for
/// the variants whose cells refer to one (`Y[^4]`). rustdoc, like GitHub, shows a reference as
/// a footnote only where its definition is in the same doc comment, and clippy warns of one
/// without (`doc_suspicious_footnotes`); the definition is on the page, far from the table
/// (TiDB's feature tables), so a cell quoted as written needs it carried along.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Footnotes {
    /// Each definition's Markdown by its label, matched as pulldown-cmark matches labels.
    by_label: HashMap<UniCase<String>, String>,
}

impl Footnotes {
    /// The footnotes defined on `page`, published at `base`; where a label is defined twice,
    /// the first definition, as GitHub shows it.
    pub fn of(page: &Page<'_>, base: &Url) -> Self {
        let mut by_label = HashMap::new();
        let mut events = page.events.iter().map(|(event, _)| event);
        while let Some(start) = events.next() {
            let Event::Start(Tag::FootnoteDefinition(label)) = start else { continue };
            let mut definition = vec![start.clone()];
            for event in events.by_ref() {
                definition.push(event.clone());
                if matches!(event, Event::End(TagEnd::FootnoteDefinition)) {
                    break;
                }
            }
            let label = UniCase::new(label.to_string());
            if let Entry::Vacant(entry) = by_label.entry(label) {
                entry.insert(render(definition, base).trim().to_owned());
            }
        }
        Footnotes { by_label }
    }

    /// Appends to `doc` the definition of each footnote it refers to that the page defines,
    /// once, in the order first referred to; then those the definitions refer to.
    pub fn complete(&self, doc: &mut String) {
        if self.by_label.is_empty() {
            return;
        }
        let mut added: Vec<UniCase<String>> = Vec::new();
        let mut unread = 0;
        while unread < doc.len() {
            let read = doc.len();
            for label in references(&doc[unread..]) {
                let label = UniCase::new(label);
                let Some(definition) = self.by_label.get(&label) else { continue };
                if !added.contains(&label) {
                    doc.push_str("\n\n");
                    doc.push_str(definition);
                    added.push(label);
                }
            }
            unread = read;
        }
    }
}

/// The labels of the footnote references in `markdown`, in order, whether or not it defines
/// them.
pub(super) fn references(markdown: &str) -> Vec<String> {
    let events = pulldown_cmark::Parser::new_ext(markdown, ANY_FOOTNOTE);
    let labels = events.filter_map(|event| match event {
        Event::FootnoteReference(label) => Some(label.into_string()),
        _ => None,
    });
    labels.collect()
}
