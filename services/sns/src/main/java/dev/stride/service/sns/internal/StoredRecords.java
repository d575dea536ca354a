package dev.stride.service.sns.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.JsonProtocol;
import java.util.List;

/** Topics and subscriptions as the JSON text of their records in the store, and back. */
public final class StoredRecords {
    private StoredRecords() {}

    public static String topic(Topic t) {
        ObjectNode o = JsonProtocol.MAPPER.createObjectNode();
        o.put("arn", t.arn()).put("name", t.name()).put("region", t.region()).put("account", t.account());
        ObjectNode attributes = o.putObject("attributes");
        t.attributes().forEach(attributes::put);
        ObjectNode tags = o.putObject("tags");
        t.tags().forEach(tags::put);
        return o.toString();
    }

    public static Topic topic(String json) {
        JsonNode o = parse(json);
        return new Topic(o.get("arn").asText(), o.get("name").asText(), o.get("region").asText(), o.get("account").asText(),
                Params.stringMap(o, "attributes"), Params.stringMap(o, "tags"), List.of());
    }

    public static String subscription(Subscription s) {
        ObjectNode o = JsonProtocol.MAPPER.createObjectNode();
        o.put("arn", s.arn()).put("topicArn", s.topicArn()).put("protocol", s.protocol()).put("endpoint", s.endpoint())
                .put("owner", s.owner()).put("confirmed", s.confirmed()).put("token", s.token());
        ObjectNode attributes = o.putObject("attributes");
        s.attributes().forEach(attributes::put);
        return o.toString();
    }

    public static Subscription subscription(String json) {
        JsonNode o = parse(json);
        return Subscription.of(o.get("arn").asText(), o.get("topicArn").asText(), o.get("protocol").asText(),
                o.get("endpoint").asText(), o.get("owner").asText(), Params.stringMap(o, "attributes"),
                o.get("confirmed").asBoolean(), Params.text(o, "token"));
    }

    public static JsonNode parse(String json) {
        try {
            return JsonProtocol.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored SNS record is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
