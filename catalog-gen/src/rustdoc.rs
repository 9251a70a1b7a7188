//! Markdown for rustdoc: a page's events re-rendered with links made absolute against the
//! page's URL, anchors dropped and code blocks marked as text (so they are not doctests).
//!
//! Here: the page's prose and each cell's Markdown (kept from the page's text where it can be,
//! else re-rendered). The re-rendering is the `render` module's, the writing of events as
//! Markdown `written`'s, the footnotes a cell refers to `footnotes`', a replaced table in a
//! tight list's item `tight_items`', and link targets made absolute `links`'.

use std::cell::RefCell;
use std::ops::Range;
use std::sync::Arc;

use pulldown_cmark::{CowStr, Event, LinkType, Parser, Tag, TagEnd};
use rustc_hash::FxHashMap;
use url::Url;

use crate::markdown::{self, Cell, Kept, PARSER_OPTIONS, Page};
use crate::scan;

mod footnotes;
mod links;
mod render;
mod scripts;
mod tight_items;
mod written;

pub use footnotes::Footnotes;
pub use links::{Links, absolute, edits_serve_at};
use links::{is_absolute_inline, is_absolute_link, is_item_path, joins_plainly};
use render::render;
use tight_items::TightItems;

/// [`PARSER_OPTIONS`] with pulldown-cmark's older footnotes, where `[^n]` is a reference
/// without its definition too: for Markdown read in parts, away from the page's definitions.
const ANY_FOOTNOTE: pulldown_cmark::Options =
    PARSER_OPTIONS.union(pulldown_cmark::Options::ENABLE_OLD_FOOTNOTES);

/// A block of generated Markdown that takes the place of a table in the page's prose.
pub struct Replacement {
    /// Indices into [`Page::events`] of the table.
    pub events: Range<usize>,
    /// The Markdown events to put there instead.
    pub with: Vec<Event<'static>>,
}

/// The page's prose: every event but those in `skip` (the title, tables), with each
/// replacement's events at its place.
pub fn prose(
    page: &Page<'_>,
    base: &Url,
    skip: &[Range<usize>],
    replacements: &[Replacement],
) -> String {
    let mut events: Vec<Event<'_>> = Vec::new();
    let mut links = ItemPathLinks::default();
    let mut tight_items = TightItems::default();
    // Each found by where it starts, in that order, as the events are walked: looked for among
    // all of them at each event, a page of thousands of tables took seconds.
    let mut replacements: Vec<&Replacement> = replacements.iter().collect();
    replacements.sort_by_key(|replacement| replacement.events.start);
    let mut skip: Vec<&Range<usize>> = skip.iter().collect();
    skip.sort_by_key(|range| range.start);
    let (mut replacements, mut skip) =
        (replacements.into_iter().peekable(), skip.into_iter().peekable());
    let mut i = 0;
    while i < page.events.len() {
        while replacements.next_if(|replacement| replacement.events.start < i).is_some() {}
        while skip.next_if(|range| range.start < i).is_some() {}
        if let Some(replacement) = replacements.next_if(|r| r.events.start == i) {
            tight_items.put(&page.events, &replacement.with, &mut events);
            i = replacement.events.end;
        } else if let Some(skipped) = skip.next_if(|range| range.start == i) {
            i = skipped.end.max(i + 1);
        } else {
            tight_items.follow(&page.events, i, &mut events);
            let event = &page.events[i].0;
            if !links.drops(event) {
                push_html_lines(&mut events, event);
            }
            i += 1;
        }
    }
    render(events, base)
}

/// Pushes `event` onto `events`, each line of an HTML block as one event, as the page shows it.
///
/// pulldown-cmark gives each line of an HTML block as one event with its line end, but where
/// lines end in `\r\n` as the line and then its end (`\n`), each an event: joined, each line
/// is one event however the page ends its lines, so that a line of only an anchor is dropped
/// with its line end, and leaves no blank line that would end the block (and cut the rest of
/// it from rustdoc). A block indented one to three spaces starts
/// with its indent as a text event, which shows as nothing, and is dropped: written before the
/// block's first line, it could put a block that follows a list in the list's last item.
fn push_html_lines<'a>(events: &mut Vec<Event<'a>>, event: &Event<'a>) {
    match (event, events.last_mut()) {
        (Event::Html(end), Some(Event::Html(line)))
            if end.as_ref() == "\n" && !line.ends_with('\n') =>
        {
            *line = format!("{line}\n").into();
        }
        (Event::Text(indent), Some(Event::Start(Tag::HtmlBlock))) if indent.trim().is_empty() => {}
        _ => events.push(event.clone()),
    }
}

/// Drops the start and end of each link of the page whose target [reads as an item's
/// path](is_item_path), keeping its text. (The replacements' links to the generated items
/// are such paths, and are kept.)
#[derive(Default)]
struct ItemPathLinks {
    /// For each link open, whether it is dropped.
    open: Vec<bool>,
}

impl ItemPathLinks {
    /// Whether `event`, the next of the page's, is dropped.
    fn drops(&mut self, event: &Event<'_>) -> bool {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                let drops = is_item_path(dest_url);
                self.open.push(drops);
                drops
            }
            Event::End(TagEnd::Link) => self.open.pop().unwrap_or_default(),
            _ => false,
        }
    }
}

/// The policy passed to [`markdown::parse_keeping`] for one page: what a cell keeps for
/// [`inline`] ([`markdown::Keep`]). Nothing where its source text serves as written; where it
/// has links or anchors to rewrite, the [edits](Kept::Edits) that make its source text serve,
/// or its events where the edits cannot (a reference-style link, a title) or might not. Both
/// give the same Markdown: edits are kept only where every link target stays plain (no
/// whitespace, parentheses or angle brackets) once made absolute against every URL the page is
/// published at, which `plain_base` says [serve](edits_serve_at).
pub struct Keeper {
    plain_base: bool,
    /// By link target: whether it is an [absolute link](is_absolute_link). A page links to a
    /// few sites from many rows, and parsing every target as a URL was 2% of a 20k-row regen's
    /// instructions, on the thread that reads the page (the one that page reading waits for).
    absolute: RefCell<FxHashMap<String, bool>>,
}

impl Keeper {
    /// The policy for a page whose URLs make link targets plain where they are, as
    /// `plain_base` says ([`edits_serve_at`]).
    pub fn new(plain_base: bool) -> Self {
        Keeper { plain_base, absolute: RefCell::default() }
    }

