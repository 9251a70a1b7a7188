//! Integer codes as numbers: the value a code's text writes, `0x1F` and `31` alike, over the
//! range of every integer key type, `i64::MIN` to `u64::MAX`.

/// An integer code's value: any `u64` or `i64`, ordered as numbers are (the derived order
/// puts every negative value first). Two words, where an `i128` would align every row's key,
/// and so every variant, to 16 bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
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

/// `text` as an integer code: decimal digits, after a `-` for a negative one, or `0x` and
/// hexadecimal digits; from `i64::MIN` to `u64::MAX`.
pub fn int_value(text: &str) -> Option<IntValue> {
    if let Some(hex) = text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        // Digits only: `from_str_radix` would take a `+` before them too.
        return u64::from_str_radix(hex, 16)
            .ok()
            .filter(|_| all_digits(hex, 16))
            .map(IntValue::from);
    }
    match text.strip_prefix('-') {
        Some(digits) if all_digits(digits, 10) => text.parse::<i64>().ok().map(IntValue::from),
        Some(_) => None,
        None if all_digits(text, 10) => text.parse::<u64>().ok().map(IntValue::from),
        None => None,
    }
}

/// Whether `text` is digits of `radix`, and at least one.
pub(crate) fn all_digits(text: &str, radix: u32) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_digit(radix))
}
