//! The `serde` feature: entries serialize as their code and deserialize from the code or a
//! unique name, with errors that name the offending value.

#![cfg(feature = "serde")]

use catalog::Entry;
use catalog::mediaconvert::ErrorCode;
use catalog::mediatailor::ClientPlaybackError;
use serde::{Deserialize, Serialize};

fn round_trips<E: Entry + Serialize + for<'de> Deserialize<'de>>() {
    for &entry in E::ALL {
        let json = serde_json::to_string(&entry).unwrap();
        assert_eq!(json, entry.code().to_string(), "{entry:?} serializes as its code");
        assert_eq!(serde_json::from_str::<E>(&json).unwrap(), entry);
        if E::from_name(entry.name()) == Some(entry) {
            let by_name = serde_json::to_string(entry.name()).unwrap();
            assert_eq!(serde_json::from_str::<E>(&by_name).unwrap(), entry, "{by_name}");
        }
    }
}

#[test]
fn every_entry_of_both_tables_round_trips() {
    round_trips::<ErrorCode>();
    round_trips::<ClientPlaybackError>();
}

#[test]
fn codes_and_unique_names_deserialize_inside_a_struct() {
    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Job {
        status: String,
        error: ErrorCode,
    }
    let job: Job = serde_json::from_str(r#"{"status": "ERROR", "error": 1030}"#).unwrap();
    assert_eq!(job.error, ErrorCode::UnsupportedCodec);
    assert_eq!(serde_json::to_string(&job).unwrap(), r#"{"status":"ERROR","error":1030}"#);
    let job: Job = serde_json::from_str(r#"{"status": "ERROR", "error": "Input Error"}"#).unwrap();
    assert_eq!(job.error, ErrorCode::InputError);
    // The code's digits as a string, as some producers send them.
    let job: Job = serde_json::from_str(r#"{"status": "ERROR", "error": "1010"}"#).unwrap();
    assert_eq!(job.error, ErrorCode::InputError);
    let status: ClientPlaybackError = serde_json::from_str(r#""NotFoundException""#).unwrap();
    assert_eq!(status, ClientPlaybackError::NotFound);
}

#[test]
fn unknown_codes_and_names_are_errors_that_name_the_value() {
    let error = serde_json::from_str::<ErrorCode>("9999").unwrap_err().to_string();
    assert!(error.contains("9999") && error.contains("ErrorCode"), "{error}");
    let error = serde_json::from_str::<ErrorCode>("-1").unwrap_err().to_string();
    assert!(error.contains("-1"), "{error}");
    let error = serde_json::from_str::<ClientPlaybackError>(r#""Teapot""#).unwrap_err();
    assert!(error.to_string().contains("Teapot"), "{error}");
    // 65536 does not fit in the table's `u16` codes.
    assert!(serde_json::from_str::<ErrorCode>("65536").is_err());
    assert!(serde_json::from_str::<ErrorCode>("1010.0").is_err());
    assert!(serde_json::from_str::<ErrorCode>("null").is_err());
}

#[test]
fn an_ambiguous_name_is_refused_not_guessed() {
    // "Disk Full" names two rows (1050 and 1507): deserializing it must not pick one.
    assert_eq!(ErrorCode::from_name("Disk Full"), None);
    let error = serde_json::from_str::<ErrorCode>(r#""Disk Full""#).unwrap_err().to_string();
    assert!(error.contains("Disk Full") && error.contains("unique name"), "{error}");
    assert_eq!(serde_json::from_str::<ErrorCode>("1050").unwrap(), ErrorCode::DiskFull1050);
}
