//! What a regeneration changes: generated text against the files already there, decided in
//! one place (like rust-analyzer's `ensure_file_contents`); [`crate::regen`] reports the
//! changes or writes them.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Seek};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::line_endings::same_but_line_endings;
use crate::{FileText, GeneratedFile, Place, parallel, unified_diff};

/// A file already in the output directory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Existing {
    /// A file that carries the `@generated` marker, with where its text is.
    Generated(OldText),
    /// A file without the marker: never overwritten or removed.
    HandWritten,
}

/// The text of a generated file already there, by the file it is in. A file is read only
/// when its text is needed (a diff, the API snapshot), and compared with the new text in
/// small pieces: at 100k rows the generated files are hundreds of megabytes, and holding the
/// old ones beside the new ones would double regen's memory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OldText {
    path: PathBuf,
}

impl OldText {
    /// The text of the file at `path`, read when asked for.
    pub fn at(path: PathBuf) -> OldText {
        OldText { path }
    }

    /// Where the file is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file, to read a piece at a time.
    pub fn open(&self) -> io::Result<File> {
        File::open(&self.path)
    }

    /// The whole text.
    pub fn read(&self) -> io::Result<String> {
        std::fs::read_to_string(&self.path)
    }

    /// Whether the text is `new`, but for `\r\n` against `\n` line endings. The file is
    /// read in pieces beside `new`'s own blocks (its rows made as they are read), up to the
    /// first byte that differs; only where a `\r` is there, on either side, may the texts
    /// still be the same with other line endings, and the file is read again from its start
    /// beside the text, each with every `\r\n` read as `\n`.
    pub fn same_as(&self, new: &FileText) -> io::Result<bool> {
        Ok(self.compare(new)?.is_none())
    }

    /// `None` where the text is `new` (as [`OldText::same_as`] says), else the start the file
    /// has in common with `new`, which writing `new` over the file copies rather than makes.
    pub fn compare(&self, new: &FileText) -> io::Result<Option<CommonStart>> {
        let file = File::open(&self.path)?;
        let stamp = Stamp::of(&file)?;
        let mut file = BufReader::with_capacity(1 << 16, file);
        let (until, carriage_return) = match first_difference(&mut file, new)? {
            Difference::None => return Ok(None),
            Difference::At { until, carriage_return } => (until, carriage_return),
        };
        if carriage_return && same_but_line_endings(rewound(file)?, new)? {
            return Ok(None);
        }
        Ok(Some(CommonStart { until, stamp }))
    }

    /// Copies to `to` the start the file has in common with a new text (`start`), and gives
    /// the place in the text to write on from: `start`'s, or the text's start where the file
    /// is no longer as it was compared (then `to` is left empty). The copy is the kernel's
    /// (`copy_file_range` on Linux): the text up to there is neither made nor copied by us.
    pub(crate) fn copy_common_start(&self, start: &CommonStart, to: &File) -> io::Result<Place> {
        if start.until == Place::START {
            return Ok(Place::START);
        }
        let copied = File::open(&self.path).and_then(|file| {
            if !start.stamp.still(&Stamp::of(&file)?) {
                return Ok(0);
            }
            io::copy(&mut (&file).take(start.until.bytes), &mut &*to)
        });
        if matches!(copied, Ok(bytes) if bytes == start.until.bytes) {
            return Ok(start.until);
        }
        // Changed, cut short or gone since it was compared: the whole text is written.
        to.set_len(0)?;
        (&*to).rewind()?;
        Ok(Place::START)
    }

    /// Drops the file's pages from the page cache (on Linux; elsewhere nothing), once nothing
    /// reads it any more before a new text is renamed over it. The rename would drop them
    /// itself, at the end of a regeneration with nothing left to overlap it: at 100k rows the
    /// renames took 55 ms with the pages, 35 ms without (BENCHMARKS.md, section 0,
    /// twenty-sixth round). Only a hint: a file that cannot be opened is left as it is.
    pub(crate) fn forget_cached(&self) {
        #[cfg(target_os = "linux")]
        if let Ok(file) = File::open(&self.path) {
            let _ = rustix::fs::fadvise(&file, 0, None, rustix::fs::Advice::DontNeed);
        }
    }
}

/// The start an old file has in common with a new text: the text up to `until` reads as the
/// file's first `until.bytes` bytes, as the file was when compared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommonStart {
    until: Place,
    stamp: Stamp,
}

