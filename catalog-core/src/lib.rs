//! The runtime every generated error catalog shares.
//!
//! A catalog crate (such as `catalog`, or one made by `cargo xtask init`) holds the generated
//! data: one enum per documented table, its rows as static tables. This crate holds what those
//! enums have in common: the [`Entry`] trait that code generic over any catalog uses, the
//! [`Table`] metadata, the [`Code`] types, [`Documented`] for codes the docs may not list yet,
//! [`LookupError`], the `const` lookups the generated
//! code calls, and the serde glue. One runtime for every catalog, so that two catalogs in one
//! program share one `Entry` trait, and a runtime fix reaches every catalog.
//!
//! Catalog crates re-export these items; depend on this crate directly only to write code
//! generic over catalogs from several crates:
//!
//! ```ignore
//! fn describe<E: catalog_core::Entry>(code: E::Code) -> Option<String> {
//!     let entry = E::from_code(code)?;
//!     Some(format!("{entry} ({})", E::TABLE.url))
//! }
//! ```
//!
//! # Features
//!
//! - `alloc`: [`Documented`] keeps string codes the catalog does not list (integer codes need
//!   no allocator).
//! - `serde`: entries serialize as their code and deserialize from the code or from a name that
//!   is unique in its table; [`Documented`] deserializes from any code (an unknown string code
//!   needs `alloc` too) and serializes an unknown one back exactly as received.
//! - `miette`: every entry is a `miette::Diagnostic`, with the code `module::code` (as the doc
//!   writes the code), the help column's cell as help, and the row's URL ([`Entry::url`]).
//!   miette needs `std`, so this feature does too.
#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

#[cfg(feature = "alloc")]
extern crate alloc;

mod code;
mod documented;
mod entry;
mod error;
#[cfg(feature = "miette")]
mod miette_impl;
#[doc(hidden)]
pub mod rt;
#[cfg(feature = "serde")]
mod serde_impl;

pub use code::{Code, ReceivedText};
pub use documented::Documented;
pub use entry::{Entry, Fields, Table};
pub use error::LookupError;
