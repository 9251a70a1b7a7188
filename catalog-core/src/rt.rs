//! What the generated modules call: `const` lookups over their sorted tables, and the trait
//! impls that are the same for every table. Not public API: only generated code uses it, by
//! absolute paths (`::catalog_core::rt::find_str`), so no name in a catalog can shadow it.

use core::cmp::Ordering;

use crate::{Code, Entry, LookupError};

macro_rules! find_integer {
    ($($name:ident: $int:ty),*) => {$(
        /// The value for `code` in `table`, which is sorted by code with no code twice.
        #[inline]
        pub const fn $name<T: Copy>(table: &[($int, T)], code: $int) -> Option<T> {
            let (mut low, mut high) = (0, table.len());
            while low < high {
                let middle = low + (high - low) / 2;
                let key = table[middle].0;
                if key == code {
                    return Some(table[middle].1);
                } else if key < code {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            None
        }
    )*};
}

find_integer!(find_u8: u8, find_u16: u16, find_u32: u32, find_u64: u64);
find_integer!(find_i8: i8, find_i16: i16, find_i32: i32, find_i64: i64);

/// The hexadecimal digits of an integer code's text, where the text writes the code in
/// hexadecimal: after `0x` or `0X` (`0x1F`, the digits unchecked: the caller's parse checks
/// them), or before an `h` or `H`, as assembly and hardware manuals write codes (`0Ah`,
/// `FFh`), there digits and upper-case letters only, so that no word (`each`) is a number.
///
/// Shared with the generator, which reads a page's codes as [`Code::parse`](crate::Code::parse)
/// reads them back: one definition of what a hexadecimal code is. `#[inline]`, so that it is
/// compiled, and optimized, where it is called (the generator calls it for every code).
#[inline]
pub fn hex_digits(text: &str) -> Option<&str> {
    if let Some(digits) = text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        return Some(digits);
    }
    let digits = text.strip_suffix(['h', 'H'])?;
    let upper_hex = |byte: u8| byte.is_ascii_digit() || (b'A'..=b'F').contains(&byte);
    (!digits.is_empty() && digits.bytes().all(upper_hex)).then_some(digits)
}

/// `text` as a code of a table whose codes are written in hexadecimal digits alone (`0A`, `10`,
/// as a device's manual writes them under a header such as `Code (hex)`: the manifest's
/// `key-radix = 16`): those digits in base 16, in either case, with or without an `h` after
/// them (`0ah`), or after `0x` as any integer code may be written. No sign: such codes have
/// none.
pub fn parse_hex<C: Code>(text: &str) -> Option<C> {
    let digits = match text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        Some(digits) => digits,
        // No hexadecimal digit is an `h`: one after them says the base again.
        None => text.strip_suffix(['h', 'H']).unwrap_or(text),
    };
    let is_hex = !digits.is_empty() && digits.bytes().all(|byte| byte.is_ascii_hexdigit());
    // Digits only: `from_str_radix` would take a `+` before them too.
    is_hex.then(|| u64::from_str_radix(digits, 16).ok()).flatten().and_then(C::from_u64)
}

/// The value for `key` in `table`, which is sorted by `compare` (length, then bytes) with no
/// key twice.
#[inline]
pub const fn find_str<T: Copy>(table: &[(&str, T)], key: &str) -> Option<T> {
    let (mut low, mut high) = (0, table.len());
    while low < high {
        let middle = low + (high - low) / 2;
        match compare(table[middle].0.as_bytes(), key.as_bytes()) {
            Ordering::Equal => return Some(table[middle].1),
            Ordering::Less => low = middle + 1,
            Ordering::Greater => high = middle,
        }
    }
    None
}

