# A world (tests/fuzz/world) whose concordance names a labour region with
# a 256 KiB name: refused, with the message cut to the engine's message size
# (1024 bytes with its end of line).
cp "$VIGIL_SOURCE"/tests/fuzz/world/*.csv .
{ echo "mrio_region,labour_region,weight"
  echo "A,North,1"
  echo "B,South,0.5"
  printf 'B,'; head -c 262144 /dev/zero | tr '\0' 'L'; echo ",0.5"; } > sdg.csv
