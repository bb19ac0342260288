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
set -u
if [ $# -ne 4 ]; then
    echo "usage: $0 VIGIL BADINPUTS_DIR CASE OUT_ROOT" >&2
    exit 2
fi
vigil=$1 bad=$2 case=$3 outroot=$4
dir=$bad/$case
out=$outroot/$case.out
log=$outroot/$case
fail=0
err() { echo "FAIL [$case]: $*" >&2; fail=1; }

[ -x "$vigil" ] || { echo "FAIL [$case]: no vigil at $vigil" >&2; exit 1; }
[ -f "$dir/cmd" ] || { echo "FAIL [$case]: no $dir/cmd" >&2; exit 1; }
mkdir -p "$outroot" || exit 1
rm -rf "$out" "$log".*

where=$bad
if [ -f "$dir/make.sh" ]; then
    where=$outroot/work
    rm -rf "${where:?}/$case"
    mkdir -p "$where/$case"
    (cd "$where/$case" && VIGIL_SOURCE=$(cd "$bad/../.." && pwd) bash "$dir/make.sh") || { echo "FAIL [$case]: make.sh failed" >&2; exit 1; }
fi

read -r -a words <"$dir/cmd"
for i in "${!words[@]}"; do words[$i]=${words[$i]//@OUT@/$out}; done
limit=()
if [ -f "$dir/timeout" ]; then read -r secs <"$dir/timeout"; limit=(timeout "$secs"); fi

(cd "$where" && exec ${limit[@]+"${limit[@]}"} "$vigil" "${words[@]}") >"$log.stdout" 2>"$log.stderr"
rc=$?
[ ${#limit[@]} -gt 0 ] && [ "$rc" = 124 ] && err "still running after ${secs} s: stopped"

if [ -f "$dir/expected" ]; then
    want_rc=2
    if [ -f "$dir/exit" ]; then read -r want_rc <"$dir/exit"; fi
    [ "$rc" = "$want_rc" ] || err "exit code $rc, expected $want_rc"
    if ! diff -u --label expected --label stderr "$dir/expected" "$log.stderr" >"$log.diff"; then
        err "stderr differs from $dir/expected:"
        head -c 4000 "$log.diff" >&2
    fi
    [ -s "$log.stdout" ] && { err "unexpected output on stdout:"; head -n 5 "$log.stdout" >&2; }
    if [ -e "$out" ] && [ -n "$(find "$out" -mindepth 1 -print -quit)" ]; then
        err "files were left in $out:"
        find "$out" -mindepth 1 >&2
    fi
elif [ -f "$dir/accept" ]; then
    [ "$rc" = 0 ] || err "exit code $rc, expected 0"
    if ! diff -u --label accept --label stderr "$dir/accept" "$log.stderr" >"$log.diff"; then
        err "stderr differs from $dir/accept:"
        head -c 4000 "$log.diff" >&2
    fi
    [ -s "$log.stdout" ] || err "nothing on stdout"
else
    echo "FAIL [$case]: $dir has neither an expected nor an accept file" >&2
    exit 1
fi
[ -f "$dir/make.sh" ] && rm -rf "${where:?}/$case"
if [ "$fail" = 0 ]; then
    echo "ok [$case] exit $rc"
    head -c 2000 "$log.stderr"
fi
exit "$fail"
