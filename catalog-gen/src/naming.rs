//! The naming rules: document text to Rust identifiers (SPEC "Variant names").

use std::borrow::Cow;

use heck::{ToSnakeCase, ToUpperCamelCase};
use rustc_hash::FxHashMap;
use unicode_normalization::{IsNormalized, UnicodeNormalization};
use unicode_security::GeneralSecurityProfile;

use crate::markdown::{without_emoji_shortcodes, without_footnote_marks, without_tags};

/// An enum variant name from a name cell, per the SPEC rules: footnote marks and HTML's tags
/// left out (`Conflict[^2]`, `H<sub>2</sub>O`: `words_shown`), `suffix` stripped when
/// the name ends with it (and is longer), the text in its compatibility form ([`compatible`]:
/// `Nº` → `No`), apostrophes dropped rather than split on, words in UpperCamelCase with
/// acronyms as words (`IAM Role Error` → `IamRoleError`), characters that cannot be in an
/// identifier ([`is_identifier_char`]) dropped, `_` put before a leading digit and after
/// `Self`.
///
/// Returns an empty string when nothing of `text` can be used.
pub fn variant_name(text: &str, suffix: Option<&str>) -> String {
    VariantNames::default().variant_name(text, suffix)
}

/// [`variant_name`] for many names, asking heck once per run of letters and digits that they share,
/// or once per piece of a run not seen before (see `push_pieces`). A run keeps its apostrophes,
/// which a name drops: dropping them from a run joins the same characters as dropping them from the
/// text. heck splits a text at every character that is not [alphanumeric](char::is_alphanumeric)
/// before it looks for words, so no word spans two runs, and UpperCamelCase puts nothing between
/// words: the conversion of a text is that of its runs, one after another. Names are made of few
/// words (`Invalid`, `Error`, `Not`, `Found`), so each is converted once. On 20k rows whose names
/// all differ, converting each name whole was 18% of regen's instructions (callgrind;
/// BENCHMARKS.md, twenty-ninth round). A property test holds names made this way to heck's
/// conversion of the whole text.
#[derive(Debug, Default)]
pub struct VariantNames<'t> {
    /// heck's UpperCamelCase of each run or piece of a run seen, without its apostrophes, as an
    /// [identifier part](identifier_part).
    runs: FxHashMap<&'t str, String>,
}

impl<'t> VariantNames<'t> {
    /// [`variant_name`]`(text, suffix)`.
    pub fn variant_name(&mut self, text: &'t str, suffix: Option<&str>) -> String {
        if let Cow::Owned(shown) = words_shown(text) {
            // Few names have a mark or a tag: named with runs of their own, as the runs kept
            // borrow the docs. Its words are those shown: what is left of `[²^a]` without its
            // mark `²` is no footnote's mark, as the page never had it.
            return VariantNames::default().name_of_shown(&shown, suffix);
        }
        self.name_of_shown(text, suffix)
    }

    /// The name of `text`, the words a name cell shows ([`words_shown`]).
    fn name_of_shown(&mut self, text: &'t str, suffix: Option<&str>) -> String {
        match compatible(without_suffix(text, suffix)) {
            Cow::Borrowed(text) => self.convert(text),
            // A text not in its compatibility form, which few are: converted with runs of its
            // own, as the runs kept borrow the docs.
            Cow::Owned(text) => VariantNames::default().convert(&text),
        }
    }

    /// The name of `text`, in its compatibility form and without its suffix.
    fn convert(&mut self, text: &'t str) -> String {
        let mut camel = String::with_capacity(text.len());
        let runs = &mut self.runs;
        push_runs(text, |run| {
            if let Some(converted) = runs.get(run) {
                camel.push_str(converted);
                return;
            }
            // A run not seen whole: its pieces, each kept (a run of one piece is then seen).
            // Cutting only here leaves the runs that repeat, as most words of names do, read
            // once: cutting every run cost 1.6% more instructions at 20k rows of such names.
            push_pieces(run, |piece| {
                camel.push_str(runs.entry(piece).or_insert_with(|| {
                    // Few pieces have an apostrophe (`Doesn't`): dropped, it joins the words.
                    identifier_part(&plural_acronyms_as_words(&piece.replace(is_apostrophe, "")))
                }));
            });
        });
        make_identifier(capital_first(camel))
    }
}

/// The words of `text` a name is made of, as the page shows them: a footnote's mark is none
/// (`Conflict[^2]` names `Conflict`, not `Conflict2`; `NotFound<sup>1</sup>` not
/// `NotFoundSup1Sup`), as `¹` never was, and neither is an HTML tag, which parts words
/// (`Gone<sup>see below</sup>` names `GoneSeeBelow`, `<img src="warn.png"> Disk full`
/// `DiskFull`), and neither is an emoji's shortcode, which GitHub shows as a picture
/// (`:warning: Disk full` names `DiskFull`, as `⚠️ Disk full` does). Borrowed where it has none
/// of them; owned only where one was left out.
fn words_shown(text: &str) -> Cow<'_, str> {
    // A mark, a tag and a shortcode start with `<`, `[` or `:`, or a byte that is not ASCII
    // (`¹`): most names have none, and are told so here by one quick scan each (read a byte at a time,
    // the marks' check alone was 0.7% of regen's instructions at 20k rows).
    if memchr::memchr3(b'[', b'<', b':', text.as_bytes()).is_none() && text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let shown = then(without_footnote_marks(text), without_tags);
    then(shown, without_emoji_shortcodes)
}

/// `text`, which a step made or borrowed, through the next step `step`: borrowed where
/// neither step changed it.
fn then<'t>(text: Cow<'t, str>, step: fn(&str) -> Cow<'_, str>) -> Cow<'t, str> {
    match text {
        Cow::Borrowed(text) => step(text),
        Cow::Owned(text) => Cow::Owned(step(&text).into_owned()),
    }
}

