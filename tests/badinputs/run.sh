#!/usr/bin/env bash
# Runs one case of tests/badinputs/ (see README.md there) and checks it.
#
# usage: run.sh VIGIL BADINPUTS_DIR CASE OUT_ROOT
#
# The words of CASE/cmd are given to VIGIL, run from BADINPUTS_DIR (or,
# for a case with a make.sh, from OUT_ROOT/work, where make.sh first
# builds the case's files in CASE/, with $VIGIL_SOURCE set to the source
# tree), so that messages name files as CASE/...;
# the word @OUT@ becomes OUT_ROOT/CASE.out.
# A case with an `expected` file must fail: stderr equal to that file byte
# for byte, the exit code of CASE/exit (default 2), nothing on stdout, and
# no file in @OUT@. A case with an `accept` file must succeed: exit 0,
# stderr equal to the `accept` file (usually empty), something on stdout.
# A case with a `timeout` file must also end within that many seconds:
# inputs that used to be slow, which would otherwise still pass, late.
# The checks are those of tests/lib/expect.sh.
set -u
. "$(dirname "$0")/../lib/expect.sh"

if [ $# -ne 4 ]; then
    echo "usage: $0 VIGIL BADINPUTS_DIR CASE OUT_ROOT" >&2
    exit 2
fi
vigil=$1 bad=$2 case=$3 outroot=$4
dir=$bad/$case
out=$outroot/$case.out
log=$outroot/$case
expect_init "$case"

[ -x "$vigil" ] || expect_abort "no vigil at $vigil"
[ -f "$dir/cmd" ] || expect_abort "no $dir/cmd"
mkdir -p "$outroot" || exit 1
rm -rf "$out" "$log".*

where=$bad
if [ -f "$dir/make.sh" ]; then
    where=$outroot/work
    rm -rf "${where:?}/$case"
    mkdir -p "$where/$case"
    (cd "$where/$case" && VIGIL_SOURCE=$(cd "$bad/../.." && pwd) bash "$dir/make.sh") ||
        expect_abort "make.sh failed"
fi

read -r -a words <"$dir/cmd"
for i in "${!words[@]}"; do words[$i]=${words[$i]//@OUT@/$out}; done
limit=()
if [ -f "$dir/timeout" ]; then read -r secs <"$dir/timeout"; limit=(timeout "$secs"); fi

expect_run "$log" "$where" ${limit[@]+"${limit[@]}"} "$vigil" "${words[@]}"
[ ${#limit[@]} -gt 0 ] && [ "$EXPECT_RC" = 124 ] && expect_fail "still running after ${secs} s: stopped"

if [ -f "$dir/expected" ]; then
    expect_refused "$dir" "$log" "$out"
elif [ -f "$dir/accept" ]; then
    expect_exit 0
    expect_same "$dir/accept" "$log.stderr" stderr
    expect_nonempty "$log.stdout" stdout
else
    expect_abort "$dir has neither an expected nor an accept file"
fi
[ -f "$dir/make.sh" ] && rm -rf "${where:?}/$case"
expect_done "exit $EXPECT_RC" "$log.stderr"
