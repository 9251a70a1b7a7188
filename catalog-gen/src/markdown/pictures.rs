//! What GitHub shows as a picture rather than as words, however a cell's text reads: an image
//! (`![ok](ok.png)`, whose text is its alt text, or `<img src="ok.svg">`, whose tag the text
//! keeps), and an emoji's shortcode (`:x:`, `:white_check_mark:`, `:warning:`), as READMEs write
//! a status icon in a table's cells. Shortcodes are known by their shape, a word of lower-case
//! letters, digits, `_`, `+` and `-` between two colons, not by GitHub's list of them: a word so
//! written and not on the list is rare, and the list changes.

use std::borrow::Cow;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::PARSER_OPTIONS;

/// Whether `markdown`, inline Markdown, is one image and nothing else: `![ok](ok.png)`,
/// `![ok][ref]`, or one `<img>` tag.
pub fn is_one_image(markdown: &str) -> bool {
    let is_img = |html: &str| {
        super::html::element(html).is_some_and(|name| name.eq_ignore_ascii_case("img"))
    };
    let mut events = Parser::new_ext(markdown, PARSER_OPTIONS);
    let end = match events.next() {
        Some(Event::Start(Tag::Paragraph)) => {
            let image = match events.next() {
                // An image's alt text is events of its own, up to its end.
                Some(Event::Start(Tag::Image { .. })) => {
                    events.by_ref().any(|event| event == Event::End(TagEnd::Image))
                }
                Some(Event::InlineHtml(tag)) => is_img(&tag),
                _ => false,
            };
            image.then_some(TagEnd::Paragraph)
        }
        // A tag alone reads as a block of HTML, as a cell's content it is inline.
        Some(Event::Start(Tag::HtmlBlock)) => {
            matches!(events.next(), Some(Event::Html(tag)) if is_img(&tag))
                .then_some(TagEnd::HtmlBlock)
        }
        _ => None,
    };
    end.is_some_and(|end| events.next() == Some(Event::End(end)) && events.next().is_none())
}

/// Whether `word` is an emoji's shortcode by its shape (`:x:`, `:+1:`, `:white_check_mark:`).
pub fn is_emoji_shortcode(word: &str) -> bool {
    let Some(name) = word.strip_prefix(':').and_then(|rest| rest.strip_suffix(':')) else {
        return false;
    };
    !name.is_empty()
        && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"_+-".contains(&b))
}

/// `text` without the shortcodes that stand as words of their own (`:warning: Disk full` is
/// `Disk full`), as a name is made of the words the page shows; its words then one space
/// apart. Borrowed where it has none.
pub fn without_emoji_shortcodes(text: &str) -> Cow<'_, str> {
    if !text.contains(':') || !text.split_whitespace().any(is_emoji_shortcode) {
        return Cow::Borrowed(text);
    }
    let words: Vec<&str> =
        text.split_whitespace().filter(|word| !is_emoji_shortcode(word)).collect();
    Cow::Owned(words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_image_is_a_picture_and_more_is_not() {
        for markdown in [
            "![ok](ok.png)",
            "![](ok.png)",
            "![ok][ok]\n\n[ok]: ok.png",
            "<img src=\"ok.svg\">",
            "<IMG SRC=ok.svg />",
        ] {
            assert!(is_one_image(markdown), "{markdown}");
        }
        for markdown in [
            "![a](a.png) ![b](b.png)",
            "![ok](ok.png) HTTP",
            "ok",
            "<b>ok</b>",
            "<img src=x",
            "[ok](ok.png)",
            "<imgs>",
        ] {
            assert!(!is_one_image(markdown), "{markdown}");
        }
    }

    #[test]
    fn shortcodes_are_words_between_colons_that_github_shows_as_pictures() {
        for word in [":x:", ":+1:", ":white_check_mark:", ":e-mail:", ":1st_place_medal:"] {
            assert!(is_emoji_shortcode(word), "{word}");
        }
        for word in ["::", ":", "x:", ":x", ":Warning:", ":a b:", "Error:", "a:b:c", "12:30:"] {
            assert!(!is_emoji_shortcode(word), "{word}");
        }
        assert_eq!(without_emoji_shortcodes(":warning: Disk full"), "Disk full");
        assert_eq!(without_emoji_shortcodes("Disk :x: full"), "Disk full");
        let kept = ["Error: disk full", "Disk full", "at 12:30:00", ":warning:Disk"];
        for text in kept {
            assert!(matches!(without_emoji_shortcodes(text), Cow::Borrowed(_)), "{text}");
        }
    }
}
