package dev.stride.store.sqlite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.asl.compile.DefinitionCompiler;
import dev.stride.asl.model.StateMachine;
import dev.stride.asl.read.DefinitionReader;
import dev.stride.engine.spi.TaskCompletion;
import dev.stride.engine.spi.TaskIntegration;
import dev.stride.engine.spi.TaskInvocation;
import dev.stride.expr.Json;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The crash test's executions: deterministic names, inputs and definitions, and a task
 * integration whose outcome depends only on the task's input and attempt (never on the token or
 * on time), so an interrupted run must end exactly like an uninterrupted one.
 *
 * <p>Only one path of an execution blocks at a time (Map with MaxConcurrency 1, Parallel with a
 * single waiting branch): with two concurrent waits, event order legitimately depends on timing,
 * and a restart can change it without anything being wrong.
 */
final class CrashWorkload {
    static final String SM_ARN_PREFIX = "arn:aws:states:us-east-1:123456789012:stateMachine:";

    /** Four laps of a 2-second Wait with a Task in each lap: keeps executions alive across several kills. */
    static final String WAITS = """
        {"StartAt": "Prepare", "States": {
          "Prepare": {"Type": "Pass", "Parameters": {"k.$": "$.k", "lap": 0}, "Next": "Nap"},
          "Nap": {"Type": "Wait", "Seconds": 2, "Next": "Work"},
          "Work": {"Type": "Task", "Resource": "arn:aws:states:::test:echo", "ResultPath": "$.work", "Next": "Lap"},
          "Lap": {"Type": "Pass", "Parameters": {"k.$": "$.k", "lap.$": "States.MathAdd($.lap, 1)"}, "Next": "Again"},
          "Again": {"Type": "Choice", "Choices": [{"Variable": "$.lap", "NumericLessThan": 4, "Next": "Nap"}], "Default": "Done"},
          "Done": {"Type": "Pass", "End": true}}}
        """;

    static final String MAP = """
        {"StartAt": "Items", "States": {
          "Items": {"Type": "Pass", "Parameters": {"k.$": "$.k", "items.$": "States.ArrayRange(1, 4, 1)"}, "Next": "Each"},
          "Each": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 1,
            "ItemSelector": {"k.$": "$.k", "item.$": "$$.Map.Item.Value"},
            "ItemProcessor": {"StartAt": "Square", "States": {
              "Square": {"Type": "Task", "Resource": "arn:aws:states:::test:echo", "Next": "Breathe"},
              "Breathe": {"Type": "Wait", "Seconds": 1, "End": true}}},
            "ResultPath": "$.results", "Next": "Pure"},
          "Pure": {"Type": "Map", "ItemsPath": "$.items",
            "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
            "ResultPath": "$.pure", "End": true}}}
        """;

    static final String PARALLEL = """
        {"StartAt": "Fork", "States": {
          "Fork": {"Type": "Parallel", "Next": "Rest", "Branches": [
            {"StartAt": "Flaky", "States": {"Flaky": {"Type": "Task", "Resource": "arn:aws:states:::test:flaky",
              "Retry": [{"ErrorEquals": ["Flaky"], "IntervalSeconds": 1, "MaxAttempts": 2, "BackoffRate": 1}], "End": true}}},
            {"StartAt": "Quick", "States": {"Quick": {"Type": "Pass", "Result": "quick", "Next": "Quicker"},
              "Quicker": {"Type": "Pass", "End": true}}}]},
          "Rest": {"Type": "Wait", "Seconds": 3, "Next": "End"},
          "End": {"Type": "Succeed"}}}
        """;

    static final String RETRY = """
        {"StartAt": "Flaky", "States": {
          "Flaky": {"Type": "Task", "Resource": "arn:aws:states:::test:flaky", "ResultPath": "$.flaky", "Next": "Maybe",
            "Retry": [{"ErrorEquals": ["Flaky"], "IntervalSeconds": 1, "MaxAttempts": 3, "BackoffRate": 1.5}]},
          "Maybe": {"Type": "Task", "Resource": "arn:aws:states:::test:doomed", "ResultPath": "$.maybe", "Next": "Pause",
            "Catch": [{"ErrorEquals": ["Doomed"], "ResultPath": "$.caught", "Next": "Pause"}]},
          "Pause": {"Type": "Wait", "Seconds": 2, "Next": "Check"},
          "Check": {"Type": "Choice", "Choices": [{"Variable": "$.k", "NumericGreaterThan": 450, "Next": "TooBig"}], "Default": "Ok"},
          "TooBig": {"Type": "Fail", "Error": "TooBig", "Cause": "k is over 450"},
          "Ok": {"Type": "Succeed"}}}
        """;

