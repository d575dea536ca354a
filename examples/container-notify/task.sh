#!/bin/sh
# The container-notify task's container: what its task definition runs (sh task.sh). A flaky
# start: while the try (RETRY_COUNT, set by the state machine from $$.State.RetryCount, 0 first)
# is below FAILING_TRIES (the task definition's: 1, or 99 with `stride example container-notify
# --fail`), it cannot reach its dependency and exits 1; otherwise it does its work and exits 0.
# Its output goes to CloudWatch Logs: group /ecs/container-notify, stream ecs/app/<task id>.
try=${RETRY_COUNT:-0}
echo "try $try of the container-notify task (fails while the try is below ${FAILING_TRIES:-0})"
if [ "$try" -lt "${FAILING_TRIES:-0}" ]; then
  echo "error: the report database is not ready yet" >&2
  exit 1
fi
echo "report written"
