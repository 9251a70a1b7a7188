//! Texts compared with `\r\n` and `\n` line endings taken as the same (a checkout on Windows
//! with `core.autocrlf`), a piece at a time: at 100k rows a module is 130 MB, and reading it
//! whole beside the new text made whole, each then copied with its line endings replaced,
//! took three times the memory of the rest of regen (BENCHMARKS.md, twenty-eighth round).

use std::io::{self, BufRead, Read};

use crate::sync::read_along;
use crate::{FileText, Place};

/// Whether `file`, read to its end, and `text` are the same once every `\r\n` in either is
/// read as `\n` (as `str::replace("\r\n", "\n")` makes them), reading `file` only as far as
/// the first difference.
pub(crate) fn same_but_line_endings(file: impl Read, text: &FileText) -> io::Result<bool> {
    /// Why comparing stopped before the text's end.
    enum Stop {
        Differs,
        Failed(io::Error),
    }
    let mut old = Normalized::new(file);
    let mut new = CrlfAsLf::default();
    let mut compare = |piece: &[u8]| match read_along(&mut old, piece) {
        Ok(None) => Ok(()),
        Ok(Some(_)) => Err(Stop::Differs),
        Err(error) => Err(Stop::Failed(error)),
    };
    let compared = text
        .try_for_each_block_from(Place::START, |_, block| new.push(block, &mut compare))
        .and_then(|()| new.finish(&mut compare));
    match compared {
        Err(Stop::Differs) => Ok(false),
        Err(Stop::Failed(error)) => Err(error),
        // The same so far: the same only if the file ends there too.
        Ok(()) => Ok(old.fill_buf()?.is_empty()),
    }
}

/// Bytes handed over a piece at a time, handed on with every `\r\n` as `\n`: a `\r` that ends
/// a piece is held until the next piece tells whether a `\n` follows it.
#[derive(Debug, Default)]
struct CrlfAsLf {
    holds_return: bool,
}

impl CrlfAsLf {
    /// Hands `piece` on to `out`, in one or more slices, with every `\r\n` as `\n`.
    fn push<E>(
        &mut self,
        mut piece: &[u8],
        out: &mut impl FnMut(&[u8]) -> Result<(), E>,
    ) -> Result<(), E> {
        if piece.is_empty() {
            return Ok(());
        }
        if std::mem::take(&mut self.holds_return) && piece[0] != b'\n' {
            out(b"\r")?;
        }
        // Each `\r\n` is cut before its `\n`, which starts the next slice.
        let mut start = 0;
        for at in memchr::memmem::find_iter(piece, b"\r\n") {
            if at > start {
                out(&piece[start..at])?;
            }
            start = at + 1;
        }
        piece = &piece[start..];
        if let Some(before) = piece.strip_suffix(b"\r") {
            self.holds_return = true;
            piece = before;
        }
        if piece.is_empty() { Ok(()) } else { out(piece) }
    }

    /// Hands on the `\r` that ended the last piece, if one did: nothing follows it.
    fn finish<E>(self, out: &mut impl FnMut(&[u8]) -> Result<(), E>) -> Result<(), E> {
        if self.holds_return { out(b"\r") } else { Ok(()) }
    }
}

/// A reader's bytes with every `\r\n` as `\n`, a buffer at a time.
pub(crate) struct Normalized<R> {
    inner: R,
    /// `None` once `inner` has ended.
    line_endings: Option<CrlfAsLf>,
    /// The last bytes read from `inner`, as they are.
    raw: Box<[u8]>,
    /// The normalized bytes read and not yet consumed: `normalized[at..]`.
    normalized: Vec<u8>,
    at: usize,
}

/// How many bytes of the file are read at a time.
const PIECE: usize = 1 << 16;

impl<R: Read> Normalized<R> {
    /// `inner`'s bytes, from where it is, with every `\r\n` as `\n`.
    pub(crate) fn new(inner: R) -> Self {
        let raw = vec![0; PIECE].into_boxed_slice();
        let normalized = Vec::with_capacity(PIECE);
        Normalized { inner, line_endings: Some(CrlfAsLf::default()), raw, normalized, at: 0 }
    }
}

impl<R: Read> BufRead for Normalized<R> {
    /// The normalized bytes not yet consumed, reading more where none are left; empty only at
    /// the end.
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        while self.at == self.normalized.len() {
            let Some(line_endings) = &mut self.line_endings else { break };
            self.normalized.clear();
            self.at = 0;
            let mut keep = |slice: &[u8]| {
                self.normalized.extend_from_slice(slice);
                Ok::<(), io::Error>(())
            };
            let read = match self.inner.read(&mut self.raw) {
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                read => read?,
            };
            if read == 0 {
                self.line_endings.take().map_or(Ok(()), |ends| ends.finish(&mut keep))?;
            } else {
                line_endings.push(&self.raw[..read], &mut keep)?;
            }
        }
        Ok(&self.normalized[self.at..])
    }

    fn consume(&mut self, count: usize) {
        self.at += count;
    }
}

