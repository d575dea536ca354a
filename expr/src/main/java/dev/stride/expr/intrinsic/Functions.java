package dev.stride.expr.intrinsic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.expr.ErrorNames;
import dev.stride.expr.Json;
import dev.stride.expr.StatesError;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** The implementations of the intrinsic functions, following AWS's argument rules. */
final class Functions {
    static final int MAX_ARRAY_RANGE_ITEMS = 1000;
    static final int MAX_ENCODING_INPUT = 10_000;
    private static final Set<String> HASH_ALGORITHMS = Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");
    private static final ObjectReader STRICT_READER =
            Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

    private Functions() {}

    static StatesError failure(String cause) {
        return new StatesError(ErrorNames.INTRINSIC_FAILURE, cause);
    }

    static JsonNode apply(Function f, List<JsonNode> args, String rawFormatTemplate, IntrinsicRuntime runtime) {
        return switch (f) {
            case FORMAT -> format(args, rawFormatTemplate);
            case STRING_TO_JSON -> stringToJson(string(f, args, 0));
            case JSON_TO_STRING -> Json.NODES.textNode(Json.write(args.get(0)));
            case ARRAY -> Json.NODES.arrayNode(args.size()).addAll(args);
            case ARRAY_PARTITION -> arrayPartition(array(f, args, 0), integer(f, args, 1));
            case ARRAY_CONTAINS -> Json.NODES.booleanNode(contains(array(f, args, 0), args.get(1)));
            case ARRAY_RANGE -> arrayRange(integer(f, args, 0), integer(f, args, 1), integer(f, args, 2));
            case ARRAY_GET_ITEM -> arrayGetItem(array(f, args, 0), integer(f, args, 1));
            case ARRAY_LENGTH -> Json.NODES.numberNode(array(f, args, 0).size());
            case ARRAY_UNIQUE -> arrayUnique(array(f, args, 0));
            case BASE64_ENCODE -> base64Encode(string(f, args, 0));
            case BASE64_DECODE -> base64Decode(string(f, args, 0));
            case HASH -> hash(args.get(0), string(f, args, 1));
            case JSON_MERGE -> jsonMerge(args);
            case MATH_RANDOM -> mathRandom(args, runtime);
            case MATH_ADD -> mathAdd(args);
            case STRING_SPLIT -> stringSplit(string(f, args, 0), string(f, args, 1));
            case UUID -> Json.NODES.textNode(runtime.randomUuid().toString());
        };
    }

    // ---- argument checks ----

    private static String ordinal(int i) {
        return switch (i) {
            case 0 -> "first";
            case 1 -> "second";
            case 2 -> "third";
            default -> (i + 1) + "th";
        };
    }

    private static String typeName(JsonNode n) {
        if (n.isTextual()) return "string";
        if (n.isNumber()) return "number";
        if (n.isBoolean()) return "boolean";
        if (n.isNull()) return "null";
        if (n.isArray()) return "array";
        return "object";
    }

    private static StatesError badType(Function f, int i, String expected, JsonNode actual) {
        return failure("Invalid arguments in " + f.fullName + ": the " + ordinal(i) + " argument must be "
                + expected + ", but was " + typeName(actual) + " " + Json.write(actual));
    }

    private static String string(Function f, List<JsonNode> args, int i) {
        JsonNode n = args.get(i);
        if (!n.isTextual()) throw badType(f, i, "a string", n);
        return n.textValue();
    }

    private static ArrayNode array(Function f, List<JsonNode> args, int i) {
        JsonNode n = args.get(i);
        if (!n.isArray()) throw badType(f, i, "an array", n);
        return (ArrayNode) n;
    }

    /** An integer argument: a number with an integral value inside the int range. */
    private static int integer(Function f, List<JsonNode> args, int i) {
        JsonNode n = args.get(i);
        if (n.isInt()) return n.intValue(); // the usual case, without BigDecimal arithmetic
        if (!n.isNumber()) throw badType(f, i, "an integer", n);
        BigDecimal d = n.decimalValue();
        if (d.stripTrailingZeros().scale() > 0 || d.compareTo(INT_MIN) < 0 || d.compareTo(INT_MAX) > 0) {
            throw badType(f, i, "an integer", n);
        }
        return d.intValue();
    }

