//! Emphasis beside a `~`, read as GitHub reads it.
//!
//! With strikethrough on, cmark-gfm (GitHub) decides whether a run of `*` or `_` can open or
//! close emphasis by the characters on either side of it *past any `~`* (its `skip_chars`,
//! so that `**~~a~~**` is strong). pulldown-cmark looks at the `~` itself, punctuation. So
//! `[**~ CUnknown**](cunknown.md)`, a destructor in a table of Windows' docs, is strong on
//! docs.rs and `**~ CUnknown**` on GitHub: past the `~` the opening run is followed by a
//! space.
//!
//! Where GitHub reads such a run as text and pulldown-cmark as a delimiter, the page is read
//! from a copy whose run is written with `%`s instead ([`neutralized`]): punctuation, as `*`
//! and `_` are, so every other run is read as before, but never a delimiter. What is read is
//! put back on the page's text, whose strings then hold the run as written.
//!
//! Only a run that GitHub can use in no way is so written. One left able to close (after
//! `[`: `[**~ a**]`) or to open is text all the same where its block has no other run of its
//! character before it (after it), which is how such runs stand in real pages' tables; where
//! it has one, the run is read as pulldown-cmark reads it (`**a.**~x**`: strong `~x` on
//! GitHub, as the second run opens; strong `a.` here), as no rewriting of a copy can make
//! pulldown-cmark read a run as able to open but not close.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::PARSER_OPTIONS;

/// The runs of `*` or `_` in `text` that pulldown-cmark reads as emphasis and GitHub as text,
/// because of a `~` beside them ([module docs](self)); none, without a search past the first
/// `memchr`, in a text with no `~`.
pub(super) fn read_as_text_on_github(text: &str) -> Vec<Range<usize>> {
    if memchr::memchr(b'~', text.as_bytes()).is_none() {
        return Vec::new();
    }
    let mut candidates = runs_beside_tildes(text.as_bytes());
    let mut runs = Vec::new();
    // A run that is text to pulldown-cmark can become a delimiter once another is rewritten
    // (`*a ~* ~*`: the last `*` closes the first once the middle one is text), so the text is
    // read again, rewritten, until no more runs are found.
    let mut read = Read::of(text);
    while !candidates.is_empty() {
        let (found, rest): (Vec<_>, Vec<_>) = candidates.into_iter().partition(|run| {
            let scope = read.scope_of(run);
            read.is_delimiter(run)
                && scope.is_some_and(|scope| github_reads_as_text(text, run, scope))
        });
        if found.is_empty() {
            break;
        }
        runs.extend(found);
        runs.sort_unstable_by_key(|run| run.start);
        candidates = rest;
        if !candidates.is_empty() {
            read = Read::of(&neutralized(text, &runs));
        }
    }
    runs
}

/// `text` with each of `runs` written as `%`s, as many bytes.
fn neutralized(text: &str, runs: &[Range<usize>]) -> String {
    let mut copy = text.to_owned();
    super::rewrite(&mut copy, runs);
    copy
}

/// Every unescaped run of `*` or `_` right before or after a run of `~`, in order.
fn runs_beside_tildes(bytes: &[u8]) -> Vec<Range<usize>> {
    let is_delimiter = |byte: u8| byte == b'*' || byte == b'_';
    let mut runs: Vec<Range<usize>> = Vec::new();
    let mut from = 0;
    while let Some(found) = memchr::memchr(b'~', &bytes[from..]) {
        let start = from + found;
        let end = start + bytes[start..].iter().take_while(|&&byte| byte == b'~').count();
        from = end;
        if let Some(&byte) =
            start.checked_sub(1).and_then(|at| bytes.get(at)).filter(|&&b| is_delimiter(b))
        {
            let run_start = start - bytes[..start].iter().rev().take_while(|&&b| b == byte).count();
            runs.push(unescaped(bytes, run_start..start));
        }
        if let Some(&byte) = bytes.get(end).filter(|&&b| is_delimiter(b)) {
            let run_end = end + bytes[end..].iter().take_while(|&&b| b == byte).count();
            runs.push(unescaped(bytes, end..run_end));
        }
    }
    runs.retain(|run| !run.is_empty());
    runs.dedup();
    runs
}

