//! A cell's rustdoc, and a paragraph of the module's prose, read in rustdoc as on the page:
//! the same text, code spans, emphasis, links and inline HTML, in the same order, with the
//! page's `<a name>` anchors dropped. Dropping an anchor joins what was on either side of it
//! (`` `a`<a name="x"></a>`b` `` is two code spans on the page; cut out, `` `a``b` `` is one
//! that shows the backticks), so the Markdown written must read back as what the page showed.

use catalog_gen::markdown::{self, PARSER_OPTIONS, is_anchor, is_anchor_close};
use catalog_gen::rustdoc::{self, Keeper, Links};
use comrak::nodes::{AstNode, NodeValue};
use proptest::prelude::*;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use url::Url;

/// Where the page is published: relative link targets are made absolute against it.
const URL: &str = "https://docs.example.com/guide/errors.html";

/// What a reader sees of inline Markdown, in order.
#[derive(Debug, PartialEq)]
enum Shown {
    /// Text, its runs of whitespace one space, as HTML shows them.
    Text(String),
    Code(String),
    /// Markup opened (`Emphasis`) or closed (`/Emphasis`), inline HTML (`html <b>`), a link
    /// without its target (which is made absolute), a line break.
    Mark(String),
}

/// Inline events as a reader sees them: text, code, markup, inline HTML but anchors, line
/// breaks. What shows the same is told the same way: code spans side by side, and runs of
/// the same emphasis side by side, are one (Markdown cannot write two side by side); spaces at
/// an emphasis' ends are outside it (`*a *` is text: an emphasis that ended in a space before
/// an anchor, `*a <a name="x"></a>*`, is written `*a* `); markup around nothing is none; and
/// the whole is trimmed.
fn shown<'a>(events: impl IntoIterator<Item = Event<'a>>) -> Vec<Shown> {
    let mut shown = Vec::new();
    let mut after_anchor = false;
    for event in events {
        let was_after_anchor = std::mem::take(&mut after_anchor);
        // An emphasis written as HTML shows as one written as Markdown.
        let event = match event {
            Event::InlineHtml(html) => match &*html {
                "<em>" => Event::Start(Tag::Emphasis),
                "</em>" => Event::End(TagEnd::Emphasis),
                "<strong>" => Event::Start(Tag::Strong),
                "</strong>" => Event::End(TagEnd::Strong),
                "<del>" => Event::Start(Tag::Strikethrough),
                "</del>" => Event::End(TagEnd::Strikethrough),
                _ => Event::InlineHtml(html),
            },
            event => event,
        };
        match event {
            Event::Text(text) => push_text(&mut shown, &text),
            Event::Code(code) => match shown.last_mut() {
                Some(Shown::Code(before)) => before.push_str(&code),
                _ => shown.push(Shown::Code(code.to_string())),
            },
            Event::InlineHtml(html) | Event::Html(html) if is_anchor(&html) => after_anchor = true,
            Event::InlineHtml(html) | Event::Html(html)
                if was_after_anchor && is_anchor_close(&html) => {}
            Event::InlineHtml(html) | Event::Html(html) => {
                shown.push(Shown::Mark(format!("html {html}")));
            }
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {}
            Event::Start(Tag::Link { .. }) => shown.push(Shown::Mark("link".into())),
            Event::Start(Tag::Image { .. }) => shown.push(Shown::Mark("image".into())),
            Event::End(end @ (TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough)) => {
                let spaced = matches!(shown.last(), Some(Shown::Text(text)) if text.ends_with(' '));
                if spaced && let Some(Shown::Text(text)) = shown.last_mut() {
                    text.pop();
                    if text.is_empty() {
                        shown.pop();
                    }
                }
                if shown.last() == Some(&Shown::Mark(format!("{end:?}"))) {
                    shown.pop();
                } else {
                    shown.push(Shown::Mark(format!("/{end:?}")));
                }
                if spaced {
                    push_text(&mut shown, " ");
                }
            }
            Event::Start(tag) => shown.push(Shown::Mark(format!("{tag:?}"))),
            Event::End(end) => shown.push(Shown::Mark(format!("/{end:?}"))),
            // Spaces before a line end or a break show as none.
            Event::SoftBreak | Event::HardBreak => {
                if let Some(Shown::Text(text)) = shown.last_mut() {
                    text.truncate(text.trim_end().len());
                    if text.is_empty() {
                        shown.pop();
                    }
                }
                shown.push(Shown::Mark(format!("{event:?}")));
            }
            other => shown.push(Shown::Mark(format!("{other:?}"))),
        }
    }
    // Runs of the same emphasis side by side, or with only a space between them (which shows
    // the same in the emphasis or not), are one.
    let mut joined: Vec<Shown> = Vec::with_capacity(shown.len());
    for item in shown {
        let space = match joined.last() {
            Some(Shown::Text(text)) if text.trim().is_empty() => joined.len() - 1,
            _ => joined.len(),
        };
        match (space.checked_sub(1).map(|end| &joined[end]), item) {
            (Some(Shown::Mark(end)), Shown::Mark(start)) if *end == format!("/{start}") => {
                joined.remove(space - 1);
                if let [.., Shown::Text(before), Shown::Text(_)] = &mut joined[..] {
                    before.push(' ');
                    joined.pop();
                }
            }
            (_, Shown::Text(text)) if matches!(joined.last(), Some(Shown::Text(_))) => {
                if let Some(Shown::Text(before)) = joined.last_mut() {
                    before.push_str(&text);
                }
            }
            // Code spans side by side once their emphasis is joined (`` _`a`_*`b`* ``) show
            // as one, as they do side by side anywhere.
            (_, Shown::Code(code)) if matches!(joined.last(), Some(Shown::Code(_))) => {
                if let Some(Shown::Code(before)) = joined.last_mut() {
                    before.push_str(&code);
                }
            }
            (_, item) => joined.push(item),
        }
    }
    let mut shown = joined;
    // A paragraph's text, and a cell's, shows without spaces or line ends at its ends.
    let soft_break = Shown::Mark("SoftBreak".into());
    while shown.last() == Some(&soft_break) {
        shown.pop();
    }
    if let Some(Shown::Text(text)) = shown.first_mut() {
        *text = text.trim_start().to_owned();
    }
    if let Some(Shown::Text(text)) = shown.last_mut() {
        text.truncate(text.trim_end().len());
    }
    shown.retain(|shown| *shown != Shown::Text(String::new()));
    shown
}

