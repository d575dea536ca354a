package dev.stride.integrations.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.expr.Json;
import java.util.Map;
import java.util.Set;

/**
 * How aws-sdk integrations differ from the API's JSON shape. Step Functions builds an SDK v2 request
 * from the parameters and shows the SDK v2 response object, so:
 * <ul>
 * <li>a string member given other JSON is sent as its JSON text (AWS does this for
 *   {@code aws-sdk:sfn:startExecution}'s Input, recorded in LocalStack's
 *   test_aws_sdk_task_service.snapshot.json; here for the SQS and SNS members that carry
 *   payloads and the string maps of attributes);</li>
 * <li>members are named as SDK v2 names them, PascalCase of its camelCase: {@code MD5OfMessageBody}
 *   is {@code Md5OfMessageBody} (LocalStack's aws-sdk normalisation does the same).</li>
 * </ul>
 * Map-valued members (Attributes, MessageAttributes, Tags) keep the user's keys.
 */
public final class SdkMembers {
    private static final Set<String> TEXT = Set.of("MessageBody", "Message");
    private static final Set<String> STRING_MAPS = Set.of("Attributes");
    private static final Set<String> MAPS = Set.of("Attributes", "MessageAttributes", "MessageSystemAttributes", "Tags");
    private static final Map<String, String> SDK_NAMES = Map.of(
            "MD5OfMessageBody", "Md5OfMessageBody",
            "MD5OfMessageAttributes", "Md5OfMessageAttributes",
            "MD5OfMessageSystemAttributes", "Md5OfMessageSystemAttributes",
            "MD5OfBody", "Md5OfBody");

    private SdkMembers() {}

    /** The API parameters for these Task parameters: nulls dropped (the SDK omits them), payloads as text. */
    public static ObjectNode request(ObjectNode params) {
        ObjectNode out = Json.NODES.objectNode();
        params.properties().forEach(e -> {
            JsonNode v = e.getValue();
            if (v.isNull()) return;
            if (TEXT.contains(e.getKey()) && !v.isTextual()) v = Json.NODES.textNode(Json.write(v));
            else if (STRING_MAPS.contains(e.getKey()) && v instanceof ObjectNode m) v = valuesAsText(m);
            else if (e.getKey().equals("Entries") && v instanceof ArrayNode entries) v = entries(entries);
            out.set(e.getKey(), v);
        });
        return out;
    }

    /** The reply with SDK v2 member names. */
    public static JsonNode response(JsonNode reply) {
        if (reply instanceof ArrayNode a) {
            ArrayNode out = Json.NODES.arrayNode();
            a.forEach(item -> out.add(response(item)));
            return out;
        }
        if (!(reply instanceof ObjectNode o)) return reply;
        ObjectNode out = Json.NODES.objectNode();
        o.properties().forEach(e -> out.set(SDK_NAMES.getOrDefault(e.getKey(), e.getKey()),
                MAPS.contains(e.getKey()) ? e.getValue() : response(e.getValue())));
        return out;
    }

    private static ArrayNode entries(ArrayNode entries) {
        ArrayNode out = Json.NODES.arrayNode();
        entries.forEach(entry -> out.add(entry instanceof ObjectNode o ? request(o) : entry));
        return out;
    }

    private static ObjectNode valuesAsText(ObjectNode map) {
        ObjectNode out = Json.NODES.objectNode();
        map.properties().forEach(e -> out.set(e.getKey(),
                e.getValue().isTextual() || e.getValue().isNull() ? e.getValue() : Json.NODES.textNode(Json.write(e.getValue()))));
        return out;
    }
}