/// Shorter first, then bytes in order: the generator sorts string tables this way, so that
/// most steps of a search compare two lengths and never read the strings. Usable in `const fn`.
#[inline]
const fn compare(a: &[u8], b: &[u8]) -> Ordering {
    if a.len() != b.len() {
        return if a.len() < b.len() { Ordering::Less } else { Ordering::Greater };
    }
    // Eight bytes at a time; big-endian so that integer order is byte order.
    let (mut a, mut b) = (a, b);
    while let (Some((a8, a_rest)), Some((b8, b_rest))) =
        (a.split_first_chunk::<8>(), b.split_first_chunk::<8>())
    {
        let (x, y) = (u64::from_be_bytes(*a8), u64::from_be_bytes(*b8));
        if x != y {
            return if x < y { Ordering::Less } else { Ordering::Greater };
        }
        (a, b) = (a_rest, b_rest);
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return if a[i] < b[i] { Ordering::Less } else { Ordering::Greater };
        }
        i += 1;
    }
    Ordering::Equal
}

/// The variants a search found, or none: `with_code` where rows share codes.
#[inline]
pub const fn or_none<T>(found: Option<&'static [T]>) -> &'static [T] {
    match found {
        Some(variants) => variants,
        None => &[],
    }
}

/// `from_name`'s body where codes are unique: the name's code in the enum's `BY_NAME`, then
/// the variant `from_code` gives. A macro, because `const fn` cannot call `from_code` through a
/// trait; expanded in the enum's `impl`, where `Self` is the enum.
#[doc(hidden)]
#[macro_export]
macro_rules! __from_name_by_code {
    ($name:expr) => {
        match $crate::rt::find_str(Self::BY_NAME, $name) {
            ::core::option::Option::Some(code) => Self::from_code(code),
            ::core::option::Option::None => ::core::option::Option::None,
        }
    };
}

/// `with_code`'s body where codes are unique: the one variant `from_code` finds, as a slice of
/// `ALL`, or none.
#[doc(hidden)]
#[macro_export]
macro_rules! __with_code_from_code {
    ($code:expr) => {
        match Self::from_code($code) {
            ::core::option::Option::Some(variant) => {
                ::core::slice::from_ref(&Self::ALL[variant.row_index()])
            }
            ::core::option::Option::None => &[],
        }
    };
}

pub use crate::{
    __from_name_by_code as from_name_by_code, __with_code_from_code as with_code_from_code,
};

/// `FromStr` for every catalog: the code's text first, then a unique name.
pub fn from_str<E: Entry>(text: &str) -> Result<E, LookupError> {
    E::from_code_text(text).or_else(|| E::from_name(text)).ok_or(LookupError::text(E::TABLE.name))
}

/// `Display` for every catalog: the code as the doc writes it, then the name (`1010 Input
/// Error`, `0x3200000a STATUS_…`); only the name where the key column also names the entries,
/// which would say the code twice; only the code where the entry has no name (its name cell
/// is empty).
pub fn display<E: Entry>(entry: E, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
    if E::TABLE.key_column == E::TABLE.name_column {
        f.write_str(entry.name())
    } else if entry.name().is_empty() {
        f.write_str(entry.code_text())
    } else {
        write!(f, "{} {}", entry.code_text(), entry.name())
    }
}

/// Implements [`Entry`] and the standard traits for a generated enum, from its inherent items:
/// `ALL`, `TABLE`, `row`, `row_index`, `code`, `code_text`, `from_code`, `with_code`, `name`,
/// `from_name`, `is_retired`.
///
/// `impl_entry!(Enum, str)` for string codes, `impl_entry!(Enum, u16)` (or another integer
/// type) for integer codes, which also get `TryFrom<int>` and `From<Enum> for int`, and
/// `impl_entry!(Enum, u8, hex)` for integer codes written in hexadecimal digits alone
/// ([`parse_hex`]), and `impl_entry!(Enum, u32, shown_hex)` for integer codes written in
/// hexadecimal otherwise (`0x80070005`), read as any and an unknown one shown so in its
/// [`LookupError`].
///
/// After those, the words of the [`Entry`] methods that the enum has inherent items for beyond
/// the ones above, which catalogs generated before such a method existed do not have (their
/// calls leave the words out, and the trait's default serves): `crossed_out` for
/// `is_crossed_out` (`impl_entry!(Enum, u16, crossed_out)`).
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_entry {
    ($entry:ident, str $(, $method:ident)*) => {
        $crate::__impl_entry!(@common $entry: &'static ::core::primitive::str);

        impl $crate::Entry for $entry {
            type Code = &'static ::core::primitive::str;
            const TABLE: $crate::Table = Self::TABLE;
            const ALL: &'static [Self] = Self::ALL;
            fn code(self) -> &'static ::core::primitive::str { Self::code(self) }
            fn name(self) -> &'static ::core::primitive::str { Self::name(self) }
            fn from_code(code: &'static ::core::primitive::str) -> ::core::option::Option<Self> { Self::from_code(code) }
            fn code_text(self) -> &'static ::core::primitive::str { Self::code_text(self) }
            fn url(self) -> &'static ::core::primitive::str { Self::url(self) }
            fn with_code(code: &'static ::core::primitive::str) -> &'static [Self] { Self::with_code(code) }
            fn from_code_text(text: &::core::primitive::str) -> ::core::option::Option<Self> { Self::from_code(text) }
            fn from_name(name: &::core::primitive::str) -> ::core::option::Option<Self> { Self::from_name(name) }
            fn cells(self) -> &'static [&'static ::core::primitive::str] { self.row() }
            fn is_retired(self) -> ::core::primitive::bool { Self::is_retired(self) }
            $($crate::__impl_entry!(@method $method);)*
        }

        impl ::core::convert::From<$entry> for &'static ::core::primitive::str {
            fn from(entry: $entry) -> Self {
                entry.code()
            }
        }
    };
    // A table whose codes are hexadecimal digits alone (`key-radix = 16`): read so.
    ($entry:ident, $int:ty, hex $(, $method:ident)*) => {
        $crate::__impl_entry!(@int $entry, $int, $crate::rt::parse_hex::<$int>, true $(, $method)*);
    };
    // Integer codes the page writes in hexadecimal otherwise (`0x1F`, `0Ah`): read as any,
    // and an unknown one shown in hexadecimal.
    ($entry:ident, $int:ty, shown_hex $(, $method:ident)*) => {
        $crate::__impl_entry!(@int $entry, $int, <$int as $crate::Code>::parse, true $(, $method)*);
    };
    ($entry:ident, $int:ty $(, $method:ident)*) => {
        $crate::__impl_entry!(@int $entry, $int, <$int as $crate::Code>::parse, false $(, $method)*);
    };
    // `$parse` reads a code's text as the table writes its codes, and `$hex` says whether it
    // writes them in hexadecimal (`Entry::CODES_IN_HEX`).
    (@int $entry:ident, $int:ty, $parse:expr, $hex:literal $(, $method:ident)*) => {
        $crate::__impl_entry!(@common $entry: $int);

        impl $crate::Entry for $entry {
            type Code = $int;
            const TABLE: $crate::Table = Self::TABLE;
            const ALL: &'static [Self] = Self::ALL;
            const CODES_IN_HEX: ::core::primitive::bool = $hex;
            fn code(self) -> $int { Self::code(self) }
            fn name(self) -> &'static ::core::primitive::str { Self::name(self) }
            fn from_code(code: $int) -> ::core::option::Option<Self> { Self::from_code(code) }
            fn code_text(self) -> &'static ::core::primitive::str { Self::code_text(self) }
            fn url(self) -> &'static ::core::primitive::str { Self::url(self) }
            fn with_code(code: $int) -> &'static [Self] { Self::with_code(code) }
            fn from_code_text(text: &::core::primitive::str) -> ::core::option::Option<Self> {
                Self::parse_code(text).and_then(Self::from_code)
            }
            fn parse_code(text: &::core::primitive::str) -> ::core::option::Option<$int> {
                ($parse)(text)
            }
            fn from_name(name: &::core::primitive::str) -> ::core::option::Option<Self> { Self::from_name(name) }
            fn cells(self) -> &'static [&'static ::core::primitive::str] { self.row() }
            fn is_retired(self) -> ::core::primitive::bool { Self::is_retired(self) }
            $($crate::__impl_entry!(@method $method);)*
        }

        impl ::core::convert::TryFrom<$int> for $entry {
            type Error = $crate::LookupError;

            // `LookupError`, not `Self::Error`: a variant named `Error` would make that
            // ambiguous.
            fn try_from(code: $int) -> ::core::result::Result<Self, $crate::LookupError> {
                Self::from_code(code)
                    .ok_or($crate::LookupError::code(Self::TABLE.name, ::core::primitive::i128::from(code), $hex))
            }
        }

        impl ::core::convert::From<$entry> for $int {
            fn from(entry: $entry) -> Self {
                entry.code()
            }
        }
    };
    // An `Entry` method the enum has an inherent item for, named by its word.
    (@method crossed_out) => {
        fn is_crossed_out(self) -> ::core::primitive::bool { Self::is_crossed_out(self) }
    };
    (@common $entry:ident: $code:ty) => {
        impl ::core::fmt::Display for $entry {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                $crate::rt::display(*self, f)
            }
        }

        impl ::core::error::Error for $entry {}

        impl ::core::str::FromStr for $entry {
            type Err = $crate::LookupError;

            fn from_str(text: &::core::primitive::str) -> ::core::result::Result<Self, $crate::LookupError> {
                $crate::rt::from_str(text)
            }
        }

        $crate::__impl_serde!($entry);
        $crate::__impl_miette!($entry);
    };
}

