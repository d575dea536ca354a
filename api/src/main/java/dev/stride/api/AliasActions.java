package dev.stride.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * State machine aliases ({@code <machine arn>:<ALIAS>}): Create (idempotent for the same routing
 * and description), Describe, Update, Delete, List. An alias routes StartExecution to one or two
 * published versions of its machine by weight.
 */
final class AliasActions {
    static final int MAX_ALIASES = 100;
    private final ApiContext ctx;

    AliasActions(ApiContext ctx) { this.ctx = ctx; }

    void register(Map<String, Operation> table) {
        table.put("CreateStateMachineAlias", this::create);
        table.put("DescribeStateMachineAlias", this::describe);
        table.put("UpdateStateMachineAlias", this::update);
        table.put("DeleteStateMachineAlias", this::delete);
        table.put("ListStateMachineAliases", this::list);
    }

    /** The version ARN an execution through this alias runs, chosen by the routing weights. */
    static String pick(MachineEntry.AliasEntry alias) {
        int roll = ThreadLocalRandom.current().nextInt(100);
        for (MachineEntry.Route route : alias.routes()) {
            if (roll < route.weight()) return route.versionArn();
            roll -= route.weight();
        }
        return alias.routes().getLast().versionArn();
    }

    private JsonNode create(Request r) {
        String name = Names.alias(r.required("name"));
        String description = Request.bounded("description", r.string("description"), 256);
        List<MachineEntry.Route> routes = routes(r.node("routingConfiguration"));
        String machineArn = Arn.parse(routes.getFirst().versionArn()).stateMachineBase();
        long now = ctx.now();
        MachineEntry.AliasEntry[] result = new MachineEntry.AliasEntry[1];
        MachineEntry updated = ctx.registry.updateMachine(machineArn, m -> {
            requireVersions(m, routes);
            MachineEntry.AliasEntry existing = m.alias(name);
            if (existing != null) {
                if (!existing.routes().equals(routes) || !Objects.equals(existing.description(), description)) {
                    throw ApiError.CONFLICT.with("Failed to create alias because an alias with the same name and a "
                            + "different routing configuration already exists.");
                }
                result[0] = existing;
                return m;
            }
            if (m.aliases().size() >= MAX_ALIASES) {
                throw ApiError.SERVICE_QUOTA_EXCEEDED.with("A state machine can have at most " + MAX_ALIASES + " aliases.");
            }
            result[0] = new MachineEntry.AliasEntry(m.arn() + ":" + name, name, description, routes, now, now);
            return m.withAlias(result[0]);
        });
        if (updated == null) throw ApiError.RESOURCE_NOT_FOUND.quoting("Resource not found", routes.getFirst().versionArn());
        return Wire.object().put("stateMachineAliasArn", result[0].arn()).put("creationDate", Wire.seconds(result[0].creationMillis()));
    }

    private JsonNode describe(Request r) {
        Arn arn = aliasArn(r.required("stateMachineAliasArn"));
        MachineEntry.AliasEntry a = ctx.registry.machine(arn.stateMachineBase()).map(m -> m.alias(arn.qualifier()))
                .orElse(null);
        if (a == null) throw notFound(arn);
        ObjectNode out = Wire.object().put("stateMachineAliasArn", a.arn()).put("name", a.name());
        if (a.description() != null) out.put("description", a.description());
        ArrayNode routing = out.putArray("routingConfiguration");
        a.routes().forEach(route -> routing.addObject().put("stateMachineVersionArn", route.versionArn()).put("weight", route.weight()));
        return out.put("creationDate", Wire.seconds(a.creationMillis())).put("updateDate", Wire.seconds(a.updateMillis()));
    }

    private JsonNode update(Request r) {
        Arn arn = aliasArn(r.required("stateMachineAliasArn"));
        String description = Request.bounded("description", r.string("description"), 256);
        JsonNode routing = r.node("routingConfiguration");
        if (description == null && routing == null) {
            throw ApiError.VALIDATION.with("Either the description or the routingConfiguration must be specified");
        }
        List<MachineEntry.Route> routes = routing == null ? null : routes(routing);
        long now = ctx.now();
        boolean[] found = {false};
        ctx.registry.updateMachine(arn.stateMachineBase(), m -> {
            MachineEntry.AliasEntry a = m.alias(arn.qualifier());
            if (a == null) return m;
            found[0] = true;
            if (routes != null) requireVersions(m, routes);
            return m.withAlias(new MachineEntry.AliasEntry(a.arn(), a.name(), description != null ? description : a.description(),
                    routes != null ? routes : a.routes(), a.creationMillis(), now));
        });
        if (!found[0]) throw notFound(arn);
        return Wire.object().put("updateDate", Wire.seconds(now));
    }

