package dev.stride.expr.jsonata;

/** STUB until the JSONata layer lands. */
public final class Jsonata {
    public static boolean isExpression(String s) { return s != null && s.startsWith("{%") && s.endsWith("%}"); }
}
