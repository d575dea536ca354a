package dev.stride.integrations;

import java.net.URI;

/**
 * A service of {@code stride server} whose work goes to a real AWS (or AWS-compatible) endpoint
 * instead of Stride's local one: {@code services: {sqs: {passThrough: {...}}}} in stride.yaml.
 * Both the service's HTTP requests and the Task states that call it go there.
 *
 * @param endpoint        the base URL; null means AWS's own regional endpoint for the service
 * @param region          the region requests are signed for (and, with no endpoint, sent to)
 * @param accessKeyId     null, with no secret, means the AWS SDK's default credentials chain
 * @param secretAccessKey null exactly when accessKeyId is
 * @param sessionToken    for temporary credentials, else null
 */
public record PassThrough(URI endpoint, String region, String accessKeyId, String secretAccessKey, String sessionToken) {
    /** Keeps the secret and the token out of logs and error messages. */
    @Override
    public String toString() {
        return "PassThrough[endpoint=" + (endpoint == null ? "AWS" : endpoint) + ", region=" + region
                + ", accessKeyId=" + (accessKeyId == null ? "default chain" : accessKeyId) + "]";
    }
}
