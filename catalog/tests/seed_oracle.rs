//! The MediaTailor accessors must equal the cells of the page as the published site renders it
//! to plain text (seed 000, kept as a fixture).

use catalog::mediatailor::ClientPlaybackError;

const RENDERED: &str = include_str!("fixtures/mediatailor-playback-errors-client.txt");

/// The rendered table's rows: after the four header lines, four non-empty lines per row.
fn rendered_rows() -> Vec<[&'static str; 4]> {
    let lines: Vec<&str> = RENDERED.lines().filter(|line| !line.trim().is_empty()).collect();
    let header = lines
        .windows(4)
        .position(|w| w == ["Code", "Exception Name", "Meaning", "What To Do"])
        .expect("the rendered page has the table header");
    lines[header + 4..]
        .chunks(4)
        .take_while(|chunk| chunk.len() == 4 && chunk[0].parse::<u16>().is_ok())
        .map(|chunk| [chunk[0], chunk[1], chunk[2], chunk[3]])
        .collect()
}

#[test]
fn every_rendered_row_is_a_variant_with_the_same_text() {
    let rows = rendered_rows();
    assert_eq!(rows.len(), 5);
    assert_eq!(rows.len(), ClientPlaybackError::ALL.len());
    for ([code, name, meaning, what_to_do], variant) in rows.iter().zip(ClientPlaybackError::ALL) {
        assert_eq!(variant.code().to_string(), *code);
        assert_eq!(variant.name(), *name, "name of {code}");
        assert_eq!(variant.meaning(), *meaning, "meaning of {code}");
        assert_eq!(variant.what_to_do(), *what_to_do, "what to do of {code}");
        assert_eq!(ClientPlaybackError::from_code(code.parse().unwrap()), Some(*variant));
    }
}
