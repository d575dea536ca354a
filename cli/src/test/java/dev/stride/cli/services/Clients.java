package dev.stride.cli.services;

import dev.stride.cli.ServerProcess;
import java.net.URI;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The real AWS SDK v2 clients, pointed at a Stride server. */
final class Clients {
    private Clients() {}

    static SqsClient sqs(URI endpoint, Region region) {
        return SqsClient.builder().endpointOverride(endpoint).region(region).credentialsProvider(ServerProcess.CREDENTIALS)
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    static SqsClient sqs(ServerProcess server) { return sqs(server.endpoint(), Region.US_EAST_1); }

    static SnsClient sns(ServerProcess server) {
        return SnsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(ServerProcess.CREDENTIALS).httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    static SfnClient sfn(ServerProcess server) {
        return SfnClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(ServerProcess.CREDENTIALS).httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    static BatchClient batch(ServerProcess server) {
        return BatchClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(ServerProcess.CREDENTIALS).httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    static EcsClient ecs(ServerProcess server) {
        return EcsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(ServerProcess.CREDENTIALS).httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    static CloudWatchLogsClient logs(ServerProcess server) {
        return CloudWatchLogsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(ServerProcess.CREDENTIALS).httpClientBuilder(ApacheHttpClient.builder()).build();
    }
}
