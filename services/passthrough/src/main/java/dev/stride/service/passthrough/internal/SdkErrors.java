package dev.stride.service.passthrough.internal;

import dev.stride.service.ServiceException;
import java.io.IOException;
import java.net.URI;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** What an SDK call's failure is as Stride's {@link ServiceException}. */
final class SdkErrors {
    private SdkErrors() {}

    static ServiceException of(Throwable failure, String signingName, URI endpoint) {
        if (failure instanceof ServiceException e) return e;
        if (failure instanceof AwsServiceException e) return remote(e);
        if (failure instanceof SdkClientException e && hasIoCause(e)) {
            return new ServiceException("ServiceUnavailable", "ServiceUnavailable", 503, false,
                    "Stride could not reach the remote " + signingName + " endpoint " + (endpoint == null ? "(AWS)" : endpoint)
                            + ": " + RequestForwarder.describe(e));
        }
        if (failure instanceof IllegalArgumentException || failure instanceof NullPointerException) {
            // the SDK's own checks of a request (a path member left out, a bad ARN)
            return ServiceException.client("ValidationException", RequestForwarder.describe(failure));
        }
        return new ServiceException("InternalFailure", "InternalFailure", 500, false,
                "The AWS SDK failed the " + signingName + " call: " + RequestForwarder.describe(failure));
    }

    /**
     * The remote's error. The code is the one on the wire ({@code AWS.SimpleQueueService.NonExistentQueue}
     * for SQS, whose JSON replies keep their query codes); the type is the modelled error's name
     * when the SDK knew it ({@code QueueDoesNotExist}, from {@code QueueDoesNotExistException}),
     * else the code, so it reads as the local services' do.
     */
    private static ServiceException remote(AwsServiceException e) {
        String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? "UnknownError" : e.awsErrorDetails().errorCode();
        String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        int status = e.statusCode() == 0 ? 500 : e.statusCode();
        return new ServiceException(modelledType(e, code), code, status, status < 500, message == null ? e.getMessage() : message);
    }

    private static String modelledType(AwsServiceException e, String code) {
        // a service's base exception (SqsException) extends AwsServiceException directly; its modelled errors extend that
        Class<?> parent = e.getClass().getSuperclass();
        if (parent == AwsServiceException.class || parent == null || !AwsServiceException.class.isAssignableFrom(parent)) return code;
        String simple = e.getClass().getSimpleName();
        String bare = simple.endsWith("Exception") ? simple.substring(0, simple.length() - "Exception".length()) : simple;
        return code.equals(simple) || code.equals(bare) ? code : bare;
    }

    private static boolean hasIoCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof IOException) return true;
        return false;
    }
}
