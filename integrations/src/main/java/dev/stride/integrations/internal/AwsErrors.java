package dev.stride.integrations.internal;

import dev.stride.service.ServiceException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A service's error as Step Functions raises it from a Task, for Retry and Catch. Step Functions
 * calls services through the AWS SDK for Java and names the error after the exception the SDK
 * throws, so the two kinds of integration differ:
 * <ul>
 * <li>optimized ({@code arn:aws:states:::sqs:sendMessage}): SDK v1. Error {@code SQS.<class>},
 *   {@code SNS.<class>}, where the class is the modelled exception ({@code SNS.NotFoundException},
 *   {@code SNS.InvalidParameterException}) or, for a code the model lacks, the service's base
 *   class ({@code SQS.AmazonSQSException} for {@code MissingParameter}). Cause: {@code <message>
 *   (Service: AmazonSQS; Status Code: 400; Error Code: MissingParameter; Request ID: <id>; Proxy: null)}.
 *   Recorded against AWS in LocalStack's snapshots tests/aws/services/stepfunctions/v2/
 *   error_handling/test_task_service_sqs.snapshot.json (2023) and services/
 *   test_sns_task_service.snapshot.json (2025).</li>
 * <li>aws-sdk ({@code arn:aws:states:::aws-sdk:sqs:getQueueUrl}): SDK v2. Error
 *   {@code <ServiceName>.<ErrorName>}, both PascalCase, with {@code Exception} always appended
 *   (AWS guide, "Learning to use AWS service SDK integrations", supported-services-awssdk.html);
 *   the service name is the SDK v2 client's ({@code Sqs}, {@code Sns}, {@code DynamoDb}), and an
 *   unmodelled code is the client's base exception ({@code DynamoDb.DynamoDbException}, recorded).
 *   Cause: {@code <message> (Service: Sqs, Status Code: 400, Request ID: <id>) (SDK Attempt Count: 1)},
 *   the form of LocalStack's newest recording (test_aws_sdk_task_service.snapshot.json, 2025-11;
 *   2023-2025 recordings lack the attempt count).</li>
 * </ul>
 */
