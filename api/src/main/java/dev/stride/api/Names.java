package dev.stride.api;

import java.util.regex.Pattern;

/**
 * AWS's naming rules (InvalidName otherwise). State machines, activities and executions share
 * one rule: 1-80 characters, none of them whitespace, a control character (U+0000-001F,
 * U+007F-009F, U+FFFE-FFFF), a surrogate, or one of {@code < > { } [ ] ? * " # % \ ^ | ~ ` $ & , ; : /}.
 * Alias names are the model's stricter {@code CharacterRestrictedName}: letters, digits,
 * {@code _ - .}, and not all digits (an all-digit qualifier would read as a version number).
 */
final class Names {
    private static final Pattern ALIAS = Pattern.compile("(?=.*[a-zA-Z_\\-.])[a-zA-Z0-9_\\-.]+");
    private static final String FORBIDDEN = "<>{}[]?*\"#%\\^|~`$&,;:/";

    private Names() {}

    /** State machine and activity names. */
    static String resource(String name) { return execution(name); }

    /** Alias names: 1-80 of {@code [a-zA-Z0-9_-.]}, not all digits. */
    static String alias(String name) {
        if (name.isEmpty() || name.length() > 80 || !ALIAS.matcher(name).matches()) throw ApiError.invalidName(name);
        return name;
    }

    /** Execution names (and, by the same rule, state machine and activity names). */
    static String execution(String name) {
        if (name.isEmpty() || name.length() > 80) throw ApiError.invalidName(name);
        // By code point: a character outside the BMP (an emoji) is a surrogate pair, and allowed; a lone surrogate is not.
        boolean bad = name.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)
                || (c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFE || c == 0xFFFF || FORBIDDEN.indexOf(c) >= 0);
        if (bad) throw ApiError.invalidName(name);
        return name;
    }
}
