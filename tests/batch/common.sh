# Shared by tests/batch/*.sh: arguments (the vigil binary, the source tree,
# a scratch folder, emptied first), fail(), check_done and same_batch, on
# top of the checks of tests/lib/expect.sh (expect_run, expect_exit,
# expect_has...).
set -u
. "$(dirname "${BASH_SOURCE[0]}")/../lib/expect.sh"
expect_init "batch.$(basename "$0" .sh)"
vigil=$1
src=$2
work=$3
rm -rf "$work"
mkdir -p "$work"
cd "$src" || exit 1
# fail MESSAGE...: one failed check
fail() {
  expect_fail "$@"
}
# check_done: "ok" and the scratch folder removed, or exit 1 and kept
check_done() {
  if expect_passed; then rm -rf "$work"; else echo "outputs kept in $work" >&2; fi
  expect_done
}
# Folders must match byte for byte except the timing files.
same_batch() {
  diff -r -x timing.json -x timing.csv "$1" "$2" >"$work/diff.txt" 2>&1
}
