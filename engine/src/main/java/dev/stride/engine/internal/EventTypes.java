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
 * Event type names per state type, as constants chosen by the state's class: concatenating them
 * per transition showed in profiles, and class tests are cheaper than a switch on the type name.
 */
final class EventTypes {
    private EventTypes() {}

    private record Names(String entered, String exited) {}

    private static final Names PASS = new Names("PassStateEntered", "PassStateExited");
    private static final Names CHOICE = new Names("ChoiceStateEntered", "ChoiceStateExited");
    private static final Names TASK = new Names("TaskStateEntered", "TaskStateExited");
    private static final Names PARALLEL = new Names("ParallelStateEntered", "ParallelStateExited");
    private static final Names MAP = new Names("MapStateEntered", "MapStateExited");
    private static final Names WAIT = new Names("WaitStateEntered", "WaitStateExited");
    private static final Names SUCCEED = new Names("SucceedStateEntered", "SucceedStateExited");
    /** A Fail state is never exited. */
    private static final Names FAIL = new Names("FailStateEntered", null);

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

    static String entered(State st) { return of(st).entered(); }

    static String exited(State st) { return of(st).exited(); }
}
