package dev.stride.engine.internal;

/** Event type names per state type, as constants: concatenating them per transition showed in profiles. */
final class EventTypes {
    private EventTypes() {}

    static String entered(String stateType) {
        return switch (stateType) {
            case "Pass" -> "PassStateEntered";
            case "Task" -> "TaskStateEntered";
            case "Choice" -> "ChoiceStateEntered";
            case "Wait" -> "WaitStateEntered";
            case "Succeed" -> "SucceedStateEntered";
            case "Fail" -> "FailStateEntered";
            case "Parallel" -> "ParallelStateEntered";
            case "Map" -> "MapStateEntered";
            default -> stateType + "StateEntered";
        };
    }

    static String exited(String stateType) {
        return switch (stateType) {
            case "Pass" -> "PassStateExited";
            case "Task" -> "TaskStateExited";
            case "Choice" -> "ChoiceStateExited";
            case "Wait" -> "WaitStateExited";
            case "Succeed" -> "SucceedStateExited";
            case "Parallel" -> "ParallelStateExited";
            case "Map" -> "MapStateExited";
            default -> stateType + "StateExited";
        };
    }
}
