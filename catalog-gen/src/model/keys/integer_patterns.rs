//! The `key-pattern` a help offers for an integer key cell that is its code and more: a mark
//! or words after the code (`407 [^1]`, `400 Bad Request`), a name before it in parentheses
//! (`Not Found (404)`), a prefix (`ERR_1121`), a sign (`✅ 200`), a name on the lines above it.
//! Each shape is found in the cell's text, and its pattern matches only codes written as the
//! table's are.

use crate::int_code::{Codes, after_hex_prefix, hex_digits, int_value};
use crate::markdown;

use super::starts_a_mark;

/// Where `text`, a key cell of a table whose codes read as `codes` (of an `unsigned` type or
/// not) that is no code, is one and more, the code and the `key-pattern` that takes such codes
/// out of every key cell; `markdown` is the cell's Markdown on the page. The shapes are tried
/// in order: a code first, a name and the code in parentheses, a prefix, a name on the lines
/// above, a sign.
pub(super) fn offered<'t>(
    text: &'t str,
    markdown: &str,
    codes: Codes,
    unsigned: bool,
) -> Option<(&'t str, &'static str)> {
    let written = Written::of(codes, unsigned);
    leading_code(text, written)
        .or_else(|| trailing_code(text, written))
        .or_else(|| prefixed_code(text))
        .or_else(|| last_line_code(text, written))
        .or_else(|| code_after_a_sign(text, markdown, written))
}

/// How a code that a `key-pattern` offered takes out of a longer key cell may be written, as the
/// table's codes read: what the pattern matches, and what the offer takes for a code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Written {
    /// Decimal digits, or hexadecimal after `0x` or before an `h`.
    Unsigned,
    /// As [`Written::Unsigned`], or decimal digits after a `-`: the type is signed.
    Signed,
    /// Hexadecimal digits alone (`0A`, `10`; `key-radix = 16`), or after `0x`. At least one a
    /// decimal digit, so that no word of a cell (`Bad`, `Add`) is taken for a code.
    HexDigits,
}

impl Written {
    /// How the codes of a table whose codes read as `codes`, of an `unsigned` type or not, are
    /// written.
    fn of(codes: Codes, unsigned: bool) -> Written {
        match codes {
            Codes::Hex => Written::HexDigits,
            _ if unsigned => Written::Unsigned,
            _ => Written::Signed,
        }
    }
}

/// Where `text`, a key cell that is no code, starts with one (decimal digits, after a `-` where
/// the type is signed, or `0x` and hex digits; in a table of hexadecimal digits alone, those)
/// followed by a space or a mark (`407 [^1]`, `406<sup>1</sup>`, `405*`, `404¹`, `400 Bad
/// Request`), the code and the `key-pattern` that takes such codes out of every key cell: a
/// code followed by a letter or digit (`4O4`), a decimal point or a thousands separator
/// (`1,000`) is not one. The pattern ends at a word boundary, so that it matches no other kind
/// of code (`^(\d+)` would take `0` from `0x10`).
fn leading_code(text: &str, written: Written) -> Option<(&str, &'static str)> {
    let hex = after_hex_prefix(text);
    let (digits, pattern) = match (hex, written) {
        (Some(hex), _) => (hex, r"^(0[xX][0-9A-Fa-f]+)\b"),
        (None, Written::HexDigits) => (text, r"^([0-9A-Fa-f]+)\b"),
        (None, Written::Unsigned) => (text, r"^(\d+)\b"),
        (None, Written::Signed) => (text.strip_prefix('-').unwrap_or(text), r"^(-?\d+)\b"),
    };
    let in_hex = hex.is_some() || written == Written::HexDigits;
    let is_digit = |c: char| if in_hex { c.is_ascii_hexdigit() } else { c.is_ascii_digit() };
    let end = digits.find(|c: char| !is_digit(c)).filter(|&end| end > 0)?;
    let mark = digits[end..].chars().next()?;
    let code = &text[..text.len() - digits.len() + end];
    (reads_alone(code, written) && (mark.is_whitespace() || mark == '(' || starts_a_mark(mark)))
        .then_some((code, pattern))
}