    /// [`is_absolute_link`], each target parsed once.
    fn is_absolute_link(&self, dest: &str) -> bool {
        // Most links in docs are relative: told without a lookup.
        if !dest.contains(':') {
            return false;
        }
        if let Some(&absolute) = self.absolute.borrow().get(dest) {
            return absolute;
        }
        let absolute = is_absolute_link(dest);
        self.absolute.borrow_mut().insert(dest.to_owned(), absolute);
        absolute
    }
}

impl markdown::Keep for Keeper {
    fn keep<'a>(&self, source: &str, events: &[(Event<'a>, Range<usize>)]) -> Kept<'a> {
        let is_absolute = |dest: &str| self.is_absolute_link(dest);
        if !events.iter().any(|event| needs_rewrite(source, event, &is_absolute)) {
            return Kept::Nothing;
        }
        let edits = self.plain_base.then(|| edits(source, events, &is_absolute)).flatten();
        let edits = edits.filter(|edits| {
            edits.iter().all(|(_, target)| target.as_deref().is_none_or(joins_plainly))
                && !ends_with_backslash(source, &cell_span(events), edits)
        });
        match edits {
            Some(edits) => Kept::Edits(edits.into()),
            None => Kept::Events(Box::new(events.to_vec())),
        }
    }

    fn keep_events<'a>(&self, events: &[(Event<'a>, Range<usize>)]) -> Kept<'a> {
        Kept::EventsOnly(Box::new(events.to_vec()))
    }
}

/// Whether a cell with this inline event (and its range in `source`) has something to
/// rewrite: a link or image that is not [absolute and inline](is_absolute_inline), an anchor,
/// or a [literal bracket](is_literal_bracket). `is_absolute` tells absolute URLs.
fn needs_rewrite(
    source: &str,
    (event, range): &(Event<'_>, Range<usize>),
    is_absolute: &dyn Fn(&str) -> bool,
) -> bool {
    match event {
        Event::Start(
            Tag::Link { link_type, dest_url, .. } | Tag::Image { link_type, dest_url, .. },
        ) => {
            !is_absolute_inline(*link_type, dest_url, is_absolute)
                || markdown::is_script_url(dest_url.as_bytes())
        }
        Event::InlineHtml(html) | Event::Html(html) => {
            markdown::is_anchor(html)
                || markdown::is_anchor_close(html)
                || relative_html_targets(html, is_absolute).next().is_some()
                || markdown::disallowed_tags(html).next().is_some()
                || !markdown::scripting_attributes(html).is_empty()
        }
        Event::Text(_) => is_literal_bracket(source, range),
        Event::Code(code) => is_escaped_pipe_in_code(source, range, code),
        _ => false,
    }
}

/// The link targets of the links and images in `html` ([`markdown::link_targets`]) that are
/// relative, as `is_absolute` tells absolute ones: each to be made absolute, as a Markdown
/// link's target is. (An empty one links to the page itself, as on the page.)
fn relative_html_targets<'h>(
    html: &'h str,
    is_absolute: &'h dyn Fn(&str) -> bool,
) -> impl Iterator<Item = Range<usize>> + 'h {
    markdown::link_targets(html).into_iter().filter(move |target| {
        let target = &html[target.clone()];
        !target.is_empty() && !is_absolute(target)
    })
}

/// Whether the code span `code` at `range` of `source` holds an escaped pipe: in a table, GFM
/// takes `\|` for `|` even in a code span (`` `a\|b` `` shows `a|b`), but a code span's text
/// as written would show the backslash in rustdoc, so the cell is re-rendered from its events.
/// Only a span whose source is longer than its text and backticks is searched.
fn is_escaped_pipe_in_code(source: &str, range: &Range<usize>, code: &str) -> bool {
    range.len() > code.len() + 2 && source.get(range.clone()).is_some_and(|s| s.contains("\\|"))
}

/// Whether the text event at `range` of `source` is a `[` not escaped: on the page it is text
/// (`[instance]`, `<pre>[s3] x</pre>`: no link of that name is defined), but rustdoc would try
/// it as a link to an item, and warn that none is found. A cell with one is re-rendered, which
/// escapes it (`\[`).
///
/// pulldown-cmark makes every `[` that opens no link a text event of its own (`[`, or `![`
/// where no image follows), so only text events of one or two bytes are looked at, and only
/// their bytes in the source: at 20k rows, searching every cell's text for a `[` instead was
/// 2.5% more of regen's instructions, and reading every text event's first bytes 1.8%
/// (callgrind). One written `\[` is escaped already: its text event starts after the
/// backslash, so the backslashes before it are counted; one written `&#91;` is no bracket in
/// the source.
fn is_literal_bracket(source: &str, range: &Range<usize>) -> bool {
    if range.len() > 2 {
        return false;
    }
    let bytes = source.as_bytes();
    let at = match bytes.get(range.start..) {
        Some([b'[', ..]) => range.start,
        Some([b'!', b'[', ..]) => range.start + 1,
        _ => return false,
    };
    bytes[..at].iter().rev().take_while(|&&byte| byte == b'\\').count() % 2 == 0
}

/// A cell's rustdoc Markdown, as places in its page where the page's text serves: a large
/// table's cells are a hundred megabytes of Markdown, which is read from the page once, as the
/// generated file is written, rather than copied into the model first.
///
/// 24 bytes, one for every cell: the rarer kinds are boxed so that the commonest,
/// [`Doc::Page`], is not padded to 40 (a 200k-row table's docs were 32 MB of fresh memory).
#[derive(Clone, Debug, PartialEq)]
pub enum Doc {
    /// The page's text in this range, as written.
    Page(Range<usize>),
    /// The page's text with edits.
    Edited(Box<Edited>),
    /// Text made for the cell: rendered from its events, or a retired row's plain text escaped.
    Made(Box<str>),
}

/// The page's text in `span`, each range of `edits` replaced by `](target)` for its link
/// target made absolute, or cut; then trimmed.
#[derive(Clone, Debug, PartialEq)]
pub struct Edited {
    /// The cell's Markdown in the page.
    pub span: Range<usize>,
    /// What is replaced or cut, in order, within `span`.
    pub edits: Box<[Edit]>,
}

/// A range of the page replaced by a link target made absolute (a Markdown link's between
/// `](` and `)`, an HTML link's in its attribute's quotes), or cut.
pub type Edit = (Range<usize>, Option<Arc<str>>);

