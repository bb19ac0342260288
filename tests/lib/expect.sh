# tests/lib/expect.sh: the checks shared by the shell test drivers
# (tests/run_bad_case.sh, tests/run_bad_world.sh, tests/run_import_case.sh,
# tests/badinputs/run.sh, tests/report/run_cli.sh, tests/batch/*.sh).
# Sourced, not run; bash, `set -u` safe, no `set -e` needed.
#
#   . "$(dirname "$0")/lib/expect.sh"     # path relative to the driver
#   expect_init NAME                      # the case or test, in every message
#   expect_run "$log" "$dir" "$vigil" mrio --table ...
#   expect_exit 2
#   expect_same "$case/expected" "$log.stderr" stderr
#   expect_done "exit $EXPECT_RC"
#
# A check that fails prints "FAILED [NAME]: what, got ..., want ..." on
# stderr, then its details (a diff, the first lines of a file) indented
# by "  | ", counts the failure and returns 1; a check that passes is
# silent and returns 0. Drivers carry on after a failure, so one run
# reports every difference, and end with expect_done: "ok [NAME]" and
# exit 0, or the number of failed checks and exit 1.
#
# Details are cut at EXPECT_SHOW_LINES lines (default 40) and
# EXPECT_SHOW_BYTES bytes (default 4000); the whole file is named.
#
# Checking the checks: EXPECT_MUTATE in the environment breaks every
# expectation, so that every case that checks one must FAIL; a driver that
# still passes does not check what it claims to:
#   EXPECT_MUTATE=message  every expected text (expect_same, expect_equal,
#                          expect_has, expect_has_line, expect_vigil,
#                          expect_refused) gets a stray line or words
#   EXPECT_MUTATE=exit     every expected exit code (expect_exit,
#                          expect_vigil, expect_refused) is off
# e.g.  EXPECT_MUTATE=message ctest --test-dir build -R '^bad\.'

EXPECT_NAME=$(basename "$0")
EXPECT_FAILS=0
EXPECT_RC=0
EXPECT_OUT=/dev/null # stdout and stderr files of the last expect_run
EXPECT_ERR=/dev/null
EXPECT_MUTATION="<EXPECT_MUTATE: not what the command printed>"

# expect_init NAME: names the case in every message; resets the count.
expect_init() {
    EXPECT_NAME=$1
    EXPECT_FAILS=0
}

# expect_fail MESSAGE...: records one failure (a check of the driver's own).
expect_fail() {
    echo "FAILED [$EXPECT_NAME]: $*" >&2
    EXPECT_FAILS=$((EXPECT_FAILS + 1))
    return 1
}

# expect_abort MESSAGE...: the case cannot be run at all: reports, exit 1.
expect_abort() {
    echo "FAILED [$EXPECT_NAME]: $*" >&2
    exit 1
}

# expect_show FILE: the first lines of FILE on stderr, indented.
expect_show() {
    local lines=${EXPECT_SHOW_LINES:-40} bytes=${EXPECT_SHOW_BYTES:-4000}
    [ -s "$1" ] || return 0
    head -c "$bytes" "$1" | head -n "$lines" | sed 's/^/  | /' >&2
    if [ "$(wc -c <"$1")" -gt "$bytes" ] || [ "$(wc -l <"$1")" -gt "$lines" ]; then
        echo "  | ... (cut; the whole is in $1)" >&2
    fi
}

# expect_run LOG DIR COMMAND...: runs COMMAND from DIR (from here when DIR
# is ""), stdout to LOG.stdout, stderr to LOG.stderr (also EXPECT_OUT and
# EXPECT_ERR), its exit code in EXPECT_RC. Nothing is checked.
expect_run() {
    local log=$1 dir=$2
    shift 2
    EXPECT_OUT=$log.stdout EXPECT_ERR=$log.stderr
    if [ -n "$dir" ]; then
        (cd "$dir" && exec "$@") >"$EXPECT_OUT" 2>"$EXPECT_ERR"
    else
        "$@" >"$EXPECT_OUT" 2>"$EXPECT_ERR"
    fi
    EXPECT_RC=$?
}

# expect_code_in FILE DEFAULT: prints the exit code written in FILE (a
# case's `exit` file), or DEFAULT when there is no such file.
expect_code_in() {
    local code=$2
    if [ -f "$1" ]; then read -r code <"$1"; fi
    printf '%s\n' "$code"
}

# expect_exit WANT [WHAT]: the exit code of the last expect_run is WANT.
expect_exit() {
    local want=$1
    [ "${EXPECT_MUTATE:-}" = exit ] && want="$want (mutated)"
    [ "$EXPECT_RC" = "$want" ] || expect_fail "${2:+$2: }exit code $EXPECT_RC, want $want"
}

# expect_same WANT_FILE GOT_FILE NAME [SOURCE]: GOT_FILE (NAME: stderr,
# stdout...) equals WANT_FILE byte for byte; the diff is GOT_FILE.diff.
# SOURCE names the expectation when WANT_FILE was made from it.
expect_same() {
    local want=$1 got=$2 name=$3 source=${4:-$1}
    if [ "${EXPECT_MUTATE:-}" = message ]; then
        { cat "$1"; echo "$EXPECT_MUTATION"; } >"$got.mutated"
        want=$got.mutated
    fi
    diff -u --label "$source" --label "$name" "$want" "$got" >"$got.diff" && return 0
    expect_fail "$name differs from $source (got +, want -):"
    expect_show "$got.diff"
    return 1
}