/// `run` less its first byte where a backslash escapes it (an odd number of them before it).
fn unescaped(bytes: &[u8], run: Range<usize>) -> Range<usize> {
    let backslashes = bytes[..run.start].iter().rev().take_while(|&&byte| byte == b'\\').count();
    if backslashes % 2 == 1 { run.start + 1..run.end } else { run }
}

/// What pulldown-cmark read of a text: where each block of inline content runs (a paragraph,
/// a heading, a table cell), and where its emphasis starts and ends. The lines of a table that
/// GitHub ends early (from a line indented as code, or of one HTML tag) are read as the page
/// reader reads them, as blocks of their own ([`super::rests`]): pulldown-cmark reads them as
/// rows, whose cells past the header's width it drops, and so sees no emphasis there.
struct Read {
    scopes: Vec<Range<usize>>,
    starts: Vec<usize>,
    ends: Vec<usize>,
}

impl Read {
    fn of(text: &str) -> Self {
        let mut read = Read { scopes: Vec::new(), starts: Vec::new(), ends: Vec::new() };
        read.add(text, 0);
        // Emphasis ends in the order it closes, inner first; starts and scopes come in order.
        read.ends.sort_unstable();
        read
    }

    /// Adds what pulldown-cmark reads of `text`, which starts at `offset` of the text read.
    fn add(&mut self, text: &str, offset: usize) {
        let at = |range: Range<usize>| range.start + offset..range.end + offset;
        // How many block quotes and list items the parser is in: GitHub ends only a table at
        // the top level early, as the page reader reads it.
        let mut containers = 0usize;
        // Where the lines of the table read now that GitHub ends early start.
        let mut rest = None;
        for (event, range) in Parser::new_ext(text, PARSER_OPTIONS).into_offset_iter() {
            match event {
                Event::End(TagEnd::Table) => {
                    if let Some(start) = rest.take() {
                        self.add(&text[start..range.end], offset + start);
                    }
                }
                _ if rest.is_some() => {}
                Event::Start(Tag::TableRow) if containers == 0 => {
                    rest = super::ends_table_on_github(text, range.start);
                }
                Event::Start(Tag::BlockQuote(_) | Tag::List(_) | Tag::Item) => containers += 1,
                Event::End(TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item) => {
                    containers -= 1;
                }
                Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::TableCell) => {
                    self.scopes.push(at(range));
                }
                Event::Start(Tag::Emphasis | Tag::Strong) => self.starts.push(range.start + offset),
                Event::End(TagEnd::Emphasis | TagEnd::Strong) => self.ends.push(range.end + offset),
                _ => {}
            }
        }
    }

    /// Whether pulldown-cmark opened or closed emphasis with some of `run`.
    fn is_delimiter(&self, run: &Range<usize>) -> bool {
        let any_in = |places: &[usize], within: Range<usize>| {
            let first = places.partition_point(|&at| at < within.start);
            places.get(first).is_some_and(|&at| at < within.end)
        };
        any_in(&self.starts, run.clone()) || any_in(&self.ends, run.start + 1..run.end + 1)
    }

    /// The block of inline content `run` is in.
    fn scope_of(&self, run: &Range<usize>) -> Option<&Range<usize>> {
        let after = self.scopes.partition_point(|scope| scope.start <= run.start);
        let scope = self.scopes[..after].last()?;
        (run.end <= scope.end).then_some(scope)
    }
}

