//! How the order of an enum's variants changes between two APIs. An enum declares its variants
//! in the page's order, and `E::ALL` lists them so; the derived `Ord` follows that order too,
//! except where the codes are the discriminants, when it follows the codes. Rows the page puts
//! in another order therefore change `ALL`, and `Ord` where codes are not the discriminants:
//! code that sorts variants (a `BTreeMap` keyed by them, a sorted list) sees another order, a
//! break (cargo-semver-checks' `partial_ord_enum_variants_reordered` calls it major too).
//!
//! Only the variants both APIs have, and that are retired on both sides or on neither, are
//! compared: a variant added or removed moves no other, and a retired row's variant follows the
//! page's rows, a move that is part of its retirement.

use rustc_hash::FxHashMap;

use crate::api::{EnumApi, VariantApi};
use crate::int_code::IntValue;

/// How the order of the variants both APIs have changed.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Reordering {
    /// The variants that moved among the others in the declaration order (`E::ALL`): the
    /// fewest whose moves explain the new order, in the new order.
    pub moved: Vec<String>,
    /// Whether the derived `Ord` orders two of them otherwise than before. Where the codes are
    /// the discriminants on both sides, only a changed code can, which the changelog lists as
    /// such: `false`.
    pub sorts_otherwise: bool,
}

/// How the order of the variants of `old` that `new` has too changed. `old` and `new` may be
/// two enums as far as they differ ([`crate::api::Differing`]), whose variants between the
/// common start and end of their snapshots were found `moved` already (the variants both have
/// there are left out of both); or whole, where `moved` is `None`.
pub(super) fn reordering(old: &EnumApi, new: &EnumApi, moved: Option<&[String]>) -> Reordering {
    let moved = match moved {
        Some(moved) => moved.to_vec(),
        None => moved_among(&declared(old), &declared(new)),
    };
    // A snapshot written before it recorded the discriminants: taken as the new API's.
    let new_by_code = new.discriminants == Some(true);
    let old_by_code = old.discriminants.map_or(new_by_code, |by_code| by_code);
    let sorts_otherwise = match (old_by_code, new_by_code) {
        (true, true) => false,
        (false, false) => !moved.is_empty(),
        // Only whole APIs differ in their heads.
        _ => sorted_otherwise(old, new, old_by_code, new_by_code),
    };
    Reordering { moved, sorts_otherwise }
}

/// Each variant of `api`, by its name and whether it is retired, in declaration order.
fn declared(api: &EnumApi) -> Vec<(&str, bool)> {
    api.variants.iter().map(|variant| (variant.variant.as_str(), variant.retired)).collect()
}

/// The variants that moved among those both `old` and `new` have (each a variant's name and
/// whether it is retired, in declaration order; retired on both sides or on neither): the
/// fewest whose moves explain the new order, in the new order.
pub(crate) fn moved_among(old: &[(&str, bool)], new: &[(&str, bool)]) -> Vec<String> {
    let old_places: FxHashMap<(&str, bool), usize> =
        old.iter().enumerate().map(|(place, &variant)| (variant, place)).collect();
    // The variants both have, in the new order, each with its old place.
    let both: Vec<(usize, &str)> =
        new.iter().filter_map(|&variant| Some((*old_places.get(&variant)?, variant.0))).collect();
    let kept = longest_increasing(&both.iter().map(|&(place, _)| place).collect::<Vec<_>>());
    let mut kept = kept.into_iter().peekable();
    let mut moved = Vec::new();
    for (index, (_, variant)) in both.iter().enumerate() {
        if kept.next_if_eq(&index).is_none() {
            moved.push((*variant).to_owned());
        }
    }
    moved
}

/// Whether the derived `Ord` of `old` (by code where `old_by_code`, else in declaration order)
/// and of `new` order two variants both have (retired on both sides or neither) otherwise.
fn sorted_otherwise(old: &EnumApi, new: &EnumApi, old_by_code: bool, new_by_code: bool) -> bool {
    let codes = new.codes();
    let key = |by_code: bool, place: usize, variant: &VariantApi| match by_code {
        true => codes.number(&variant.code).unwrap_or(IntValue::MAX),
        false => IntValue::from(place as u64),
    };
    let old_places: FxHashMap<&str, usize> = old
        .variants
        .iter()
        .enumerate()
        .map(|(place, variant)| (variant.variant.as_str(), place))
        .collect();
    let mut before: Vec<(IntValue, &str)> = Vec::new();
    let mut now: Vec<(IntValue, &str)> = Vec::new();
    for (place, variant) in new.variants.iter().enumerate() {
        let Some(&old_place) = old_places.get(variant.variant.as_str()) else { continue };
        let was = &old.variants[old_place];
        if was.retired == variant.retired {
            before.push((key(old_by_code, old_place, was), variant.variant.as_str()));
            now.push((key(new_by_code, place, variant), variant.variant.as_str()));
        }
    }
    before.sort_unstable();
    now.sort_unstable();
    !before.iter().map(|(_, name)| name).eq(now.iter().map(|(_, name)| name))
}

