//! Problems found in the docs or the manifest, and their rendering in rustc's style. Errors
//! stop a regeneration; warnings are printed and it goes on (unless they are denied).

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// Nothing is generated.
    Error,
    /// Generated all the same; worth the docs writer's attention.
    Warning,
}

/// A problem with the input, pointing at the text that causes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// One line saying what is wrong.
    pub message: String,
    /// The places involved; the first primary label is the main one.
    pub labels: Vec<Label>,
    /// Further facts (`note: ...`).
    pub notes: Vec<String>,
    /// How to fix it, where that is known (`help: ...`).
    pub help: Option<String>,
    /// Whether the help reads rows of the checked-in API snapshot beyond those the manifest's
    /// pins and retirements name: a refused regen that read only those, or none, reads the
    /// snapshot whole and generates again for such a help.
    pub reads_snapshot: bool,
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
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            labels: Vec::new(),
            notes: Vec::new(),
            help: None,
            reads_snapshot: false,
        }
    }

    /// A warning with this message and no location yet.
    pub fn warning(message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(message) }
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// This warning as an error, for `--deny-warnings`.
    pub fn denied(mut self) -> Self {
        if self.severity == Severity::Warning {
            self.severity = Severity::Error;
            self.notes.push("warnings are denied (`--deny-warnings`)".to_owned());
        }
        self
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

    /// Marks the help as one that reads the API snapshot's rows ([`Diagnostic::reads_snapshot`]).
    pub fn reading_snapshot(mut self) -> Self {
        self.reads_snapshot = true;
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
        let level = if self.is_error() { "error" } else { "warning" };
        write!(f, "{level}: {}", self.message)
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
    let mut lines: BTreeMap<&str, LineStarts<'_>> = BTreeMap::new();
    for diagnostic in diagnostics {
        let level = if diagnostic.is_error() { Level::ERROR } else { Level::WARNING };
        let mut group = Group::with_title(level.primary_title(diagnostic.message.as_str()));
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
            let labels = || diagnostic.labels.iter().filter(|label| label.path == path);
            let spanned = || labels().map(|label| clamp(source, label.span.clone()));
            let lines = lines.entry(path).or_insert_with(|| LineStarts::new(source));
            let (excerpt, first_line, offset) = lines.excerpt(spanned());
            let annotations = labels().zip(spanned()).map(|(label, span)| {
                let kind =
                    if label.primary { AnnotationKind::Primary } else { AnnotationKind::Context };
                kind.span(span.start - offset..span.end - offset).label(label.text.as_str())
            });
            let snippet = Snippet::source(excerpt).line_start(first_line).path(path);
            group = group.element(snippet.annotations(annotations));
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
    out.push_str(&summary(diagnostics));
    out
}

/// The last line: errors and warnings counted apart, at the level of the worst.
fn summary(diagnostics: &[Diagnostic]) -> String {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    let plural =
        |count: usize, word: &str| format!("{count} {word}{}", if count == 1 { "" } else { "s" });
    match (errors, warnings) {
        (_, 0) => {
            format!("error: found {} in the docs or the manifest\n", plural(errors, "problem"))
        }
        (0, _) => format!("warning: {} in the docs or the manifest\n", plural(warnings, "warning")),
        _ => format!(
            "error: found {} and {} in the docs or the manifest\n",
            plural(errors, "problem"),
            plural(warnings, "warning")
        ),
    }
}

/// Where each line of a source starts, found once a render for each file: a snippet is given
/// only the lines its labels span, since annotate-snippets reads all the source it is given,
/// and a refused regen of a large page with thousands of problems read the page once for
/// each (20k problems at 40k rows: 22 s).
struct LineStarts<'s> {
    source: &'s str,
    /// The offset of every line's first byte, in order.
    starts: Vec<usize>,
}

impl<'s> LineStarts<'s> {
    fn new(source: &'s str) -> Self {
        let after_breaks = source.match_indices('\n').map(|(at, _)| at + 1);
        LineStarts { source, starts: std::iter::once(0).chain(after_breaks).collect() }
    }

    /// The whole lines that `spans` (within the source, at least one) touch, their last line
    /// break included; the first one's number (from 1), and the offset it starts at.
    fn excerpt(&self, spans: impl Iterator<Item = Range<usize>>) -> (&'s str, usize, usize) {
        let (low, high) = spans
            .fold((usize::MAX, 0), |(low, high), span| (low.min(span.start), high.max(span.end)));
        let line_of = |offset: usize| self.starts.partition_point(|&start| start <= offset) - 1;
        let (first, last) = (line_of(low.min(high)), line_of(high));
        let from = self.starts[first];
        let to = self.starts.get(last + 1).copied().unwrap_or(self.source.len());
        (&self.source[from..to], first + 1, from)
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A snippet cut to the lines its labels span renders as the whole source did: labels on
    /// one line, on lines apart, across a line break, at a line's end and at the end of a
    /// source without a last line break, in two files.
    #[test]
    fn a_snippet_of_the_labels_lines_renders_as_the_whole_source() {
        let page = "# T\n\n| a | b |\n| - | - |\n| 1 | x |\n| 2 | y |\n| 3 | z |";
        let manifest = "output = \"o\"\n[[table]]\nenum = \"E\"\n";
        let sources = BTreeMap::from([
            ("p.md".to_owned(), page.to_owned()),
            ("c.toml".to_owned(), manifest.to_owned()),
        ]);
        let end = page.len();
        let cases: [&[(&str, Range<usize>)]; 6] = [
            &[("p.md", 26..27)],
            &[("p.md", 26..27), ("p.md", 40..41)],
            &[("p.md", 10..30)],
            &[("p.md", 13..14)],
            &[("p.md", end - 1..end), ("p.md", 0..1)],
            &[("c.toml", 23..33), ("p.md", 34..35)],
        ];
        for labels in cases {
            let mut diagnostic = Diagnostic::error("problem");
            for (at, (path, span)) in labels.iter().enumerate() {
                let label = if at == 0 { Label::primary } else { Label::secondary };
                diagnostic = diagnostic.with_label(label(path, span.clone(), "here"));
            }
            let rendered = render(std::slice::from_ref(&diagnostic), &sources, false);
            // The whole source given to annotate-snippets, as before.
            let mut group = Group::with_title(Level::ERROR.primary_title("problem"));
            let mut paths: Vec<&str> = labels.iter().map(|(path, _)| *path).collect();
            paths.dedup();
            for path in paths {
                let annotations = diagnostic.labels.iter().filter(|l| l.path == path).map(|l| {
                    let kind =
                        if l.primary { AnnotationKind::Primary } else { AnnotationKind::Context };
                    kind.span(l.span.clone()).label(l.text.as_str())
                });
                let source = sources[path].as_str();
                group = group.element(Snippet::source(source).path(path).annotations(annotations));
            }
            let whole = Renderer::plain().render(&[group]);
            assert_eq!(rendered, format!("{whole}\n\n{}", summary(&[diagnostic])), "{labels:?}");
        }
    }
}
