//! The unified diff of two texts' lines, made by [`similar`], behind functions that are not
//! generic: `similar`'s generic code is compiled here, at this crate's optimization level,
//! rather than in every crate that calls it. Compiled in catalog-gen, all of `similar`'s
//! algorithms for every type it diffs were a fifth of that crate's LLVM IR (this crate's
//! README); here only its Myers diff of [`Line`]s is, small enough to build optimized in
//! about a second.
//!
//! Each [`Line`] is hashed once, here, as it is made. `similar` hashes every line between the
//! first change and the last, and its own hashing of a text a byte at a time, which the dev
//! profile does not optimize, was most of a stale check's time; a line's hash made beforehand
//! leaves it one number to hash, and a line copied keeps its hash.

use std::fmt::Write;
use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher, Hash, Hasher};
use std::ops::Index;

use similar::DiffableStr;
use similar::algorithms::{Capture, Compact, Replace, myers};
use similar::udiff::UnifiedHunkHeader;

/// The lines of `text` as `similar` cuts a text into lines: after each `\n`, `\r\n` or lone
/// `\r`, which each keeps, and the rest.
pub fn lines(text: &str) -> Vec<Line<'_>> {
    text.tokenize_lines().into_iter().map(Line::new).collect()
}

/// A line as [`unified`] compares it: its text, and its hash.
#[derive(Clone, Copy, Debug)]
pub struct Line<'a> {
    text: &'a str,
    hash: u64,
}

impl<'a> Line<'a> {
    /// The line `text` (as [`lines`] cuts a text, its end kept), hashed.
    pub fn new(text: &'a str) -> Line<'a> {
        Line::with_hash(text, BuildHasherDefault::<DefaultHasher>::default().hash_one(text))
    }

    /// The line `text` with `hash`, which must be the same for the same text (unequal texts
    /// may share one): lines with unequal hashes are taken as different without comparing
    /// them. Only the tests choose the hash, to make unequal lines share one.
    fn with_hash(text: &'a str, hash: u64) -> Line<'a> {
        Line { text, hash }
    }

    /// The line's text.
    pub fn text(&self) -> &'a str {
        self.text
    }
}

impl PartialEq for Line<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.hash == other.hash && self.text == other.text
    }
}

impl Eq for Line<'_> {}

impl Hash for Line<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

/// The texts of lines, indexed as `similar` reads a text's lines.
struct Texts<'l, 'a>(&'l [Line<'a>]);

impl<'a> Index<usize> for Texts<'_, 'a> {
    type Output = &'a str;

    fn index(&self, index: usize) -> &&'a str {
        &self.0[index].text
    }
}

/// The unified diff from the lines `old` to the lines `new`, with `context` lines of context
/// around each change, headed `--- {old_name}` and `+++ {new_name}`; empty where the lines
/// are the same. It is the diff `similar` makes of the two texts whole
/// (`TextDiff::from_lines(old, new).unified_diff()`, `\ No newline at end of file` hints
/// included): the same Myers diff of the lines, grouped by `similar`, each hunk written as
/// `similar`'s `UnifiedDiffHunk` writes it.
pub fn unified(
    old: &[Line<'_>],
    new: &[Line<'_>],
    context: usize,
    old_name: &str,
    new_name: &str,
) -> String {
    // What `similar::capture_diff_slices(Algorithm::Myers, …)` does, without the other
    // algorithms it chooses among at run time: each would be compiled here too, for `Line`.
    let mut hook = Compact::new(Replace::new(Capture::new()), old, new);
    let Ok(()) = myers::diff(&mut hook, old, 0..old.len(), new, 0..new.len());
    let ops = hook.into_inner().into_inner().into_ops();
    let (old_texts, new_texts) = (Texts(old), Texts(new));
    let mut out = String::new();
    for hunk in similar::group_diff_ops(ops, context) {
        if hunk.is_empty() {
            continue;
        }
        if out.is_empty() {
            let _ = writeln!(out, "--- {old_name}\n+++ {new_name}");
        }
        let _ = writeln!(out, "{}", UnifiedHunkHeader::new(&hunk));
        for change in hunk.iter().flat_map(|op| op.iter_changes(&old_texts, &new_texts)) {
            let _ = write!(out, "{}{}", change.tag(), change.value());
            if change.missing_newline() {
                out.push_str("\n\\ No newline at end of file\n");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `similar`'s diff of the two texts whole, as [`unified`] must make it.
    fn whole(old: &str, new: &str, context: usize) -> String {
        similar::TextDiff::from_lines(old, new)
            .unified_diff()
            .context_radius(context)
            .header("a/f", "b/f")
            .to_string()
    }

    fn made(old: &str, new: &str, context: usize) -> String {
        unified(&lines(old), &lines(new), context, "a/f", "b/f")
    }

    /// [`made`], where lines of the same length share a hash.
    fn made_colliding(old: &str, new: &str, context: usize) -> String {
        let colliding = |text| -> Vec<Line<'_>> {
            let lines = lines(text).into_iter();
            lines.map(|line| Line::with_hash(line.text, line.text.len() as u64)).collect()
        };
        unified(&colliding(old), &colliding(new), context, "a/f", "b/f")
    }

    #[test]
    fn the_diff_of_the_lines_is_similars_of_the_texts() {
        // catalog-gen's `unified_diff` tests compare more texts, through this function, with
        // 3 lines of context; here, other widths of context, a missing last newline, and
        // texts of more than a hundred lines, which `similar` diffs another way.
        let long: String = (0..300).map(|line| format!("{}\n", line % 7)).collect();
        let edited = long.replacen("3\n", "three\n", 1).replace("5\n6\n", "6\n5\n");
        let cases = [
            ("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n"),
            ("1\n2\n3\n4\n5\n6\n7\n8\n9", "0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n"),
            ("", "a"),
            (long.as_str(), edited.as_str()),
        ];
        for (old, new) in cases {
            for context in [0, 1, 3] {
                let expected = whole(old, new, context);
                assert_eq!(made(old, new, context), expected, "{old:?} -> {new:?}");
                // Hashes shared by unequal lines only cost comparisons.
                assert_eq!(made_colliding(old, new, context), expected);
            }
        }
        let changed = made("a\nb\n", "a\nc\n", 3);
        assert_eq!(changed, "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n");
        assert_eq!(made("same\n", "same\n", 3), "");
    }
}
