package dev.stride.api;

import dev.stride.service.ServiceException;

/**
 * A refused signature in the names the service itself answers with: the endpoint checks every
 * service's signatures in one place ({@link SigV4}), but AWS's services do not agree on what to
 * call the failures. The query-protocol services (SQS, also in its JSON protocol, and SNS) say
 * InvalidClientTokenId and SignatureDoesNotMatch; S3 says InvalidAccessKeyId,
 * SignatureDoesNotMatch and RequestTimeTooSkewed; the JSON and REST services (DynamoDB, Logs,
 * ECS, Batch) say what Step Functions says: UnrecognizedClientException, InvalidSignatureException.
 */
final class AuthErrors {
    private AuthErrors() {}

    static ServiceException of(ApiException e, String signingName) {
        return switch (signingName) {
            case "sqs", "sns" -> queryProtocol(e);
            case "s3" -> s3(e);
            default -> new ServiceException(e.error.type, e.error.type, e.error.status, e.error.status < 500, e.getMessage());
        };
    }

    private static ServiceException queryProtocol(ApiException e) {
        return switch (e.error) {
            case UNRECOGNIZED_CLIENT -> sender("InvalidClientTokenId", 403, e.getMessage());
            case INVALID_SIGNATURE, SIGNATURE_EXPIRED, PRESIGNED_EXPIRED -> sender("SignatureDoesNotMatch", 403, e.getMessage());
            case MISSING_AUTHENTICATION -> sender("MissingAuthenticationToken", 403, "Request is missing Authentication Token");
            case INCOMPLETE_SIGNATURE -> sender("IncompleteSignature", 400, e.getMessage());
            default -> sender(e.error.type, e.error.status, e.getMessage());
        };
    }

    /** S3's codes; S3Service turns the codes it shares with the query protocol into its own (AccessDenied, ...). */
    private static ServiceException s3(ApiException e) {
        return switch (e.error) {
            case UNRECOGNIZED_CLIENT -> sender("InvalidAccessKeyId", 403, "The AWS Access Key Id you provided does not exist in our records.");
            case INVALID_SIGNATURE -> e.getMessage().startsWith("The request signature")
                    ? sender("SignatureDoesNotMatch", 403, "The request signature we calculated does not match the signature you provided. "
                            + "Check your key and signing method.")
                    : sender("SignatureDoesNotMatch", 403, e.getMessage());
            case SIGNATURE_EXPIRED -> sender("RequestTimeTooSkewed", 403, "The difference between the request time and the current time is too large.");
            case PRESIGNED_EXPIRED -> sender("AccessDenied", 403, "Request has expired");
            case MISSING_AUTHENTICATION -> sender("MissingAuthenticationToken", 403, "Request is missing Authentication Token");
            case INCOMPLETE_SIGNATURE -> sender("IncompleteSignature", 400, e.getMessage());
            default -> sender(e.error.type, e.error.status, e.getMessage());
        };
    }

    private static ServiceException sender(String code, int status, String message) {
        return new ServiceException(code, code, status, status < 500, message);
    }
}
