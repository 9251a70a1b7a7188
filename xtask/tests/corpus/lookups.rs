//! Lookups on the crate generated from the real pages in `pages/`: each answers what its page
//! says. Copied into the generated crate's `tests/` by xtask/tests/new_crate.rs.

use errors::chime::{FinalClosure, ReconnectableClosure};
use errors::glacier::{GlacierError, GlacierStatus};
use errors::iot::{IdentityError, MessageBrokerError, ShadowError};
use errors::mediaconvert_warnings::WarningCode;
use errors::s3_replication::ReplicationFailure;
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
