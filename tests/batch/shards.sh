#!/usr/bin/env bash
# --shard i/n then --merge give the bytes of the unsharded batch (timing
# files aside); shards of another batch or a missing shard are refused.
. "$(dirname "$0")/common.sh"
set -- scenarios/*.lua tests/batch/broken_hook.lua
opts=(--draws 8 --jobs 2)
expect_run "$work/all" "" "$vigil" batch "$@" --out "$work/all" "${opts[@]}"
expect_exit 3 "unsharded batch (one broken scenario)"
for i in 1 2 3; do
  "$vigil" batch "$@" --out "$work/shard$i" --shard "$i/3" "${opts[@]}" >/dev/null 2>&1
done
grep -q '"shard": "2/3"' "$work/shard2/manifest.json" || fail "shard manifest"
expect_run "$work/merged" "" "$vigil" batch --merge "$work/shard3" "$work/shard1" "$work/shard2" \
  --out "$work/merged"
expect_exit 3 "merge (one broken scenario)"
same_batch "$work/all" "$work/merged" || fail "merged shards differ: $(head -20 "$work/diff.txt")"
[ -f "$work/merged/timing.csv" ] || fail "merged timing.csv"
expect_run "$work/m2" "" "$vigil" batch --merge "$work/shard1" "$work/shard3" --out "$work/m2"
[ "$EXPECT_RC" != 0 ] || fail "missing shard accepted"
expect_has "$work/m2.stderr" "shard 2/3 is missing" "missing shard: stderr"
"$vigil" batch "$@" --out "$work/other" --shard 2/3 --draws 8 --seed 5 --jobs 2 >/dev/null 2>&1
expect_run "$work/m3" "" "$vigil" batch --merge "$work/shard1" "$work/other" "$work/shard3" \
  --out "$work/m3"
[ "$EXPECT_RC" != 0 ] || fail "shards of different batches accepted"
expect_has "$work/m3.stderr" "shard of another batch" "other batch: stderr"
check_done
