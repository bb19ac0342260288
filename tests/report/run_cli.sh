#!/usr/bin/env bash
# `vigil report` and `vigil run`'s notes from the command line
# (tests/report.cmake): usage errors (exit 1, nothing on stdout), a run
# writes its notes unless --no-report, `vigil report` writes the formats
# and languages asked for, a bad folder exits 4 with its message. Leaves
# OUT/covid for the screenshot test. Runs from the source tree.
# usage: run_cli.sh VIGIL OUT
vigil=$1
out=$2
fail=0
rm -rf "$out"
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# expect CODE "FIRST LINE OF STDERR" ARGS...
expect() {
    local code=$1 want=$2
    shift 2
    "$vigil" "$@" >"$tmp/out" 2>"$tmp/err"
    local got=$?
    local line
    line=$(head -n 1 "$tmp/err")
    if [ "$got" != "$code" ] || [ "$line" != "$want" ]; then
        echo "FAILED: vigil $*"
        echo "  exit $got (want $code): $line"
        echo "  want: $want"
        sed -n '1,20s/^/  stderr: /p' "$tmp/err"
        fail=1
    fi
    if [ "$code" != 0 ] && [ -s "$tmp/out" ]; then
        echo "FAILED: vigil $*: output on error"
        fail=1
    fi
}

# must FILE...: each file exists and is not empty
must() { for f in "$@"; do [ -s "$f" ] || { echo "FAILED: missing $f"; fail=1; }; done; }
# mustnot FILE...: none of them exists
mustnot() { for f in "$@"; do [ -e "$f" ] && { echo "FAILED: unexpected $f"; fail=1; }; done; return 0; }

expect 1 "vigil: which run folder?" report
expect 1 "vigil: --lang takes en, fr or both, not 'de'" report "$out" --lang de
expect 1 "vigil: --format takes html, md or both, not 'pdf'" report "$out" --format pdf
expect 1 "vigil: unknown option '--colour'" report "$out" --colour
expect 1 "vigil: --lang needs a value" report "$out" --lang
expect 4 "vigil: $out/none: neither the folder of a run (summary.csv, manifest.json) nor of a batch (scenario folders)" \
    report "$out/none"

# vigil run writes the notes by default, and not with --no-report
expect 0 "" run scenarios/covid_2020_2022.lua --draws 40 --out "$out/covid"
must "$out/covid/report.en.html" "$out/covid/report.fr.html" "$out/covid/report.en.md" \
     "$out/covid/report.fr.md" "$out/covid/charts/cl_path.fr.svg" "$out/covid/charts/sdg87.en.png"
grep -q "briefing notes: $out/covid/report.en.html" "$tmp/out" || { echo "FAILED: run did not say where the notes are"; fail=1; }
expect 0 "" run scenarios/covid_2020_2022.lua --draws 5 --out "$out/quiet" --no-report
must "$out/quiet/summary.csv"
mustnot "$out/quiet/report.en.html" "$out/quiet/charts"

# vigil report: one language, one format
expect 0 "" report "$out/quiet" --lang fr --format html
must "$out/quiet/report.fr.html"
mustnot "$out/quiet/report.en.html" "$out/quiet/report.fr.md" "$out/quiet/charts"
grep -q "report.fr.html" "$tmp/out" || { echo "FAILED: report did not say what it wrote"; fail=1; }
expect 0 "" report "$out/quiet" --format md --lang en
must "$out/quiet/report.en.md" "$out/quiet/charts/decomposition.en.svg" "$out/quiet/charts/decomposition.en.png"

# --baseline: the paths against a baseline run
expect 0 "" run scenarios/baseline.lua --draws 5 --out "$out/base" --no-report
expect 0 "" report "$out/quiet" --lang en --format html --baseline "$out/base"
grep -q "Dashed grey: the baseline" "$out/quiet/report.en.html" || { echo "FAILED: --baseline not drawn"; fail=1; }
expect 4 "vigil: $out/none/manifest.json: cannot read: No such file or directory (is $out/none the folder of a run?)" \
    report "$out/quiet" --baseline "$out/none"
expect 0 "" report --help

[ $fail -eq 0 ] && echo "report.cli: ok"
exit $fail