    /** A callback task (TaskSubmitted, then the answer by token) between waits. */
    static final String CALLBACK = """
        {"StartAt": "Ask", "States": {
          "Ask": {"Type": "Task", "Resource": "arn:aws:states:::test:callback.waitForTaskToken",
            "Parameters": {"k.$": "$.k"}, "HeartbeatSeconds": 60, "ResultPath": "$.answer", "Next": "Think"},
          "Think": {"Type": "Wait", "Seconds": 1, "Next": "AskAgain"},
          "AskAgain": {"Type": "Task", "Resource": "arn:aws:states:::test:callback.waitForTaskToken",
            "Parameters": {"k.$": "$.k", "again": true}, "ResultPath": "$.again", "End": true}}}
        """;

    /** An activity task: ActivityScheduled, ActivityStarted when the worker takes it, ActivitySucceeded. */
    static final String ACTIVITY = """
        {"StartAt": "Work", "States": {
          "Work": {"Type": "Task", "Resource": "arn:aws:states:us-east-1:123456789012:activity:crash",
            "HeartbeatSeconds": 60, "ResultPath": "$.worked", "Next": "Rest"},
          "Rest": {"Type": "Wait", "Seconds": 1, "End": true}}}
        """;

    static final List<String> DEFINITIONS = List.of(WAITS, MAP, PARALLEL, RETRY, CALLBACK, ACTIVITY);
    static final List<String> MACHINE_NAMES = List.of("Waits", "Map", "Parallel", "Retry", "Callback", "Activity");

    private CrashWorkload() {}

    static List<StateMachine> machines() {
        return DEFINITIONS.stream().map(d -> DefinitionCompiler.compile(DefinitionReader.read(d))).toList();
    }

    static String name(int k) { return String.format("crash-%05d", k); }

    static int kind(int k) { return k % DEFINITIONS.size(); }

    static String stateMachineArn(int k) { return SM_ARN_PREFIX + MACHINE_NAMES.get(kind(k)); }

    static String executionArn(int k) {
        return "arn:aws:states:us-east-1:123456789012:execution:" + MACHINE_NAMES.get(kind(k)) + ":" + name(k);
    }

    static JsonNode input(int k) { return Json.parse("{\"k\": " + k + "}"); }

    /** Completes each task 10 to 50 ms after it starts, with an outcome computed from input and attempt only. */
    static final class Tasks implements TaskIntegration, AutoCloseable {
        private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "crash-tasks");
            t.setDaemon(true);
            return t;
        });

        @Override
        public boolean accepts(String resource) {
            return resource.startsWith("arn:aws:states:::test:") || resource.endsWith(":activity:crash");
        }

        @Override
        public void start(TaskInvocation inv, TaskCompletion completion) {
            int k = inv.input().path("k").asInt();
            long delay = 10 + (k * 7L) % 40;
            if (inv.resource().endsWith(".waitForTaskToken")) {
                // The message is "sent" at once (TaskSubmitted); the answer comes later, by token.
                completion.submitted(Json.NODES.objectNode().put("queued", k));
                timer.schedule(() -> completion.succeed(Json.NODES.objectNode().put("answered", k)
                        .put("again", inv.input().path("again").asBoolean())), delay, TimeUnit.MILLISECONDS);
                return;
            }
            if (inv.resource().endsWith(":activity:crash")) {
                // A worker polls after a while (ActivityStarted), heartbeats, then reports its result.
                timer.schedule(() -> {
                    completion.started("worker-" + (k % 3));
                    completion.heartbeat();
                    timer.schedule(() -> completion.succeed(Json.NODES.objectNode().put("worked", k)), delay, TimeUnit.MILLISECONDS);
                }, delay, TimeUnit.MILLISECONDS);
                return;
            }
            timer.schedule(() -> complete(inv, k, completion), delay, TimeUnit.MILLISECONDS);
        }

        private static void complete(TaskInvocation inv, int k, TaskCompletion completion) {
            String what = inv.resource().substring(inv.resource().lastIndexOf(':') + 1);
            ObjectNode out = Json.NODES.objectNode();
            switch (what) {
                case "echo" -> {
                    out.set("echo", inv.input());
                    out.put("state", inv.stateName());
                    completion.succeed(out);
                }
                case "flaky" -> {
                    if (inv.attempt() == 0) {
                        completion.fail("Flaky", "the first attempt always fails (k=" + k + ")");
                    } else {
                        completion.succeed(out.put("flaky", "ok").put("attempt", inv.attempt()).put("k", k));
                    }
                }
                case "doomed" -> {
                    if (k % 2 == 1) completion.fail("Doomed", "k is odd: " + k);
                    else completion.succeed(out.put("spared", k));
                }
                default -> completion.fail("Unknown", what);
            }
        }

        @Override
        public void close() { timer.shutdownNow(); }
    }
}
