package dev.stride.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.api.console.ExecutionPicture.Shape;
import dev.stride.api.console.ExecutionPicture.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExecutionPictureTest {
    final List<JsonNode> events = new ArrayList<>();

    /** Appends an event after {@code previous}; {@code name} goes in the details when given. */
    int event(String type, int previous, String name, String... kv) {
        int id = events.size() + 1;
        ObjectNode e = Html.MAPPER.createObjectNode().put("id", id).put("previousEventId", previous).put("type", type)
                .put("timestamp", 1_700_000_000 + id / 10.0);
        String key = type.endsWith("StateEntered") ? "stateEnteredEventDetails" : type.endsWith("StateExited") ? "stateExitedEventDetails"
                : Character.toLowerCase(type.charAt(0)) + type.substring(1) + "EventDetails";
        ObjectNode d = e.putObject(key);
        if (name != null) d.put("name", name);
        for (int i = 0; i < kv.length; i += 2) d.put(kv[i], kv[i + 1]);
        events.add(e);
        return id;
    }

    @Test
    void aTaskThatFailedOnceAndThenSucceededWasRetriedAndSucceeded() {
        int s = event("ExecutionStarted", 0, null);
        int in = event("TaskStateEntered", s, "Call", "input", "{\"a\":1}");
        int f = event("TaskFailed", event("TaskScheduled", in, null), null, "error", "Lambda.Throttled", "cause", "slow down");
        int ok = event("TaskSucceeded", event("TaskScheduled", f, null), null);
        event("ExecutionSucceeded", event("TaskStateExited", ok, "Call", "output", "{\"b\":2}"), null);
        ExecutionPicture p = ExecutionPicture.of(events, -1, Shape.NONE);
        ExecutionPicture.StateRun call = p.states.get("Call");
        assertThat(call.status).isEqualTo(Status.SUCCEEDED);
        assertThat(call.retried).isTrue();
        assertThat(call.input.path("a").asInt()).isEqualTo(1);
        assertThat(call.output.path("b").asInt()).isEqualTo(2);
        assertThat(p.classes()).containsEntry("Call", "st-succeeded st-retried");
        assertThat(p.executionStatus).isEqualTo("SUCCEEDED");
        assertThat(p.transitions).isEqualTo(1);
    }

    @Test
    void aFailureThatIsCaughtIsCaughtAndStoppingPartWayShowsRunning() {
        int s = event("ExecutionStarted", 0, null);
        int in = event("TaskStateEntered", s, "Call");
        int f = event("TaskFailed", event("TaskScheduled", in, null), null, "error", "Boom");
        int out = event("TaskStateExited", f, "Call");
        event("ExecutionSucceeded", event("PassStateExited", event("PassStateEntered", out, "Recover"), "Recover"), null);
        assertThat(ExecutionPicture.of(events, 3, Shape.NONE).states.get("Call").status).isEqualTo(Status.RUNNING);
        assertThat(ExecutionPicture.of(events, 4, Shape.NONE).states.get("Call").status).isEqualTo(Status.FAILED);
        ExecutionPicture all = ExecutionPicture.of(events, -1, Shape.NONE);
        assertThat(all.states.get("Call").status).isEqualTo(Status.CAUGHT);
        assertThat(all.states.get("Call").error).isEqualTo("Boom");
        assertThat(all.states.get("Recover").status).isEqualTo(Status.SUCCEEDED);
    }

    @Test
    void whenABranchFailsTheExecutionTheFailingStateFailedAndItsSiblingsWereCancelled() {
        int s = event("ExecutionStarted", 0, null);
        int p = event("ParallelStateStarted", event("ParallelStateEntered", s, "Both"), null);
        int w = event("WaitStateEntered", p, "Slow");
        int t = event("TaskStateEntered", w, "Call");
        int f = event("TaskFailed", event("TaskScheduled", t, null), null, "error", "Boom");
        event("ExecutionFailed", event("ParallelStateFailed", f, null), null, "error", "Boom", "cause", "it broke");
        ExecutionPicture pic = ExecutionPicture.of(events, -1, new Shape(Map.of("Both", Set.of("Slow", "Call")), Map.of()));
        assertThat(pic.states.get("Call").status).isEqualTo(Status.FAILED);
        assertThat(pic.states.get("Both").status).isEqualTo(Status.FAILED);
        assertThat(pic.states.get("Slow").status).isEqualTo(Status.ABORTED);
        assertThat(pic.executionStatus).isEqualTo("FAILED");
    }

    @Test
    void mapIterationsAreCountedAndEventsBelongToTheirIteration() {
        int s = event("ExecutionStarted", 0, null);
        int m = event("MapStateStarted", event("MapStateEntered", s, "Each"), null);
        int i0 = event("MapIterationStarted", m, "Each", "index", "0");
        int x0 = event("PassStateExited", event("PassStateEntered", i0, "Item"), "Item");
        event("MapIterationSucceeded", x0, "Each", "index", "0");
        int i1 = event("MapIterationStarted", x0, "Each", "index", "1");
        int x1 = event("PassStateEntered", i1, "Item");
        ExecutionPicture p = ExecutionPicture.of(events, -1, Shape.NONE);
        assertThat(p.iterations).extracting(ExecutionPicture.Iteration::status).containsExactly(Status.SUCCEEDED, Status.RUNNING);
        EventScopes scopes = EventScopes.of(events);
        assertThat(scopes.iteration(x0)).isEqualTo(i0);
        assertThat(scopes.iteration(x1)).isEqualTo(i1);
        assertThat(scopes.state(x1)).isEqualTo("Item");
    }

    @Test
    void eventsAfterAMapAreOutsideItsIterationsEvenWhenEachIterationChainsToTheLast() {
        int m = event("MapStateStarted", event("MapStateEntered", event("ExecutionStarted", 0, null), "Each"), null);
        int i0 = event("MapIterationStarted", m, "Each", "index", "0");
        int x0 = event("PassStateExited", event("PassStateEntered", i0, "Item"), "Item");
        event("MapIterationSucceeded", x0, "Each", "index", "0");
        int i1 = event("MapIterationStarted", x0, "Each", "index", "1");
        int x1 = event("PassStateExited", event("PassStateEntered", i1, "Item"), "Item");
        int done = event("MapIterationSucceeded", x1, "Each", "index", "1");
        int exited = event("MapStateExited", done, "Each");
        int after = event("SucceedStateEntered", exited, "Done");
        EventScopes scopes = EventScopes.of(events);
        assertThat(scopes.iteration(i1 + 1)).isEqualTo(i1);
        assertThat(scopes.iteration(exited)).isEqualTo(-1);
        assertThat(scopes.iteration(after)).isEqualTo(-1);
        assertThat(scopes.state(after)).isEqualTo("Done");
    }
}
