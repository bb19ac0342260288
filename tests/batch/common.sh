# Shared by tests/batch/*.sh: arguments (the vigil binary, the source tree,
# a scratch folder, emptied first), fail() and the shipped scenarios.
set -u
vigil=$1
src=$2
work=$3
rm -rf "$work"
mkdir -p "$work"
cd "$src" || exit 1
nfail=0
fail() {
  echo "FAILED: $*" >&2
  nfail=$((nfail + 1))
}
check_done() {
  if [ "$nfail" -eq 0 ]; then echo "ok"; rm -rf "$work"; exit 0; fi
  echo "$nfail failure(s); outputs kept in $work" >&2
  exit 1
}
# Folders must match byte for byte except the timing files.
same_batch() {
  diff -r -x timing.json -x timing.csv "$1" "$2" >"$work/diff.txt" 2>&1
}
