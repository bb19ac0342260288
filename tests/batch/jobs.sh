#!/usr/bin/env bash
# vigil run: --jobs 1, 2 and 3 give byte-identical outputs with the same
# seed (and draws.csv too); another seed gives other numbers.
. "$(dirname "$0")/common.sh"
sc=scenarios/covid_2020_2022.lua
norep=() # no briefing notes, where vigil run writes them by default
"$vigil" run --help | grep -q -- --no-report && norep=(--no-report)
for j in 1 2 3; do
  "$vigil" run "$sc" --draws 60 --jobs "$j" --keep-draws "${norep[@]}" --out "$work/j$j" \
    >/dev/null || fail "vigil run --jobs $j"
done
"$vigil" run "$sc" --draws 60 --jobs 2 --seed 88 "${norep[@]}" --out "$work/s88" >/dev/null \
  || fail "seed 88"
for j in 2 3; do
  for f in summary.csv attribution.csv decomposition.csv sdg87.csv draws.csv; do
    cmp -s "$work/j1/$f" "$work/j$j/$f" || fail "$f differs between --jobs 1 and --jobs $j"
  done
  # the manifests differ only by the time taken
  cmp -s <(grep -v '"seconds"' "$work/j1/manifest.json") \
         <(grep -v '"seconds"' "$work/j$j/manifest.json") || fail "manifest.json, --jobs $j"
done
cmp -s "$work/j1/summary.csv" "$work/s88/summary.csv" && fail "seeds 87 and 88 give the same summary"
[ "$(wc -l <"$work/j1/draws.csv")" -gt 60 ] || fail "draws.csv is too short"
check_done
