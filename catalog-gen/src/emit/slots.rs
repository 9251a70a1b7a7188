//! Rows written as text into a skeleton that prettyplease formats.
//!
//! A generated file is mostly rows: a line or a few per row in the enum, its tables and its
//! `match`es. Sending them through tokens, syn and prettyplease is most of generation's time
//! and changes nothing, since each row is laid out the same way. So the skeleton (the code's
//! structure) holds a placeholder where rows go, prettyplease formats it, and each placeholder
//! line is then replaced by its rows, read at the placeholder's indentation: the rows go into
//! the file's [`FileText`] as lines made when the file is read (`MadeText`).

use proc_macro2::{Ident, Span};

use crate::FileText;
use crate::file_text::MadeText;

/// How every placeholder starts. Placeholders are longer than a line may be, so prettyplease
/// always gives one a line of its own, breaking the `[..]` or `{..}` around it; and no line
/// of formatted code starts with user text (that is always in a string or comment), so a
/// line that starts with this prefix is a placeholder.
const PREFIX: &str = "__catalog_gen_slot_";
const PADDING: usize = 100;

/// The texts that placeholders stand for, in the order they were made.
#[derive(Clone, Debug, Default)]
pub struct Slots {
    texts: Vec<MadeText>,
}

impl Slots {
    /// A placeholder for `text`: lines, each ending in `\n`, indented as the placeholder is.
    /// Written where prettyplease puts it on a line of its own: as an enum variant, an array
    /// element or a `match` arm's pattern.
    pub fn add(&mut self, text: MadeText) -> Ident {
        let name = format!("{PREFIX}{}_{}", self.texts.len(), "x".repeat(PADDING));
        self.texts.push(text);
        Ident::new(&name, Span::call_site())
    }

    /// Appends `formatted` to `out` with every placeholder line replaced by its text.
    pub fn fill(self, out: &mut FileText, formatted: &str) {
        let mut texts: Vec<Option<MadeText>> = self.texts.into_iter().map(Some).collect();
        for line in formatted.split_inclusive('\n') {
            let code = line.trim_start_matches(' ');
            let slot = code.strip_prefix(PREFIX).and_then(|rest| {
                let index: usize = rest.split('_').next()?.parse().ok()?;
                texts.get_mut(index)?.take()
            });
            match slot {
                Some(text) => out.push_made(text, line.len() - code.len()),
                None => out.push_str(line),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    /// Lines made of `texts`, one part each.
    fn made(texts: &[&'static str]) -> MadeText {
        let texts = texts.to_vec();
        MadeText::new(texts.len(), texts.len(), move |index, out| out.push_lines(texts[index]))
    }

    #[test]
    fn placeholders_get_lines_of_their_own_and_are_replaced_at_their_indentation() {
        let mut slots = Slots::default();
        let variants = slots.add(made(&["/// A\nA = 1,\n", "\nB = 2,\n"]));
        let items = slots.add(made(&["E::A,\nE::B,\n"]));
        let arms = slots.add(made(&["1 => Some(E::A),\n"]));
        let file: syn::File = syn::parse2(quote! {
            pub enum E { #variants }
            impl E {
                pub const ALL: &'static [Self] = &[#items];
                pub const fn from_code(code: u8) -> Option<Self> {
                    match code { #arms => {} _ => None }
                }
            }
        })
        .unwrap();
        let mut text = FileText::new();
        slots.fill(&mut text, &prettyplease::unparse(&file));
        assert_eq!(
            text.to_string(),
            "pub enum E {\n    /// A\n    A = 1,\n\n    B = 2,\n}\nimpl E {\n    \
             pub const ALL: &'static [Self] = &[\n        E::A,\n        E::B,\n    ];\n    \
             pub const fn from_code(code: u8) -> Option<Self> {\n        match code {\n            \
             1 => Some(E::A),\n            _ => None,\n        }\n    }\n}\n"
        );
    }

    #[test]
    fn text_that_merely_mentions_the_prefix_is_left_alone() {
        let slots = Slots::default();
        let line = format!("    name: \"{PREFIX}0_x\",\n");
        let mut text = FileText::new();
        slots.fill(&mut text, &line);
        assert_eq!(text.to_string(), line);
    }
}