/// Where `text`, a key cell that is no code, is a name and its code in parentheses at its end
/// (`ORDER_KERNEL_RUNNING (0)`, `Not Found (404)`, `Reserved (0x1F)`), the code and the
/// `key-pattern` that takes such codes out of every key cell.
fn trailing_code(text: &str, written: Written) -> Option<(&str, &'static str)> {
    let inner = text.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let (before, code) = (&inner[..open], &inner[open + 1..]);
    let named = !before.trim().is_empty() && before.ends_with(char::is_whitespace);
    (named && reads_alone(code, written)).then(|| (code, end_pattern(code, written, true)))
}

/// Whether `code` would be read as a cell of it alone ([`int_value`], or in a table of
/// hexadecimal digits alone [`Codes::Hex`]'s reading, with a decimal digit), and not below zero
/// where the type is unsigned: what a pattern offered takes out of a longer cell.
fn reads_alone(code: &str, written: Written) -> bool {
    match written {
        Written::HexDigits => {
            Codes::Hex.value(code).is_some() && code.bytes().any(|byte| byte.is_ascii_digit())
        }
        Written::Unsigned => int_value(code).is_some() && !code.starts_with('-'),
        Written::Signed => int_value(code).is_some(),
    }
}

/// The `key-pattern` that takes a code written as `code` is (hexadecimal after `0x` or before
/// an `h`, decimal with a sign where the type is signed, hexadecimal digits with or without an
/// `h` in a table of them) out of the end of each key cell, in parentheses there (`Not Found
/// (404)`) or not (`✅ 200`).
fn end_pattern(code: &str, written: Written, in_parentheses: bool) -> &'static str {
    const PATTERNS: [[&str; 2]; 5] = [
        [r"(0[xX][0-9A-Fa-f]+)$", r"\((0[xX][0-9A-Fa-f]+)\)$"],
        [r"([0-9A-Fa-f]+[hH]?)$", r"\(([0-9A-Fa-f]+[hH]?)\)$"],
        [r"([0-9A-F]+[hH])$", r"\(([0-9A-F]+[hH])\)$"],
        [r"(\d+)$", r"\((\d+)\)$"],
        [r"(-?\d+)$", r"\((-?\d+)\)$"],
    ];
    let form = match written {
        _ if after_hex_prefix(code).is_some() => 0,
        Written::HexDigits => 1,
        _ if hex_digits(code).is_some() => 2,
        Written::Unsigned => 3,
        Written::Signed => 4,
    };
    PATTERNS[form][usize::from(in_parentheses)]
}

/// Where `text`, a key cell that is no code, is a short prefix of no digit or space and a
/// decimal code right after it (`u100`, as Clarity contracts write their error codes, `ERR_1121`,
/// `#42`), the code and the `key-pattern` that takes such codes out of every key cell. A prefix
/// that ends a hex number's start ([`starts_a_hex_number`]) has no decimal code after it.
fn prefixed_code(text: &str) -> Option<(&str, &'static str)> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let (prefix, code) = text.split_at(start);
    let short = (1..=16).contains(&prefix.chars().count());
    let prefix_fits = short
        && !prefix.contains(|c: char| c.is_whitespace() || c.is_numeric())
        && !starts_a_hex_number(prefix);
    (prefix_fits && code.bytes().all(|b| b.is_ascii_digit())).then_some((code, r"(\d+)$"))
}

/// Where `text`, a key cell that is no code, is a sign, a space and a code (`✅ 200`, `🔴 500`,
/// `⚠️ 0x1F`: the status icons READMEs write before each code), the code and the
/// `key-pattern` that takes such codes out of every key cell. A sign is text of no letter or
/// digit, or one that GitHub shows as a picture ([`is_picture`]); a sign of a number (`- 5`,
/// `+ 5`) is none: its code may be signed. `markdown` is the cell's Markdown.
fn code_after_a_sign<'t>(
    text: &'t str,
    markdown: &str,
    written: Written,
) -> Option<(&'t str, &'static str)> {
    let (sign, code) = text.rsplit_once(char::is_whitespace)?;
    let sign = sign.trim();
    let is_sign = !sign.is_empty()
        && (!sign.contains(|c: char| c.is_alphanumeric() || matches!(c, '-' | '+' | '−'))
            || is_picture(sign, markdown, code));
    (is_sign && reads_alone(code, written)).then(|| (code, end_pattern(code, written, false)))
}

