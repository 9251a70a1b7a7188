#!/usr/bin/env bash
# Compile time of a generated catalog crate: debug `cargo build`, from a clean target
# directory (the crate has no dependencies, so nothing else is built), three runs.
#
#   scripts/compile-time.sh ROWS [MANIFEST LINE...]
#   scripts/compile-time.sh 10000 'discriminants = false'
#   scripts/compile-time.sh real          # the checked-in catalog crate
#   SYNTH_SHAPE=glacier scripts/compile-time.sh 10000   # rows like the Glacier page's
#
# Prints the three wall-clock times in seconds. See BENCHMARKS.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rows="$1"; shift
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cargo build --quiet --release --package xtask --manifest-path "$root/Cargo.toml"
xtask="$root/target/release/xtask"
if [ "$rows" = real ]; then
    manifest="$root/catalog/Cargo.toml"
else
    options=()
    for line in "$@"; do options+=(--table-option "$line"); done
    "$xtask" synth --rows "$rows" ${SYNTH_SHAPE:+--shape "$SYNTH_SHAPE"} --out "$work" \
        "${options[@]}" 2>/dev/null
    "$xtask" init "$work/catalog" --manifest "$work/docs/catalog.toml" >/dev/null 2>&1
    manifest="$work/catalog/Cargo.toml"
fi
times=()
for _ in 1 2 3; do
    rm -rf "$work/target"
    start=$(date +%s.%N)
    CARGO_TARGET_DIR="$work/target" cargo build --quiet --package catalog --manifest-path "$manifest"
    end=$(date +%s.%N)
    times+=("$(awk "BEGIN { printf \"%.2f\", $end - $start }")")
done
echo "rows=$rows options=[$*] seconds: ${times[*]}"
