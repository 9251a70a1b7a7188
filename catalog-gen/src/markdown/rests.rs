//! The lines of a table that cmark-gfm (GitHub) ends early, read as blocks of the page.
//!
//! From a table's first line indented as code, or of one HTML tag, on, pulldown-cmark reads
//! the table's rows; GitHub reads blocks of the page, an indented code block or an HTML block
//! first (then, say, a paragraph, or a table of its own). Those lines, the rest of
//! pulldown-cmark's table, are parsed on their own: a reference link there to a definition
//! elsewhere on the page reads as its text.
//!
//! A table in a rest that such a line ends early again leaves a rest of its own, the rest of
//! the rest. Each parsed whole, a page of thousands of tables each ended so, with no blank
//! line between them, had each shorter rest parsed again: regen took 56 s over 8,000 such
//! tables (BENCHMARKS.md, sixty-second round). So a rest is parsed in segments, each up to its
//! next line that could end a table early (indented as code or of one HTML tag, under a line
//! that is neither), where that line does: a segment whose last block is a table at the top
//! level, running to the segment's end, and that no line ends early within it, reads as the
//! rest would up to there. pulldown-cmark reads a line by the lines above it and the one
//! below, which is the table's; and a link there could not use a definition past the segment,
//! which the rest parsed whole reads as that table's rows. The next segment is then the rest
//! that ending the table would leave. From a segment that does not check out (its last block a
//! paragraph, which a line indented as code continues), the rest is parsed whole, as before.

use std::ops::Range;

use pulldown_cmark::{Event, OffsetIter, Parser, Tag, TagEnd};

use super::PARSER_OPTIONS;

/// The rest of a table from `range`'s start to its end, read in segments ([module
/// docs](self)): its events, with ranges in the text read.
pub(super) struct Rest<'p> {
    source: &'p str,
    end: usize,
    segment: Segment<'p>,
}

/// What is being read of a rest.
enum Segment<'p> {
    /// A segment's events, checked, and where the next segment starts.
    Checked { events: std::vec::IntoIter<(Event<'p>, Range<usize>)>, next: usize },
    /// The rest from `start` on, parsed whole. (Boxed: pulldown-cmark's parser is large.)
    Whole { events: Box<OffsetIter<'p>>, start: usize },
}

impl<'p> Rest<'p> {
    /// The lines of `range` of `source`, read as blocks of the page.
    pub(super) fn new(source: &'p str, range: Range<usize>) -> Self {
        Rest { source, end: range.end, segment: segment(source, range) }
    }
}

impl<'p> Iterator for Rest<'p> {
    type Item = (Event<'p>, Range<usize>);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            match &mut self.segment {
                Segment::Whole { events, start } => {
                    let (event, range) = events.next()?;
                    return Some((event, range.start + *start..range.end + *start));
                }
                Segment::Checked { events, next } => match events.next() {
                    Some(found) => return Some(found),
                    None if *next < self.end => {
                        self.segment = segment(self.source, *next..self.end);
                    }
                    None => return None,
                },
            }
        }
    }
}

/// The first segment of the rest `range` of `source`: up to its next line that ends a table
/// early where that checks out, or else the whole rest.
fn segment(source: &str, range: Range<usize>) -> Segment<'_> {
    let whole = |range: Range<usize>| {
        let events = Parser::new_ext(&source[range.clone()], PARSER_OPTIONS).into_offset_iter();
        Segment::Whole { events: Box::new(events), start: range.start }
    };
    #[cfg(test)]
    if !tests::SEGMENTED.load(std::sync::atomic::Ordering::Relaxed) {
        return whole(range);
    }
    let Some(cut) = next_cut(source, range.clone()) else { return whole(range) };
    match checked(source, range.start..cut) {
        Some(events) => {
            #[cfg(test)]
            tests::CHECKED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            Segment::Checked { events: events.into_iter(), next: cut }
        }
        None => whole(range),
    }
}

/// Where, past the first line of `range`, the next line starts that would end a table early
/// (indented as code, or of one HTML tag) under one that would not: where a table may end
/// early.
fn next_cut(source: &str, range: Range<usize>) -> Option<usize> {
    let bytes = &source.as_bytes()[..range.end];
    let ends_table =
        |line: usize| super::ends_table_on_github(source, first_non_space(bytes, line));
    let mut line = range.start;
    let mut above_ends_table = true;
    while line < range.end {
        let does = ends_table(line).is_some();
        if does && !above_ends_table {
            return Some(line);
        }
        above_ends_table = does;
        line = super::lines::line_end(bytes, line) + 1;
    }
    None
}

/// Where the line from `line` has its first byte that is not a space or a tab.
fn first_non_space(bytes: &[u8], line: usize) -> usize {
    line + bytes[line..].iter().take_while(|byte| matches!(byte, b' ' | b'\t')).count()
}

