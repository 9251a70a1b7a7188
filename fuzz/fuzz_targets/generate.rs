//! Manifest + page text through the whole generator (input format: `input.rs`): it must never
//! panic, and what it generates must parse as Rust. (Whether it compiles is checked on a
//! committed sample of the corpus: `xtask/tests/fuzz_sample.rs`.)

#![no_main]

use libfuzzer_sys::fuzz_target;

mod input;

fuzz_target!(|data: &[u8]| {
    match input::generate(data) {
        Some(Ok(files)) => {
            for file in files.iter().filter(|file| file.path.ends_with(".rs")) {
                if let Err(error) = syn::parse_file(&file.text) {
                    panic!("{} does not parse: {error}\n{}", file.path, file.text);
                }
            }
        }
        Some(Err(failure)) => {
            let _ = failure.render(false);
        }
        None => {}
    }
});