/// Whether `sign`, the text before `code` of a key cell of Markdown `markdown`, is a picture as
/// GitHub shows it, however it reads as text: an image (`![ok](ok.png)`, whose text is its alt
/// text, or `<img src="ok.svg">`, whose tag the text keeps) or an emoji's shortcode (`:x:`,
/// `:white_check_mark:`), and nothing else.
fn is_picture(sign: &str, markdown: &str, code: &str) -> bool {
    let before = markdown.trim_end().strip_suffix(code).map(str::trim);
    before.is_some_and(markdown::is_one_image) || markdown::is_emoji_shortcode(sign)
}

/// Where `text`, a key cell that is no code, is lines of a name and then its code on a line of
/// its own (`E_INVALIDARG` over `0x80070057`, as Microsoft's Win32 reference writes each return
/// code and its value in a definition list: `<dt><b>E_INVALIDARG</b></dt> <dt>0x80070057</dt>`),
/// the code and the `key-pattern` that takes such codes out of every key cell.
fn last_line_code(text: &str, written: Written) -> Option<(&str, &'static str)> {
    let (name, code) = text.rsplit_once('\n')?;
    let code = code.trim();
    if !name.chars().any(char::is_alphabetic) || !reads_alone(code, written) {
        return None;
    }
    // Hexadecimal or decimal, whichever this cell's is: a table of HRESULTs gives `S_OK` its
    // `0` and every other code in hex. A code written `0Ah` has a pattern of its own, which
    // other cells' `0x` codes do not match.
    let h_form = hex_digits(code).is_some() && after_hex_prefix(code).is_none();
    let pattern = match written {
        Written::HexDigits => r"\n(0[xX][0-9A-Fa-f]+|[0-9A-Fa-f]+[hH]?)$",
        _ if h_form => r"\n([0-9A-F]+[hH]|\d+)$",
        Written::Unsigned => r"\n(0[xX][0-9A-Fa-f]+|\d+)$",
        Written::Signed => r"\n(0[xX][0-9A-Fa-f]+|-?\d+)$",
    };
    Some((code, pattern))
}

/// Whether `prefix`, the letters before a cell's digits, ends in a mark of a hex number and any
/// of its letters (`&h` and `&hE` of BASIC's `&h20` and `&hE0`, as Roku's BrightScript
/// reference writes its error codes, `$F` of `$F0`, `#FF` of `#FF00`): the digits are the rest
/// of that number, and reading them as a decimal code would misread it (`&hE0` is 224, not 0).
/// `#` alone is not one (`#42`).
fn starts_a_hex_number(prefix: &str) -> bool {
    let mark = prefix.trim_end_matches(|c: char| c.is_ascii_hexdigit());
    let letters = mark.len() < prefix.len();
    ["&h", "&H", "$", "\\x"].iter().any(|hex| mark.ends_with(hex))
        || (letters && mark.ends_with('#'))
}

#[cfg(test)]
mod tests {
    use regex::Regex;

    use super::*;

    #[test]
    fn a_code_with_a_mark_after_it_is_offered_the_pattern_that_takes_it_out() {
        let decimal = r"^(\d+)\b";
        for (cell, code) in [("407 [^1]", "407"), ("406<sup>1</sup>", "406"), ("405*", "405")] {
            assert_eq!(leading_code(cell, Written::Unsigned), Some((code, decimal)), "{cell}");
        }
        assert_eq!(leading_code("404¹", Written::Unsigned).map(|(code, _)| code), Some("404"));
        assert_eq!(
            leading_code("400 Bad Request", Written::Unsigned).map(|(code, _)| code),
            Some("400")
        );
        let hex = leading_code("0x1F (31)", Written::Unsigned);
        assert_eq!(hex, Some(("0x1F", r"^(0[xX][0-9A-Fa-f]+)\b")));
        assert_eq!(leading_code("-32700 [^1]", Written::Signed), Some(("-32700", r"^(-?\d+)\b")));
        // A code mistyped, a number written otherwise, a word: no code and a mark.
        for cell in ["4O4", "1,000", "1.5", "x1", "0x", "0x1G", "-", "404", "N/A 404"] {
            assert_eq!(leading_code(cell, Written::Unsigned), None, "{cell}");
        }
        // In a table of hexadecimal digits alone, such digits, and no word of them.
        let hex = leading_code("0A Gateway", Written::HexDigits);
        assert_eq!(hex, Some(("0A", r"^([0-9A-Fa-f]+)\b")));
        for cell in ["Bad request", "Add [^1]", "0G busy"] {
            assert_eq!(leading_code(cell, Written::HexDigits), None, "{cell}");
        }
        // No `-` before an unsigned code.
        assert_eq!(leading_code("-1 [^1]", Written::Unsigned), None);
        // The pattern reads no other kind of code: `0x10` is not `0`.
        let pattern = Regex::new(leading_code("1 [^a]", Written::Unsigned).unwrap().1).unwrap();
        assert!(!pattern.is_match("0x10"));
        assert_eq!(&pattern.captures("404").unwrap()[1], "404");
    }

