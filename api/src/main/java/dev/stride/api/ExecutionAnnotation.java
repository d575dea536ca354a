package dev.stride.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the API keeps with a Standard execution in the store (the engine's start annotation): the
 * version and alias it was started through and the machine revision it ran, for
 * DescribeExecution, ListExecutions and DescribeStateMachineForExecution. Written with the
 * execution's first commit, so a start costs one commit and the registry holds nothing per
 * execution. Stores migrated from the registry's old per-execution records carry more members,
 * which are ignored.
 */
record ExecutionAnnotation(String versionArn, String aliasArn, String roleArn, String revisionId, long machineUpdateMillis) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private static final ExecutionAnnotation NONE = new ExecutionAnnotation(null, null, null, null, 0);

    static ExecutionAnnotation of(ExecutionEntry e) {
        return new ExecutionAnnotation(e.versionArn(), e.aliasArn(), e.roleArn(), e.revisionId(), e.machineUpdateMillis());
    }

    /** The annotation's text, or NONE's members when there is none (an execution an integration started). */
    static ExecutionAnnotation read(String json) {
        if (json == null) return NONE;
        try {
            return JSON.readValue(json, ExecutionAnnotation.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored execution's annotation cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    String write() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an execution annotation: " + e.getMessage(), e);
        }
    }
}