/// Whether GitHub reads `run` of `text`, in the inline content `scope`, as text where
/// pulldown-cmark could read a delimiter: the run can neither open nor close emphasis by the
/// characters past the `~` beside it, and could by those beside it (where either matters).
fn github_reads_as_text(text: &str, run: &Range<usize>, scope: &Range<usize>) -> bool {
    let delimiter = text.as_bytes()[run.start];
    let before = &text[scope.start..run.start];
    let after = &text[run.end..scope.end];
    // With no run of its character before it in its block, a run has nothing to close; with
    // none after it, nothing to open.
    let has_before = before.as_bytes().contains(&delimiter);
    let has_after = after.as_bytes().contains(&delimiter);
    let effective = |(opens, closes): (bool, bool)| (opens && has_after, closes && has_before);
    // The block's start and end count as whitespace.
    let last = |text: &str| text.chars().next_back().unwrap_or('\n');
    let first = |text: &str| text.chars().next().unwrap_or('\n');
    let pulldown = flanking(delimiter, last(before), first(after));
    let github = flanking(
        delimiter,
        last(before.trim_end_matches('~')),
        first(after.trim_start_matches('~')),
    );
    effective(github) == (false, false) && effective(pulldown) != (false, false)
}

/// Whether a run of `delimiter` between `before` and `after` can open and close emphasis, by
/// CommonMark's rules (a line's start or end is whitespace).
fn flanking(delimiter: u8, before: char, after: char) -> (bool, bool) {
    // Beyond ASCII, what is neither a letter, a digit nor whitespace (Unicode's punctuation
    // and symbols, near enough for the characters beside a `~`).
    let punctuation = |c: char| {
        c.is_ascii_punctuation() || !(c.is_ascii() || c.is_alphanumeric() || c.is_whitespace())
    };
    let left = !after.is_whitespace()
        && (!punctuation(after) || before.is_whitespace() || punctuation(before));
    let right = !before.is_whitespace()
        && (!punctuation(before) || after.is_whitespace() || punctuation(after));
    if delimiter == b'*' {
        (left, right)
    } else {
        (left && (!right || punctuation(before)), right && (!left || punctuation(after)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The runs read as text, as the text they are.
    fn runs(text: &str) -> Vec<&str> {
        read_as_text_on_github(text).into_iter().map(|run| &text[run]).collect()
    }

    #[test]
    fn a_run_with_a_space_past_its_tilde_is_text() {
        assert_eq!(runs("**~ CUnknown**"), ["**"]);
        assert_eq!(runs("**a ~**"), ["**"]);
        assert_eq!(runs("*~ a*"), ["*"]);
        assert_eq!(runs("__~ a__"), ["__"]);
        // In a link, the first run has nothing before it to close.
        assert_eq!(runs("| a |\n| - |\n| [**~ CUnknown**](x.md) |\n"), ["**"]);
    }

    #[test]
    fn a_run_in_lines_that_github_ends_a_table_before_is_found() {
        // pulldown-cmark reads the lines under `code` as rows of the one-column table above,
        // and drops the cell with the run; GitHub reads a code block and a table of their own.
        let text = "| a |\n| - |\n    code\n| b | c |\n| - | - |\n| 1 | [**~ m**](x.md) |\n";
        assert_eq!(runs(text), ["**"]);
        // In a list item, as the page reader reads it, those lines stay rows.
        let listed = "- item\n\n  | a |\n  | - |\n      code\n  | 1 | [**~ m**](x.md) |\n";
        assert!(runs(listed).is_empty());
    }

    #[test]
    fn a_run_made_a_delimiter_by_another_rewritten_is_found() {
        // The last `*` is text until the middle one is: then it would close the first.
        assert_eq!(read_as_text_on_github("*a ~* ~*"), [4..5, 7..8]);
    }

    #[test]
    fn runs_github_reads_as_pulldown_cmark_does_are_left() {
        // Past the tildes, a letter: strong on GitHub too.
        assert!(runs("**~~gone~~** and **~x**").is_empty());
        // A tilde in code, runs escaped, or no tilde at all.
        assert!(runs("`**~ a**` and \\*\\*~ a\\*\\* and **a**").is_empty());
        // Not emphasis to pulldown-cmark either.
        assert!(runs("a **~ b").is_empty());
        // Able to close past the tilde, with a run before it to close.
        assert!(runs("**a (**~ b").is_empty());
        // Able to open past the tilde (GitHub: `**a.` and strong `~x`), which no rewriting
        // makes pulldown-cmark read: read as it reads it (strong `a.`).
        assert!(runs("**a.**~x**").is_empty());
    }
}
