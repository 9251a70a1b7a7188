//! Integer codes as numbers: the value a code's text writes, `0x1F` and `31` alike, over the
//! range of every integer key type, `i64::MIN` to `u64::MAX`.

/// An integer code's value: any `u64` or `i64`, ordered as numbers are. Two words, where an
/// `i128` would align every row's key, and so every variant, to 16 bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IntValue {
    /// Below zero.
    Negative(i64),
    /// Zero or above.
    NonNegative(u64),
}

impl IntValue {
    /// The largest value of any key type (`u64::MAX`).
    pub const MAX: IntValue = IntValue::NonNegative(u64::MAX);

    /// Writes the value's decimal digits, as Rust writes the literal, onto `out`: no
    /// formatting machinery, for the codes of a large table.
    pub fn push_to(self, out: &mut String) {
        let mut buffer = itoa::Buffer::new();
        out.push_str(match self {
            IntValue::Negative(value) => buffer.format(value),
            IntValue::NonNegative(value) => buffer.format(value),
        });
    }
}

impl IntValue {
    /// The value as one integer wide enough for both kinds.
    fn wide(self) -> i128 {
        match self {
            IntValue::Negative(value) => value.into(),
            IntValue::NonNegative(value) => value.into(),
        }
    }
}

/// As numbers: compared as one wide integer, without a branch on the kinds, as a table's codes
/// are sorted.
impl Ord for IntValue {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.wide().cmp(&other.wide())
    }
}

impl PartialOrd for IntValue {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl From<u64> for IntValue {
    fn from(value: u64) -> Self {
        IntValue::NonNegative(value)
    }
}

impl From<i64> for IntValue {
    fn from(value: i64) -> Self {
        match u64::try_from(value) {
            Ok(value) => IntValue::NonNegative(value),
            Err(_) => IntValue::Negative(value),
        }
    }
}

impl std::fmt::Display for IntValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            IntValue::Negative(value) => value.fmt(f),
            IntValue::NonNegative(value) => value.fmt(f),
        }
    }
}

/// `text` as an integer code: decimal digits, after a minus sign for a negative one, or
/// hexadecimal digits after `0x` or before an `h` (`0Ah`, as assembly and hardware manuals write
/// codes: [`hex_digits`]); from `i64::MIN` to `u64::MAX`.
pub fn int_value(text: &str) -> Option<IntValue> {
    if let Some(hex) = hex_digits(text) {
        // Digits only: `from_str_radix` takes a `+` before them too, and nothing else.
        return u64::from_str_radix(hex, 16)
            .ok()
            .filter(|_| !hex.starts_with('+'))
            .map(IntValue::from);
    }
    match negative_digits(text) {
        Some(digits) if is_decimal(digits) => {
            let magnitude = digits.parse::<u64>().ok()?;
            0i64.checked_sub_unsigned(magnitude).map(IntValue::from)
        }
        Some(_) => None,
        None if is_decimal(text) => text.parse::<u64>().ok().map(IntValue::from),
        None => None,
    }
}

/// How a table's codes read, as the rows, the manifest's keys and the API snapshot compare
/// them: as text, or as integers, written in decimal (or in hexadecimal after `0x` or before an
/// `h`, as any integer code may be) or in hexadecimal digits alone (`0A`, `10`: the manifest's
/// `key-radix = 16`, where `10` is sixteen).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Codes {
    /// Text (`key-type = "str"`): compared as written.
    #[default]
    Text,
    /// Integers written as [`int_value`] reads them.
    Decimal,
    /// Integers written in hexadecimal digits alone, as the generated crate's `FromStr` reads
    /// them ([`catalog_core::rt::parse_hex`]).
    Hex,
}

impl Codes {
    /// Integer codes written in `radix`, as the manifest's `key-radix` and the API snapshot's
    /// `code-radix` say it: 16 is hexadecimal digits alone, anything else (10, or none said)
    /// decimal. The one place a radix becomes a reading.
    pub fn integers_in(radix: Option<u32>) -> Codes {
        match radix {
            Some(16) => Codes::Hex,
            _ => Codes::Decimal,
        }
    }

    /// The base integer codes are read in, 10 or 16; `None` for text codes.
    pub fn radix(self) -> Option<u32> {
        match self {
            Codes::Text => None,
            Codes::Decimal => Some(10),
            Codes::Hex => Some(16),
        }
    }