/// `text` after the last of `shown`, its runs of whitespace one space: joined to text there,
/// and where it starts an emphasis with a space, the space before the emphasis.
fn push_text(shown: &mut Vec<Shown>, text: &str) {
    let mut one_space = String::with_capacity(text.len());
    for c in text.chars() {
        if !c.is_whitespace() {
            one_space.push(c);
        } else if !one_space.ends_with(' ') {
            one_space.push(' ');
        }
    }
    let is_start = |mark: &Shown| matches!(mark, Shown::Mark(mark) if ["Emphasis", "Strong", "Strikethrough"].contains(&&**mark));
    if one_space.starts_with(' ') && shown.last().is_some_and(is_start) {
        let start = shown.pop().expect("an emphasis");
        push_text(shown, " ");
        shown.push(start);
        one_space.remove(0);
    }
    match shown.last_mut() {
        Some(Shown::Text(before)) if before.ends_with(' ') => {
            before.push_str(one_space.strip_prefix(' ').unwrap_or(&one_space));
        }
        Some(Shown::Text(before)) => before.push_str(&one_space),
        _ if one_space.is_empty() => {}
        _ => shown.push(Shown::Text(one_space)),
    }
}

/// The inline events of `markdown`, read as a paragraph.
fn read(markdown: &str) -> Vec<Shown> {
    shown(Parser::new_ext(markdown, PARSER_OPTIONS))
}

/// The inline content of the first block of `markdown` that has any (a paragraph, or the
/// first cell of a table's first row), as GitHub reads it: by comrak, a port of its cmark-gfm,
/// as the events pulldown-cmark would make of it. Not pulldown-cmark's reading: beside a `~`,
/// the two read emphasis apart (`**~ a**` is text on GitHub).
fn on_github(markdown: &str) -> Vec<Shown> {
    let arena = comrak::Arena::new();
    let mut options = comrak::Options::default();
    options.extension.table = true;
    options.extension.strikethrough = true;
    let root = comrak::parse_document(&arena, markdown, &options);
    let block = root.descendants().find(|node| {
        let value = &node.data.borrow().value;
        matches!(value, NodeValue::Paragraph)
            || matches!(value, NodeValue::TableCell)
                && node.parent().and_then(|row| row.previous_sibling()).is_some()
    });
    let mut events = Vec::new();
    block.into_iter().for_each(|block| push_events(block, &mut events));
    shown(events)
}