pub use crate::__impl_entry as impl_entry;

/// Serde's `Serialize` and `Deserialize` for a generated enum, through the runtime's glue; with
/// this crate's `serde` feature off, nothing. (A `#[cfg]` inside `impl_entry!` would test the
/// feature of the crate the enum is in, not this one.)
#[cfg(feature = "serde")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_serde {
    ($entry:ident) => {
        impl $crate::rt::serde::Serialize for $entry {
            fn serialize<S: $crate::rt::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                $crate::rt::serialize(*self, serializer)
            }
        }

        impl<'de> $crate::rt::serde::Deserialize<'de> for $entry {
            fn deserialize<D: $crate::rt::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                $crate::rt::deserialize(deserializer)
            }
        }
    };
}

/// Without the `serde` feature: no serde impls.
#[cfg(not(feature = "serde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_serde {
    ($entry:ident) => {};
}

/// `miette::Diagnostic` for a generated enum, through the runtime's glue; with this crate's
/// `miette` feature off, nothing.
#[cfg(feature = "miette")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_miette {
    ($entry:ident) => {
        impl $crate::rt::miette::Diagnostic for $entry {
            fn code<'a>(&'a self) -> $crate::rt::DiagnosticText<'a> {
                $crate::rt::miette_code(*self)
            }

            fn help<'a>(&'a self) -> $crate::rt::DiagnosticText<'a> {
                $crate::rt::miette_help(*self)
            }

            fn url<'a>(&'a self) -> $crate::rt::DiagnosticText<'a> {
                $crate::rt::miette_url(*self)
            }
        }
    };
}

