//! The file-system edge: reads a manifest and its pages, and the files already generated.
//! Everything else in this crate works on text in memory.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use crate::sync::{Existing, OldText};
use crate::{Diagnostic, Failure, Input, Manifest, PageText, Pages};

/// A manifest read from disk with its pages: everything a generation needs, in memory.
#[derive(Debug)]
pub struct Loaded {
    /// The directory paths are shown relative to: the one that holds the manifest's directory.
    pub root: PathBuf,
    /// The manifest's `output` directory.
    pub output_dir: PathBuf,
    /// The manifest's path as shown to the user.
    pub manifest_path: String,
    /// The manifest's text.
    pub manifest_text: String,
    /// The manifest, parsed (once).
    pub manifest: Manifest,
    /// Every page the manifest names, or why it could not be read.
    pub pages: Pages,
}

impl Loaded {
    /// The generation's input, with `command` named in the headers.
    pub fn input<'a>(&'a self, command: &'a str) -> Input<'a> {
        Input {
            manifest_path: &self.manifest_path,
            manifest_text: &self.manifest_text,
            pages: &self.pages,
            command,
        }
    }

    /// A path under the output directory as the user sees it: see [`displayed`].
    pub fn displayed(&self, relative: &str) -> String {
        displayed(&self.output_dir.join(relative))
    }

    /// The path of the file `relative` in the output directory as diagnostics' labels name
    /// files: relative to the docs tree's root ([`displayed_failure`](Self::displayed_failure)
    /// shows it as the user sees it).
    pub fn labelled(&self, relative: &str) -> String {
        shown(&self.output_dir.join(relative), &self.root)
    }

    /// `failure` with its paths (relative to the docs tree's root) as the user sees them.
    pub fn displayed_failure(&self, failure: Failure) -> Failure {
        failure.with_paths(|path| displayed(&self.root.join(path)))
    }
}

/// The command named in every generated file's header.
pub const COMMAND: &str = "cargo xtask regen";

/// Reads `manifest_path`, parses it, and reads the pages it names.
///
/// Generated files (headers, rustdoc) name paths relative to the directory that holds the
/// manifest's directory, e.g. `docs-src/mediaconvert/error-codes.md`: the same docs tree
/// generates the same bytes wherever it is checked out and however `manifest_path` is
/// spelled. Diagnostics show paths from the current directory ([`displayed`]).
pub fn load(manifest_path: &Path) -> Result<Loaded, Failure> {
    let absolute = fs::canonicalize(manifest_path).map_err(|error| {
        io_failure(format!("cannot read manifest `{}`: {error}", manifest_path.display()))
    })?;
    let root = absolute.parent().and_then(Path::parent).unwrap_or(Path::new("/")).to_path_buf();
    let manifest_shown = shown(&absolute, &root);
    let manifest_text = fs::read(&absolute)
        .map_err(|error| io_failure(format!("cannot read manifest `{manifest_shown}`: {error}")))
        .and_then(|bytes| {
            String::from_utf8(bytes)
                .map_err(|_| io_failure(format!("manifest `{manifest_shown}` is not UTF-8")))
        })?;
    let manifest = crate::parse_manifest(&manifest_shown, &manifest_text)
        .map_err(|failure| failure.with_paths(|path| displayed(&root.join(path))))?;
    let base = absolute.parent().unwrap_or(Path::new("."));
    let mut pages = Pages::new();
    for spec in &manifest.tables {
        let name = spec.page.get_ref();
        if !pages.contains_key(name) {
            let path = base.join(name);
            pages.insert(
                name.clone(),
                PageText { path: shown(&path, &root), text: read_page(&path).map(Arc::new) },
            );
        }
    }
    let output_dir = base.join(manifest.output.get_ref());
    Ok(Loaded { root, output_dir, manifest_path: manifest_shown, manifest_text, manifest, pages })
}

/// The files already in `dir` that a generation could write (`.rs` files and the API
/// snapshot), each as generated (with where its text is) or hand-written.
pub fn existing(dir: &Path) -> io::Result<BTreeMap<String, Existing>> {
    let mut found = BTreeMap::new();
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(found),
        Err(error) => return Err(error),
    };
    for entry in entries {
        let path = entry?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else { continue };
        if !path.is_file() || !(name.ends_with(".rs") || name == crate::api::SNAPSHOT_FILE) {
            continue;
        }
        // Only the first line tells: the text is read later, where it is needed.
        let state = match first_line(&path) {
            Ok(line) if crate::marker::is_generated(&line) => {
                Existing::Generated(OldText::at(path.clone()))
            }
            _ => Existing::HandWritten,
        };
        found.insert(name.to_owned(), state);
    }
    Ok(found)
}

/// The first line of the file at `path` (up to 4 KiB of it), as text.
fn first_line(path: &Path) -> io::Result<String> {
    use std::io::Read;
    let mut start = Vec::with_capacity(4096);
    fs::File::open(path)?.take(4096).read_to_end(&mut start)?;
    let line = start.split(|byte| *byte == b'\n').next().unwrap_or_default();
    String::from_utf8(line.to_vec())
        .map_err(|error| io::Error::new(io::ErrorKind::InvalidData, error))
}

