//! The hand-written part of a new catalog crate, for `cargo xtask init`: its `Cargo.toml`,
//! which depends on the shared runtime (`catalog-core`), its `src/lib.rs`, which re-exports
//! it beside the generated modules, and its `.gitattributes`, which keeps the generated
//! modules' `\n` line endings in every checkout.

/// The version of `catalog-core` new crates depend on: this repository's `catalog-core`.
pub const RUNTIME_VERSION: &str = "0.1.0";

/// The oldest Rust new crates build with: the runtime's and the generated code's, which is
/// this workspace's `rust-version` (every crate of it inherits one), read where catalog-gen is
/// built, so that it is written in one place.
pub const RUST_VERSION: &str = env!("CARGO_PKG_RUST_VERSION");

/// Where this repository's `catalog-core` is, if the generator runs from its source tree.
pub const RUNTIME_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../catalog-core");

/// `(path relative to the crate, text)` of every hand-written file of a crate called `name`
/// whose modules are generated from `manifest` (named in the crate's documentation).
/// `runtime_path` is the path from the new crate to `catalog-core`, where there is one to
/// build against before the runtime is published; without it, the registry's version.
pub fn files(name: &str, manifest: &str, runtime_path: Option<&str>) -> Vec<(String, String)> {
    let (runtime_path, runtime_source) = match runtime_path {
        Some(path) => (format!(", path = \"{path}\""), "the path until then"),
        None => (String::new(), "the registry"),
    };
    vec![
        (
            "Cargo.toml".to_owned(),
            include_str!("../templates/Cargo.toml.in")
                .replace("{name}", name)
                .replace("{runtime_version}", RUNTIME_VERSION)
                .replace("{rust_version}", RUST_VERSION)
                .replace("{runtime_path}", &runtime_path)
                .replace("{runtime_source}", runtime_source),
        ),
        (
            "src/lib.rs".to_owned(),
            include_str!("../templates/lib.rs.in").replace("{manifest}", manifest),
        ),
        (
            ".gitattributes".to_owned(),
            include_str!("../templates/gitattributes.in").replace("{manifest}", manifest),
        ),
    ]
}

/// Why cargo would refuse `name` as the new crate's package name, with the name to use
/// instead where one can be made: cargo takes letters, digits, `-` and `_`, the first a
/// letter or `_` (a directory named `2fa-errors` or `my errors` makes no crate). A name
/// refused here would be written into `Cargo.toml` as it is.
pub fn package_name_problem(name: &str) -> Option<String> {
    let allowed = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    let starts_well = |name: &str| name.starts_with(|c: char| c.is_alphabetic() || c == '_');
    if starts_well(name) && name.chars().all(allowed) {
        return None;
    }
    let mut instead: String = name.chars().map(|c| if allowed(c) { c } else { '-' }).collect();
    instead = instead.trim_matches('-').to_owned();
    if !starts_well(&instead) {
        instead = format!("catalog-{instead}").trim_end_matches('-').to_owned();
    }
    let why = format!(
        "`{name}` cannot be a crate's name: cargo takes letters, digits, `-` and `_`, the \
         first a letter or `_`"
    );
    Some(format!("{why}\nhelp: name the crate with `--name {instead}`"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_cargo_refuses_is_refused_with_one_it_takes() {
        for fine in ["errors", "my-errors", "_x", "errors_2fa", "\u{e9}rreurs"] {
            assert_eq!(package_name_problem(fine), None, "{fine}");
        }
        let offered = |name: &str| {
            let problem = package_name_problem(name).unwrap();
            problem.rsplit_once("`--name ").unwrap().1.trim_end_matches('`').to_owned()
        };
        assert_eq!(offered("2fa-errors"), "catalog-2fa-errors");
        assert_eq!(offered("my errors"), "my-errors");
        assert_eq!(offered("a.b"), "a-b");
        assert_eq!(offered("-x"), "x");
        assert_eq!(offered("say\"hi\""), "say-hi");
        assert_eq!(offered(""), "catalog");
        for name in ["2fa-errors", "my errors", "a.b", "-x", "say\"hi\"", ""] {
            assert_eq!(package_name_problem(&offered(name)), None, "{name}");
        }
    }

    #[test]
    fn new_crates_depend_on_the_version_of_catalog_core_this_repository_has() {
        let manifest = include_str!("../../catalog-core/Cargo.toml");
        assert!(manifest.contains(&format!("\nversion = \"{RUNTIME_VERSION}\"\n")), "{manifest}");
    }

    #[test]
    fn new_crates_need_the_rust_the_runtime_needs() {
        // The runtime inherits the workspace's `rust-version`, as catalog-gen does.
        let runtime = include_str!("../../catalog-core/Cargo.toml");
        assert!(runtime.contains("\nrust-version.workspace = true\n"), "{runtime}");
        let workspace = include_str!("../../Cargo.toml");
        let line = format!("\nrust-version = \"{RUST_VERSION}\"\n");
        assert!(!RUST_VERSION.is_empty() && workspace.contains(&line), "{workspace}");
        let new = &files("errors", "docs/catalog.toml", None)[0].1;
        assert!(new.contains(&line), "{new}");
    }

    /// The snake_case names a crate root defines or starts a `use` path with: a generated
    /// module of such a name would be hidden by it or make its paths ambiguous.
    fn root_names(source: &str) -> Vec<String> {
        let file = syn::parse_file(source).unwrap();
        let mut names = Vec::new();
        for item in file.items {
            match item {
                syn::Item::Mod(item) => names.push(item.ident.to_string()),
                syn::Item::Use(item) => match item.tree {
                    syn::UseTree::Path(path) => names.push(path.ident.to_string()),
                    syn::UseTree::Name(name) => names.push(name.ident.to_string()),
                    _ => {}
                },
                syn::Item::ExternCrate(item) => names.push(item.ident.to_string()),
                _ => {}
            }
        }
        names.retain(|name| name.chars().all(|c| !c.is_uppercase()));
        names
    }

    #[test]
    fn the_names_refused_for_modules_are_those_the_crate_roots_use() {
        let template = &files("errors", "docs/catalog.toml", None)[1].1;
        let catalog = include_str!("../../catalog/src/lib.rs");
        let mut refused = crate::naming::CRATE_ROOT_NAMES.to_vec();
        refused.sort_unstable();
        for root in [template.as_str(), catalog] {
            let mut names = root_names(root);
            names.sort();
            names.dedup();
            assert_eq!(names, refused);
        }
    }

    #[test]
    fn the_runtime_path_is_written_only_where_there_is_one() {
        let with = files("errors", "docs/catalog.toml", Some("../catalog-core"));
        assert!(
            with[0]
                .1
                .contains("catalog-core = { version = \"0.1.0\", path = \"../catalog-core\" }")
        );
        let without = files("errors", "docs/catalog.toml", None);
        assert!(without[0].1.contains("catalog-core = { version = \"0.1.0\" }"));
        assert!(without[1].1.contains("pub use catalog_core::{Code, Documented, Entry"));
    }
}