/// What tells that a file is still as it was read: its length and the time it was last
/// modified (nanoseconds on the usual file systems). A file without a modification time never
/// matches, so nothing of it is copied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
}

impl CommonStart {
    /// The length of the old file when it was compared.
    pub(crate) fn file_len(&self) -> u64 {
        self.stamp.len
    }
}

impl Stamp {
    /// The file's stamp now.
    fn of(file: &File) -> io::Result<Stamp> {
        let metadata = file.metadata()?;
        Ok(Stamp { len: metadata.len(), modified: metadata.modified().ok() })
    }

    /// Whether a file stamped `self` when it was read is still as it was, stamped `now`.
    fn still(&self, now: &Stamp) -> bool {
        self.modified.is_some() && self == now
    }
}

/// The file `reader` reads, from its start again.
fn rewound(reader: BufReader<File>) -> io::Result<File> {
    let mut file = reader.into_inner();
    file.rewind()?;
    Ok(file)
}

/// Where a file and a text first differ.
enum Difference {
    /// Nowhere: the file reads the text, and ends where it does.
    None,
    /// At or after `until`, a place in the text up to which the two read the same:
    /// `carriage_return` where either has a `\r` there. The two are the same with line
    /// endings normalized only then: up to there they read the same, so had neither a `\r`
    /// there, they would still differ there once normalized.
    At { until: Place, carriage_return: bool },
}

/// Reads `file` along `expected`, as far as it reads the same: `None` where it read all of
/// `expected`, else the first bytes that differ (the file's `None` where it ended first).
pub(crate) fn read_along(
    file: &mut impl BufRead,
    mut expected: &[u8],
) -> io::Result<Option<(Option<u8>, u8)>> {
    while !expected.is_empty() {
        let piece = file.fill_buf()?;
        let common = piece.len().min(expected.len());
        if common == 0 {
            return Ok(Some((None, expected[0])));
        }
        if piece[..common] != expected[..common] {
            let at = (0..common).find(|&at| piece[at] != expected[at]).unwrap_or(0);
            return Ok(Some((Some(piece[at]), expected[at])));
        }
        file.consume(common);
        expected = &expected[common..];
    }
    Ok(None)
}

/// Where `file` first differs from `text`, reading only up to there.
fn first_difference(file: &mut impl BufRead, text: &FileText) -> io::Result<Difference> {
    /// Why comparing stopped before the text's end.
    enum Stop {
        Differs { until: Place, old: Option<u8>, new: u8 },
        Failed(io::Error),
    }
    // Where the last slice of the text began: the text is the file's start up to there.
    let mut last = Place::START;
    let compared = text.try_for_each_block_from(Place::START, |until, block| {
        last = until;
        match read_along(file, block) {
            Ok(None) => Ok(()),
            Ok(Some((old, new))) => Err(Stop::Differs { until, old, new }),
            Err(error) => Err(Stop::Failed(error)),
        }
    });
    let carriage_return = |byte: Option<u8>| byte == Some(b'\r');
    Ok(match compared {
        Err(Stop::Failed(error)) => return Err(error),
        Err(Stop::Differs { until, old, new }) => {
            Difference::At { until, carriage_return: carriage_return(old) || new == b'\r' }
        }
        Ok(()) => match file.fill_buf()?.first() {
            None => Difference::None,
            Some(&old) => Difference::At { until: last, carriage_return: old == b'\r' },
        },
    })
}

/// One difference between the generated files and the output directory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// A generated file that does not exist yet.
    Create {
        /// Path relative to the output directory.
        path: String,
        /// The text to write.
        text: FileText,
    },
    /// A generated file whose text differs.
    Update {
        /// Path relative to the output directory.
        path: String,
        /// The text there now.
        old: OldText,
        /// The text to write.
        new: FileText,
        /// The start the text there now has in common with the new one.
        common: CommonStart,
    },
    /// A generated file that no table generates any more.
    Remove {
        /// Path relative to the output directory.
        path: String,
        /// The text there now.
        old: OldText,
    },
}

impl Change {
    /// The file's path relative to the output directory.
    pub fn path(&self) -> &str {
        match self {
            Change::Create { path, .. }
            | Change::Update { path, .. }
            | Change::Remove { path, .. } => path,
        }
    }