impl Doc {
    /// Appends the Markdown to `out`, reading the page's text `page`.
    pub fn push_to(&self, page: &str, out: &mut String) {
        match self {
            Doc::Page(range) => out.push_str(page.get(range.clone()).unwrap_or_default()),
            Doc::Made(text) => out.push_str(text),
            Doc::Edited(edited) => {
                let Edited { span, edits } = &**edited;
                let start = out.len();
                // The ranges were checked against the page when the edits were kept.
                let mut copied = span.start;
                for (range, target) in edits.iter() {
                    out.push_str(page.get(copied..range.start).unwrap_or_default());
                    if let Some(target) = target {
                        out.push_str(target);
                    }
                    copied = range.end;
                }
                out.push_str(page.get(copied.max(span.start)..span.end).unwrap_or_default());
                markdown::trim_from(out, start);
            }
        }
    }

    /// About how long the Markdown is, to size what it is written into.
    pub fn size_hint(&self) -> usize {
        match self {
            Doc::Page(range) => range.len(),
            Doc::Made(text) => text.len(),
            Doc::Edited(edited) => {
                let targets = edited.edits.iter().flat_map(|(_, target)| target);
                edited.span.len() + targets.map(|target| target.len()).sum::<usize>()
            }
        }
    }

    /// The Markdown as a string, reading the page's text `page`.
    pub fn text(&self, page: &str) -> String {
        let mut text = String::with_capacity(self.size_hint());
        self.push_to(page, &mut text);
        text
    }
}

/// The Markdown of a table cell of the page `source`.
///
/// A cell is valid rustdoc much as written, so its source text is used, with relative link
/// targets made absolute and anchors dropped; only cells the source text cannot serve (a
/// reference-style link, a link with a title) are re-rendered from their events.
pub fn inline(source: &str, cell: &Cell, links: &mut Links<'_>) -> Doc {
    let as_written = || Doc::Page(trimmed(source, cell.markdown.clone()));
    let events = match &cell.kept {
        Kept::Nothing => return as_written(),
        // `keep` kept edits only where they serve, so `edited` cannot refuse them; should it,
        // the source text is the fallback rather than a panic.
        Kept::Edits(edits) => {
            return edited(source, cell.markdown.clone(), edits, links).unwrap_or_else(as_written);
        }
        Kept::Events(events) => {
            if let Some(doc) = edits(source, events, &is_absolute_link)
                .and_then(|edits| edited(source, cell.markdown.clone(), &edits, links))
            {
                return doc;
            }
            events
        }
        Kept::EventsOnly(events) => events,
        Kept::Lines(cells) => return Doc::Made(lines(source, cells, links.base).into()),
    };
    let events = events.iter().map(|(event, _)| event.clone());
    Doc::Made(rendered(events, links.base).into())
}

/// Inline `events` as rustdoc Markdown against `base`: rendered inside a paragraph, as they
/// would be in a page (bare, the renderer encodes spaces at their edges as `&#32;`), without
/// links rustdoc would read as item paths.
fn rendered<'e>(events: impl IntoIterator<Item = Event<'e>>, base: &Url) -> String {
    let mut rendered = vec![Event::Start(Tag::Paragraph)];
    let mut links = ItemPathLinks::default();
    rendered.extend(events.into_iter().filter(|event| !links.drops(event)));
    rendered.push(Event::End(TagEnd::Paragraph));
    trim_written(&render(rendered, base)).to_owned()
}

/// The Markdown of a cell made of the lines `cells` ([`Kept::Lines`]), joined as `<br>` shows
/// them. Each is rendered from its own events, so that no emphasis or code span of one runs on
/// into the next (`*a` over `b*`), as on the page, where each is in a row of its own: a cell of
/// a pipe table that kept none is read again on its own, as its Markdown reads inside a table
/// (its anchors dropped, as [`Keeper`] drops them).
fn lines(source: &str, cells: &[Cell<'_>], base: &Url) -> String {
    let line = |cell: &Cell<'_>| match &cell.kept {
        Kept::Events(events) | Kept::EventsOnly(events) => {
            rendered(events.iter().map(|(event, _)| event.clone()), base)
        }
        Kept::Lines(cells) => lines(source, cells, base),
        Kept::Nothing | Kept::Edits(_) => {
            let markdown = &source[cell.markdown.clone()];
            let events = Parser::new_ext(markdown, PARSER_OPTIONS).filter(|event| match event {
                Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => false,
                Event::InlineHtml(html) => {
                    !markdown::is_anchor(html) && !markdown::is_anchor_close(html)
                }
                _ => true,
            });
            rendered(events, base)
        }
    };
    let lines: Vec<String> = cells.iter().map(line).collect();
    lines.join("<br>")
}

/// Markdown a writer made, without the line breaks before it and the whitespace after it.
/// Other whitespace before it is the page's own text (a form feed, a no-break space: the
/// writer writes a space there as `&#32;`) and is kept: trimmed, what follows it could read as
/// a block of its own (`\u{c}> a` as a quote, whose next lines clippy then denies as lazy
/// continuations), where the page has a paragraph.
fn trim_written(written: &str) -> &str {
    written.trim_start_matches(['\n', '\r']).trim_end()
}

/// `range` of `source` without the whitespace at its ends.
fn trimmed(source: &str, range: Range<usize>) -> Range<usize> {
    let text = &source[range.clone()];
    let start = range.start + (text.len() - scan::trim_start(text).len());
    start..start + scan::trim(text).len()
}

/// Plain text as a Markdown code span in a sentence (a header, a name): backticks inside
/// become quotes, and line breaks (a header's `<br>`) spaces, as a code span shows them; a
/// blank line (`<br><br>`) would end the sentence's paragraph, and the span with it, leaving
/// the rest as Markdown, where `[2]` is a link rustdoc tries.
pub fn code_span(text: &str) -> String {
    format!("`{}`", code_span_text(text))
}

/// What a [code span](code_span) of `text` holds between its backticks (for a code span made
/// as an event).
pub fn code_span_text(text: &str) -> String {
    one_line(text).replace('`', "'")
}

/// Texts as [code spans](code_span) listed in a sentence: "`a`, `b`".
pub fn code_spans<S: AsRef<str>>(texts: &[S]) -> String {
    let spans: Vec<String> = texts.iter().map(|text| code_span(text.as_ref())).collect();
    spans.join(", ")
}

/// Plain text to quote inline (a header, a name), its line breaks spaces: a blank line in it
/// (`<br><br>`) would end the paragraph it is quoted in.
pub fn one_line(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains(['\n', '\r']) { text.replace(['\n', '\r'], " ").into() } else { text.into() }
}

