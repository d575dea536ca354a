package dev.stride.service.passthrough.internal;

import dev.stride.service.ServiceException;
import java.util.Map;

/**
 * The AWS SDK v2 client of each service, by signing name. Named as text and loaded when first
 * used: a service's client artifact need only be on the classpath for its pass-through calls.
 */
final class ClientClasses {
    private static final Map<String, String> BY_SIGNING_NAME = Map.of(
            "sqs", "software.amazon.awssdk.services.sqs.SqsClient",
            "sns", "software.amazon.awssdk.services.sns.SnsClient",
            "dynamodb", "software.amazon.awssdk.services.dynamodb.DynamoDbClient",
            "s3", "software.amazon.awssdk.services.s3.S3Client",
            "batch", "software.amazon.awssdk.services.batch.BatchClient",
            "ecs", "software.amazon.awssdk.services.ecs.EcsClient",
            "logs", "software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient",
            "states", "software.amazon.awssdk.services.sfn.SfnClient");

    private ClientClasses() {}

    /** The client interface ({@code SqsClient}). */
    static Class<?> of(String signingName) {
        String name = BY_SIGNING_NAME.get(signingName);
        if (name == null) {
            throw unavailable("Stride has no AWS SDK client for service '" + signingName + "', so it cannot pass its calls through");
        }
        try {
            return Class.forName(name, true, ClientClasses.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw unavailable("The AWS SDK client " + name + " for service '" + signingName
                    + "' is not on Stride's classpath, so its calls cannot pass through (add the SDK artifact to stride-passthrough)");
        }
    }

    private static ServiceException unavailable(String message) {
        return new ServiceException("ServiceUnavailable", "ServiceUnavailable", 503, false, message);
    }
}