/// The indexes of a longest strictly increasing subsequence of `values`, in order (patience
/// sorting, O(n log n): a large table read whole is compared in one pass).
fn longest_increasing(values: &[usize]) -> Vec<usize> {
    // `tails[k]`: the index of the least last value of an increasing run of length k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; values.len()];
    for (index, &value) in values.iter().enumerate() {
        let length = tails.partition_point(|&tail| values[tail] < value);
        previous[index] = length.checked_sub(1).map(|shorter| tails[shorter]);
        match tails.get_mut(length) {
            Some(tail) => *tail = index,
            None => tails.push(index),
        }
    }
    let mut run = Vec::with_capacity(tails.len());
    let mut at = tails.last().copied();
    while let Some(index) = at {
        run.push(index);
        at = previous[index];
    }
    run.reverse();
    run
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enum_api(rows: &[(&str, &str)], discriminants: Option<bool>) -> EnumApi {
        let variants = rows
            .iter()
            .map(|(variant, code)| VariantApi {
                variant: (*variant).into(),
                code: (*code).into(),
                name: (*variant).into(),
                cells: Default::default(),
                retired: false,
                crossed_out: false,
            })
            .collect();
        EnumApi { variants, discriminants, ..EnumApi::default() }
    }

    #[test]
    fn the_longest_increasing_run_is_found() {
        assert_eq!(longest_increasing(&[]), Vec::<usize>::new());
        assert_eq!(longest_increasing(&[0, 1, 2]), [0, 1, 2]);
        assert_eq!(longest_increasing(&[2, 1, 0]).len(), 1);
        assert_eq!(longest_increasing(&[1, 2, 0, 3]), [0, 1, 3]);
        assert_eq!(longest_increasing(&[3, 0, 1, 2, 4]), [1, 2, 3, 4]);
    }

    #[test]
    fn rows_in_another_order_move_the_fewest_variants() {
        let old = enum_api(&[("A", "1"), ("B", "2"), ("C", "3"), ("D", "4")], Some(false));
        let same = enum_api(&[("A", "1"), ("X", "9"), ("C", "3"), ("D", "4")], Some(false));
        assert_eq!(reordering(&old, &same, None), Reordering::default(), "removed and added rows");
        let moved = enum_api(&[("A", "1"), ("C", "3"), ("D", "4"), ("B", "2")], Some(false));
        let found = reordering(&old, &moved, None);
        assert_eq!(found, Reordering { moved: vec!["B".into()], sorts_otherwise: true });
        // Where codes are the discriminants, `Ord` follows them, not the page.
        let by_code = |api: &EnumApi| EnumApi { discriminants: Some(true), ..api.clone() };
        let found = reordering(&by_code(&old), &by_code(&moved), None);
        assert_eq!(found, Reordering { moved: vec!["B".into()], sorts_otherwise: false });
        // A retired row's variant follows the page's rows: part of its retirement.
        let mut retired = enum_api(&[("A", "1"), ("C", "3"), ("D", "4"), ("B", "2")], Some(false));
        retired.variants[3].retired = true;
        assert_eq!(reordering(&old, &retired, None), Reordering::default());
    }

    #[test]
    fn codes_that_become_or_stop_being_the_discriminants_sort_otherwise_where_the_page_does() {
        let in_code_order = enum_api(&[("A", "1"), ("B", "2")], Some(false));
        let by_code = EnumApi { discriminants: Some(true), ..in_code_order.clone() };
        assert!(!reordering(&in_code_order, &by_code, None).sorts_otherwise);
        assert!(!reordering(&by_code, &in_code_order, None).sorts_otherwise);
        let out_of_order = enum_api(&[("A", "2"), ("B", "1")], Some(false));
        let by_code = EnumApi { discriminants: Some(true), ..out_of_order.clone() };
        assert!(reordering(&out_of_order, &by_code, None).sorts_otherwise);
        assert!(reordering(&by_code, &out_of_order, None).sorts_otherwise);
        assert!(reordering(&by_code, &out_of_order, None).moved.is_empty());
    }
}
