//! A changelog file kept as Keep a Changelog asks: one `## [Unreleased]` section at the top,
//! which the changes of each docs update join until a release names it. The file is the
//! user's, so what it has stays: entries are added after those there (not twice), and only the
//! `Docs update:` line that an earlier regen wrote is replaced, by one naming a larger
//! release.
//!
//! Headings are found by pulldown-cmark, so a `## ` line inside a code block is none.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::{KIND_HEADINGS, Semver};

/// How the line that gives a docs update's release starts ([`super::Changelog::markdown`]).
pub(super) const RELEASE_LINE: &str = "Docs update: a **";

/// What one docs update adds to a changelog.
pub(super) struct Update<'a> {
    /// The section a file without an unreleased one gets, whole.
    pub section: &'a str,
    /// The release the update needs.
    pub semver: Semver,
    /// The line that says so.
    pub release_line: &'a str,
    /// The entries of each kind, by its heading (`Added`).
    pub entries: Vec<(&'static str, Vec<String>)>,
}

/// `text`, a changelog file's, with `update` in it: joined to its `## [Unreleased]` section
/// where the first `## ` section is one, else as a section of its own before the first `## `
/// section ([`prepend`]).
pub(super) fn add(text: &str, update: &Update<'_>) -> String {
    let headings = headings(text);
    let mut second_level = headings.iter().filter(|heading| heading.level == HeadingLevel::H2);
    let Some(first) = second_level.next().filter(|heading| is_unreleased(&heading.text)) else {
        return prepend(text, update.section);
    };
    let next = second_level.next().map_or(text.len(), |heading| heading.range.start);
    let body = line_end(text, first.range.end)..next;
    let kinds: Vec<&Heading> = headings
        .iter()
        .filter(|heading| heading.level == HeadingLevel::H3 && body.contains(&heading.range.start))
        .collect();
    let mut edits = Vec::new();
    release_edit(text, &body, &kinds, update, &mut edits);
    for (kind, entries) in &update.entries {
        edits.extend(entries_edit(text, &body, &kinds, kind, entries));
    }
    // Applied from the end, so that each edit's place is still where it was found.
    edits.sort_by_key(|edit: &Edit| std::cmp::Reverse((edit.range.start, edit.order)));
    let mut text = text.to_owned();
    for edit in edits {
        text.replace_range(edit.range, &edit.with);
    }
    text
}

/// `section` put into a changelog file's `text`: before its first `## ` section, after any
/// title and introduction; a new file gets a `# Changelog` title.
fn prepend(text: &str, section: &str) -> String {
    if text.trim().is_empty() {
        return format!("# Changelog\n\n{section}");
    }
    let first = headings(text).into_iter().find(|heading| heading.level == HeadingLevel::H2);
    match first {
        Some(heading) => {
            let at = heading.range.start;
            format!("{}{section}\n{}", &text[..at], &text[at..])
        }
        None => format!("{}\n\n{section}", text.trim_end()),
    }
}

/// A heading of the file.
struct Heading {
    level: HeadingLevel,
    /// Its text, without markup.
    text: String,
    /// Where it is in the file.
    range: Range<usize>,
}

/// Every heading of `text`, in order.
fn headings(text: &str) -> Vec<Heading> {
    let mut found = Vec::new();
    let mut open: Option<Heading> = None;
    for (event, range) in Parser::new(text).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                open = Some(Heading { level, text: String::new(), range });
            }
            Event::Text(part) | Event::Code(part) => {
                if let Some(heading) = &mut open {
                    heading.text.push_str(&part);
                }
            }
            Event::End(TagEnd::Heading(_)) => found.extend(open.take()),
            _ => {}
        }
    }
    found
}

/// Whether a `## ` heading's text names the unreleased section (`[Unreleased]`, with or
/// without a date after it).
fn is_unreleased(text: &str) -> bool {
    let text = text.trim_start_matches('[');
    text.get(..10).is_some_and(|word| word.eq_ignore_ascii_case("unreleased"))
}

/// Where the line that `at` is in ends, after its line break; `at` itself where it starts a
/// line (a heading's range may end after its line break or before it).
fn line_end(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    if at == 0 || text[..at].ends_with('\n') {
        return at;
    }
    text[at..].find('\n').map_or(text.len(), |end| at + end + 1)
}

