package dev.stride.service.passthrough.internal;

import dev.stride.service.passthrough.Remote;
import java.net.URI;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.ServiceMetadata;

/** The base URL requests to a remote go to. */
public final class RemoteEndpoint {
    private RemoteEndpoint() {}

    /** The configured endpoint, else AWS's regional one for the service as the SDK's endpoint metadata knows it. */
    public static URI of(Remote remote, String signingName) {
        if (remote.endpoint() != null) return remote.endpoint();
        ServiceMetadata metadata = ServiceMetadata.of(signingName);
        if (metadata == null) {
            throw new IllegalArgumentException("the AWS SDK knows no endpoint for '" + signingName + "': configure the remote's endpoint");
        }
        return URI.create("https://" + metadata.endpointFor(Region.of(remote.region())));
    }
}
