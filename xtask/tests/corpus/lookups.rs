//! Lookups on the crate generated from the real pages in `pages/`: each answers what its page
//! says. Copied into the generated crate's `tests/` by xtask/tests/new_crate.rs.

use errors::chime::{FinalClosure, ReconnectableClosure};
use errors::discord::{GatewayClose, HttpResponse, JsonError};
use errors::file_sync::{RecallError, TieringError};
use errors::glacier::{GlacierError, GlacierStatus};
use errors::grpc::StatusCase;
use errors::iot::{IdentityError, MessageBrokerError, ShadowError};
use errors::jsonrpc::RpcError;
use errors::mediaconvert_warnings::WarningCode;
use errors::s3_replication::ReplicationFailure;
use errors::state_tree::Zone;
use errors::Entry;

#[test]
fn six_digit_codes_and_sentence_names() {
    let warning = WarningCode::from_code(230004).unwrap();
    assert_eq!(warning.name(), "Your input is missing information in its 'mdhd' media header atom.");
    assert!(warning.details().starts_with("The 'mdhd' media header atom in your input"));
    assert_eq!(WarningCode::ALL.len(), 8);
    assert_eq!(warning.to_string(), format!("230004 {}", warning.name()));
}

#[test]
fn string_keys_without_a_name_column() {
    let failure = ReplicationFailure::from_code("DstBucketNotFound").unwrap();
    assert_eq!(failure, ReplicationFailure::DstBucketNotFound);
    assert_eq!(failure.code(), "DstBucketNotFound");
    assert_eq!(failure.name(), "DstBucketNotFound");
    assert!(failure.description().starts_with("Amazon S3 is unable to find the destination bucket"));
    assert_eq!("DstBucketNotFound".parse::<ReplicationFailure>(), Ok(failure));
    assert_eq!(ReplicationFailure::from_code("dstbucketnotfound"), None);
}

#[test]
fn two_tables_on_one_page_by_position() {
    assert_eq!(ReconnectableClosure::from_code(1006), Some(ReconnectableClosure::AbnormalClosure));
    assert_eq!(ReconnectableClosure::AbnormalClosure.can_reconnect(), "Yes");
    assert_eq!(FinalClosure::from_code(4003), Some(FinalClosure::Forbidden));
    assert_eq!(FinalClosure::Forbidden.can_reconnect(), "No");
    assert_eq!(ReconnectableClosure::from_code(4003), None);
    assert_eq!(FinalClosure::NotAuthorized as u16, 4401);
}

