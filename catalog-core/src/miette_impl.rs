//! `miette::Diagnostic` for every catalog: an entry is a diagnostic whose code is
//! `module::code`, whose help is its help-column cell and whose URL is its row's.

extern crate alloc;
extern crate std;

use alloc::boxed::Box;
use alloc::format;
use core::fmt::Display;

use crate::Entry;

/// What `miette::Diagnostic`'s methods return.
pub type DiagnosticText<'a> = Option<Box<dyn Display + 'a>>;

/// The code: the catalog's module and the code as the doc writes it (`mediaconvert::1010`).
pub fn miette_code<'a, E: Entry>(entry: E) -> DiagnosticText<'a> {
    Some(Box::new(format!("{}::{}", E::TABLE.module, entry.code_text())))
}

/// The help: the entry's cell in the table's help column, if it has one.
pub fn miette_help<'a, E: Entry>(entry: E) -> DiagnosticText<'a> {
    entry.help().map(|help| Box::new(help) as Box<dyn Display>)
}

/// The URL: the row's, or its page's ([`Entry::url`]).
pub fn miette_url<'a, E: Entry>(entry: E) -> DiagnosticText<'a> {
    Some(Box::new(entry.url()))
}
