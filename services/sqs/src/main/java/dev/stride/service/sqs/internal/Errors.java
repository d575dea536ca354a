package dev.stride.service.sqs.internal;

import dev.stride.service.ServiceException;

/**
 * SQS's errors in one place, with the texts AWS answers. The JSON protocol writes the modelled
 * type ({@code com.amazonaws.sqs#QueueDoesNotExist}); the query protocol and the JSON
 * protocol's {@code x-amzn-query-error} header carry the older code
 * ({@code AWS.SimpleQueueService.NonExistentQueue}), which is what the SDKs report.
 */
final class Errors {
    private Errors() {}

    static ServiceException queueDoesNotExist() {
        return new ServiceException("QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue", 400, true,
                "The specified queue does not exist.");
    }

    static ServiceException queueNameExists(String attribute) {
        return new ServiceException("QueueNameExists", "QueueAlreadyExists", 400, true,
                "A queue already exists with the same name and a different value for attribute " + attribute);
    }

    static ServiceException missing(String parameter) {
        return ServiceException.client("MissingParameter", "The request must contain the parameter " + parameter + ".");
    }

    static ServiceException invalidValue(String message) {
        return ServiceException.client("InvalidParameterValue", message);
    }

    /** AWS's shape for a parameter out of its range: "Value X for parameter P is invalid. Reason: ...". */
    static ServiceException invalidParameter(String parameter, Object value, String reason) {
        return invalidValue("Value " + value + " for parameter " + parameter + " is invalid. Reason: " + reason);
    }

    static ServiceException invalidAttributeName(String name) {
        return ServiceException.client("InvalidAttributeName", "Unknown Attribute " + name + ".");
    }

    static ServiceException invalidAttributeValue(String name) {
        return ServiceException.client("InvalidAttributeValue", "Invalid value for the parameter " + name + ".");
    }

    static ServiceException invalidContents(int codePoint) {
        return ServiceException.client("InvalidMessageContents", "Invalid binary character '#x" + Integer.toHexString(codePoint).toUpperCase()
                + "' was found in the message body, the set of allowed characters is #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].");
    }

    static ServiceException receiptHandleIsInvalid(String handle) {
        return ServiceException.client("ReceiptHandleIsInvalid", "The input receipt handle \"" + handle + "\" is not a valid receipt handle.");
    }

    static ServiceException messageNotInflight() {
        return new ServiceException("MessageNotInflight", "AWS.SimpleQueueService.MessageNotInflight", 400, true,
                "The message referred to isn't in flight.");
    }

    static ServiceException notAvailableForVisibilityChange(String handle) {
        return invalidParameter("ReceiptHandle", handle, "Message does not exist or is not available for visibility timeout change.");
    }

    static ServiceException purgeInProgress(String queueName) {
        return new ServiceException("PurgeQueueInProgress", "AWS.SimpleQueueService.PurgeQueueInProgress", 400, true,
                "Only one PurgeQueue operation on " + queueName + " is allowed every 60 seconds.");
    }

    static ServiceException emptyBatch(String entryName) {
        return new ServiceException("EmptyBatchRequest", "AWS.SimpleQueueService.EmptyBatchRequest", 400, true,
                "There should be at least one " + entryName + " in the request.");
    }

    static ServiceException tooManyEntries(int sent) {
        return new ServiceException("TooManyEntriesInBatchRequest", "AWS.SimpleQueueService.TooManyEntriesInBatchRequest", 400, true,
                "Maximum number of entries per request are 10. You have sent " + sent + ".");
    }

    static ServiceException idsNotDistinct(String id) {
        return new ServiceException("BatchEntryIdsNotDistinct", "AWS.SimpleQueueService.BatchEntryIdsNotDistinct", 400, true,
                "Id " + id + " repeated.");
    }

    static ServiceException invalidBatchEntryId() {
        return new ServiceException("InvalidBatchEntryId", "AWS.SimpleQueueService.InvalidBatchEntryId", 400, true,
                "A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.");
    }

    static ServiceException batchTooLong(int max, long sent) {
        return new ServiceException("BatchRequestTooLong", "AWS.SimpleQueueService.BatchRequestTooLong", 400, true,
                "Batch requests cannot be longer than " + max + " bytes. You have sent " + sent + " bytes.");
    }

    static ServiceException resourceNotFound(String message) {
        return ServiceException.client("ResourceNotFoundException", message);
    }

    static ServiceException unsupported(String message) {
        return new ServiceException("UnsupportedOperation", "AWS.SimpleQueueService.UnsupportedOperation", 400, true, message);
    }

    static ServiceException invalidAction(String action) {
        return ServiceException.client("InvalidAction", "The action " + action + " is not valid for this endpoint.");
    }

    static ServiceException internal(String message) {
        return new ServiceException("InternalError", "InternalError", 500, false, message);
    }
}