    /// The text the change writes: none for a removal.
    pub fn new_text(&self) -> Option<&FileText> {
        match self {
            Change::Create { text, .. } | Change::Update { new: text, .. } => Some(text),
            Change::Remove { .. } => None,
        }
    }

    /// The file the change replaces and the start the two have in common: only for an
    /// update.
    pub fn replaced(&self) -> Option<(&OldText, &CommonStart)> {
        match self {
            Change::Update { old, common, .. } => Some((old, common)),
            Change::Create { .. } | Change::Remove { .. } => None,
        }
    }

    /// What the change does, as a past participle: `created`, `updated`, `removed`.
    pub fn verb(&self) -> &'static str {
        match self {
            Change::Create { .. } => "created",
            Change::Update { .. } => "updated",
            Change::Remove { .. } => "removed",
        }
    }

    /// A unified diff of the change; `shown` names the file. Fails where the old file cannot
    /// be read.
    pub fn diff(&self, shown: &str) -> io::Result<String> {
        let old = match self {
            Change::Create { .. } => None,
            Change::Update { old, .. } | Change::Remove { old, .. } => Some(old.open()?),
        };
        // Made with room for the text it replaces and a little more: at 100k rows the module
        // is 130 MB, which grown by doubling took twice that in fresh memory.
        let size_hint = self.replaced().map_or(0, |(_, common)| common.file_len() as usize);
        let size_hint = size_hint + size_hint / 16;
        let new = self.new_text().map(|new| new.as_one_str_sized(size_hint)).unwrap_or_default();
        unified_diff::of(old, &new, shown)
    }
}

/// The changes that make the output directory hold exactly `files`: sorted by path; empty
/// when everything is up to date. Texts are compared with line endings normalized. The texts
/// move into the changes, never copied: at 100k rows they are hundreds of megabytes.
///
/// Refused, with the paths of the files, where a generated file would replace a hand-written
/// one (`Ok(Err(paths))`); fails where an old file cannot be read.
pub fn plan(
    files: Vec<GeneratedFile>,
    mut existing: BTreeMap<String, Existing>,
) -> io::Result<Result<Vec<Change>, Vec<String>>> {
    // The large files (a module, the snapshot) are compared at the same time.
    let compared = parallel::each(&files, |file| match existing.get(&file.path) {
        Some(Existing::Generated(old)) => old.compare(&file.text),
        _ => Ok(None),
    });
    let mut changes = Vec::new();
    let mut conflicts = Vec::new();
    for (GeneratedFile { path, text }, compared) in files.into_iter().zip(compared) {
        match existing.remove(&path) {
            None => changes.push(Change::Create { path, text }),
            Some(Existing::HandWritten) => conflicts.push(path),
            Some(Existing::Generated(old)) => {
                if let Some(common) = compared? {
                    changes.push(Change::Update { path, old, new: text, common });
                }
            }
        }
    }
    for (path, state) in existing {
        if let Existing::Generated(old) = state {
            changes.push(Change::Remove { path, old });
        }
    }
    if !conflicts.is_empty() {
        return Ok(Err(conflicts));
    }
    changes.sort_by(|a, b| a.path().cmp(b.path()));
    Ok(Ok(changes))
}

#[cfg(test)]
mod tests {
    use std::io::Write;
    use std::path::Path;

    use super::*;

    fn file(path: &str, text: &str) -> GeneratedFile {
        GeneratedFile { path: path.to_owned(), text: text.into() }
    }

    const HEADER: &str =
        "// This file is @generated by `cargo xtask regen` from x.md; do not edit.\n";

    /// A generated file already there, named `name` in `dir`, holding `text`.
    fn old(dir: &tempfile::TempDir, name: &str, text: &str) -> (String, Existing) {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        (name.to_owned(), Existing::Generated(OldText::at(path)))
    }

    #[test]
    fn up_to_date_files_need_no_change_even_with_crlf() {
        let dir = tempfile::tempdir().unwrap();
        let text = format!("{HEADER}pub mod a;\n");
        let existing = BTreeMap::from([old(&dir, "mod.rs", &text.replace('\n', "\r\n"))]);
        assert_eq!(plan(vec![file("mod.rs", &text)], existing).unwrap(), Ok(vec![]));
    }

