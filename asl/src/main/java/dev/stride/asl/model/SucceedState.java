package dev.stride.asl.model;

/** Succeed: ends its graph successfully. */
public record SucceedState(Common common) implements State {}
