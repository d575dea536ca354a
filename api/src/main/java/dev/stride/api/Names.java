package dev.stride.api;

import java.util.regex.Pattern;

/** AWS's naming rules for state machines, activities and executions (InvalidName otherwise). */
final class Names {
    private static final Pattern RESOURCE = Pattern.compile("(?=.*[a-zA-Z_\\-.])[a-zA-Z0-9_\\-.]+");
    private static final String EXECUTION_FORBIDDEN = "<>{}[]?*\"#%\\^|~`$&,;:/";

    private Names() {}

    /** State machine, activity and alias names: 1-80 of {@code [a-zA-Z0-9_-.]}, not all digits. */
    static String resource(String name) {
        if (name.isEmpty() || name.length() > 80 || !RESOURCE.matcher(name).matches()) throw ApiError.invalidName(name);
        return name;
    }

    /** Execution names: 1-80 characters, no whitespace, control characters or {@code < > { } ...}. */
    static String execution(String name) {
        if (name.isEmpty() || name.length() > 80) throw ApiError.invalidName(name);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSurrogate(c)
                    || EXECUTION_FORBIDDEN.indexOf(c) >= 0) {
                throw ApiError.invalidName(name);
            }
        }
        return name;
    }
}
