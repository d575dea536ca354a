package dev.stride.expr.intrinsic;

import java.util.HashMap;
import java.util.Map;

/** The 18 intrinsic functions with their accepted argument counts. */
enum Function {
    FORMAT("States.Format", 1, Integer.MAX_VALUE),
    STRING_TO_JSON("States.StringToJson", 1, 1),
    JSON_TO_STRING("States.JsonToString", 1, 1),
    ARRAY("States.Array", 0, Integer.MAX_VALUE),
    ARRAY_PARTITION("States.ArrayPartition", 2, 2),
    ARRAY_CONTAINS("States.ArrayContains", 2, 2),
    ARRAY_RANGE("States.ArrayRange", 3, 3),
    ARRAY_GET_ITEM("States.ArrayGetItem", 2, 2),
    ARRAY_LENGTH("States.ArrayLength", 1, 1),
    ARRAY_UNIQUE("States.ArrayUnique", 1, 1),
    BASE64_ENCODE("States.Base64Encode", 1, 1),
    BASE64_DECODE("States.Base64Decode", 1, 1),
    HASH("States.Hash", 2, 2),
    JSON_MERGE("States.JsonMerge", 3, 3),
    MATH_RANDOM("States.MathRandom", 2, 3),
    MATH_ADD("States.MathAdd", 2, 2),
    STRING_SPLIT("States.StringSplit", 2, 2),
    UUID("States.UUID", 0, 0);

    private static final Map<String, Function> BY_NAME = new HashMap<>();

    static {
        for (Function f : values()) BY_NAME.put(f.fullName, f);
    }

    final String fullName;
    final int minArgs;
    final int maxArgs;

    Function(String fullName, int minArgs, int maxArgs) {
        this.fullName = fullName;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
    }

    static Function byName(String name) { return BY_NAME.get(name); }

    String arity() {
        if (minArgs == maxArgs) return minArgs + (minArgs == 1 ? " argument" : " arguments");
        if (maxArgs == Integer.MAX_VALUE) return "at least " + minArgs + (minArgs == 1 ? " argument" : " arguments");
        return minArgs + " to " + maxArgs + " arguments";
    }
}
