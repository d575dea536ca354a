package dev.stride.service.passthrough;

import java.net.URI;

/**
 * Where a pass-through service sends its work: an AWS (or AWS-compatible) endpoint, the region to
 * sign for, and the credentials to sign with.
 *
 * @param endpoint        the base URL ({@code http://localhost:4566}); null means AWS's own
 *                        regional endpoint for the service ({@code https://sqs.eu-west-1.amazonaws.com})
 * @param region          the region requests are signed for and sent to; required
 * @param accessKeyId     the access key; null, with no secret, means the AWS SDK's default
 *                        credentials chain (environment, profile, container or instance role)
 * @param secretAccessKey its secret; null exactly when accessKeyId is
 * @param sessionToken    for temporary credentials, else null
 */
public record Remote(URI endpoint, String region, String accessKeyId, String secretAccessKey, String sessionToken) {
    public Remote {
        if (region == null || region.isBlank()) throw new IllegalArgumentException("a remote needs a region");
        if ((accessKeyId == null) != (secretAccessKey == null)) {
            throw new IllegalArgumentException("a remote's accessKeyId and secretAccessKey go together: give both or neither");
        }
        if (endpoint != null && (endpoint.getScheme() == null || endpoint.getHost() == null)) {
            throw new IllegalArgumentException("a remote endpoint is an absolute http(s) URL, got " + endpoint);
        }
    }

    /** A remote with long-term credentials. */
    public static Remote of(URI endpoint, String region, String accessKeyId, String secretAccessKey) {
        return new Remote(endpoint, region, accessKeyId, secretAccessKey, null);
    }

    /** Keeps the secret and the token out of logs and error messages. */
    @Override
    public String toString() {
        return "Remote[endpoint=" + (endpoint == null ? "AWS" : endpoint) + ", region=" + region
                + ", accessKeyId=" + accessKeyId + (sessionToken == null ? "" : ", with session token") + "]";
    }
}
