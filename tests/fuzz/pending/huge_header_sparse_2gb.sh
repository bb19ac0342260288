#!/usr/bin/env bash
# A table whose Z.csv claims 2 GB: a header line, then a 2 GB hole (NUL
# bytes; a sparse file, 4 KiB on disk). The CSV reader buffers the whole
# 2 GB "field" before any check runs: about 4 GB of memory and half a minute
# before an error (or "out of memory" under a memory limit).
#   usage: huge_header_sparse_2gb.sh DIR; then vigil mrio --table DIR --out OUT
set -eu
mkdir -p "$1"
printf 'region_sector,R1_s1\n' >"$1/Z.csv"
truncate -s 2G "$1/Z.csv"
printf 'region_sector,R1_FD\nR1_s1,1\n' >"$1/Y.csv"