/// `camel` with a capital first, where dropping the characters an identifier cannot have left
/// a lower-case letter there: of `ᄀas`, whose first letter rustc warns of, heck makes `ᄀas`,
/// which without it was `as`, a keyword, and would have been a name rustc's
/// `non_camel_case_types` warns of.
fn capital_first(camel: String) -> String {
    let mut chars = camel.chars();
    match chars.next() {
        Some(first) if first.is_lowercase() => first.to_uppercase().chain(chars).collect(),
        _ => camel,
    }
}

/// heck's UpperCamelCase of a run, without the characters an identifier cannot have (dropped
/// a character at a time, so a run at a time as well as a name at a time).
fn identifier_part(run: &str) -> String {
    let camel = run.to_upper_camel_case();
    // Most runs have no such character: nothing is copied to drop nothing.
    if camel.chars().all(is_identifier_char) {
        return camel;
    }
    camel.chars().filter(|&c| is_identifier_char(c)).collect()
}

/// Whether a name made from the docs may have `c`: a character Rust allows in an identifier
/// past its first (XID_Continue) that rustc takes without a warning. Its `uncommon_codepoints`
/// lint (warn by default, so an error under `-D warnings`) flags every non-ASCII character
/// that Unicode's general security profile (UTS 39) does not allow in identifiers, such as
/// `º`, `ª`, `²` and the ligature `ﬁ` (of those, [`compatible`] text keeps none).
pub fn is_identifier_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        unicode_ident::is_xid_continue(c) && GeneralSecurityProfile::identifier_allowed(c)
    }
}

/// `text` in its compatibility form (NFKC), as a reader sees it: `º` is `o`, `ﬁ` is `fi`, a
/// full-width `Ａ` is `A`, and an accent typed as its own character is one with its letter
/// (`e` and U+0301 are `é`). rustc reads identifiers in their composed form (NFC), so two
/// names that differ only there would be one name to it. Numbers that are marks rather than
/// part of a word (a footnote's `¹`, `½`, `①`: no identifier can have them) are left out
/// first, as names always dropped them: NFKC would make them digits (`AMI ¹` would name
/// `Ami1`). Borrowed where it is already in that form, as ASCII text always is.
pub fn compatible(text: &str) -> Cow<'_, str> {
    if text.is_ascii() || unicode_normalization::is_nfkc_quick(text.chars()) == IsNormalized::Yes {
        return Cow::Borrowed(text);
    }
    let is_mark = |c: char| c.is_numeric() && !unicode_ident::is_xid_continue(c);
    Cow::Owned(text.chars().filter(|&c| !is_mark(c)).nfkc().collect())
}

/// Why rustc would not take `name`, an identifier given in the manifest, as written and
/// without a warning: characters its `uncommon_codepoints` lint flags, or a form it reads as
/// another (NFC). `None` for ASCII, as for most names.
pub fn warned_of(name: &str) -> Option<String> {
    if name.is_ascii() {
        return None;
    }
    let mut uncommon =
        name.chars().filter(|&c| !c.is_ascii() && !GeneralSecurityProfile::identifier_allowed(c));
    if let Some(first) = uncommon.next() {
        let listed = quoted_chars(std::iter::once(first).chain(uncommon));
        return Some(format!("rustc warns of {listed} in an identifier (`uncommon_codepoints`)"));
    }
    (!unicode_normalization::is_nfc(name)).then(|| {
        "rustc reads this name in its composed form (NFC), which is written differently".to_owned()
    })
}

/// Characters as a diagnostic names them: "`º` (U+00BA), `ª` (U+00AA)".
pub fn quoted_chars(chars: impl Iterator<Item = char>) -> String {
    let quoted: Vec<String> = chars.map(|c| format!("`{c}` (U+{:04X})", u32::from(c))).collect();
    quoted.join(", ")
}

/// The apostrophes a name drops rather than splits words on (`Doesn't` → `Doesnt`).
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '`')
}

/// `text` trimmed, and without `suffix` where it ends with it and is longer.
fn without_suffix<'t>(text: &'t str, suffix: Option<&str>) -> &'t str {
    let text = crate::scan::trim(text);
    match suffix {
        Some(suffix) if !suffix.is_empty() && text.len() > suffix.len() => {
            text.strip_suffix(suffix).unwrap_or(text)
        }
        _ => text,
    }
}

/// Each run of [alphanumeric](char::is_alphanumeric) characters and apostrophes of `text`, in
/// order, to `push`. Without its apostrophes, a run is what heck converts word by word in the
/// text without them: an apostrophe is not alphanumeric, so dropping it from the text joins the
/// same characters that splitting at the other characters keeps together.
fn push_runs<'t>(text: &'t str, push: impl FnMut(&'t str)) {
    text.split(|c: char| !c.is_alphanumeric() && !is_apostrophe(c))
        .filter(|run| !run.is_empty())
        .for_each(push);
}

/// `run` to `push` in pieces cut where a lowercase letter meets an uppercase one. heck always
/// ends a word there, and starts the next as it starts a text (its UpperCamelCase writes nothing
/// between words), so heck's conversion of the run is that of its pieces, one after another.
/// Codes used as names (`InvalidParameterValue`, `AccessDenied`) are runs that differ, made of
/// pieces that repeat: on 200k such rows, heck on every run had been a sixth of regen's time
/// (BENCHMARKS.md, fifty-third round).
fn push_pieces<'t>(run: &'t str, mut push: impl FnMut(&'t str)) {
    let mut start = 0;
    let mut after_lowercase = false;
    for (at, c) in run.char_indices() {
        if after_lowercase && c.is_uppercase() {
            push(&run[start..at]);
            start = at;
        }
        after_lowercase = c.is_lowercase();
    }
    push(&run[start..]);
}

