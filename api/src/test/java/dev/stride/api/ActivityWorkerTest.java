package dev.stride.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.ActivityDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;

/** Activities end to end: a worker polls with GetActivityTask and answers with SendTask*. */
class ActivityWorkerTest extends ApiFixture {

    static String onActivity(String activityArn, String extra) {
        return """
                {"StartAt": "Work", "States": {"Work": {"Type": "Task", "Resource": "%s",
                  "Parameters": {"n.$": "$.n"}, %s "End": true}}}""".formatted(activityArn, extra);
    }

    @Test
    void aWorkerTakesTheTaskAndItsOutputBecomesTheExecutionOutput() throws Exception {
        String activity = sfn.createActivity(b -> b.name("double")).activityArn();
        String sm = createMachine("act-worker", onActivity(activity, ""));
        CompletableFuture<String> worker = CompletableFuture.supplyAsync(() -> {
            GetActivityTaskResponse task;
            do {
                task = sfn.getActivityTask(b -> b.activityArn(activity).workerName("w1"));
            } while (task.taskToken() == null);
            int n = Integer.parseInt(task.input().replaceAll("\\D", ""));
            String token = task.taskToken();
            sfn.sendTaskHeartbeat(b -> b.taskToken(token));
            sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"doubled\":" + (2 * n) + "}"));
            return task.input();
        });

        String exec = sfn.startExecution(b -> b.stateMachineArn(sm).input("{\"n\":21,\"ignored\":true}")).executionArn();

        assertThat(worker.get(10, TimeUnit.SECONDS)).isEqualTo("{\"n\":21}");
        var done = awaitDone(exec);
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.output()).isEqualTo("{\"doubled\":42}");
        var events = sfn.getExecutionHistory(b -> b.executionArn(exec)).events();
        assertThat(events).extracting(e -> e.typeAsString()).containsSubsequence(
                "TaskStateEntered", "ActivityScheduled", "ActivityStarted", "ActivitySucceeded", "TaskStateExited");
        assertThat(events.stream().filter(e -> e.activityStartedEventDetails() != null).findFirst().orElseThrow()
                .activityStartedEventDetails().workerName()).isEqualTo("w1");
    }

    @Test
    void aWorkerThatStopsHeartbeatingTimesTheTaskOut() {
        String activity = sfn.createActivity(b -> b.name("silent")).activityArn();
        String sm = createMachine("act-heartbeat", onActivity(activity, "\"HeartbeatSeconds\": 1,"));
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm).input("{\"n\":1}")).executionArn();

        String token = sfn.getActivityTask(b -> b.activityArn(activity).workerName("w")).taskToken();
        assertThat(token).isNotNull();

        var done = poll(() -> sfn.describeExecution(b -> b.executionArn(exec)), d -> d.status() != ExecutionStatus.RUNNING);
        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).isEqualTo("States.Timeout");
        assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}")))
                .isInstanceOf(TaskDoesNotExistException.class);
    }

    @Test
    void aPollWithNothingQueuedAnswersEmptyAfterTheTimeout() {
        String activity = sfn.createActivity(b -> b.name("idle")).activityArn();
        long start = System.nanoTime();
        GetActivityTaskResponse empty = sfn.getActivityTask(b -> b.activityArn(activity).workerName("w"));
        assertThat(empty.taskToken()).isNull();
        assertThat(empty.input()).isNull();
        assertThat(System.nanoTime() - start).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(1500));
    }

    @Test
    void tasksOfAStoppedExecutionAreNotHandedOut() {
        String activity = sfn.createActivity(b -> b.name("stopped")).activityArn();
        String sm = createMachine("act-stopped", onActivity(activity, ""));
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm).input("{\"n\":1}")).executionArn();
        // Wait until the task is queued (ActivityScheduled recorded; ActivityStarted comes only when a worker takes it).
        poll(() -> sfn.getExecutionHistory(b -> b.executionArn(exec)).events().size(), n -> n >= 3);
        sfn.stopExecution(b -> b.executionArn(exec));

        assertThat(sfn.getActivityTask(b -> b.activityArn(activity).workerName("w")).taskToken()).isNull();
    }

    @Test
    void unknownAndDeletedActivitiesDoNotExist() {
        String activity = sfn.createActivity(b -> b.name("doomed")).activityArn();
        sfn.deleteActivity(b -> b.activityArn(activity));

        assertThatThrownBy(() -> sfn.getActivityTask(b -> b.activityArn(activity)))
                .isInstanceOf(ActivityDoesNotExistException.class);
        assertThatThrownBy(() -> sfn.describeActivity(b -> b.activityArn(activity)))
                .isInstanceOf(ActivityDoesNotExistException.class);
    }

    @Test
    void aTaskOnAnActivityThatDoesNotExistFailsTheExecution() {
        String sm = createMachine("act-missing", onActivity(ACCOUNT_PREFIX + "activity:never-created", ""));
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm).input("{\"n\":1}")).executionArn();
        var done = awaitDone(exec);
        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.cause()).contains("never-created");
    }
}
