package dev.stride.asl.model;

import java.util.List;

/** Choice: the first matching rule picks the next state; {@code defaultNext} is null when absent. */
public record ChoiceState(Common common, List<Choice> choices, String defaultNext) implements State {}
