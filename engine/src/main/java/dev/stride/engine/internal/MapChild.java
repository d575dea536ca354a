package dev.stride.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One child execution of a distributed Map Run, as the parent asks for it: which item, with
 * what input, run by which machine (the Map's ItemProcessor as a state machine of its own).
 *
 * <p>A child's name is derived from the Map Run and the item index, so the same item always
 * names the same execution: a parent resumed from an older snapshot that launches an item
 * again finds the child it started before the crash (running, or finished in the store)
 * instead of starting a second one. That is what makes a Standard child run exactly once.
 * {@code redrive}: the Map Run is redriven, so a Standard child that ended unsuccessfully is
 * redriven (same ARN, RedriveCount + 1) instead of being reported as ended.
 */
record MapChild(String executionArn, String name, String stateMachineArn, String mapRunArn, String parentArn,
                int frameId, int index, JsonNode input, boolean express, String roleArn, MachineIndex machine,
                boolean redrive, String rootArn) {

    /** The child state machine's ARN: {@code arn:...:stateMachine:MACHINE/LABEL}, from the Map Run's ARN. */
    static String stateMachineArn(String mapRunArn) {
        return mapRunArn.substring(0, mapRunArn.lastIndexOf(':')).replace(":mapRun:", ":stateMachine:");
    }

    static String name(String mapRunArn, int index) {
        return UUID.nameUUIDFromBytes((mapRunArn + "#" + index).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The child execution's ARN: Standard children are {@code :execution:}, Express ones {@code :express:}. */
    static String executionArn(String mapRunArn, int index, boolean express) {
        return stateMachineArn(mapRunArn).replace(":stateMachine:", express ? ":express:" : ":execution:") + ":" + name(mapRunArn, index);
    }
}
