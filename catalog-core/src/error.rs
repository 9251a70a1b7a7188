//! The error of a failed lookup by code or name.

use core::fmt;

/// A code or text that names no entry of a catalog, from `TryFrom` or `FromStr`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LookupError {
    catalog: &'static str,
    /// Wide enough for every code type's values, `u64`'s and `i64`'s.
    code: Option<i128>,
    /// Whether the catalog's table writes its codes in hexadecimal (`0x80070005`, or digits
    /// alone, `0A`, `10`: the manifest's `key-radix = 16`), so that the message shows the code
    /// so, not a number the page never writes.
    hex: bool,
}

impl LookupError {
    /// An integer code that no entry of `catalog` has (or that more than one has), shown in
    /// hexadecimal where `hex` ([`Entry::CODES_IN_HEX`](crate::Entry::CODES_IN_HEX)).
    #[doc(hidden)]
    pub const fn code(catalog: &'static str, code: i128, hex: bool) -> Self {
        Self { catalog, code: Some(code), hex }
    }

    /// A text that is neither a code nor a unique name of an entry of `catalog`.
    #[doc(hidden)]
    pub const fn text(catalog: &'static str) -> Self {
        Self { catalog, code: None, hex: false }
    }

    /// The name of the enum the lookup was made in, e.g. `"ErrorCode"`.
    pub const fn catalog(&self) -> &'static str {
        self.catalog
    }

    /// The integer code that was looked up, if the lookup was by integer code and the code
    /// is not negative ([`unknown_signed_code`](Self::unknown_signed_code) gives those).
    pub const fn unknown_code(&self) -> Option<u64> {
        match self.code {
            Some(code) if 0 <= code && code <= u64::MAX as i128 => Some(code as u64),
            _ => None,
        }
    }

    /// The integer code that was looked up, if the lookup was by integer code and the code
    /// fits in an `i64` (every code of a signed type does).
    pub const fn unknown_signed_code(&self) -> Option<i64> {
        match self.code {
            Some(code) if i64::MIN as i128 <= code && code <= i64::MAX as i128 => Some(code as i64),
            _ => None,
        }
    }
}

impl fmt::Display for LookupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.code {
            Some(code) if self.hex => {
                write!(f, "no unique `{}` has the code ", self.catalog)?;
                write_hex(f, code)
            }
            Some(code) => write!(f, "no unique `{}` has the code {code}", self.catalog),
            None => write!(f, "not the code or unique name of a `{}`", self.catalog),
        }
    }
}

impl core::error::Error for LookupError {}

/// `code` as a table that writes its codes in hexadecimal shows it: after `0x`, so that no
/// reader takes `10` for ten, in upper case, two digits at least (`0x0A`, `0x8007000E`).
pub(crate) fn write_hex(f: &mut fmt::Formatter<'_>, code: i128) -> fmt::Result {
    let sign = if code < 0 { "-" } else { "" };
    write!(f, "{sign}0x{:02X}", code.unsigned_abs())
}

#[cfg(test)]
mod tests {
    extern crate alloc;
    use alloc::string::ToString;

    use super::LookupError;

    /// A code of a table that writes its codes in hexadecimal is shown so: after `0x`, in upper
    /// case, two digits at least, a sign before it; in decimal otherwise.
    #[test]
    fn an_unknown_code_is_shown_as_the_table_writes_codes() {
        let shown = |code, hex| LookupError::code("E", code, hex).to_string();
        assert_eq!(shown(0x0C, true), "no unique `E` has the code 0x0C");
        assert_eq!(shown(0x8007_000E, true), "no unique `E` has the code 0x8007000E");
        assert_eq!(shown(-5, true), "no unique `E` has the code -0x05");
        assert_eq!(shown(12, false), "no unique `E` has the code 12");
        assert_eq!(LookupError::code("E", 12, true).unknown_code(), Some(12));
    }
}
