#!/bin/sh
# Step 3 of sequential-batch: load. Usage: sh load.sh INPUT REPORT UPSTREAM (the job's parameters
# input, report and upstream: the transform job that wrote INPUT). Loads the totals into the
# report, a small text table, and prints it.
set -e
input=$1 report=$2 upstream=$3
echo "load: job $AWS_BATCH_JOB_ID reading $input, written by job $upstream"
if [ -n "$SIMULATE_FAILURE" ]; then echo "load: error: $SIMULATE_FAILURE" >&2; exit 4; fi
{
  printf '%-8s %6s %9s\n' region orders total
  awk -F, '{ printf "%-8s %6d %9.2f\n", $1, $2, $3 }' "$input"
} > "$report.part"
mv "$report.part" "$report"
cat "$report"