#[test]
fn reason_phrases_and_shared_status_codes() {
    let error = GlacierError::from_code("ResourceNotFoundException").unwrap();
    assert_eq!(error, GlacierError::ResourceNotFound);
    assert_eq!(error.http_status_code(), "404 Not Found");
    assert_eq!(error.r#type(), "Client");
    // No name column: the name is the code, `strip-suffix` only shortens the variant.
    assert_eq!(error.code(), "ResourceNotFoundException");
    assert_eq!(GlacierError::from_name("ResourceNotFoundException"), Some(error));
    assert_eq!(GlacierError::from_name("ResourceNotFound"), None);

    // Keyed by status: the code is the number, the whole cell stays readable.
    assert_eq!(GlacierStatus::BadRequest.code(), 400);
    assert_eq!(GlacierStatus::BadRequest.http_status_code(), "400 Bad Request");
    // Several rows answer 400: `from_code` refuses to pick one, `with_code` lists them.
    assert_eq!(GlacierStatus::from_code(400), None);
    let bad_requests = GlacierStatus::with_code(400);
    assert!(bad_requests.len() > 1);
    assert!(bad_requests.contains(&GlacierStatus::BadRequest));
    assert!(bad_requests.iter().all(|status| status.code() == 400));
    assert_eq!(GlacierStatus::from_code(404), Some(GlacierStatus::ResourceNotFound));
    assert_eq!(GlacierStatus::with_code(404), &[GlacierStatus::ResourceNotFound]);
    assert_eq!(GlacierStatus::from_name("BadRequest"), Some(GlacierStatus::BadRequest));
    assert_eq!(GlacierStatus::try_from(400u16).ok(), None);
    let total: usize = [400, 403, 404, 408, 500, 503].iter().map(|&s| GlacierStatus::with_code(s).len()).sum();
    assert_eq!(total, GlacierStatus::ALL.len());
}

#[test]
fn captioned_tables_with_repeated_codes() {
    assert_eq!(MessageBrokerError::ALL.len(), 4);
    assert_eq!(IdentityError::ALL, &[IdentityError::Unauthorized]);
    assert_eq!(ShadowError::from_code(429), Some(ShadowError::TooManyRequests));
    assert_eq!(MessageBrokerError::from_code(429), None);
    assert_eq!(ShadowError::TooManyRequests.name(), "Too many requests.");
    assert_eq!(<ShadowError as Entry>::TABLE.title, "Device shadow error codes");
}

#[test]
fn negative_codes_of_a_signed_type() {
    let error = RpcError::from_code(-32700).unwrap();
    assert_eq!(error, RpcError::ParseError);
    assert_eq!(error.code(), -32700i32);
    assert_eq!(error as i32, -32700, "the codes are the discriminants");
    assert_eq!(error.meaning(), "Invalid JSON");
    assert_eq!(error.category(), "standard");
    assert_eq!(error.to_string(), "-32700 Parse error");
    assert_eq!("-32700".parse::<RpcError>(), Ok(error));
    assert_eq!("Parse error".parse::<RpcError>(), Ok(error));
    assert_eq!(RpcError::try_from(-32000), Ok(RpcError::InvalidInput));
    assert_eq!(i32::from(RpcError::InvalidInput), -32000);
    // A code the page does not list, below zero, is reported as looked up.
    let unknown = RpcError::try_from(-1).unwrap_err();
    assert_eq!((unknown.unknown_signed_code(), unknown.unknown_code()), (Some(-1), None));
    assert_eq!(unknown.to_string(), "no unique `RpcError` has the code -1");
    assert_eq!(RpcError::from_code(32700), None);
    // `ALL` follows the page; the derived order, the codes as numbers.
    assert_eq!(RpcError::ALL[0], RpcError::ParseError);
    assert_eq!(RpcError::ALL.iter().min(), Some(&RpcError::ParseError));
    assert_eq!(RpcError::ALL.iter().max().map(|error| error.code()), Some(-32000));
    assert_eq!(<RpcError as Entry>::TABLE.title, "Error codes");

    #[cfg(feature = "serde")]
    {
        assert_eq!(serde_json::to_string(&RpcError::InvalidRequest).unwrap(), "-32600");
        assert_eq!(serde_json::from_str::<RpcError>("-32600").unwrap(), RpcError::InvalidRequest);
        assert!(serde_json::from_str::<RpcError>("-1").is_err());
        let unknown: errors::Documented<RpcError> = serde_json::from_str("-1").unwrap();
        assert_eq!(serde_json::to_string(&unknown).unwrap(), "-1");
    }
}

#[test]
fn a_row_of_a_range_of_codes_left_out() {
    assert_eq!(Zone::ALL, &[Zone::AccountHeaders, Zone::CodeChunksContentAddressed, Zone::Storage]);
    assert_eq!(Zone::from_code(0xFF), Some(Zone::Storage));
    assert_eq!(Zone::Storage as u8, 0xFF, "the codes are the discriminants");
    assert_eq!(Zone::Storage.code(), 0xFF);
    assert_eq!(Zone::from_code(0x02), None, "the reserved range is no variant");
    // A code no row has, shown as the page writes codes.
    let unknown = Zone::try_from(0x02).unwrap_err();
    assert_eq!(unknown.to_string(), "no unique `Zone` has the code 0x02");
    assert_eq!("0x01".parse::<Zone>(), Ok(Zone::CodeChunksContentAddressed));
    assert_eq!(Zone::CodeChunksContentAddressed.name(), "Code chunks (content-addressed)");
    assert_eq!(<Zone as Entry>::TABLE.columns, &["Zone Z", "Category"]);
}

#[test]
fn reason_phrases_in_parentheses_and_a_class_of_statuses_left_out() {
    assert_eq!(HttpResponse::from_code(429), Some(HttpResponse::TooManyRequests));
    assert_eq!(HttpResponse::TooManyRequests.code(), 429);
    assert_eq!(HttpResponse::TooManyRequests.name(), "429 (TOO MANY REQUESTS)");
    assert_eq!(HttpResponse::NotFound as u16, 404, "the codes are the discriminants");
    assert_eq!(HttpResponse::ALL.len(), 11, "the `5xx` row is no variant");
    assert_eq!(HttpResponse::from_code(500), None);
    assert!(HttpResponse::Unauthorized.meaning().starts_with("The Authorization header"));
}

#[test]
fn codes_of_five_and_six_digits_under_a_level_six_heading() {
    assert_eq!(JsonError::from_code(10003), Some(JsonError::UnknownChannel));
    assert_eq!(JsonError::UnknownChannel.code(), 10003u32);
    assert_eq!(JsonError::from_code(0), Some(JsonError::GeneralErrorSuchAsAMalformedRequestBodyAmongstOtherThings));
    let last = JsonError::ALL.last().unwrap();
    assert_eq!((last.code(), *last as u32), (530007, 530007));
    assert_eq!(<JsonError as Entry>::TABLE.title, "JSON Error Codes");
    // Plural acronyms are words, as acronyms are (heck alone made `GroupDMs` and `SkUs`).
    assert_eq!(JsonError::from_code(30011), Some(JsonError::MaximumNumberOfGroupDmsReached10));
    assert_eq!(JsonError::from_code(40018), Some(JsonError::OnlyConsumableSkusCanBeConsumed));
}

#[test]
fn a_name_with_a_code_span_and_a_column_of_booleans() {
    let close = GatewayClose::from_code(4007).unwrap();
    assert_eq!(close, GatewayClose::InvalidSeq);
    assert_eq!(close.name(), "Invalid seq");
    assert_eq!(close.reconnect(), "true");
    assert_eq!(GatewayClose::AuthenticationFailed.reconnect(), "false");
    assert_eq!(GatewayClose::from_name("Invalid seq"), Some(close));
}

#[test]
fn rows_that_share_a_status_named_by_the_case_each_is_returned_in() {
    let case = StatusCase::FlowControlProtocolViolation;
    assert_eq!(StatusCase::from_name("Flow-control protocol violation"), Some(case));
    assert_eq!(case.code(), "INTERNAL");
    assert_eq!(StatusCase::from_code("INTERNAL"), None, "five rows share it");
    assert_eq!(StatusCase::with_code("INTERNAL").len(), 5);
    assert_eq!(StatusCase::from_code("UNAUTHENTICATED"), Some(StatusCase::IncorrectAuthMetadata));
    // A tab before the cell's pipe is trimmed as spaces are.
    assert_eq!(StatusCase::MethodNotFoundAtServer.case(), "Method not found at server");
    assert_eq!(StatusCase::ServerApplicationThrew.generated_at_client_or_server(), "Server");
    assert_eq!(StatusCase::ALL.len(), 20);
}

#[test]
fn hresults_in_two_tables_of_one_page_that_share_a_code() {
    let denied = TieringError::from_code(0x8007_0005).unwrap();
    assert_eq!(denied, TieringError::ErrorAccessDenied);
    assert_eq!(RecallError::from_code(0x8007_0005), Some(RecallError::ErrorAccessDenied));
    assert_eq!(denied.code_text(), "0x80070005");
    assert_eq!(denied.hresult_decimal(), "-2147024891");
    assert_eq!("0x80070005".parse::<TieringError>(), Ok(denied));
    assert_eq!("2147942405".parse::<TieringError>(), Ok(denied));
    // A code no row has, shown as the page writes HRESULTs, not as 2147942414.
    let unknown = TieringError::try_from(0x8007_000E).unwrap_err();
    assert_eq!(unknown.unknown_code(), Some(0x8007_000E));
    assert_eq!(unknown.to_string(), "no unique `TieringError` has the code 0x8007000E");
    assert!(<TieringError as Entry>::CODES_IN_HEX && !<RpcError as Entry>::CODES_IN_HEX);
    let received = errors::Documented::<TieringError>::from_code(0x8007_000E);
    assert_eq!(received.to_string(), "0x8007000E (not in the documentation)");
    // Written in capitals on the page, found by its number.
    let excluded = TieringError::from_code(0x80C8_0285).unwrap();
    assert_eq!(excluded.name(), "ECS_E_GHOSTING_SKIPPED_BY_CUSTOM_EXCLUSION_LIST");
    assert_eq!(excluded.code_text(), "0x80C80285");
    // A `<br>` in the remediation, the help, is a line break.
    let help = TieringError::ErrorInvalidFunction.help().unwrap();
    assert!(help.contains("fltmc load storagesync\nIf the Azure File Sync"), "{help}");
    assert_eq!((TieringError::ALL.len(), RecallError::ALL.len()), (26, 13));
    assert_eq!(<RecallError as Entry>::TABLE.title, "Recall errors and remediation");
}

#[test]
fn win32_tables_written_in_html() {
    use errors::slpublic::{PKeyInformationError, PKeyValueName};
    let codes: Vec<u32> = PKeyInformationError::ALL.iter().map(|error| error.code()).collect();
    assert_eq!(codes, [0x8007_0057, 0xC004_F014, 0xC004_F016]);
    assert_eq!(PKeyInformationError::EInvalidarg as u32, 0x8007_0057);
    assert_eq!(PKeyInformationError::from_code(0xC004_F014), Some(PKeyInformationError::SlEPkeyNotInstalled));
    assert_eq!(PKeyInformationError::SlENotSupported.description(), "The request is not supported.");
    assert_eq!(PKeyInformationError::SlENotSupported.code_text(), "0xC004F016");
    // A name over its string: the name is the code, the row's anchor its URL.
    let pid = PKeyValueName::from_code("SL_INFO_KEY_DIGITAL_PID").unwrap();
    assert_eq!(pid.value(), "SL_INFO_KEY_DIGITAL_PID\nL\"DigitalPID\"");
    assert_eq!(pid.meaning(), "Formatted PID structure for a PID4");
    assert!(pid.url().ends_with("nf-slpublic-slgetpkeyinformation#SL_INFO_KEY_DIGITAL_PID"), "{}", pid.url());
    assert_eq!(PKeyValueName::ALL.len(), 5);
}
