package dev.stride.service.passthrough.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * An SDK response (or any SDK structure) as the API's JSON shape, the way the local services
 * answer {@code call}: members by their API names ({@code MD5OfMessageBody}), absent members left
 * out, enums as their text, blobs as base64, timestamps as epoch seconds (the JSON protocol's
 * form). The SDK's HTTP metadata is not a field, so it never shows.
 */
final class PojoWriter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PojoWriter() {}

    static ObjectNode write(SdkPojo pojo) {
        ObjectNode out = NODES.objectNode();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object v = field.getValueOrDefault(pojo);
            if (v == null || v instanceof SdkAutoConstructList<?> || v instanceof SdkAutoConstructMap<?, ?>) continue;
            out.set(field.memberName(), value(field, v));
        }
        return out;
    }

    private static JsonNode value(SdkField<?> field, Object v) {
        return switch (v) {
            case null -> NODES.nullNode();
            case String s -> NODES.textNode(s);
            case Boolean b -> NODES.booleanNode(b);
            case Integer i -> NODES.numberNode(i);
            case Long l -> NODES.numberNode(l);
            case Short s -> NODES.numberNode(s);
            case Byte b -> NODES.numberNode(b);
            case Float f -> NODES.numberNode(f);
            case Double d -> NODES.numberNode(d);
            case BigDecimal d -> NODES.numberNode(d);
            case Instant t -> NODES.numberNode(BigDecimal.valueOf(t.getEpochSecond()).add(BigDecimal.valueOf(t.getNano(), 9)).stripTrailingZeros());
            case SdkBytes b -> NODES.textNode(Base64.getEncoder().encodeToString(b.asByteArrayUnsafe()));
            case SdkPojo p -> write(p);
            case Document d -> document(d);
            case List<?> list -> list(field, list);
            case Map<?, ?> map -> map(field, map);
            case Enum<?> e -> NODES.textNode(e.toString());
            default -> NODES.textNode(v.toString());
        };
    }

    private static ArrayNode list(SdkField<?> field, List<?> list) {
        SdkField<?> member = field.getOptionalTrait(ListTrait.class).map(ListTrait::memberFieldInfo).orElse(field);
        ArrayNode out = NODES.arrayNode();
        list.forEach(item -> out.add(value(member, item)));
        return out;
    }

    private static ObjectNode map(SdkField<?> field, Map<?, ?> map) {
        SdkField<?> member = field.getOptionalTrait(MapTrait.class).map(MapTrait::valueFieldInfo).orElse(field);
        ObjectNode out = NODES.objectNode();
        map.forEach((k, item) -> out.set(String.valueOf(k), value(member, item)));
        return out;
    }

    private static JsonNode document(Document d) {
        if (d.isNull()) return NODES.nullNode();
        if (d.isBoolean()) return NODES.booleanNode(d.asBoolean());
        if (d.isString()) return NODES.textNode(d.asString());
        if (d.isNumber()) {
            SdkNumber n = d.asNumber();
            return NODES.numberNode(n.bigDecimalValue());
        }
        if (d.isList()) {
            ArrayNode out = NODES.arrayNode();
            d.asList().forEach(item -> out.add(document(item)));
            return out;
        }
        ObjectNode out = NODES.objectNode();
        d.asMap().forEach((k, item) -> out.set(k, document(item)));
        return out;
    }
}
