#!/usr/bin/env bash
# Runs one case of `vigil import` (tests/data/icio/cases/, tests/data/longcsv/cases/)
# and checks it; see docs/IMPORT.md, section "Tests".
#
# usage: run_import_case.sh VIGIL CASES_DIR CASE OUT_ROOT
#
# From CASES_DIR, runs VIGIL with the words of CASE/cmd, where @OUT stands
# for OUT_ROOT/CASE (the output folder, removed first). Then checks:
#   exit code      = CASE/exit (default 0)
#   stderr         = CASE/stderr, byte for byte (default: empty)
#   stdout         = CASE/stdout with @OUT replaced (default: empty), or,
#                    with CASE/stdout_has instead, contains each of its lines
#   output folder  = exactly the files of CASE/want/, byte for byte; when
#                    the exit code is not 0, absent or empty
#   CASE/mrio      when present: `VIGIL mrio --table OUT` must succeed and
#                  print this line (up to its " -> " part) on stdout
# The checks are those of tests/lib/expect.sh.
set -u
. "$(dirname "$0")/lib/expect.sh"

if [ $# -ne 4 ]; then
    echo "usage: $0 VIGIL CASES_DIR CASE OUT_ROOT" >&2
    exit 2
fi
vigil=$1 cases=$2 case=$3 outroot=$4
dir=$cases/$case
out=$outroot/$case
log=$outroot/$case.log
expect_init "$case"

[ -x "$vigil" ] || expect_abort "no vigil at $vigil"
[ -f "$dir/cmd" ] || expect_abort "no $dir/cmd"
mkdir -p "$outroot" || exit 1
rm -rf "$out" "$out.mrio" "$log".*

read -r -a words <"$dir/cmd"
args=()
for w in "${words[@]}"; do args+=("${w//@OUT/$out}"); done

expect_run "$log" "$cases" "$vigil" "${args[@]}"
rc=$EXPECT_RC
expect_exit "$(expect_code_in "$dir/exit" 0)"

# want NAME: CASE/NAME with @OUT replaced (empty without it) in LOG.NAME.want
want() {
    if [ -f "$dir/$1" ]; then sed "s|@OUT|$out|g" "$dir/$1"; fi >"$log.$1.want"
}

want stderr
expect_same "$log.stderr.want" "$log.stderr" stderr "$dir/stderr (@OUT replaced)"
if [ -f "$dir/stdout_has" ]; then
    while IFS= read -r line; do
        expect_has_line "$log.stdout" "$line" stdout
    done <"$dir/stdout_has"
else
    want stdout
    expect_same "$log.stdout.want" "$log.stdout" stdout "$dir/stdout (@OUT replaced)"
fi

if [ -d "$dir/want" ]; then
    expect_same_tree "$dir/want" "$out" "the output" "$log.want.diff"
else
    expect_no_output "$out"
fi

if [ -f "$dir/mrio" ]; then
    expect_run "$log.mrio" "" "$vigil" mrio --table "$out" --out "$out.mrio"
    [ "$EXPECT_RC" = 0 ] || expect_fail "vigil mrio failed on the output: $(cat "$log.mrio.stderr")"
    expect_equal "$(sed 's/ -> .*//' "$log.mrio.stdout")" "$(sed 's/ -> .*//' "$dir/mrio")" \
        "vigil mrio on the output printed (up to ' -> ')"
fi

expect_done "exit $rc" "$log.stderr"
