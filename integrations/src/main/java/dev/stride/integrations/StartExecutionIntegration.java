package dev.stride.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.asl.model.StateMachine;
import dev.stride.engine.Engine;
import dev.stride.engine.ExecutionStatus;
import dev.stride.engine.ExecutionView;
import dev.stride.engine.StartRequest;
import dev.stride.engine.spi.TaskCompletion;
import dev.stride.engine.spi.TaskIntegration;
import dev.stride.engine.spi.TaskInvocation;
import dev.stride.expr.ErrorNames;
import dev.stride.expr.Json;
import dev.stride.integrations.internal.SdkMetadata;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Nested executions in the same engine: {@code arn:aws:states:::states:startExecution} (result
 * {@code {ExecutionArn, StartDate}}), {@code .sync} (the child's DescribeExecution with Input and
 * Input and Output as JSON text), {@code .sync:2} (as JSON) and {@code .waitForTaskToken}; plus
 * {@code aws-sdk:sfn:sendTaskSuccess|sendTaskFailure|sendTaskHeartbeat} so a child can answer its
 * parent's callback. Stopping the parent (or timing out its task) stops a child it waits for.
 * The child's input is the Input parameter as given: a parent links itself by passing
 * {@code "AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$": "$$.Execution.Id"} inside Input, as on AWS.
 * Children run as Standard executions. Call {@link #bind} with the engine before the first task.
 */
public final class StartExecutionIntegration implements TaskIntegration {
    private static final String START = ":states:::states:startExecution";
    private static final String SFN_SDK = ":states:::aws-sdk:sfn:";
    private final Function<String, StateMachine> machines;
    private final Map<String, String> childByToken = new ConcurrentHashMap<>();
    private final Map<String, String> parentByChild = new ConcurrentHashMap<>();
    private volatile Engine engine;

    /** @param machines finds a state machine by ARN (null when there is none) */
    public StartExecutionIntegration(Function<String, StateMachine> machines) { this.machines = machines; }

    /** The engine children are started in (the one this integration is registered with). */
    public StartExecutionIntegration bind(Engine engine) {
        this.engine = engine;
        return this;
    }

    /** The execution that started the child through this integration, if any. */
    public Optional<String> parentOf(String childExecutionArn) { return Optional.ofNullable(parentByChild.get(childExecutionArn)); }

    @Override
    public boolean accepts(String resource) {
        if (!resource.startsWith("arn:")) return false;
        int i = resource.indexOf(START);
        if (i >= 0) {
            String suffix = resource.substring(i + START.length());
            return suffix.isEmpty() || suffix.equals(".sync") || suffix.equals(".sync:2") || suffix.equals(".waitForTaskToken");
        }
        i = resource.indexOf(SFN_SDK);
        if (i < 0) return false;
        String action = resource.substring(i + SFN_SDK.length());
        return action.equals("sendTaskSuccess") || action.equals("sendTaskFailure") || action.equals("sendTaskHeartbeat");
    }

    @Override
    public void start(TaskInvocation inv, TaskCompletion completion) {
        Engine e = engine;
        if (e == null) {
            completion.fail(ErrorNames.TASK_FAILED, "Nested executions need the engine: call StartExecutionIntegration.bind(engine) (or Integrations.bind).");
            return;
        }
        Thread.ofVirtual().start(() -> {
            try {
                if (inv.resource().contains(SFN_SDK)) answerCallback(e, inv, completion);
                else startChild(e, inv, completion);
            } catch (Failure f) {
                completion.fail(f.error, f.cause);
            }
        });
    }

    @Override
    public void cancel(TaskInvocation inv) {
        String child = childByToken.remove(inv.taskToken());
        Engine e = engine;
        if (child != null && e != null) e.stop(child, null, "The parent execution " + inv.executionArn() + " stopped waiting for it.");
    }

    private void startChild(Engine e, TaskInvocation inv, TaskCompletion completion) {
        JsonNode p = inv.input();
        if (p == null || !p.path("StateMachineArn").isTextual()) throw new Failure("StepFunctions.InvalidArnException", "StateMachineArn is required and must be a string.");
        String smArn = p.get("StateMachineArn").textValue();
        StateMachine machine = machines.apply(smArn);
        if (machine == null) {
            throw new Failure("StepFunctions.StateMachineDoesNotExistException", "State Machine Does Not Exist: '" + smArn
                    + "' (Service: AWSStepFunctions; Status Code: 400; Error Code: StateMachineDoesNotExist; Request ID: "
                    + UUID.randomUUID() + "; Proxy: null). Stride: register it (stateMachines: in stride.yaml, or the server's API).");
        }
        JsonNode input = childInput(p.get("Input"));
        String given = p.path("Name").isTextual() ? p.get("Name").textValue() : null;
        String name = given != null ? given : UUID.randomUUID().toString();
        String child = childArn(e, smArn, name);
        if (given != null && e.describe(child) != null) throw new Failure("StepFunctions.ExecutionAlreadyExistsException", "Execution Already Exists: '" + child + "'");
        String resource = inv.resource();
        boolean sync = resource.endsWith(".sync") || resource.endsWith(".sync:2");
        boolean waits = sync || resource.endsWith(".waitForTaskToken");
        ObjectNode out = Json.NODES.objectNode();
        out.put("ExecutionArn", child);
        out.put("StartDate", e.clock().millis());
        SdkMetadata.add(out, 200, UUID.randomUUID().toString(), Map.of());
        parentByChild.put(child, inv.executionArn());
        if (waits) {
            childByToken.put(inv.taskToken(), child);
            // Recorded before the child starts: a child may answer the callback at once, and an
            // outcome ends the task (progress reported after it would be dropped).
            completion.submitted(out);
        }
        e.start(new StartRequest(machine, smArn, name, input, false, null));
        if (!waits) {
            completion.succeed(out);
            return;
        }
        if (!sync) return; // the child (or anyone) answers with the task token
        boolean jsonOutput = resource.endsWith(".sync:2");
        e.onCompletion(child, view -> Thread.ofVirtual().start(() -> {
            if (childByToken.remove(inv.taskToken()) == null) return; // cancelled
            ObjectNode described = describe(view, jsonOutput);
            if (view.status() == ExecutionStatus.SUCCEEDED) completion.succeed(described);
            else completion.fail(ErrorNames.TASK_FAILED, Json.write(described));
        }));
    }

    /** The child's ARN in its machine's region and account (the engine's when the machine ARN does not say). */
    private static String childArn(Engine e, String smArn, String name) {
        String machine = smArn.substring(smArn.lastIndexOf(':') + 1);
        int at = smArn.indexOf(":stateMachine:");
        String prefix = smArn.startsWith("arn:") && at >= 0 ? smArn.substring(0, at + 1)
                : "arn:aws:states:" + e.region() + ":" + e.account() + ":";
        return prefix + "execution:" + machine + ":" + name;
    }

    private static JsonNode childInput(JsonNode input) {
        if (input == null || input.isNull()) return Json.NODES.objectNode();
        if (!input.isTextual()) return input;
        try {
            return Json.MAPPER.readTree(input.textValue());
        } catch (IOException ex) {
            throw new Failure("StepFunctions.InvalidExecutionInputException", "Invalid State Machine Execution Input: '"
                    + ex.getMessage().lines().findFirst().orElse("") + "'");
        }
    }

    /**
     * The child as AWS records a {@code .sync} task's result (TaskSucceeded's output, or TaskFailed's
     * cause as JSON text): DescribeExecution's members, in this order, without SDK metadata and
     * without the redrive members DescribeExecution has; {@code .sync:2} gives Input and Output as
     * JSON, {@code .sync} as JSON text (LocalStack's recordings of test_start_execution_sync,
     * _sync2 and _sync_delegate_failure in callback/test_callback.snapshot.json).
     */
    private static ObjectNode describe(ExecutionView v, boolean json) {
        ObjectNode d = Json.NODES.objectNode();
        if (v.cause() != null) d.put("Cause", v.cause());
        if (v.error() != null) d.put("Error", v.error());
        d.put("ExecutionArn", v.executionArn());
        if (json) d.set("Input", v.input());
        else d.put("Input", Json.write(v.input()));
        d.putObject("InputDetails").put("Included", true);
        d.put("Name", v.name());
        if (v.status() == ExecutionStatus.SUCCEEDED) {
            if (json) d.set("Output", v.output());
            else d.put("Output", Json.write(v.output()));
            d.putObject("OutputDetails").put("Included", true);
        }
        d.put("StartDate", v.startMillis());
        d.put("StateMachineArn", v.stateMachineArn());
        d.put("Status", v.status().name());
        d.put("StopDate", v.stopMillis());
        return d;
    }

    private static void answerCallback(Engine e, TaskInvocation inv, TaskCompletion completion) {
        JsonNode p = inv.input();
        String action = inv.resource().substring(inv.resource().indexOf(SFN_SDK) + SFN_SDK.length());
        if (p == null || !p.path("TaskToken").isTextual()) throw new Failure("Sfn.InvalidTokenException", "TaskToken is required and must be a string.");
        String token = p.get("TaskToken").textValue();
        boolean known = switch (action) {
            case "sendTaskSuccess" -> e.sendTaskSuccess(token, output(p.get("Output")));
            case "sendTaskFailure" -> e.sendTaskFailure(token, p.path("Error").isTextual() ? p.get("Error").textValue() : null,
                    p.path("Cause").isTextual() ? p.get("Cause").textValue() : null);
            default -> e.sendTaskHeartbeat(token);
        };
        if (!known) throw new Failure("Sfn.TaskDoesNotExistException", "Task Timed Out: 'Provided task does not exist anymore' (Service: Sfn, Status Code: 400)");
        completion.succeed(Json.NODES.objectNode());
    }

    private static JsonNode output(JsonNode o) {
        if (o == null || o.isNull()) throw new Failure("Sfn.InvalidOutputException", "Output is required.");
        if (!o.isTextual()) return o;
        try {
            return Json.MAPPER.readTree(o.textValue());
        } catch (IOException ex) {
            throw new Failure("Sfn.InvalidOutputException", "Invalid Output: '" + o.textValue() + "'");
        }
    }

    private static final class Failure extends RuntimeException {
        final String error;
        final String cause;

        Failure(String error, String cause) {
            super(error, null, false, false);
            this.error = error;
            this.cause = cause;
        }
    }
}
