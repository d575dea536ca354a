package dev.stride.service.passthrough.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.ServiceException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Builds an SDK request (or any SDK structure) from the API's JSON shape, led by the SDK's own
 * field metadata ({@link SdkPojo#sdkFields}), so every operation of every client reads the same
 * way with no per-service code. A member is found by its API name ({@code QueueUrl}), its wire
 * name, or either in any case ({@code Md5OfBody} for {@code MD5OfBody}, as SDK v2 spells it).
 */
final class PojoReader {
    private PojoReader() {}

    /** The built structure; {@code where} names it in errors ({@code SendMessage}, {@code Entries[0]}). */
    static Object read(Supplier<SdkPojo> builders, JsonNode json, String where) {
        if (!json.isObject()) throw invalid(where + " must be an object, got " + json.getNodeType().name().toLowerCase(Locale.ROOT));
        SdkPojo builder = builders.get();
        Map<String, SdkField<?>> fields = byName(builder.sdkFields());
        for (Map.Entry<String, JsonNode> member : ((ObjectNode) json).properties()) {
            SdkField<?> field = fields.get(member.getKey());
            if (field == null) field = fields.get(member.getKey().toLowerCase(Locale.ROOT));
            if (field == null) throw invalid("Unknown parameter '" + member.getKey() + "' in " + where);
            if (member.getValue().isNull()) continue;
            field.set(builder, value(field, member.getValue(), where + "." + member.getKey()));
        }
        return ((SdkBuilder<?, ?>) builder).build();
    }

    private static Map<String, SdkField<?>> byName(List<SdkField<?>> fields) {
        Map<String, SdkField<?>> out = new HashMap<>();
        for (SdkField<?> f : fields) {
            out.putIfAbsent(f.memberName(), f);
            if (f.locationName() != null) out.putIfAbsent(f.locationName(), f);
        }
        for (SdkField<?> f : fields) out.putIfAbsent(f.memberName().toLowerCase(Locale.ROOT), f);
        return out;
    }

    private static Object value(SdkField<?> field, JsonNode v, String where) {
        return switch (field.marshallingType().getKnownType()) {
            // a structure given for a string member is sent as its JSON text, as Step Functions does
            case STRING -> v.isValueNode() ? v.asText() : v.toString();
            case INTEGER -> number(v, where).intValueExact();
            case LONG -> number(v, where).longValueExact();
            case SHORT -> number(v, where).shortValueExact();
            case BYTE -> number(v, where).byteValueExact();
            case FLOAT -> number(v, where).floatValue();
            case DOUBLE -> number(v, where).doubleValue();
            case BIG_DECIMAL -> number(v, where);
            case BOOLEAN -> bool(v, where);
            case INSTANT -> instant(v, where);
            case SDK_BYTES -> bytes(v, where);
            case SDK_POJO -> read(field.constructor(), v, where);
            case LIST -> list(field, v, where);
            case MAP -> map(field, v, where);
            case DOCUMENT -> document(v);
            case NULL -> null;
        };
    }

    private static List<Object> list(SdkField<?> field, JsonNode v, String where) {
        if (!v.isArray()) throw invalid(where + " must be a list");
        SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
        List<Object> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) out.add(value(member, v.get(i), where + "[" + i + "]"));
        return out;
    }

    private static Map<String, Object> map(SdkField<?> field, JsonNode v, String where) {
        if (!v.isObject()) throw invalid(where + " must be a map (an object)");
        SdkField<?> member = field.getTrait(MapTrait.class).valueFieldInfo();
        Map<String, Object> out = new LinkedHashMap<>();
        v.properties().forEach(e -> out.put(e.getKey(), value(member, e.getValue(), where + "." + e.getKey())));
        return out;
    }

    private static BigDecimal number(JsonNode v, String where) {
        try {
            if (v.isNumber()) return v.decimalValue();
            if (v.isTextual()) return new BigDecimal(v.asText().trim());
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(where + " must be a number, got " + v);
    }

    private static boolean bool(JsonNode v, String where) {
        if (v.isBoolean()) return v.asBoolean();
        if (v.isTextual() && (v.asText().equalsIgnoreCase("true") || v.asText().equalsIgnoreCase("false"))) return Boolean.parseBoolean(v.asText());
        throw invalid(where + " must be a boolean, got " + v);
    }

    /** ISO-8601 text, or epoch seconds (the JSON protocol's timestamps) as a number or its text. */
    private static Instant instant(JsonNode v, String where) {
        try {
            if (v.isNumber() || v.isTextual() && v.asText().trim().matches("-?\\d+(\\.\\d+)?")) {
                BigDecimal seconds = v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText().trim());
                return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
            }
            if (v.isTextual()) return Instant.parse(v.asText().trim());
        } catch (DateTimeParseException | ArithmeticException e) {
            // reported below
        }
        throw invalid(where + " must be a timestamp (ISO-8601 text or epoch seconds), got " + v);
    }

    private static SdkBytes bytes(JsonNode v, String where) {
        try {
            if (v.isTextual()) return SdkBytes.fromByteArray(Base64.getDecoder().decode(v.asText()));
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw invalid(where + " must be base64 text");
    }

    private static Document document(JsonNode v) {
        if (v.isNull()) return Document.fromNull();
        if (v.isBoolean()) return Document.fromBoolean(v.asBoolean());
        if (v.isNumber()) return Document.fromNumber(v.decimalValue());
        if (v.isTextual()) return Document.fromString(v.asText());
        if (v.isArray()) {
            List<Document> items = new ArrayList<>();
            v.forEach(item -> items.add(document(item)));
            return Document.fromList(items);
        }
        Map<String, Document> members = new LinkedHashMap<>();
        v.properties().forEach(e -> members.put(e.getKey(), document(e.getValue())));
        return Document.fromMap(members);
    }

    static ServiceException invalid(String message) { return ServiceException.client("ValidationException", message); }
}
