//! What the MediaTailor docs say to do about a playback response: its HTTP status and,
//! optionally, the exception name in its body.
//!
//! ```text
//! cargo run -p catalog --example mediatailor_status 404
//! cargo run -p catalog --example mediatailor_status 403 AccessDeniedException
//! ```
//!
//! Exit status: 0 when the response is documented, 1 when it is not, 2 for bad usage.

use std::process::ExitCode;

use catalog::mediatailor::ClientPlaybackError;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (status, exception) = match args.as_slice() {
        [status] => (status, None),
        [status, exception] => (status, Some(exception.as_str())),
        _ => {
            eprintln!("usage: mediatailor_status <HTTP status> [exception name]");
            return ExitCode::from(2);
        }
    };
    let Ok(status) = status.parse::<u16>() else {
        eprintln!("error: `{status}` is not an HTTP status code");
        return ExitCode::from(2);
    };
    match advise(status, exception) {
        Ok(advice) => {
            print!("{advice}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

/// The documented meaning and remedy, or why the response is not documented.
fn advise(status: u16, exception: Option<&str>) -> Result<String, String> {
    let by_status = ClientPlaybackError::from_code(status);
    // The body may carry the name with or without the `Exception` suffix.
    let by_name = exception.map(|name| {
        ClientPlaybackError::from_name(name)
            .or_else(|| ClientPlaybackError::from_name(&format!("{name}Exception")))
            .or_else(|| ClientPlaybackError::from_name(name.strip_suffix("Exception")?))
    });
    let error = match (by_status, by_name) {
        (Some(error), None) => error,
        (Some(error), Some(Some(named))) if error == named => error,
        (Some(error), Some(Some(named))) => {
            return Err(format!(
                "status {status} is documented as {}, but the body names {} (status {}); \
                 the response does not match the docs",
                error.name(),
                named.name(),
                named.code()
            ));
        }
        (_, Some(None)) => {
            return Err(format!(
                "`{}` is not a documented MediaTailor playback exception; see {}",
                exception.unwrap_or_default(),
                ClientPlaybackError::TABLE.url
            ));
        }
        (None, _) => {
            return Err(format!(
                "HTTP {status} is not a documented MediaTailor client playback error; see {}",
                ClientPlaybackError::TABLE.url
            ));
        }
    };
    Ok(format!(
        "{error}\n\nMeaning:\n  {}\n\nWhat to do:\n  {}\n\nSource: {}\n",
        error.meaning(),
        error.what_to_do(),
        ClientPlaybackError::TABLE.url
    ))
}

#[cfg(test)]
mod tests {
    use super::advise;

    #[test]
    fn a_documented_status_gets_its_meaning_and_remedy() {
        let advice = advise(409, None).unwrap();
        assert!(advice.starts_with("409 ConflictException\n"), "{advice}");
        assert!(advice.contains("requests playlists one at a time"), "{advice}");
        assert_eq!(advise(403, Some("AccessDeniedException")), advise(403, Some("AccessDenied")));
    }

    #[test]
    fn undocumented_or_mismatched_responses_are_refused() {
        assert!(advise(500, None).unwrap_err().contains("not a documented"));
        assert!(advise(404, Some("Teapot")).unwrap_err().contains("`Teapot`"));
        assert!(advise(404, Some("GoneException")).unwrap_err().contains("does not match"));
    }
}
