//! Stage 2: a table's own manifest values, checked before its page is read: its module and
//! enum names, the URL that relative links resolve against, `key-pattern`, the pinned names,
//! `discriminants = true` where the other options say the codes cannot be, `split-codes`
//! beside a `key-pattern`, `key-radix` (10 or 16, of integer codes) and `all-tables` beside an
//! `index`.

use regex::Regex;
use toml::Spanned;
use url::Url;

use crate::api;
use crate::diagnostics::Diagnostic;
use crate::manifest::{PinnedNames, TableSpec};
use crate::model::facts;
use crate::model::problems::Place;
use crate::naming::{self, Identifier, Refusal};

/// The table's options, each `None` where it is absent or invalid (and reported).
#[derive(Debug)]
pub struct Options {
    /// The module's name.
    pub module: Option<Identifier>,
    /// The enum's name.
    pub enum_name: Option<Identifier>,
    /// The page's published URL.
    pub base: Option<Url>,
    /// `key-pattern`, compiled.
    pub key_pattern: Option<Regex>,
}

/// Reads and checks the options of `spec`.
pub fn read(place: &Place<'_>, spec: &TableSpec, problems: &mut Vec<Diagnostic>) -> Options {
    let base = match Url::parse(spec.url.get_ref()) {
        Ok(url) => Some(url),
        Err(error) => {
            problems.push(place.url_not_absolute(spec.url.span(), spec.url.get_ref(), error));
            None
        }
    };
    let key_pattern = spec.key_pattern.as_ref().and_then(|pattern| {
        Regex::new(pattern.get_ref())
            .map_err(|error| problems.push(place.key_pattern_invalid(pattern.span(), error)))
            .ok()
    });
    let module = checked(place, &spec.module, "module", naming::module_name, problems);
    let enum_name = checked(place, &spec.enum_name, "enum", naming::type_name, problems);
    let pins = PinnedNames::BOTH.into_iter();
    for (what, name) in pins.flat_map(|what| spec.pinned(what).values().map(move |n| (what, n))) {
        if !is_plain_identifier(name.get_ref()) {
            problems.push(place.not_an_identifier(name.span(), name.get_ref(), what));
        } else if let Some(why) = naming::warned_of(name.get_ref()) {
            problems.push(place.invalid_name(name.span(), name.get_ref(), what, &why));
        } else if what == PinnedNames::Variants
            && api::INHERENT_ITEMS.contains(&name.get_ref().as_str())
        {
            problems.push(place.pinned_variant_reserved(name.span(), name.get_ref()));
        }
    }
    let split = spec.split_codes.as_ref().filter(|split| *split.get_ref());
    if let (Some(split), Some(pattern)) = (split, &spec.key_pattern) {
        problems.push(place.split_codes_beside_a_pattern(split.span(), pattern.span()));
    }
    if let Some(radix) = &spec.key_radix {
        let integer = spec.key_type.get_ref().is_integer();
        match *radix.get_ref() {
            10 | 16 if integer => {}
            10 | 16 => problems.push(place.key_radix_of_text(radix.span())),
            other => problems.push(place.key_radix_invalid(radix.span(), other)),
        }
    }
    let all = spec.all_tables.as_ref().filter(|all| *all.get_ref());
    if let (Some(all), Some(index)) = (all, &spec.index) {
        problems.push(place.index_beside_all_tables(index.span(), all.span()));
    }
    let asked = spec.discriminants.as_ref().filter(|asked| *asked.get_ref());
    if let (Some(asked), Some(why)) = (asked, facts::impossible(spec)) {
        problems.push(place.discriminants_impossible(asked.span(), why));
    }
    Options { module, enum_name, base, key_pattern }
}

/// `name` checked by one of the naming rules, or `None` with the refusal pushed.
fn checked(
    place: &Place<'_>,
    name: &Spanned<String>,
    what: &str,
    rule: fn(&str) -> Result<Identifier, Refusal>,
    problems: &mut Vec<Diagnostic>,
) -> Option<Identifier> {
    rule(name.get_ref())
        .map_err(|refusal| {
            problems.push(place.name_refused(name.span(), name.get_ref(), what, &refusal))
        })
        .ok()
}

/// A pinned name is used as written, so it must be an identifier and not in raw form.
fn is_plain_identifier(name: &str) -> bool {
    naming::is_identifier(name) && !name.starts_with("r#")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::{PLACE, spec};

    fn problems(options: &str) -> Vec<String> {
        let mut problems = Vec::new();
        read(
            &PLACE,
            &spec(&format!("key-column = \"c\"\nkey-type = \"u8\"\n{options}")),
            &mut problems,
        );
        problems.into_iter().map(|problem| problem.message).collect()
    }

    #[test]
    fn discriminants_asked_of_codes_that_cannot_be_them_are_a_problem() {
        let asked = "discriminants = true";
        assert_eq!(problems(asked), [""; 0]);
        let of = |options: &str| {
            let mut problems = Vec::new();
            read(&PLACE, &spec(&format!("key-column = \"c\"\n{options}")), &mut problems);
            problems.into_iter().map(|problem| problem.message).collect::<Vec<_>>()
        };
        assert_eq!(
            of(&format!("key-type = \"str\"\n{asked}")),
            ["string codes (`key-type = \"str\"`) cannot be the discriminants"]
        );
        assert_eq!(
            of(&format!("key-type = \"u16\"\nshared-codes = true\n{asked}")),
            ["codes that rows may share (`shared-codes = true`) cannot be the discriminants"]
        );
        assert_eq!(of("key-type = \"str\"\ndiscriminants = false"), [""; 0]);
    }

    #[test]
    fn valid_options_are_read() {
        let mut problems = Vec::new();
        let spec = spec("key-column = \"c\"\nkey-type = \"u8\"\nkey-pattern = '^(\\d+)'");
        let options = read(&PLACE, &spec, &mut problems);
        assert!(problems.is_empty());
        assert_eq!(options.base.unwrap().as_str(), "https://x.test/p.html");
        assert!(options.key_pattern.unwrap().is_match("42 x"));
    }

    #[test]
    fn a_bad_pattern_and_pins_that_are_not_identifiers_are_problems() {
        assert_eq!(
            problems(
                "key-pattern = '('\nvariants = { \"1\" = \"r#A\" }\naccessors = { \"B\" = \"b c\" }"
            ),
            [
                "`key-pattern` is not a valid regular expression: regex parse error:\n    (\n    ^\nerror: unclosed group",
                "`r#A` is not a valid variant name",
                "`b c` is not a valid method name",
            ]
        );
        // Identifiers, but rustc would warn of one and read the other as `Café`.
        assert_eq!(
            problems("variants = { \"1\" = \"Nº\" }\naccessors = { \"B\" = \"cafe\\u0301\" }"),
            ["`Nº` is not a valid variant name", "`cafe\u{301}` is not a valid method name"]
        );
    }
}
