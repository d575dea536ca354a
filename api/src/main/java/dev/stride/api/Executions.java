package dev.stride.api;

import dev.stride.engine.ExecutionView;
import java.util.List;
import java.util.Optional;

/**
 * The executions the API shows: held in memory on a server without a store
 * ({@link MemoryExecutions}), read from the store otherwise ({@link StoredExecutions}), where
 * nothing is held per execution.
 */
interface Executions {
    /**
     * Called before the engine starts the execution: records it where this index keeps entries
     * itself; returns the entry already holding the ARN, or null.
     */
    ExecutionEntry add(ExecutionEntry execution);

    Optional<ExecutionEntry> find(String executionArn);

    /** RedriveExecution reopened it (a store has the counters from the engine already). */
    void redriven(String executionArn, int count, long atMillis);

    /** Forgets an execution (StartSyncExecution's, which AWS does not keep; a start that was refused). */
    void remove(String executionArn);

    /** One ListExecutions page, newest first; InvalidToken for a token this query did not give. */
    Page page(Filter filter, String token, int size);

    /**
     * @param stateMachineArn the unqualified machine ARN
     * @param qualifierArn    a version or alias ARN the executions were started through, or null
     * @param status          a status name, or null
     * @param redriven        REDRIVEN (true), NOT_REDRIVEN (false) or null
     */
    record Filter(String stateMachineArn, String qualifierArn, String status, Boolean redriven) {}

    /** A page row: the API's entry and the engine's view (without payloads in a store's list). */
    record Row(ExecutionEntry entry, ExecutionView view) {}

    record Page(List<Row> rows, String nextToken) {}
}
