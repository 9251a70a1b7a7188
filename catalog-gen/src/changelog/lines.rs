//! Each change of an enum worded, for the terminal and for a changelog's Markdown, with the
//! Keep a Changelog section it belongs in.

use super::{EnumChanges, Row};
use crate::rustdoc::{code_span, code_spans, one_line};

/// Keep a Changelog's kinds of change, in the order its sections take: the headings regen
/// writes (the first four, [`Kind`]) and those a user may have written.
pub(super) const KIND_HEADINGS: [&str; 6] =
    ["Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"];

/// The Keep a Changelog section a change belongs in; a kind's value is its place in
/// [`KIND_HEADINGS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Added = 0,
    Changed = 1,
    Deprecated = 2,
    Removed = 3,
}

impl Kind {
    /// Its section's heading.
    pub(super) fn heading(self) -> &'static str {
        KIND_HEADINGS[self as usize]
    }
}

/// One change, for the terminal and for Markdown.
pub(super) struct Line {
    /// The section it belongs in.
    pub(super) kind: Kind,
    /// As the terminal shows it.
    pub(super) text: String,
    /// As a changelog file's entry has it, after the enum's path.
    pub(super) markdown: String,
}

/// Every change of an enum, in a fixed order.
pub(super) fn lines(change: &EnumChanges) -> Vec<Line> {
    let mut out = Vec::new();
    let mut push = |kind, text: String, markdown: String| out.push(Line { kind, text, markdown });
    if change.added_enum {
        push(Kind::Added, "new enum".into(), "new enum".into());
    }
    if change.removed_enum {
        push(Kind::Removed, "enum removed".into(), "enum removed (**breaking**)".into());
    }
    for row in &change.added {
        push(Kind::Added, format!("added: {}", row.text()), format!("added {}", row.markdown()));
    }
    for row in &change.unretired {
        let text = format!("un-retired: {} (documented again)", row.text());
        push(
            Kind::Added,
            text,
            format!("{} is documented again, no longer retired", row.markdown()),
        );
    }
    for accessor in &change.added_accessors {
        push(
            Kind::Added,
            format!("added method: {accessor}()"),
            format!("added method `{accessor}()`"),
        );
    }
    if change.added_discriminants && !change.sorts_otherwise {
        let text = "codes are now the discriminants (`as` gives the code)";
        push(Kind::Added, text.into(), text.into());
    }
    if let Some(was) = &change.renamed_from {
        let text = format!("renamed from {was}");
        push(Kind::Changed, text, format!("renamed from `{was}` (**breaking**)"));
    }
    if let Some(module) = &change.moved_from {
        let text = format!("moved from the module {module}");
        let markdown = format!("moved from the module `{module}` (**breaking**)");
        push(Kind::Changed, text, markdown);
    }
    if let Some((old, new)) = &change.code_type_changed {
        let text = format!("codes are {new}, not {old}");
        let markdown = format!("codes are `{new}`, not `{old}` (**breaking**)");
        push(Kind::Changed, text, markdown);
    }
    if let Some((old, new)) = change.code_radix_changed {
        let text = format!("codes are read in base {new}, not {old}");
        push(Kind::Changed, text.clone(), format!("{text} (**breaking**)"));
    }
    if change.added_discriminants && change.sorts_otherwise {
        let text = "codes are now the discriminants (`as` gives the code, and `Ord` sorts by \
                    code, not in the page's order)";
        push(Kind::Changed, text.into(), format!("{text} (**breaking**)"));
    }
    if change.dropped_discriminants {
        let text = match change.sorts_otherwise {
            true => {
                "codes are no longer the discriminants (`as` no longer gives the code, and \
                 `Ord` sorts in the page's order, not by code)"
            }
            false => "codes are no longer the discriminants (`as` no longer gives the code)",
        };
        push(Kind::Changed, text.into(), format!("{text} (**breaking**)"));
    }
    if !change.reordered.is_empty() {
        let variants = change.reordered.join(", ");
        let list = code_spans(&change.reordered);
        // Where the discriminants changed, their line says how `Ord` changed.
        let (text, markdown) = if change.sorts_otherwise
            && !change.added_discriminants
            && !change.dropped_discriminants
        {
            (
                format!("reordered: {variants} (ALL and Ord follow the page's order)"),
                format!(
                    "{list} moved in the page's order, which `ALL` and the derived `Ord` \
                     follow (**breaking**)"
                ),
            )
        } else {
            (
                format!("reordered in ALL: {variants}"),
                format!("{list} moved in the page's order, which `ALL` follows"),
            )
        };
        push(Kind::Changed, text, markdown);
    }
    for (old, row) in &change.renamed {
        let text = format!("renamed: {old} -> {}", row.text());
        let markdown = format!("`{old}` renamed to {} (**breaking**)", row.markdown());
        push(Kind::Changed, text, markdown);
    }
    for code in &change.newly_shared {
        let text = format!(
            "code {code} now shared: from_code({code}) finds none of its rows, and serde writes \
             them by name (a value written as {code} no longer reads back)"
        );
        let markdown = format!(
            "code {} now shared by several rows: `from_code` finds none of them, and serde \
             writes them by name, so a value written by code no longer reads back (**breaking**)",
            code_span(code)
        );
        push(Kind::Changed, text, markdown);
    }
    for name in &change.newly_shared_names {
        let text = format!(
            "name {name:?} now shared: from_name({name:?}) and parsing it find none of its rows"
        );
        let markdown = format!(
            "name {} now shared by several rows: `from_name` and `FromStr` find none of them \
             (**breaking**)",
            code_span(name)
        );
        push(Kind::Changed, text, markdown);
    }
    if let Some((was, now)) = &change.help_changed {
        let markdown = match (was, now) {
            (_, None) => "`help()` no longer answers (no help column)".to_owned(),
            (None, Some(now)) => format!("`help()` now answers from the column {}", code_span(now)),
            (Some(was), Some(now)) => format!(
                "`help()` answers from the column {}, not {}",
                code_span(now),
                code_span(was)
            ),
        };
        push(Kind::Changed, markdown.replace('`', ""), markdown);
    }
    if let Some((was, now)) = &change.title_changed {
        let text = format!("title changed from {} to {}", code_span(was), code_span(now));
        push(Kind::Changed, format!("title changed: {was:?} -> {now:?}"), text);
    }
    if let Some((was, now)) = &change.url_changed {
        let markdown = format!("URL changed from <{was}> to <{now}> (`url()`)");
        push(Kind::Changed, format!("URL changed: {was} -> {now}"), markdown);
    }
    if let Some((was, now)) = &change.page_moved {
        let markdown = format!("source page moved from {} to {}", code_span(was), code_span(now));
        push(Kind::Changed, format!("source page moved: {was} -> {now}"), markdown);
    }
    for (was, now) in &change.headers_rewritten {
        let markdown = format!("column {} now headed {}", code_span(was), code_span(now));
        push(Kind::Changed, format!("column {was:?} now headed {now:?}"), markdown);
    }
    if change.columns_reordered {
        let text = "columns in another order (`TABLE.headers` and each row's cells follow it)";
        push(Kind::Changed, text.replace('`', ""), text.into());
    }
    for (row, old) in &change.rewritten {
        let text = format!("code written otherwise: {} was written {}", row.text(), one_line(old));
        let markdown =
            format!("code of {} written otherwise, was {}", row.markdown(), code_span(old));
        push(Kind::Changed, text, markdown);
    }
    for (row, old) in &change.recoded {
        let text = format!("code changed: {} was {}", row.text(), one_line(old));
        let markdown = format!("{} had the code {} (**breaking**)", row.markdown(), code_span(old));
        push(Kind::Changed, text, markdown);
    }
    for (row, old, new) in &change.names {
        let text = format!("name changed: {} {old:?} -> {new:?}", row.text());
        let markdown = format!(
            "name of {} changed from {} to {} (`from_name` and name-based serde see it)",
            row.markdown(),
            code_span(old),
            code_span(new)
        );
        push(Kind::Changed, text, markdown);
    }
    for (column, variants) in &change.text {
        let rows = if variants.len() == 1 { "row" } else { "rows" };
        let text =
            format!("{column} text changed in {} {rows}: {}", variants.len(), variants.join(", "));
        let markdown =
            format!("{column} text changed in {} {rows}: {}", variants.len(), code_spans(variants));
        push(Kind::Changed, text, markdown);
    }
    if change.documentation_changed {
        // What the snapshot does not record is named, as far as regen can tell: it sees only
        // that the module's file changed.
        let text = "documentation or code changed, not the API nor any cell's text (the page's \
                    prose; links, formatting or anchors in cells; the manifest's `layout`; \
                    another catalog-gen)";
        push(Kind::Changed, text.into(), text.into());
    }
    for row in &change.uncrossed {
        let text = format!("no longer crossed out: {} (no longer deprecated)", row.text());
        let markdown = format!("{} no longer crossed out in the documentation", row.markdown());
        push(Kind::Changed, text, markdown);
    }
    for row in &change.crossed_out {
        let text = format!("crossed out: {} (deprecated, still found)", row.text());
        let markdown = format!("{} crossed out in the documentation, deprecated", row.markdown());
        push(Kind::Deprecated, text, markdown);
    }
    for row in &change.retired {
        let text = format!("retired: {} (deprecated, still found)", row.text());
        let markdown =
            format!("{} retired: no longer in the documentation, deprecated", row.markdown());
        push(Kind::Deprecated, text, markdown);
    }
    for row in &change.removed {
        push(
            Kind::Removed,
            format!("removed: {}", row.text()),
            format!("{} removed (**breaking**)", row.markdown()),
        );
    }
    for accessor in &change.removed_accessors {
        let markdown = format!("method `{accessor}()` removed (**breaking**)");
        push(Kind::Removed, format!("removed method: {accessor}()"), markdown);
    }
    out
}

impl Row {
    /// The row as the terminal shows it: its code on the line, as in Markdown (a code of
    /// several lines, `E_POINTER<br>0x80004003`, broke the change's line).
    fn text(&self) -> String {
        format!("{} ({})", self.variant, one_line(&self.code))
    }

    fn markdown(&self) -> String {
        format!("{} ({})", code_span(&self.variant), code_span(&self.code))
    }
}