/// A change to the file's text: `range` replaced `with`; of edits at one place, those with the
/// lower `order` come first.
struct Edit {
    range: Range<usize>,
    order: usize,
    with: String,
}

/// The edit that gives the section `body` the update's release line: where the section has
/// one from an earlier regen, it is replaced if the update needs a larger release; where it
/// has none, the update's goes first.
fn release_edit(
    text: &str,
    body: &Range<usize>,
    kinds: &[&Heading],
    update: &Update<'_>,
    edits: &mut Vec<Edit>,
) {
    let intro_end = kinds.first().map_or(body.end, |heading| heading.range.start);
    let mut at = body.start;
    for line in text[body.start..intro_end].split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix(RELEASE_LINE) {
            let written = [Semver::Major, Semver::Minor, Semver::Patch, Semver::None]
                .into_iter()
                .find(|semver| rest.starts_with(&format!("{}**", semver.as_str())));
            if written.is_none_or(|written| written < update.semver) {
                let end = at + line.trim_end_matches('\n').len();
                edits.push(Edit { range: at..end, order: 0, with: update.release_line.into() });
            }
            return;
        }
        at += line.len();
    }
    // A blank line before it; one after it where text follows (entries added to an empty
    // section bring their own).
    let mut with = format!("\n{}", update.release_line);
    if !text[..body.start].ends_with('\n') {
        with.insert(0, '\n');
    }
    if !text[body.clone()].trim().is_empty() {
        with.push('\n');
    }
    edits.push(Edit { range: body.start..body.start, order: 0, with });
}

/// The edit that adds `entries` of `kind` to the section `body`: after those under its heading
/// there (but those it has already, word for word: a second docs update that changes the same
/// text says nothing new), else under a new heading in Keep a Changelog's order; none where
/// nothing is left to add.
fn entries_edit(
    text: &str,
    body: &Range<usize>,
    kinds: &[&Heading],
    kind: &str,
    entries: &[String],
) -> Option<Edit> {
    let rank =
        |name: &str| KIND_HEADINGS.iter().position(|known| known.eq_ignore_ascii_case(name.trim()));
    let kind_rank = rank(kind).unwrap_or(KIND_HEADINGS.len());
    // Edits at one place go in the order of their kinds, after the release line.
    let order = kind_rank + 1;
    let at = kinds.iter().position(|heading| heading.text.trim().eq_ignore_ascii_case(kind));
    if let Some(at) = at {
        let end = kinds.get(at + 1).map_or(body.end, |next| next.range.start);
        let listed_there = &text[kinds[at].range.end..end];
        let there = |entry: &&String| listed_there.lines().any(|line| line.trim_end() == *entry);
        let new: Vec<&str> =
            entries.iter().filter(|entry| !there(entry)).map(String::as_str).collect();
        if new.is_empty() {
            return None;
        }
        let listed = new.join("\n");
        return Some(append(text, kinds[at].range.end..end, order, format!("\n{listed}")));
    }
    if entries.is_empty() {
        return None;
    }
    let listed = entries.join("\n");
    let later = kinds.iter().find(|heading| rank(&heading.text).is_some_and(|r| r > kind_rank));
    Some(match later {
        Some(later) => {
            let at = later.range.start;
            Edit { range: at..at, order, with: format!("### {kind}\n\n{listed}\n\n") }
        }
        None => append(text, body.clone(), order, format!("\n\n### {kind}\n\n{listed}")),
    })
}

