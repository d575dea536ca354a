package dev.stride.integrations.internal;

import java.util.Locale;

/**
 * A Task Resource that calls an AWS service, split the way Step Functions splits it:
 * {@code arn:aws:states:::sqs:sendMessage.waitForTaskToken} (optimized) or
 * {@code arn:aws:states:::aws-sdk:sqs:listQueues} (AWS SDK).
 *
 * @param service  the service's name in the ARN: {@code sqs}, {@code sns}, {@code dynamodb}
 * @param action   the action as written, camelCase: {@code sendMessage}
 * @param sdk      an {@code aws-sdk:} resource
 * @param callback ends in {@code .waitForTaskToken}
 */
public record ServiceResource(String service, String action, boolean sdk, boolean callback) {
    private static final String CALLBACK = ".waitForTaskToken";

    /** The resource, or null when it is not an optimized or aws-sdk service ARN with no pattern or {@code .waitForTaskToken}. */
    public static ServiceResource parse(String arn) {
        if (arn == null) return null;
        String[] p = arn.split(":", -1);
        // arn : partition : states : (region) : (account) : service : action   (aws-sdk adds one part)
        if (p.length < 7 || !p[0].equals("arn") || !p[2].equals("states") || !p[3].isEmpty() || !p[4].isEmpty()) return null;
        boolean sdk = p[5].equals("aws-sdk");
        if (p.length != (sdk ? 8 : 7)) return null;
        String service = sdk ? p[6] : p[5];
        String action = sdk ? p[7] : p[6];
        boolean callback = action.endsWith(CALLBACK);
        if (callback) action = action.substring(0, action.length() - CALLBACK.length());
        if (service.isEmpty() || action.isEmpty() || action.indexOf('.') >= 0) return null; // .sync and other patterns
        return new ServiceResource(service, action, sdk, callback);
    }

    /** The API's action name: Step Functions writes it camelCase, the API PascalCase ({@code listQueues} is {@code ListQueues}). */
    public String apiAction() { return action.substring(0, 1).toUpperCase(Locale.ROOT) + action.substring(1); }
}