/// The inline content of `node` as pulldown-cmark's events.
fn push_events<'a>(node: &'a AstNode<'a>, events: &mut Vec<Event<'static>>) {
    for child in node.children() {
        let tag = match &child.data.borrow().value {
            NodeValue::Text(text) => {
                events.push(Event::Text(text.to_string().into()));
                continue;
            }
            NodeValue::Code(code) => {
                events.push(Event::Code(code.literal.clone().into()));
                continue;
            }
            NodeValue::HtmlInline(html) => {
                events.push(Event::InlineHtml(html.clone().into()));
                continue;
            }
            NodeValue::SoftBreak => {
                events.push(Event::SoftBreak);
                continue;
            }
            NodeValue::LineBreak => {
                events.push(Event::HardBreak);
                continue;
            }
            NodeValue::Emph => Tag::Emphasis,
            NodeValue::Strong => Tag::Strong,
            NodeValue::Strikethrough => Tag::Strikethrough,
            NodeValue::Link(_) => Tag::Link {
                link_type: pulldown_cmark::LinkType::Inline,
                dest_url: "".into(),
                title: "".into(),
                id: "".into(),
            },
            NodeValue::Image(_) => Tag::Image {
                link_type: pulldown_cmark::LinkType::Inline,
                dest_url: "".into(),
                title: "".into(),
                id: "".into(),
            },
            other => panic!("{other:?} in a generated cell"),
        };
        let end = tag.to_end();
        events.push(Event::Start(tag));
        push_events(child, events);
        events.push(Event::End(end));
    }
}

/// The inline events of a cell's rustdoc, read where rustdoc reads it: after its column's
/// name, on the same line (so `<b>` there is inline HTML, not a block).
fn read_after_label(doc: &str) -> Vec<Shown> {
    let mut shown = read(&format!("L {doc}"));
    let Some(Shown::Text(text)) = shown.first_mut() else { panic!("{doc:?} after its label") };
    *text = text.strip_prefix('L').expect("the label").trim_start().to_owned();
    if text.is_empty() {
        shown.remove(0);
    }
    shown
}

/// A piece of a cell's Markdown: words, code, emphasis, links, entities, punctuation, HTML, and
/// anchors, which are dropped, between them or inside them.
fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "a",
        "b c",
        "1",
        "`a`",
        "`b`",
        "``c``",
        "*a*",
        "_a_",
        "**a**",
        "__a__",
        "~~a~~",
        "[a](b.md)",
        "[b](https://x.test/b)",
        "[a]",
        "(b.md)",
        "&amp",
        "&amp;",
        ";",
        "*",
        "_",
        "`",
        "~",
        "[",
        "]",
        "!",
        "<",
        ">",
        "\\",
        "<b>",
        "</b>",
        "<br>",
        "**a:**_b_",
        "**~ a**",
        "[__~ b__](b.md)",
        "*a ~*",
        "*`a`*__b__",
        "*<a id=\"y\"></a> a*",
        "__a <a id=\"y\"></a>__",
        "<a name=\"x\"></a>",
        "<a id=\"y\"></a>",
        "<a name=\"z\">",
        "</a>",
    ])
}

/// A cell's Markdown: pieces, each after a space or not.
fn cell() -> impl Strategy<Value = String> {
    joined(piece())
}

/// A paragraph's Markdown: a cell's pieces, and now and then a line end, after spaces that
/// make it a hard break or not, or after spaces and an anchor (which CloudFormation's reference
/// pages end a property's name with).
fn paragraph() -> impl Strategy<Value = String> {
    let line_end = prop::sample::select(vec!["\n", "  \n", " \n", "  <a name=\"p\"></a>\n"]);
    joined(prop_oneof![8 => piece(), 1 => line_end])
}

/// One to seven of `pieces`, each after a space or not.
fn joined(pieces: impl Strategy<Value = &'static str>) -> impl Strategy<Value = String> {
    prop::collection::vec((pieces, any::<bool>()), 1..8).prop_map(|pieces| {
        let mut joined = String::new();
        for (piece, space) in pieces {
            if space && !joined.is_empty() {
                joined.push(' ');
            }
            joined.push_str(piece);
        }
        joined
    })
}

