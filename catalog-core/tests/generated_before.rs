//! An enum as a catalog generated before `Entry::is_crossed_out` existed has it, whose call of
//! `impl_entry!` names no more than its code type, still implements `Entry` with this runtime,
//! and has no entry crossed out; one generated since forwards the method to its inherent one.
//! (Its `serde` and `miette` glue is the same for both: `cargo test --all-features` builds it.)

use catalog_core::{Entry, Table};

/// The inherent items `impl_entry!` forwards to, as a generated enum has them, for a table of
/// two rows whose second the page crosses out; `is_crossed_out` only where `$crossed_out`.
macro_rules! generated_enum {
    ($name:ident $(, $crossed_out:ident)?) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u16)]
        enum $name {
            One = 1,
            Two = 2,
        }

        impl $name {
            const ALL: &'static [Self] = &[Self::One, Self::Two];
            const TABLE: Table = Table::generated(
                stringify!($name),
                "m",
                "Errors",
                "https://example.com/errors",
                "docs/errors.md",
                &["Code", "Name"],
                0,
                1,
                None,
            );
            const ROWS: &'static [&'static [&'static str]] = &[&["1", "One"], &["2", "Two"]];

            const fn row_index(self) -> usize {
                self as usize - 1
            }
            const fn row(self) -> &'static [&'static str] {
                Self::ROWS[self.row_index()]
            }
            const fn code(self) -> u16 {
                self as u16
            }
            const fn code_text(self) -> &'static str {
                Self::ROWS[self.row_index()][0]
            }
            const fn from_code(code: u16) -> Option<Self> {
                match code {
                    1 => Some(Self::One),
                    2 => Some(Self::Two),
                    _ => None,
                }
            }
            const fn with_code(code: u16) -> &'static [Self] {
                match Self::from_code(code) {
                    Some(variant) => core::slice::from_ref(&Self::ALL[variant.row_index()]),
                    None => &[],
                }
            }
            const fn url(self) -> &'static str {
                Self::TABLE.url
            }
            const fn name(self) -> &'static str {
                Self::ROWS[self.row_index()][1]
            }
            fn from_name(name: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|variant| variant.name() == name)
            }
            const fn is_retired(self) -> bool {
                false
            }
            $(
                /// `$crossed_out` names the method.
                const fn $crossed_out(self) -> bool {
                    matches!(self, Self::Two)
                }
            )?
        }
    };
}

generated_enum!(Before);
catalog_core::rt::impl_entry!(Before, u16);

generated_enum!(Since, is_crossed_out);
catalog_core::rt::impl_entry!(Since, u16, crossed_out);

/// Whether `entry` is crossed out, as code that takes any catalog asks.
fn crossed_out<E: Entry>(entry: E) -> bool {
    entry.is_crossed_out()
}

#[test]
fn a_catalog_generated_before_is_crossed_out_has_no_entry_crossed_out() {
    assert!(!crossed_out(Before::One) && !crossed_out(Before::Two));
    assert_eq!(Before::from_code_text("2"), Some(Before::Two));
    assert_eq!(Before::Two.to_string(), "2 Two");
}

#[test]
fn a_catalog_generated_since_tells_the_entries_crossed_out() {
    assert!(!crossed_out(Since::One) && crossed_out(Since::Two));
}
