//! The few HTML tags the pages' text is read through: anchors (`<a name="…">`, which render as
//! nothing but name a row's place), line breaks (`<br>`), the tags that format the text
//! they hold (`<code>`, `<b>`), which show that text as it is, the tags of blocks (`<dt>`),
//! which show it on lines of its own, comments, which show nothing, and the link targets of
//! links and images (`<a href="…">`, `<img src="…">`), which rustdoc must be given absolute,
//! the tags GFM disallows (`<script>`), which it must be given as text, and the attributes that
//! would run a script (`onerror=…`, `href="javascript:…"`), which it must not be given.

use std::ops::Range;

use html5gum::{DefaultEmitter, Token, Tokenizer};

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
    let (_, attributes) = split_name(html.trim().strip_prefix('<')?.strip_suffix('>')?);
    let value = ["name", "id"].iter().find_map(|name| attribute_value(attributes, name))?;
    let name = &attributes[value];
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

/// The inline elements whose rendering is the text they hold, in a font or a style or as a
/// link: a cell of `<code>404</code>` shows `404`, as one of `` `404` `` does. Not `sup` and
/// `sub`, whose text reads otherwise beside the text before it (`406<sup>1</sup>` is a
/// footnote's mark, not `4061`), nor `q`, which adds quotation marks, nor any tag not named
/// here (`Vec<T>` written unescaped), which is kept as written: text is never lost.
const FORMATTING: [&str; 25] = [
    "a", "abbr", "b", "bdi", "big", "cite", "code", "del", "dfn", "em", "font", "i", "ins", "kbd",
    "mark", "s", "samp", "small", "span", "strike", "strong", "time", "tt", "u", "var",
];

/// An opening or closing tag of an element whose rendering is the text it holds (`<code>`,
/// `</b>`, `<span class="x">`; not `<sup>`, `<q>` or a tag of no such element), which a
/// cell's plain text drops as it drops Markdown's emphasis.
pub fn is_formatting_tag(html: &str) -> bool {
    element(html)
        .is_some_and(|name| FORMATTING.iter().any(|known| known.eq_ignore_ascii_case(name)))
}

/// The elements that a cell shows on lines of their own: the terms and definitions of a
/// definition list, as Microsoft's Win32 reference writes a return code and its value in one
/// cell (`<dl> <dt>**E_INVALIDARG**</dt> <dt>0x80070057</dt> </dl>`), paragraphs, blocks, list
/// items and block quotes (the same reference's notes in a cell: `state. <br /><blockquote>[!Note]<br />As
/// of Windows 7, …</blockquote><br />`).
const BLOCKS: [&str; 9] = ["dl", "dt", "dd", "p", "div", "ul", "ol", "li", "blockquote"];

/// An opening or closing tag of an element a cell shows on lines of its own (`<dt>`, `</p>`,
/// `<li>`), which a cell's plain text reads as the end of a line.
pub fn is_block_tag(html: &str) -> bool {
    element(html).is_some_and(|name| BLOCKS.iter().any(|known| known.eq_ignore_ascii_case(name)))
}

/// The element that `html` opens or closes, where it is one tag (`<code>`, `</b>`, `<span
/// class="x">`, `<br/>`): after the name, nothing, or in an opening tag attributes after a
/// space, or a `/`.
pub(super) fn element(html: &str) -> Option<&str> {
    let tag = html.trim().strip_prefix('<')?.strip_suffix('>')?;
    let (tag, closing) = match tag.strip_prefix('/') {
        Some(tag) => (tag, true),
        None => (tag, false),
    };
    let (name, rest) = split_name(tag);
    let rest_fits = match closing {
        true => rest.trim().is_empty(),
        false => rest.is_empty() || rest.starts_with(|c: char| c.is_ascii_whitespace() || c == '/'),
    };
    (rest_fits && !name.is_empty()).then_some(name)
}