/// Whether `line`, as a line of a paragraph, shows nothing: only anchors and spaces, say.
fn shows_nothing(line: &str) -> bool {
    read(&format!("x {line}")) == [Shown::Text("x".into())]
}

/// Whether `markdown` is one paragraph and nothing else.
fn is_one_paragraph(markdown: &str) -> bool {
    let mut blocks = Parser::new_ext(markdown, PARSER_OPTIONS).filter(|event| match event {
        Event::Start(tag) => !matches!(
            tag,
            Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. } | Tag::Image { .. }
        ),
        Event::Rule => true,
        _ => false,
    });
    matches!(blocks.next(), Some(Event::Start(Tag::Paragraph))) && blocks.next().is_none()
}

/// What the one cell of `row` shows on the page, and what its rustdoc shows, made each way a
/// cell's rustdoc is made (from its edits kept, and from its events).
fn shown_in_cell(row: &str) -> (Vec<Shown>, [Vec<Shown>; 2]) {
    let base = Url::parse(URL).expect("a URL");
    let source = format!("| k |\n| --- |\n| {row} |\n");
    let shown_in_rustdoc = |plain_base: bool| {
        let page = markdown::parse_keeping(&source, || Keeper::new(plain_base));
        let cell = &page.tables[0].rows[0].cells()[0];
        let doc = rustdoc::inline(&source, cell, &mut Links::new(&base));
        read_after_label(&doc.text(&source))
    };
    let page = if beside_tilde(row) {
        on_github(&source)
    } else {
        let events = Parser::new_ext(&source, PARSER_OPTIONS);
        let in_cell = events
            .skip_while(|event| !matches!(event, Event::Start(Tag::TableRow)))
            .skip(2)
            .take_while(|event| !matches!(event, Event::End(TagEnd::TableCell)));
        shown(in_cell)
    };
    (page, [shown_in_rustdoc(true), shown_in_rustdoc(false)])
}

/// Whether `markdown` has a run of `*` or `_` beside a `~`, which GitHub judges by what is
/// past the `~`, pulldown-cmark by the `~` itself: the page is then read as GitHub reads it
/// ([`on_github`]). Elsewhere pulldown-cmark's reading is the page's (the two part on other
/// shapes too, such as `` ` ``c`` ``c`` ``, which none of `tests/gfm.rs`'s real shapes has).
fn beside_tilde(markdown: &str) -> bool {
    runs_beside_tildes(markdown).next().is_some()
}

/// Whether `markdown` has a run of `*` or `_` beside a `~` that GitHub reads otherwise than
/// pulldown-cmark, and the generator as pulldown-cmark: one with something other than
/// whitespace past the `~` or on its other side. The generator rewrites only runs that GitHub
/// reads as text (`catalog_gen::markdown`'s `tildes`), as such runs stand on real pages.
///
/// Also left out, where a run is beside a `~`: a second `~`, as GitHub, comrak and
/// pulldown-cmark each pair single tildes otherwise (`*a ~* a~a` strikes `* a` on GitHub once
/// its second `*` is text; comrak reads `~~a~~~ *~ *a*` otherwise than cmark-gfm), code
/// spans (cmark-gfm reads `` ` ``c`` ``c`` `` as one span and text, pulldown-cmark as two),
/// and declarations (`<!a>`: HTML to CommonMark 0.31 and pulldown-cmark, text to GFM's 0.29
/// and comrak, which take `<!` before an uppercase letter only; found at 784,706 cases).
fn beside_tilde_unspaced(markdown: &str) -> bool {
    let parts_otherwise =
        || markdown.matches('~').count() > 1 || markdown.contains('`') || markdown.contains("<!");
    runs_beside_tildes(markdown).any(|spaced| !spaced)
        || beside_tilde(markdown) && parts_otherwise()
}