    #[test]
    fn stale_new_and_orphaned_files_are_changes() {
        let dir = tempfile::tempdir().unwrap();
        let existing = BTreeMap::from([
            old(&dir, "a.rs", &format!("{HEADER}old\n")),
            old(&dir, "gone.rs", &format!("{HEADER}gone\n")),
            ("notes.rs".to_owned(), Existing::HandWritten),
        ]);
        let files = vec![file("a.rs", &format!("{HEADER}new\n")), file("b.rs", "b")];
        let changes = plan(files, existing).unwrap().unwrap();
        let paths: Vec<&str> = changes.iter().map(Change::path).collect();
        assert_eq!(paths, ["a.rs", "b.rs", "gone.rs"]);
        assert!(matches!(changes[2], Change::Remove { .. }));
        assert!(changes[0].diff("x/a.rs").unwrap().contains("-old\n+new\n"));
    }

    /// Whether a file in `dir` holding `on_disk` reads as `new`.
    fn same_on_disk(dir: &tempfile::TempDir, on_disk: &str, new: &FileText) -> bool {
        let path = dir.path().join("f.rs");
        std::fs::write(&path, on_disk).unwrap();
        OldText::at(path).same_as(new).unwrap()
    }

    #[test]
    fn files_are_compared_in_pieces_with_line_endings_normalized() {
        let dir = tempfile::tempdir().unwrap();
        let long: String = (0..20_000).map(|line| format!("line {line}\n")).collect();
        let same = |on_disk: &str, new: &str| same_on_disk(&dir, on_disk, &new.into());
        assert!(same(&long, &long));
        assert!(same(&long.replace('\n', "\r\n"), &long));
        assert!(!same(&long, &long[..long.len() - 1]));
        assert!(!same(&long[..long.len() - 1], &long));
        assert!(!same(&long.replacen("line 19999", "line 1999x", 1), &long));
        assert!(!same(&long.replace('\n', "\r\n").replacen("line 5", "line 6", 1), &long));
    }

    #[test]
    fn a_difference_is_a_line_ending_only_at_a_carriage_return() {
        let dir = tempfile::tempdir().unwrap();
        let same = |on_disk: &str, new: &str| same_on_disk(&dir, on_disk, &new.into());
        // Told at the first difference: a byte that is not `\r`, or a file that ends first.
        assert!(!same("a\nc\n", "a\nb\n"));
        assert!(!same("a\n", "a\nb\n"));
        assert!(!same("a\nb\nc", "a\nb\n"));
        // A `\r` there may be a line ending: read whole and normalized.
        assert!(same("a\nb\r\n", "a\nb\n"));
        assert!(same("a\r\nb\r\n", "a\nb\n"));
        assert!(same("a\nb\n\r\n", "a\nb\n\n"));
        assert!(!same("a\nb\n\r\n", "a\nb\n"));
        assert!(!same("a\r\nc\r\n", "a\nb\n"));
        assert!(!same("a\rb\n", "a\nb\n"));
        // Where the new text has a `\r` itself, so may the file, anywhere.
        assert!(same("a\nb\r\n", "a\r\nb\n"));
        assert!(!same("a\nc\r\n", "a\r\nb\n"));
    }

    #[test]
    fn texts_of_made_rows_differ_where_their_rows_do() {
        let dir = tempfile::tempdir().unwrap();
        let rows = 4 * 2_000;
        // The rows as one text, and in parts made on every core while the file is read.
        let one_text: String = (0..rows).map(|row| format!("R{row},\n")).collect();
        let in_parts = crate::file_text::MadeText::new(rows, rows / 100, |part, out| {
            (part * 100..part * 100 + 100)
                .for_each(|row| out.line().push_str(&format!("R{row},\n")));
        });
        let (mut one, mut parts) = (FileText::from("enum E {\n"), FileText::from("enum E {\n"));
        one.push_indented(&one_text, 4);
        parts.push_made(in_parts, 4);
        for mut new in [one, parts] {
            new.push_str("}\n");
            let whole = new.to_string();
            let same = |on_disk: &str| same_on_disk(&dir, on_disk, &new);
            assert!(same(&whole));
            assert!(same(&whole.replace('\n', "\r\n")));
            for row in ["R5,", "R1999,", "R4000,", "R7999,"] {
                assert!(!same(&whole.replacen(row, "X,", 1)), "{row}");
                assert!(!same(&whole.replacen(row, &format!("\r{row}"), 1)), "{row}");
                assert!(!same(&whole.replacen(&format!("    {row}"), row, 1)), "{row}");
            }
            assert!(!same(&whole[..whole.len() - 1]));
            assert!(!same(&whole[..whole.len() / 2]));
            assert!(!same(&format!("{whole}\n")));
            assert!(!same(""));
        }
    }

