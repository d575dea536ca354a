package dev.stride.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.expr.Json;
import java.time.Instant;

/** Builds the context object ($$ in JSONPath, $states.context in JSONata) for a state. */
final class ContextObject {
    private ContextObject() {}

    static ObjectNode build(ExecutionRecord ex, Frame f, String taskToken) {
        ObjectNode c = Json.NODES.objectNode();
        if (ex.contextExecution == null) {
            // The same for every state of the execution: built once, shared (never mutated).
            ObjectNode exec = Json.NODES.objectNode();
            exec.put("Id", ex.executionArn);
            exec.set("Input", ex.input);
            exec.put("StartTime", iso(ex.startMillis));
            exec.put("Name", ex.name);
            exec.put("RoleArn", ex.roleArn);
            exec.put("RedriveCount", ex.redriveCount);
            if (ex.redriveCount > 0) exec.put("RedriveTime", iso(ex.redriveMillis));
            ObjectNode sm = Json.NODES.objectNode();
            sm.put("Id", ex.stateMachineArn);
            sm.put("Name", ex.stateMachineName);
            ex.contextExecution = exec;
            ex.contextStateMachine = sm;
        }
        c.set("Execution", ex.contextExecution);
        ObjectNode state = c.putObject("State");
        state.put("EnteredTime", iso(f.enteredAtMillis));
        state.put("Name", f.stateName);
        if (f.inTask) state.put("RetryCount", f.retryCount); // AWS shows RetryCount in Task states only
        c.set("StateMachine", ex.contextStateMachine);
        if (taskToken != null) c.putObject("Task").put("Token", taskToken);
        return c;
    }

    /** Adds Map.Item for a Map's ItemSelector. */
    static ObjectNode withMapItem(ObjectNode context, int index, JsonNode value) {
        ObjectNode copy = Json.NODES.objectNode();
        copy.setAll(context); // shallow: the shared parts are never mutated
        ObjectNode item = copy.putObject("Map").putObject("Item");
        item.put("Index", index);
        item.set("Value", value);
        return copy;
    }

    /** AWS renders times with millisecond precision, e.g. 2024-01-01T00:00:00.000Z. */
    static String iso(long millis) {
        String s = Instant.ofEpochMilli(millis).toString();
        if (s.length() == 20) return s.substring(0, 19) + ".000Z"; // no fraction printed for whole seconds
        return s;
    }
}
