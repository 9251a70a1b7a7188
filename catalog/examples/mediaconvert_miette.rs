//! A MediaConvert job error, and a MediaTailor playback error, rendered through miette's
//! graphical report handler: each entry is a `miette::Diagnostic` (feature `miette`), whose
//! code is `module::code`, whose help is the table's help column (MediaTailor's `What To Do`;
//! MediaConvert's page has none) and whose URL is the row's page.
//!
//! ```sh
//! cargo run -p catalog --features miette --example mediaconvert_miette -- 1401
//! ```

use catalog::mediaconvert::ErrorCode;
use catalog::mediatailor::ClientPlaybackError;
use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme};

/// `diagnostic` as miette's graphical handler writes it, without colours.
fn render(diagnostic: &dyn Diagnostic) -> String {
    let mut out = String::new();
    GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor())
        .with_links(false)
        .render_report(&mut out, diagnostic)
        .expect("writing to a String");
    out
}

fn main() {
    let code = std::env::args().nth(1).and_then(|code| code.parse().ok()).unwrap_or(1401);
    match ErrorCode::from_code(code) {
        Some(error) => print!("{}", render(&error)),
        None => eprintln!("MediaConvert documents no error code {code}"),
    }
    print!("{}", render(&ClientPlaybackError::Gone));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_error_renders_with_its_code_and_page() {
        let text = render(&ErrorCode::PermissionsIssue);
        assert!(text.contains("mediaconvert::1401"), "{text}");
        assert!(text.contains("1401 Permissions Issue"), "{text}");
        assert!(text.contains(ErrorCode::TABLE.url), "{text}");
    }

    #[test]
    fn a_playback_error_renders_with_what_to_do_as_help() {
        let text = render(&ClientPlaybackError::Gone);
        assert!(text.contains("mediatailor::410"), "{text}");
        assert!(
            text.contains("help: If you think that the request shouldn't be blocked"),
            "{text}"
        );
    }
}
