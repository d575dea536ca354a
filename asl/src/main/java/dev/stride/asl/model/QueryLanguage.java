package dev.stride.asl.model;

/** The expression language of a state: JSONPath (the default) or JSONata. */
public enum QueryLanguage {
    JSONPATH, JSONATA;

    public static QueryLanguage parse(String text, QueryLanguage inherited) {
        if (text == null) return inherited;
        return switch (text) {
            case "JSONPath" -> JSONPATH;
            case "JSONata" -> JSONATA;
            default -> throw new IllegalArgumentException("unknown QueryLanguage '" + text + "'");
        };
    }
}
