//! The few HTML tags the pages' text is read through: anchors (`<a name="…">`, which render as
//! nothing but name a row's place) and line breaks (`<br>`).

/// An `<a name="...">` or `<a id="...">` anchor, which renders as nothing.
pub fn is_anchor(html: &str) -> bool {
    // Told without a lowered copy for any other tag: this runs for every HTML event.
    let html = html.trim();
    if !html.get(..3).is_some_and(|start| start.eq_ignore_ascii_case("<a ")) {
        return false;
    }
    let lower = html.to_ascii_lowercase();
    (lower.contains("name=") || lower.contains("id=")) && !lower.contains("href=")
}

/// The name an anchor gives its place (`<a name="x">`, `<a id='x'>`), if `html` is one.
pub fn anchor_name(html: &str) -> Option<String> {
    if !is_anchor(html) {
        return None;
    }
    let lower = html.to_ascii_lowercase();
    let start = ["name=", "id="]
        .iter()
        .find_map(|attribute| lower.find(attribute).map(|at| at + attribute.len()))?;
    let rest = html.get(start..)?;
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &rest[1..];
    let name = &value[..value.find(quote)?];
    (!name.is_empty()).then(|| name.to_owned())
}

/// Whether a line of an HTML block holds only an anchor, closed or not (`<a id="x"></a>`),
/// which renders as nothing. A line with more (`<a id="x"></a><b>Shown</b>`) shows that more:
/// it is no anchor line. So is one whose tag holds a `>` in an attribute, which is rare: such
/// a line is kept whole rather than read.
pub fn is_anchor_line(line: &str) -> bool {
    let line = line.trim();
    let open = match line.len().checked_sub("</a>".len()).and_then(|at| line.get(at..)) {
        Some(end) if is_anchor_close(end) => line[..line.len() - end.len()].trim_end(),
        _ => line,
    };
    is_anchor(open) && open.ends_with('>') && open.matches(['<', '>']).count() == 2
}

/// The `</a>` that closes an anchor.
pub fn is_anchor_close(html: &str) -> bool {
    html.trim().eq_ignore_ascii_case("</a>")
}

/// `<br>`, `<br/>` or `<br />`; or `</br>`, which a browser reads as `<br>` (HTML's parsing
/// rules make an end tag `br` a line break), and so GitHub shows as one: Microsoft's docs
/// write it in cells.
pub fn is_line_break(html: &str) -> bool {
    let lower = html.trim().to_ascii_lowercase();
    let Some(tag) = lower.strip_prefix('<').and_then(|tag| tag.strip_suffix('>')) else {
        return false;
    };
    let tag = tag.strip_prefix('/').unwrap_or(tag);
    tag.trim_end_matches('/').trim() == "br"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_are_br_tags_however_written() {
        for html in ["<br>", "<BR>", "<br/>", "<br />", " <br > ", "</br>", "</BR>"] {
            assert!(is_line_break(html), "{html}");
        }
        for html in ["<b>", "<brr>", "<br", "br>", "<a name=\"br\">", "</b>"] {
            assert!(!is_line_break(html), "{html}");
        }
    }
}
