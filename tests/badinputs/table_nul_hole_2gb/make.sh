# A table whose Z.csv is a header, then a 2 GB hole: 2 GB of NUL bytes in a
# sparse file (4 KiB on disk). Refused at the first NUL byte, in the first
# read; it used to be buffered whole as one field (23 s, 2 GB of memory)
# before the same message.
cp "$VIGIL_SOURCE/tests/data/textbook/Y.csv" .
printf 'region_sector,R1_s1,R1_s2,R2_s1,R2_s2\n' > Z.csv
truncate -s 2G Z.csv
