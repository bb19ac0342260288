#!/usr/bin/env bash
# Runs one case of tests/bad_world/ (see tests/bad_world/README.md) and checks it.
#
# usage: run_bad_world.sh VIGIL BAD_WORLD_DIR CASE OUT_ROOT
#
# The command is run from BAD_WORLD_DIR as
#   VIGIL world --world CASE
# so that messages name the files as CASE/world.csv, CASE/child.csv etc.
#
# A case with an `expected` file must fail: its stderr must equal that file
# byte for byte, its exit code must be the one in CASE/exit (default 2),
# and nothing may be printed on stdout.
# A case with an `accept` file must succeed: exit 0, an empty stderr and
# the world shown on stdout.
# OUT_ROOT keeps the output of the last run (CASE.stdout, CASE.stderr).
# The checks are those of tests/lib/expect.sh.
set -u
. "$(dirname "$0")/lib/expect.sh"

if [ $# -ne 4 ]; then
    echo "usage: $0 VIGIL BAD_WORLD_DIR CASE OUT_ROOT" >&2
    exit 2
fi
vigil=$1 bad=$2 case=$3 outroot=$4
dir=$bad/$case
log=$outroot/$case
expect_init "$case"

[ -x "$vigil" ] || expect_abort "no vigil at $vigil"
[ -d "$dir" ] || expect_abort "no case folder $dir"
mkdir -p "$outroot" || exit 1
rm -f "$log".*

expect_run "$log" "$bad" "$vigil" world --world "$case"

if [ -f "$dir/expected" ]; then
    expect_refused "$dir" "$log"   # on stdout: the world was accepted?
elif [ -f "$dir/accept" ]; then
    expect_exit 0
    expect_empty "$log.stderr" stderr
    grep -q '^World: ' "$log.stdout" || expect_fail "stdout does not show a world"
else
    expect_abort "$dir has neither an expected nor an accept file"
fi

expect_done "exit $EXPECT_RC" "$log.stderr"
