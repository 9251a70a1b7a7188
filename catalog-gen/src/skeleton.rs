//! The hand-written part of a new catalog crate, for `cargo xtask init`: its `Cargo.toml`, its
//! `src/lib.rs` and the runtime the generated modules call (the same files as `catalog`'s).

/// The runtime every catalog crate carries, by its path under `src/`.
const RUNTIME: &[(&str, &str)] = &[
    ("code.rs", include_str!("../../catalog/src/code.rs")),
    ("entry.rs", include_str!("../../catalog/src/entry.rs")),
    ("error.rs", include_str!("../../catalog/src/error.rs")),
    ("rt.rs", include_str!("../../catalog/src/rt.rs")),
    ("serde_impl.rs", include_str!("../../catalog/src/serde_impl.rs")),
];

/// `(path relative to the crate, text)` of every hand-written file of a crate called `name`
/// whose modules are generated from `manifest` (named in the crate's documentation).
pub fn files(name: &str, manifest: &str) -> Vec<(String, String)> {
    let mut files = vec![
        (
            "Cargo.toml".to_owned(),
            include_str!("../templates/Cargo.toml.in").replace("{name}", name),
        ),
        (
            "src/lib.rs".to_owned(),
            include_str!("../templates/lib.rs.in").replace("{manifest}", manifest),
        ),
    ];
    files.extend(RUNTIME.iter().map(|(path, text)| (format!("src/{path}"), (*text).to_owned())));
    files
}
