//! A code as received from outside (an event, an API response, a log line): what the checked-in
//! catalog documents for it, or the code itself where the catalog does not list it yet.
//!
//! Services ship codes before their documentation lists them. A lookup that fails on those
//! (`from_code` gives `None`, and deserializing an entry fails) would let one new code break a
//! whole event; [`Documented`] keeps the unknown code and gives it back exactly as received, as
//! strum's `#[strum(default)]`, num_enum's `catch_all` and smithy-rs' forward-compatible errors
//! do. A documented code never lands in [`Documented::Unknown`].

use core::fmt;

use crate::{Code, Entry};

/// A code as received: the documented entry it names, every entry where rows share it, or the
/// code itself where the checked-in catalog does not list it.
///
/// ```ignore
/// use catalog::Documented;
/// use catalog::mediaconvert::ErrorCode;
///
/// assert_eq!(Documented::<ErrorCode>::from_code(1010), Documented::Entry(ErrorCode::InputError));
/// let newer = Documented::<ErrorCode>::from_code(1999);
/// assert!(newer.is_unknown());
/// assert_eq!(newer.code(), 1999);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Documented<E: Entry> {
    /// The one entry the catalog documents with this code.
    Entry(E),
    /// A code that several rows share (tables with `shared-codes`): every one of them, in the
    /// document's order.
    Shared(&'static [E]),
    /// A code the checked-in catalog does not list, as received.
    Unknown(<E::Code as Code>::Received),
}

impl<E: Entry> Documented<E> {
    /// What the catalog documents for `code`: never fails, and is
    /// [`Unknown`](Self::Unknown) exactly when [`Entry::with_code`] is empty.
    pub fn from_code(code: E::Code) -> Self {
        match E::with_code(code) {
            [] => Documented::Unknown(code.received()),
            [entry] => Documented::Entry(*entry),
            entries => Documented::Shared(entries),
        }
    }

    /// What the catalog documents for the code written `text` (decimal digits, or hexadecimal
    /// ones after `0x` or before an `h`, `0Ah`, or alone where the table's are, for integer
    /// codes: [`Entry::parse_code`]; the exact text for string codes); `None` only where `text`
    /// is not a code of this type (an integer code's text that is not a number, or, without
    /// the `alloc` feature, a string code the catalog does not list, which cannot be kept).
    pub fn from_code_text(text: &str) -> Option<Self> {
        match E::parse_code(text) {
            Some(code) => Some(Self::from_code(code)),
            None if E::Code::IS_INTEGER => None,
            None => Some(Self::from_str_code(text)?),
        }
    }

    /// A string code by its text: its entries, found through the one `'static` copy of the code
    /// the catalog has, or the text kept.
    fn from_str_code(text: &str) -> Option<Self> {
        if let Some(entry) = E::from_code_text(text) {
            return Some(Documented::Entry(entry));
        }
        // Rows that share the code: `from_code_text` answers only a code one row has.
        match E::ALL.iter().find(|entry| entry.code_text() == text) {
            Some(entry) => Some(Self::from_code(entry.code())),
            None => E::Code::receive_text(text).map(Documented::Unknown),
        }
    }

    /// The code, as received: the entries' code where the catalog documents it.
    pub fn code(&self) -> <E::Code as Code>::Received {
        match self {
            Documented::Entry(entry) => entry.code().received(),
            Documented::Shared(entries) => entries[0].code().received(),
            Documented::Unknown(code) => code.clone(),
        }
    }

    /// The documented entry, where the code names exactly one.
    pub fn entry(&self) -> Option<E> {
        match self {
            Documented::Entry(entry) => Some(*entry),
            _ => None,
        }
    }

    /// Every documented entry with this code: one, several, or none where it is unknown.
    pub fn entries(&self) -> &'static [E] {
        match self {
            Documented::Entry(entry) => E::with_code(entry.code()),
            Documented::Shared(entries) => entries,
            Documented::Unknown(_) => &[],
        }
    }

    /// Whether the checked-in catalog does not list the code.
    pub fn is_unknown(&self) -> bool {
        matches!(self, Documented::Unknown(_))
    }
}

impl<E: Entry> From<E> for Documented<E> {
    fn from(entry: E) -> Self {
        Documented::Entry(entry)
    }
}

/// The entry (`1010 Input Error`); the code and every name where rows share it
/// (`400 BadRequest or InvalidParameter`); the code and `(not in the documentation)` where the
/// catalog does not list it, in hexadecimal where the table writes its codes so
/// ([`Entry::CODES_IN_HEX`]: `0x8007000E (not in the documentation)`).
impl<E: Entry> fmt::Display for Documented<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Documented::Entry(entry) => fmt::Display::fmt(entry, f),
            Documented::Shared(entries) => {
                f.write_str(entries[0].code_text())?;
                for (index, entry) in entries.iter().enumerate() {
                    f.write_str(if index == 0 { " " } else { " or " })?;
                    f.write_str(entry.name())?;
                }
                Ok(())
            }
            // As the table writes its codes: `0x8007000E`, not 2147942414.
            Documented::Unknown(code) if E::CODES_IN_HEX => {
                <E::Code as Code>::fmt_hex(code, f)?;
                f.write_str(" (not in the documentation)")
            }
            Documented::Unknown(code) => write!(f, "{code} (not in the documentation)"),
        }
    }
}
