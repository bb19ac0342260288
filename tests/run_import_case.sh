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
set -u

if [ $# -ne 4 ]; then
    echo "usage: $0 VIGIL CASES_DIR CASE OUT_ROOT" >&2
    exit 2
fi
vigil=$1 cases=$2 case=$3 outroot=$4
dir=$cases/$case
out=$outroot/$case
log=$outroot/$case.log
fail=0

err() { echo "FAIL [$case]: $*" >&2; fail=1; }

[ -x "$vigil" ] || { echo "FAIL [$case]: no vigil at $vigil" >&2; exit 1; }
[ -f "$dir/cmd" ] || { echo "FAIL [$case]: no $dir/cmd" >&2; exit 1; }
mkdir -p "$outroot" || exit 1
rm -rf "$out" "$out.mrio" "$log".*

read -r -a words <"$dir/cmd"
args=()
for w in "${words[@]}"; do args+=("${w//@OUT/$out}"); done

(cd "$cases" && exec "$vigil" "${args[@]}") >"$log.stdout" 2>"$log.stderr"
rc=$?

want_rc=0
if [ -f "$dir/exit" ]; then read -r want_rc <"$dir/exit"; fi
[ "$rc" = "$want_rc" ] || err "exit code $rc, expected $want_rc"

# compare FILE_OR_EMPTY ACTUAL NAME
same() {
    if [ -f "$1" ]; then
        sed "s|@OUT|$out|g" "$1" >"$log.$3.want"
    else
        : >"$log.$3.want"
    fi
    if ! diff -u --label "expected $3" --label "$3" "$log.$3.want" "$2" >"$log.$3.diff"; then
        err "$3 differs:"
        cat "$log.$3.diff" >&2
    fi
}

same "$dir/stderr" "$log.stderr" stderr
if [ -f "$dir/stdout_has" ]; then
    while IFS= read -r line; do
        grep -qxF -- "$line" "$log.stdout" || err "stdout lacks the line '$line'"
    done <"$dir/stdout_has"
else
    same "$dir/stdout" "$log.stdout" stdout
fi

if [ -d "$dir/want" ]; then
    if ! diff -r "$dir/want" "$out" >"$log.want.diff" 2>&1; then
        err "the output differs from $dir/want:"
        cat "$log.want.diff" >&2
    fi
elif [ -e "$out" ] && [ -n "$(find "$out" -mindepth 1 -print -quit)" ]; then
    err "files were written to $out:"
    find "$out" -mindepth 1 >&2
fi

if [ -f "$dir/mrio" ]; then
    "$vigil" mrio --table "$out" --out "$out.mrio" >"$log.mrio.stdout" 2>"$log.mrio.stderr" ||
        err "vigil mrio failed on the output: $(cat "$log.mrio.stderr")"
    if [ "$(sed 's/ -> .*//' "$log.mrio.stdout")" != "$(sed 's/ -> .*//' "$dir/mrio")" ]; then
        err "vigil mrio printed '$(cat "$log.mrio.stdout")', expected '$(cat "$dir/mrio")'"
    fi
fi

if [ "$fail" = 0 ]; then
    echo "ok [$case] exit $rc"
    cat "$log.stderr"
fi
exit "$fail"
