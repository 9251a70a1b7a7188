//! Whether a cell's content is crossed out, as registries cross out a code no longer in use
//! (`| ~~0x06~~ | ~~trickleICE~~ | deleted: do not reuse the byte |`): GitHub shows it struck
//! through, deleted text.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::PARSER_OPTIONS;

/// The HTML tags GitHub shows struck through, each as it opens (lower case) and closes.
const STRUCK_TAGS: [(&str, &str); 3] =
    [("<del>", "</del>"), ("<s>", "</s>"), ("<strike>", "</strike>")];

/// Whether `markdown`, a cell's inline content, is all of it one strikethrough (`~~0x06~~`,
/// `~0x06~`, GFM's) or one `<del>`, `<s>` or `<strike>` element: text around it (`~~404~~
/// 410`) is not crossed out. In a table written in HTML (`html`), whose cells GitHub reads as
/// HTML, only an element is: `<td>~~7~~</td>` shows its tildes. Read only where it starts with
/// `~` or `<`.
pub fn is_crossed_out(markdown: &str, html: bool) -> bool {
    // Told by the first byte for most cells, before a trim that reads characters: every key
    // cell of a table is asked.
    match markdown.trim_ascii_start().as_bytes().first() {
        Some(b'~') => !html && is_one_strikethrough(markdown.trim()),
        Some(b'<') => is_one_struck_element(markdown.trim()),
        _ => false,
    }
}

/// Whether `markdown` reads as one strikethrough and nothing after it.
fn is_one_strikethrough(markdown: &str) -> bool {
    let mut events = Parser::new_ext(markdown, PARSER_OPTIONS);
    if events.next() != Some(Event::Start(Tag::Paragraph))
        || events.next() != Some(Event::Start(Tag::Strikethrough))
    {
        return false;
    }
    let mut depth = 1;
    for event in events.by_ref() {
        match event {
            Event::Start(Tag::Strikethrough) => depth += 1,
            Event::End(TagEnd::Strikethrough) => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            _ => {}
        }
    }
    depth == 0 && events.next() == Some(Event::End(TagEnd::Paragraph)) && events.next().is_none()
}

/// Whether `markdown` is one `<del>`, `<s>` or `<strike>` element, opened at its start and
/// closed at its end, with no other such element closed inside it (`<s>a</s> b <s>c</s>`).
fn is_one_struck_element(markdown: &str) -> bool {
    STRUCK_TAGS.iter().any(|(open, close)| {
        let starts =
            markdown.get(..open.len()).is_some_and(|start| start.eq_ignore_ascii_case(open));
        let at_end = markdown.len().checked_sub(close.len()).and_then(|at| markdown.get(at..));
        let ends = at_end.is_some_and(|end| end.eq_ignore_ascii_case(close));
        let inner = markdown.get(open.len()..markdown.len().saturating_sub(close.len()));
        starts && ends && inner.is_some_and(|inner| !inner.to_ascii_lowercase().contains(close))
    })
}

#[cfg(test)]
mod tests {
    use super::is_crossed_out;

    #[test]
    fn a_cell_crossed_out_whole_is_crossed_out() {
        for crossed in [
            "~~0x06~~",
            "~0x06~",
            " ~~`trickleICE`~~ ",
            "~~a ~~b~~ c~~",
            "<del>0x06</del>",
            "<S>6</S>",
            "<strike>6</strike>",
        ] {
            assert!(is_crossed_out(crossed, false), "{crossed}");
            let element = crossed.starts_with('<');
            assert_eq!(is_crossed_out(crossed, true), element, "{crossed} in HTML");
        }
        for not_whole in [
            "0x06",
            "~~404~~ 410",
            "~~404~~ ~~410~~",
            "410 ~~404~~",
            "~~ 404~~",
            "~~~404~~~",
            "<del>404</del> 410",
            "<s>4</s> and <s>5</s>",
            "<sup>1</sup>",
            "<s>",
            "",
        ] {
            assert!(!is_crossed_out(not_whole, false), "{not_whole}");
        }
    }
}
