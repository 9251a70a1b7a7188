//! Explains a failed MediaConvert job from its EventBridge "Job State Change" event.
//!
//! ```text
//! cargo run -p catalog --features serde --example mediaconvert_event catalog/examples/events/job-error.json
//! aws events ... | cargo run -p catalog --features serde --example mediaconvert_event     # reads stdin
//! ```
//!
//! Prints the typed error, the job's own message and what the documentation says about the
//! code. A code newer than the checked-in documentation still reads (as
//! [`catalog::Documented::Unknown`]) and is reported as not in it. Exit status: 0 when
//! the event was read (whatever it says), 1 when it cannot be read or is not such an event.

use std::io::Read;
use std::process::ExitCode;

use catalog::Documented;
use catalog::mediaconvert::ErrorCode;
use serde_json::Value;

fn main() -> ExitCode {
    let path = std::env::args().nth(1).filter(|path| path != "-");
    match read(path.as_deref()).and_then(|text| explain(&text)) {
        Ok(report) => {
            print!("{report}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn read(path: Option<&str>) -> Result<String, String> {
    match path {
        Some(path) => std::fs::read_to_string(path).map_err(|error| format!("{path}: {error}")),
        None => {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|error| format!("stdin: {error}"))?;
            Ok(text)
        }
    }
}

/// The report for one event, or why the event cannot be read.
fn explain(text: &str) -> Result<String, String> {
    let event: Value =
        serde_json::from_str(text).map_err(|error| format!("the event is not JSON: {error}"))?;
    let detail = event
        .get("detail")
        .and_then(Value::as_object)
        .ok_or("the event has no `detail` object; is it a MediaConvert Job State Change event?")?;
    let job = detail.get("jobId").and_then(Value::as_str).unwrap_or("(no job ID)");
    let status = detail
        .get("status")
        .and_then(Value::as_str)
        .ok_or("the event's `detail` has no `status`")?;
    if status != "ERROR" {
        return Ok(format!("Job {job}: status {status}, no error to explain.\n"));
    }
    // EventBridge sends the code as a number; its digits as a string are read too. A code the
    // checked-in catalog does not list still deserializes, as `Documented::Unknown`.
    let code = detail.get("errorCode").ok_or("the ERROR event has no `detail.errorCode`")?;
    let code: Documented<ErrorCode> = serde_json::from_value(code.clone())
        .map_err(|error| format!("`detail.errorCode` is not a code: {error}"))?;
    let message = detail.get("errorMessage").and_then(Value::as_str).unwrap_or("(none)");
    let mut report = String::new();
    match code.entry() {
        Some(error) => {
            report.push_str(&format!("Job {job} failed with MediaConvert error {error}\n"));
            report.push_str(&format!("  job's message:  {message}\n"));
            report.push_str(&format!("  documentation:  {}\n", error.details()));
        }
        None => {
            report.push_str(&format!(
                "Job {job} failed with error code {}: not in the documentation (checked-in \
                 catalog from {})\n",
                code.code(),
                ErrorCode::TABLE.url
            ));
            report.push_str(&format!("  job's message:  {message}\n"));
        }
    }
    report.push_str(&format!("  reference:      {}\n", ErrorCode::TABLE.url));
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::explain;

    const EVENTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/events/");

    fn event(name: &str) -> String {
        std::fs::read_to_string(format!("{EVENTS}{name}")).unwrap()
    }

    #[test]
    fn a_documented_code_gets_the_documented_text() {
        let report = explain(&event("job-error.json")).unwrap();
        assert!(report.contains("MediaConvert error 1030 Unsupported Codec"), "{report}");
        assert!(report.contains("Video codec [indeo4]"), "{report}");
        assert!(report.contains("doesn't support the codec or container"), "{report}");
    }

    #[test]
    fn unknown_codes_other_statuses_and_broken_events_are_reported() {
        let report = explain(&event("job-error-unknown-code.json")).unwrap();
        assert!(report.contains("error code 9999: not in the documentation"), "{report}");
        assert!(report.contains("(checked-in catalog from https://docs.aws"), "{report}");
        let report = explain(&event("job-complete.json")).unwrap();
        assert!(report.contains("status COMPLETE, no error"), "{report}");
        let error = explain(&event("malformed.json")).unwrap_err();
        assert!(error.contains("not JSON"), "{error}");
        assert!(explain(r#"{"detail": {"status": "ERROR"}}"#).unwrap_err().contains("errorCode"));
        let text = r#"{"detail": {"status": "ERROR", "errorCode": [1]}}"#;
        assert!(explain(text).unwrap_err().contains("not a code"));
        assert!(explain("[1, 2]").unwrap_err().contains("no `detail`"));
        let text = r#"{"detail": {"status": "ERROR", "errorCode": "1010"}}"#;
        assert!(explain(text).unwrap().contains("1010 Input Error"));
    }
}
