package dev.stride.cli.services;

import dev.stride.cli.ServerProcess;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The SDK v2 DynamoDB client pointed at a Stride server, for the DynamoDb* tests of this package. */
final class DynamoDbClients {
    private DynamoDbClients() {}

    static DynamoDbClient dynamoDb(ServerProcess server) {
        return DynamoDbClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(ServerProcess.CREDENTIALS).httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    /** One attempt per call: a call that returns was answered by the server, not by a retry after it came back. */
    static DynamoDbClient dynamoDbWithoutRetries(ServerProcess server) {
        return DynamoDbClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(ServerProcess.CREDENTIALS).httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }
}
