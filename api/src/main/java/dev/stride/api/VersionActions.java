package dev.stride.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * State machine versions: PublishStateMachineVersion (idempotent per revision),
 * ListStateMachineVersions (newest first), DeleteStateMachineVersion (refused while an alias routes to it).
 */
final class VersionActions {
    static final int MAX_VERSIONS = 1000;
    private final ApiContext ctx;

    VersionActions(ApiContext ctx) { this.ctx = ctx; }

    void register(Map<String, Operation> table) {
        table.put("PublishStateMachineVersion", this::publish);
        table.put("ListStateMachineVersions", this::list);
        table.put("DeleteStateMachineVersion", this::delete);
    }

    private JsonNode publish(Request r) {
        Arn arn = unqualified(r.required("stateMachineArn"));
        String revision = r.string("revisionId");
        String description = Request.bounded("description", r.string("description"), 256);
        MachineEntry current = ctx.machine(arn);
        long now = ctx.now();
        MachineEntry.VersionEntry[] published = new MachineEntry.VersionEntry[1];
        MachineEntry updated = ctx.registry.updateMachine(current.arn(), m -> {
            if (revision != null && !revision.equals(m.revisionId())) {
                throw ApiError.CONFLICT.with("Failed to publish the State Machine version for revision " + revision
                        + ". The current State Machine revision is " + m.revisionId() + ".");
            }
            MachineEntry.VersionEntry latest = m.versions().isEmpty() ? null : m.versions().getLast();
            if (latest != null && latest.revisionId().equals(m.revisionId())) {
                if (description != null && !description.equals(latest.description())) {
                    throw ApiError.CONFLICT.with("Failed to publish the State Machine version for revision "
                            + m.revisionId() + ": version " + latest.arn() + " already publishes it with a different description.");
                }
                published[0] = latest;
                return m;
            }
            if (m.versions().size() >= MAX_VERSIONS) {
                throw ApiError.SERVICE_QUOTA_EXCEEDED.with("A state machine can have at most " + MAX_VERSIONS
                        + " versions. Delete unused versions and try again.");
            }
            published[0] = StateMachineActions.version(m, description, now);
            return m.withVersion(published[0]);
        });
        if (updated == null) throw ApiError.stateMachineDoesNotExist(arn.text());
        return Wire.object().put("creationDate", Wire.seconds(published[0].creationMillis()))
                .put("stateMachineVersionArn", published[0].arn());
    }

    private JsonNode list(Request r) {
        MachineEntry m = ctx.machine(unqualified(r.required("stateMachineArn")));
        List<MachineEntry.VersionEntry> newestFirst = new ArrayList<>(m.versions());
        Collections.reverse(newestFirst);
        ObjectNode out = Wire.object();
        Pages.write(r, newestFirst, MachineEntry.VersionEntry::arn, out, "stateMachineVersions",
                v -> Wire.object().put("stateMachineVersionArn", v.arn()).put("creationDate", Wire.seconds(v.creationMillis())));
        return out;
    }

    private JsonNode delete(Request r) {
        String text = r.required("stateMachineVersionArn");
        Arn arn = Arn.parse(text, "stateMachine");
        if (arn.parts().size() != 2 || !arn.qualifier().chars().allMatch(Character::isDigit)) {
            throw ApiError.VALIDATION.with("Invalid version ARN: " + text);
        }
        // Deleting a version that does not exist (or of a machine that does not) succeeds, as on AWS.
        if (!ctx.visible(text)) return Wire.object();
        ctx.registry.updateMachine(arn.stateMachineBase(), m -> {
            MachineEntry.VersionEntry v = m.version(arn.qualifier());
            if (v == null) return m;
            List<String> routing = m.aliases().stream()
                    .filter(a -> a.routes().stream().anyMatch(route -> route.versionArn().equals(v.arn())))
                    .map(MachineEntry.AliasEntry::name).toList();
            if (!routing.isEmpty()) {
                throw ApiError.CONFLICT.with("Version to be deleted must not be referenced by an alias. "
                        + "Current list of aliases referencing this version: " + routing);
            }
            return m.withoutVersion(v.number());
        });
        return Wire.object();
    }

    private static Arn unqualified(String text) {
        Arn arn = Arn.parse(text, "stateMachine");
        if (arn.parts().size() != 1) throw ApiError.invalidArn(text);
        return arn;
    }
}