/// The elements of HTML (WHATWG's, and the obsolete ones pages still write: `big`, `center`,
/// `font`, `strike`, `tt`), sorted: a tag of one shows no word of its own ([`without_tags`]).
const ELEMENTS: [&str; 117] = [
    "a",
    "abbr",
    "address",
    "area",
    "article",
    "aside",
    "audio",
    "b",
    "base",
    "bdi",
    "bdo",
    "big",
    "blockquote",
    "body",
    "br",
    "button",
    "canvas",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "datalist",
    "dd",
    "del",
    "details",
    "dfn",
    "dialog",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "font",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "i",
    "iframe",
    "img",
    "input",
    "ins",
    "kbd",
    "label",
    "legend",
    "li",
    "link",
    "main",
    "map",
    "mark",
    "menu",
    "meta",
    "meter",
    "nav",
    "noscript",
    "object",
    "ol",
    "optgroup",
    "option",
    "output",
    "p",
    "picture",
    "pre",
    "progress",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "script",
    "search",
    "section",
    "select",
    "slot",
    "small",
    "source",
    "span",
    "strike",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "time",
    "title",
    "tr",
    "track",
    "tt",
    "u",
    "ul",
    "var",
    "video",
    "wbr",
];

/// `text` with each tag of HTML's elements a space: the tags show no word of their own, and
/// what they hold is set apart from the text around it, in a superscript or an image
/// (`Gone<sup>see below</sup>` is `Gone see below `, `<img src="x.png"> Disk full` is
/// `  Disk full`). The words a name is made of, where a cell's plain text keeps the tags it
/// cannot show otherwise (`<sub>`, `<sup>`, `<q>`, `<img>`). A `<` that starts no such tag
/// (`Vec<T>`, `a < b`) is text. Borrowed where there is no tag.
pub(crate) fn without_tags(text: &str) -> std::borrow::Cow<'_, str> {
    if memchr::memchr(b'<', text.as_bytes()).is_none() {
        return std::borrow::Cow::Borrowed(text);
    }
    let (mut out, mut rest, mut dropped) = (String::with_capacity(text.len()), text, false);
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match tag_len(rest).filter(|&len| element(&rest[..len]).is_some_and(is_element)) {
            Some(len) => {
                out.push(' ');
                rest = &rest[len..];
                dropped = true;
            }
            None => {
                out.push('<');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    match dropped {
        true => std::borrow::Cow::Owned(out),
        false => std::borrow::Cow::Borrowed(text),
    }
}

/// The length of the tag `text` starts with (`<`), up to its `>` outside quoted attribute
/// values (`<img alt="a > b">`); `None` where it has none.
fn tag_len(text: &str) -> Option<usize> {
    let mut quote = None;
    for (at, byte) in text.bytes().enumerate().skip(1) {
        match (quote, byte) {
            (None, b'"' | b'\'') => quote = Some(byte),
            (Some(open), _) if byte == open => quote = None,
            (None, b'>') => return Some(at + 1),
            // A tag is on one line of a cell's text or is none.
            (_, b'\n') => return None,
            _ => {}
        }
    }
    None
}

/// Whether `name` is an element of HTML's ([`ELEMENTS`]), in any case.
fn is_element(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    ELEMENTS.binary_search(&lower.as_str()).is_ok()
}

/// A tag's text between `<` and `>` as its element's name and what follows it (its attributes,
/// in an opening tag).
fn split_name(tag: &str) -> (&str, &str) {
    tag.split_at(tag.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(tag.len()))
}

/// The elements that link to or load what an attribute of theirs names: a relative target
/// (`<a href="/ja/reference/liff/#initialize-liff-app">`, as the pages a site renders write
/// them: LINE's LIFF reference) is relative to the page's URL, and in rustdoc would be
/// relative to the crate's docs, where it leads nowhere.
const LINKING: [(&str, &str); 2] = [("a", "href"), ("img", "src")];

/// Where in `html` (an HTML event: a tag, or a line of an HTML block) the link target of each
/// opening tag of a linking element (`<a href>`, `<img src>`) is, without its quotes, in the
/// order written.
pub fn link_targets(html: &str) -> Vec<Range<usize>> {
    let mut targets = Vec::new();
    // Most HTML events have no attribute (`<br>`, `<b>`): told before any tag is read.
    if !html.contains('=') {
        return targets;
    }
    let mut from = 0;
    while let Some(open) = html[from..].find('<') {
        let start = from + open + 1;
        let Some(close) = html[start..].find('>') else { break };
        from = start + close + 1;
        let (name, attributes) = split_name(&html[start..start + close]);
        let linking = LINKING.iter().find(|(element, _)| element.eq_ignore_ascii_case(name));
        let value = linking.and_then(|&(_, attribute)| attribute_value(attributes, attribute));
        if let Some(value) = value {
            let at = start + name.len();
            targets.push(at + value.start..at + value.end);
        }
    }
    targets
}

/// The link target of `html` where it is one opening tag of a link, `<a href="…">` (an empty
/// one is none): a code cell written `<a href="#e-1">E1</a>` links its code as `[E1](#e-1)`
/// does.
pub fn link_href(html: &str) -> Option<&str> {
    let html = html.trim();
    let one_link = element(html).is_some_and(|name| name.eq_ignore_ascii_case("a"));
    let [target] = &link_targets(html)[..] else { return None };
    let href = &html[target.clone()];
    (one_link && !href.is_empty()).then_some(href)
}

/// Where in `attributes`, the text of an opening tag after its name, the value of the
/// attribute `wanted` is (without its quotes): read attribute by attribute, as HTML writes
/// them, so that another attribute's value (`title="href=x"`) or name (`data-href`) is not
/// taken for it. `None` where it has none, or no value.
fn attribute_value(attributes: &str, wanted: &str) -> Option<Range<usize>> {
    let bytes = attributes.as_bytes();
    let skip_spaces = |mut at: usize| {
        while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
            at += 1;
        }
        at
    };
    let mut at = 0;
    while at < bytes.len() {
        // Between attributes: spaces, or the `/` of a tag that closes itself.
        if bytes[at].is_ascii_whitespace() || bytes[at] == b'/' {
            at += 1;
            continue;
        }
        let name_start = at;
        while at < bytes.len() && !bytes[at].is_ascii_whitespace() && !b"=/".contains(&bytes[at]) {
            at += 1;
        }
        let name = &attributes[name_start..at];
        at = skip_spaces(at);
        if bytes.get(at) != Some(&b'=') {
            continue;
        }
        at = skip_spaces(at + 1);
        let value = match bytes.get(at) {
            Some(&quote @ (b'"' | b'\'')) => {
                let end = at + 1 + attributes[at + 1..].find(char::from(quote))?;
                let value = at + 1..end;
                at = end + 1;
                value
            }
            Some(_) => {
                let start = at;
                while at < bytes.len() && !bytes[at].is_ascii_whitespace() {
                    at += 1;
                }
                start..at
            }
            None => return None,
        };
        if name.eq_ignore_ascii_case(wanted) {
            return Some(value);
        }
    }
    None
}