impl<R: Read> Read for Normalized<R> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        let read = self.fill_buf()?;
        let count = read.len().min(buffer.len());
        buffer[..count].copy_from_slice(&read[..count]);
        self.consume(count);
        Ok(count)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// A reader that hands its bytes on at most `step` at a time.
    struct Trickle<'a> {
        bytes: &'a [u8],
        step: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
            let count = self.step.min(buffer.len()).min(self.bytes.len());
            buffer[..count].copy_from_slice(&self.bytes[..count]);
            self.bytes = &self.bytes[count..];
            Ok(count)
        }
    }

    /// `bytes` handed to a [`CrlfAsLf`] in pieces cut at `cuts`, and what it hands on.
    fn normalized_in_pieces(bytes: &[u8], cuts: &[usize]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut keep = |slice: &[u8]| {
            assert!(!slice.is_empty(), "an empty slice handed on");
            out.extend_from_slice(slice);
            Ok::<(), ()>(())
        };
        let mut line_endings = CrlfAsLf::default();
        let mut cuts: Vec<usize> = cuts.iter().map(|cut| cut % (bytes.len() + 1)).collect();
        cuts.sort_unstable();
        let mut start = 0;
        for cut in cuts.into_iter().chain([bytes.len()]) {
            line_endings.push(&bytes[start..cut], &mut keep).unwrap();
            start = cut;
        }
        line_endings.finish(&mut keep).unwrap();
        out
    }

    fn same(old: &str, new: &str, step: usize) -> bool {
        let text = FileText::from(new.to_owned());
        same_but_line_endings(Trickle { bytes: old.as_bytes(), step }, &text).unwrap()
    }

    #[test]
    fn line_endings_are_read_as_str_replace_reads_them() {
        for (old, new, expected) in [
            ("a\r\nb\r\n", "a\nb\n", true),
            ("a\nb\n", "a\r\nb\r\n", true),
            ("a\r\r\nb", "a\r\nb", false),
            ("a\r\r\nb", "a\r\nb\r\n", false),
            ("a\r\r\nb", "a\r\r\nb", true),
            ("a\r\r\nb\r\n", "a\r\nb", false),
            ("a\r\nb\r\n", "a\r\nb", false),
            ("a\rb", "a\nb", false),
            ("a\r", "a\n", false),
            ("a\r", "a\r", true),
            ("a\r\n", "a\n\n", false),
            ("a\r\n", "a", false),
            ("", "\r\n", false),
        ] {
            for step in [1, 2, 3, PIECE] {
                assert_eq!(same(old, new, step), expected, "{old:?} {new:?} {step}");
            }
        }
    }

    #[test]
    fn a_crlf_cut_between_its_two_bytes_is_a_line_feed() {
        assert_eq!(normalized_in_pieces(b"a\r\nb", &[2]), b"a\nb");
        // An empty piece between the two tells nothing yet.
        assert_eq!(normalized_in_pieces(b"a\r\nb", &[2, 2]), b"a\nb");
        assert_eq!(normalized_in_pieces(b"a\r\r\n", &[2, 3]), b"a\r\n");
        assert_eq!(normalized_in_pieces(b"a\r", &[2]), b"a\r");
    }

    fn text_of_returns() -> impl Strategy<Value = String> {
        proptest::collection::vec(prop_oneof![Just("a"), Just("\r"), Just("\n")], 0..24)
            .prop_map(|parts| parts.concat())
    }

    proptest! {
        #[test]
        fn pieces_cut_anywhere_read_as_the_whole_text_replaced(
            text in text_of_returns(),
            cuts in proptest::collection::vec(0usize..32, 0..6),
        ) {
            let expected = text.replace("\r\n", "\n").into_bytes();
            prop_assert_eq!(normalized_in_pieces(text.as_bytes(), &cuts), expected);
        }

        #[test]
        fn the_comparison_is_that_of_the_texts_replaced(
            old in text_of_returns(),
            new in text_of_returns(),
            step in 1usize..5,
        ) {
            let expected = old.replace("\r\n", "\n") == new.replace("\r\n", "\n");
            prop_assert_eq!(same(&old, &new, step), expected);
        }

        #[test]
        fn a_text_is_the_same_with_any_of_its_line_feeds_made_crlf(
            text in text_of_returns(),
            crlf in proptest::collection::vec(any::<bool>(), 24),
            step in 1usize..5,
        ) {
            // Each `\n` of the text normalized, written as `\r\n` where `crlf` says.
            let mut ending = crlf.iter().cycle();
            let checkout: String = text
                .replace("\r\n", "\n")
                .chars()
                .map(|c| match (c, ending.next()) {
                    ('\n', Some(true)) => "\r\n".to_owned(),
                    _ => c.to_string(),
                })
                .collect();
            let expected = checkout.replace("\r\n", "\n") == text.replace("\r\n", "\n");
            prop_assert_eq!(same(&checkout, &text, step), expected);
        }
    }
}