/// Without the `miette` feature: no miette impl.
#[cfg(not(feature = "miette"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_miette {
    ($entry:ident) => {};
}

#[cfg(feature = "miette")]
pub use crate::miette_impl::{DiagnosticText, miette_code, miette_help, miette_url};
#[cfg(feature = "serde")]
pub use crate::serde_impl::{deserialize, serialize};
#[cfg(feature = "miette")]
pub use miette;
#[cfg(feature = "serde")]
pub use serde;

#[cfg(test)]
mod tests {
    use super::parse_hex;

    /// Hexadecimal digits alone are read in base 16, as the page means them, and the forms of
    /// hexadecimal every integer code may have read the same; nothing else is a code.
    #[test]
    fn codes_of_hexadecimal_digits_alone_are_read_in_base_16() {
        assert_eq!(parse_hex::<u8>("10"), Some(0x10));
        assert_eq!(parse_hex::<u8>("0A"), Some(0x0A));
        assert_eq!(parse_hex::<u8>("ff"), Some(0xFF));
        assert_eq!(parse_hex::<u8>("0x0A"), Some(0x0A));
        assert_eq!(parse_hex::<u8>("0Ah"), Some(0x0A));
        assert_eq!(parse_hex::<u8>("0ah"), Some(0x0A));
        assert_eq!(parse_hex::<i16>("7FFF"), Some(0x7FFF));
        for not_a_code in ["", "+1", "-1", "G1", "100", "1 0", "0x", "h", "0x+1", "1hh"] {
            assert_eq!(parse_hex::<u8>(not_a_code), None, "{not_a_code:?}");
        }
    }
}
