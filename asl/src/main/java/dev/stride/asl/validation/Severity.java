package dev.stride.asl.validation;

/** Severity of a validation diagnostic, as in AWS's ValidateStateMachineDefinition response. */
public enum Severity { ERROR, WARNING }
