//! The generated files written as regen writes them: each new text to a temporary file beside
//! its target (the start it shares with the file it replaces copied, not made again), handed to
//! the disk as it is written, synced, then renamed over its target, atomically per file.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::set_aside;
use crate::sync::{Change, CommonStart, OldText};
use crate::{FileText, Place, parallel};

/// New texts written to temporary files beside their targets and synced, not yet in place:
/// dropped, the temporary files are removed and nothing has changed. Writing and then
/// [persisting](Staged::persist) is all or nothing as far as the file system allows: how
/// [`Plan::apply`](super::Plan::apply) writes, and what the floor benchmark's `writes alone`
/// measures.
#[derive(Debug)]
pub struct Staged {
    files: Vec<(NamedTempFile, PathBuf)>,
}

impl Staged {
    /// Writes each text to a temporary file in `dir` (created if absent), for its path relative
    /// to `dir`. The files are written at the same time: at 100k rows they are hundreds of
    /// megabytes to write and sync.
    pub fn write(dir: &Path, files: &[(&str, &FileText)]) -> io::Result<Staged> {
        let files: Vec<Staging<'_>> =
            files.iter().map(|&(path, text)| (path, text, None)).collect();
        Staged::write_replacing(dir, &files)
    }

    /// [`Staged::write`], each text with the file it replaces, where that file has a start in
    /// common with it: that start is copied, not written.
    fn write_replacing(dir: &Path, files: &[Staging<'_>]) -> io::Result<Staged> {
        std::fs::create_dir_all(dir)?;
        let staged = parallel::each(files, |(path, text, replaced)| {
            let target = dir.join(path);
            staged_file(dir, &target, text, *replaced).map(|file| (file, target))
        });
        Ok(Staged { files: staged.into_iter().collect::<io::Result<_>>()? })
    }

    /// These files and `other`'s, to persist together.
    pub(super) fn with(mut self, other: Staged) -> Staged {
        self.files.extend(other.files);
        self
    }

    /// The first file staged (the only one, for the snapshot staged first), opened again to
    /// be read.
    pub(super) fn reopen_first(&self) -> Option<File> {
        self.files.first()?.0.reopen().ok()
    }

    /// Renames every file over its target (atomic per file), at the same time: a rename over
    /// a large file frees the old file's blocks, which takes a noticeable time (55 ms for
    /// 266 MB on the benchmark machine's ext4, whether its pages are cached or not).
    pub fn persist(self) -> io::Result<()> {
        self.persist_setting_aside(None)
    }

    /// [`Staged::persist`], each large file replaced set aside in `set_aside` first
    /// ([`Options::set_aside`](super::Options::set_aside)).
    pub(super) fn persist_setting_aside(self, set_aside: Option<&Path>) -> io::Result<()> {
        let files: Vec<_> = self.files.into_iter().enumerate().collect();
        let persisted = parallel::each(files, |(index, (file, target))| {
            if let Some(dir) = set_aside {
                set_aside::keep(dir, &target, index);
            }
            file.persist(&target)
        });
        persisted.into_iter().try_for_each(|done| done.map(drop).map_err(|error| error.error))
    }
}

/// A text to stage: its path relative to the output directory, and where it replaces a file,
/// what of that file it keeps.
type Staging<'a> = (&'a str, &'a FileText, Option<Replacing<'a>>);

/// A file that a staged text replaces: the start the two have in common (copied, not
/// written), and whether anything reads the file once the text is staged.
#[derive(Clone, Copy, Debug)]
pub(super) struct Replacing<'a> {
    old: &'a OldText,
    common: &'a CommonStart,
    after: Replaced,
}

/// Whether anything reads the files that staged texts replace once they are staged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Replaced {
    /// Nothing does: staging drops a large one's cached pages ([`OldText::forget_cached`]).
    ReadNoMore,
    /// The review does (the API snapshot, read beside the new one): it drops them after.
    ReadAfter,
}

/// The new texts of `changes` staged in `dir`.
pub(super) fn stage_changes<'c>(
    dir: &Path,
    changes: impl IntoIterator<Item = &'c Change>,
    after: Replaced,
) -> io::Result<Staged> {
    let writes: Vec<Staging<'_>> = changes
        .into_iter()
        .filter_map(|change| {
            let replacing = change.replaced().map(|(old, common)| Replacing { old, common, after });
            Some((change.path(), change.new_text()?, replacing))
        })
        .collect();
    Staged::write_replacing(dir, &writes)
}

/// The file a staged text replaces, where it is large enough that dropping its cached pages
/// before the rename pays: [`WRITE_BEHIND`] bytes or more, a few milliseconds of a core
/// (0.06 ms a megabyte on the benchmark machine). Only on Linux, where they are dropped.
pub(super) fn worth_forgetting<'c>(
    replaced: Option<(&'c OldText, &'c CommonStart)>,
) -> Option<&'c OldText> {
    let large = |common: &CommonStart| common.file_len() >= WRITE_BEHIND;
    replaced.filter(|(_, common)| cfg!(target_os = "linux") && large(common)).map(|(old, _)| old)
}

/// Writes a file that does not exist yet, atomically, creating its directory.
pub(super) fn write_new(target: &Path, text: &str) -> io::Result<()> {
    let dir = target.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let file = staged_file(dir, target, &FileText::from(text), None)?;
    file.persist_noclobber(target).map_err(|error| error.error)?;
    Ok(())
}

