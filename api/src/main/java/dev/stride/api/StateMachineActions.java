package dev.stride.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.asl.validation.DefinitionValidator;
import dev.stride.asl.validation.Diagnostic;
import dev.stride.asl.validation.Severity;
import dev.stride.asl.validation.StateMachineType;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Writing state machines: Create, Update, Delete, and ValidateStateMachineDefinition. */
final class StateMachineActions {
    private static final int MAX_DEFINITION = 1_048_576;
    private final ApiContext ctx;

    StateMachineActions(ApiContext ctx) { this.ctx = ctx; }

    void register(Map<String, Operation> table) {
        table.put("CreateStateMachine", this::create);
        table.put("UpdateStateMachine", this::update);
        table.put("DeleteStateMachine", this::delete);
        table.put("ValidateStateMachineDefinition", this::validate);
        new StateMachineQueries(ctx).register(table);
    }

    private JsonNode create(Request r) {
        String name = Names.resource(r.required("name"));
        String definition = Request.bounded("definition", r.required("definition"), MAX_DEFINITION);
        String roleArn = roleArn(r.required("roleArn"));
        StateMachineType type = type(r.string("type", "STANDARD"));
        Map<String, String> tags = TagActions.tags(r.node("tags"));
        requireValid(definition, type);
        long now = ctx.now();
        String arn = ctx.arn("stateMachine", name);
        JsonNode logging = MachineSettings.logging(r.node("loggingConfiguration"));
        JsonNode tracing = MachineSettings.tracing(r.node("tracingConfiguration"));
        JsonNode encryption = MachineSettings.encryption(r.node("encryptionConfiguration"));
        MachineEntry fresh = new MachineEntry(arn, name, type, definition, roleArn, now, 0, UUID.randomUUID().toString(),
                logging, tracing, encryption, List.of(), 0, List.of());
        if (r.bool("publish", false)) fresh = fresh.withVersion(version(fresh, r.string("versionDescription"), now));
        MachineEntry existing = ctx.registry.addMachine(fresh);
        MachineEntry result = existing == null ? fresh : existing;
        // Idempotent only for the same definition, type and settings (a differing role or tags is ignored).
        if (existing != null && (!existing.definition().equals(definition) || existing.type() != type
                || !existing.loggingConfiguration().equals(logging) || !existing.tracingConfiguration().equals(tracing)
                || !existing.encryptionConfiguration().equals(encryption))) {
            throw ApiError.STATE_MACHINE_ALREADY_EXISTS.quoting("State Machine Already Exists", arn);
        }
        if (existing == null && !tags.isEmpty()) ctx.registry.putTags(arn, tags);
        ObjectNode out = Wire.object().put("stateMachineArn", arn);
        out.put("creationDate", Wire.seconds(result.creationMillis()));
        if (!result.versions().isEmpty()) out.put("stateMachineVersionArn", result.versions().getLast().arn());
        return out;
    }

