package dev.stride.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/** An SDK model object back in its wire shape (member names as on the wire), for comparing with recorded JSON. */
final class SdkJson {
    private SdkJson() {}

    static JsonNode of(Object value) {
        return switch (value) {
            case null -> null;
            // Members the response left out come back as empty "auto construct" collections: keep them out.
            case SdkAutoConstructList<?> absent -> null;
            case SdkAutoConstructMap<?, ?> absent -> null;
            case SdkPojo pojo -> {
                ObjectNode o = Wire.object();
                for (SdkField<?> f : pojo.sdkFields()) {
                    JsonNode v = of(f.getValueOrDefault(pojo));
                    if (v != null) o.set(f.locationName(), v);
                }
                yield o;
            }
            case List<?> list -> {
                ArrayNode a = Wire.NODES.arrayNode();
                list.forEach(item -> a.add(of(item)));
                yield a;
            }
            case Map<?, ?> map -> {
                ObjectNode o = Wire.object();
                map.forEach((k, v) -> o.set(String.valueOf(k), of(v)));
                yield o;
            }
            case String s -> Wire.NODES.textNode(s);
            case Boolean b -> Wire.NODES.booleanNode(b);
            case Instant t -> Wire.NODES.numberNode(BigDecimal.valueOf(t.toEpochMilli(), 3));
            case Number n -> Wire.NODES.numberNode(new BigDecimal(n.toString()));
            default -> Wire.NODES.textNode(value.toString());
        };
    }
}
