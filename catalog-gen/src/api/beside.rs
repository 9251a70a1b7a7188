//! The old snapshot read back beside the new API, as far as the two differ ([`Differing`]):
//! the lines both start and end with are matched by place, and only those between are parsed.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::{self, Read, Seek};
use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use super::snapshot::{Line, VARIANTS_START, enum_lines, is_variant, push_variant_line};
use super::{CatalogApi, Differing, EnumApi, VariantApi};
use crate::changelog;
use crate::int_code::IntValue;
use crate::scan;
use crate::two_ends::{Lines, TwoEnds};

impl CatalogApi {
    /// Reads the snapshot `old` back, beside the snapshot `new_api` writes, as far as the two
    /// differ ([`Differing`]): a variant whose line is in both (same name, code, name cell,
    /// cells and retirement: the snapshot writes each variant on one line, deterministically)
    /// changes nothing for users and is left out of both; only the other lines are parsed.
    /// Neither snapshot is held whole: at 100k rows a snapshot is tens of megabytes of TOML,
    /// and a docs update changes a few lines of it. `old` is read a line at a time from its
    /// start and from its end, as long as its lines are the new snapshot's, and only the lines
    /// between are read whole; the new snapshot's lines are made from `new_api` one at a time
    /// where they are compared.
    ///
    /// Where anything besides variant lines differs (an enum's columns, accessors, the enums),
    /// or a variant left out has the name of one kept from `old` (a snapshot edited by hand),
    /// the whole snapshot is read and parsed, and both APIs are whole. Either way the breaks
    /// and the changelog are those of `from_snapshot(old)` and `new_api` (tested).
    pub fn from_snapshot_beside(
        old: impl Read + Seek,
        new_api: &CatalogApi,
    ) -> Result<Differing<'_>, String> {
        Self::read_beside(old, new_api, None::<io::Cursor<&[u8]>>)
    }

    /// [`from_snapshot_beside`](Self::from_snapshot_beside), where the snapshot `new_api`
    /// writes is already `written` (regen stages it before it reviews it): the new lines
    /// compared are read from it, not made from `new_api` again. Lines made cost more than
    /// lines read: at 200k rows, making them took a fifth of a second.
    pub fn from_snapshot_beside_written(
        old: impl Read + Seek,
        new_api: &CatalogApi,
        written: impl Read + Seek,
    ) -> Result<Differing<'_>, String> {
        Self::read_beside(old, new_api, Some(written))
    }

    /// [`from_snapshot_beside`](Self::from_snapshot_beside), with the new snapshot's lines
    /// read from `written` where it is given.
    fn read_beside(
        old: impl Read + Seek,
        new_api: &CatalogApi,
        written: Option<impl Read + Seek>,
    ) -> Result<Differing<'_>, String> {
        let io = |error: io::Error| error.to_string();
        let skeleton = new_api.snapshot_skeleton();
        let new_lines = new_api.snapshot_lines(&skeleton);
        // The lines the two snapshots start and end with alike are the same lines in the same
        // places, read a piece at a time and matched by place. Only the lines between (a few,
        // for a docs update) are read whole and looked up by their text, hundreds of bytes
        // each to hash.
        let mut old = TwoEnds::new(old).map_err(io)?;
        // Where the written snapshot cannot be read (or `old` cannot: it is read again below),
        // the new lines are made instead.
        let written = written
            .and_then(|written| ends_beside_written(&mut old, &new_lines, written).ok().flatten());
        let ends = match written {
            Some(ends) => ends,
            None => ends_beside_made(&mut old, &new_lines).map_err(io)?,
        };
        let Ends { prefix, suffix, middle: Range { start: middle_start, end: middle_end } } = ends;
        let middle = old.read_between(middle_start, middle_end).map_err(io)?;
        let first_enum = prefix.checked_sub(1).and_then(|last| new_lines[last].0);
        let old_middle: Vec<Line<'_>> = enum_lines(&middle, first_enum).collect();
        let new_middle = &new_lines[prefix..new_lines.len() - suffix];
        // Lines matched by place are alike but for comments, so anything besides variant
        // lines differs (an enum's columns, accessors, the enums) only where the middles do:
        // then the whole snapshot is parsed.
        let structure = old_middle.iter().map(|&(_, line)| line);
        let structure = structure.filter(|line| !line.starts_with('#') && !is_variant(line));
        let new_structure = texts(new_middle).filter(|text| !text.starts_with('#'));
        if !structure.eq(new_structure) {
            let whole = Self::from_snapshot(&old.read_whole().map_err(io)?)?;
            return Ok(Differing::whole(whole, new_api));
        }
        let by_text: FxHashMap<(Option<usize>, String), &VariantApi> = variants_of(new_middle)
            .map(|(enum_index, variant)| ((enum_index, variant_line(variant)), variant))
            .collect();
        let middle_lines: Vec<(Option<usize>, &str, Option<&VariantApi>)> = old_middle
            .iter()
            .map(|&(enum_index, line)| {
                (enum_index, line, by_text.get(&(enum_index, line.to_owned())).copied())
            })
            .collect();
        // The old snapshot without the lines the new one has (its lines matched by place are
        // the new one's): small, parsed as usual.
        let (new_before, new_after) =
            (&new_lines[..prefix], &new_lines[new_lines.len() - suffix..]);
        let unmatched = middle_lines.iter().filter(|(_, _, in_new)| in_new.is_none());
        let unmatched = unmatched.map(|&(_, line, _)| line);
        let mut rest = String::new();
        for line in texts(new_before).chain(unmatched).chain(texts(new_after)) {
            rest.push_str(line);
            rest.push('\n');
        }
        // The old snapshot's own variants, with every enum's head (the same as the new one's).
        let kept_old = match Self::from_snapshot(&rest) {
            Ok(kept) => kept,
            // Its error would name a line of `rest`; the whole snapshot's names the file's.
            Err(_) => {
                let whole = Self::from_snapshot(&old.read_whole().map_err(io)?)?;
                return Ok(Differing::whole(whole, new_api));
            }
        };
        // Lines matched by their text are left out of both sides, and with them where they
        // were: which variants moved is found here.
        let moved = middle_moves(&middle_lines, &kept_old, new_api, new_middle);
        // The new middle's variants that no old line matched, by enum: every other new
        // variant (the ends' and the middle's matched ones) is in both.
        let matched: FxHashSet<*const VariantApi> = middle_lines
            .iter()
            .filter_map(|&(_, _, in_new)| Some(std::ptr::from_ref(in_new?)))
            .collect();
        let mut kept_new: Vec<Vec<&VariantApi>> = vec![Vec::new(); new_api.enums.len()];
        for (enum_index, variant) in variants_of(new_middle) {
            if let Some(index) =
                enum_index.filter(|_| !matched.contains(&std::ptr::from_ref(variant)))
            {
                kept_new[index].push(variant);
            }
        }
        let mut shared_rows = BTreeMap::new();
        for ((name, new_enum), kept) in new_api.enums.iter().zip(&kept_new) {
            let old_variants = kept_old.enums.get(name).map_or(&[][..], |api| &api.variants[..]);
            match shared_in(new_enum, kept, old_variants) {
                Some(rows) if !rows.is_empty() => drop(shared_rows.insert(name.clone(), rows)),
                Some(_) => {}
                // A variant both have is named as one the old snapshot has besides: only the
                // whole APIs say which of the two each lookup by name finds.
                None => {
                    let whole = Self::from_snapshot(&old.read_whole().map_err(io)?)?;
                    return Ok(Differing::whole(whole, new_api));
                }
            }
        }
        let enums = new_api.enums.iter().zip(kept_new).map(|((name, api), kept)| {
            let variants = kept.into_iter().cloned().collect();
            (name.clone(), EnumApi { variants, ..api.head() })
        });
        let new = CatalogApi { enums: enums.collect() };
        Ok(Differing { old: kept_old, new: Cow::Owned(new), shared_rows, moved: Some(moved) })
    }
}

