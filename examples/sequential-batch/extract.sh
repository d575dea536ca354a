#!/bin/sh
# Step 1 of sequential-batch: extract. Usage: sh extract.sh SOURCE OUTPUT (the job's parameters
# source and output). Copies the sales records of SOURCE (a CSV with a header) to OUTPUT without
# the header and blank lines, checking that each has four fields.
set -e
source=$1 output=$2
echo "extract: job $AWS_BATCH_JOB_ID reading $source"
if [ -n "$SIMULATE_FAILURE" ]; then echo "extract: error: $SIMULATE_FAILURE" >&2; exit 4; fi
awk -F, 'NR > 1 && NF > 0 { if (NF != 4) { print "extract: line " NR " has " NF " fields" > "/dev/stderr"; exit 2 } print }' "$source" > "$output.part"
mv "$output.part" "$output"
echo "extract: wrote $(wc -l < "$output" | tr -d ' ') records to $output"
