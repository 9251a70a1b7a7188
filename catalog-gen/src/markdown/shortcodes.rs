//! GitHub's emoji shortcodes (`:x:`, `:white_check_mark:`, `:warning:`): text that GitHub shows
//! as a picture, as READMEs write a status icon in a table's cells. Known by their shape, a
//! word of lower-case letters, digits, `_`, `+` and `-` between two colons, not by GitHub's list
//! of them: a word so written and not on the list is rare, and the list changes.

use std::borrow::Cow;

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
