package dev.stride.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.asl.validation.StateMachineType;
import java.util.ArrayList;
import java.util.List;

/**
 * A state machine as the API stores it: plain data, so a durable registry can keep it. Its
 * published versions and its aliases live with it (deleting the machine deletes them).
 *
 * @param lastVersionNumber the highest number ever published: numbers are never reused, even after a delete
 */
record MachineEntry(String arn, String name, StateMachineType type, String definition, String roleArn,
                    long creationMillis, long updateMillis, String revisionId,
                    JsonNode loggingConfiguration, JsonNode tracingConfiguration, JsonNode encryptionConfiguration,
                    List<VersionEntry> versions,
                    int lastVersionNumber, List<AliasEntry> aliases) {
    MachineEntry {
        // A record kept before these settings were (durable registries): AWS's defaults.
        if (loggingConfiguration == null) loggingConfiguration = MachineSettings.DEFAULT_LOGGING;
        if (tracingConfiguration == null) tracingConfiguration = MachineSettings.DEFAULT_TRACING;
        if (encryptionConfiguration == null) encryptionConfiguration = MachineSettings.DEFAULT_ENCRYPTION;
        versions = List.copyOf(versions);
        aliases = List.copyOf(aliases);
    }

    MachineEntry withVersion(VersionEntry v) {
        List<VersionEntry> all = new ArrayList<>(versions);
        all.add(v);
        return new MachineEntry(arn, name, type, definition, roleArn, creationMillis, updateMillis, revisionId,
                loggingConfiguration, tracingConfiguration, encryptionConfiguration, all, Math.max(lastVersionNumber, v.number()), aliases);
    }

    MachineEntry withoutVersion(int number) {
        List<VersionEntry> all = new ArrayList<>(versions);
        all.removeIf(v -> v.number() == number);
        return new MachineEntry(arn, name, type, definition, roleArn, creationMillis, updateMillis, revisionId,
                loggingConfiguration, tracingConfiguration, encryptionConfiguration, all, lastVersionNumber, aliases);
    }

    /** Adds the alias, or replaces the one of the same name. */
    MachineEntry withAlias(AliasEntry alias) {
        List<AliasEntry> all = new ArrayList<>(aliases);
        all.removeIf(a -> a.name().equals(alias.name()));
        all.add(alias);
        return new MachineEntry(arn, name, type, definition, roleArn, creationMillis, updateMillis, revisionId,
                loggingConfiguration, tracingConfiguration, encryptionConfiguration, versions, lastVersionNumber, all);
    }

    MachineEntry withoutAlias(String aliasName) {
        List<AliasEntry> all = new ArrayList<>(aliases);
        all.removeIf(a -> a.name().equals(aliasName));
        return new MachineEntry(arn, name, type, definition, roleArn, creationMillis, updateMillis, revisionId,
                loggingConfiguration, tracingConfiguration, encryptionConfiguration, versions, lastVersionNumber, all);
    }

    MachineEntry updated(String definition, String roleArn, long updateMillis, String revisionId,
                         JsonNode logging, JsonNode tracing, JsonNode encryption) {
        return new MachineEntry(arn, name, type, definition, roleArn, creationMillis, updateMillis, revisionId,
                logging, tracing, encryption, versions, lastVersionNumber, aliases);
    }

    int nextVersionNumber() { return lastVersionNumber + 1; }

    VersionEntry version(int number) {
        for (VersionEntry v : versions) if (v.number() == number) return v;
        return null;
    }

    /** The version a qualifier names ("3"), or null when it is not a number or not published. */
    VersionEntry version(String qualifier) {
        if (qualifier == null || !qualifier.chars().allMatch(Character::isDigit) || qualifier.length() > 9) return null;
        return version(Integer.parseInt(qualifier));
    }

    AliasEntry alias(String aliasName) {
        for (AliasEntry a : aliases) if (a.name().equals(aliasName)) return a;
        return null;
    }

    /** One published, immutable revision: {@code <machine arn>:<number>}. */
    record VersionEntry(String arn, int number, String definition, String roleArn, long creationMillis,
                        String description, String revisionId) {}

    /** A name routing executions to one or two versions by weight: {@code <machine arn>:<alias>}. */
    record AliasEntry(String arn, String name, String description, List<Route> routes, long creationMillis,
                      long updateMillis) {
        AliasEntry {
            routes = List.copyOf(routes);
        }
    }

    /** One routing entry: a version ARN and its weight (0-100; the entries sum to 100). */
    record Route(String versionArn, int weight) {}
}
