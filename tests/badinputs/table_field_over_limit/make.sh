# A table whose one cell is 2 MiB of digits (tests/fuzz/pending/long_field.sh
# made it 16 MiB): beyond the field length limit (1 MiB), refused as soon as
# the reader has 1 MiB of it. libcsv used to grow the cell 128 bytes at a
# time: 87 s under ASan for 2 MiB, hours for 16 MiB.
cp "$VIGIL_SOURCE/tests/data/textbook/Y.csv" .
{ echo "region_sector,R1_s1,R1_s2,R2_s1,R2_s2"
  printf 'R1_s1,'; head -c 2097152 /dev/zero | tr '\0' '7'; echo ",400,45,150"
  echo "R1_s2,160,80,60,30"
  echo "R2_s1,30,100,405,1350"
  echo "R2_s2,40,20,540,270"; } > Z.csv
