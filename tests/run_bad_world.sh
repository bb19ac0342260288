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
set -u

if [ $# -ne 4 ]; then
    echo "usage: $0 VIGIL BAD_WORLD_DIR CASE OUT_ROOT" >&2
    exit 2
fi
vigil=$1 bad=$2 case=$3 outroot=$4
dir=$bad/$case
log=$outroot/$case
fail=0

err() { echo "FAIL [$case]: $*" >&2; fail=1; }

[ -x "$vigil" ] || { echo "FAIL [$case]: no vigil at $vigil" >&2; exit 1; }
[ -d "$dir" ] || { echo "FAIL [$case]: no case folder $dir" >&2; exit 1; }
mkdir -p "$outroot" || exit 1
rm -f "$log".*

(cd "$bad" && exec "$vigil" world --world "$case") >"$log.stdout" 2>"$log.stderr"
rc=$?

if [ -f "$dir/expected" ]; then
    want_rc=2
    if [ -f "$dir/exit" ]; then read -r want_rc <"$dir/exit"; fi
    [ "$rc" = "$want_rc" ] || err "exit code $rc, expected $want_rc"
    if ! diff -u --label expected --label stderr "$dir/expected" "$log.stderr" >"$log.diff"; then
        err "stderr differs from $dir/expected:"
        cat "$log.diff" >&2
    fi
    if [ -s "$log.stdout" ]; then
        err "unexpected output on stdout (the world was accepted?):"
        head -n 5 "$log.stdout" >&2
    fi
elif [ -f "$dir/accept" ]; then
    [ "$rc" = 0 ] || err "exit code $rc, expected 0"
    if [ -s "$log.stderr" ]; then
        err "unexpected stderr:"
        cat "$log.stderr" >&2
    fi
    grep -q '^World: ' "$log.stdout" || err "stdout does not show a world"
else
    echo "FAIL [$case]: $dir has neither an expected nor an accept file" >&2
    exit 1
fi

if [ "$fail" = 0 ]; then
    echo "ok [$case] exit $rc"
    cat "$log.stderr"
fi
exit "$fail"