/// `text` in a temporary file in `dir`, ready to be renamed over `target`: synced, with the
/// permissions `target` has, or those of a new ordinary file (temporary files are private).
/// Where it `replaces` a file, the start the two have in common is copied from the file and
/// only the rest of the text is made and written; a large replaced file that nothing reads
/// after has its cached pages dropped meanwhile, on a thread of its own.
pub(super) fn staged_file(
    dir: &Path,
    target: &Path,
    text: &FileText,
    replaces: Option<Replacing<'_>>,
) -> io::Result<NamedTempFile> {
    let file = NamedTempFile::new_in(dir)?;
    let from = match replaces {
        Some(Replacing { old, common, .. }) => old.copy_common_start(common, file.as_file())?,
        None => Place::START,
    };
    let read_no_more = replaces.filter(|replacing| replacing.after == Replaced::ReadNoMore);
    let forgotten =
        worth_forgetting(read_no_more.map(|replacing| (replacing.old, replacing.common)));
    // What was copied is handed to the disk with the first megabytes written.
    let write_behind = WriteBehind { file: file.as_file(), written: from.bytes, handed: 0 };
    // Small pieces gathered into large writes, which the page cache takes in large pieces.
    let write_behind = io::BufWriter::with_capacity(WRITE_CHUNK, write_behind);
    let forget = || forgotten.map(OldText::forget_cached);
    let write = || text.write_from_to(from, write_behind);
    parallel::beside(forgotten.is_some(), forget, write).1?;
    let permissions = match std::fs::metadata(target) {
        Ok(metadata) => Some(metadata.permissions()),
        Err(_) => default_permissions(),
    };
    if let Some(permissions) = permissions {
        file.as_file().set_permissions(permissions)?;
    }
    file.as_file().sync_all()?;
    Ok(file)
}

/// The size a staged file's writes are gathered to: a text's pieces and parts smaller than
/// this are copied together into writes of up to this size, larger ones written as they are
/// (`BufWriter`). The page cache takes a write in pieces as large as the write allows, so
/// larger writes cost the kernel less: with parts of 256 rows (100–150 kB) written as they
/// came, one edit at 100k rows spent a median 0.17–0.18 s of system time; with larger parts
/// or their writes gathered, 0.15 s (BENCHMARKS.md, section 0, thirty-sixth round).
const WRITE_CHUNK: usize = 1 << 18;

/// How many bytes of a staged file are written before they are handed to the disk.
pub(crate) const WRITE_BEHIND: u64 = 8 << 20;

/// A staged file as it is written: every [`WRITE_BEHIND`] bytes written are handed to the disk
/// at once (on Linux), so that the disk writes while the rest of the text is made, and the
/// sync before the rename waits for the last few megabytes, not the whole file: at 200k rows,
/// writing the files new took 0.537 s with the whole sync at the end, 0.490 s this way
/// (BENCHMARKS.md, eleventh round).
struct WriteBehind<'f> {
    file: &'f std::fs::File,
    /// Bytes written so far.
    written: u64,
    /// Bytes handed to the disk so far.
    handed: u64,
}

impl io::Write for WriteBehind<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let written = self.file.write(bytes)?;
        self.written += written as u64;
        if self.written - self.handed >= WRITE_BEHIND {
            start_writing_back(self.file, self.handed, self.written - self.handed);
            self.handed = self.written;
        }
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

/// Starts writing the `len` bytes of `file` at `offset`, just written, to the disk, without
/// waiting. `POSIX_FADV_DONTNEED` does that on Linux, as
/// `sync_file_range(SYNC_FILE_RANGE_WRITE)` would (which has no safe binding). It keeps the
/// pages still dirty or being written, and drops from the cache those the disk has already
/// taken by then: after 200k-row regenerations here, from none to 7% of a file's pages, which
/// the next regeneration reads back from the disk where it reads that part of the file
/// (BENCHMARKS.md, section 0, forty-second round). Only a hint: the sync before the rename
/// reports errors.
#[cfg(target_os = "linux")]
fn start_writing_back(file: &std::fs::File, offset: u64, len: u64) {
    if let Some(len) = std::num::NonZeroU64::new(len) {
        let _ = rustix::fs::fadvise(file, offset, Some(len), rustix::fs::Advice::DontNeed);
    }
}

/// Elsewhere the sync writes the whole file.
#[cfg(not(target_os = "linux"))]
fn start_writing_back(_: &std::fs::File, _: u64, _: u64) {}

#[cfg(unix)]
fn default_permissions() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions() -> Option<std::fs::Permissions> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_staged_file_handed_to_the_disk_in_parts_reads_as_its_text() {
        let dir = tempfile::tempdir().unwrap();
        let line = "0123456789abcdef".repeat(4) + "\n";
        let lines = line.repeat((2 * WRITE_BEHIND as usize + 12_345) / line.len());
        let mut text = FileText::from("header\n");
        text.push_indented(&lines, 4);
        text.push_str("end\n");
        let target = dir.path().join("f.rs");
        staged_file(dir.path(), &target, &text, None).unwrap().persist(&target).unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), text.to_string());
    }
}
