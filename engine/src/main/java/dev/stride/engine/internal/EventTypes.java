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

    static String entered(State st) {
        if (st instanceof PassState) return "PassStateEntered";
        if (st instanceof ChoiceState) return "ChoiceStateEntered";
        if (st instanceof TaskState) return "TaskStateEntered";
        if (st instanceof ParallelState) return "ParallelStateEntered";
        if (st instanceof MapState) return "MapStateEntered";
        if (st instanceof WaitState) return "WaitStateEntered";
        if (st instanceof SucceedState) return "SucceedStateEntered";
        if (st instanceof FailState) return "FailStateEntered";
        return st.common().type() + "StateEntered";
    }

    /** Fail states have no Exited event; callers never ask for one. */
    static String exited(State st) {
        if (st instanceof PassState) return "PassStateExited";
        if (st instanceof ChoiceState) return "ChoiceStateExited";
        if (st instanceof TaskState) return "TaskStateExited";
        if (st instanceof ParallelState) return "ParallelStateExited";
        if (st instanceof MapState) return "MapStateExited";
        if (st instanceof WaitState) return "WaitStateExited";
        if (st instanceof SucceedState) return "SucceedStateExited";
        return st.common().type() + "StateExited";
    }
}