/// The edit that puts `with` after the last text of `text[within]` that is not white space (or
/// at its start), and a line break after it where the next heading would follow on its line.
fn append(text: &str, within: Range<usize>, order: usize, mut with: String) -> Edit {
    let end = within.start + text[within.clone()].trim_end().len();
    if within.end < text.len() && !text[end..within.end].contains('\n') {
        with.push_str("\n\n");
    }
    Edit { range: end..end, order, with }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECTION: &str = "## [Unreleased]\n\nDocs update: a **minor** release (added).\n\n\
                           ### Added\n\n- new\n";

    /// An update that adds `added` and changes `changed`, and needs a `semver` release.
    fn add_update(text: &str, semver: Semver, added: &[&str], changed: &[&str]) -> String {
        let line = format!("{RELEASE_LINE}{}** release (why).", semver.as_str());
        let list = |items: &[&str]| items.iter().map(|item| format!("- {item}")).collect();
        let entries = vec![("Added", list(added)), ("Changed", list(changed))];
        let update = Update { section: SECTION, semver, release_line: &line, entries };
        add(text, &update)
    }

    #[test]
    fn a_section_goes_before_the_first_release_and_never_replaces_text() {
        let section = "## [Unreleased]\n\nNew.\n";
        assert_eq!(prepend("", section), "# Changelog\n\n## [Unreleased]\n\nNew.\n");
        assert_eq!(
            prepend("# Log\n\nIntro.\n\n## [1.0.0]\n\nOld.\n", section),
            "# Log\n\nIntro.\n\n## [Unreleased]\n\nNew.\n\n## [1.0.0]\n\nOld.\n"
        );
        assert_eq!(
            prepend("# Log\n\nIntro. ## not a heading", section),
            "# Log\n\nIntro. ## not a heading\n\n## [Unreleased]\n\nNew.\n"
        );
        // Nor is a line of a code block.
        let fenced = "# Log\n\n```\n## [Unreleased]\n```\n\n## [1.0.0]\n";
        assert_eq!(
            add_update(fenced, Semver::Minor, &["a"], &[]),
            format!("# Log\n\n```\n## [Unreleased]\n```\n\n{SECTION}\n## [1.0.0]\n")
        );
    }

    #[test]
    fn the_updates_before_a_release_make_one_unreleased_section() {
        let first = add_update("# Changelog\n\n## [1.0.0]\n\n- Old.\n", Semver::Minor, &["a"], &[]);
        assert_eq!(first, format!("# Changelog\n\n{SECTION}\n## [1.0.0]\n\n- Old.\n"));
        // A second update's entries join the section: after those of their kind, or under a
        // heading of their own in Keep a Changelog's order; its release line names the larger
        // release.
        let second = add_update(&first, Semver::Major, &["b"], &["c"]);
        assert_eq!(
            second,
            "# Changelog\n\n## [Unreleased]\n\nDocs update: a **major** release (why).\n\n\
             ### Added\n\n- new\n- b\n\n### Changed\n\n- c\n\n## [1.0.0]\n\n- Old.\n"
        );
        // A smaller release leaves the line as it is.
        let third = add_update(&second, Semver::Patch, &[], &["d"]);
        assert_eq!(third, second.replace("- c\n", "- c\n- d\n"));
        // An entry the section has already is not written twice; the others are.
        assert_eq!(add_update(&third, Semver::Patch, &["b"], &["c", "d"]), third);
        let fifth = add_update(&third, Semver::Patch, &["b", "e"], &["c"]);
        assert_eq!(fifth, third.replace("- b\n", "- b\n- e\n"));
    }

    #[test]
    fn a_hand_written_unreleased_section_keeps_its_text_and_gets_a_release_line() {
        let text = "# Changelog\n\n## [Unreleased] - 2026-12-01\n\nA note.\n\n### Changed\n\n\
                    - Hand-written.\n\n### Fixed\n\n- A bug.\n";
        assert_eq!(
            add_update(text, Semver::Minor, &["a"], &["b"]),
            "# Changelog\n\n## [Unreleased] - 2026-12-01\n\nDocs update: a **minor** release \
             (why).\n\nA note.\n\n### Added\n\n- a\n\n### Changed\n\n- Hand-written.\n- b\n\n\
             ### Fixed\n\n- A bug.\n"
        );
        // An empty section, right above the last release, and at the end of the file.
        assert_eq!(
            add_update("## [Unreleased]\n## [1.0.0]\n", Semver::Minor, &["a"], &[]),
            "## [Unreleased]\n\nDocs update: a **minor** release (why).\n\n### Added\n\n- a\n\n\
             ## [1.0.0]\n"
        );
        assert_eq!(
            add_update("## Unreleased", Semver::Minor, &["a"], &[]),
            "## Unreleased\n\nDocs update: a **minor** release (why).\n\n### Added\n\n- a"
        );
    }
}