/// `path` as the user sees it, the way rustc and cargo show paths: relative to the current
/// directory where it is under it, else absolute; `/`-separated, without `.` or `dir/..`.
pub fn displayed(path: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let normal = PathBuf::from(shown(&absolute, Path::new("")));
    match std::env::current_dir() {
        Ok(here) if normal.starts_with(&here) && normal != here => shown(&normal, &here),
        _ => shown(&normal, Path::new("")),
    }
}

/// The path from the directory `from` to `to`, `/`-separated, with `..` where it must climb:
/// `None` where the two share no root (another drive).
pub fn relative(from: &Path, to: &Path) -> Option<String> {
    let normal = |path: &Path| {
        let absolute = std::path::absolute(path).ok()?;
        Some(PathBuf::from(shown(&absolute, Path::new(""))))
    };
    let (from, to) = (normal(from)?, normal(to)?);
    let (from, to): (Vec<_>, Vec<_>) = (from.components().collect(), to.components().collect());
    if from.first() != to.first() {
        return None;
    }
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_owned(); from.len() - common];
    parts.extend(to[common..].iter().map(|part| part.as_os_str().to_string_lossy().into_owned()));
    Some(if parts.is_empty() { ".".to_owned() } else { parts.join("/") })
}

/// `path` relative to `root` with `/` separators if it is under `root`, else as given;
/// `.` and `dir/..` removed, so the same file is always shown the same way.
pub fn shown(path: &Path, root: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    let mut parts: Vec<String> = Vec::new();
    for component in relative.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir if parts.last().is_some_and(|last| last != "..") => {
                parts.pop();
            }
            Component::RootDir => parts.push(String::new()),
            other => parts.push(other.as_os_str().to_string_lossy().into_owned()),
        }
    }
    if parts.len() == 1 && parts[0].is_empty() { "/".to_owned() } else { parts.join("/") }
}

fn read_page(path: &Path) -> Result<String, String> {
    let bytes = read_bytes(path).map_err(|error| match error.kind() {
        io::ErrorKind::NotFound => not_found(path, &error),
        _ => error.to_string(),
    })?;
    String::from_utf8(bytes).map_err(|error| not_utf8(error.as_bytes(), error.utf8_error()))
}

/// Why the page at `path` was not found (`error`), and the page its folder has that was most
/// likely meant: one named so but for case (`Nylas.md` for `nylas.md`, which a manifest written
/// on macOS or Windows finds there, and CI on Linux does not), or a name a typo away.
fn not_found(path: &Path, error: &io::Error) -> String {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name().and_then(|n| n.to_str())) else {
        return error.to_string();
    };
    let Ok(entries) = fs::read_dir(dir) else { return error.to_string() };
    let mut names: Vec<String> = entries
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|other| other.ends_with(".md") || other.eq_ignore_ascii_case(name))
        .collect();
    names.sort();
    if let Some(same) = names.iter().find(|other| other.eq_ignore_ascii_case(name)) {
        return format!(
            "{error}; the folder has `{same}`, named so but for case (file names are \
             case-sensitive on Linux, as in CI, and not on macOS or Windows)"
        );
    }
    let candidates: Vec<&str> = names.iter().map(String::as_str).collect();
    match crate::model::closest(name, &candidates) {
        Some(closest) => format!("{error}; did you mean `{closest}`?"),
        None => error.to_string(),
    }
}

/// Why `bytes` are no page: where the first byte that is not UTF-8 is, or that the page is
/// UTF-16, as its byte order mark says (Windows PowerShell 5 writes a file so with `>`).
fn not_utf8(bytes: &[u8], error: std::str::Utf8Error) -> String {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return "not UTF-8 but UTF-16, as its byte order mark says: save it as UTF-8".to_owned();
    }
    let text = String::from_utf8_lossy(&bytes[..error.valid_up_to()]);
    let (line, column) = crate::source::line_column(&text, text.len());
    format!("not UTF-8: invalid byte at line {line}, column {column}")
}

/// Files this large or larger are read in parts, on every core: regen parses nothing before a
/// page is read, and a page of 100 MB took 31 ms to read into fresh memory on one thread, 21 ms
/// in parts on two (medians of 40 runs; the slowest 491 against 60 ms; BENCHMARKS.md,
/// section 0, twenty-fourth round).
const READ_IN_PARTS: usize = 8 << 20;

/// Files larger than this are read as [`fs::read`] reads them, which reports memory it cannot
/// get as an error: the zeroed vector a file is read into in parts would end the process.
const READ_IN_PARTS_MAX: usize = 1 << 30;

/// The size of each part a large file is read in.
const READ_PART: usize = 4 << 20;

/// The bytes of the file at `path`, as the pages are read: a large file in parts on every core
/// (on Unix, where a part can be read at its offset), a small one as [`fs::read`] reads it.
pub fn read_bytes(path: &Path) -> io::Result<Vec<u8>> {
    #[cfg(unix)]
    if let Some(bytes) = read_in_parts(path)? {
        return Ok(bytes);
    }
    fs::read(path)
}

