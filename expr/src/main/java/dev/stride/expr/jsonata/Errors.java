package dev.stride.expr.jsonata;

import com.dashjoin.jsonata.JException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.expr.Json;

/**
 * Turns the library's failures into jsonata-js's "CODE: message" text. Never lets a Java
 * exception message through.
 */
final class Errors {
    static final String STACK_OVERFLOW =
            "U1001: Stack overflow error: Check for non-terminating recursive function.  Consider rewriting as tail-recursive.";
    static final String TIMEOUT = "U1001: Expression evaluation timeout: Check for infinite loop";
    /** For library failures that carry no JSONata error (a Java exception inside a function). */
    static final String INTERNAL = "D3137: Unable to evaluate the expression";

    private static final String M1 = "\u0001";
    private static final String M2 = "\u0002";

    private Errors() {}

    /** "CODE: message", as jsonata-js words it (as far as known). */
    static String describe(JException e) {
        String code = e.getError();
        if (code == null) {
            return INTERNAL;
        }
        if (code.startsWith("Stack overflow")) {
            return STACK_OVERFLOW;
        }
        if (code.startsWith("Expression evaluation timeout")) {
            return TIMEOUT;
        }
        if (!code.matches("[A-Z][0-9]{4}")) {
            return INTERNAL;
        }
        String template = JException.msg(code, -1, M1, M2);
        if (template.startsWith("JSonataException")) {
            return code + ": " + INTERNAL.substring(7);
        }
        return code + ": " + fill(code, template, e.getCurrent(), e.getExpected());
    }

    private static String fill(String code, String template, Object arg1, Object arg2) {
        if (template.equals(M1)) { // "{{{message}}}" ($error, $assert)
            return raw(arg1);
        }
        String s = template;
        // the library ports "function" as "Object" in some templates
        s = s.replace("of Object ", "of function ").replace("match Object signature", "match function signature")
             .replace("The matcher Object argument passed to Object ", "The matcher function argument passed to function ")
             .replace("The sqrt Object", "The sqrt function").replace("The power Object", "The power function")
             .replace("the formatBase Object", "the formatBase function").replace("the toMillis Object", "the toMillis function")
             .replace("to Object eval", "to function eval").replace("() Object ", "() function ");
        // triple braces take the raw value, double braces the JSON text
        s = s.replace("{\"" + M1 + "\"}", raw(arg1)).replace("{\"" + M2 + "\"}", raw(arg2));
        s = s.replace("\"" + M1 + "\"", json(arg1)).replace("\"" + M2 + "\"", json(arg2));
        return s;
    }

    private static String raw(Object o) {
        return o == null ? "undefined" : String.valueOf(o);
    }

    private static String json(Object o) {
        if (o == null) {
            return "undefined";
        }
        try {
            JsonNode n = Values.toJson(o);
            return n == null ? "undefined" : Json.write(n);
        } catch (RuntimeException notJson) {
            return "{}";
        }
    }
}
