package dev.stride.integrations.internal;

/**
 * A Lambda function as a Task names it: a name, a partial ARN ({@code 123456789012:function:f}) or
 * a full ARN, each optionally with a {@code :qualifier} (version or alias). Region and account are
 * ignored locally: functions are found by name.
 */
public record FunctionRef(String name, String qualifier) {
    public static boolean isFunctionArn(String s) {
        return s.startsWith("arn:") && s.contains(":lambda:") && s.contains(":function:");
    }

    /** @param explicitQualifier the Qualifier parameter of lambda:invoke, or null; it wins over one in the name */
    public static FunctionRef parse(String functionName, String explicitQualifier) {
        String rest = functionName;
        int fn = rest.indexOf(":function:");
        if (fn >= 0) rest = rest.substring(fn + ":function:".length());
        String name = rest;
        String qualifier = null;
        int colon = rest.indexOf(':');
        if (colon >= 0) {
            name = rest.substring(0, colon);
            qualifier = rest.substring(colon + 1);
        }
        if (explicitQualifier != null && !explicitQualifier.isEmpty()) qualifier = explicitQualifier;
        if ("$LATEST".equals(qualifier)) qualifier = null;
        return new FunctionRef(name, qualifier);
    }

    /** How configured functions are keyed: {@code name} or {@code name:qualifier}. */
    public String key() { return qualifier == null ? name : name + ":" + qualifier; }

    public String executedVersion() {
        return qualifier != null && qualifier.chars().allMatch(Character::isDigit) ? qualifier : "$LATEST";
    }

    public String arn(String region, String account) {
        return "arn:aws:lambda:" + region + ":" + account + ":function:" + key();
    }
}
