package dev.stride.asl.model;

import java.util.List;

/** Parallel: runs every branch on the same input; the result is the array of branch outputs. */
public record ParallelState(Common common, List<StateGraph> branches, DataFlow flow, ErrorHandling errors) implements State {}
