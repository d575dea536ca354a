package dev.stride.expr.jsonata;

import com.dashjoin.jsonata.Jsonata.JFunction;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.expr.Json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The functions AWS Step Functions adds to JSONata ({@code $partition}, {@code $range},
 * {@code $hash}, {@code $random}, {@code $uuid}, {@code $parse}), plus {@code $now}/{@code $millis}
 * taken from the per-evaluation context (the library's own read a stale timestamp).
 */
final class AwsFunctions {
    private AwsFunctions() {}

    /** A failure inside an AWS function; its text is the whole error description. */
    static final class FunctionError extends RuntimeException {
        FunctionError(String text) { super(text, null, false, false); }
    }

    /** Per-evaluation state seen by the functions; evaluation is synchronous on one thread. */
    record Context(long nowMillis, JsonataOptions options) {}

    static final ThreadLocal<Context> CONTEXT = new ThreadLocal<>();

    private static Context context() {
        Context c = CONTEXT.get();
        if (c == null) {
            throw new FunctionError("D3137: Function called outside an evaluation");
        }
        return c;
    }

    static void register(com.dashjoin.jsonata.Jsonata expr) {
        expr.registerFunction("partition", new JFunction((input, args) -> partition(args), "<an:a>"));
        expr.registerFunction("range", new JFunction((input, args) -> range(args), "<nnn:a<n>>"));
        expr.registerFunction("hash", new JFunction((input, args) -> hash(args), "<ss:s>"));
        expr.registerFunction("random", new JFunction((input, args) -> random(args), "<n?:n>"));
        expr.registerFunction("uuid", new JFunction((input, args) -> uuid(), "<:s>"));
        expr.registerFunction("parse", new JFunction((input, args) -> parse(args), "<s-:j>"));
        expr.registerFunction("now", new JFunction((input, args) -> now(args), "<s?s?:s>"));
        expr.registerFunction("millis", new JFunction((input, args) -> context().nowMillis(), "<:n>"));
        // library functions that fail with raw Java exceptions: give them jsonata-js's errors
        expr.registerFunction("number", new JFunction((input, args) -> number(arg(args, 0)), "<(nsb)-:n>"));
        expr.registerFunction("toMillis", new JFunction((input, args) -> toMillis(arg(args, 0), arg(args, 1)), "<s-s?:n>"));
        expr.registerFunction("decodeUrl", new JFunction((input, args) -> url(arg(args, 0), true), "<s-:s>"));
        expr.registerFunction("decodeUrlComponent", new JFunction((input, args) -> url(arg(args, 0), false), "<s-:s>"));
        // not available in AWS: $eval; not part of jsonata-js 2.0.6: $clone. Calling them is T1006.
        expr.assign("eval", null);
        expr.assign("clone", null);
    }

    private static Object arg(List<?> args, int i) {
        return i < args.size() ? args.get(i) : null;
    }

    private static Object partition(List<?> args) {
        Object arr = arg(args, 0);
        Object size = arg(args, 1);
        if (arr == null) {
            return null;
        }
        if (!(size instanceof Number n) || !isInteger(n) || n.doubleValue() < 1) {
            throw new FunctionError("D3137: The size argument of function \"partition\" must be a positive integer");
        }
        List<?> list = (List<?>) arr;
        int chunk = (int) Math.min(Integer.MAX_VALUE, n.longValue());
        List<Object> out = new ArrayList<>((list.size() + chunk - 1) / chunk);
        for (int i = 0; i < list.size(); i += chunk) {
            out.add(new ArrayList<>(list.subList(i, Math.min(list.size(), i + chunk))));
        }
        return out;
    }

    private static Object range(List<?> args) {
        Object a = arg(args, 0), b = arg(args, 1), c = arg(args, 2);
        if (a == null || b == null || c == null) {
            return null;
        }
        double start = ((Number) a).doubleValue(), end = ((Number) b).doubleValue(), step = ((Number) c).doubleValue();
        if (step == 0) {
            throw new FunctionError("D3137: The step argument of function \"range\" must not be zero");
        }
        double count = Math.floor((end - start) / step) + 1;
        if (count > 1e6) {
            throw new FunctionError("D2014: The size of the sequence allocated by function \"range\" must not exceed 1e6.  Attempted to allocate "
                    + Values.numberNode(Values.fromDouble(count)) + ".");
        }
        // a sequence, so a single value collapses to that value (AWS: $range(1, 9, 9) is 1)
        com.dashjoin.jsonata.Utils.JList<Object> seq = new com.dashjoin.jsonata.Utils.JList<>();
        seq.sequence = true;
        for (long i = 0; i < count; i++) {
            seq.add(Values.fromDouble(start + i * step));
        }
        return seq;
    }

    private static Object hash(List<?> args) {
        Object data = arg(args, 0), alg = arg(args, 1);
        if (data == null) {
            return null;
        }
        String algorithm = switch (String.valueOf(alg)) {
            case "MD5" -> "MD5";
            case "SHA-1" -> "SHA-1";
            case "SHA-256" -> "SHA-256";
            case "SHA-384" -> "SHA-384";
            case "SHA-512" -> "SHA-512";
            default -> throw new FunctionError("D3137: The algorithm argument of function \"hash\" must be one of MD5, SHA-1, SHA-256, SHA-384, SHA-512; got "
                    + Json.write(Json.NODES.textNode(String.valueOf(alg))));
        };
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(((String) data).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new FunctionError("D3137: Hash algorithm " + algorithm + " is not available");
        }
    }

    private static Object random(List<?> args) {
        Object seed = arg(args, 0);
        if (seed instanceof Number n) {
            // deterministic for a given seed (AWS's exact sequence is not documented)
            return new Random(Double.doubleToLongBits(n.doubleValue()) ^ (isInteger(n) ? n.longValue() : 0)).nextDouble();
        }
        return context().options().random().nextDouble();
    }

    private static Object uuid() {
        byte[] b = new byte[16];
        context().options().random().nextBytes(b);
        b[6] = (byte) ((b[6] & 0x0f) | 0x40); // version 4
        b[8] = (byte) ((b[8] & 0x3f) | 0x80); // IETF variant
        long msb = 0, lsb = 0;
        for (int i = 0; i < 8; i++) msb = (msb << 8) | (b[i] & 0xff);
        for (int i = 8; i < 16; i++) lsb = (lsb << 8) | (b[i] & 0xff);
        return new UUID(msb, lsb).toString();
    }

    private static Object parse(List<?> args) {
        Object s = arg(args, 0);
        if (s == null) {
            return null;
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree((String) s);
        } catch (JsonProcessingException e) {
            throw new FunctionError("D3137: The argument of function \"parse\" is not valid JSON");
        }
        if (node == null || node.isMissingNode()) {
            throw new FunctionError("D3137: The argument of function \"parse\" is not valid JSON");
        }
        return Values.toLibrary(node);
    }

    private static Object now(List<?> args) {
        Object picture = arg(args, 0), tz = arg(args, 1);
        return com.dashjoin.jsonata.Functions.dateTimeFromMillis(context().nowMillis(),
                (String) picture, (String) tz);
    }

    private static Object number(Object arg) {
        try {
            return com.dashjoin.jsonata.Functions.number(arg);
        } catch (com.dashjoin.jsonata.JException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new com.dashjoin.jsonata.JException("D3030", -1, arg);
        }
    }

    private static Object toMillis(Object ts, Object picture) {
        try {
            return com.dashjoin.jsonata.Functions.dateTimeToMillis((String) ts, (String) picture);
        } catch (com.dashjoin.jsonata.JException e) {
            throw e;
        } catch (Exception e) {
            throw new com.dashjoin.jsonata.JException("D3110", -1, ts);
        }
    }

    private static Object url(Object s, boolean whole) {
        if (s == null) {
            return null;
        }
        try {
            return whole ? com.dashjoin.jsonata.Functions.decodeUrl((String) s)
                         : com.dashjoin.jsonata.Functions.decodeUrlComponent((String) s);
        } catch (com.dashjoin.jsonata.JException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new FunctionError("D3140: Malformed URL passed to $" + (whole ? "decodeUrl" : "decodeUrlComponent")
                    + "(): " + Json.write(Json.NODES.textNode((String) s)));
        }
    }

    private static boolean isInteger(Number n) {
        double d = n.doubleValue();
        return d == Math.rint(d) && !Double.isInfinite(d);
    }
}
