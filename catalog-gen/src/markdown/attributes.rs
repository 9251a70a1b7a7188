//! Attribute blocks: `{#id}`, `{.class}`, `{: #id title="Frame Types"}`, with which kramdown
//! (the Markdown of IETF drafts), Pandoc and PHP Markdown Extra give a block its anchor and
//! attributes. GitHub knows none of them and shows them as text: a heading that ends in one
//! keeps it in its text, and one on the line under a table is a row of the table, of one
//! cell. The page is read as GitHub reads it; these say where the published page, made by one
//! of those tools, reads otherwise, so that the manifest may name what that page shows.

/// Whether `text` is one attribute block, whole.
pub fn is_attribute_block(text: &str) -> bool {
    text.strip_prefix('{')
        .and_then(|inside| inside.strip_suffix('}'))
        .is_some_and(|inside| inside.trim_start().starts_with(['#', '.', ':']))
}

/// `text` before the attribute block that ends it after a space (`Errors {#errors}`: `Errors`),
/// where one does.
pub fn before_attribute_block(text: &str) -> Option<&str> {
    let open = text.rfind('{')?;
    let before = &text[..open];
    (is_attribute_block(&text[open..]) && before.ends_with(char::is_whitespace))
        .then(|| before.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_of_attributes_are_told_from_braces_of_text() {
        for block in ["{#errors}", "{: #frame-types title=\"Frame Types\"}", "{.reset}", "{ #a }"] {
            assert!(is_attribute_block(block), "{block}");
        }
        for text in ["{1, 2}", "{}", "{#a} b", "#a", "{{grease}}"] {
            assert!(!is_attribute_block(text), "{text}");
        }
        assert_eq!(
            before_attribute_block("Session Errors {#iana-session}"),
            Some("Session Errors")
        );
        assert_eq!(before_attribute_block("Stream Errors  {: .reset}"), Some("Stream Errors"));
        assert_eq!(before_attribute_block("Errors{#errors}"), None);
        assert_eq!(before_attribute_block("Set {1, 2}"), None);
    }
}
