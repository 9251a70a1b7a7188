//! The caption of a table folded in a disclosure or a tab. READMEs fold a long table in
//! `<details>` under a `<summary>` (`<details><summary>Client errors</summary>`, a blank line,
//! the table), and GitHub shows the summary right above the table, as it shows a bold line
//! above one; MDX pages (Docusaurus) put each table in a tab, `<TabItem value="client"
//! label="Client errors">`, whose label the tab shows. So the summary or the label captions the
//! table: `caption = "Client errors"` picks it, and it titles the enum.

use std::ops::Range;

use html5gum::{DefaultEmitter, Token, Tokenizer};

use super::html_table::collapse_whitespace;

/// Where the HTML block `html`, at `from` on the page, ends with a `<summary>` element or a
/// `<TabItem>` start tag with a `label` (only whitespace or comments after it), the summary's
/// text, its whitespace collapsed and its tags dropped (`<b>`), or the label; and where that
/// text is on the page. `None` where it shows none.
pub(super) fn folded_caption(html: &str, from: usize) -> Option<(String, Range<usize>)> {
    // Most blocks of HTML hold neither: told by a search, not tokenized.
    let bytes = html.as_bytes();
    let starts = |at: usize, tag: &[u8]| {
        bytes[at..].get(..tag.len()).is_some_and(|start| start.eq_ignore_ascii_case(tag))
    };
    let either = |at: usize| starts(at, b"<summary") || starts(at, b"<tabitem");
    if !memchr::memchr_iter(b'<', bytes).any(either) {
        return None;
    }
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    // As a table's cells are read (`html_table`): the tags GFM's tagfilter disallows are text.
    emitter.naively_switch_states(false);
    // The last summary's text so far, and whether it is open, or closed with nothing after it.
    let mut parts: Vec<(String, Range<usize>)> = Vec::new();
    let (mut open, mut last) = (false, false);
    for token in Tokenizer::new_with_emitter(html, emitter).filter_map(Result::ok) {
        match token {
            Token::StartTag(tag) if tag.name.as_slice() == b"summary" => {
                parts.clear();
                (open, last) = (true, false);
            }
            Token::EndTag(tag) if tag.name.as_slice() == b"summary" => (open, last) = (false, open),
            Token::StartTag(tag) if !open && tag.name.as_slice() == b"tabitem" => {
                let label = tag.attributes.get(b"label".as_slice());
                let label = label.and_then(|label| {
                    let text = std::str::from_utf8(&label.value).ok()?;
                    // The attribute's span is the whole `label="…"`: the value where it is
                    // written as read (no entity in it), else the attribute.
                    let (start, end) = (label.span.start, label.span.end);
                    let value = html[start..end].find(text).map(|at| start + at);
                    let span = value.map_or(start..end, |at| at..at + text.len());
                    Some((collapse_whitespace(text), span))
                });
                parts = label.into_iter().collect();
                last = !parts.is_empty();
            }
            Token::String(text) if open => {
                let Ok(value) = std::str::from_utf8(&text.value) else { continue };
                parts.push((collapse_whitespace(value), text.span.start..text.span.end));
            }
            // Its tags (`<b>`, `<code>`) show the text they hold.
            Token::StartTag(_) | Token::EndTag(_) if open => {}
            Token::String(text) if text.value.iter().all(u8::is_ascii_whitespace) => {}
            Token::Comment(_) => {}
            _ => last = false,
        }
    }
    let text: String = parts.iter().map(|(text, _)| text.as_str()).collect();
    let text = text.trim();
    if !last || text.is_empty() {
        return None;
    }
    let mut shown = parts.iter().filter(|(text, _)| !text.trim().is_empty());
    let (first, end) = (shown.clone().next()?.1.start, shown.next_back()?.1.end);
    let span = super::trim_span(html, first..end);
    Some((text.to_owned(), span.start + from..span.end + from))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_that_ends_with_a_summary_captions_what_follows_it() {
        fn text(html: &str) -> Option<(String, &str)> {
            folded_caption(html, 0).map(|(text, span)| (text, &html[span]))
        }
        let folded = "<details>\n<summary>Client errors</summary>\n";
        assert_eq!(text(folded), Some(("Client errors".into(), "Client errors")));
        let styled = "<DETAILS><Summary> <b>Server</b>\n errors </Summary><!-- x -->\n";
        assert_eq!(text(styled), Some(("Server errors".into(), "Server</b>\n errors")));
        let tab = "<Tabs>\n  <TabItem value=\"client\" label=\"Client  errors\" default>\n";
        assert_eq!(text(tab), Some(("Client errors".into(), "Client  errors")));
        // Shown text after the summary or the tab, an empty summary, an unclosed one, a tab of
        // no label, none: no caption.
        for none in [
            "<details><summary>A</summary><p>Intro</p>\n",
            "<details><summary>A</summary>Intro\n",
            "<details><summary> </summary>\n",
            "<details><summary>A\n",
            "<TabItem value=\"a\" label=\"A\">Intro\n",
            "<TabItem value=\"a\">\n",
            "<details>\n",
        ] {
            assert_eq!(text(none), None, "{none}");
        }
    }
}
