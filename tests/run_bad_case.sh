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
# The checks are those of tests/lib/expect.sh.
set -u
. "$(dirname "$0")/lib/expect.sh"

if [ $# -ne 5 ]; then
    echo "usage: $0 VIGIL BAD_DIR CASE OUT_ROOT REF_TABLE" >&2
    exit 2
fi
vigil=$1 bad=$2 case=$3 outroot=$4 ref=$5
dir=$bad/$case
out=$outroot/$case
log=$outroot/$case.log
expect_init "$case"

[ -x "$vigil" ] || expect_abort "no vigil at $vigil"
[ -d "$dir" ] || expect_abort "no case folder $dir"
mkdir -p "$outroot" || exit 1
rm -rf "$out" "$out.ref" "$log".*

args=()
if [ -f "$dir/args" ]; then read -r -a args <"$dir/args"; fi

expect_run "$log" "$bad" "$vigil" mrio --table "$case" --out "$out" ${args[@]+"${args[@]}"}
rc=$EXPECT_RC

if [ -f "$dir/expected" ]; then
    expect_refused "$dir" "$log" "$out"
elif [ -f "$dir/accept" ]; then
    expect_exit 0
    expect_empty "$log.stderr" stderr
    expect_run "$log.ref" "" "$vigil" mrio --table "$ref" --out "$out.ref"
    [ "$EXPECT_RC" = 0 ] || expect_fail "the reference table $ref failed: $(cat "$log.ref.stderr")"
    [ -n "$(find "$out.ref" -mindepth 1 -print -quit 2>/dev/null)" ] ||
        expect_fail "the reference run wrote nothing"
    expect_same_tree "$out.ref" "$out" "the accounts" "$log.tree.diff"
    # same summary line, up to the output folder
    expect_equal "$(sed 's/ -> .*//' "$log.stdout")" "$(sed 's/ -> .*//' "$log.ref.stdout")" \
        "stdout (up to ' -> '), against the reference's"
else
    expect_abort "$dir has neither an expected nor an accept file"
fi

expect_done "exit $rc" "$log.stderr"