/// For each run of `*` or `_` in `markdown` beside a `~`: whether whitespace (or a cell's or
/// the text's edge) is past the `~` and on the run's other side.
fn runs_beside_tildes(markdown: &str) -> impl Iterator<Item = bool> + '_ {
    let bytes = markdown.as_bytes();
    let spaced =
        |byte: Option<&u8>| byte.is_none_or(|byte| byte.is_ascii_whitespace() || *byte == b'|');
    let runs = (0..bytes.len())
        .filter(|&at| b"*_".contains(&bytes[at]) && (at == 0 || bytes[at - 1] != bytes[at]));
    runs.filter_map(move |start| {
        let end = start + bytes[start..].iter().take_while(|&&byte| byte == bytes[start]).count();
        let beside =
            start.checked_sub(1).map(|at| bytes[at]) == Some(b'~') || bytes.get(end) == Some(&b'~');
        let before = bytes[..start].iter().rev().find(|&&byte| byte != b'~');
        let after = bytes[end..].iter().find(|&&byte| byte != b'~');
        beside.then(|| spaced(before) && spaced(after))
    })
}

/// Whether what `shown` shows has a strikethrough in a strikethrough: GitHub nests one in
/// another where pulldown-cmark does not (`~a ~~b~~ c~`), which [`struck_twice`] leaves out.
fn shown_struck_twice(shown: &[Shown]) -> bool {
    let mut struck = 0;
    shown.iter().any(|item| {
        match item {
            Shown::Mark(mark) if mark == "Strikethrough" => struck += 1,
            Shown::Mark(mark) if mark == "/Strikethrough" => struck -= 1,
            _ => {}
        }
        struck > 1
    })
}

/// Whether `markdown` has a strikethrough in a strikethrough, which pulldown-cmark-to-cmark 23
/// writes so that it reads otherwise: left out, as the writer's limit.
fn struck_twice(markdown: &str) -> bool {
    let mut struck = 0;
    Parser::new_ext(markdown, PARSER_OPTIONS).any(|event| {
        match event {
            Event::Start(Tag::Strikethrough) => struck += 1,
            Event::End(TagEnd::Strikethrough) => struck -= 1,
            _ => {}
        }
        struck > 1
    })
}

proptest! {
    // A page struck twice is left out, and one with a run beside a `~` that the generator
    // does not read as GitHub does: about one case in five, at any number of cases.
    #![proptest_config(ProptestConfig {
        cases: 2048,
        max_global_rejects: 1 << 22,
        ..ProptestConfig::default()
    })]

    #[test]
    fn a_cells_rustdoc_shows_what_the_page_shows(row in cell()) {
        prop_assume!(!struck_twice(&row) && !beside_tilde_unspaced(&row));
        let (page, docs) = shown_in_cell(&row);
        prop_assume!(!shown_struck_twice(&page));
        for (doc, made_from) in docs.iter().zip(["its edits", "its events"]) {
            // Inline HTML that starts the cell (`<b>`, `<!a<b>`, anchors aside) would start an
            // HTML block written alone: the cell is its plain text then, which shows the same
            // text, without that HTML (whose tags show no text).
            let is_html = |item: &Shown| matches!(item, Shown::Mark(mark) if mark.starts_with("html "));
            let text = page.iter().position(|item| !is_html(item)).unwrap_or(page.len());
            let plain = *doc == page[text..] && text > 0;
            prop_assert!(plain || *doc == page, "{:?} from {}: {:?}", row, made_from, doc);
        }
    }

    #[test]
    fn the_prose_shows_what_the_page_shows(paragraph in paragraph()) {
        let base = Url::parse(URL).expect("a URL");
        // After a word: a paragraph that starts with HTML is the module_docs property's.
        let source = format!("P {paragraph}\n");
        prop_assume!(!struck_twice(&source) && !beside_tilde_unspaced(&source));
        // One paragraph: a line end does not start another block (a blank line, a list item).
        // A line that shows nothing (only anchors), which the prose drops with its line end, is
        // not generated.
        prop_assume!(is_one_paragraph(&source) && !source.lines().any(shows_nothing));
        let page = markdown::parse(&source);
        let prose = rustdoc::prose(&page, &base, &[], &[]);
        let page = if beside_tilde(&source) { on_github(&source) } else { read(&source) };
        prop_assume!(!shown_struck_twice(&page));
        // The prose writes a break where a line starts as `<br>` (a line of just `\\`, written
        // as two spaces on a line of their own, would end the paragraph).
        let br_as_break = |shown: Vec<Shown>| -> Vec<Shown> {
            let br = Shown::Mark("html <br>".into());
            shown.into_iter().map(|item| if item == br { Shown::Mark("HardBreak".into()) } else { item }).collect()
        };
        prop_assert_eq!(br_as_break(read(&prose)), br_as_break(page), "{:?}: {:?}", paragraph, prose);
    }
}