/// `text` with each piece (see [`push_pieces`]) that is a plural acronym, two or more ASCII
/// capitals and an `s` (`URLs`, `IDs`, `PRBs`, `API's` without its apostrophe), written as one
/// word (`Urls`). heck cuts such a piece before its last capital, as it cuts `HTTPServer`, and
/// made `UrLs`, `IDs` and `PrBs` of them (`Affected IDs` → `affected_i_ds`), where acronyms are
/// words (SPEC "Variant names": `HTTP` → `Http`). Borrowed where there is none, as in most text.
fn plural_acronyms_as_words(text: &str) -> Cow<'_, str> {
    // Most text has no two capitals before an `s`: told by its bytes, not cut into pieces (at
    // 100k rows of names that differ, cutting each new piece cost 0.9% of regen's instructions).
    let capitals_and_s = |bytes: &[u8]| {
        bytes[0].is_ascii_uppercase() && bytes[1].is_ascii_uppercase() && bytes[2] == b's'
    };
    if !text.as_bytes().windows(3).any(capitals_and_s) {
        return Cow::Borrowed(text);
    }
    let is_plural_acronym = |piece: &str| {
        piece.strip_suffix('s').is_some_and(|capitals| {
            capitals.len() >= 2 && capitals.bytes().all(|byte| byte.is_ascii_uppercase())
        })
    };
    let mut plural_acronyms = Vec::new();
    push_runs(text, |run| {
        push_pieces(run, |piece| {
            if is_plural_acronym(piece) {
                // The piece's place in `text`, of which it is a slice.
                plural_acronyms
                    .push((piece.as_ptr() as usize - text.as_ptr() as usize, piece.len()));
            }
        });
    });
    if plural_acronyms.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut words = text.to_owned();
    for (start, len) in plural_acronyms {
        // Past its first capital; ASCII, so the piece's bytes are its characters.
        words[start + 1..start + len].make_ascii_lowercase();
    }
    Cow::Owned(words)
}

/// The word a header of a sign alone is read as, where it is one a column is headed by: `#`
/// (a column of row numbers) `number`, `%` `percent`. Such a header makes no method name of
/// its own letters ([`accessor_name`] is empty).
pub fn sign_word(header: &str) -> Option<&'static str> {
    match header.trim() {
        "#" => Some("number"),
        "%" => Some("percent"),
        _ => None,
    }
}

/// A method name from a column header: footnote marks and HTML's tags left out
/// (`Message<sup>1</sup>` makes `message`: `words_shown`), snake_case, raw identifier syntax
/// (`r#type`) for keywords where Rust allows it, `_` appended where it does not (`self_`).
pub fn accessor_name(header: &str) -> String {
    let header = words_shown(header);
    let without_apostrophes: String =
        compatible(&header).chars().filter(|c| !matches!(c, '\'' | '’' | 'ʼ')).collect();
    let snake: String = plural_acronyms_as_words(&without_apostrophes)
        .to_snake_case()
        .chars()
        .filter(|&c| is_identifier_char(c))
        .collect();
    let name = make_identifier(snake);
    if name.is_empty() || is_identifier(&name) {
        name
    } else if is_identifier(&format!("r#{name}")) {
        format!("r#{name}")
    } else {
        format!("{name}_")
    }
}

/// A string of identifier characters made into a valid identifier: in the composed form rustc
/// reads it in (NFC, which a case conversion can leave), `_` before a leading digit, `_` after
/// a keyword that cannot be a raw identifier (`Self`, `self`, `super`, `crate`).
fn make_identifier(name: String) -> String {
    let mut name = composed(name);
    if name.chars().next().is_some_and(|c| !unicode_ident::is_xid_start(c)) {
        name.insert(0, '_');
    }
    if !name.is_empty() && !is_identifier(&name) && !is_identifier(&format!("r#{name}")) {
        name.push('_');
    }
    name
}

/// `name`, of [identifier characters](is_identifier_char), in the composed form rustc reads
/// identifiers in (NFC), which a case conversion can leave undone; composing keeps to those
/// characters.
fn composed(name: String) -> String {
    if name.is_ascii() || unicode_normalization::is_nfc(&name) {
        return name;
    }
    name.nfc().filter(|&c| is_identifier_char(c)).collect()
}

/// Whether `text` is exactly a valid Rust identifier (raw identifiers included) that is not a
/// keyword: no space around it.
pub fn is_identifier(text: &str) -> bool {
    // Most names are variant names: an ASCII capital, then letters, digits and `_`. Every
    // keyword but `Self` is lower case, so such a name is an identifier unless it is `Self`;
    // asking `syn` (a token stream per name) cost 4% of regen at 200k rows.
    let mut bytes = text.bytes();
    let plain_upper = bytes.next().is_some_and(|first| first.is_ascii_uppercase())
        && bytes.all(|byte| PLAIN_IDENTIFIER_BYTES[usize::from(byte)]);
    if plain_upper {
        return text != "Self";
    }
    !NEWER_KEYWORDS.contains(&text)
        && syn::parse_str::<syn::Ident>(text).is_ok_and(|ident| ident == text)
}

/// Whether each byte is an ASCII letter, digit or `_`: looked up, as every variant name is
/// checked byte by byte (twice where rows' names all differ); the lookup took `is_identifier`
/// from 12.7M to 6.5M instructions against three range tests (one edit at 20k rows,
/// BENCHMARKS.md, thirtieth round).
const PLAIN_IDENTIFIER_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = (byte as u8).is_ascii_alphanumeric() || byte as u8 == b'_';
        byte += 1;
    }
    table
};

/// Keywords that the generated crates' edition (2024) reserves and `syn` does not know.
const NEWER_KEYWORDS: &[&str] = &["gen"];

/// Whether rustc's `non_camel_case_types` lint accepts `name` as a type name: after leading
/// and trailing `_`, no lowercase first letter, no `__`, and no `_` next to a cased letter.
pub fn is_camel_case(name: &str) -> bool {
    let name = name.trim_matches('_');
    let cased = |c: char| c.is_lowercase() || c.is_uppercase();
    let chars: Vec<char> = name.chars().collect();
    !chars.first().is_some_and(|c| c.is_lowercase())
        && !name.contains("__")
        && !chars
            .windows(2)
            .any(|pair| (cased(pair[0]) && pair[1] == '_') || (cased(pair[1]) && pair[0] == '_'))
}

