#!/bin/sh
# The batch-notify job: what the job definition's container runs (sh job.sh). It says where it
# runs (the variables AWS Batch gives every job), does its work, and exits 0; when its definition
# sets SIMULATE_FAILURE (stride example batch-notify --fail) it reports an error on stderr and
# exits 3. Its output goes to CloudWatch Logs, group /aws/batch/job.
echo "job $AWS_BATCH_JOB_ID, attempt $AWS_BATCH_JOB_ATTEMPT, on queue $AWS_BATCH_JQ_NAME ($AWS_BATCH_CE_NAME)"
for item in invoices receipts refunds; do
  echo "processed $item"
done
if [ -n "$SIMULATE_FAILURE" ]; then
  echo "error: $SIMULATE_FAILURE" >&2
  exit 3
fi
echo "done"
