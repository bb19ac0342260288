#!/usr/bin/env bash
# `vigil check` from the command line (tests/scenario.cmake): exit codes,
# the exact first line on stderr, nothing on stdout on error, and the

# usage: run_check.sh VIGIL
set -u
. "$(dirname "$0")/../lib/expect.sh"
expect_init scenario.cli
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
EXPECT_VIGIL=$1 EXPECT_LOG=$tmp/vigil # expect_vigil CODE "FIRST LINE OF STDERR" ARGS...

inv=tests/scenarios/invalid
# every invalid fixture that needs no module: exit 3, its exact message
for f in "$inv"/*.lua; do
    case $f in *module_error*) continue ;; esac
    want=$(head -n 1 "$f" | sed 's/^-- expect: //')
    expect_vigil 3 "vigil: $want" check "$f"
done

# valid scenarios: exit 0, nothing on stderr
expect_vigil 0 "" check scenarios/covid_2020_2022.lua
expect_vigil 0 "" check tests/scenarios/valid/named_world.lua
# --world overrides the scenario's world (a note on stderr)
expect_vigil 0 "vigil: note: the scenario names world 'stylised'; checked against --world scenarios/worlds/stylised" \
    check tests/scenarios/valid/named_world.lua --world scenarios/worlds/stylised
# limits, raised or lowered from the command line
expect_vigil 3 "vigil: tests/scenarios/limits/loop.lua:2: instruction limit exceeded (5000 instructions); raise it with --max-instructions" \
    check tests/scenarios/limits/loop.lua --max-instructions 5000
expect_vigil 3 "vigil: tests/scenarios/limits/memory.lua:2: memory limit exceeded (4 MiB); raise it with --max-memory" \
    check tests/scenarios/limits/memory.lua --max-memory 4
# a list of goods the world does not have is found by check, not by a run:
# the stylised world without its risk_lists.csv
mkdir -p "$tmp/norisk"
sed -e "s|^table,.*|table,$PWD/scenarios/worlds/stylised|" \
    -e "s|\.\./\.\./data|$PWD/scenarios/data|" scenarios/worlds/stylised/world.csv >"$tmp/norisk/world.csv"
cp scenarios/worlds/stylised/groups.csv "$tmp/norisk/"
expect_vigil 3 "vigil: scenarios/eu_forced_labour_ban.lua:36: trade.ban: this world has no list of goods 'forced_labour_risk' (risk_lists.csv in its folder)" \
    check scenarios/eu_forced_labour_ban.lua --world "$tmp/norisk"
# usage and files
expect_vigil 1 "vigil: which scenario?" check
expect_vigil 1 "vigil: unknown option '--seed'" check scenarios/baseline.lua --seed 3
expect_vigil 1 "vigil: --max-memory takes a number of MiB (1 to 1073741824)" check scenarios/baseline.lua --max-memory 0
expect_vigil 1 "vigil: --max-instructions takes a positive whole number" check scenarios/baseline.lua --max-instructions x
expect_vigil 4 "vigil: tests/scenarios/no_such.lua: cannot read scenario file: No such file or directory" \
    check tests/scenarios/no_such.lua

# the timeline of a valid scenario, in plain words
"$1" check scenarios/eu_forced_labour_ban.lua >"$tmp/out" 2>&1
for want in "Run: 2020-2035, 500 draws, seed 87" \
            "  2028-2035 trade.ban: import ban  [scenarios/eu_forced_labour_ban.lua:" \
            "            importer EU27, origin *, sector *, goods forced_labour_risk" \
            "            exports = yes                      also bans the importer's exports" \
            "            (not modelled yet: exports, upstream; no effect on the results)" \
            "OK"; do
    expect_has "$tmp/out" "$want" "the timeline"
done
# every ```lua block of docs/SCENARIOS.md is a complete, valid scenario
awk -v dir="$tmp" '/^```lua$/ { n++; f = dir "/doc" n ".lua"; on = 1; next }
                   /^```$/ { on = 0 } on { print > f }' docs/SCENARIOS.md
ndoc=0
for f in "$tmp"/doc*.lua; do
    ndoc=$((ndoc + 1))
    if ! "$1" check "$f" >/dev/null 2>"$tmp/err"; then
        expect_fail "an example of docs/SCENARIOS.md: $(head -n 1 "$tmp/err")"
        expect_show "$f"
    fi
done
[ "$ndoc" -ge 16 ] || expect_fail "only $ndoc examples found in docs/SCENARIOS.md"
expect_done "($ndoc documentation examples)"
