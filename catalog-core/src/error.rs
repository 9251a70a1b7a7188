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
    /// An integer code that no entry of `catalog` has (or that more than one has).
    #[doc(hidden)]
    pub const fn code(catalog: &'static str, code: i128) -> Self {
        Self { catalog, code: Some(code), hex: false }
    }

    /// An integer code that no entry of `catalog`, a table of codes written in hexadecimal,
    /// has.
    #[doc(hidden)]
    pub const fn hex_code(catalog: &'static str, code: i128) -> Self {
        Self { catalog, code: Some(code), hex: true }
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
            // As the page writes such codes, two digits at least (`0x0A`), after `0x` so that
            // no reader takes `10` for ten.
            Some(code) if self.hex => {
                let sign = if code < 0 { "-" } else { "" };
                let digits = code.unsigned_abs();
                write!(f, "no unique `{}` has the code {sign}0x{digits:02X}", self.catalog)
            }
            Some(code) => write!(f, "no unique `{}` has the code {code}", self.catalog),
            None => write!(f, "not the code or unique name of a `{}`", self.catalog),
        }
    }
}

impl core::error::Error for LookupError {}