    /** A number rounded to the nearest integer, halves towards positive infinity (Java's Math.round), in int range. */
    private static long rounded(Function f, List<JsonNode> args, int i) {
        JsonNode n = args.get(i);
        if (n.isInt()) return n.intValue(); // an int is its own rounding and in range: skip BigDecimal (loop counters)
        if (!n.isNumber()) throw badType(f, i, "a number", n);
        BigDecimal r = n.decimalValue().add(HALF).setScale(0, RoundingMode.FLOOR);
        if (r.compareTo(INT_MIN) < 0 || r.compareTo(INT_MAX) > 0) {
            throw failure("Invalid arguments in " + f.fullName + ": the " + ordinal(i)
                    + " argument must be between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE + ", but was "
                    + Json.write(n));
        }
        return r.longValue();
    }

    // ---- functions ----

    private static JsonNode format(List<JsonNode> args, String rawTemplate) {
        JsonNode template = args.get(0);
        if (!template.isTextual()) throw badType(Function.FORMAT, 0, "a string", template);
        // A literal template keeps its escapes so that \{ and \} are not placeholders; a template from a path is taken as is.
        String t = rawTemplate != null ? rawTemplate : template.textValue();
        boolean escapes = rawTemplate != null;
        StringBuilder out = new StringBuilder(t.length() + 16);
        int next = 1;
        int placeholders = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (escapes && c == '\\' && i + 1 < t.length()) {
                out.append(t.charAt(++i));
            } else if (c == '{' && i + 1 < t.length() && t.charAt(i + 1) == '}') {
                placeholders++;
                if (next < args.size()) formatValue(args.get(next++), out);
                i++;
            } else {
                out.append(c);
            }
        }
        if (placeholders != args.size() - 1) {
            throw failure("Invalid arguments in States.Format: the template has " + placeholders
                    + " placeholder(s) but " + (args.size() - 1) + " argument(s) were given");
        }
        return Json.NODES.textNode(out.toString());
    }

    /** Renders a value as AWS's Format does: strings bare, objects and arrays in Java collection style. */
    static void formatValue(JsonNode v, StringBuilder out) {
        if (v.isTextual()) {
            out.append(v.textValue());
        } else if (v.isObject()) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                if (!first) out.append(", ");
                first = false;
                out.append(e.getKey()).append('=');
                formatValue(e.getValue(), out);
            }
            out.append('}');
        } else if (v.isArray()) {
            out.append('[');
            for (int i = 0; i < v.size(); i++) {
                if (i > 0) out.append(", ");
                formatValue(v.get(i), out);
            }
            out.append(']');
        } else if (v.isFloatingPointNumber() && !v.isBigDecimal()) {
            out.append(Double.toString(v.doubleValue()));
        } else {
            out.append(v.asText());
        }
    }

    private static JsonNode stringToJson(String s) {
        if (s.isBlank()) return Json.NODES.nullNode();
        try {
            JsonNode n = STRICT_READER.readTree(s);
            return n == null || n.isMissingNode() ? Json.NODES.nullNode() : n;
        } catch (JsonProcessingException e) {
            throw failure("Invalid arguments in States.StringToJson: the argument is not valid JSON: " + s);
        }
    }

    private static JsonNode arrayPartition(ArrayNode array, int size) {
        if (size <= 0) {
            throw failure("Invalid arguments in States.ArrayPartition: the chunk size must be a positive integer, but was " + size);
        }
        ArrayNode out = Json.NODES.arrayNode((array.size() + size - 1) / size);
        ArrayNode chunk = null;
        for (int i = 0; i < array.size(); i++) {
            if (i % size == 0) {
                chunk = Json.NODES.arrayNode(Math.min(size, array.size() - i));
                out.add(chunk);
            }
            chunk.add(array.get(i));
        }
        return out;
    }

    private static boolean contains(ArrayNode array, JsonNode value) {
        for (JsonNode item : array) {
            if (item.equals(value)) return true;
        }
        return false;
    }

    private static JsonNode arrayRange(int start, int end, int step) {
        if (step == 0) throw failure("Invalid arguments in States.ArrayRange: the step must not be 0");
        long count = ((long) end - start) / step + 1;
        if (count < 0) count = 0;
        if (count > MAX_ARRAY_RANGE_ITEMS) {
            throw failure("Invalid arguments in States.ArrayRange: the range would hold " + count
                    + " items, more than the maximum of " + MAX_ARRAY_RANGE_ITEMS);
        }
        ArrayNode out = Json.NODES.arrayNode((int) count);
        for (long i = 0, v = start; i < count; i++, v += step) out.add((int) v);
        return out;
    }

    private static JsonNode arrayGetItem(ArrayNode array, int index) {
        if (index < 0 || index >= array.size()) {
            throw failure("Invalid arguments in States.ArrayGetItem: the index " + index
                    + " is out of bounds for an array of " + array.size() + " items");
        }
        return array.get(index);
    }

    private static JsonNode arrayUnique(ArrayNode array) {
        Set<JsonNode> seen = new LinkedHashSet<>();
        for (JsonNode item : array) seen.add(item);
        return Json.NODES.arrayNode(seen.size()).addAll(seen);
    }

    private static void checkLength(Function f, String s) {
        if (s.length() > MAX_ENCODING_INPUT) {
            throw failure("Invalid arguments in " + f.fullName + ": the input must be at most " + MAX_ENCODING_INPUT
                    + " characters, but has " + s.length());
        }
    }

    private static JsonNode base64Encode(String s) {
        checkLength(Function.BASE64_ENCODE, s);
        return Json.NODES.textNode(Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode base64Decode(String s) {
        checkLength(Function.BASE64_DECODE, s);
        try {
            return Json.NODES.textNode(new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw failure("Invalid arguments in States.Base64Decode: the input is not valid base64: " + s);
        }
    }

    private static JsonNode hash(JsonNode data, String algorithm) {
        String text = data.isTextual() ? data.textValue() : Json.write(data);
        checkLength(Function.HASH, text);
        if (!HASH_ALGORITHMS.contains(algorithm)) {
            throw failure("Invalid arguments in States.Hash: the algorithm '" + algorithm
                    + "' is not supported; use one of MD5, SHA-1, SHA-256, SHA-384, SHA-512");
        }
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
            return Json.NODES.textNode(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks " + algorithm, e);
        }
    }

    private static JsonNode jsonMerge(List<JsonNode> args) {
        JsonNode a = args.get(0);
        JsonNode b = args.get(1);
        JsonNode deep = args.get(2);
        if (!a.isObject()) throw badType(Function.JSON_MERGE, 0, "an object", a);
        if (!b.isObject()) throw badType(Function.JSON_MERGE, 1, "an object", b);
        if (!deep.isBoolean()) throw badType(Function.JSON_MERGE, 2, "a boolean", deep);
        if (deep.booleanValue()) {
            throw failure("Invalid arguments in States.JsonMerge: deep merging is not supported; the third argument must be false");
        }
        ObjectNode out = Json.NODES.objectNode();
        out.setAll((ObjectNode) a);
        out.setAll((ObjectNode) b);
        return out;
    }

    private static JsonNode mathRandom(List<JsonNode> args, IntrinsicRuntime runtime) {
        long start = rounded(Function.MATH_RANDOM, args, 0);
        long end = rounded(Function.MATH_RANDOM, args, 1);
        if (start >= end) {
            throw failure("Invalid arguments in States.MathRandom: the start " + start
                    + " must be less than the end " + end);
        }
        long value;
        if (args.size() == 3) {
            // The seed makes the result repeatable; java.util.Random is AWS's (Java) natural choice.
            value = new Random(rounded(Function.MATH_RANDOM, args, 2)).nextLong(start, end);
        } else {
            value = runtime.random().nextLong(start, end);
        }
        return Json.NODES.numberNode((int) value);
    }

    private static JsonNode mathAdd(List<JsonNode> args) {
        long sum = rounded(Function.MATH_ADD, args, 0) + rounded(Function.MATH_ADD, args, 1);
        if (sum < Integer.MIN_VALUE || sum > Integer.MAX_VALUE) {
            throw failure("Invalid arguments in States.MathAdd: the result " + sum + " is outside the range "
                    + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
        }
        return Json.NODES.numberNode((int) sum);
    }

    /** Splits on every character of the delimiter string; empty pieces are dropped (as AWS does). */
    private static JsonNode stringSplit(String s, String delimiters) {
        ArrayNode out = Json.NODES.arrayNode();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (delimiters.indexOf(s.charAt(i)) >= 0) {
                if (i > start) out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        if (start < s.length()) out.add(s.substring(start));
        return out;
    }
}
