package dev.stride.api;

import java.util.HashMap;
import java.util.Map;

/** The action table: X-Amz-Target's action name to its operation. */
final class Operations {
    static final String TARGET_PREFIX = "AWSStepFunctions.";

    private final Map<String, Operation> byName;

    Operations(Map<String, Operation> byName) { this.byName = Map.copyOf(byName); }

    static Operations create(ApiContext context) {
        Map<String, Operation> table = new HashMap<>();
        new StateMachineActions(context).register(table);
        new ExecutionActions(context).register(table);
        new HistoryActions(context).register(table);
        new TaskActions(context).register(table);
        new TagActions(context).register(table);
        new ActivityActions(context).register(table);
        new VersionActions(context).register(table);
        new AliasActions(context).register(table);
        new TestStateActions(context).register(table);
        new MapRunActions(context).register(table);
        return new Operations(table);
    }

    boolean knows(String action) { return action != null && byName.containsKey(action); }

    /** The operation for an X-Amz-Target header value, or UnknownOperationException. */
    Operation forTarget(String target) {
        Operation op = target != null && target.startsWith(TARGET_PREFIX)
                ? byName.get(target.substring(TARGET_PREFIX.length())) : null;
        if (op == null) throw ApiError.UNKNOWN_OPERATION.with(null);
        return op;
    }
}
