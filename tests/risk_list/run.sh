#!/usr/bin/env bash
# The lists of goods at risk (tests/risk_list.cmake). Runs from the source tree.
# usage: run.sh stylised|wiod2011 VIGIL PYTHON3
#
#   stylised  scripts/build-risk-list --stylised rebuilds the stylised world's
#             forced_labour_risk list from its Z.csv and Y.csv: it must equal
#             scenarios/worlds/stylised/risk_lists.csv byte for byte.
#   wiod2011  (exit 77, skipped, without $VIGIL_SHARED/data/mrio/wiod2013_2011)
#             the script rebuilds scenarios/worlds/wiod2011/risk_lists.csv byte
#             for byte from WIOD read in place; every share is in [0, 1]; then
#             `vigil check` and `vigil run --draws 20` of the EU forced-labour
#             ban on that world succeed, with World forced_labour rows in
#             summary.csv and an effect of the ban on forced labour in 2030.
set -u
which=$1 vigil=$2 python=$3
shared=${VIGIL_SHARED:-../shared}
script=scripts/build-risk-list
fails=0
fail() {
    echo "FAILED [risk_list.$which]: $*" >&2
    fails=$((fails + 1))
}
show() { sed 's/^/  | /' "$1" | head -n 40 >&2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

case $which in
stylised)
    want=scenarios/worlds/stylised/risk_lists.csv
    if ! "$python" "$script" --stylised --out "$tmp/risk_lists.csv" >"$tmp/log" 2>&1; then
        fail "$script --stylised failed"
        show "$tmp/log"
    elif ! cmp -s "$tmp/risk_lists.csv" "$want"; then
        fail "$script --stylised does not reproduce $want"
        diff "$want" "$tmp/risk_lists.csv" >"$tmp/diff"
        show "$tmp/diff"
    fi
    ;;
wiod2011)
    wiod=$shared/data/mrio/wiod2013_2011
    if [ ! -f "$wiod/Z.csv" ] || [ ! -f "$wiod/Y.csv" ]; then
        echo "skipped: $wiod absent (third-party WIOD 2011 table, read in place);" \
             "the WIOD 2011 risk list cannot be rebuilt"
        exit 77
    fi
    world=scenarios/worlds/wiod2011
    want=$world/risk_lists.csv
    scn=scenarios/eu_forced_labour_ban.lua

    # 1. the committed list is what the script makes
    if ! "$python" "$script" --shared "$shared" --out "$tmp/risk_lists.csv" >"$tmp/log" 2>&1; then
        fail "$script failed"
        show "$tmp/log"
    elif ! cmp -s "$tmp/risk_lists.csv" "$want"; then
        fail "$script does not reproduce $want (rerun it and commit, or fix it)"
        diff "$want" "$tmp/risk_lists.csv" >"$tmp/diff"
        show "$tmp/diff"
    fi

    # 2. one list, shares in [0, 1], cells of WIOD's 41 x 35 table
    bad=$(awk -F, 'NR > 1 && ($1 != "forced_labour_risk" || $3 + 0 < 0 || $3 + 0 > 1 ||
                   $2 !~ /^[A-Z][A-Z][A-Z]_c([1-9]|[12][0-9]|3[0-5])$/)' "$want")
    [ -z "$bad" ] || fail "bad rows in $want: $(echo "$bad" | head -n 3)"
    [ "$(awk 'END { print NR }' "$want")" -gt 1 ] || fail "$want has no rows"

    # 3. the EU forced-labour ban checks on this world
    if ! "$vigil" check "$scn" --world "$world" >"$tmp/check.out" 2>"$tmp/check.err"; then
        fail "vigil check $scn --world $world failed"
        show "$tmp/check.err"
    fi

    # 4. and runs (one worker: the result does not depend on it, and ctest
    #    runs other tests beside this one)
    out=$tmp/run
    if ! "$vigil" run "$scn" --world "$world" --draws 20 --out "$out" --no-report \
            --jobs 1 >"$tmp/run.out" 2>"$tmp/run.err"; then
        fail "vigil run $scn --world $world --draws 20 failed"
        show "$tmp/run.err"
    elif [ ! -f "$out/summary.csv" ]; then
        fail "vigil run wrote no summary.csv"
    else
        n=$(grep -c '^[^,]*,20[0-9][0-9],World,forced_labour,' "$out/summary.csv")
        [ "$n" -gt 0 ] || fail "no World forced_labour row in $out/summary.csv"
        # the ban applies from 2028: through the list, it moves forced labour
        # by 2030 (its sign depends on risk_concentration; docs/MODEL.md)
        c=$(awk -F, '$1 == 2030 && $2 == "World" && $3 == "forced_labour" &&
                     $4 ~ /^trade\.ban/ { print $5 }' "$out/decomposition.csv")
        awk -v c="${c:-0}" 'BEGIN { exit !(c + 0 != 0) }' ||
            fail "the ban does not move World forced labour in 2030 (contribution '${c:-none}')"
    fi
    ;;
*)
    echo "usage: run.sh stylised|wiod2011 VIGIL PYTHON3" >&2
    exit 2
    ;;
esac

if [ "$fails" -gt 0 ]; then
    echo "$fails check(s) failed" >&2
    exit 1
fi
echo "ok [risk_list.$which]"
