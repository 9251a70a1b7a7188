//! Manifest + page text through the whole generator (input format: `input.rs`): it must never
//! panic, and what it generates must parse as Rust (`input::check`, which the workspace's
//! tests run on the committed inputs too). Whether it compiles is checked on a committed
//! sample of the corpus: `xtask/tests/fuzz_sample.rs`.

#![no_main]

use libfuzzer_sys::fuzz_target;

mod input;

fuzz_target!(|data: &[u8]| {
    input::check(data);
});
