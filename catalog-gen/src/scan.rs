//! Finding, eight bytes at a time, where a text escaper has to look.
//!
//! The escapers (string literals, doc comments, the API snapshot's TOML strings) copy long
//! runs of plain ASCII and stop only at a few kinds of byte. Testing one byte at a time was
//! the escapers' main cost at 200k rows; a word of eight is tested with a few integer
//! operations instead (the "has a zero byte" trick), with no `unsafe`.

/// Whether an escaper may have to look at `byte`: an ASCII control character (DEL
/// included), `"`, `\`, or any byte of a non-ASCII character. Each escaper decides what to do
/// there; for the others these are false stops, never missed ones.
pub fn is_stop(byte: u8) -> bool {
    !(0x20..0x7F).contains(&byte) || byte == b'"' || byte == b'\\'
}

/// The length of the run of bytes at the start of `bytes` that are not [stops](is_stop).
pub fn plain_run(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // The high bit of a byte of the result is set where that byte of `word` is below `n`
    // (for n <= 0x80), or for a later byte after one that is: never without a true one.
    let below = |word: u64, n: u64| word.wrapping_sub(ONES * n) & !word & HIGHS;
    let equal = |word: u64, byte: u8| below(word ^ (ONES * u64::from(byte)), 1);
    let mut at = 0;
    for chunk in bytes.chunks_exact(8) {
        let Ok(word) = <[u8; 8]>::try_from(chunk).map(u64::from_le_bytes) else { break };
        let stops = (word & HIGHS)
            | below(word, 0x20)
            | equal(word, 0x7F)
            | equal(word, b'"')
            | equal(word, b'\\');
        if stops != 0 {
            break;
        }
        at += 8;
    }
    at + bytes[at..].iter().position(|&byte| is_stop(byte)).unwrap_or(bytes.len() - at)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Byte by byte, as the escapers used to look.
    fn plain_run_bytewise(bytes: &[u8]) -> usize {
        bytes.iter().position(|&byte| is_stop(byte)).unwrap_or(bytes.len())
    }

    #[test]
    fn every_byte_value_at_every_place_of_a_word_is_told_as_bytewise() {
        for length in 0..26 {
            for place in 0..length {
                for byte in 0..=u8::MAX {
                    for filler in [b'a', b' ', b'~', b'!', b'#', b'[', b']'] {
                        let mut bytes = vec![filler; length];
                        bytes[place] = byte;
                        assert_eq!(
                            plain_run(&bytes),
                            plain_run_bytewise(&bytes),
                            "{byte:#x} at {place} of {length}"
                        );
                    }
                }
            }
            assert_eq!(plain_run(&vec![b'a'; length]), length);
        }
    }

    #[test]
    fn two_stops_in_a_word_stop_at_the_first() {
        for first in 0..16 {
            for second in first + 1..16 {
                for (a, b) in [(0x1F, 0x80), (b'"', b'\\'), (0x7F, 0x00), (0xC2, b'"')] {
                    let mut bytes = vec![b'x'; 16];
                    bytes[first] = a;
                    bytes[second] = b;
                    assert_eq!(plain_run(&bytes), first);
                }
            }
        }
    }
}