    private JsonNode update(Request r) {
        Arn arn = Arn.parse(r.required("stateMachineArn"), "stateMachine");
        if (arn.qualifier() != null) throw ApiError.invalidArn(arn.text());
        String definition = Request.bounded("definition", r.string("definition"), MAX_DEFINITION);
        String roleArn = r.string("roleArn");
        JsonNode logging = r.node("loggingConfiguration") == null ? null : MachineSettings.logging(r.node("loggingConfiguration"));
        JsonNode tracing = r.node("tracingConfiguration") == null ? null : MachineSettings.tracing(r.node("tracingConfiguration"));
        JsonNode encryption = r.node("encryptionConfiguration") == null ? null : MachineSettings.encryption(r.node("encryptionConfiguration"));
        if (definition == null && roleArn == null && logging == null && tracing == null && encryption == null) {
            throw ApiError.MISSING_REQUIRED_PARAMETER.with(
                    "Either the definition, the roleArn, the loggingConfiguration or the tracingConfiguration must be specified");
        }
        if (roleArn != null) roleArn(roleArn);
        MachineEntry current = ctx.machine(arn);
        if (definition != null) requireValid(definition, current.type());
        long now = ctx.now();
        boolean publish = r.bool("publish", false);
        String description = r.string("versionDescription");
        MachineEntry updated = ctx.registry.updateMachine(current.arn(), old -> {
            MachineEntry next = old.updated(definition != null ? definition : old.definition(),
                    roleArn != null ? roleArn : old.roleArn(), now, UUID.randomUUID().toString(),
                    logging != null ? logging : old.loggingConfiguration(), tracing != null ? tracing : old.tracingConfiguration(),
                    encryption != null ? encryption : old.encryptionConfiguration());
            return publish ? next.withVersion(version(next, description, now)) : next;
        });
        if (updated == null) throw ApiError.stateMachineDoesNotExist(arn.text());
        ObjectNode out = Wire.object().put("updateDate", Wire.seconds(now)).put("revisionId", updated.revisionId());
        if (publish) out.put("stateMachineVersionArn", updated.versions().getLast().arn());
        return out;
    }

    private JsonNode delete(Request r) {
        Arn arn = Arn.parse(r.required("stateMachineArn"), "stateMachine");
        if (arn.qualifier() != null) {
            throw ApiError.VALIDATION.with("Deleting a version or alias through DeleteStateMachine is not supported: " + arn.text());
        }
        // AWS deletes asynchronously and answers the same for an unknown machine; running executions carry on.
        if (ctx.visible(arn.text())) ctx.registry.removeMachine(arn.text());
        return Wire.object();
    }

    private JsonNode validate(Request r) {
        String definition = Request.bounded("definition", r.required("definition"), MAX_DEFINITION);
        StateMachineType type = type(r.string("type", "STANDARD"));
        String severity = r.string("severity", "ERROR");
        if (!severity.equals("ERROR") && !severity.equals("WARNING")) {
            throw ApiError.constraint("'" + severity + "'", "severity", "Member must satisfy enum value set: [ERROR, WARNING]");
        }
        int max = r.integer("maxResults", 0);
        if (max < 0 || max > 100) {
            throw ApiError.constraint("'" + max + "'", "maxResults", "Member must have value less than or equal to 100");
        }
        List<Diagnostic> all = DefinitionValidator.validateText(definition, type).stream()
                .filter(d -> severity.equals("WARNING") || d.severity() == Severity.ERROR).toList();
        int limit = max == 0 ? 100 : max;
        ObjectNode out = (ObjectNode) DefinitionValidator.validateResponse(all.subList(0, Math.min(limit, all.size())));
        if (DefinitionValidator.hasErrors(all)) out.put("result", "FAIL");
        out.put("truncated", all.size() > limit);
        return out;
    }

    private static void requireValid(String definition, StateMachineType type) {
        List<Diagnostic> diagnostics = DefinitionValidator.validateText(definition, type);
        if (DefinitionValidator.hasErrors(diagnostics)) {
            throw ApiError.INVALID_DEFINITION.with(DefinitionValidator.createErrorMessage(diagnostics));
        }
    }

    static MachineEntry.VersionEntry version(MachineEntry m, String description, long now) {
        int n = m.nextVersionNumber();
        return new MachineEntry.VersionEntry(m.arn() + ":" + n, n, m.definition(), m.roleArn(), now,
                Request.bounded("versionDescription", description, 256), m.revisionId());
    }

    static StateMachineType type(String type) {
        try {
            return StateMachineType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw ApiError.constraint("'" + type + "'", "type", "Member must satisfy enum value set: [STANDARD, EXPRESS]");
        }
    }

    private static String roleArn(String roleArn) {
        if (!roleArn.startsWith("arn:") || roleArn.length() > 256) throw ApiError.invalidArn(roleArn);
        return roleArn;
    }
}
