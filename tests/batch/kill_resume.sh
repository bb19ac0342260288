#!/usr/bin/env bash
# A batch killed with SIGKILL while it runs, then run again with --resume:
# no file of the killed run is partial under its final name, the folders it
# finished are left untouched, and the result is byte for byte that of an
# uninterrupted batch (timing files aside).
. "$(dirname "$0")/common.sh"
set -- scenarios/baseline.lua scenarios/covid_2020_2022.lua scenarios/school_closures.lua \
  scenarios/covid_social_protection_slips.lua scenarios/family_farms_and_smes.lua \
  scenarios/conditional_policy.lua
opts=(--draws "${VIGIL_TEST_KILL_DRAWS:-600}" --jobs 2)
"$vigil" batch "$@" --out "$work/ref" "${opts[@]}" >/dev/null 2>&1 || fail "reference batch"

"$vigil" batch "$@" --out "$work/k" "${opts[@]}" >/dev/null 2>&1 &
pid=$!
done_one=""
for _ in $(seq 1 3000); do  # up to 60 s
  done_one=$(ls "$work"/k/*/manifest.json 2>/dev/null | head -1)
  [ -n "$done_one" ] && break
  kill -0 $pid 2>/dev/null || break
  sleep 0.02
done
kill -9 $pid 2>/dev/null || fail "the batch ended before the kill (raise VIGIL_TEST_KILL_DRAWS)"
wait $pid 2>/dev/null
[ -n "$done_one" ] || fail "no scenario finished before the kill"
[ -f "$work/k/manifest.json" ] && fail "the batch manifest exists after the kill"
sleep 0.2 # workers die with their parent (PR_SET_PDEATHSIG)

# Every file with a final name is complete: the same bytes as the reference.
n_final=0
for f in $(cd "$work/k" && find . -type f ! -name '*.tmp.*' ! -name timing.json); do
  n_final=$((n_final + 1))
  cmp -s "$work/k/$f" "$work/ref/$f" || fail "partial or wrong file after the kill: $f"
done
echo "after the kill: $n_final final files, $(cd "$work/k" && find . -name '*.tmp.*' | wc -l) temporaries"
finished=$(dirname "$done_one")
before=$(stat -c '%n %i %Y' "$finished"/*)

"$vigil" batch "$@" --out "$work/k" "${opts[@]}" --resume >"$work/stdout" 2>"$work/stderr" \
  || fail "resume: exit code $?"
grep -q "$(basename "$finished"): complete, left as it is (--resume)" "$work/stderr" \
  || fail "resume did not skip $(basename "$finished")"
[ "$(stat -c '%n %i %Y' "$finished"/*)" = "$before" ] || fail "resume touched $finished"
[ -z "$(cd "$work/k" && find . -name '*.tmp.*')" ] || fail "temporaries left after resume"
same_batch "$work/ref" "$work/k" || fail "resumed batch differs: $(head -20 "$work/diff.txt")"
check_done
