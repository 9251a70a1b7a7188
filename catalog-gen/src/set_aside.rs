//! Large generated files that a regeneration replaces, set aside rather than freed by the
//! rename that replaces them, and removed by the next regeneration while it reads and parses
//! the docs.
//!
//! Why: freeing a large file's blocks makes the rename over it wait for the disk. On the
//! benchmark machine (ext4 mounted with `discard`) renaming over a 275 MB module took 47–55 ms,
//! nearly all of it waiting for the disk to discard the old blocks; with the old file
//! hard-linked elsewhere first, the rename took 0.1 ms or less and the later removal of the
//! link 50–59 ms (BENCHMARKS.md, thirty-fourth round). Removed while the next run's cores
//! parse, those milliseconds overlap work instead of ending the run.
//!
//! The place is a directory of the caller's choosing on the output's file system (`cargo
//! xtask regen` uses `catalog-gen/replaced` in Cargo's target directory, which `cargo clean`
//! empties). Nothing depends on it: a file that cannot be linked there (another file system,
//! no hard links) is freed by its rename as before, and a removal that fails leaves the file
//! for the next run.

use std::io;
use std::path::Path;
use std::thread::JoinHandle;

/// The size from which a replaced file is set aside: smaller files free quickly, and would
/// only leave clutter. Regen's one size for a large file (8 MB): its write-behind step, and
/// where it drops a replaced file's cached pages beside the writing.
pub(crate) const LARGE: u64 = crate::regen::WRITE_BEHIND;

/// `dir`'s files being removed, on a thread of their own.
#[derive(Debug)]
pub(crate) struct Clearing(JoinHandle<()>);

impl Clearing {
    /// Starts removing every file in `dir` (what earlier runs set aside there). A missing
    /// directory has nothing to remove.
    pub(crate) fn start(dir: &Path) -> Clearing {
        let dir = dir.to_path_buf();
        Clearing(std::thread::spawn(move || remove_files_in(&dir)))
    }

    /// Waits until the removal is done: what is set aside after that is not removed with it,
    /// and the disk has the space back.
    pub(crate) fn wait(self) {
        // A panic on the thread removed less, which the next run removes.
        let _ = self.0.join();
    }
}

/// Removes every file in `dir`, leaving directories and anything that cannot be removed.
fn remove_files_in(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        if entry.file_type().is_ok_and(|kind| kind.is_file()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Sets `target` aside in `dir` if it is a file of `LARGE` bytes or more: hard-links it there
/// under a name of its own (`index` tells apart the files one run sets aside), so that the
/// rename over it leaves its blocks alone. Whether it was set aside changes nothing else, so
/// failures are not reported.
pub(crate) fn keep(dir: &Path, target: &Path, index: usize) {
    let large = std::fs::symlink_metadata(target).is_ok_and(|m| m.is_file() && m.len() >= LARGE);
    if large {
        let _ = link(dir, target, index);
    }
}

fn link(dir: &Path, target: &Path, index: usize) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    let kept = dir.join(format!("{}-{index}-{name}", std::process::id()));
    // Left by an earlier process with the same id that was stopped before it cleared it.
    let _ = std::fs::remove_file(&kept);
    std::fs::hard_link(target, kept)
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    fn write(path: &Path, len: u64, byte: u8) {
        std::fs::write(path, vec![byte; len as usize]).unwrap();
    }

    fn files_in(dir: &Path) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> =
            std::fs::read_dir(dir).unwrap().map(|entry| entry.unwrap().path()).collect();
        files.sort();
        files
    }

    #[test]
    fn a_large_file_is_kept_aside_with_its_text_and_removed_by_the_next_clearing() {
        let root = tempfile::tempdir().unwrap();
        let aside = root.path().join("aside");
        let (large, small) = (root.path().join("large.rs"), root.path().join("small.rs"));
        write(&large, LARGE, b'a');
        write(&small, LARGE - 1, b'b');
        keep(&aside, &large, 0);
        keep(&aside, &small, 1);
        keep(&aside, &root.path().join("missing.rs"), 2);
        // Replaced as regen replaces it: a new file renamed over it.
        let new = root.path().join("new");
        write(&new, 3, b'c');
        std::fs::rename(&new, &large).unwrap();
        let kept = files_in(&aside);
        assert_eq!(kept.len(), 1, "only the large file is set aside: {kept:?}");
        assert!(kept[0].to_string_lossy().ends_with("-0-large.rs"), "{kept:?}");
        assert_eq!(std::fs::read(&kept[0]).unwrap(), vec![b'a'; LARGE as usize]);
        assert_eq!(std::fs::read(&large).unwrap(), b"ccc");
        // The next run's clearing removes files only; a directory in it stays.
        std::fs::create_dir(aside.join("a directory")).unwrap();
        Clearing::start(&aside).wait();
        assert_eq!(files_in(&aside), [aside.join("a directory")]);
        Clearing::start(&root.path().join("never made")).wait();
    }

    #[test]
    fn a_file_that_cannot_be_set_aside_is_left_as_it_is() {
        let root = tempfile::tempdir().unwrap();
        let large = root.path().join("large.rs");
        write(&large, LARGE, b'a');
        // The place is a file, so nothing can be linked into it.
        let not_a_dir = root.path().join("not a directory");
        write(&not_a_dir, 1, b'x');
        keep(&not_a_dir, &large, 0);
        assert_eq!(std::fs::metadata(&large).unwrap().len(), LARGE);
        assert_eq!(std::fs::read(&not_a_dir).unwrap(), b"x");
    }
}
