#!/usr/bin/env bash
# A table whose one cell is SIZE bytes of digits (default 16 MiB).
#   usage: long_field.sh DIR [SIZE]; then vigil mrio --table DIR --out OUT
# libcsv grows its field buffer by 128 bytes at a time (csv_set_blk_size is
# never called in engine/csvio.c): 131,079 reallocs for 16 MiB. glibc
# extends in place (1.7 s), but under ASan every realloc copies: a 1 MiB
# cell takes 115 s, 2 MiB 460 s, 16 MiB hours.
set -eu
mkdir -p "$1"
size=${2:-16777216}
printf 'region_sector,R1_FD,R2_FD\nR1_s1,280,105\nR1_s2,1360,510\nR2_s1,70,945\nR2_s2,340,4590\n' >"$1/Y.csv"
{ echo "region_sector,R1_s1,R1_s2,R2_s1,R2_s2"
  printf 'R1_s1,'; head -c "$size" /dev/zero | tr '\0' '7'; echo ",400,45,150"
  echo "R1_s2,160,80,60,30"
  echo "R2_s1,30,100,405,1350"
  echo "R2_s2,40,20,540,270"; } >"$1/Z.csv"