/// Enum by enum, the variants both the old snapshot's middle (`middle_lines`, each with the
/// new variant its text matched; those no line matched are `kept_old`'s, in order) and the new
/// one's (`new_middle`) have that moved among them ([`changelog::order::moved_among`]); enums
/// without any left out. The lines before and after the middles are the same on both sides,
/// so these are the variants that moved among all that both APIs have.
fn middle_moves(
    middle_lines: &[(Option<usize>, &str, Option<&VariantApi>)],
    kept_old: &CatalogApi,
    new_api: &CatalogApi,
    new_middle: &[(Option<usize>, NewLine<'_>)],
) -> BTreeMap<String, Vec<String>> {
    // Both sides have every enum, in the same order (their structure is the same).
    let names: Vec<&String> = new_api.enums.keys().collect();
    let mut unmatched: Vec<std::slice::Iter<'_, VariantApi>> = names
        .iter()
        .map(|name| kept_old.enums.get(*name).map_or(&[][..], |api| &api.variants[..]).iter())
        .collect();
    let (mut old_order, mut new_order) =
        (vec![Vec::new(); names.len()], vec![Vec::new(); names.len()]);
    for &(enum_index, line, in_new) in middle_lines {
        let Some(enum_index) = enum_index.filter(|_| is_variant(line)) else { continue };
        let variant = in_new.or_else(|| unmatched.get_mut(enum_index)?.next());
        if let (Some(variant), Some(order)) = (variant, old_order.get_mut(enum_index)) {
            order.push((variant.variant.as_str(), variant.retired));
        }
    }
    for (enum_index, variant) in variants_of(new_middle) {
        if let Some(order) = enum_index.and_then(|index| new_order.get_mut(index)) {
            order.push((variant.variant.as_str(), variant.retired));
        }
    }
    let moved = names
        .into_iter()
        .zip(old_order.iter().zip(&new_order))
        .map(|(name, (old, new))| (name.clone(), changelog::order::moved_among(old, new)));
    moved.filter(|(_, moved)| !moved.is_empty()).collect()
}

/// The rows of the variants both APIs have that a key of a changed variant may name, for one
/// enum: `variants` are the new enum's, `kept` those of them no old line matched, `old` the
/// old enum's that no new line matched; every other new variant is in both. Each such variant
/// whose code (as written, or its number) or name is a code or name of `kept` or `old`, as
/// its code and name: what a key a help gives for a changed row must be counted against
/// (the other rows are never named by such a key; whether codes are numbers is the table's,
/// which the snapshot does not say, so both are taken).
/// `None` where a variant in both has the name of one of `old`: the old snapshot names that
/// row twice.
fn shared_in(
    new_enum: &EnumApi,
    kept: &[&VariantApi],
    old: &[VariantApi],
) -> Option<Vec<(String, String)>> {
    if kept.is_empty() && old.is_empty() {
        return Some(Vec::new());
    }
    let old_names: FxHashSet<&str> = old.iter().map(|v| v.variant.as_str()).collect();
    let changed = || old.iter().chain(kept.iter().copied());
    let texts: FxHashSet<&str> =
        changed().flat_map(|v| [v.code.as_str(), v.name.as_str()]).collect();
    let codes = new_enum.codes();
    let numbers: FxHashSet<IntValue> = texts.iter().filter_map(|text| codes.value(text)).collect();
    let kept: FxHashSet<*const VariantApi> = kept.iter().map(|&v| std::ptr::from_ref(v)).collect();
    let mut shared = Vec::new();
    for variant in &new_enum.variants {
        if kept.contains(&std::ptr::from_ref(variant)) {
            continue;
        }
        if old_names.contains(variant.variant.as_str()) {
            return None;
        }
        let by_number = codes.value(&variant.code).is_some_and(|n| numbers.contains(&n));
        if by_number
            || texts.contains(variant.code.as_str())
            || texts.contains(variant.name.as_str())
        {
            shared.push((variant.code.clone(), variant.name.clone()));
        }
    }
    Some(shared)
}

/// Where the old snapshot's lines are the new one's in the same places: the first `prefix`
/// lines, up to `middle.start`, and the last `suffix`, from `middle.end`.
struct Ends {
    prefix: usize,
    suffix: usize,
    middle: Range<u64>,
}

/// Where `old`'s lines are the new snapshot's (`new_lines`), made where they are compared.
fn ends_beside_made(
    old: &mut TwoEnds<impl Read + Seek>,
    new_lines: &[(Option<usize>, NewLine<'_>)],
) -> io::Result<Ends> {
    let mut made = String::new();
    let (prefix, start) = old.same_from_start(|at, line| {
        Ok(new_lines
            .get(at)
            .is_some_and(|(_, new)| same_line(line, new.text(&mut made).as_bytes())))
    })?;
    let after_prefix = new_lines.len() - prefix;
    let (suffix, end) = old.same_from_end(start, |back, line| {
        if back >= after_prefix {
            return Ok(false);
        }
        let new = &new_lines[new_lines.len() - 1 - back].1;
        Ok(same_line(line, new.text(&mut made).as_bytes()))
    })?;
    Ok(Ends { prefix, suffix, middle: start..end })
}

/// Where `old`'s lines are those of the new snapshot `written`, read from it where they are
/// compared; `None` where `written` is not line for line the snapshot whose lines are
/// `new_lines` (a header of other lines), for the lines to be made instead.
fn ends_beside_written(
    old: &mut TwoEnds<impl Read + Seek>,
    new_lines: &[(Option<usize>, NewLine<'_>)],
    written: impl Read + Seek,
) -> io::Result<Option<Ends>> {
    let mut written = TwoEnds::new(written)?;
    let mut new_forward = written.lines_from_start()?;
    let mut new_start = 0;
    let (prefix, start) = old.same_from_start(|_, line| {
        let same = new_forward.next_line()?.is_some_and(|new| same_line(line, new));
        if same {
            new_start = new_forward.offset();
        }
        Ok(same)
    })?;
    let Some(after_prefix) = new_lines.len().checked_sub(prefix) else { return Ok(None) };
    let mut new_backward = written.lines_from_end(new_start);
    let mut new_end = new_backward.offset();
    let (suffix, end) = old.same_from_end(start, |back, line| {
        let same = back < after_prefix
            && new_backward.next_line()?.is_some_and(|new| same_line(line, new));
        if same {
            new_end = new_backward.offset();
        }
        Ok(same)
    })?;
    // The lines matched stand for `new_lines` in the same places only where the written
    // text has as many lines.
    let new_middle = written.read_between(new_start, new_end)?;
    let lines = prefix + scan::lines_without_ends(&new_middle).count() + suffix;
    Ok((lines == new_lines.len()).then_some(Ends { prefix, suffix, middle: start..end }))
}

/// Whether the old snapshot's `old` line and the new one's `new`, at the same place, are the
/// same line: the same text, or both comments, which say nothing of the API (the header of
/// the new lines made from an API names nothing).
fn same_line(old: &[u8], new: &[u8]) -> bool {
    match new.first() {
        Some(b'#') => old.starts_with(b"#"),
        _ => old == new,
    }
}

/// The lines of `lines` that are not variants'.
fn texts<'s>(lines: &'s [(Option<usize>, NewLine<'s>)]) -> impl Iterator<Item = &'s str> {
    lines.iter().filter_map(|&(_, line)| match line {
        NewLine::Text(text) => Some(text),
        NewLine::Variant(_) => None,
    })
}

/// The variants of `lines`, with their enums.
fn variants_of<'s>(
    lines: &'s [(Option<usize>, NewLine<'s>)],
) -> impl Iterator<Item = (Option<usize>, &'s VariantApi)> {
    lines.iter().filter_map(|&(enum_index, line)| match line {
        NewLine::Variant(variant) => Some((enum_index, variant)),
        NewLine::Text(_) => None,
    })
}

/// A line of the snapshot an API writes, made only when it is looked at.
#[derive(Clone, Copy)]
enum NewLine<'a> {
    /// A line of the snapshot's skeleton ([`CatalogApi::snapshot_skeleton`]).
    Text(&'a str),
    /// A variant's line.
    Variant(&'a VariantApi),
}

impl NewLine<'_> {
    /// The line's text, without its end; a variant's made in `made`.
    fn text<'s>(&'s self, made: &'s mut String) -> &'s str {
        match *self {
            NewLine::Text(text) => text,
            NewLine::Variant(variant) => {
                made.clear();
                push_variant_line(made, variant);
                made.trim_end_matches('\n')
            }
        }
    }
}

/// A variant's line, without its end.
fn variant_line(variant: &VariantApi) -> String {
    let mut line = String::new();
    push_variant_line(&mut line, variant);
    line.pop();
    line
}

impl CatalogApi {
    /// The snapshot this API writes without its variants' lines, and with a header of
    /// comments that name nothing: what [`CatalogApi::snapshot_lines`] reads.
    fn snapshot_skeleton(&self) -> String {
        self.snapshot_layout("", "", |_, _, _| {}).to_string()
    }

    /// The lines of the snapshot this API writes, with their enums as [`enum_lines`] gives
    /// them: the `skeleton`'s, with each enum's variants after its `variants = [` line.
    fn snapshot_lines<'s>(&'s self, skeleton: &'s str) -> Vec<(Option<usize>, NewLine<'s>)> {
        let enums: Vec<&EnumApi> = self.enums.values().collect();
        // Room for every line at once: at 200k rows they are megabytes, and a vector grown by
        // doubling would take about twice that in fresh memory, copying as it goes.
        let variants: usize = enums.iter().map(|api| api.variants.len()).sum();
        let mut lines = Vec::with_capacity(skeleton.lines().count() + variants);
        for (enum_index, line) in enum_lines(skeleton, None) {
            lines.push((enum_index, NewLine::Text(line)));
            if let (Some(index), VARIANTS_START) = (enum_index, line) {
                let variants = enums[index].variants.iter();
                lines.extend(variants.map(|variant| (enum_index, NewLine::Variant(variant))));
            }
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::sample as api;
    use crate::changelog::Changelog;
    use crate::stability::{self, Break};

    /// What the break gate and the changelog make of `differing`.
    fn review(differing: &Differing<'_>) -> (Vec<Break>, Changelog) {
        let breaks = stability::breaks_between(differing, &Default::default());
        let changelog = Changelog::of_differing(differing, breaks);
        (stability::breaks_between(differing, &Default::default()), changelog)
    }

    #[test]
    fn read_beside_the_new_snapshot_the_old_api_reviews_as_when_read_alone() {
        let edit = |change: &dyn Fn(&mut EnumApi)| {
            let mut api = api();
            change(api.enums.get_mut("ErrorCode").unwrap());
            api
        };
        let variant = |name: &str, code: &str| VariantApi {
            variant: name.into(),
            code: code.into(),
            name: name.into(),
            cells: vec![code.into(), name.into(), "x".into()].into(),
            retired: false,
            crossed_out: false,
        };
        // Rows in the second enum too: lines after a change are matched where they moved to.
        let two = |change: &dyn Fn(&mut EnumApi, &mut EnumApi)| {
            let mut api = api();
            let mut other = api.enums.remove("Érreur").unwrap();
            other.variants = vec![variant("A", "1"), variant("B", "2"), variant("C", "3")];
            change(api.enums.get_mut("ErrorCode").unwrap(), &mut other);
            api.enums.insert("Érreur".to_owned(), other);
            api
        };
        let cases = [
            two(&|_, _| {}),
            two(&|first, _| std::sync::Arc::make_mut(&mut first.variants[1].cells)[2] = "y".into()),
            two(&|_, other| std::sync::Arc::make_mut(&mut other.variants[2].cells)[2] = "y".into()),
            two(&|first, other| {
                first.variants.push(variant("Added", "7"));
                other.variants[1].name = "b".into();
            }),
            two(&|first, other| {
                first.variants.remove(0);
                other.variants.remove(0);
            }),
            api(),
            edit(&|e| {
                std::sync::Arc::make_mut(&mut e.variants[1].cells)[2] = "another \"text\"".into()
            }),
            edit(&|e| e.variants.push(variant("Added", "7"))),
            edit(&|e| e.variants.insert(0, variant("First", "0"))),
            edit(&|e| drop(e.variants.remove(1))),
            edit(&|e| e.variants[0].variant = "InputError1010".into()),
            edit(&|e| e.variants[0].name = "Input error".into()),
            edit(&|e| e.variants[0].code = "1011".into()),
            edit(&|e| e.variants[2].retired = true),
            edit(&|e| e.variants.reverse()),
            edit(&|e| e.columns[2] = "Kind".into()),
            edit(&|e| e.discriminants = Some(false)),
            edit(&|e| e.accessors.pop().map(drop).unwrap_or(())),
            CatalogApi::default(),
            // Rows that share a code: a pin is keyed by the name of a row removed or renamed.
            two(&|_, other| other.variants[2].code = "1".into()),
            two(&|_, other| drop(other.variants.remove(0))),
            two(&|_, other| {
                other.variants[2].code = "1".into();
                other.variants[0].variant = "A1".into();
            }),
            // A code that a row both have names: a pin is keyed by the removed row's name.
            two(&|_, other| other.variants[1].name = "3".into()),
            two(&|_, other| {
                other.variants[1].name = "3".into();
                other.variants.remove(2);
            }),
            // A row added with a code a row both have had alone: rows now share it.
            two(&|_, other| other.variants.push(variant("D", "1"))),
            two(&|first, other| {
                first.variants.push(variant("Added", "1010"));
                other.variants.push(variant("D", "01"));
            }),
            // A row added with a name a row both have had alone: rows now share it.
            two(&|_, other| {
                other.variants.push(VariantApi { name: "B".into(), ..variant("B9", "9") })
            }),
            two(&|first, other| {
                first
                    .variants
                    .push(VariantApi { name: "Input Error".into(), ..variant("Added", "7") });
                other.variants[2].name = "A".into();
            }),
            // A code written otherwise; a row added with a code a row has, written otherwise
            // (`0x3F2` is `1010`).
            edit(&|e| e.variants[0].code = "01010".into()),
            edit(&|e| e.variants.push(variant("Added", "0x3F2"))),
            // Rows in another order, edited or not; where codes are not the discriminants,
            // the derived `Ord` follows the page.
            two(&|_, other| other.variants.swap(0, 2)),
            two(&|_, other| {
                other.variants.swap(0, 1);
                std::sync::Arc::make_mut(&mut other.variants[0].cells)[2] = "y".into();
            }),
            edit(&|e| e.variants.rotate_left(1)),
            edit(&|e| {
                e.discriminants = Some(false);
                e.variants.rotate_right(1);
            }),
            // A removed row's code that new rows took: it is retired by its name.
            two(&|_, other| {
                other.variants.remove(2);
                other.variants.extend([variant("D", "3"), variant("E", "3")]);
            }),
        ];
        // A snapshot edited by hand that names a variant twice.
        let mut twice = cases[0].clone();
        let first = &mut twice.enums.get_mut("Érreur").unwrap().variants;
        first.push(VariantApi { code: "9".into(), ..first[0].clone() });
        for old in cases.iter().chain([&twice]) {
            for new in &cases {
                let old_text = old.to_snapshot("d/c.toml", "x");
                let new_text = new.to_snapshot("d/c.toml", "x");
                let full = CatalogApi::from_snapshot(&old_text).unwrap();
                let expected = review(&Differing::whole(full.clone(), new));
                assert_eq!(expected.0, stability::breaks(&full, new));
                let beside =
                    CatalogApi::from_snapshot_beside(io::Cursor::new(&old_text), new).unwrap();
                assert_eq!(review(&beside), expected, "{old_text}\n{new_text}");
                // Beside the API whose row it names twice, neither line says which one the
                // new row is: both APIs are whole.
                if std::ptr::eq(old, &twice) && std::ptr::eq(new, &cases[0]) {
                    assert_eq!(beside, Differing::whole(full.clone(), new));
                }
                // Beside the new snapshot as written; one whose header has a line more than
                // the one `new` makes is not line for line its snapshot.
                for written in [new_text.clone(), new.to_snapshot("d/\nc.toml", "x")] {
                    let read = CatalogApi::from_snapshot_beside_written(
                        io::Cursor::new(&old_text),
                        new,
                        io::Cursor::new(&written),
                    );
                    assert_eq!(review(&read.unwrap()), expected, "{old_text}\n{written}");
                }
            }
        }
        // A written snapshot that cannot be read leaves the lines to be made.
        struct Unreadable;
        impl Read for Unreadable {
            fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
                Err(io::ErrorKind::Other.into())
            }
        }
        impl Seek for Unreadable {
            fn seek(&mut self, _: io::SeekFrom) -> io::Result<u64> {
                Ok(1)
            }
        }
        let old_text = cases[0].to_snapshot("c", "x");
        let read = CatalogApi::from_snapshot_beside_written(
            io::Cursor::new(&old_text),
            &cases[1],
            Unreadable,
        );
        let made = CatalogApi::from_snapshot_beside(io::Cursor::new(&old_text), &cases[1]);
        assert_eq!(read.unwrap(), made.unwrap());
        // The written snapshot stands for the lines made only where it has as many.
        let mut old = TwoEnds::new(io::Cursor::new(cases[0].to_snapshot("c", "x"))).unwrap();
        let skeleton = cases[1].snapshot_skeleton();
        let lines = cases[1].snapshot_lines(&skeleton);
        for (header, line_for_line) in [("c", true), ("d/\nc.toml", false)] {
            let written = io::Cursor::new(cases[1].to_snapshot(header, "x"));
            let ends = ends_beside_written(&mut old, &lines, written).unwrap();
            assert_eq!(ends.is_some(), line_for_line, "{header:?}");
        }
        // One cell changed: only its row is kept, on either side, with every enum's head.
        let old = cases[0].to_snapshot("c", "x");
        let beside = CatalogApi::from_snapshot_beside(io::Cursor::new(&old), &cases[1]).unwrap();
        let rows = |api: &CatalogApi| -> Vec<(String, Vec<String>)> {
            let names = |e: &EnumApi| e.variants.iter().map(|v| v.variant.clone()).collect();
            api.enums.iter().map(|(name, e)| (name.clone(), names(e))).collect()
        };
        let changed = cases[1].enums["ErrorCode"].variants[1].variant.clone();
        let expected = vec![("ErrorCode".to_owned(), vec![changed]), ("Érreur".into(), vec![])];
        assert_eq!((rows(&beside.old), rows(&beside.new)), (expected.clone(), expected));
        let heads = |api: &CatalogApi| api.enums.values().map(EnumApi::head).collect::<Vec<_>>();
        assert_eq!(heads(&beside.old), heads(&cases[1]));
        assert_eq!(
            beside.old.enums["ErrorCode"].variants,
            [cases[0].enums["ErrorCode"].variants[1].clone()]
        );
    }
}
