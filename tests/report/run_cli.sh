#!/usr/bin/env bash
# `vigil report` and `vigil run`'s notes from the command line
# (tests/report.cmake): usage errors (exit 1, nothing on stdout), a run
# writes its notes unless --no-report, `vigil report` writes the formats
# and languages asked for, a bad folder exits 4 with its message. Leaves
# OUT/covid for the screenshot test. Runs from the source tree.
# The checks are those of tests/lib/expect.sh.
# usage: run_cli.sh VIGIL OUT
set -u
. "$(dirname "$0")/../lib/expect.sh"
if [ $# -ne 2 ]; then
    echo "usage: $0 VIGIL OUT" >&2
    exit 2
fi
out=$2
expect_init report.cli
rm -rf "$out"
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
EXPECT_VIGIL=$1 EXPECT_LOG=$tmp/vigil # expect_vigil CODE "FIRST LINE OF STDERR" ARGS...

expect_vigil 1 "vigil: which run folder?" report
expect_vigil 1 "vigil: --lang takes en, fr or both, not 'de'" report "$out" --lang de
expect_vigil 1 "vigil: --format takes html, md or both, not 'pdf'" report "$out" --format pdf
expect_vigil 1 "vigil: unknown option '--colour'" report "$out" --colour
expect_vigil 1 "vigil: --lang needs a value" report "$out" --lang
expect_vigil 4 "vigil: $out/none: neither the folder of a run (summary.csv, manifest.json) nor of a batch (scenario folders)" \
    report "$out/none"

# vigil run writes the notes by default, and not with --no-report
expect_vigil 0 "" run scenarios/covid_2020_2022.lua --draws 40 --out "$out/covid"
expect_files "$out/covid/report.en.html" "$out/covid/report.fr.html" "$out/covid/report.en.md" \
     "$out/covid/report.fr.md" "$out/covid/charts/cl_path.fr.svg" "$out/covid/charts/sdg87.en.png"
expect_has "$EXPECT_OUT" "briefing notes: $out/covid/report.en.html" "run's stdout (where the notes are)"
expect_vigil 0 "" run scenarios/covid_2020_2022.lua --draws 5 --out "$out/quiet" --no-report
expect_files "$out/quiet/summary.csv"
expect_absent "$out/quiet/report.en.html" "$out/quiet/charts"

# vigil report: one language, one format
expect_vigil 0 "" report "$out/quiet" --lang fr --format html
expect_files "$out/quiet/report.fr.html"
expect_absent "$out/quiet/report.en.html" "$out/quiet/report.fr.md" "$out/quiet/charts"
expect_has "$EXPECT_OUT" "report.fr.html" "report's stdout (what it wrote)"
expect_vigil 0 "" report "$out/quiet" --format md --lang en
expect_files "$out/quiet/report.en.md" "$out/quiet/charts/decomposition.en.svg" \
     "$out/quiet/charts/decomposition.en.png"

# --baseline: the paths against a baseline run
expect_vigil 0 "" run scenarios/baseline.lua --draws 5 --out "$out/base" --no-report
expect_vigil 0 "" report "$out/quiet" --lang en --format html --baseline "$out/base"
expect_has "$out/quiet/report.en.html" "Dashed grey: the baseline" "report.en.html (--baseline drawn)"
expect_vigil 4 "vigil: $out/none/manifest.json: cannot read: No such file or directory (is $out/none the folder of a run?)" \
    report "$out/quiet" --baseline "$out/none"
expect_vigil 0 "" report --help

expect_done