# expect_same_tree WANT_DIR GOT_DIR NAME [DIFF]: the two folders hold the
# same files, byte for byte; the diff goes to DIFF (default GOT_DIR.diff).
expect_same_tree() {
    local diff=${4:-$2.diff}
    diff -r "$1" "$2" >"$diff" 2>&1 && return 0
    expect_fail "$3 ($2) differs from $1:"
    expect_show "$diff"
    return 1
}

# expect_mutated TEXT: TEXT, broken under EXPECT_MUTATE=message.
expect_mutated() {
    if [ "${EXPECT_MUTATE:-}" = message ]; then
        printf '%s %s\n' "$1" "$EXPECT_MUTATION"
    else
        printf '%s\n' "$1"
    fi
}

# expect_equal GOT WANT WHAT: two strings are equal.
expect_equal() {
    local want
    want=$(expect_mutated "$2")
    [ "$1" = "$want" ] && return 0
    expect_fail "$3: got '$1', want '$want'"
}

# expect_has FILE TEXT [NAME]: FILE contains TEXT (a fixed string).
expect_has() {
    local want
    want=$(expect_mutated "$2")
    grep -qF -- "$want" "$1" && return 0
    expect_fail "${3:-$1} lacks '$want':"
    expect_show "$1"
    return 1
}

# expect_has_line FILE LINE [NAME]: FILE has the whole line LINE.
expect_has_line() {
    local want
    want=$(expect_mutated "$2")
    grep -qxF -- "$want" "$1" && return 0
    expect_fail "${3:-$1} lacks the line '$want':"
    expect_show "$1"
    return 1
}

# expect_empty FILE NAME: FILE is empty (nothing printed on NAME).
expect_empty() {
    [ -s "$1" ] || return 0
    expect_fail "unexpected output on $2:"
    expect_show "$1"
    return 1
}

# expect_nonempty FILE NAME: something was printed on NAME.
expect_nonempty() {
    [ -s "$1" ] && return 0
    expect_fail "nothing on $2"
}

# expect_files FILE...: each FILE exists and is not empty.
expect_files() {
    local f ok=0
    for f in "$@"; do
        [ -s "$f" ] || expect_fail "missing or empty: $f" || ok=1
    done
    return $ok
}

# expect_absent PATH...: none of them exists.
expect_absent() {
    local f ok=0
    for f in "$@"; do
        [ -e "$f" ] && { expect_fail "unexpected $f"; ok=1; }
    done
    return $ok
}

# expect_no_output DIR: the --out folder of a failed command is absent or
# an empty folder (no partial output left behind).
expect_no_output() {
    [ -e "$1" ] || return 0
    [ -d "$1" ] || { expect_fail "$1 was created and is not a folder"; return 1; }
    [ -z "$(find "$1" -mindepth 1 -print -quit)" ] && return 0
    expect_fail "files were left in $1:"
    find "$1" -mindepth 1 | sed 's/^/  | /' | head -n "${EXPECT_SHOW_LINES:-40}" >&2
    return 1
}

# expect_refused CASE_DIR LOG [OUT]: after `expect_run LOG ...`, the case
# of CASE_DIR failed as it must: the exit code of CASE_DIR/exit (default
# 2), stderr equal to CASE_DIR/expected byte for byte, nothing on stdout,
# and OUT, when given, absent or empty.
expect_refused() {
    local ok=0
    expect_exit "$(expect_code_in "$1/exit" 2)" || ok=1
    expect_same "$1/expected" "$2.stderr" stderr || ok=1
    expect_empty "$2.stdout" stdout || ok=1
    if [ $# -ge 3 ]; then expect_no_output "$3" || ok=1; fi
    return $ok
}

# expect_vigil CODE FIRST_LINE ARGS...: runs "$EXPECT_VIGIL" ARGS from
# here, output in "$EXPECT_LOG".stdout/.stderr (EXPECT_OUT, EXPECT_ERR):
# it exits with CODE, the first line of its stderr is exactly FIRST_LINE
# ("" for none), and when CODE is not 0 it prints nothing on stdout.
expect_vigil() {
    local code=$1 want line ok=0
    want=$(expect_mutated "$2")
    shift 2
    [ "${EXPECT_MUTATE:-}" = exit ] && code="$code (mutated)"
    expect_run "${EXPECT_LOG:?set EXPECT_LOG before expect_vigil}" "" \
        "${EXPECT_VIGIL:?set EXPECT_VIGIL before expect_vigil}" "$@"
    line=$(head -n 1 "$EXPECT_ERR")
    if [ "$EXPECT_RC" != "$code" ] || [ "$line" != "$want" ]; then
        expect_fail "vigil $*"
        printf '  got:  exit %s, %s\n  want: exit %s, %s\n' "$EXPECT_RC" "$line" "$code" "$want" >&2
        expect_show "$EXPECT_ERR"
        ok=1
    fi
    if [ "${code%% *}" != 0 ] && [ -s "$EXPECT_OUT" ]; then
        expect_fail "vigil $*: output on stdout on error:"
        expect_show "$EXPECT_OUT"
        ok=1
    fi
    return $ok
}

# expect_passed: no check has failed so far.
expect_passed() {
    [ "$EXPECT_FAILS" -eq 0 ]
}

# expect_done [NOTE [FILE]]: ends the driver: "ok [NAME] NOTE" (then FILE,
# e.g. the stderr a case was expected to print) and exit 0, or the number
# of failed checks and exit 1.
expect_done() {
    if expect_passed; then
        echo "ok [$EXPECT_NAME]${1:+ $1}"
        if [ $# -ge 2 ]; then EXPECT_SHOW_BYTES=${EXPECT_SHOW_BYTES:-2000} expect_show "$2" 2>&1; fi
        exit 0
    fi
    echo "FAILED [$EXPECT_NAME]: $EXPECT_FAILS check(s) failed" >&2
    exit 1
}
