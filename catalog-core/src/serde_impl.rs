//! Serde shared by every catalog: entries from the code or a unique name, and [`Documented`]
//! codes, which keep a code the catalog does not list exactly as received.

use core::fmt;
use core::marker::PhantomData;

use serde::de::{self, Deserializer, Unexpected, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::{Code, Documented, Entry};

/// Serializes an entry as its code, or, where rows share that code, as its name (which then
/// identifies it), so that every entry deserializes back to itself.
pub fn serialize<E, S>(entry: E, serializer: S) -> Result<S::Ok, S::Error>
where
    E: Entry,
    E::Code: Serialize,
    S: Serializer,
{
    if E::from_code(entry.code()) == Some(entry) {
        entry.code().serialize(serializer)
    } else {
        serializer.serialize_str(entry.name())
    }
}

/// Deserializes an entry of `E` from its code (integer or string) or a name unique in its table.
pub fn deserialize<'de, E: Entry, D: Deserializer<'de>>(deserializer: D) -> Result<E, D::Error> {
    deserializer.deserialize_any(EntryVisitor(PhantomData))
}

struct EntryVisitor<E>(PhantomData<E>);

impl<E: Entry> Visitor<'_> for EntryVisitor<E> {
    type Value = E;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a code or unique name of `{}`", E::TABLE.name)
    }

    fn visit_u64<Err: de::Error>(self, value: u64) -> Result<E, Err> {
        E::Code::from_u64(value)
            .and_then(E::from_code)
            .ok_or_else(|| Err::invalid_value(Unexpected::Unsigned(value), &self))
    }

    fn visit_i64<Err: de::Error>(self, value: i64) -> Result<E, Err> {
        E::Code::from_i64(value)
            .and_then(E::from_code)
            .ok_or_else(|| Err::invalid_value(Unexpected::Signed(value), &self))
    }

    fn visit_str<Err: de::Error>(self, text: &str) -> Result<E, Err> {
        E::from_code_text(text)
            .or_else(|| E::from_name(text))
            .ok_or_else(|| Err::invalid_value(Unexpected::Str(text), &self))
    }
}

impl Serialize for crate::ReceivedText {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// As SPEC says for entries where the code is documented (the code, or the name where rows
/// share it); a shared or unknown code exactly as received.
impl<E> Serialize for Documented<E>
where
    E: Entry,
    E::Code: Serialize,
    <E::Code as Code>::Received: Serialize,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Documented::Entry(entry) => serialize(*entry, serializer),
            Documented::Shared(entries) => entries[0].code().serialize(serializer),
            Documented::Unknown(code) => code.serialize(serializer),
        }
    }
}

/// From any code of the table's type (documented or not), or a name unique in the table.
impl<'de, E: Entry> Deserialize<'de> for Documented<E> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(DocumentedVisitor(PhantomData))
    }
}

struct DocumentedVisitor<E>(PhantomData<E>);

impl<E: Entry> Visitor<'_> for DocumentedVisitor<E> {
    type Value = Documented<E>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a code of `{}`, documented or not, or a unique name", E::TABLE.name)
    }

    fn visit_u64<Err: de::Error>(self, value: u64) -> Result<Self::Value, Err> {
        E::Code::from_u64(value)
            .map(Documented::from_code)
            .ok_or_else(|| Err::invalid_value(Unexpected::Unsigned(value), &self))
    }

    fn visit_i64<Err: de::Error>(self, value: i64) -> Result<Self::Value, Err> {
        E::Code::from_i64(value)
            .map(Documented::from_code)
            .ok_or_else(|| Err::invalid_value(Unexpected::Signed(value), &self))
    }

    fn visit_str<Err: de::Error>(self, text: &str) -> Result<Self::Value, Err> {
        match Documented::from_code_text(text) {
            Some(documented) if !documented.is_unknown() => Ok(documented),
            found => E::from_name(text)
                .map(Documented::Entry)
                .or(found)
                .ok_or_else(|| Err::invalid_value(Unexpected::Str(text), &self)),
        }
    }
}
