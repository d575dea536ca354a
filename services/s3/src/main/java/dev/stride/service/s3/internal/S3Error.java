package dev.stride.service.s3.internal;

import dev.stride.service.ServiceException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An S3 error as the service raises it: AWS's code, message and status, and the extra elements
 * S3's error document carries for it ({@code <BucketName>}, {@code <Key>}, {@code <Condition>},
 * {@code <ActualObjectSize>}, ...). In-process callers see it as the plain {@link ServiceException}.
 */
public final class S3Error extends RuntimeException {
    private final ServiceException error;
    private final Map<String, String> details;

    S3Error(String code, int status, String message, Map<String, String> details) {
        super(message, null, false, false);
        this.error = new ServiceException(code, code, status, status < 500, message);
        this.details = new LinkedHashMap<>(details);
    }

    public ServiceException asServiceException() { return error; }

    public String code() { return error.code(); }

    public int status() { return error.status(); }

    /** Extra elements of the error document, in order. */
    public Map<String, String> details() { return details; }
}
