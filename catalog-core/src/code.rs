//! The types a table's key column can have.

use core::fmt::{self, Debug, Display};
use core::hash::Hash;

mod sealed {
    pub trait Sealed {}
}

/// The type of a generated table's codes: an integer (`u8` to `u64`, `i8` to `i64`) or
/// `&'static str`.
///
/// Sealed: the generator only emits these types, so generic code can rely on the list.
pub trait Code:
    Copy + Eq + Ord + Hash + Debug + Display + Send + Sync + 'static + sealed::Sealed
{
    /// The code as an unsigned integer; `None` for string codes and negative ones.
    fn to_u64(self) -> Option<u64>;

    /// The integer `value` as a code of this type; `None` if it does not fit, and always for
    /// string codes.
    fn from_u64(value: u64) -> Option<Self>;

    /// The integer `value`, which may be negative, as a code of this type; `None` if it does
    /// not fit, and always for string codes.
    fn from_i64(value: i64) -> Option<Self>;

    /// Parses `text` as a code of this type: decimal digits (after a `-`, or the minus sign as
    /// typeset, U+2212, for a negative code of a signed type), or hexadecimal digits after `0x`
    /// or before an `h` (`0Ah`, upper-case digits) for integers. `None` for string codes,
    /// whose text is looked up in the table instead.
    fn parse(text: &str) -> Option<Self>;

    /// Whether this is an integer type.
    const IS_INTEGER: bool;

    /// A code of this type as received from outside, which the catalog may not list: the
    /// integer itself, or for string codes a [`ReceivedText`].
    type Received: Clone + Eq + Ord + Hash + Debug + Display + Send + Sync + 'static;

    /// The code as a received one.
    fn received(self) -> Self::Received;

    /// `text` kept as a received code of this type, where it is one: an integer's digits, or
    /// any text for string codes (which needs the `alloc` feature to keep text that is not
    /// `'static`).
    fn receive_text(text: &str) -> Option<Self::Received>;

    /// Writes `received` as a table that writes its codes in hexadecimal shows a code
    /// ([`Entry::CODES_IN_HEX`](crate::Entry::CODES_IN_HEX)): `0x0A`; a string code as it is.
    #[doc(hidden)]
    fn fmt_hex(received: &Self::Received, f: &mut fmt::Formatter<'_>) -> fmt::Result;
}

macro_rules! integer_code {
    ($($int:ty),*) => {$(
        impl sealed::Sealed for $int {}

        impl Code for $int {
            fn to_u64(self) -> Option<u64> {
                u64::try_from(self).ok()
            }

            fn from_u64(value: u64) -> Option<Self> {
                <$int>::try_from(value).ok()
            }

            fn from_i64(value: i64) -> Option<Self> {
                <$int>::try_from(value).ok()
            }

            fn parse(text: &str) -> Option<Self> {
                match crate::rt::hex_digits(text) {
                    // Digits only: `from_str_radix` would take a sign after the `0x` too.
                    Some(hex) if hex.starts_with(|c: char| c.is_ascii_hexdigit()) => {
                        <$int>::from_str_radix(hex, 16).ok()
                    }
                    Some(_) => None,
                    None => match text.strip_prefix('\u{2212}') {
                        // The minus sign as typeset (`−32700`), which the generator reads as
                        // `-` where a page writes it: a code written so is found by its text.
                        // As `str::parse`, an unsigned type takes no sign, not even `-0`'s.
                        Some(digits)
                            if <$int>::MIN != 0 && digits.starts_with(|c: char| c.is_ascii_digit()) =>
                        {
                            let magnitude: u64 = digits.parse().ok()?;
                            Self::from_i64(0i64.checked_sub_unsigned(magnitude)?)
                        }
                        Some(_) => None,
                        None => text.parse().ok(),
                    },
                }
            }

            const IS_INTEGER: bool = true;

            type Received = Self;

            fn received(self) -> Self {
                self
            }

            fn receive_text(text: &str) -> Option<Self> {
                Self::parse(text)
            }

            fn fmt_hex(received: &Self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                crate::error::write_hex(f, i128::from(*received))
            }
        }
    )*};
}

integer_code!(u8, u16, u32, u64, i8, i16, i32, i64);

impl sealed::Sealed for &'static str {}

impl Code for &'static str {
    fn to_u64(self) -> Option<u64> {
        None
    }

    fn from_u64(_: u64) -> Option<Self> {
        None
    }

    fn from_i64(_: i64) -> Option<Self> {
        None
    }

    fn parse(_: &str) -> Option<Self> {
        None
    }

    const IS_INTEGER: bool = false;

    type Received = ReceivedText;

    fn received(self) -> ReceivedText {
        ReceivedText(Text::Static(self))
    }

    #[cfg(feature = "alloc")]
    fn receive_text(text: &str) -> Option<ReceivedText> {
        Some(ReceivedText(Text::Owned(text.into())))
    }

    #[cfg(not(feature = "alloc"))]
    fn receive_text(_: &str) -> Option<ReceivedText> {
        None
    }

    fn fmt_hex(received: &ReceivedText, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Display::fmt(received, f)
    }
}