    /// Whether the codes are integers.
    pub fn is_integer(self) -> bool {
        self != Codes::Text
    }

    /// `text` as a code's number, where the codes are integers and `text` writes one.
    pub fn value(self, text: &str) -> Option<IntValue> {
        match self {
            Codes::Text => None,
            Codes::Decimal => int_value(text),
            Codes::Hex => catalog_core::rt::parse_hex::<u64>(text).map(IntValue::from),
        }
    }

    /// The hexadecimal digits of an integer code written `text`, where it is written in
    /// hexadecimal: after `0x` or before an `h` ([`hex_digits`]), or in a table of hexadecimal
    /// digits alone any code (`0A`, `10`, `0ah`: without its `h`).
    pub(crate) fn hex_digits(self, text: &str) -> Option<&str> {
        match self {
            Codes::Hex => Some(
                after_hex_prefix(text)
                    .unwrap_or_else(|| text.strip_suffix(['h', 'H']).unwrap_or(text)),
            ),
            Codes::Text | Codes::Decimal => hex_digits(text),
        }
    }

    /// `text` as a number, as [`Codes::value`] reads it, but where the codes are text as
    /// [`Codes::Decimal`] does: for a key that may be a number all the same (a pin's `"13"` of a
    /// table whose kind is not known, a snapshot's code).
    pub(crate) fn number(self, text: &str) -> Option<IntValue> {
        match self {
            Codes::Hex => Codes::Hex.value(text),
            Codes::Text | Codes::Decimal => int_value(text),
        }
    }
}

/// The hexadecimal digits of a code written in hexadecimal (`0x1F`, `0Ah`), as the generated
/// crates' `FromStr` reads them: the runtime's one definition.
pub(crate) use catalog_core::rt::hex_digits;

/// What follows the `0x` (or `0X`) that `text` starts with, if it does: a hexadecimal code's
/// digits, where `text` is one.
pub(crate) fn after_hex_prefix(text: &str) -> Option<&str> {
    text.strip_prefix("0x").or_else(|| text.strip_prefix("0X"))
}

/// What follows the minus sign `text` starts with, if any: `-`, or U+2212 MINUS SIGN, as
/// typeset pages and pages converted from word processors write it (`−32700`), which a reader
/// takes for the same number.
pub(crate) fn negative_digits(text: &str) -> Option<&str> {
    text.strip_prefix('-').or_else(|| text.strip_prefix('\u{2212}'))
}

/// Whether `text` is decimal digits, and at least one. Byte by byte: every code of a table is
/// looked at.
pub(crate) fn is_decimal(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|byte| byte.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Key;

    #[test]
    fn integer_values_are_ordered_as_numbers() {
        let texts = ["18446744073709551615", "0", "-9223372036854775808", "-1", "0x10", "9", "0Ah"];
        let mut values: Vec<IntValue> = texts.iter().map(|text| int_value(text).unwrap()).collect();
        values.sort();
        let written: Vec<String> = values.iter().map(ToString::to_string).collect();
        let sorted = ["-9223372036854775808", "-1", "0", "9", "10", "16", "18446744073709551615"];
        assert_eq!(written, sorted);
        assert_eq!(int_value("FFFFFFFFFFFFFFFFh"), Some(IntValue::MAX));
        assert_eq!(int_value("-0"), int_value("0"));
        // The minus sign as typeset is a minus sign.
        assert_eq!(int_value("\u{2212}32700"), int_value("-32700"));
        assert_eq!(int_value("\u{2212}9223372036854775808"), Some(IntValue::from(i64::MIN)));
        assert_eq!(int_value("-9223372036854775809"), None);
        for dash in ["\u{2013}1", "\u{2013} 1", "\u{2212}", "\u{2212}-1"] {
            assert_eq!(int_value(dash), None, "{dash:?}");
        }
        for not_a_number in
            ["", "-", "0x", "0x+1", "+1", "--1", "1-", " 1", "h", "+1h", "0ah", "each"]
        {
            assert_eq!(int_value(not_a_number), None, "{not_a_number:?}");
        }
    }

    /// The reason `IntValue` is two words: a row's key stays the size and alignment of the
    /// `String` a string code is, so that rows and variants, built by the hundred thousand,
    /// grow by nothing.
    #[test]
    fn a_key_of_either_kind_is_no_larger_than_a_string() {
        assert_eq!(size_of::<Key>(), size_of::<String>());
        assert_eq!(align_of::<Key>(), align_of::<String>());
    }
}