/// Plain text as Markdown that renders as that text (a retired row's cells, which are kept as
/// plain text): escaped by the same renderer that renders cells.
pub fn escape(text: &str) -> String {
    let events =
        [Event::Start(Tag::Paragraph), Event::Text(text.into()), Event::End(TagEnd::Paragraph)];
    let mut out = String::new();
    match pulldown_cmark_to_cmark::cmark(events.iter(), &mut out, PARSER_OPTIONS) {
        Ok(_) => trim_written(&out).to_owned(),
        Err(_) => text.to_owned(),
    }
}

/// The bytes of the page that inline `events` span.
fn cell_span(events: &[(Event<'_>, Range<usize>)]) -> Range<usize> {
    let start = events.iter().map(|(_, range)| range.start).min().unwrap_or(0);
    let end = events.iter().map(|(_, range)| range.end).max().unwrap_or(start);
    start..end
}

/// The edits that make the source text of inline `events` read in rustdoc as on the page: a
/// relative inline link's target (`](target)`) to be made absolute, anchors cut out. `None`
/// where that is not enough (a reference-style link, a title, a code block, a [literal
/// bracket](is_literal_bracket)).
fn edits<'a>(
    source: &str,
    events: &[(Event<'a>, Range<usize>)],
    is_absolute: &dyn Fn(&str) -> bool,
) -> Option<Vec<(Range<usize>, Option<CowStr<'a>>)>> {
    let span = cell_span(events);
    let mut edits = Vec::new();
    let mut copied = span.start;
    let mut in_anchor = false;
    for (index, (event, range)) in events.iter().enumerate() {
        let was_in_anchor = std::mem::take(&mut in_anchor);
        match event {
            Event::Start(Tag::Link { link_type, dest_url, title, .. })
            | Event::Start(Tag::Image { link_type, dest_url, title, .. }) => {
                // A link to a script is dropped where the cell is re-rendered.
                if markdown::is_script_url(dest_url.as_bytes()) {
                    return None;
                }
                if is_absolute_inline(*link_type, dest_url, is_absolute) {
                    continue;
                }
                if *link_type != LinkType::Inline || !title.is_empty() || is_item_path(dest_url) {
                    return None;
                }
                // `[text](target)`: the text ends where the link's last inner event ends.
                let inner = &events[index + 1..];
                let inner_end = inner
                    .iter()
                    .take_while(|(_, inner_range)| inner_range.end <= range.end)
                    .filter(|(_, inner_range)| inner_range != range)
                    .map(|(_, inner_range)| inner_range.end)
                    .max()
                    .unwrap_or(range.start + 1);
                let target = source.get(inner_end..range.end)?;
                if !(target.starts_with("](") && target.ends_with(')')) {
                    return None;
                }
                source.get(copied..inner_end)?;
                // The target between `](` and `)`, replaced.
                let target = inner_end + 2..range.end - 1;
                edits.push((target.clone(), Some(dest_url.clone())));
                copied = target.end;
            }
            Event::InlineHtml(html) | Event::Html(html)
                if markdown::is_anchor(html)
                    || (was_in_anchor && markdown::is_anchor_close(html)) =>
            {
                in_anchor = markdown::is_anchor(html);
                source.get(copied..range.start)?;
                edits.push((range.clone(), None));
                copied = range.end;
            }
            // A tag GFM disallows is written as text, and an attribute that would run a script
            // dropped, where the cell is re-rendered.
            Event::InlineHtml(html) | Event::Html(html)
                if markdown::disallowed_tags(html).next().is_some()
                    || !markdown::scripting_attributes(html).is_empty() =>
            {
                return None;
            }
            Event::InlineHtml(html) | Event::Html(html) => {
                for target in relative_html_targets(html, is_absolute) {
                    // A target's place in the tag is a place in the page where the tag is
                    // written as the event has it. In `'` quotes, a `'` the page's URL may
                    // bring would end the value: the cell is re-rendered, which keeps such a
                    // target as written.
                    if source.get(range.clone()) != Some(&**html)
                        || html[..target.start].ends_with('\'')
                    {
                        return None;
                    }
                    let at = range.start + target.start..range.start + target.end;
                    source.get(copied..at.start)?;
                    edits.push((at.clone(), Some(CowStr::from(html[target].to_owned()))));
                    copied = at.end;
                }
            }
            Event::Start(Tag::CodeBlock(_)) => return None,
            Event::Code(code) if is_escaped_pipe_in_code(source, range, code) => return None,
            // No edit escapes it: the cell is re-rendered.
            Event::Text(_) if is_literal_bracket(source, range) => return None,
            _ => {}
        }
    }
    source.get(copied.max(span.start)..span.end)?;
    if joins_markup(source, &span, &edits) {
        return None;
    }
    Some(edits)
}

/// Whether cutting out the anchors among `edits` could make what was on either side of one
/// read as other Markdown: `` `a`<a name="x"></a>`b` `` would read as one code span showing
/// its backticks, `a<a name="x"></a>_b_` as no emphasis, `&amp<a name="x"></a>;` as `&`, `<a<a
/// name="x"></a> >` as an HTML tag, and an anchor's `>` before `*` lets the `*` close an
/// emphasis where a space would not. A cut joins nothing where it starts the cell or follows
/// a space, ends the cell or is followed by a space, a letter or a digit, and no `<` of the
/// text before it could open a tag across it: anchors mostly start a cell's text (`<a
/// name="x"></a>InputError`). A cell with another is re-rendered from its events.
fn joins_markup<T>(source: &str, span: &Range<usize>, edits: &[(Range<usize>, Option<T>)]) -> bool {
    // Whether a `<` of the text kept comes before the cut being looked at: an HTML tag it
    // opens could end after the cut (`<a <a name="x"></a> >` would read as `<a  >`).
    let mut tag_may_open = false;
    let mut kept_from = span.start;
    let mut joins = |cut: &Range<usize>| {
        tag_may_open |= source[kept_from..cut.start].contains('<');
        kept_from = cut.end;
        let before = source[span.start..cut.start].chars().next_back();
        let after = source[cut.end..span.end].chars().next();
        !(before.is_none_or(char::is_whitespace)
            && after.is_none_or(|after| after.is_whitespace() || after.is_alphanumeric())
            && !tag_may_open)
    };
    let mut cuts = edits.iter().filter(|(_, target)| target.is_none()).map(|(range, _)| range);
    let Some(first) = cuts.next() else { return false };
    let mut joined = first.clone();
    for cut in cuts {
        // An anchor's start and end, cut one after the other, are one cut.
        if cut.start == joined.end {
            joined.end = cut.end;
            continue;
        }
        if joins(&joined) {
            return true;
        }
        joined = cut.clone();
    }
    joins(&joined)
}

/// The cell's Markdown as `span` of `source` with `edits` made (relative link targets made
/// absolute, anchors cut), kept as places in the page: every range is checked against `source`
/// here, and [`Doc::push_to`] writes the text when the file is made. `None` where a target
/// made absolute is not plain, or the text would end in a backslash.
fn edited<T: AsRef<str>>(
    source: &str,
    span: Range<usize>,
    edits: &[(Range<usize>, Option<T>)],
    links: &mut Links<'_>,
) -> Option<Doc> {
    let mut made = Vec::with_capacity(edits.len());
    let mut copied = span.start;
    for (range, target) in edits {
        source.get(copied..range.start)?;
        let target = match target {
            Some(target) => Some(links.plain_absolute(target.as_ref())?),
            None => None,
        };
        made.push((range.clone(), target));
        copied = range.end;
    }
    source.get(copied.max(span.start)..span.end)?;
    // A trailing backslash would escape whatever rustdoc puts after the cell.
    if ends_with_backslash(source, &span, edits) {
        return None;
    }
    Some(Doc::Edited(Box::new(Edited { span, edits: made.into() })))
}

/// Whether the source text of `span` with `edits` made would end in a backslash, trimmed:
/// told from its last piece that is not blank, whatever the link targets become (an edited
/// target is followed by the `)`, quote or `>` that ends it).
fn ends_with_backslash<T>(
    source: &str,
    span: &Range<usize>,
    edits: &[(Range<usize>, Option<T>)],
) -> bool {
    let mut end = span.end;
    for (range, target) in edits.iter().rev() {
        let after = source.get(range.end.max(span.start)..end).unwrap_or("").trim_end();
        if !after.is_empty() {
            return after.ends_with('\\');
        }
        if target.is_some() {
            return false;
        }
        end = range.start;
    }
    source.get(span.start..end).unwrap_or("").trim_end().ends_with('\\')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sizes the comments on `Doc` and `Kept` give (on 64-bit targets): each is one for
    /// every cell of a large table, so a kind that grows them costs every cell.
    #[cfg(target_pointer_width = "64")]
    #[test]
    fn a_doc_and_what_a_cell_keeps_are_24_bytes() {
        assert_eq!(size_of::<Doc>(), 24);
        assert_eq!(size_of::<Kept<'_>>(), 24);
    }

    #[test]
    fn a_code_span_in_a_sentence_holds_all_its_text_and_no_link() {
        let span = code_span("Type\n\n[2] `x`");
        assert_eq!(span, "`Type  [2] 'x'`");
        // Read as rustdoc reads a sentence with it: one code span, nothing else.
        let sentence = format!("The row's {span} cell.");
        let events: Vec<Event<'_>> =
            pulldown_cmark::Parser::new_ext(&sentence, PARSER_OPTIONS).collect();
        let spans = events.iter().filter(|event| matches!(event, Event::Code(_))).count();
        assert_eq!(spans, 1, "{events:?}");
        assert!(!events.iter().any(|event| matches!(event, Event::Start(Tag::Link { .. }))));
    }

    /// The URL the MediaConvert page is published at, which links are made absolute against.
    pub(super) fn base() -> Url {
        Url::parse(
            "https://docs.aws.amazon.com/mediaconvert/latest/ug/mediaconvert_error_codes.html",
        )
        .unwrap()
    }

    /// The module prose written for a page of `markdown`, nothing skipped or replaced.
    fn prose_of(markdown: &str) -> String {
        prose(&markdown::parse(markdown), &base(), &[], &[])
    }

    #[test]
    fn targets_told_once_are_told_as_each_time() {
        let keeper = Keeper::new(true);
        let targets = ["https://example.com/a", "iam-role.md", "c:d e", "mailto:x@y.z", ""];
        for target in targets.iter().chain(&targets) {
            assert_eq!(keeper.is_absolute_link(target), is_absolute_link(target), "{target}");
        }
        assert_eq!(keeper.absolute.borrow().len(), 3, "only targets with a `:` are kept");
    }

    /// Every cell of `source` as rustdoc Markdown against `base`, read keeping edits where
    /// they serve (`plain_base`) or always keeping events; with the kinds kept.
    fn cells(source: &str, base: &Url, plain_base: bool) -> Vec<(String, &'static str)> {
        let page = markdown::parse_keeping(source, || Keeper::new(plain_base));
        let cells = page.tables.iter().flat_map(|table| &table.rows).flat_map(|row| row.cells());
        cells
            .map(|cell| {
                let kind = match cell.kept {
                    Kept::Nothing => "nothing",
                    Kept::Edits(_) => "edits",
                    Kept::Events(_) => "events",
                    Kept::EventsOnly(_) => "events only",
                    Kept::Lines(_) => "lines",
                };
                (inline(source, cell, &mut Links::new(base)).text(source), kind)
            })
            .collect()
    }

    /// The cell `row` as rustdoc Markdown, the same whether its edits or its events are kept.
    fn cell_markdown(row: &str) -> String {
        let source = format!("| a |\n| --- |\n| {row} |\n");
        let (edited, _) = cells(&source, &base(), true).remove(0);
        let (rendered, _) = cells(&source, &base(), false).remove(0);
        assert_eq!(edited, rendered, "{row}");
        edited
    }

    #[test]
    fn a_cell_reads_the_same_from_its_edits_as_from_its_events() {
        let tricky = [
            "See [a](b.md)\\",
            "[a](b.md) \\",
            "<a name=\"x\"></a>\\",
            "x\\<a name=\"y\"></a>",
            "[<a name=\"x\"></a>t](a.md)",
            "[a `](x)` b](c.md) and [d](e.md#f)",
            "[a](<b c.md>) [d](e(f).md) [g](h%20i.md) [j](//k.test/l.md) [m](n\\o.md)",
            "[a](caf\u{e9}.md) [\u{e9}](b.md) <a id='z'>anchored</a> tail",
            "[ref][r] and [a](b.md)",
            "[a](b.md \"t\") and [c](d.md)",
            "![i](j.png) [k](l.md)<br>[m](n.md)",
            "`[code](x.md)` [a](./../b.md?q=1&r=(2))",
            "<a href=\"/x/#y\" class=\"z\">t</a> [a](b.md) <img src='i.png'>",
            "<a title=\"href=x\" href=c.md>t</a>\\",
        ];
        let base = base();
        let mut kinds = Vec::new();
        for row in tricky {
            let source = format!("[r]: x.md\n\n| a |\n| --- |\n| {row} |\n");
            let edited = cells(&source, &base, true);
            let rendered = cells(&source, &base, false);
            assert_eq!(edited.len(), 1, "{row}");
            assert_eq!(edited[0].0, rendered[0].0, "{row}");
            kinds.push(edited[0].1);
        }
        // Both ways are taken: the comparison is not of one path with itself.
        assert!(kinds.contains(&"edits") && kinds.contains(&"events"), "{kinds:?}");
        // The real pages in this repository.
        let pages = [
            include_str!("../../docs-src/mediaconvert/error-codes.md"),
            include_str!("../../docs-src/mediatailor/playback-errors-client.md"),
            include_str!("../tests/history/mediaconvert/00-2019-02-11-e721d17.md"),
            include_str!("../tests/history/mediaconvert/05-2019-11-20-cb1d41c.md"),
            include_str!("../tests/history/mediaconvert/10-2023-04-18-39c9e88.md"),
            include_str!(
                "../../xtask/tests/corpus/pages/amazon-s3-userguide/replication-failure-codes.md"
            ),
            include_str!("../../xtask/tests/corpus/pages/aws-iot-docs/iot-errors.md"),
            include_str!(
                "../../xtask/tests/corpus/pages/amazon-glacier-developer-guide/api-error-responses.md"
            ),
            include_str!("../../xtask/tests/fixtures/odd.md"),
            include_str!("../../xtask/tests/fixtures/quirks/pages/device-errors.md"),
        ];
        let mut edited_cells = 0;
        for page in pages {
            let edited = cells(page, &base, true);
            let rendered = cells(page, &base, false);
            let texts = |cells: &[(String, &str)]| {
                cells.iter().map(|(text, _)| text.clone()).collect::<Vec<_>>()
            };
            assert_eq!(texts(&edited), texts(&rendered));
            edited_cells += edited.iter().filter(|(_, kind)| *kind == "edits").count();
        }
        assert!(edited_cells > 10, "{edited_cells} cells of the real pages are edited");
    }

    #[test]
    fn cells_keep_their_markdown_with_relative_links_made_absolute() {
        assert_eq!(
            cell_markdown("See [Set Up *IAM* Permissions](iam-role.md)\\. `x` \\[y\\]"),
            "See [Set Up *IAM* Permissions](https://docs.aws.amazon.com/mediaconvert/latest/ug/iam-role.html)\\. `x` \\[y\\]"
        );
        assert_eq!(
            cell_markdown("![logo](img/a.png) and [](b.md#c) and [abs](https://x.org/a_(b))"),
            "![logo](https://docs.aws.amazon.com/mediaconvert/latest/ug/img/a.png) and \
             [](https://docs.aws.amazon.com/mediaconvert/latest/ug/b.html#c) and [abs](https://x.org/a_(b))"
        );
    }

    /// A link or image in HTML (`<a href="/ja/reference/liff/#initialize-liff-app">`, as
    /// LINE's LIFF reference, a page its site renders, writes them in cells) is made absolute
    /// as a Markdown one is: relative to the crate's docs, it would lead nowhere.
    #[test]
    fn relative_targets_of_html_links_and_images_are_made_absolute() {
        let liff = "無効な設定です。<ul><!--[--><li><!--[--><a aria-current=\"page\" \
                    href=\"/ja/reference/liff/#initialize-liff-app\" class=\"router-link-active\">\
                    <code>liff.init()</code></a>を使って<!--]--></li><!--]--></ul>";
        let made = cell_markdown(liff);
        assert_eq!(
            made,
            liff.replace("\"/ja/", "\"https://docs.aws.amazon.com/ja/"),
            "only the target is made absolute"
        );
        assert_eq!(
            cell_markdown("<img src='img/a.png'> <a href=b.md#c>x</a> <a href=\"\">here</a>"),
            "<img src='https://docs.aws.amazon.com/mediaconvert/latest/ug/img/a.png'> <a \
             href=https://docs.aws.amazon.com/mediaconvert/latest/ug/b.html#c>x</a> <a \
             href=\"\">here</a>"
        );
        // Absolute targets are kept as written.
        let absolute = "<a href=\"https://x.test/a\">a</a> <img src=\"https://x.test/b.png\">";
        assert_eq!(cell_markdown(absolute), absolute);
        // In the page's prose, too.
        let prose = prose_of("# Errors\n\n<p><img src=\"img/b.png\"></p>\n\n| a |\n|---|\n| 1 |\n");
        assert!(
            prose.contains(
                "<img src=\"https://docs.aws.amazon.com/mediaconvert/latest/ug/img/b.png\">"
            ),
            "{prose}"
        );
    }

    /// GFM reads `\|` in a table cell as `|`, in a code span too; rustdoc shows a code span's
    /// text as written, so the span is written with the pipe alone.
    #[test]
    fn an_escaped_pipe_in_a_code_span_is_a_pipe_as_the_page_shows_it() {
        assert_eq!(cell_markdown("`Bad\\|Input` or a\\|b"), "`Bad|Input` or a\\|b");
        assert_eq!(
            cell_markdown("``a\\|b`` [x](y.md)"),
            "`a|b` [x](https://docs.aws.amazon.com/mediaconvert/latest/ug/y.html)"
        );
        // In text, it is an escape rustdoc reads as the page does: kept as written.
        assert_eq!(cell_markdown("a\\|b `c`"), "a\\|b `c`");
    }

    #[test]
    fn literal_brackets_are_escaped_so_that_rustdoc_tries_no_link_to_an_item() {
        // Text on the page, where no such link is defined; rustdoc would look for an item.
        assert_eq!(cell_markdown("by [instance] port 22"), "by \\[instance\\] port 22");
        assert_eq!(
            cell_markdown("config: <pre>[s3] use-sigv4 = True</pre>"),
            "config: <pre>\\[s3\\] use-sigv4 = True</pre>"
        );
        assert_eq!(cell_markdown("![x] is no image"), "!\\[x\\] is no image");
        // Escaped from the cell's first character on.
        assert_eq!(cell_markdown("\\[x] and \\*y*"), "\\[x] and \\*y*");
        // An emphasis left empty by its anchor is none.
        assert_eq!(cell_markdown("*<a name=\"n\"></a>*[x]"), "\\[x\\]");
        // After an escaped backslash, a bracket is literal.
        assert_eq!(cell_markdown("a \\\\[b]"), "a \\\\\\[b\\]");
        // Escaped already, or in code: served as written, with no events kept.
        let written = ["`x` \\[y\\]", "`[s3]`", "[a](https://x.test/a) b\\]", "&#91;x]"];
        for written in written {
            assert_eq!(cell_markdown(written), written);
            let source = format!("| a |\n| --- |\n| {written} |\n");
            assert_eq!(cells(&source, &base(), true)[0].1, "nothing", "{written}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

        /// rustdoc asks its broken-link callback for every `[text]` that is no link, and
        /// tries it as an item: a cell's rustdoc, read as rustdoc reads it, asks for none,
        /// whatever brackets, escapes, code, links (reference-style ones to a definition on
        /// the page included) and HTML its page's cell has, and whatever follows it on its
        /// line (the name after the code, `1: Name`). Anchors are left out: one dropped
        /// between two code spans leaves them side by side, which pulldown-cmark-to-cmark
        /// writes as one run of backticks (not fixed).
        #[test]
        fn a_cells_rustdoc_has_no_link_that_the_page_does_not(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "[", "]", "![", "\\", "\\[", "x", " ", "`[c]`", "[a](b.md)", "[d](https://x.test)",
                    "&#91;", "<pre>", "</pre>", "*", "(", ")", "[e][1]", "![f][1]", "[1]",
                ]),
                1..12,
            ),
        ) {
            let cell = pieces.concat();
            let source = format!("| a |\n| --- |\n| {cell} |\n\n[1]: g.md\n");
            for plain_base in [true, false] {
                for (markdown, _) in cells(&source, &base(), plain_base) {
                    let markdown = format!("{markdown}: Name");
                    let mut asked = Vec::new();
                    let callback = |link: pulldown_cmark::BrokenLink<'_>| {
                        asked.push(link.reference.to_string());
                        None
                    };
                    let parser = pulldown_cmark::Parser::new_with_broken_link_callback(
                        &markdown,
                        PARSER_OPTIONS,
                        Some(callback),
                    );
                    parser.for_each(drop);
                    proptest::prop_assert!(asked.is_empty(), "{cell:?} -> {markdown:?}: {asked:?}");
                }
            }
        }
    }

    #[test]
    fn reference_style_links_are_written_inline() {
        // The page's definition is no line of the cell's rustdoc, which text follows.
        let source =
            "| a |\n| --- |\n| ![logo][1] and [b][] |\n\n[1]: img/l.png\n[b]: b.md \"B\"\n";
        for plain_base in [true, false] {
            let (markdown, _) = cells(source, &base(), plain_base).remove(0);
            assert_eq!(
                markdown,
                "![logo](https://docs.aws.amazon.com/mediaconvert/latest/ug/img/l.png) and \
                 [b](https://docs.aws.amazon.com/mediaconvert/latest/ug/b.html \"B\")"
            );
        }
    }

    #[test]
    fn cells_drop_anchors_and_rerender_what_source_text_cannot_serve() {
        assert_eq!(cell_markdown("<a name=\"x\"></a>Text <b>bold</b>"), "Text <b>bold</b>");
        // A title: re-rendered from the events, the link still made absolute.
        let titled = cell_markdown("[t](a.md \"Title\")");
        assert!(
            titled.contains("(https://docs.aws.amazon.com/mediaconvert/latest/ug/a.html"),
            "{titled}"
        );
    }

    #[test]
    fn footnotes_a_doc_refers_to_are_defined_in_it_once_as_the_page_defines_them() {
        let page = markdown::parse(
            "| a | b |\n| --- | --- |\n| 1 | x[^One] and [^one] |\n\n[^one]: See [two][^two].\n\n\
             [^two]: In [the guide](guide.md).\n\n[^one]: Defined twice, shown once.\n\n\
             [^unused]: Not referred to.\n",
        );
        let footnotes = Footnotes::of(&page, &base());
        let mut doc = String::from("**b:** x[^One] and [^one], `[^unused]` and [^undefined]");
        footnotes.complete(&mut doc);
        assert_eq!(
            doc,
            "**b:** x[^One] and [^one], `[^unused]` and [^undefined]\n\n[^one]: See \\[two\\][^two].\
             \n\n[^two]: In [the guide](https://docs.aws.amazon.com/mediaconvert/latest/ug/guide.html).",
        );
        let mut plain = String::from("no notes");
        footnotes.complete(&mut plain);
        assert_eq!(plain, "no notes");
    }

    #[test]
    fn prose_no_way_writes_is_that_blocks_plain_text_only() {
        // Without its anchor, the paragraph's next line would start an HTML block.
        let text = prose_of(
            "# T\n\n> <a id=\"x\"></a>\n> <Warning>\n> Careful.\n> </Warning>\n\nNext *one*.\n",
        );
        assert_eq!(text, "# T\n\nCareful.\n\nNext *one*.");
    }

    #[test]
    fn a_run_github_reads_as_text_is_written_as_text() {
        // GitHub looks past the `~` for the space that makes each run text; rustdoc would not.
        let text = prose_of("P **~ a****a:**_b_ and **b ~**\n");
        assert_eq!(text, r"P \*\*\~ a\*\*\*\*a:\*\**b* and \*\*b \~\*\*");
        let in_cell = cell_markdown("[**~ CUnknown**](c.md)");
        assert_eq!(
            in_cell,
            r"[\*\*\~ CUnknown\*\*](https://docs.aws.amazon.com/mediaconvert/latest/ug/c.html)"
        );
    }

    #[test]
    fn an_emphasis_right_inside_one_of_its_kind_is_html() {
        // Written with delimiters, `****a** b**`: four asterisks are one run.
        let text = prose_of("__**a** b__ and *_c_*\n");
        assert_eq!(text, "**<strong>a</strong> b** and *<em>c</em>*");
    }

    #[test]
    fn emphasis_whose_delimiters_would_read_otherwise_is_html() {
        // Written with delimiters, `***a**a**a:**...`: the run before `a:` closes the outer
        // emphasis (found by `inline_docs.rs` at 166,663 cases).
        let text = prose_of("_**a**a**a:**_b___a____a <a id=\"y\"></a>__\n");
        let expected =
            "<em><strong>a</strong>a<strong>a:</strong><em>b\\_\\_\\_a\\_\\_\\_\\_a</em></em>";
        assert_eq!(text, expected);
    }

    #[test]
    fn a_list_item_left_with_one_paragraph_is_written_tight() {
        // Written loose, the item would open with a link definition (`* [cmark-loose-1]: <>`),
        // which clippy denies in docs: the item's anchor is dropped, or its table (not the
        // manifest's) skipped.
        assert_eq!(
            prose_of("# E\n\n- A step.\n\n  <a name=\"step\"></a>\n\nNext.\n"),
            "# E\n\n* A step.\n\nNext."
        );
        let page = markdown::parse("1. A step.\n\n   | x |\n   | - |\n   | 1 |\n\nNext.\n");
        let skip = [page.tables[0].events.clone()];
        assert_eq!(prose(&page, &base(), &skip, &[]), "1. A step.\n\nNext.");
        // A list of more items, or an item of more blocks, stays loose as on the page.
        assert_eq!(prose_of("- A.\n\n- B.\n"), "* A.\n\n* B.");
    }

    #[test]
    fn an_anchor_dropped_joins_nothing_the_page_kept_apart() {
        // What was on either side of an anchor shows as on the page (`inline_docs.rs` holds
        // any such cell and paragraph to it): two code spans as one run of code, two runs of
        // emphasis as one, the entity's `;` as text, the emphasis' space outside it, an
        // emphasis after a strong one as HTML.
        let cases = [
            ("`a`<a name=\"x\"></a>`b`", "`ab`"),
            ("*a*<a name=\"x\"></a>*b*", "*ab*"),
            ("~~a~~<a name=\"x\"></a>~~b~~", "~~ab~~"),
            ("a<a name=\"x\"></a>_b_", "a*b*"),
            ("&amp<a name=\"x\"></a>;", "&amp;amp;"),
            ("*a <a name=\"x\"></a>* b", "*a*  b"),
            ("a *<a name=\"x\"></a> b*", "a  *b*"),
            ("**a**<a name=\"x\"></a>_b_", "**a**<em>b</em>"),
        ];
        for (cell, shown) in cases {
            assert_eq!(cell_markdown(cell), shown, "{cell}");
            assert_eq!(prose_of(cell), shown, "{cell}");
        }
        // An anchor that starts the text, or stands between words, is cut from the source
        // text; the others above are re-rendered from their events.
        let kept = |cell: &str| {
            let source = format!("| a |\n| --- |\n| {cell} |\n");
            cells(&source, &base(), true).remove(0)
        };
        assert_eq!(
            kept("<a name=\"x\"></a>Input <a id=\"y\"></a>error"),
            ("Input error".into(), "edits")
        );
        assert_eq!(kept("<a name=\"x\"></a>`a`"), ("`a`".into(), "events"));
        assert_eq!(kept("`a` <a name=\"x\"></a>`b`"), ("`a` `b`".into(), "events"));
    }

    #[test]
    fn a_link_rustdoc_would_read_as_an_item_path_is_its_text() {
        // The Rust Reference's links to the standard library; GitHub shows their text.
        let cell = "[format strings](std::fmt#syntax) and [`Layout`](std::alloc::Layout)";
        assert_eq!(cell_markdown(cell), "format strings and `Layout`");
        assert_eq!(prose_of(cell), "format strings and `Layout`");
        // Web links, mail links and relative ones are links still.
        let kept = "[a](https://x.test/a) [m](mailto:a@x.test) [r](r.md)";
        assert_eq!(
            cell_markdown(kept),
            "[a](https://x.test/a) [m](mailto:a@x.test) \
             [r](https://docs.aws.amazon.com/mediaconvert/latest/ug/r.html)"
        );
    }

    #[test]
    fn a_break_that_starts_a_paragraph_is_kept_unless_an_anchor_was_before_it() {
        let text = prose_of("*  \\\nPart two.\n\n<a name=\"x\"></a>\\\nafter.\n");
        assert_eq!(text, "* <br>Part two.\n\nafter.");
    }

    /// The tags GFM's tagfilter disallows show as text, as on GitHub, in the prose and in a
    /// cell: rustdoc would pass them on as HTML, to run a script or restyle the page. An HTML
    /// block that starts with one is its lines' text; in another block, the tag's `<` is
    /// written `&lt;`, as GitHub writes it; every other tag stays HTML.
    #[test]
    fn tags_github_disallows_show_as_text() {
        let page = "<script setup>\nimport { data } from './e.ts'\n\nconst a = 1 * 2 * 3\n</script>\n\n\
                    Text <style>b</style> *here*.\n\n<div>\n<iframe src=\"x.html\"></iframe>\n</div>\n";
        assert_eq!(
            prose_of(page),
            "\\<script setup>\nimport { data } from './e.ts'\nconst a = 1 \\* 2 \\* 3\n\\</script>\n\n\
             Text \\<style>b\\</style> *here*.\n\n<div>\n&lt;iframe src=\"x.html\">&lt;/iframe>\n</div>\n"
        );
        assert_eq!(
            cell_markdown("A <SCRIPT>x</SCRIPT> <b>b</b>"),
            "A \\<SCRIPT>x\\</SCRIPT> <b>b</b>"
        );
        // Other HTML stays as written, but for what would run a script, which GitHub's
        // sanitizer drops too: an event handler, a link to a script.
        let kept = "<b class=\"x\">b</b> <img src=\"https://x.test/i.png\" alt=\"i\">";
        assert_eq!(cell_markdown(kept), kept);
        let cell = "<b onclick=\"go()\">b</b> <img src=\"https://x.test/i.png\" onerror=\"go()\"> \
                    [c](javascript:go()) <a href=\"javascript:go()\">d</a>";
        let shown = "<b>b</b> <img src=\"https://x.test/i.png\"> c <a>d</a>";
        assert_eq!(cell_markdown(cell), shown);
        let page = "Text <img src=\"https://x.test/i.png\" onerror=\"go()\">.\n\n\
                    <div>\n<p onclick=\"x\">p</p>\n</div>\n";
        assert_eq!(
            prose_of(page),
            "Text <img src=\"https://x.test/i.png\">.\n\n<div>\n<p>p</p>\n</div>\n"
        );
    }

    #[test]
    fn prose_drops_anchors_and_fences_code_as_text() {
        let text = prose_of("## Example<a name=\"e\"></a>\n\n```\nGET / HTTP/1.1\n```\n");
        assert!(!text.contains("<a"), "{text}");
        assert!(text.contains("````text\nGET / HTTP/1.1\n````"), "{text}");
    }

    #[test]
    fn an_anchor_dropped_at_a_line_end_leaves_no_hard_break() {
        // As every property of CloudFormation's reference pages starts: GitHub shows the
        // name and its description on one line.
        let page = "`Accounts`  <a name=\"accounts\"></a>\nThe names of accounts.  \nMore.\n";
        assert_eq!(prose_of(page), "`Accounts`\nThe names of accounts.  \nMore.");
        // Spaces around several anchors, each a text of its own.
        let page = "**a** <a name=\"x\"></a> <a name=\"y\"></a>  <a name=\"z\"></a>\nb\n";
        assert_eq!(prose_of(page), "**a**\nb");
    }
}
