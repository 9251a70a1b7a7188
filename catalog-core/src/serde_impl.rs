//! Deserialization shared by every catalog: from the code, or from a unique name.

use core::fmt;
use core::marker::PhantomData;

use serde::de::{self, Deserializer, Unexpected, Visitor};
use serde::{Serialize, Serializer};

use crate::{Code, Entry};

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
        match u64::try_from(value) {
            Ok(value) => self.visit_u64(value),
            Err(_) => Err(Err::invalid_value(Unexpected::Signed(value), &self)),
        }
    }

    fn visit_str<Err: de::Error>(self, text: &str) -> Result<E, Err> {
        E::from_code_text(text)
            .or_else(|| E::from_name(text))
            .ok_or_else(|| Err::invalid_value(Unexpected::Str(text), &self))
    }
}
