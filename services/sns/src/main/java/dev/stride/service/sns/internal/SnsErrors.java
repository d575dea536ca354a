package dev.stride.service.sns.internal;

import dev.stride.service.ServiceException;

/** AWS's SNS error codes and texts, made in one place so both protocols report them alike. */
public final class SnsErrors {
    private SnsErrors() {}

    /** {@code InvalidParameter: Invalid parameter: <detail>}, the error SNS returns for most bad input. */
    public static ServiceException invalidParameter(String detail) {
        return ServiceException.client("InvalidParameter", "Invalid parameter: " + detail);
    }

    public static ServiceException invalidParameterValue(String message) {
        return ServiceException.client("InvalidParameterValue", message);
    }

    public static ServiceException topicNotFound() {
        return new ServiceException("NotFoundException", "NotFound", 404, true, "Topic does not exist");
    }

    public static ServiceException subscriptionNotFound() {
        return new ServiceException("NotFoundException", "NotFound", 404, true, "Subscription does not exist");
    }

    public static ServiceException resourceNotFound() {
        return new ServiceException("ResourceNotFoundException", "ResourceNotFound", 404, true, "Resource does not exist");
    }

    public static ServiceException authorization(String account, String action, String resource) {
        return new ServiceException("AuthorizationErrorException", "AuthorizationError", 403, true,
                "User: arn:aws:iam::" + account + ":root is not authorized to perform: SNS:" + action + " on resource: " + resource);
    }

    public static ServiceException invalidAction(String action) {
        return ServiceException.client("InvalidAction", "The action " + action + " is not valid for this web service.");
    }

    public static ServiceException internal() {
        return new ServiceException("InternalErrorException", "InternalFailure", 500, false,
                "The request processing has failed because of an unknown error, exception or failure.");
    }

    /** A batch-level error of PublishBatch (its type is the code followed by {@code Exception}). */
    public static ServiceException batch(String code, String message) {
        return new ServiceException(code + "Exception", code, 400, true, message);
    }
}