/// Where in `html` (an HTML event: a tag, or the lines of an HTML block) the attributes are
/// that would run a script where the docs are shown: event handlers (`onerror=…`, any attribute
/// named `on…`) and attributes whose value is a [script URL](is_script_url) (`href="javascript:…"`),
/// read as a browser reads them (entities decoded, names in any case). Each range runs from the
/// spaces before the attribute's name to the end of its value, in the order written.
/// GitHub's sanitizer drops them; rustdoc passes raw HTML on as it is, so the generated docs
/// drop them too.
pub fn scripting_attributes(html: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    // Most HTML events could run nothing (`<br>`, `<a href="https://…">`): told by their bytes
    // before any tag is read, as tokenizing every tag with an attribute made a regen of a page
    // of 20k rows that each link in HTML half again as long.
    if !may_run_script(html) {
        return found;
    }
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    // As the HTML table reader reads tags: the tags GFM disallows are text already.
    emitter.naively_switch_states(false);
    for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
        let Token::StartTag(tag) = token else { continue };
        for (name, value) in &tag.attributes {
            let handler = name.len() > 2 && name[..2].eq_ignore_ascii_case(b"on");
            if handler || is_script_url(&value.value) {
                // The spaces before it, not a line break: an HTML block's lines stay lines.
                let start = html[..value.span.start].trim_end_matches([' ', '\t']).len();
                // The value's span ends one byte past it: past its closing quote, or where it
                // has none, past the `>` or space that ends it, which stays.
                let mut end = value.span.end.min(html.len());
                if html[..end].ends_with(|c: char| c == '>' || c.is_ascii_whitespace()) {
                    end -= 1;
                }
                found.push(start..end);
            }
        }
    }
    found.sort_unstable_by_key(|range| range.start);
    found
}

