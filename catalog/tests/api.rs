//! The generated API as a user of the crate sees it (SPEC "The generated API").

use std::collections::HashSet;
use std::str::FromStr;

use catalog::mediaconvert::ErrorCode;
use catalog::mediatailor::ClientPlaybackError;
use catalog::{Entry, LookupError};

#[test]
fn variants_are_named_by_the_spec_rules() {
    use ClientPlaybackError::*;
    assert_eq!(ClientPlaybackError::ALL, &[BadRequest, AccessDenied, NotFound, Conflict, Gone]);
    let duplicated = [
        (ErrorCode::DiskFull1050, 1050),
        (ErrorCode::DiskFull1507, 1507),
        (ErrorCode::FileOpenError1056, 1056),
        (ErrorCode::FileOpenError1404, 1404),
        (ErrorCode::IamRoleError1432, 1432),
        (ErrorCode::IamRoleError1433, 1433),
        (ErrorCode::IamRoleError1434, 1434),
        (ErrorCode::IamRoleError1515, 1515),
    ];
    for (variant, code) in duplicated {
        assert_eq!(variant.code(), code);
    }
    assert_eq!(ErrorCode::HlsInputDoesntMeetRequirements.code(), 3400);
    assert_eq!(ErrorCode::MxfOutputError.code(), 1080);
}

#[test]
fn integer_codes_are_the_discriminants() {
    assert_eq!(ErrorCode::InputError as u16, 1010);
    assert_eq!(ClientPlaybackError::Gone as u16, 410);
    for variant in ErrorCode::ALL {
        assert_eq!(*variant as u16, variant.code());
    }
}

#[test]
fn all_lists_every_row_in_document_order() {
    assert_eq!(ErrorCode::ALL.len(), 33);
    assert_eq!(ErrorCode::ALL.first(), Some(&ErrorCode::InputError));
    assert_eq!(ErrorCode::ALL.last(), Some(&ErrorCode::HttpUnknownError));
    let codes: Vec<u16> = ErrorCode::ALL.iter().map(|e| e.code()).collect();
    let mut sorted = codes.clone();
    sorted.sort();
    assert_eq!(codes, sorted, "the page lists codes in ascending order");
    let unique: HashSet<_> = ErrorCode::ALL.iter().collect();
    assert_eq!(unique.len(), 33);
}

#[test]
fn codes_round_trip_and_unknown_codes_are_none() {
    for variant in ErrorCode::ALL {
        assert_eq!(ErrorCode::from_code(variant.code()), Some(*variant));
    }
    for variant in ClientPlaybackError::ALL {
        assert_eq!(ClientPlaybackError::from_code(variant.code()), Some(*variant));
    }
    assert_eq!(ErrorCode::from_code(0), None);
    assert_eq!(ErrorCode::from_code(1011), None);
    assert_eq!(ClientPlaybackError::from_code(500), None);
}

#[test]
fn lookups_work_in_const_context() {
    const GONE: Option<ClientPlaybackError> = ClientPlaybackError::from_code(410);
    const NAME: &str = ErrorCode::InputError.name();
    const BY_NAME: Option<ErrorCode> = ErrorCode::from_name("Video Error");
    const DETAILS: &str = ErrorCode::DiskFull1050.details();
    assert_eq!(GONE, Some(ClientPlaybackError::Gone));
    assert_eq!(NAME, "Input Error");
    assert_eq!(BY_NAME, Some(ErrorCode::VideoError));
    assert!(DETAILS.starts_with("Write error, disk full."));
}

#[test]
fn names_are_the_name_cells_and_ambiguous_names_find_nothing() {
    assert_eq!(ClientPlaybackError::BadRequest.name(), "BadRequestException");
    assert_eq!(ErrorCode::InputError.name(), "Input Error");
    assert_eq!(ErrorCode::DiskFull1507.name(), "Disk Full");
    assert_eq!(
        ClientPlaybackError::from_name("NotFoundException"),
        Some(ClientPlaybackError::NotFound)
    );
    assert_eq!(ErrorCode::from_name("MXF Output Error"), Some(ErrorCode::MxfOutputError));
    for ambiguous in ["Disk Full", "File Open Error", "IAM Role Error"] {
        assert_eq!(ErrorCode::from_name(ambiguous), None, "{ambiguous}");
    }
    assert_eq!(ErrorCode::from_name("input error"), None, "names match exactly");
    assert_eq!(ErrorCode::from_name(""), None);
}

#[test]
fn rows_without_an_anchor_point_at_their_page() {
    for variant in ErrorCode::ALL {
        assert_eq!(variant.url(), ErrorCode::TABLE.url);
    }
    assert_eq!(
        ClientPlaybackError::Gone.url(),
        "https://docs.aws.amazon.com/mediatailor/latest/ug/playback-errors-client.html"
    );
}