/// The events of `segment` of `source`, ranges in `source`, where they read as the rest they
/// begin would up to the segment's end: its last block a table at the top level that runs to
/// that end, and no table in it ended early.
fn checked(source: &str, segment: Range<usize>) -> Option<Vec<(Event<'_>, Range<usize>)>> {
    let text = &source[segment.clone()];
    let mut events = Vec::new();
    let mut containers = 0usize;
    for (event, range) in Parser::new_ext(text, PARSER_OPTIONS).into_offset_iter() {
        let range = range.start + segment.start..range.end + segment.start;
        match &event {
            Event::Start(Tag::BlockQuote(_) | Tag::List(_) | Tag::Item) => containers += 1,
            Event::End(TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item) => containers -= 1,
            Event::Start(Tag::TableRow)
                if containers == 0
                    && super::ends_table_on_github(source, range.start).is_some() =>
            {
                return None;
            }
            _ => {}
        }
        events.push((event, range));
    }
    let ends_at_cut = matches!(events.last(), Some((Event::End(TagEnd::Table), range))
        if containers == 0 && range.end == segment.end);
    ends_at_cut.then_some(events)
}

#[cfg(test)]
pub(super) mod tests {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

    use proptest::prelude::*;

    use super::super::parse;
    use super::*;

    /// Off, every rest is parsed whole, as before segments: what segments must read as. Other
    /// tests that run meanwhile read the same pages either way.
    pub(in super::super) static SEGMENTED: AtomicBool = AtomicBool::new(true);
    /// How many segments have checked out, in every test so far: that a property cut some.
    pub(in super::super) static CHECKED: AtomicUsize = AtomicUsize::new(0);
    /// Held by each test here, which sets [`SEGMENTED`] or needs it set.
    static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

    /// `page` as read with its rests in segments, and parsed whole.
    fn both_ways(page: &str) -> (String, String) {
        let segmented = format!("{:?}", parse(page));
        SEGMENTED.store(false, Ordering::Relaxed);
        let whole = format!("{:?}", parse(page));
        SEGMENTED.store(true, Ordering::Relaxed);
        (segmented, whole)
    }

    #[test]
    fn a_rest_of_tables_each_ended_early_is_read_in_segments() {
        let _one = ONE_AT_A_TIME.lock().unwrap();
        let table = "| a | b |\n|---|---|\n| 1 | 2 |\n";
        let page = format!("{table}{}", format!("    | x | y |\n{table}").repeat(50));
        let start = page.find("    |").unwrap();
        let mut rest = Rest::new(&page, start..page.len());
        // Each segment a line of code and a table; the last, under which no line could end a
        // table early, is parsed whole.
        let (mut checked, mut whole) = (0, 0);
        while let Some((event, _)) = rest.next() {
            if matches!(event, Event::Start(Tag::Table(_))) {
                match rest.segment {
                    Segment::Checked { .. } => checked += 1,
                    Segment::Whole { .. } => whole += 1,
                }
            }
        }
        assert_eq!((checked, whole), (49, 1));
        let (segmented, whole) = both_ways(&page);
        assert_eq!(segmented, whole);
    }

    #[test]
    fn a_segment_that_does_not_check_out_is_read_whole() {
        let _one = ONE_AT_A_TIME.lock().unwrap();
        // Under a line that starts with a pipe and is a paragraph's, not a table's: the line
        // indented as code continues the paragraph.
        let page = "| a |\n|---|\n| 1 |\n    code\n| not a table\n    more\n| b |\n|---|\n";
        let start = page.find("    code").unwrap();
        let rest = Rest::new(page, start..page.len());
        assert!(matches!(rest.segment, Segment::Whole { .. }));
        let (segmented, whole) = both_ways(page);
        assert_eq!(segmented, whole);
    }

    /// A few lines of a page made of tables that lines indented as code end early: mostly a
    /// table, or a line indented as code, and now and then a line of anything else that could
    /// make them read otherwise.
    fn lines() -> impl Strategy<Value = &'static str> {
        let other = prop::sample::select(vec![
            "a | b\n--- | ---\n",
            "\t| x |\n",
            "   | three spaces |\n",
            "text\n",
            "> | q |\n",
            "- | item |\n",
            "```\n",
            "<div>\n",
            "<span>\n",
            "  <br/>\n",
            "[k]: https://x.test/k\n",
            "| [k] |\n",
            "\n",
        ]);
        prop_oneof![
            4 => Just("| a | b |\n|---|---|\n| 1 | 2 |\n"),
            2 => Just("a | b\n--- | ---\n1 | 2\n"),
            1 => Just("| 1 | 2 |\n"),
            4 => Just("    | x | y |\n"),
            1 => Just("     code\n"),
            2 => other,
        ]
    }

    #[test]
    fn rests_read_in_segments_as_parsed_whole() {
        let _one = ONE_AT_A_TIME.lock().unwrap();
        let checked_before = CHECKED.load(Ordering::Relaxed);
        let page = prop::collection::vec(lines(), 1..30);
        let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(2048));
        runner
            .run(&page, |lines| {
                let page = lines.concat();
                let (segmented, whole) = both_ways(&page);
                prop_assert_eq!(segmented, whole, "{:?}", page);
                Ok(())
            })
            .unwrap();
        let checked = CHECKED.load(Ordering::Relaxed) - checked_before;
        assert!(checked >= 200, "segments checked out: {checked}");
    }
}
