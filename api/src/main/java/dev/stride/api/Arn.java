package dev.stride.api;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed Step Functions ARN: {@code arn:aws:states:REGION:ACCOUNT:TYPE:PART[:PART...]}.
 * Types: stateMachine (NAME, optionally :VERSION or :ALIAS), execution and express (SM:EXEC), activity (NAME).
 */
record Arn(String text, String region, String account, String type, List<String> parts) {
    private static final Pattern SHAPE =
            Pattern.compile("arn:aws[a-z-]*:states:([a-z0-9-]+):(\\d{12}):([A-Za-z]+):(.+)");

    /** @throws ApiException InvalidArn when the text is not a Step Functions ARN */
    static Arn parse(String text) {
        // AWS's words for a text that is not an ARN at all (recorded: "Invalid ARN prefix: not_a_valid_arn").
        if (text != null && !text.startsWith("arn:")) throw ApiError.invalidArn("Invalid ARN prefix: " + text);
        Matcher m = text == null || text.length() > 256 ? null : SHAPE.matcher(text);
        if (m == null || !m.matches()) throw ApiError.invalidArn(text);
        List<String> parts = List.of(m.group(4).split(":", -1));
        if (parts.stream().anyMatch(String::isEmpty)) throw ApiError.invalidArn(text);
        return new Arn(text, m.group(1), m.group(2), m.group(3), parts);
    }

    /** Parses and checks the resource type, as AWS does when an ARN of the wrong kind is passed. */
    static Arn parse(String text, String... allowedTypes) {
        Arn arn = parse(text);
        for (String t : allowedTypes) if (t.equals(arn.type)) return arn;
        throw ApiError.invalidArn("Resource type not valid in this context: " + arn.type);
    }

    /** The unqualified state machine ARN (version or alias stripped). */
    String stateMachineBase() {
        return "arn:aws:states:" + region + ":" + account + ":stateMachine:" + parts.get(0);
    }

    /** A version number or alias name after the state machine name, or null. */
    String qualifier() { return parts.size() > 1 ? parts.get(1) : null; }

    boolean isExecution() { return type.equals("execution") || type.equals("express"); }
}
