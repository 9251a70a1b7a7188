//! The Markdown layer on the real seed pages: every table cell as plain text, with its span.

use catalog_gen::markdown::{self, anchor_name};
use catalog_gen::source::line_column;

const MEDIATAILOR: &str = include_str!("../../docs-src/mediatailor/playback-errors-client.md");
const MEDIACONVERT: &str = include_str!("../../docs-src/mediaconvert/error-codes.md");

#[test]
fn the_title_loses_its_anchor() {
    let page = markdown::parse(MEDIATAILOR);
    let title = page.title.expect("the page has a title");
    assert_eq!(title.text, "Client Playback Errors Returned by AWS Elemental MediaTailor");
    let page = markdown::parse(MEDIACONVERT);
    assert_eq!(page.title.unwrap().text, "Error codes");
}

#[test]
fn mediatailor_has_one_table_with_five_rows_of_four_cells() {
    let page = markdown::parse(MEDIATAILOR);
    assert_eq!(page.tables.len(), 1);
    let table = &page.tables[0];
    let headers: Vec<&str> = table.header.iter().map(|c| c.text.as_ref()).collect();
    assert_eq!(headers, ["Code", "Exception Name", "Meaning", "What To Do"]);
    let codes: Vec<&str> = table.rows.iter().map(|r| r.cells()[0].text.as_ref()).collect();
    assert_eq!(codes, ["400", "403", "404", "409", "410"]);
    for row in &table.rows {
        assert_eq!(row.cells().len(), 4);
        assert!(row.cells().iter().all(|cell| !cell.missing && !cell.text.is_empty()));
        assert!(row.extra.is_none());
    }
}

#[test]
fn escapes_are_resolved_and_trailing_spaces_trimmed() {
    let page = markdown::parse(MEDIATAILOR);
    let row = &page.tables[0].rows[1];
    // The source cell ends in `misconfigured\.  |`.
    assert_eq!(
        &*row.cells()[2].text,
        "The host header provided in the request doesn't match the manifest endpoint prefix that \
         is configured in the MediaTailor playback URL. Your CDN might be misconfigured."
    );
    let page = markdown::parse(MEDIACONVERT);
    let rows = &page.tables[0].rows;
    let http_access = rows.iter().find(|r| &*r.cells()[0].text == "3401").unwrap();
    assert!(http_access.cells()[2].text.starts_with("You specified an HTTP(S) URL"));
}

#[test]
fn links_keep_their_text_and_escaped_brackets_stay_brackets() {
    let page = markdown::parse(MEDIACONVERT);
    let rows = &page.tables[0].rows;
    assert!(rows[0].cells()[2].text.ends_with(
        "Possible causes are as follows: [See the AWS documentation website for more details]"
    ));
    let iam = rows.iter().find(|r| &*r.cells()[0].text == "1433").unwrap();
    assert!(iam.cells()[2].text.ends_with("see Set Up IAM Permissions in this guide."));
    let gone = &markdown::parse(MEDIATAILOR).tables[0].rows[4];
    assert!(gone.cells()[3].text.contains("contact AWS Support. They can"));
}

#[test]
fn code_spans_and_bold_lose_their_markup() {
    let page = markdown::parse(MEDIACONVERT);
    let clipping = page.tables[0].rows.iter().find(|r| &*r.cells()[0].text == "1060").unwrap();
    let text = &clipping.cells()[2].text;
    assert!(text.contains("a time other than 00:00:00:00. To solve this"), "{text}");
    assert!(
        text.contains("set both the input Timecode source and the Timecode configuration Source")
    );
    assert!(!text.contains('*') && !text.contains('`') && !text.contains('\\'));
}

#[test]
fn mediaconvert_has_33_rows_with_padded_cells_trimmed() {
    let page = markdown::parse(MEDIACONVERT);
    let table = &page.tables[0];
    assert_eq!(table.rows.len(), 33);
    assert_eq!(&*table.rows[0].cells()[1].text, "Input Error");
    assert_eq!(&*table.rows[32].cells()[1].text, "HTTP Unknown Error");
    assert_eq!(
        &*table.rows[6].cells()[1].text,
        "Job Doesn't Require Enough Processing Power for Accelerated Transcoding"
    );
}

#[test]
fn cell_spans_point_at_the_cell_text() {
    let page = markdown::parse(MEDIACONVERT);
    let cell = &page.tables[0].rows[0].cells()[0];
    assert_eq!(&MEDIACONVERT[cell.span.clone()], "1010");
    assert_eq!(line_column(MEDIACONVERT, cell.span.start), (13, 4));
    let name = &page.tables[0].rows[0].cells()[1];
    assert_eq!(&MEDIACONVERT[name.span.clone()], "Input Error");
}

#[test]
fn short_and_long_rows_are_marked() {
    let page = markdown::parse("| a | b |\n| --- | --- |\n| 1 |\n| 2 | x | extra |\n| 3 | y |");
    let rows = &page.tables[0].rows;
    assert!(rows[0].cells()[1].missing);
    assert!(!rows[0].cells()[0].missing);
    let extra = rows[1].extra.clone().expect("the third cell is reported");
    assert_eq!(&page.source[extra], "extra");
    assert!(rows[2].extra.is_none() && rows[2].cells().iter().all(|c| !c.missing));
}

#[test]
fn tables_know_their_heading_and_bold_caption() {
    let page = markdown::parse(
        "# Page\n\n## Section\n\n**First caption**  \n\n| a |\n| --- |\n| 1 |\n\nprose\n\n| b |\n| --- |\n| 2 |",
    );
    assert_eq!(page.tables.len(), 2);
    assert_eq!(page.tables[0].heading.as_ref().unwrap().text, "Section");
    assert_eq!(page.tables[0].caption.as_ref().unwrap().text, "First caption");
    assert_eq!(page.tables[1].heading.as_ref().unwrap().text, "Section");
    assert!(page.tables[1].caption.is_none(), "prose between caption and table breaks the link");
}

#[test]
fn anchors_name_their_place() {
    assert_eq!(anchor_name("<a name=\"boot-rom\"></a>").as_deref(), Some("boot-rom"));
    assert_eq!(anchor_name("<A ID='x1'>").as_deref(), Some("x1"));
    assert_eq!(anchor_name("<a href=\"y\" name=\"x\">"), None, "a link is not an anchor");
    assert_eq!(anchor_name("<b>"), None);
    // An attribute read as HTML writes it: `data-id` is not `id`.
    assert_eq!(anchor_name("<a data-id=\"x\" id = \"y\">").as_deref(), Some("y"));
    assert_eq!(anchor_name("<a data-id=\"x\">"), None);
    let page = markdown::parse("| c | n |\n|---|---|\n| 1 | <a name=\"one\"></a>One |\n");
    let cell = &page.tables[0].rows[0].cells()[1];
    assert_eq!((cell.anchor(), cell.text.as_ref()), (Some("one"), "One"));
}