/// Whether `html` may hold a [scripting attribute](scripting_attributes), told by its bytes: an
/// attribute's value (`=`), and either an attribute named `on…` (after a space, a quote or a
/// slash, as a browser reads attributes written side by side: `<img src="x"onerror=…>`) or what
/// may spell a script URL: `script` in any case, an entity (`&`: `&#106;avascript:`), or a tab
/// or line break within it (`java\tscript:`, which a browser reads without them).
fn may_run_script(html: &str) -> bool {
    let bytes = html.as_bytes();
    // Most HTML events of a cell are a tag without an attribute (`<code>`, `</a>`): told by a
    // search, before a pass over the bytes.
    if memchr::memchr(b'=', bytes).is_none() {
        return false;
    }
    let starts_name = |byte: u8| byte.is_ascii_whitespace() || matches!(byte, b'"' | b'\'' | b'/');
    let next_is = |at: usize, text: &[u8]| {
        bytes.get(at + 1..at + 1 + text.len()).is_some_and(|next| next.eq_ignore_ascii_case(text))
    };
    // One pass over the bytes, a table telling the few that may start a sign: every HTML event
    // of every cell is asked, twice where the cell is edited.
    (0..bytes.len()).filter(|&at| MAY_START_A_SIGN[usize::from(bytes[at])]).any(|at| {
        match bytes[at] {
            // The line break that ends a line of an HTML block is none within a URL.
            b'\n' => at + 1 < bytes.len(),
            b'o' | b'O' => at > 0 && starts_name(bytes[at - 1]) && next_is(at, b"n"),
            b's' | b'S' => next_is(at, b"cript"),
            _ => true,
        }
    })
}

/// The bytes [`may_run_script`] looks at further: an entity's `&`, a tab or line break, and the
/// first letter of `on` and of `script`.
const MAY_START_A_SIGN: [bool; 256] = {
    let mut table = [false; 256];
    let mut signs: &[u8] = b"&\t\r\noOsS";
    while let [byte, rest @ ..] = signs {
        table[*byte as usize] = true;
        signs = rest;
    }
    table
};

/// Whether `url`, as a browser reads it (leading spaces and control characters dropped, tabs
/// and line breaks within it too), runs a script when followed: `javascript:` or `vbscript:`,
/// in any case.
pub fn is_script_url(url: &[u8]) -> bool {
    let start = url.iter().position(|&byte| byte > b' ').unwrap_or(url.len());
    let read = || url[start..].iter().filter(|&&byte| !matches!(byte, b'\t' | b'\n' | b'\r'));
    let starts_with = |scheme: &[u8]| {
        let mut read = read();
        scheme
            .iter()
            .all(|&letter| read.next().is_some_and(|byte| byte.eq_ignore_ascii_case(&letter)))
    };
    starts_with(b"javascript:") || starts_with(b"vbscript:")
}

/// `html` without its [scripting attributes](scripting_attributes); borrowed where it has none.
pub fn without_scripting_attributes(html: &str) -> std::borrow::Cow<'_, str> {
    let ranges = scripting_attributes(html);
    if ranges.is_empty() {
        return html.into();
    }
    cut_out(html, &ranges).into()
}

/// `text` without `ranges`, which are in order (they may overlap).
pub fn cut_out(text: &str, ranges: &[Range<usize>]) -> String {
    let mut kept = String::with_capacity(text.len());
    let mut copied = 0;
    for range in ranges {
        kept.push_str(&text[copied..range.start.max(copied)]);
        copied = copied.max(range.end);
    }
    kept.push_str(&text[copied..]);
    kept
}

/// An HTML comment (`<!-- TODO -->`), which renders as nothing.
pub fn is_comment(html: &str) -> bool {
    let html = html.trim();
    html.len() >= "<!---->".len() && html.starts_with("<!--") && html.ends_with("-->")
}

/// Whether `html` is an HTML comment of nothing but whitespace (`<!--   -->`), as an MDX
/// page's JSX comment is read (`mdx::as_html_comment`).
pub fn is_blank_comment(html: &str) -> bool {
    let html = html.trim();
    is_comment(html) && html["<!--".len()..html.len() - "-->".len()].trim().is_empty()
}

/// The tags GFM's tagfilter extension disallows in raw HTML: each would take over the page it
/// is shown in (`<script>` runs, `<style>` restyles it, an unclosed `<textarea>` or
/// `<plaintext>` swallows the rest of it as text).
const DISALLOWED: [&str; 9] =
    ["title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext"];