/// The bytes of the file at `path` read in parts of [`READ_PART`] on every core, or `None`
/// where its size is outside [`READ_IN_PARTS`] to [`READ_IN_PARTS_MAX`] or its length changed
/// while it was read (for the caller to read it the plain way).
#[cfg(unix)]
fn read_in_parts(path: &Path) -> io::Result<Option<Vec<u8>>> {
    use std::os::unix::fs::FileExt;
    let file = fs::File::open(path)?;
    let len = usize::try_from(file.metadata()?.len()).unwrap_or(usize::MAX);
    if !(READ_IN_PARTS..=READ_IN_PARTS_MAX).contains(&len) {
        return Ok(None);
    }
    // Zeroed memory this large comes mapped fresh from the system, not written (mimalloc's
    // and the system allocator's alike): each page is touched first by the thread that reads
    // into it.
    let mut bytes = vec![0; len];
    let parts = bytes.chunks_mut(READ_PART).zip((0..).step_by(READ_PART));
    let read = crate::parallel::map_taken(
        parts,
        || (),
        |(), (part, offset): (&mut [u8], u64)| file.read_exact_at(part, offset),
    );
    match read.into_iter().collect::<io::Result<()>>() {
        // Shorter than its length said: changed while it was read.
        Err(error) if error.kind() == io::ErrorKind::UnexpectedEof => Ok(None),
        Err(error) => Err(error),
        // Longer than its length said: changed too.
        Ok(()) if file.read_at(&mut [0], len as u64)? != 0 => Ok(None),
        Ok(()) => Ok(Some(bytes)),
    }
}

fn io_failure(message: String) -> Failure {
    Failure { diagnostics: vec![Diagnostic::error(message)], sources: BTreeMap::new() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_file_read_in_parts_is_the_file() {
        let dir = tempfile::tempdir().unwrap();
        // Each part different from the others, and a last part shorter than the rest: a part
        // read into the wrong place, or left out, changes the bytes.
        let len = READ_IN_PARTS + READ_PART / 2 + 3;
        let bytes: Vec<u8> = (0..len).map(|at| b'a' + ((at / 4093) % 26) as u8).collect();
        let path = dir.path().join("large.md");
        fs::write(&path, &bytes).unwrap();
        #[cfg(unix)]
        assert_eq!(read_in_parts(&path).unwrap().as_deref(), Some(&bytes[..]));
        assert_eq!(read_bytes(&path).unwrap(), bytes);
        // A small file is read whole, as it always was.
        fs::write(&path, &bytes[..100]).unwrap();
        #[cfg(unix)]
        assert!(read_in_parts(&path).unwrap().is_none());
        assert_eq!(read_bytes(&path).unwrap(), &bytes[..100]);
        // So is a huge one (a sparse file: nothing is written or read).
        #[cfg(unix)]
        {
            fs::File::create(&path).unwrap().set_len(READ_IN_PARTS_MAX as u64 + 1).unwrap();
            assert!(read_in_parts(&path).unwrap().is_none());
        }
    }

    /// A page that is not UTF-8 is located at its first byte that is not; a page in UTF-16
    /// (as Windows PowerShell 5 writes with `>`) is said to be that.
    #[test]
    fn a_page_that_is_not_utf8_says_where_or_that_it_is_utf16() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("page.md");
        fs::write(&path, b"# T\n\n| a \xe9 |\n").unwrap();
        assert_eq!(read_page(&path).unwrap_err(), "not UTF-8: invalid byte at line 3, column 5");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("# T\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        fs::write(&path, utf16).unwrap();
        assert!(read_page(&path).unwrap_err().starts_with("not UTF-8 but UTF-16"));
    }

    /// A page not found says which page of its folder was most likely meant: one named so but
    /// for case, or a name a typo away.
    #[test]
    fn a_page_not_found_names_the_page_its_folder_has() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("nylas.md"), "# N\n").unwrap();
        fs::write(dir.path().join("error-codes.md"), "# E\n").unwrap();
        let missing = |name: &str| read_page(&dir.path().join(name)).unwrap_err();
        let case = missing("Nylas.md");
        assert!(case.ends_with("; the folder has `nylas.md`, named so but for case (file names are case-sensitive on Linux, as in CI, and not on macOS or Windows)"), "{case}");
        assert!(missing("error_codes.md").ends_with("; did you mean `error-codes.md`?"));
        assert!(!missing("status.md").contains(';'));
        assert!(!read_page(&dir.path().join("gone/p.md")).unwrap_err().contains(';'));
    }

    #[test]
    fn relative_paths_climb_where_they_must() {
        let path = |text: &str| PathBuf::from(text);
        assert_eq!(relative(&path("/a/b/c"), &path("/a/d")).as_deref(), Some("../../d"));
        assert_eq!(relative(&path("/a/b"), &path("/a/b/c")).as_deref(), Some("c"));
        assert_eq!(relative(&path("/a/./b/../b"), &path("/a/b")).as_deref(), Some("."));
    }
}
