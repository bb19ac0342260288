#!/usr/bin/env bash
# --shard i/n then --merge give the bytes of the unsharded batch (timing
# files aside); shards of another batch or a missing shard are refused.
. "$(dirname "$0")/common.sh"
set -- scenarios/*.lua tests/batch/broken_hook.lua
opts=(--draws 8 --jobs 2)
"$vigil" batch "$@" --out "$work/all" "${opts[@]}" >/dev/null 2>&1
[ $? -eq 3 ] || fail "unsharded batch: exit code (one broken scenario: 3)"
for i in 1 2 3; do
  "$vigil" batch "$@" --out "$work/shard$i" --shard "$i/3" "${opts[@]}" >/dev/null 2>&1
done
grep -q '"shard": "2/3"' "$work/shard2/manifest.json" || fail "shard manifest"
"$vigil" batch --merge "$work/shard3" "$work/shard1" "$work/shard2" --out "$work/merged" \
  >/dev/null 2>&1
[ $? -eq 3 ] || fail "merge: exit code (one broken scenario: 3)"
same_batch "$work/all" "$work/merged" || fail "merged shards differ: $(head -20 "$work/diff.txt")"
[ -f "$work/merged/timing.csv" ] || fail "merged timing.csv"
"$vigil" batch --merge "$work/shard1" "$work/shard3" --out "$work/m2" 2>"$work/err" && fail "missing shard accepted"
grep -q "shard 2/3 is missing" "$work/err" || fail "missing shard message: $(cat "$work/err")"
"$vigil" batch "$@" --out "$work/other" --shard 2/3 --draws 8 --seed 5 --jobs 2 >/dev/null 2>&1
"$vigil" batch --merge "$work/shard1" "$work/other" "$work/shard3" --out "$work/m3" 2>"$work/err" \
  && fail "shards of different batches accepted"
grep -q "shard of another batch" "$work/err" || fail "other batch message: $(cat "$work/err")"
check_done
