package dev.stride.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Consumer;

/**
 * A service whose resources run on their own and end later (a Batch job, an ECS task). Task
 * states of the {@code .sync} pattern wait on it: they are told when the resource ends instead of
 * polling its Describe action.
 */
public interface RunToCompletion {
    /**
     * Calls {@code ended} once, from any thread, with the resource's description (what its
     * Describe action lists, in {@link AwsService#call}'s PascalCase shape, as Step Functions
     * outputs it) when it reaches a final status; at once when it already has one.
     *
     * @param id the resource's id or ARN as the starting action returned it
     * @return stops the watch (the callback is then not called)
     * @throws ServiceException when there is no such resource
     */
    AutoCloseable whenEnded(String region, String account, String id, Consumer<JsonNode> ended);

    /** Whether an ended resource's description counts as success for {@code .sync} (a job SUCCEEDED; a task whose essential containers exited 0). */
    boolean succeeded(JsonNode description);

    /** Stops the resource because the Task that waits on it was stopped (StopExecution, a timeout). Best effort. */
    void stopForTask(String region, String account, String id, String reason);
}
