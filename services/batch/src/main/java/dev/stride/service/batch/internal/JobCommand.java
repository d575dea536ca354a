package dev.stride.service.batch.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.JsonProtocol;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A job's container as it runs: the definition's containerProperties with SubmitJob's
 * containerOverrides laid over (command replaced; environment variables and resource
 * requirements replaced by name/type, others kept), and {@code Ref::name} placeholders in the
 * command replaced by the job's parameters (a placeholder with no parameter stays as written).
 */
final class JobCommand {
    private static final Pattern REF = Pattern.compile("Ref::([A-Za-z0-9_\\-]+)");

    private JobCommand() {}

    static ObjectNode container(JsonNode properties, JsonNode overrides, JsonNode parameters) {
        ObjectNode c = properties.isObject() ? ((ObjectNode) properties).deepCopy() : JsonProtocol.MAPPER.createObjectNode();
        if (overrides.path("command").isArray()) c.set("command", overrides.get("command"));
        c.set("environment", merge(c.path("environment"), overrides.path("environment"), "name"));
        if (overrides.has("resourceRequirements")) c.set("resourceRequirements", merge(c.path("resourceRequirements"), overrides.get("resourceRequirements"), "type"));
        for (String f : new String[] {"vcpus", "memory", "instanceType"}) if (overrides.has(f)) c.set(f, overrides.get(f));
        ArrayNode command = JsonProtocol.MAPPER.createArrayNode();
        c.path("command").forEach(arg -> command.add(substitute(arg.asText(), parameters)));
        c.set("command", command);
        c.putArray("networkInterfaces");
        if (!c.has("volumes")) c.putArray("volumes");
        if (!c.has("mountPoints")) c.putArray("mountPoints");
        if (!c.has("ulimits")) c.putArray("ulimits");
        if (!c.has("secrets")) c.putArray("secrets");
        if (!c.has("resourceRequirements")) c.putArray("resourceRequirements");
        return c;
    }

    static String substitute(String arg, JsonNode parameters) {
        Matcher m = REF.matcher(arg);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            JsonNode v = parameters.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? m.group() : v.asText()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static ArrayNode merge(JsonNode base, JsonNode over, String key) {
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        base.forEach(e -> byKey.put(e.path(key).asText(), e));
        over.forEach(e -> byKey.put(e.path(key).asText(), e));
        ArrayNode out = JsonProtocol.MAPPER.createArrayNode();
        byKey.values().forEach(out::add);
        return out;
    }

    /** The vCPUs a job reserves: its VCPU resource requirement, else {@code vcpus}, else 1. */
    static double vcpus(JsonNode container) {
        for (JsonNode r : container.path("resourceRequirements")) {
            if ("VCPU".equals(r.path("type").asText())) {
                try {
                    return Double.parseDouble(r.path("value").asText());
                } catch (NumberFormatException e) {
                    throw Errors.client("Invalid VCPU value: " + r.path("value").asText());
                }
            }
        }
        return container.path("vcpus").asDouble(1);
    }
}
