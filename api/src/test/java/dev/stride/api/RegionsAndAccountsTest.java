package dev.stride.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ActivityDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;

/**
 * The region comes from the request's credential scope and the account from a 12-digit access
 * key id: ARNs carry them, and one region's or account's resources are invisible from another.
 */
class RegionsAndAccountsTest extends ApiFixture {
    private static SfnClient in(int port, String region, String accessKey) {
        return SfnClient.builder().endpointOverride(URI.create("http://localhost:" + port)).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "secret")))
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(software.amazon.awssdk.awscore.retry.AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(Duration.ofSeconds(30)))
                .build();
    }

    @Test
    void aMachineCreatedInOneRegionLivesThereAlone() {
        try (SfnClient ireland = in(server.port(), "eu-west-1", "stride")) {
            String arn = ireland.createStateMachine(b -> b.name("regional").definition(HELLO).roleArn(ROLE)).stateMachineArn();
            assertThat(arn).isEqualTo("arn:aws:states:eu-west-1:123456789012:stateMachine:regional");
            assertThat(ireland.listStateMachines(b -> {}).stateMachines()).anyMatch(m -> m.stateMachineArn().equals(arn));

            String exec = ireland.startExecution(b -> b.stateMachineArn(arn).input("{\"name\":\"eu\"}")).executionArn();
            assertThat(exec).startsWith("arn:aws:states:eu-west-1:123456789012:execution:regional:");
            assertThat(poll(() -> ireland.describeExecution(b -> b.executionArn(exec)), d -> d.status() != ExecutionStatus.RUNNING).status())
                    .isEqualTo(ExecutionStatus.SUCCEEDED);

            // the default region's client (us-east-1) sees none of it
            assertThat(sfn.listStateMachines(b -> {}).stateMachines()).noneMatch(m -> m.stateMachineArn().equals(arn));
            assertThatThrownBy(() -> sfn.describeStateMachine(b -> b.stateMachineArn(arn))).isInstanceOf(StateMachineDoesNotExistException.class);
            assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(arn))).isInstanceOf(StateMachineDoesNotExistException.class);
            assertThatThrownBy(() -> sfn.describeExecution(b -> b.executionArn(exec)))
                    .isInstanceOf(software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException.class);
        }
    }

    @Test
    void aTwelveDigitAccessKeyIdIsTheAccount() {
        try (SfnClient other = in(server.port(), "us-east-1", "210987654321")) {
            String arn = other.createStateMachine(b -> b.name("accounted").definition(HELLO).roleArn(ROLE)).stateMachineArn();
            assertThat(arn).isEqualTo("arn:aws:states:us-east-1:210987654321:stateMachine:accounted");
            String activity = other.createActivity(b -> b.name("accounted-work")).activityArn();
            assertThat(activity).isEqualTo("arn:aws:states:us-east-1:210987654321:activity:accounted-work");
            assertThat(other.describeActivity(b -> b.activityArn(activity)).name()).isEqualTo("accounted-work");

            assertThatThrownBy(() -> sfn.describeStateMachine(b -> b.stateMachineArn(arn))).isInstanceOf(StateMachineDoesNotExistException.class);
            assertThatThrownBy(() -> sfn.describeActivity(b -> b.activityArn(activity))).isInstanceOf(ActivityDoesNotExistException.class);
            assertThat(sfn.listActivities(b -> {}).activities()).noneMatch(a -> a.activityArn().equals(activity));
            // the same name in the default account is another machine
            assertThat(createMachine("accounted", HELLO)).isEqualTo(ACCOUNT_PREFIX + "stateMachine:accounted");
        }
    }
}
