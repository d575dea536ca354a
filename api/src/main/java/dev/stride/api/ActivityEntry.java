package dev.stride.api;

import com.fasterxml.jackson.databind.JsonNode;

/** An activity: a name workers poll for tasks. */
record ActivityEntry(String arn, String name, long creationMillis, JsonNode encryptionConfiguration) {
    ActivityEntry {
        if (encryptionConfiguration == null) encryptionConfiguration = MachineSettings.DEFAULT_ENCRYPTION; // kept before it was
    }
}