/// A string code as received, which the catalog may not list: the catalog's own `'static`
/// text, or (with the `alloc` feature) a copy of text from outside. Compared, hashed and
/// displayed as its text.
#[derive(Clone)]
pub struct ReceivedText(Text);

#[derive(Clone)]
enum Text {
    Static(&'static str),
    #[cfg(feature = "alloc")]
    Owned(alloc::boxed::Box<str>),
}

impl ReceivedText {
    /// The text as received.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Text::Static(text) => text,
            #[cfg(feature = "alloc")]
            Text::Owned(text) => text,
        }
    }
}

impl PartialEq for ReceivedText {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for ReceivedText {}

impl PartialEq<str> for ReceivedText {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for ReceivedText {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialOrd for ReceivedText {
    fn partial_cmp(&self, other: &Self) -> Option<core::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ReceivedText {
    fn cmp(&self, other: &Self) -> core::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Hash for ReceivedText {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl Debug for ReceivedText {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        Debug::fmt(self.as_str(), f)
    }
}

impl Display for ReceivedText {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::Code;

    /// Integers as the generator reads them: decimal, `0x` hex and `0Ah` hex, and a minus sign
    /// written either way.
    #[test]
    fn integer_codes_parse_as_written() {
        assert_eq!(<i32 as Code>::parse("-32700"), Some(-32700));
        assert_eq!(<i32 as Code>::parse("\u{2212}32700"), Some(-32700));
        assert_eq!(<i8 as Code>::parse("\u{2212}128"), Some(i8::MIN));
        assert_eq!(<i8 as Code>::parse("\u{2212}129"), None);
        assert_eq!(<u16 as Code>::parse("\u{2212}1"), None);
        assert_eq!(<u16 as Code>::parse("\u{2212}0"), None);
        assert_eq!(<i16 as Code>::parse("\u{2212}0"), Some(0));
        assert_eq!(<u16 as Code>::parse("0x1F"), Some(31));
        // Hexadecimal as assembly and hardware manuals write it.
        assert_eq!(<u8 as Code>::parse("0Ah"), Some(10));
        assert_eq!(<u8 as Code>::parse("FFh"), Some(255));
        assert_eq!(<u16 as Code>::parse("0FFH"), Some(255));
        assert_eq!(<u8 as Code>::parse("100h"), None);
        for not_a_code in ["\u{2212}", "\u{2212}-1", "\u{2212}+1", "\u{2013}1", "0x-1"] {
            assert_eq!(<i64 as Code>::parse(not_a_code), None, "{not_a_code:?}");
        }
        for not_a_code in ["h", "0ah", "each", "-1h", "+1h", "0x1h", "1 h"] {
            assert_eq!(<i64 as Code>::parse(not_a_code), None, "{not_a_code:?}");
        }
    }
}
