package dev.stride.examples;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * How an execution ended, as DescribeExecution and GetExecutionHistory tell it.
 *
 * @param status  SUCCEEDED, FAILED, TIMED_OUT or ABORTED
 * @param output  the output when SUCCEEDED, else null
 * @param states  the states entered, in order (a state entered three times is here three times)
 * @param events  the whole history
 */
public record Outcome(String executionArn, String status, JsonNode output, String error, String cause,
                      List<String> states, List<HistoryEvent> events) {
    public Outcome {
        states = List.copyOf(states);
        events = List.copyOf(events);
    }

    public boolean succeeded() { return "SUCCEEDED".equals(status); }

    /** How many times the state was entered. */
    public long entered(String state) { return states.stream().filter(state::equals).count(); }

    /** The final line of a run: {@code SUCCEEDED}, or {@code FAILED: error: cause}. */
    public String finalLine() {
        if (succeeded()) return status;
        return status + ": " + (error == null ? "" : error) + ": " + (cause == null ? "" : cause);
    }
}
