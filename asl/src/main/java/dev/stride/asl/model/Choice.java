package dev.stride.asl.model;

import dev.stride.expr.jsonata.JsonataTemplate;

/** A top-level Choice rule with its target and optional Assign/Output. */
public record Choice(ChoiceRule rule, String next, Assign assign, JsonataTemplate output) {}