/// Whether rustc's `non_snake_case` lint accepts `name` as a method name: after leading and
/// trailing `_`, no uppercase letter and no `__`.
pub fn is_snake_case(name: &str) -> bool {
    let name = name.trim_matches('_');
    !name.contains("__") && !name.chars().any(char::is_uppercase)
}

/// A name that the naming rules have checked: emit writes it as an identifier as it is, so no
/// text reaches `Ident::new` unchecked. The only constructor, [`Identifier::new`], checks it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Identifier(String);

impl Identifier {
    /// `text`, if it is exactly an identifier (`r#type` included).
    pub fn new(text: &str) -> Option<Identifier> {
        is_identifier(text).then(|| Identifier(text.to_owned()))
    }

    /// The name as written in code (`r#type` for a raw identifier).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The token emit writes.
    pub fn to_ident(&self) -> proc_macro2::Ident {
        let span = proc_macro2::Span::call_site();
        match self.0.strip_prefix("r#") {
            Some(raw) => proc_macro2::Ident::new_raw(raw, span),
            None => proc_macro2::Ident::new(&self.0, span),
        }
    }
}

impl TryFrom<String> for Identifier {
    type Error = String;

    /// [`Identifier::new`] for a name already made, without copying it; the text back where
    /// it is not an identifier.
    fn try_from(text: String) -> Result<Identifier, String> {
        if is_identifier(&text) { Ok(Identifier(text)) } else { Err(text) }
    }
}

impl std::ops::Deref for Identifier {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Identifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Whether Windows reserves the file name `name` for a device, whatever follows its first `.`
/// (`aux`, `aux.rs`, `nul.txt`), so that no file of that name can be made there: `con`, `prn`,
/// `aux`, `nul`, and `com` or `lpt` with a digit, in any case (the names cargo warns of in
/// package names). A module's name is its file's, so a module name is told as it is.
pub fn windows_reserves(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).to_ascii_lowercase();
    match stem.as_bytes() {
        [b'c', b'o', b'm', digit] | [b'l', b'p', b't', digit] => digit.is_ascii_digit(),
        _ => matches!(stem.as_str(), "con" | "prn" | "aux" | "nul"),
    }
}

/// Names the crate root of a catalog crate uses besides the generated modules (`catalog`'s
/// `lib.rs`, and what `init` writes): a module of the same name would be shadowed by it, or
/// make paths that start with it ambiguous.
pub const CRATE_ROOT_NAMES: &[&str] = &["generated", "catalog_core"];

/// Why a name from the manifest cannot be used, and the name to use instead where there is one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    /// Why, as the label under the name.
    pub reason: String,
    /// A name that would be accepted.
    pub suggestion: Option<String>,
}

impl Refusal {
    fn new(reason: impl Into<String>, suggestion: Option<String>) -> Refusal {
        Refusal { reason: reason.into(), suggestion }
    }
}

/// A module name from the manifest, which is also a file name (`<module>.rs`) and a path
/// segment right under the crate (`catalog::<module>`): a plain snake_case ASCII identifier,
/// as written (no space around it, no `r#`), and none of [`CRATE_ROOT_NAMES`].
pub fn module_name(text: &str) -> Result<Identifier, Refusal> {
    let snake = text.trim().trim_start_matches("r#").to_snake_case();
    let snake: String = snake.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
    let suggestion = || {
        let mut fixed = make_identifier(snake.clone());
        if !is_identifier(&fixed) || CRATE_ROOT_NAMES.contains(&fixed.as_str()) {
            fixed.push('_');
        }
        (is_identifier(&fixed) && fixed != text).then_some(fixed)
    };
    if text.trim() != text {
        return Err(Refusal::new("has white space around it", suggestion()));
    }
    if text.starts_with("r#") {
        return Err(Refusal::new(
            "a module is a file, `<module>.rs`, so its name cannot be a raw identifier",
            suggestion(),
        ));
    }
    if !text.is_ascii() {
        return Err(Refusal::new(
            "a module is a file, `<module>.rs`, and rustc requires ASCII names for module files \
             (E0754)",
            suggestion(),
        ));
    }
    if CRATE_ROOT_NAMES.contains(&text) {
        return Err(Refusal::new(
            format!("the crate root has its own `{text}`, which would hide the module"),
            suggestion(),
        ));
    }
    match Identifier::new(text) {
        Some(name) if text.bytes().all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'_')) => {
            Ok(name)
        }
        Some(_) => Err(Refusal::new("module names are snake_case", suggestion())),
        None => Err(Refusal::new("not a Rust identifier (keywords are not)", suggestion())),
    }
}

/// An enum name from the manifest: an identifier as written (no space around it, no `r#`:
/// a type name that needs one is a keyword, which no type can be named).
pub fn type_name(text: &str) -> Result<Identifier, Refusal> {
    let plain = text.trim().trim_start_matches("r#");
    let suggestion = (plain != text && is_identifier(plain)).then(|| plain.to_owned());
    if text.trim() != text {
        return Err(Refusal::new("has white space around it", suggestion));
    }
    if text.starts_with("r#") {
        return Err(Refusal::new("a type name cannot be a raw identifier", suggestion));
    }
    let Some(name) = Identifier::new(text) else {
        let camel = make_identifier(text.to_upper_camel_case());
        return Err(Refusal::new(
            "not a Rust identifier (keywords are not)",
            (is_identifier(&camel) && camel != text).then_some(camel),
        ));
    };
    match warned_of(text) {
        None => Ok(name),
        Some(why) => {
            let quiet = make_identifier(
                compatible(text).chars().filter(|&c| is_identifier_char(c)).collect(),
            );
            Err(Refusal::new(why, (is_identifier(&quiet) && quiet != text).then_some(quiet)))
        }
    }
}

