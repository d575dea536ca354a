#!/bin/sh
# Step 2 of sequential-batch: transform. Usage: sh transform.sh INPUT OUTPUT UPSTREAM (the job's
# parameters input, output and upstream: the extract job that wrote INPUT). Sums the records of
# INPUT by region into OUTPUT: region,orders,total, one line per region in name order.
set -e
input=$1 output=$2 upstream=$3
echo "transform: job $AWS_BATCH_JOB_ID reading $input, written by job $upstream"
if [ -n "$SIMULATE_FAILURE" ]; then echo "transform: error: $SIMULATE_FAILURE" >&2; exit 4; fi
awk -F, '{ orders[$2]++; total[$2] += $4 } END { for (r in total) printf "%s,%d,%.2f\n", r, orders[r], total[r] }' "$input" \
  | sort > "$output.part"
mv "$output.part" "$output"
echo "transform: wrote $(wc -l < "$output" | tr -d ' ') regions to $output"
