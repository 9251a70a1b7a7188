//! A `#![no_std]` library built on `catalog`, the way firmware or a kernel module would use it:
//! no `std`, no `alloc`, lookups in `const` context, text written into a fixed buffer.
//!
//! It shows `catalog` (with or without its `serde` feature) in use from code that has no
//! standard library and no allocator: `cargo build -p no-std-consumer [--features serde]`.

#![no_std]

use core::fmt::{self, Write};

use catalog::mediaconvert::ErrorCode;
use catalog::mediatailor::ClientPlaybackError;
use catalog::{Documented, Entry};

/// Looked up at compile time: a wrong code fails the build, not the device.
pub const INPUT_ERROR: ErrorCode = match ErrorCode::from_code(1010) {
    Some(code) => code,
    None => panic!("1010 is a documented MediaConvert error code"),
};

/// What the MediaTailor docs say to do about an HTTP status, without allocating.
pub const fn what_to_do(status: u16) -> &'static str {
    match ClientPlaybackError::from_code(status) {
        Some(error) => error.what_to_do(),
        None => "undocumented status",
    }
}

/// Writes `"{code} {name}: {first other column}"` for the entry with `code` of any catalog.
pub fn describe<E: Entry>(code: E::Code, out: &mut impl Write) -> fmt::Result {
    match E::from_code(code) {
        Some(entry) => {
            write!(out, "{entry}")?;
            let table = E::TABLE;
            if let Some((_, text)) = entry
                .fields()
                .enumerate()
                .find(|(index, _)| *index != table.key_column && *index != table.name_column)
                .map(|(_, field)| field)
            {
                write!(out, ": {text}")?;
            }
            Ok(())
        }
        None => write!(out, "not a documented `{}` code", E::TABLE.name),
    }
}

/// Writes what the checked-in docs say of a code received from a device, documented or not:
/// `Documented` keeps integer codes without an allocator.
pub fn received(code: u16, out: &mut impl Write) -> fmt::Result {
    let received = Documented::<ErrorCode>::from_code(code);
    write!(out, "{received}")?;
    if received.is_unknown() {
        write!(out, "; see {}", ErrorCode::TABLE.url)?;
    }
    Ok(())
}

/// A `serde` payload with a code newer than the docs, deserialized without `std` or `alloc`.
#[cfg(feature = "serde")]
#[derive(Debug, serde::Deserialize)]
pub struct JobEvent {
    /// The job's error code, documented or not.
    pub error_code: Documented<ErrorCode>,
}

/// A `serde` payload that embeds a catalog entry, deserialized without `std`.
#[cfg(feature = "serde")]
#[derive(Debug, serde::Deserialize)]
pub struct JobFailure {
    /// The job's error, from its code or name.
    pub error: ErrorCode,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fixed-capacity buffer: the only "allocation" `describe` gets.
    struct Buffer {
        bytes: [u8; 256],
        len: usize,
    }

    impl Write for Buffer {
        fn write_str(&mut self, text: &str) -> fmt::Result {
            let end = self.len + text.len();
            self.bytes.get_mut(self.len..end).ok_or(fmt::Error)?.copy_from_slice(text.as_bytes());
            self.len = end;
            Ok(())
        }
    }

    fn described<E: Entry>(code: E::Code) -> ([u8; 256], usize) {
        let mut buffer = Buffer { bytes: [0; 256], len: 0 };
        describe::<E>(code, &mut buffer).unwrap();
        (buffer.bytes, buffer.len)
    }

    #[test]
    fn const_lookups_and_fixed_buffers_work_without_std() {
        assert_eq!(INPUT_ERROR.code(), 1010);
        assert!(what_to_do(409).starts_with("Make sure that your player requests playlists"));
        assert_eq!(what_to_do(500), "undocumented status");
        let (bytes, len) = described::<ClientPlaybackError>(410);
        let text = core::str::from_utf8(&bytes[..len]).unwrap();
        assert!(text.starts_with("410 Gone: An AWS Support operator"), "{text}");
        let (bytes, len) = described::<ErrorCode>(1);
        assert_eq!(&bytes[..len], b"not a documented `ErrorCode` code");
    }

    #[test]
    fn codes_newer_than_the_docs_are_kept_without_an_allocator() {
        let mut buffer = Buffer { bytes: [0; 256], len: 0 };
        received(9999, &mut buffer).unwrap();
        let text = core::str::from_utf8(&buffer.bytes[..buffer.len]).unwrap();
        assert!(text.starts_with("9999 (not in the documentation); see https://"), "{text}");
        let mut buffer = Buffer { bytes: [0; 256], len: 0 };
        received(1010, &mut buffer).unwrap();
        assert_eq!(&buffer.bytes[..buffer.len], b"1010 Input Error");
    }
}