/// The suffix that tells apart variants whose names collide: the code, as an identifier part.
pub fn disambiguator(code_text: &str) -> String {
    let camel = compatible(code_text).to_upper_camel_case();
    // A suffix is never first, so needs nothing else of `make_identifier`.
    composed(camel.chars().filter(|&c| is_identifier_char(c)).collect())
}

/// [`disambiguator`] for many codes, asking heck once per shape of code. An ASCII code's
/// shape is the code with every digit made `0`, every lower-case letter `a` and every
/// upper-case one `A`: a case conversion cannot tell codes of one shape apart (it sees digits
/// and letters, not which), so heck's suffix for the shape says, character by character,
/// what it makes of each code of that shape. Where it drops or adds characters (separators),
/// or the code is not ASCII, heck converts the code itself. On rows of hex codes that mostly
/// repeat a name (the synthetic docs), converting each code was 7% of regen's instructions.
#[derive(Debug, Default)]
pub struct Disambiguators {
    /// Heck's suffix for each shape seen: per character, the case it takes; `None` where the
    /// suffix is not the shape's characters in place.
    shapes: FxHashMap<Vec<u8>, Option<Vec<Case>>>,
}

/// What heck made of one character of a shape.
#[derive(Clone, Copy, Debug)]
enum Case {
    Kept,
    Upper,
    Lower,
}

impl Disambiguators {
    /// [`disambiguator`]`(code_text)`.
    pub fn of(&mut self, code_text: &str) -> String {
        let mut suffix = String::new();
        self.push_to(code_text, &mut suffix);
        suffix
    }

    /// Appends [`disambiguator`]`(code_text)` to `out`, after the name it tells apart: the
    /// name and its suffix are made in one string.
    pub fn push_to(&mut self, code_text: &str, out: &mut String) {
        if !code_text.is_ascii() {
            return out.push_str(&disambiguator(code_text));
        }
        // A usual code's shape is made on the stack: looked up without being allocated, and
        // copied into the map only the first time it is seen.
        let mut buffer = [0; 32];
        let long: Vec<u8>;
        let shape: &[u8] = match buffer.get_mut(..code_text.len()) {
            Some(shape) => {
                shape.iter_mut().zip(code_text.bytes()).for_each(|(to, byte)| *to = shape_of(byte));
                shape
            }
            None => {
                long = code_text.bytes().map(shape_of).collect();
                &long
            }
        };
        if !self.shapes.contains_key(shape) {
            let made = disambiguator(std::str::from_utf8(shape).unwrap_or_default());
            let cases = (made.len() == shape.len())
                .then(|| shape.iter().zip(made.bytes()).map(|(&from, to)| case(from, to)))
                .and_then(|cases| cases.collect());
            self.shapes.insert(shape.to_vec(), cases);
        }
        let Some(cases) = &self.shapes[shape] else {
            return out.push_str(&disambiguator(code_text));
        };
        out.extend(code_text.bytes().zip(cases).map(|(byte, case)| {
            char::from(match case {
                Case::Kept => byte,
                Case::Upper => byte.to_ascii_uppercase(),
                Case::Lower => byte.to_ascii_lowercase(),
            })
        }));
    }
}

/// The character that stands for an ASCII `byte` in a code's shape.
fn shape_of(byte: u8) -> u8 {
    match byte {
        b'0'..=b'9' => b'0',
        b'a'..=b'z' => b'a',
        b'A'..=b'Z' => b'A',
        other => other,
    }
}

