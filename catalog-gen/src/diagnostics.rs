//! Problems found in the docs or the manifest, and their rendering in rustc's style.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

/// A problem with the input, pointing at the text that causes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// One line saying what is wrong.
    pub message: String,
    /// The places involved; the first primary label is the main one.
    pub labels: Vec<Label>,
    /// Further facts (`note: ...`).
    pub notes: Vec<String>,
    /// How to fix it, where that is known (`help: ...`).
    pub help: Option<String>,
}

/// A span of a file with a short label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// The file's path, as shown to the user.
    pub path: String,
    /// The byte range in the file.
    pub span: Range<usize>,
    /// What this span is.
    pub text: String,
    /// The main location (underlined `^^^`) rather than context (`---`).
    pub primary: bool,
}

impl Label {
    /// The main location of a problem.
    pub fn primary(path: &str, span: Range<usize>, text: impl Into<String>) -> Self {
        Label { path: path.to_owned(), span, text: text.into(), primary: true }
    }

    /// A related location, such as the first occurrence of a duplicate.
    pub fn secondary(path: &str, span: Range<usize>, text: impl Into<String>) -> Self {
        Label { path: path.to_owned(), span, text: text.into(), primary: false }
    }
}

impl Diagnostic {
    /// An error with this message and no location yet.
    pub fn error(message: impl Into<String>) -> Self {
        Diagnostic { message: message.into(), labels: Vec::new(), notes: Vec::new(), help: None }
    }

    /// Adds a location.
    pub fn with_label(mut self, label: Label) -> Self {
        self.labels.push(label);
        self
    }

    /// Adds a note.
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// Sets the help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The main location: `(path, line, column)`, 1-based, the column counted in characters.
    pub fn location(&self, sources: &BTreeMap<String, String>) -> Option<(String, usize, usize)> {
        let label = self.labels.iter().find(|label| label.primary).or(self.labels.first())?;
        let source = sources.get(&label.path)?;
        let (line, column) = crate::source::line_column(source, label.span.start);
        Some((label.path.clone(), line, column))
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "error: {}", self.message)
    }
}

/// Renders diagnostics like rustc: message, `--> path:line:column`, the source line with the
/// span underlined, notes and help. `sources` holds the text of every file labels point into;
/// `color` adds ANSI colours.
pub fn render(
    diagnostics: &[Diagnostic],
    sources: &BTreeMap<String, String>,
    color: bool,
) -> String {
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    let mut out = String::new();
    for diagnostic in diagnostics {
        let mut group = Group::with_title(Level::ERROR.primary_title(diagnostic.message.as_str()));
        let mut paths: Vec<&str> = Vec::new();
        for label in &diagnostic.labels {
            if !paths.contains(&label.path.as_str()) {
                paths.push(&label.path);
            }
        }
        for path in paths {
            let Some(source) = sources.get(path) else {
                group = group.element(Level::NOTE.message(format!("in {path}")));
                continue;
            };
            let annotations =
                diagnostic.labels.iter().filter(|label| label.path == path).map(|label| {
                    let kind = if label.primary {
                        AnnotationKind::Primary
                    } else {
                        AnnotationKind::Context
                    };
                    kind.span(clamp(source, label.span.clone())).label(label.text.as_str())
                });
            group =
                group.element(Snippet::source(source.as_str()).path(path).annotations(annotations));
        }
        for note in &diagnostic.notes {
            group = group.element(Level::NOTE.message(note.as_str()));
        }
        if let Some(help) = &diagnostic.help {
            group = group.element(Level::HELP.message(help.as_str()));
        }
        out.push_str(&renderer.render(&[group]));
        out.push_str("\n\n");
    }
    let count = diagnostics.len();
    out.push_str(&format!(
        "error: found {count} problem{} in the docs or the manifest\n",
        if count == 1 { "" } else { "s" }
    ));
    out
}

/// A span within `source` and on character boundaries, so rendering never panics.
fn clamp(source: &str, span: Range<usize>) -> Range<usize> {
    let mut start = span.start.min(source.len());
    while !source.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = span.end.clamp(start, source.len());
    while !source.is_char_boundary(end) {
        end += 1;
    }
    start..end
}