    /// What is done to a file between comparing and copying it.
    type Touch<'a> = dyn Fn(&Path) + 'a;

    /// What a staged file holds when `new` replaces a file holding `on_disk`: the start they
    /// have in common copied (`touch` runs between comparing and copying), the rest written.
    /// With how many bytes were copied.
    fn replaced(on_disk: &str, new: &FileText, touch: impl FnOnce(&Path)) -> (String, u64) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.rs");
        std::fs::write(&path, on_disk).unwrap();
        let old = OldText::at(path.clone());
        let common = old.compare(new).unwrap().expect("the texts differ");
        assert!(
            on_disk
                .as_bytes()
                .starts_with(&new.to_string().as_bytes()[..common.until.bytes as usize])
        );
        touch(&path);
        let staged = tempfile::tempfile_in(dir.path()).unwrap();
        let from = old.copy_common_start(&common, &staged).unwrap();
        new.write_from_to(from, &staged).unwrap();
        let mut text = String::new();
        (&staged).rewind().unwrap();
        (&staged).read_to_string(&mut text).unwrap();
        (text, from.bytes)
    }

    #[test]
    fn a_replacement_copies_the_start_it_shares_with_the_old_file_and_writes_the_rest() {
        // Several blocks of text.
        let rows = 40_000;
        let mut new = FileText::from("enum E {\n");
        new.push_made(
            crate::file_text::MadeText::new(rows, rows / 100, |part, out| {
                (part * 100..part * 100 + 100)
                    .for_each(|row| out.line().push_str(&format!("R{row},\n")));
            }),
            4,
        );
        new.push_str("}\n");
        let whole = new.to_string();
        let untouched = |_: &Path| {};
        for (on_disk, copied_at_least) in [
            (whole.replacen("R5,", "X,", 1), 0),
            (whole.replacen("R20000,", "X,", 1), whole.len() / 3),
            (whole.replacen("R39999,", "X,", 1), whole.len() * 3 / 4),
            (whole.replace('\n', "\r\n").replacen("R39999,", "X,", 1), 0),
            (whole[..whole.len() - 1].to_owned(), whole.len() * 3 / 4),
            (format!("{whole}more\n"), whole.len() * 3 / 4),
            (String::new(), 0),
        ] {
            let (text, copied) = replaced(&on_disk, &new, untouched);
            assert!(text == whole, "the text written after {copied} bytes copied");
            assert!(copied >= copied_at_least as u64, "{copied} bytes copied");
        }
        // A file changed since it was compared gives nothing: the whole text is written.
        let on_disk = whole.replacen("R39999,", "X,", 1);
        let changed_in_place = |path: &Path| {
            let mut file = std::fs::OpenOptions::new().write(true).open(path).unwrap();
            file.write_all(b"////").unwrap();
            file.set_modified(SystemTime::UNIX_EPOCH).unwrap();
        };
        let cut_short = |path: &Path| std::fs::write(path, &on_disk[..100]).unwrap();
        let gone = |path: &Path| std::fs::remove_file(path).unwrap();
        let touches: [(&str, &Touch<'_>); 3] =
            [("changed in place", &changed_in_place), ("cut short", &cut_short), ("gone", &gone)];
        for (touched, touch) in touches {
            let (text, copied) = replaced(&on_disk, &new, touch);
            assert!(text == whole && copied == 0, "{touched}: {copied} bytes copied");
        }
    }

    #[test]
    fn forgetting_a_files_cached_pages_leaves_its_text_and_a_missing_file_alone() {
        let dir = tempfile::tempdir().unwrap();
        let text = format!("{HEADER}const A: u8 = 1;\n");
        let Existing::Generated(file) = old(&dir, "a.rs", &text).1 else { unreachable!() };
        file.forget_cached();
        assert_eq!(file.read().unwrap(), text);
        OldText::at(dir.path().join("missing.rs")).forget_cached();
        assert!(!dir.path().join("missing.rs").exists());
    }

    #[test]
    fn hand_written_files_are_never_replaced() {
        let existing = BTreeMap::from([("a.rs".to_owned(), Existing::HandWritten)]);
        assert_eq!(plan(vec![file("a.rs", "x")], existing).unwrap(), Err(vec!["a.rs".to_owned()]));
    }
}
