package dev.stride.engine.internal;

/**
 * How a Task's Resource ARN appears in history: {@code arn:aws:states:::sqs:sendMessage.waitForTaskToken}
 * has resourceType "sqs" and resource "sendMessage.waitForTaskToken"; aws-sdk integrations
 * keep "aws-sdk:service" as the type. Other ARNs (Lambda functions, activities) keep the whole ARN.
 */
record TaskResource(String resourceType, String resource) {
    private static final String STATES_PREFIX = "arn:aws:states:::";

    static TaskResource of(String arn) {
        int states = arn.indexOf(":states:::");
        if (arn.startsWith("arn:") && states > 0) {
            String rest = arn.substring(states + ":states:::".length());
            if (rest.startsWith("aws-sdk:")) {
                int last = rest.lastIndexOf(':');
                return new TaskResource(rest.substring(0, last), rest.substring(last + 1));
            }
            int colon = rest.indexOf(':');
            if (colon > 0) return new TaskResource(rest.substring(0, colon), rest.substring(colon + 1));
        }
        if (arn.contains(":lambda:") && arn.contains(":function:")) return new TaskResource("lambda", arn);
        if (arn.contains(":activity:")) return new TaskResource("activity", arn);
        return new TaskResource("unknown", arn);
    }

    boolean waitsForToken() { return resource.endsWith(".waitForTaskToken"); }
}