/// What heck did to a shape's character `from`, giving `to`; `None` where `to` is another
/// character.
fn case(from: u8, to: u8) -> Option<Case> {
    match (from, to) {
        _ if from == to => Some(Case::Kept),
        (b'a', b'A') => Some(Case::Upper),
        (b'A', b'a') => Some(Case::Lower),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// Each `(text, name)` of `names`: the text's variant name, with no suffix taken off.
    fn assert_variant_names(names: &[(&str, &str)]) {
        for &(text, name) in names {
            assert_eq!(variant_name(text, None), name, "{text}");
        }
    }

    #[test]
    fn the_files_windows_reserves_for_devices_are_told_in_any_case() {
        for file in
            ["aux.rs", "con.rs", "NUL.rs", "prn", "com1.rs", "lpt9.rs", "Com0.rs", "aux.tar.gz"]
        {
            assert!(windows_reserves(file), "{file}");
        }
        for file in [
            "aux_.rs",
            "auxiliary.rs",
            "com.rs",
            "com10.rs",
            "lpt.rs",
            "errors.rs",
            "mod.rs",
            "a.aux",
        ] {
            assert!(!windows_reserves(file), "{file}");
        }
    }

    /// A name as [`variant_name`] made it before [`VariantNames`]: heck on the whole text, its
    /// plural acronyms written as words.
    fn converted_whole(text: &str, suffix: Option<&str>) -> String {
        let text = words_shown(text);
        let text = compatible(without_suffix(&text, suffix));
        let kept: String = text.chars().filter(|&c| !is_apostrophe(c)).collect();
        let camel = plural_acronyms_as_words(&kept).to_upper_camel_case();
        make_identifier(capital_first(camel.chars().filter(|&c| is_identifier_char(c)).collect()))
    }

    /// Name cells of characters heck treats each in its own way: both cases, letters without
    /// case or with a title case (`ǅ`), a final sigma, letters whose case changes their
    /// length (`ß`, `İ`), digits that are not ASCII or not identifier characters (`²`),
    /// separators and apostrophes, and what footnote marks are made of (`[^1]`).
    fn name_cell() -> impl Strategy<Value = String> {
        let chars = "aZqDsÉéßΣσςİǅ日²٣7_- .'’`º\u{301}ﬁＡ＇가[^]:";
        let char = proptest::sample::select(chars.chars().collect::<Vec<_>>());
        proptest::collection::vec(char, 0..24).prop_map(|chars| chars.into_iter().collect())
    }

    proptest! {
        #[test]
        fn names_made_a_run_at_a_time_are_hecks_conversion_of_the_whole(
            cells in proptest::collection::vec(name_cell(), 1..6),
            suffix in proptest::sample::select(vec![None, Some(""), Some("Error"), Some("σ")]),
        ) {
            // One cache for all, so that later cells meet runs converted for earlier ones.
            let mut names = VariantNames::default();
            for cell in &cells {
                let name = names.variant_name(cell, suffix);
                prop_assert_eq!(&name, &converted_whole(cell, suffix));
                prop_assert!(name.is_empty() || is_identifier(&name), "{name:?}");
                prop_assert_eq!(warned_of(&name), None);
            }
        }
    }

    #[test]
    fn an_enum_name_rustc_would_warn_of_is_refused_with_the_name_to_write() {
        let refusal = type_name("Nº").unwrap_err();
        assert!(refusal.reason.contains("uncommon_codepoints"), "{refusal:?}");
        assert_eq!(refusal.suggestion.as_deref(), Some("No"));
        let refusal = type_name("Cafe\u{301}").unwrap_err();
        assert_eq!(refusal.suggestion.as_deref(), Some("Café"));
        assert!(type_name("Érreur").is_ok());
    }

    #[test]
    fn names_are_made_of_text_as_a_reader_sees_it_and_rustc_takes_it_without_a_warning() {
        // `º` is `o` to a reader (NFKC); as written, rustc warns of it (`uncommon_codepoints`).
        assert_eq!(variant_name("Nº Found", None), "NoFound");
        assert_eq!(variant_name("ﬁle Ｔoo Long", None), "FileTooLong");
        // A footnote's mark is no part of the name, as before; a full-width digit is a digit.
        assert_eq!(variant_name("AMI ¹ (Note)", None), "AmiNote");
        assert_eq!(variant_name("CO₂ ① Error２", None), "CoError2");
        assert_eq!(accessor_name("Nº"), "no");
        // A plural acronym is a word, as its singular is (heck made `PrBs`, `IDs`, `i_ds`).
        let plural = "Normal completion (all PRBs received): group DMs, SKUs, API's, userIDs";
        assert_eq!(
            variant_name(plural, None),
            "NormalCompletionAllPrbsReceivedGroupDmsSkusApisUserIds"
        );
        assert_eq!(accessor_name("Affected IDs"), "affected_ids");
        // A first letter rustc warns of is dropped, and the name starts with a capital still.
        assert_eq!(variant_name("\u{1100}as", None), "As");
        // Not a plural acronym: one capital, a word past the `s`, a digit, a lower-case start.
        assert_eq!(variant_name("Is IDsx GBs2 xIDs", None), "IsIDsxGBs2XIds");
        assert_eq!(disambiguator("Aº-1"), "Ao1");
        // An accent typed as its own character is one with its letter; otherwise two rows
        // would make names that differ to the generator and are one to rustc (E0428).
        assert_eq!(variant_name("Cafe\u{301}", None), variant_name("Café", None));
        assert_eq!(variant_name("\u{1100}\u{1161}", None), "\u{ac00}");
        // A case conversion can leave a name decomposed (`ΐ` upper-cased is `Ι` and two
        // accents): composed again, as rustc reads it.
        assert_eq!(variant_name("ΐ", None), "\u{3aa}\u{301}");
        assert_eq!(disambiguator("ΐ"), "\u{3aa}\u{301}");
        // What rustc warns of, and does not, in a name given in the manifest.
        assert_eq!(warned_of("Café"), None);
        assert_eq!(
            warned_of("Aº").as_deref(),
            Some("rustc warns of `º` (U+00BA) in an identifier (`uncommon_codepoints`)")
        );
        assert!(warned_of("Cafe\u{301}").is_some_and(|why| why.contains("NFC")));
    }

    #[test]
    fn each_word_is_converted_once() {
        let mut names = VariantNames::default();
        let made: Vec<String> = ["Input Error", "Video Error", "Input  Timeout", "HTTP Input"]
            .iter()
            .map(|cell| names.variant_name(cell, None))
            .collect();
        assert_eq!(made, ["InputError", "VideoError", "InputTimeout", "HttpInput"]);
        let mut runs: Vec<&str> = names.runs.keys().copied().collect();
        runs.sort_unstable();
        assert_eq!(runs, ["Error", "HTTP", "Input", "Timeout", "Video"]);
    }

    #[test]
    fn a_code_used_as_a_name_is_converted_a_word_at_a_time() {
        let mut names = VariantNames::default();
        let made: Vec<String> = ["AccessDeniedException", "InvalidHTTPRequest", "accessDenied"]
            .iter()
            .map(|cell| names.variant_name(cell, Some("Exception")))
            .collect();
        assert_eq!(made, ["AccessDenied", "InvalidHttpRequest", "AccessDenied"]);
        let mut runs: Vec<&str> = names.runs.keys().copied().collect();
        runs.sort_unstable();
        // `HTTPRequest` stays whole: heck cuts it before `R`, which the cut here does not see.
        assert_eq!(runs, ["Access", "Denied", "HTTPRequest", "Invalid", "access"]);
    }

    #[test]
    fn a_word_of_letters_that_are_not_ascii_is_a_word_as_heck_reads_it() {
        // The case a mutation run shrank to (runs split at ASCII alphanumerics only dropped it).
        for cell in ["É", "Résumé Error", "Ошибка ввода"] {
            assert_eq!(
                VariantNames::default().variant_name(cell, None),
                converted_whole(cell, None)
            );
        }
        assert_eq!(variant_name("Résumé Error", None), "RésuméError");
    }

    #[test]
    fn codes_of_one_shape_get_the_suffix_heck_gives_each() {
        // Every code of up to four characters from these (digits, letters of both cases,
        // separators, a non-ASCII letter), then hex codes, all through one cache.
        let alphabet = ['0', '7', 'a', 'x', 'B', 'F', '_', '-', ' ', 'é'];
        let mut codes = vec![String::new()];
        for length in 1..=4 {
            let shorter: Vec<String> =
                codes.iter().filter(|code| code.chars().count() == length - 1).cloned().collect();
            for code in shorter {
                codes.extend(alphabet.iter().map(|c| format!("{code}{c}")));
            }
        }
        codes.extend((0..3000u32).map(|n| format!("0x{:08X}", n.wrapping_mul(2_654_435_761))));
        codes.extend((0..3000u32).map(|n| format!("0x{:x}", n.wrapping_mul(40_503))));
        codes.extend(
            ["ERR_TIMEOUT", "InvalidParameterException", "HTTP2Error", "aB1cD2"].map(String::from),
        );
        // Shapes made on the stack (up to 32 bytes) and on the heap (longer).
        for length in [31, 32, 33, 80] {
            codes.push("aB3_".repeat(20)[..length].to_owned());
            codes.push("7".repeat(length));
        }
        let mut disambiguators = Disambiguators::default();
        for code in &codes {
            assert_eq!(disambiguators.of(code), disambiguator(code), "{code:?}");
            let mut named = String::from("DiskFull");
            disambiguators.push_to(code, &mut named);
            assert_eq!(named, format!("DiskFull{}", disambiguator(code)), "{code:?}");
        }
        assert!(disambiguators.shapes.len() < codes.len() / 2, "shapes repeat");
    }

    #[test]
    fn mediatailor_exception_names_lose_the_suffix() {
        let names = [
            ("BadRequestException", "BadRequest"),
            ("AccessDeniedException", "AccessDenied"),
            ("NotFoundException", "NotFound"),
            ("ConflictException", "Conflict"),
            ("Gone", "Gone"),
        ];
        for (text, expected) in names {
            assert_eq!(variant_name(text, Some("Exception")), expected, "{text}");
        }
    }

    /// A footnote's mark names nothing, in whichever way the page writes it; words in a
    /// superscript are words.
    #[test]
    fn footnote_marks_are_no_words_of_a_name() {
        for marked in ["Conflict[^2]", "Conflict<sup>1</sup>", "Conflict¹", "Conflict [^note]"] {
            assert_eq!(variant_name(marked, None), "Conflict", "{marked}");
        }
        assert_eq!(variant_name("Not Found Exception[^1]", Some("Exception")), "NotFound");
        assert_eq!(variant_name("Gone<sup>see below</sup>", None), "GoneSeeBelow");
        assert_eq!(variant_name("<sup>1</sup>", None), "");
        // What is left without a mark is read as the page writes it, not for marks again:
        // `[^a]` was never one (the property below found it).
        assert_eq!(variant_name("[²^a]", None), "A");
        assert_eq!(accessor_name("Meaning<sup>1</sup>"), "meaning");
        assert_eq!(accessor_name("Retryable[^a]"), "retryable");
    }

    /// A tag of HTML's shows no word; a `<` that starts none is text.
    #[test]
    fn html_tags_are_no_words_of_a_name() {
        let names = [
            ("H<sub>2</sub>O leak", "H2OLeak"),
            ("<img src=\"warn.png\" alt=\"a > b\"> Disk full", "DiskFull"),
            ("<q>Quoted</q> error", "QuotedError"),
            ("<INPUT type=checkbox> Checked", "Checked"),
            ("Vec<T> overflow", "VecTOverflow"),
            ("a < b", "AB"),
            ("<img src=x", "ImgSrcX"),
        ];
        assert_variant_names(&names);
        assert_eq!(accessor_name("Limit <sub>max</sub>"), "limit_max");
    }

    /// An emoji's shortcode shows a picture, as the emoji it stands for does, and neither is a
    /// word; a colon that starts none is nothing.
    #[test]
    fn emoji_shortcodes_are_no_words_of_a_name() {
        let names = [
            (":warning: Disk full", "DiskFull"),
            ("⚠️ Disk full", "DiskFull"),
            ("Disk full :x:", "DiskFull"),
            ("Error: disk full", "ErrorDiskFull"),
            (":warning:Disk full", "WarningDiskFull"),
        ];
        assert_variant_names(&names);
        assert_eq!(accessor_name(":white_check_mark: Supported"), "supported");
    }

    #[test]
    fn a_name_that_is_only_the_suffix_keeps_it() {
        assert_eq!(variant_name("Exception", Some("Exception")), "Exception");
    }

    #[test]
    fn every_mediaconvert_message_gets_its_spec_name() {
        let names = [
            ("Input Error", "InputError"),
            ("Video Error", "VideoError"),
            ("Audio Error", "AudioError"),
            ("Unsupported Codec", "UnsupportedCodec"),
            ("Settings Error", "SettingsError"),
            ("Acceleration Settings Error", "AccelerationSettingsError"),
            (
                "Job Doesn't Require Enough Processing Power for Accelerated Transcoding",
                "JobDoesntRequireEnoughProcessingPowerForAcceleratedTranscoding",
            ),
            ("Disk Full", "DiskFull"),
            ("File Open Error", "FileOpenError"),
            ("Clipping Error", "ClippingError"),
            ("Demuxer Parse Error", "DemuxerParseError"),
            ("Source Read Error", "SourceReadError"),
            ("MXF Output Error", "MxfOutputError"),
            ("Encryption Error", "EncryptionError"),
            ("Decode Audio Initialization Error", "DecodeAudioInitializationError"),
            ("Permissions Issue", "PermissionsIssue"),
            ("IAM Role Error", "IamRoleError"),
            ("Acceleration Fault", "AccelerationFault"),
            ("Unknown Error", "UnknownError"),
            ("HLS Input Doesn't Meet Requirements", "HlsInputDoesntMeetRequirements"),
            ("HTTP File Access Not Authorized", "HttpFileAccessNotAuthorized"),
            ("HTTP Access Forbidden", "HttpAccessForbidden"),
            ("HTTP File Not Found", "HttpFileNotFound"),
            ("HTTP Upload Error", "HttpUploadError"),
            ("HTTP Server Error", "HttpServerError"),
            ("HTTP Server Connection Error", "HttpServerConnectionError"),
            ("Input Disallowed by Policy", "InputDisallowedByPolicy"),
            ("HTTP Unknown Error", "HttpUnknownError"),
        ];
        assert_variant_names(&names);
    }

    #[test]
    fn typographic_apostrophes_are_dropped_too() {
        assert_eq!(variant_name("Job Doesn’t Fit", None), "JobDoesntFit");
    }

    #[test]
    fn odd_names_become_valid_identifiers() {
        assert_eq!(variant_name("Self", None), "Self_");
        assert_eq!(variant_name("Type", None), "Type");
        assert_eq!(variant_name("match", None), "Match");
        assert_eq!(variant_name("404 Page", None), "_404Page");
        assert_eq!(variant_name("Érreur grave", None), "ÉrreurGrave");
        assert_eq!(variant_name("Input-Error", None), "InputError");
        assert_eq!(variant_name("a ½ b", None), "AB");
        assert_eq!(variant_name("*/ #[x] {}", None), "X");
        assert_eq!(variant_name("???", None), "");
    }

    #[test]
    fn capitalized_names_are_identifiers_exactly_when_syn_says_so() {
        let keywords = ["self", "type", "crate", "super", "gen", "async", "union", "dyn", "try"];
        let capitalized = keywords.map(|keyword| {
            let mut chars = keyword.chars();
            chars.next().unwrap().to_ascii_uppercase().to_string() + chars.as_str()
        });
        let others = ["SELF", "A", "A_b9", "X__", "InputError1010", "Self_", "Z9"];
        // And a capital followed by each character up to U+00FF: the ASCII ones the fast path
        // looks up, the others (their bytes not ASCII) go to syn.
        let each_char: Vec<String> =
            (0..=255u8).map(|byte| format!("A{}b", byte as char)).collect();
        let names = capitalized.iter().chain(&each_char).map(String::as_str).chain(others);
        for name in names {
            let by_syn = syn::parse_str::<syn::Ident>(name).is_ok_and(|ident| ident == name);
            assert_eq!(is_identifier(name), by_syn, "{name:?}");
        }
    }

    #[test]
    fn accessors_are_snake_case_and_keyword_safe() {
        assert_eq!(accessor_name("What To Do"), "what_to_do");
        assert_eq!(accessor_name("Meaning"), "meaning");
        assert_eq!(accessor_name("HTTP Status Code"), "http_status_code");
        assert_eq!(accessor_name("Type"), "r#type");
        assert_eq!(accessor_name("Self"), "self_");
        assert_eq!(accessor_name("Can't reconnect"), "cant_reconnect");
        assert_eq!(accessor_name("2nd try"), "_2nd_try");
    }

    #[test]
    fn module_names_are_plain_snake_case_ascii_and_not_the_crate_roots() {
        for name in ["errors", "media_convert", "v2", "union", "core", "error", "rt"] {
            assert_eq!(module_name(name).map(|n| n.to_string()), Ok(name.to_owned()));
        }
        let refused = [
            ("r#type", "type_"),
            ("type", "type_"),
            (" errors", "errors"),
            ("errors\t", "errors"),
            ("MediaConvert", "media_convert"),
            ("generated", "generated_"),
            ("catalog_core", "catalog_core_"),
            ("gen", "gen_"),
            ("erreurs_é", "erreurs_"),
        ];
        for (name, suggestion) in refused {
            let refusal = module_name(name).unwrap_err();
            assert_eq!(refusal.suggestion.as_deref(), Some(suggestion), "{name}");
        }
    }

    #[test]
    fn enum_names_are_identifiers_as_written() {
        for name in ["ErrorCode", "Option", "str", "u16", "Érreur", "_X"] {
            assert_eq!(type_name(name).map(|n| n.to_string()), Ok(name.to_owned()));
        }
        assert_eq!(type_name("r#Type").unwrap_err().suggestion.as_deref(), Some("Type"));
        assert_eq!(type_name("ErrorCode ").unwrap_err().suggestion.as_deref(), Some("ErrorCode"));
        assert_eq!(type_name("Self").unwrap_err().suggestion.as_deref(), Some("Self_"));
        assert_eq!(type_name("a b").unwrap_err().suggestion.as_deref(), Some("AB"));
    }

    #[test]
    fn camel_case_is_what_rustc_accepts() {
        for name in ["ErrorCode", "IAMError", "_Private", "E2", "Érreur"] {
            assert!(is_camel_case(name), "{name}");
        }
        for name in ["error_code", "str", "Error_Code", "A__B"] {
            assert!(!is_camel_case(name), "{name}");
        }
    }

    #[test]
    fn snake_case_is_what_rustc_accepts() {
        for name in ["details", "what_to_do", "_kind_", "e2", "érreur", "数"] {
            assert!(is_snake_case(name), "{name}");
        }
        for name in ["Details", "REMEDY", "what_To_do", "a__b", "Érreur"] {
            assert!(!is_snake_case(name), "{name}");
        }
    }

    #[test]
    fn identifiers_are_checked_exactly() {
        assert!(is_identifier("r#type") && is_identifier("Type"));
        assert!(!is_identifier(" Type") && !is_identifier("gen") && !is_identifier("Self"));
        assert_eq!(Identifier::new("r#type").unwrap().to_ident().to_string(), "r#type");
    }

    #[test]
    fn disambiguators_come_from_the_code() {
        assert_eq!(disambiguator("1050"), "1050");
        assert_eq!(disambiguator("ACCESS_DENIED"), "AccessDenied");
    }
}