    #[test]
    fn a_code_after_a_prefix_is_offered_the_pattern_that_takes_it_out() {
        let pattern = Regex::new(r"(\d+)$").unwrap();
        for (cell, code) in
            [("u100", "100"), ("ERR_1121", "1121"), ("#42", "42"), ("E0001", "0001")]
        {
            assert_eq!(prefixed_code(cell), Some((code, r"(\d+)$")), "{cell}");
            assert_eq!(&pattern.captures(cell).unwrap()[1], code);
        }
        // Digits first, a space or a digit in the prefix, more after the digits: no prefix.
        for cell in ["100", "4O4", "N/A 404", "HTTP 404", "u1x", "²1", "1-2", "-", "x", ""] {
            assert_eq!(prefixed_code(cell), None, "{cell}");
        }
        // The start of a hex number: its digits are no decimal code.
        for cell in ["&h20", "&hE0", "&HE0", "$F0", "$10", "#FF00", "\\xE9"] {
            assert_eq!(prefixed_code(cell), None, "{cell}");
        }
    }

    /// A status icon before a code, as READMEs write them, is offered the pattern that reads
    /// the code after it; pasted, the pattern reads each code.
    #[test]
    fn a_code_after_a_sign_is_offered_the_pattern_that_takes_it_out() {
        let cells = [
            ("✅ 200", Written::Unsigned, "200", r"(\d+)$"),
            ("⚠️ 400", Written::Unsigned, "400", r"(\d+)$"),
            ("🔴  0x1F", Written::Unsigned, "0x1F", r"(0[xX][0-9A-Fa-f]+)$"),
            ("● 0Ah", Written::Unsigned, "0Ah", r"([0-9A-F]+[hH])$"),
            ("→ -32700", Written::Signed, "-32700", r"(-?\d+)$"),
            ("✅ 0A", Written::HexDigits, "0A", r"([0-9A-Fa-f]+[hH]?)$"),
            ("✅ 10", Written::HexDigits, "10", r"([0-9A-Fa-f]+[hH]?)$"),
            (":x: 0bh", Written::HexDigits, "0bh", r"([0-9A-Fa-f]+[hH]?)$"),
        ];
        for (cell, written, code, pattern) in cells {
            assert_eq!(code_after_a_sign(cell, cell, written), Some((code, pattern)), "{cell}");
            assert_eq!(&Regex::new(pattern).unwrap().captures(cell).unwrap()[1], code);
        }
        // A word, a sign of a number, no space, no code, a code below zero of an unsigned type.
        for cell in ["HTTP 404", "- 5", "+ 5", "✅200", "✅ OK", "✅ 4O4", "200", "→ -1"] {
            assert_eq!(code_after_a_sign(cell, cell, Written::Unsigned), None, "{cell}");
        }
        // A word of hexadecimal digits is no code of them.
        assert_eq!(code_after_a_sign("✅ Add", "✅ Add", Written::HexDigits), None);
        // A picture as GitHub shows one, whatever its text: an image (its text the alt text, or
        // the tag) or an emoji's shortcode; and not a word beside one, nor two images.
        let pictures = [
            ("ok 200", "![ok](ok.png) 200", "200"),
            (r#"<img src="ok.svg"> 200"#, r#"<img src="ok.svg"> 200"#, "200"),
            (":x: 503", ":x: 503", "503"),
            (":white_check_mark: 200", ":white_check_mark: 200", "200"),
        ];
        for (cell, markdown, code) in pictures {
            let offer = Some((code, r"(\d+)$"));
            assert_eq!(code_after_a_sign(cell, markdown, Written::Unsigned), offer, "{cell}");
        }
        let words = [
            ("ok HTTP 200", "![ok](ok.png) HTTP 200"),
            ("a b 200", "![a](a.png) ![b](b.png) 200"),
            ("Status: 200", "Status: 200"),
            ("Error:Code: 200", "Error:Code: 200"),
            (r#"<b>HTTP</b> 200"#, r#"<b>HTTP</b> 200"#),
        ];
        for (cell, markdown) in words {
            assert_eq!(code_after_a_sign(cell, markdown, Written::Unsigned), None, "{cell}");
        }
    }

    #[test]
    fn a_name_and_its_code_in_parentheses_is_offered_the_pattern_that_takes_it_out() {
        let decimal = r"\((\d+)\)$";
        for (cell, code) in [("ORDER_KERNEL_RUNNING (0)", "0"), ("Not Found (404)", "404")] {
            assert_eq!(trailing_code(cell, Written::Unsigned), Some((code, decimal)), "{cell}");
            let pattern = Regex::new(decimal).unwrap();
            assert_eq!(&pattern.captures(cell).unwrap()[1], code);
        }
        let hex = trailing_code("Reserved (0x1F)", Written::Unsigned);
        assert_eq!(hex, Some(("0x1F", r"\((0[xX][0-9A-Fa-f]+)\)$")));
        let hex = trailing_code("Gateway (0A)", Written::HexDigits);
        assert_eq!(hex, Some(("0A", r"\(([0-9A-Fa-f]+[hH]?)\)$")));
        assert_eq!(trailing_code("Gateway (Bad)", Written::HexDigits), None);
        assert_eq!(
            trailing_code("Parse (-32700)", Written::Signed),
            Some(("-32700", r"\((-?\d+)\)$"))
        );
        // A code written before an `h` is offered a pattern that reads such codes.
        let (code, pattern) = trailing_code("Reserved (0Ah)", Written::Unsigned).unwrap();
        assert_eq!((code, pattern), ("0Ah", r"\(([0-9A-F]+[hH])\)$"));
        assert_eq!(&Regex::new(pattern).unwrap().captures("Busy (FFh)").unwrap()[1], "FFh");
        // No name before it, no space before it, not a number, nothing after it, no `-`
        // before an unsigned code.
        for cell in ["(404)", "f(404)", "Error (N/A)", "Error (0x)", "Error (404) here", "E (-1)"] {
            assert_eq!(trailing_code(cell, Written::Unsigned), None, "{cell}");
        }
    }

    /// A name over its code on a line of its own (`<dt><b>E_INVALIDARG</b></dt>
    /// <dt>0x80070057</dt>` in Win32's reference) is offered the pattern that takes out the
    /// code, which reads every such cell, and names the variant by the rest.
    #[test]
    fn a_name_over_its_code_on_a_line_of_its_own_is_offered_the_pattern_that_takes_it_out() {
        let (unsigned, signed) = (r"\n(0[xX][0-9A-Fa-f]+|\d+)$", r"\n(0[xX][0-9A-Fa-f]+|-?\d+)$");
        for (cell, written, code, pattern) in [
            ("E_INVALIDARG\n0x80070057", Written::Unsigned, "0x80070057", unsigned),
            ("NOERROR\n0", Written::Unsigned, "0", unsigned),
            ("Failed\nWith more\n-5", Written::Signed, "-5", signed),
            ("ERROR_BAD_FORMAT\n0Bh", Written::Unsigned, "0Bh", r"\n([0-9A-F]+[hH]|\d+)$"),
            (
                "GATEWAY PATH\n0A",
                Written::HexDigits,
                "0A",
                r"\n(0[xX][0-9A-Fa-f]+|[0-9A-Fa-f]+[hH]?)$",
            ),
        ] {
            assert_eq!(last_line_code(cell, written), Some((code, pattern)), "{cell}");
            assert_eq!(&Regex::new(pattern).unwrap().captures(cell).unwrap()[1], code);
        }
        // One line, no name above it, no number below it, `-` where the type is unsigned.
        for cell in ["E_FAIL 0x80004005", "42\n0x1", "E_FAIL\nsee below", "E_FAIL\n-5"] {
            assert_eq!(last_line_code(cell, Written::Unsigned), None, "{cell}");
        }
    }
}
