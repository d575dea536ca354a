package dev.stride.cli.services;

import dev.stride.cli.ServerProcess;
import java.net.InetAddress;
import java.net.UnknownHostException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The real SDK v2 S3 client against a Stride server, path-style or virtual-hosted. Virtual hosts
 * ({@code bucket.localhost}) are resolved to the loopback address by the client itself: not every
 * system resolver answers for names under {@code localhost}.
 */
final class S3Clients {
    private S3Clients() {}

    static S3Client pathStyle(ServerProcess server) { return client(server, true); }

    /** A path-style client that shows each request as sent (signed, with its final headers) to {@code watch}. */
    static S3Client watched(ServerProcess server, ExecutionInterceptor watch) {
        return S3Client.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1).credentialsProvider(ServerProcess.CREDENTIALS)
                .forcePathStyle(true).overrideConfiguration(c -> c.addExecutionInterceptor(watch))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    static S3Client virtualHosted(ServerProcess server) { return client(server, false); }

    static S3Presigner presigner(ServerProcess server) {
        return S3Presigner.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(ServerProcess.CREDENTIALS)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
    }

    private static S3Client client(ServerProcess server, boolean pathStyle) {
        return S3Client.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1).credentialsProvider(ServerProcess.CREDENTIALS)
                .forcePathStyle(pathStyle).httpClientBuilder(ApacheHttpClient.builder().dnsResolver(S3Clients::resolve)).build();
    }

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        if (host.endsWith(".localhost")) return new InetAddress[] {InetAddress.getLoopbackAddress()};
        return InetAddress.getAllByName(host);
    }
}
