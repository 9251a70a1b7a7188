//! The unified diff of two texts' lines, made by [`similar`], behind functions that are not
//! generic: `similar`'s generic code is compiled here, at this crate's optimization level,
//! rather than in every crate that calls it. catalog-gen is built optimized in the dev profile
//! (`cargo xtask regen` spends its time there); the diff, printed only for a stale file by
//! `regen --check`, does not need to be, and compiled in catalog-gen it was a fifth of that
//! crate's LLVM IR (this crate's README).

use similar::{DiffableStr, TextDiff};

/// The lines of `text` as [`unified`] takes them: cut after each `\n`, which each keeps, and
/// the rest, as `similar` cuts a text into lines.
pub fn lines(text: &str) -> Vec<&str> {
    text.tokenize_lines()
}

/// The unified diff from the lines `old` to the lines `new` (each cut as [`lines`] cuts a
/// text), with `context` lines of context around each change, headed `--- {old_name}` and
/// `+++ {new_name}`; empty where the lines are the same. It is the diff `similar` makes of the
/// two texts whole (`TextDiff::from_lines`), its `\ No newline at end of file` hints included.
pub fn unified(
    old: &[&str],
    new: &[&str],
    context: usize,
    old_name: &str,
    new_name: &str,
) -> String {
    TextDiff::configure()
        .newline_terminated(true)
        .diff_slices(old, new)
        .unified_diff()
        .context_radius(context)
        .header(old_name, new_name)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `similar`'s diff of the two texts whole, as [`unified`] must make it.
    fn whole(old: &str, new: &str, context: usize) -> String {
        TextDiff::from_lines(old, new)
            .unified_diff()
            .context_radius(context)
            .header("a/f", "b/f")
            .to_string()
    }

    #[test]
    fn the_diff_of_the_lines_is_similars_of_the_texts() {
        // catalog-gen's `unified_diff` tests compare more texts, through this function, with
        // 3 lines of context; here, other widths of context and a missing last newline.
        let cases = [
            ("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n"),
            ("1\n2\n3\n4\n5\n6\n7\n8\n9", "0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n"),
            ("", "a"),
        ];
        for (old, new) in cases {
            for context in [0, 1, 3] {
                let made = unified(&lines(old), &lines(new), context, "a/f", "b/f");
                assert_eq!(made, whole(old, new, context), "{old:?} -> {new:?}, {context}");
            }
        }
        let changed = unified(&lines("a\nb\n"), &lines("a\nc\n"), 3, "a/f", "b/f");
        assert_eq!(changed, "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n");
        assert_eq!(unified(&lines("same\n"), &lines("same\n"), 3, "a/f", "b/f"), "");
    }
}
