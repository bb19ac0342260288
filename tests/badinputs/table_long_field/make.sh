# A table whose one cell is 256 KiB of digits: refused, with a short excerpt
# of the cell in the message (memory stays proportional to the cell).
cp "$VIGIL_SOURCE/tests/data/textbook/Y.csv" .
{ echo "region_sector,R1_s1,R1_s2,R2_s1,R2_s2"
  printf 'R1_s1,'; head -c 262144 /dev/zero | tr '\0' '7'; echo ",400,45,150"
  echo "R1_s2,160,80,60,30"
  echo "R2_s1,30,100,405,1350"
  echo "R2_s2,40,20,540,270"; } > Z.csv
