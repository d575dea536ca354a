package dev.stride.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.asl.validation.StateMachineType;
import java.util.ArrayList;
import java.util.List;

/** A state machine as the API stores it: plain data, so a durable registry can keep it. */
record MachineEntry(String arn, String name, StateMachineType type, String definition, String roleArn,
                    long creationMillis, long updateMillis, String revisionId,
                    JsonNode loggingConfiguration, JsonNode tracingConfiguration, List<VersionEntry> versions) {
    MachineEntry {
        versions = List.copyOf(versions);
    }

    MachineEntry withVersion(VersionEntry v) {
        List<VersionEntry> all = new ArrayList<>(versions);
        all.add(v);
        return new MachineEntry(arn, name, type, definition, roleArn, creationMillis, updateMillis, revisionId,
                loggingConfiguration, tracingConfiguration, all);
    }

    MachineEntry updated(String definition, String roleArn, long updateMillis, String revisionId,
                         JsonNode logging, JsonNode tracing) {
        return new MachineEntry(arn, name, type, definition, roleArn, creationMillis, updateMillis, revisionId,
                logging, tracing, versions);
    }

    int nextVersionNumber() { return versions.isEmpty() ? 1 : versions.get(versions.size() - 1).number() + 1; }

    VersionEntry version(int number) {
        for (VersionEntry v : versions) if (v.number() == number) return v;
        return null;
    }

    /** One published, immutable revision: {@code <machine arn>:<number>}. */
    record VersionEntry(String arn, int number, String definition, String roleArn, long creationMillis,
                        String description, String revisionId) {}
}
