#!/usr/bin/env bash
# Runs one case of tests/bad/ (see tests/bad/README.md) and checks it.
#
# usage: run_bad_case.sh VIGIL BAD_DIR CASE OUT_ROOT REF_TABLE
#
# The command is run from BAD_DIR as
#   VIGIL mrio --table CASE --out OUT_ROOT/CASE [the words of CASE/args]
# so that messages name the table as CASE/Z.csv etc.
#
# A case with an `expected` file must fail: its stderr must equal that file
# byte for byte, its exit code must be the one in CASE/exit (default 2),
# nothing may be printed on stdout, and OUT_ROOT/CASE must be absent or
# empty afterwards.
# A case with an `accept` file must succeed with an empty stderr, and
# write exactly the files, byte for byte, that REF_TABLE gives.
set -u

if [ $# -ne 5 ]; then
    echo "usage: $0 VIGIL BAD_DIR CASE OUT_ROOT REF_TABLE" >&2
    exit 2
fi
vigil=$1 bad=$2 case=$3 outroot=$4 ref=$5
dir=$bad/$case
out=$outroot/$case
log=$outroot/$case.log
fail=0

err() { echo "FAIL [$case]: $*" >&2; fail=1; }

[ -x "$vigil" ] || { echo "FAIL [$case]: no vigil at $vigil" >&2; exit 1; }
[ -d "$dir" ] || { echo "FAIL [$case]: no case folder $dir" >&2; exit 1; }
mkdir -p "$outroot" || exit 1
rm -rf "$out" "$out.ref" "$log".*

args=()
if [ -f "$dir/args" ]; then read -r -a args <"$dir/args"; fi

(cd "$bad" && exec "$vigil" mrio --table "$case" --out "$out" ${args[@]+"${args[@]}"}) \
    >"$log.stdout" 2>"$log.stderr"
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
        err "unexpected output on stdout:"
        cat "$log.stdout" >&2
    fi
    if [ -e "$out" ]; then
        if [ ! -d "$out" ]; then
            err "$out was created and is not a folder"
        elif [ -n "$(find "$out" -mindepth 1 -print -quit)" ]; then
            err "files were created in $out:"
            find "$out" -mindepth 1 >&2
        fi
    fi
elif [ -f "$dir/accept" ]; then
    [ "$rc" = 0 ] || err "exit code $rc, expected 0"
    if [ -s "$log.stderr" ]; then
        err "unexpected stderr:"
        cat "$log.stderr" >&2
    fi
    "$vigil" mrio --table "$ref" --out "$out.ref" >"$log.ref.stdout" 2>"$log.ref.stderr" ||
        err "the reference table $ref failed: $(cat "$log.ref.stderr")"
    [ -n "$(find "$out.ref" -mindepth 1 -print -quit 2>/dev/null)" ] ||
        err "the reference run wrote nothing"
    if ! diff -r "$out.ref" "$out" >"$log.diff" 2>&1; then
        err "the accounts differ from those of $ref:"
        cat "$log.diff" >&2
    fi
    # same summary line, up to the output folder
    if [ "$(sed 's/ -> .*//' "$log.stdout")" != "$(sed 's/ -> .*//' "$log.ref.stdout")" ]; then
        err "stdout '$(cat "$log.stdout")', the reference printed '$(cat "$log.ref.stdout")'"
    fi
else
    echo "FAIL [$case]: $dir has neither an expected nor an accept file" >&2
    exit 1
fi

if [ "$fail" = 0 ]; then
    echo "ok [$case] exit $rc"
    cat "$log.stderr"
fi
exit "$fail"
