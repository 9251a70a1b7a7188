//! The types a table's key column can have.

use core::fmt::{Debug, Display};
use core::hash::Hash;

mod sealed {
    pub trait Sealed {}
}

/// The type of a generated table's codes: an unsigned integer or `&'static str`.
///
/// Sealed: the generator only emits these types, so generic code can rely on the list.
pub trait Code:
    Copy + Eq + Ord + Hash + Debug + Display + Send + Sync + 'static + sealed::Sealed
{
    /// The code as an integer; `None` for string codes.
    fn to_u64(self) -> Option<u64>;

    /// The integer `value` as a code of this type; `None` if it does not fit, and always for
    /// string codes.
    fn from_u64(value: u64) -> Option<Self>;

    /// Parses `text` as a code of this type: decimal or `0x` hexadecimal digits for integers.
    /// `None` for string codes, whose text is looked up in the table instead.
    fn parse(text: &str) -> Option<Self>;
}

macro_rules! integer_code {
    ($($int:ty),*) => {$(
        impl sealed::Sealed for $int {}

        impl Code for $int {
            fn to_u64(self) -> Option<u64> {
                Some(u64::from(self))
            }

            fn from_u64(value: u64) -> Option<Self> {
                <$int>::try_from(value).ok()
            }

            fn parse(text: &str) -> Option<Self> {
                match text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
                    Some(hex) => <$int>::from_str_radix(hex, 16).ok(),
                    None => text.parse().ok(),
                }
            }
        }
    )*};
}

integer_code!(u8, u16, u32, u64);

impl sealed::Sealed for &'static str {}

impl Code for &'static str {
    fn to_u64(self) -> Option<u64> {
        None
    }

    fn from_u64(_: u64) -> Option<Self> {
        None
    }

    fn parse(_: &str) -> Option<Self> {
        None
    }
}