#[test]
fn the_key_and_name_columns_have_accessors_too() {
    // Named after their headers, like every column; a column whose accessor would be `code`
    // or `name` (MediaTailor's key column is headed `Code`) is served by `code()`/`name()`.
    assert_eq!(ErrorCode::InputError.error_code(), "1010");
    assert_eq!(ErrorCode::InputError.message(), "Input Error");
    assert_eq!(ClientPlaybackError::BadRequest.exception_name(), "BadRequestException");
    for variant in ErrorCode::ALL {
        assert_eq!(variant.error_code(), variant.code().to_string());
        assert_eq!(variant.message(), variant.name());
    }
}

#[test]
fn column_accessors_return_plain_text() {
    // Escapes resolved (`\.`, `\[`), link markup and emphasis dropped, link text kept.
    assert_eq!(
        ErrorCode::InputError.details(),
        "The service can't open one or more of your input files. Possible causes are as follows: \
         [See the AWS documentation website for more details]"
    );
    assert!(ErrorCode::ClippingError.details().ends_with(
        "set both the input Timecode source and the Timecode configuration Source under Job \
         settings to Start at 0."
    ));
    assert!(ErrorCode::ClippingError.details().contains("other than 00:00:00:00."));
    assert_eq!(
        ErrorCode::HttpFileAccessNotAuthorized.details(),
        "You specified an HTTP(S) URL for an input file that requires authentication. MediaConvert \
         doesn't pass authentication credentials to the HTTP server. Either change the permissions \
         for your file on the HTTP server, or upload your file to Amazon S3 and specify the Amazon \
         S3 location instead. For more information, see HTTP input requirements."
    );
    assert_eq!(
        ErrorCode::JobDoesntRequireEnoughProcessingPowerForAcceleratedTranscoding.name(),
        "Job Doesn't Require Enough Processing Power for Accelerated Transcoding"
    );
    assert_eq!(
        ClientPlaybackError::Gone.what_to_do(),
        "If you think that the request shouldn't be blocked, contact AWS Support. They can look \
         into it and remove the blocking filter, if appropriate."
    );
}

#[test]
fn display_writes_code_and_name() {
    assert_eq!(ClientPlaybackError::BadRequest.to_string(), "400 BadRequestException");
    assert_eq!(ErrorCode::InputError.to_string(), "1010 Input Error");
    let error: &dyn std::error::Error = &ErrorCode::DiskFull1050;
    assert_eq!(error.to_string(), "1050 Disk Full");
}

#[test]
fn conversions_from_and_to_the_code() {
    assert_eq!(ErrorCode::try_from(1010), Ok(ErrorCode::InputError));
    let error = ErrorCode::try_from(1).unwrap_err();
    assert_eq!(error.unknown_code(), Some(1));
    assert_eq!(error.catalog(), "ErrorCode");
    assert_eq!(u16::from(ClientPlaybackError::Conflict), 409);
    let code: u16 = ErrorCode::UnknownError.into();
    assert_eq!(code, 1999);
}

#[test]
fn from_str_takes_the_code_or_a_unique_name() {
    assert_eq!("1010".parse(), Ok(ErrorCode::InputError));
    assert_eq!("Input Error".parse(), Ok(ErrorCode::InputError));
    assert_eq!("BadRequestException".parse(), Ok(ClientPlaybackError::BadRequest));
    assert_eq!("410".parse(), Ok(ClientPlaybackError::Gone));
    let error: LookupError = ErrorCode::from_str("Disk Full").unwrap_err();
    assert_eq!(error.catalog(), "ErrorCode");
    assert!(ErrorCode::from_str("9999").is_err());
    assert!(ErrorCode::from_str("").is_err());
    assert!(ClientPlaybackError::from_str("BadRequest").is_err(), "variant names are not names");
}

#[test]
fn the_entry_trait_serves_generic_code() {
    fn rows<E: Entry>() -> Vec<(String, Vec<(&'static str, &'static str)>)> {
        E::ALL.iter().map(|e| (e.to_string(), e.fields().collect())).collect()
    }
    let rows = rows::<ClientPlaybackError>();
    assert_eq!(rows.len(), 5);
    assert_eq!(rows[4].0, "410 Gone");
    assert_eq!(rows[4].1[0], ("Code", "410"));
    assert_eq!(rows[4].1[1], ("Exception Name", "Gone"));
    assert_eq!(rows[4].1[2].0, "Meaning");
    assert_eq!(rows[4].1[3], ("What To Do", ClientPlaybackError::Gone.what_to_do()));
    assert_eq!(ErrorCode::TABLE.columns, &["Error code", "Message", "Details"]);
    assert_eq!(
        <ErrorCode as Entry>::TABLE.url,
        "https://docs.aws.amazon.com/mediaconvert/latest/ug/mediaconvert_error_codes.html"
    );
    assert_eq!(<ErrorCode as Entry>::from_code_text("0x3f2"), Some(ErrorCode::InputError));
    // Hexadecimal digits only, as the generator reads codes: no sign after `0x`.
    assert_eq!(<ErrorCode as Entry>::from_code_text("0x+3f2"), None);
    assert_eq!(<ErrorCode as Entry>::from_name("Unknown Error"), Some(ErrorCode::UnknownError));
}
