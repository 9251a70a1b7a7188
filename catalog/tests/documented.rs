//! `Documented`: every code of the key type, documented or not, is kept and given back, and a
//! documented code never lands in `Unknown`; with `serde`, any code deserializes and an unknown
//! one serializes back exactly as received.

use catalog::mediaconvert::ErrorCode;
use catalog::mediatailor::ClientPlaybackError;
use catalog::{Documented, Entry};

/// For every code: `from_code(code).code() == code`, unknown exactly where `with_code` is
/// empty, and the documented entries are `with_code`'s.
fn check<E: Entry>(code: E::Code)
where
    E::Code: Code16,
{
    let documented = Documented::<E>::from_code(code);
    assert_eq!(documented.code(), code.received_self(), "{code}");
    assert_eq!(documented.is_unknown(), E::with_code(code).is_empty(), "{code}");
    assert_eq!(documented.entries(), E::with_code(code), "{code}");
    assert_eq!(documented.entry(), E::from_code(code), "{code}");
}

/// Integer codes are received as themselves.
trait Code16: catalog::Code<Received = Self> {
    fn received_self(self) -> Self {
        self
    }
}

impl Code16 for u16 {}

#[test]
fn every_u16_is_kept_and_documented_ones_are_never_unknown() {
    for code in 0..=u16::MAX {
        check::<ErrorCode>(code);
        check::<ClientPlaybackError>(code);
    }
    // The seed pages document 33 and 5 codes.
    let known =
        (0..=u16::MAX).filter(|&code| !Documented::<ErrorCode>::from_code(code).is_unknown());
    assert_eq!(known.count(), ErrorCode::ALL.len());
}

#[test]
fn display_says_what_the_docs_say_or_that_they_do_not_list_the_code() {
    assert_eq!(Documented::<ErrorCode>::from_code(1010).to_string(), "1010 Input Error");
    assert_eq!(
        Documented::<ErrorCode>::from_code(9999).to_string(),
        "9999 (not in the documentation)"
    );
    assert_eq!(
        Documented::<ErrorCode>::from_code_text("0x3F2"),
        Some(ErrorCode::InputError.into())
    );
    assert_eq!(Documented::<ErrorCode>::from_code_text("Input Error"), None);
}

#[cfg(feature = "serde")]
mod serde {
    use super::*;

    #[test]
    fn any_code_deserializes_and_an_unknown_one_serializes_back_unchanged() {
        for json in ["1010", "9999", "0", "65535"] {
            let documented: Documented<ErrorCode> = serde_json::from_str(json).unwrap();
            assert_eq!(serde_json::to_string(&documented).unwrap(), json);
        }
        let documented: Documented<ErrorCode> = serde_json::from_str("9999").unwrap();
        assert_eq!(documented, Documented::Unknown(9999));
        let documented: Documented<ErrorCode> = serde_json::from_str("\"Input Error\"").unwrap();
        assert_eq!(documented, Documented::Entry(ErrorCode::InputError));
        let documented: Documented<ErrorCode> = serde_json::from_str("\"9999\"").unwrap();
        assert!(documented.is_unknown());
        // Not a code of the type: a clear error, as for the entries themselves.
        let error = serde_json::from_str::<Documented<ErrorCode>>("70000").unwrap_err();
        assert!(error.to_string().contains("a code of `ErrorCode`"), "{error}");
    }
}