    private JsonNode delete(Request r) {
        Arn arn = aliasArn(r.required("stateMachineAliasArn"));
        boolean[] found = {false};
        ctx.registry.updateMachine(arn.stateMachineBase(), m -> {
            found[0] = m.alias(arn.qualifier()) != null;
            return found[0] ? m.withoutAlias(arn.qualifier()) : m;
        });
        if (!found[0]) throw notFound(arn);
        return Wire.object();
    }

    private JsonNode list(Request r) {
        Arn arn = Arn.parse(r.required("stateMachineArn"), "stateMachine");
        if (arn.parts().size() != 1) throw ApiError.invalidArn(arn.text());
        MachineEntry m = ctx.machine(arn);
        ObjectNode out = Wire.object();
        Pages.write(r, m.aliases(), MachineEntry.AliasEntry::arn, out, "stateMachineAliases",
                a -> Wire.object().put("stateMachineAliasArn", a.arn()).put("creationDate", Wire.seconds(a.creationMillis())));
        return out;
    }

    /** routingConfiguration as the model and AWS's checks allow it: 1-2 distinct versions of one machine, weights summing to 100. */
    private static List<MachineEntry.Route> routes(JsonNode config) {
        if (config == null) throw ApiError.constraint("null", "routingConfiguration", "Member must not be null");
        if (!config.isArray()) throw ApiError.SERIALIZATION.with("Expected a list for member 'routingConfiguration'");
        if (config.isEmpty() || config.size() > 2) {
            throw ApiError.constraint(config.toString(), "routingConfiguration", "Member must have length between 1 and 2");
        }
        List<MachineEntry.Route> routes = new ArrayList<>();
        int sum = 0;
        for (JsonNode entry : config) {
            String version = entry.path("stateMachineVersionArn").asText(null);
            if (version == null) {
                throw ApiError.constraint("null", "routingConfiguration.member.stateMachineVersionArn", "Member must not be null");
            }
            Arn arn = Arn.parse(version, "stateMachine");
            if (arn.parts().size() != 2 || !arn.qualifier().chars().allMatch(Character::isDigit)) {
                throw routing("Routing configuration must contain state machine version ARNs: " + version);
            }
            int weight = entry.path("weight").asInt(-1);
            if (weight < 0 || weight > 100) {
                throw ApiError.constraint("'" + weight + "'", "routingConfiguration.member.weight", "Member must have value between 0 and 100");
            }
            sum += weight;
            routes.add(new MachineEntry.Route(version, weight));
        }
        if (sum != 100) throw routing("Sum of routing configuration weights must be equal to 100.");
        if (new HashSet<>(routes.stream().map(MachineEntry.Route::versionArn).toList()).size() != routes.size()) {
            throw routing("Routing configuration must contain distinct state machine version ARNs.");
        }
        if (routes.stream().map(route -> Arn.parse(route.versionArn()).stateMachineBase()).distinct().count() > 1) {
            throw routing("Routing configuration must contain state machine version ARNs from the same state machine.");
        }
        return routes;
    }

    private static void requireVersions(MachineEntry m, List<MachineEntry.Route> routes) {
        for (MachineEntry.Route route : routes) {
            if (m.version(Arn.parse(route.versionArn()).qualifier()) == null) {
                throw ApiError.RESOURCE_NOT_FOUND.quoting("Resource not found", route.versionArn());
            }
        }
    }

    private static ApiException routing(String message) { return ApiError.VALIDATION.with(message); }

    private Arn aliasArn(String text) {
        Arn arn = Arn.parse(text, "stateMachine");
        if (arn.parts().size() != 2 || arn.qualifier().chars().allMatch(Character::isDigit)) throw ApiError.invalidArn(text);
        if (!ctx.visible(arn.text())) throw notFound(arn); // another region's or account's
        return arn;
    }

    private static ApiException notFound(Arn arn) { return ApiError.RESOURCE_NOT_FOUND.quoting("Resource not found", arn.text()); }
}
