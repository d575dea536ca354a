package dev.stride.engine.internal;

import dev.stride.asl.model.ChoiceState;
import dev.stride.asl.model.FailState;
import dev.stride.asl.model.MapState;
import dev.stride.asl.model.ParallelState;
import dev.stride.asl.model.PassState;
import dev.stride.asl.model.State;
import dev.stride.asl.model.SucceedState;
import dev.stride.asl.model.TaskState;
import dev.stride.asl.model.WaitState;

/**
 * The entered and exited event kinds per state type, as constants chosen by the state's class:
 * concatenating type names per transition showed in profiles, and class tests are cheaper than a
 * switch on the type name.
 */
final class EventTypes {
    private EventTypes() {}

    private record Names(EventKind entered, EventKind exited) {
        Names(String type) {
            this(new EventKind(type + "StateEntered", "stateEnteredEventDetails", Events.ENTERED),
                    new EventKind(type + "StateExited", "stateExitedEventDetails", Events.EXITED));
        }
    }

    private static final Names PASS = new Names("Pass");
    private static final Names CHOICE = new Names("Choice");
    private static final Names TASK = new Names("Task");
    private static final Names PARALLEL = new Names("Parallel");
    private static final Names MAP = new Names("Map");
    private static final Names WAIT = new Names("Wait");
    private static final Names SUCCEED = new Names("Succeed");
    /** A Fail state is never exited. */
    private static final Names FAIL = new Names(new EventKind("FailStateEntered", "stateEnteredEventDetails", Events.ENTERED), null);

    /** State is sealed: these are all its kinds, the frequent ones first. */
    private static Names of(State st) {
        if (st instanceof PassState) return PASS;
        if (st instanceof ChoiceState) return CHOICE;
        if (st instanceof TaskState) return TASK;
        if (st instanceof ParallelState) return PARALLEL;
        if (st instanceof MapState) return MAP;
        if (st instanceof WaitState) return WAIT;
        if (st instanceof SucceedState) return SUCCEED;
        return FAIL;
    }

    static EventKind entered(State st) { return of(st).entered(); }

    static EventKind exited(State st) { return of(st).exited(); }
}
