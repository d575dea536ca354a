package dev.stride.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.TaskCompletion;
import dev.stride.engine.spi.TaskIntegration;
import dev.stride.engine.spi.TaskInvocation;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code arn:aws:states:::aws-sdk:sfn:<action>} Task states: any action of this server's own Step
 * Functions API (startExecution, describeExecution, listExecutions, describeStateMachine, ...),
 * run in-process through the same action table the HTTP endpoint uses. Step Functions calls the
 * SDK v2 client, so members are PascalCase both ways ({@code StateMachineArn}, {@code ExecutionArn});
 * a string payload member given JSON ({@code Input}, {@code Output}) is sent as its JSON text, and
 * errors are {@code Sfn.<ErrorName>Exception} with the SDK's cause text. Timestamps stay as the API
 * sends them (epoch seconds). Tried after the nested-execution integration, which keeps
 * sendTaskSuccess/Failure/Heartbeat where it is configured.
 */
final class SfnSdkTasks implements TaskIntegration {
    private static final Pattern RESOURCE = Pattern.compile("arn:aws[a-z-]*:states:::aws-sdk:sfn:([a-z][A-Za-z]*)");
    /** String members that carry JSON: a JSON value given for them is sent as its text, as the SDK would. */
    private static final Set<String> JSON_TEXT = Set.of("input", "output", "definition");
    private volatile Operations operations;

    /** The action table, once the server has made it (after the engine this integration belongs to). */
    void bind(Operations operations) { this.operations = operations; }

    @Override
    public boolean accepts(String resource) { return resource != null && RESOURCE.matcher(resource).matches(); }

    @Override
    public void start(TaskInvocation inv, TaskCompletion completion) {
        Matcher m = RESOURCE.matcher(inv.resource());
        if (!m.matches()) throw new IllegalStateException("expected an aws-sdk:sfn resource, got " + inv.resource());
        String action = m.group(1).substring(0, 1).toUpperCase(Locale.ROOT) + m.group(1).substring(1);
        // Off the engine's thread: an action such as StartExecution waits for the store.
        // As the execution's own region and account: it sees what its machine's caller sees.
        Caller owner = Caller.owning(inv.executionArn());
        Thread.ofVirtual().start(() -> {
            if (owner == null) run(action, inv.input(), completion);
            else owner.run(() -> { run(action, inv.input(), completion); return null; });
        });
    }

    private void run(String action, JsonNode parameters, TaskCompletion completion) {
        Operations table = operations;
        if (table == null || !table.knows(action)) {
            completion.fail("Sfn.SfnException", "The action " + action + " is not one Step Functions has" + suffix(400));
            return;
        }
        try {
            ObjectNode body = parameters instanceof ObjectNode o ? request(o) : Wire.object();
            JsonNode reply = table.forTarget(Operations.TARGET_PREFIX + action).run(new Request(body));
            completion.succeed(response(reply == null ? Wire.object() : reply));
        } catch (ApiException e) {
            String type = e.error.type.endsWith("Exception") ? e.error.type : e.error.type + "Exception";
            completion.fail("Sfn." + type, (e.getMessage() == null ? "" : e.getMessage()) + suffix(e.error.status));
        } catch (RuntimeException bug) {
            completion.fail("Sfn.SfnException", "Internal error: " + bug + suffix(500));
        }
    }

    private static String suffix(int status) {
        return " (Service: Sfn, Status Code: " + status + ", Request ID: " + UUID.randomUUID() + ")";
    }

    /** Task parameters to the API's members: camelCase names, JSON payloads as text. */
    static ObjectNode request(ObjectNode params) {
        ObjectNode out = Wire.object();
        params.properties().forEach(e -> {
            String name = e.getKey().isEmpty() ? e.getKey() : e.getKey().substring(0, 1).toLowerCase(Locale.ROOT) + e.getKey().substring(1);
            JsonNode v = e.getValue();
            if (v.isNull()) return; // the SDK leaves out a null member
            if (JSON_TEXT.contains(name)) out.put(name, v.isTextual() ? v.textValue() : Wire.write(v));
            else out.set(name, v instanceof ObjectNode o ? request(o) : v instanceof ArrayNode a ? list(a, SfnSdkTasks::request) : v);
        });
        return out;
    }

    /** The API's reply with the SDK v2 response's member names (PascalCase). */
    static JsonNode response(JsonNode reply) {
        if (reply instanceof ArrayNode a) return list(a, o -> (ObjectNode) response(o));
        if (!(reply instanceof ObjectNode o)) return reply;
        ObjectNode out = Wire.object();
        o.properties().forEach(e -> out.set(e.getKey().isEmpty() ? e.getKey()
                : e.getKey().substring(0, 1).toUpperCase(Locale.ROOT) + e.getKey().substring(1), response(e.getValue())));
        return out;
    }

    private static ArrayNode list(ArrayNode items, java.util.function.UnaryOperator<ObjectNode> each) {
        ArrayNode out = Wire.MAPPER.createArrayNode();
        items.forEach(item -> out.add(item instanceof ObjectNode o ? each.apply(o) : item));
        return out;
    }
}