/// Where in raw HTML (an inline tag, or a line of an HTML block) a tag starts that GFM's
/// tagfilter disallows (`<script>`, `</style>`, `<iframe src=…>`, named in any case): the
/// `<` that GitHub writes as `&lt;`, so that the tag shows as text. rustdoc passes raw HTML
/// on as it is, so the generated docs write it as GitHub does.
pub fn disallowed_tags(html: &str) -> impl Iterator<Item = usize> + '_ {
    // As cmark-gfm's `tagfilter` reads a tag: `<`, a `/` or not, the name, then whitespace,
    // `>` or `/>`.
    let is_disallowed = |rest: &str| {
        let name = rest.strip_prefix('/').unwrap_or(rest);
        // Told by its first letter for most tags (`<a`, `<br>`): this runs for every HTML
        // event of every cell with one.
        let first = name.as_bytes().first().map(u8::to_ascii_lowercase);
        if !matches!(first, Some(b't' | b's' | b'x' | b'i' | b'n' | b'p')) {
            return false;
        }
        DISALLOWED.iter().any(|tag| {
            name.get(..tag.len()).is_some_and(|start| start.eq_ignore_ascii_case(tag))
                && match name.as_bytes().get(tag.len()) {
                    Some(b'>') => true,
                    Some(b'/') => name.as_bytes().get(tag.len() + 1) == Some(&b'>'),
                    Some(byte) => byte.is_ascii_whitespace(),
                    None => false,
                }
        })
    };
    html.match_indices('<').map(|(at, _)| at).filter(move |&at| is_disallowed(&html[at + 1..]))
}

