package dev.stride.service;

import java.io.InputStream;

/**
 * A service whose requests and replies may be too large to hold in memory (S3's objects). The
 * endpoint hands it the request body as a stream instead of reading it whole, and sends the
 * reply's body from the stream it returns, so a gigabyte object never sits in the heap.
 *
 * <p>{@link AwsService#serve} still works (tests, pass-through): it is this with the body in memory.
 */
public interface StreamingService extends AwsService {
    /**
     * Serves one request whose body is read from {@code body}; {@code request.body()} is empty.
     * Never throws for bad input: errors are replies in the protocol's shape.
     */
    StreamedResponse serve(ServiceRequest request, InputStream body);
}