public final class AwsErrors {
    /** Error shapes each service's model has (so its SDKs have an exception class for them), by type or code. */
    private static final Map<String, Set<String>> MODELLED = Map.of(
            "sqs", Set.of("BatchEntryIdsNotDistinct", "BatchRequestTooLong", "EmptyBatchRequest", "InvalidAddress",
                    "InvalidAttributeName", "InvalidAttributeValue", "InvalidBatchEntryId", "InvalidIdFormat",
                    "InvalidMessageContents", "InvalidSecurity", "KmsAccessDenied", "KmsDisabled", "KmsInvalidKeyUsage",
                    "KmsInvalidState", "KmsNotFound", "KmsOptInRequired", "KmsThrottled", "MessageNotInflight",
                    "OverLimit", "PurgeQueueInProgress", "QueueDeletedRecently", "QueueDoesNotExist", "QueueNameExists",
                    "ReceiptHandleIsInvalid", "RequestThrottled", "ResourceNotFound", "ResourceNotFoundException",
                    "TooManyEntriesInBatchRequest", "UnsupportedOperation"),
            "sns", Set.of("AuthorizationError", "BatchEntryIdsNotDistinct", "BatchRequestTooLong", "ConcurrentAccess",
                    "EmptyBatchRequest", "EndpointDisabled", "FilterPolicyLimitExceeded", "InternalError",
                    "InvalidBatchEntryId", "InvalidParameter", "InvalidSecurity", "InvalidState", "KMSAccessDenied",
                    "KMSDisabled", "KMSInvalidState", "KMSNotFound", "KMSOptInRequired", "KMSThrottling", "NotFound",
                    "OptedOut", "PlatformApplicationDisabled", "ReplayLimitExceeded", "ResourceNotFound", "StaleTag",
                    "SubscriptionLimitExceeded", "TagLimitExceeded", "TagPolicy", "Throttled", "TooManyEntriesInBatchRequest",
                    "TopicLimitExceeded", "UserError", "ValidationException", "VerificationException"),
            // SDK v2's S3 model: BucketNotEmpty, PreconditionFailed, ... are the base S3Exception
            "s3", Set.of("BucketAlreadyExists", "BucketAlreadyOwnedByYou", "EncryptionTypeMismatch", "IdempotencyParameterMismatch",
                    "InvalidObjectState", "InvalidRequest", "InvalidWriteOffset", "NoSuchBucket", "NoSuchKey", "NoSuchUpload",
                    "ObjectAlreadyInActiveTierError", "ObjectNotInActiveTierError", "TooManyParts"));
    /** Modelled errors whose wire code is not their shape's name. */
    private static final Map<String, String> RENAMED = Map.of(
            "sns:ParameterValueInvalid", "InvalidParameterValue", "sns:InvalidParameterValue", "InvalidParameterValue");
    /** SDK v1 names (optimized integrations): error prefix and the {@code Service:} of the cause. */
    private static final Map<String, String[]> V1 = Map.of(
            "sqs", new String[] {"SQS", "AmazonSQS"},
            "sns", new String[] {"SNS", "AmazonSNS"},
            "dynamodb", new String[] {"DynamoDB", "AmazonDynamoDBv2"},
            "batch", new String[] {"Batch", "AWSBatch"},
            "ecs", new String[] {"ECS", "AmazonECS"});
    /** SDK v2 client names (aws-sdk integrations) where capitalising the ARN's service name is wrong. */
    private static final Map<String, String> V2 = Map.of(
            "sqs", "Sqs", "sns", "Sns", "dynamodb", "DynamoDb", "sfn", "Sfn", "s3", "S3", "logs", "CloudWatchLogs",
            "ecs", "Ecs", "batch", "Batch", "eventbridge", "EventBridge", "secretsmanager", "SecretsManager");

    private AwsErrors() {}

    public static ServiceFailure optimized(String service, ServiceException e, String requestId) {
        String[] names = V1.getOrDefault(service, new String[] {service.toUpperCase(Locale.ROOT), "Amazon" + service.toUpperCase(Locale.ROOT)});
        String modelled = modelledClass(service, e);
        String error = names[0] + "." + (modelled != null ? modelled : names[1] + "Exception");
        String cause = message(e) + " (Service: " + names[1] + "; Status Code: " + e.status() + "; Error Code: " + e.code()
                + "; Request ID: " + requestId + "; Proxy: null)";
        return new ServiceFailure(error, cause);
    }

    public static ServiceFailure sdk(String service, ServiceException e, String requestId) {
        String name = V2.getOrDefault(service, service.substring(0, 1).toUpperCase(Locale.ROOT) + service.substring(1));
        String modelled = modelledClass(service, e);
        String error = name + "." + (modelled != null ? modelled : name + "Exception");
        String cause = message(e) + " (Service: " + name + ", Status Code: " + e.status() + ", Request ID: " + requestId
                + ") (SDK Attempt Count: 1)";
        return new ServiceFailure(error, cause);
    }

    /** The SDK's exception class for the error, or null when the service's model does not have it. */
    private static String modelledClass(String service, ServiceException e) {
        String renamed = RENAMED.get(service + ":" + e.code());
        if (renamed != null) return renamed + "Exception";
        Set<String> modelled = MODELLED.get(service);
        for (String name : new String[] {e.type(), e.code()}) {
            if (name == null) continue;
            String bare = name.endsWith("Exception") ? name.substring(0, name.length() - "Exception".length()) : name;
            if (modelled == null || modelled.contains(name) || modelled.contains(bare)) return bare + "Exception";
        }
        return null;
    }

    private static String message(ServiceException e) { return e.getMessage() == null ? "null" : e.getMessage(); }
}
