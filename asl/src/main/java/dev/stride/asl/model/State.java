package dev.stride.asl.model;

/** One state of a graph, compiled. */
public sealed interface State
        permits PassState, TaskState, ChoiceState, WaitState, SucceedState, FailState, ParallelState, MapState {
    Common common();

    default String name() { return common().name(); }
}
