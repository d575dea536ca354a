package dev.stride.asl.model;

import dev.stride.expr.jsonata.JsonataTemplate;
import dev.stride.expr.template.PayloadTemplate;

/** A state's (or rule's, or catcher's) Assign block, compiled for its query language: exactly one is set. */
public record Assign(PayloadTemplate jsonPath, JsonataTemplate jsonata) {}
