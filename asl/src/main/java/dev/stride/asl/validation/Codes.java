package dev.stride.asl.validation;

/** AWS diagnostic codes (API reference, ValidateStateMachineDefinitionDiagnostic). */
final class Codes {
    static final String SCHEMA = "SCHEMA_VALIDATION_FAILED";
    static final String INVALID_JSON = "INVALID_JSON_DESCRIPTION";
    static final String MISSING_TARGET = "MISSING_TRANSITION_TARGET";
    static final String MISSING_END = "MISSING_END_STATE";
    static final String DUPLICATE_NAME = "DUPLICATE_STATE_NAME";
    static final String INVALID_NAME = "INVALID_STATE_NAME";
    static final String INVALID_LABEL = "INVALID_LABEL_NAME";
    static final String INVALID_RESOURCE = "INVALID_RESOURCE";

    private Codes() {}
}
