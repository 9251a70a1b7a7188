//! The naming rules: document text to Rust identifiers (SPEC "Variant names").

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Methods every generated enum has; a column accessor may not take these names.
pub const RESERVED_METHODS: &[&str] = &[
    "all",
    "cells",
    "clone",
    "code",
    "eq",
    "fields",
    "fmt",
    "from",
    "from_code",
    "from_code_text",
    "from_name",
    "from_str",
    "hash",
    "into",
    "name",
    "partial_cmp",
    "cmp",
    "row_index",
    "to_string",
    "try_from",
];

/// An enum variant name from a name cell, per the SPEC rules: `suffix` stripped when the name
/// ends with it (and is longer), apostrophes dropped rather than split on, words in
/// UpperCamelCase with acronyms as words (`IAM Role Error` → `IamRoleError`), characters that
/// cannot be in an identifier dropped, `_` put before a leading digit and after `Self`.
///
/// Returns an empty string when nothing of `text` can be used.
pub fn variant_name(text: &str, suffix: Option<&str>) -> String {
    let text = text.trim();
    let text = match suffix {
        Some(suffix) if !suffix.is_empty() && text.len() > suffix.len() => {
            text.strip_suffix(suffix).unwrap_or(text)
        }
        _ => text,
    };
    let without_apostrophes: String =
        text.chars().filter(|c| !matches!(c, '\'' | '’' | 'ʼ' | '`')).collect();
    let camel: String = without_apostrophes
        .to_upper_camel_case()
        .chars()
        .filter(|&c| unicode_ident::is_xid_continue(c))
        .collect();
    make_identifier(camel)
}

/// A method name from a column header: snake_case, raw identifier syntax (`r#type`) for
/// keywords where Rust allows it, `_` appended where it does not (`self_`).
pub fn accessor_name(header: &str) -> String {
    let snake: String = header
        .chars()
        .filter(|c| !matches!(c, '\'' | '’' | 'ʼ'))
        .collect::<String>()
        .to_snake_case()
        .chars()
        .filter(|&c| unicode_ident::is_xid_continue(c))
        .collect();
    let name = make_identifier(snake);
    if name.is_empty() || is_identifier(&name) {
        name
    } else if is_identifier(&format!("r#{name}")) {
        format!("r#{name}")
    } else {
        format!("{name}_")
    }
}

/// A string of identifier characters made into a valid identifier: `_` before a leading digit,
/// `_` after a keyword that cannot be a raw identifier (`Self`, `self`, `super`, `crate`).
fn make_identifier(mut name: String) -> String {
    if name.chars().next().is_some_and(|c| !unicode_ident::is_xid_start(c)) {
        name.insert(0, '_');
    }
    if !name.is_empty() && !is_identifier(&name) && !is_identifier(&format!("r#{name}")) {
        name.push('_');
    }
    name
}

/// Whether `text` is a valid Rust identifier (raw identifiers included) that is not a keyword.
pub fn is_identifier(text: &str) -> bool {
    syn::parse_str::<syn::Ident>(text).is_ok()
}

/// The suffix that tells apart variants whose names collide: the code, as an identifier part.
pub fn disambiguator(code_text: &str) -> String {
    code_text.to_upper_camel_case().chars().filter(|&c| unicode_ident::is_xid_continue(c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mediatailor_exception_names_lose_the_suffix() {
        let names = [
            ("BadRequestException", "BadRequest"),
            ("AccessDeniedException", "AccessDenied"),
            ("NotFoundException", "NotFound"),
            ("ConflictException", "Conflict"),
            ("Gone", "Gone"),
        ];
        for (text, expected) in names {
            assert_eq!(variant_name(text, Some("Exception")), expected, "{text}");
        }
    }

    #[test]
    fn a_name_that_is_only_the_suffix_keeps_it() {
        assert_eq!(variant_name("Exception", Some("Exception")), "Exception");
    }

    #[test]
    fn every_mediaconvert_message_gets_its_spec_name() {
        let names = [
            ("Input Error", "InputError"),
            ("Video Error", "VideoError"),
            ("Audio Error", "AudioError"),
            ("Unsupported Codec", "UnsupportedCodec"),
            ("Settings Error", "SettingsError"),
            ("Acceleration Settings Error", "AccelerationSettingsError"),
            (
                "Job Doesn't Require Enough Processing Power for Accelerated Transcoding",
                "JobDoesntRequireEnoughProcessingPowerForAcceleratedTranscoding",
            ),
            ("Disk Full", "DiskFull"),
            ("File Open Error", "FileOpenError"),
            ("Clipping Error", "ClippingError"),
            ("Demuxer Parse Error", "DemuxerParseError"),
            ("Source Read Error", "SourceReadError"),
            ("MXF Output Error", "MxfOutputError"),
            ("Encryption Error", "EncryptionError"),
            ("Decode Audio Initialization Error", "DecodeAudioInitializationError"),
            ("Permissions Issue", "PermissionsIssue"),
            ("IAM Role Error", "IamRoleError"),
            ("Acceleration Fault", "AccelerationFault"),
            ("Unknown Error", "UnknownError"),
            ("HLS Input Doesn't Meet Requirements", "HlsInputDoesntMeetRequirements"),
            ("HTTP File Access Not Authorized", "HttpFileAccessNotAuthorized"),
            ("HTTP Access Forbidden", "HttpAccessForbidden"),
            ("HTTP File Not Found", "HttpFileNotFound"),
            ("HTTP Upload Error", "HttpUploadError"),
            ("HTTP Server Error", "HttpServerError"),
            ("HTTP Server Connection Error", "HttpServerConnectionError"),
            ("Input Disallowed by Policy", "InputDisallowedByPolicy"),
            ("HTTP Unknown Error", "HttpUnknownError"),
        ];
        for (text, expected) in names {
            assert_eq!(variant_name(text, None), expected, "{text}");
        }
    }

    #[test]
    fn typographic_apostrophes_are_dropped_too() {
        assert_eq!(variant_name("Job Doesn’t Fit", None), "JobDoesntFit");
    }

    #[test]
    fn odd_names_become_valid_identifiers() {
        assert_eq!(variant_name("Self", None), "Self_");
        assert_eq!(variant_name("Type", None), "Type");
        assert_eq!(variant_name("match", None), "Match");
        assert_eq!(variant_name("404 Page", None), "_404Page");
        assert_eq!(variant_name("Érreur grave", None), "ÉrreurGrave");
        assert_eq!(variant_name("Input-Error", None), "InputError");
        assert_eq!(variant_name("a ½ b", None), "AB");
        assert_eq!(variant_name("*/ #[x] {}", None), "X");
        assert_eq!(variant_name("???", None), "");
    }

    #[test]
    fn accessors_are_snake_case_and_keyword_safe() {
        assert_eq!(accessor_name("What To Do"), "what_to_do");
        assert_eq!(accessor_name("Meaning"), "meaning");
        assert_eq!(accessor_name("HTTP Status Code"), "http_status_code");
        assert_eq!(accessor_name("Type"), "r#type");
        assert_eq!(accessor_name("Self"), "self_");
        assert_eq!(accessor_name("Can't reconnect"), "cant_reconnect");
        assert_eq!(accessor_name("2nd try"), "_2nd_try");
    }

    #[test]
    fn disambiguators_come_from_the_code() {
        assert_eq!(disambiguator("1050"), "1050");
        assert_eq!(disambiguator("ACCESS_DENIED"), "AccessDenied");
    }
}