/// `html` with each [disallowed tag](disallowed_tags)'s `<` written `&lt;`, as GitHub writes
/// it; borrowed where it has none.
pub fn tag_filtered(html: &str) -> std::borrow::Cow<'_, str> {
    let mut filtered = String::new();
    let mut copied = 0;
    for at in disallowed_tags(html) {
        filtered.push_str(&html[copied..at]);
        filtered.push_str("&lt;");
        copied = at + 1;
    }
    if copied == 0 {
        return html.into();
    }
    filtered.push_str(&html[copied..]);
    filtered.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// GFM's tagfilter: the nine tags, opening or closing, in any case, each followed by
    /// whitespace, `>` or `/>`; no other tag, and no longer name that starts as one does.
    #[test]
    fn disallowed_tags_are_written_as_text() {
        assert_eq!(tag_filtered("<script setup>"), "&lt;script setup>");
        assert_eq!(tag_filtered("a <STYLE>b</Style> c"), "a &lt;STYLE>b&lt;/Style> c");
        assert_eq!(tag_filtered("<iframe\nsrc=x><title/>"), "&lt;iframe\nsrc=x>&lt;title/>");
        for kept in ["<scripts>", "<b>x</b>", "<title", "<xmp/ >", "a < b", "<div><p>"] {
            assert_eq!(tag_filtered(kept), kept);
            assert!(matches!(tag_filtered(kept), std::borrow::Cow::Borrowed(_)));
        }
    }

    /// Event handlers and script URLs, as a browser reads them, are cut out with the spaces
    /// before them; other attributes, and text that only looks like one, stay.
    #[test]
    fn attributes_that_run_scripts_are_cut_out() {
        let cases = [
            ("<img src=x onerror=\"alert(1)\" alt='a'>", "<img src=x alt='a'>"),
            // An unquoted value runs to the `>`, the `/` too, as a browser reads it.
            ("<img SRC=x ONLOAD=go()/>", "<img SRC=x>"),
            ("<img onload=go() src=x>", "<img src=x>"),
            ("<a href=\"javascript:alert(1)\">x</a>", "<a>x</a>"),
            ("<a href=' JavaScript:go()'>", "<a>"),
            ("<a href=\"java&#x09;script&colon;go()\">", "<a>"),
            ("<a href=\"vbscript:x\" title=t>", "<a title=t>"),
            ("<p>a <b onclick=x>b</b> <i onmouseover='y'>c</i></p>", "<p>a <b>b</b> <i>c</i></p>"),
        ];
        for (html, kept) in cases {
            assert_eq!(without_scripting_attributes(html), kept, "{html}");
        }
        // A handler without a value, values of other characters, a tag left open: cut where a
        // browser would run them, and nothing cut inside a character.
        assert_eq!(without_scripting_attributes("<b onclick x=1>"), "<b x=1>");
        assert_eq!(without_scripting_attributes("<b onclick=ü title=é>é"), "<b title=é>é");
        assert_eq!(
            without_scripting_attributes("<b title=\"é\" onclick=\"é\">"),
            "<b title=\"é\">"
        );
        for open in ["<b onclick=x", "<b onclick=\"x>", "<b =x>", "<=>", "<b\tonclick\n=\n'x'\t>"] {
            let _ = without_scripting_attributes(open);
        }
        assert_eq!(without_scripting_attributes("<b\tonclick\n=\n'x'\t>"), "<b\t>");
        for html in [
            "<a href=\"https://x.test/javascript:\">",
            "<img alt=\"onerror=x\">",
            "<a data-on=\"x\" title=\"on\">",
            "on=x",
            "<b>onerror=x</b>",
            "<br>",
        ] {
            assert_eq!(without_scripting_attributes(html), html, "{html}");
            assert!(matches!(without_scripting_attributes(html), std::borrow::Cow::Borrowed(_)));
        }
    }

    #[test]
    fn a_links_opening_tag_gives_its_target() {
        assert_eq!(link_href("<a href=\"#e-1\">"), Some("#e-1"));
        assert_eq!(link_href(" <A class='x' HREF='b.md'> "), Some("b.md"));
        for html in
            ["<a href=\"\">", "<a name=\"x\">", "<img src=\"x\">", "</a>", "<a href=\"x\"> y"]
        {
            assert_eq!(link_href(html), None, "{html}");
        }
    }

    #[test]
    fn link_targets_are_the_values_of_href_and_src() {
        fn targets(html: &str) -> Vec<&str> {
            link_targets(html).into_iter().map(|target| &html[target]).collect()
        }
        let liff = r#"<a aria-current="page" href="/ja/reference/liff/#initialize-liff-app" class="router-link-active">"#;
        assert_eq!(targets(liff), ["/ja/reference/liff/#initialize-liff-app"]);
        assert_eq!(targets("<IMG SRC='img/a.png' alt=\"a\"/>"), ["img/a.png"]);
        assert_eq!(targets("<a href=b.md>"), ["b.md"]);
        assert_eq!(targets("<p><a href = \"x\">x</a> <img src=\"y\"></p>"), ["x", "y"]);
        assert_eq!(targets("<a href=\"\">"), [""]);
        // Another attribute's name or value, another element, a closing tag, an anchor:
        // no target.
        for html in [
            "<a data-href=\"x\">",
            "<a title=\"href=x\">",
            "<abbr href=\"x\">",
            "<link href=\"x\">",
            "</a>",
            "<a name=\"x\">",
            "<a href>",
            "<a href=\"x>",
        ] {
            assert_eq!(targets(html), [] as [&str; 0], "{html}");
        }
    }

    #[test]
    fn block_tags_are_those_of_elements_shown_on_lines_of_their_own() {
        for html in
            ["<dl>", "</dl>", "<DT>", "</dd>", "<p class=\"x\">", "<li>", "<div/>", "</blockquote>"]
        {
            assert!(is_block_tag(html), "{html}");
        }
        for html in ["<b>", "<br>", "<dlx>", "<pre>", "<table>", "<!-- dl -->"] {
            assert!(!is_block_tag(html), "{html}");
        }
    }

    #[test]
    fn comments_are_whole_comments() {
        for html in ["<!-- TODO -->", "<!---->", " <!-- a\nb --> "] {
            assert!(is_comment(html), "{html}");
        }
        for html in ["<!-- open", "closed -->", "<!-->", "<!--->", "<b>"] {
            assert!(!is_comment(html), "{html}");
        }
    }

    /// A comment of whitespace alone is blank; one that says something, or a tag, is not.
    #[test]
    fn blank_comments_say_nothing() {
        for html in ["<!---->", "<!--   -->", "<!-- \n -->"] {
            assert!(is_blank_comment(html), "{html}");
        }
        for html in ["<!-- x -->", "<br>", "<!--", "-->"] {
            assert!(!is_blank_comment(html), "{html}");
        }
    }

    #[test]
    fn formatting_tags_are_named_tags_opening_or_closing() {
        let tags = ["<code>", "</code>", "<B>", "</b >", "<span class=\"x\">", "<a href='x'>"];
        for html in tags.into_iter().chain(["</a>", "<kbd>", " <em> ", "<tt/>"]) {
            assert!(is_formatting_tag(html), "{html}");
        }
        let not = ["<sup>", "</sub>", "<q>", "<T>", "<br>", "<codex>", "<code", "code>", "< b>"];
        for html in not.into_iter().chain(["</b x>", "<!-- b -->", "<b-x>", "</>", "<>"]) {
            assert!(!is_formatting_tag(html), "{html}");
        }
    }

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
