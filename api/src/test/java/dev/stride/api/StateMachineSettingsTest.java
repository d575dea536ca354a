package dev.stride.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineForExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.EncryptionType;
import software.amazon.awssdk.services.sfn.model.InvalidEncryptionConfigurationException;
import software.amazon.awssdk.services.sfn.model.InvalidLoggingConfigurationException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.LogLevel;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/**
 * DescribeStateMachine shows every configuration block with AWS's defaults; Create and Update
 * take, check and return them; DescribeActivity, DescribeStateMachineForExecution follow.
 */
class StateMachineSettingsTest extends ApiFixture {
    private static final String GROUP = "arn:aws:logs:us-east-1:123456789012:log-group:/stride/test:*";
    private static final String KEY = "arn:aws:kms:us-east-1:123456789012:key/00000000-0000-0000-0000-000000000000";

    @Test
    void aMachineCreatedWithNoSettingsDescribesAwsDefaults() {
        String arn = createMachine("settings-defaults", HELLO);
        DescribeStateMachineResponse d = sfn.describeStateMachine(b -> b.stateMachineArn(arn));
        assertThat(d.loggingConfiguration().level()).isEqualTo(LogLevel.OFF);
        assertThat(d.loggingConfiguration().includeExecutionData()).isFalse();
        assertThat(d.loggingConfiguration().destinations()).isEmpty();
        assertThat(d.tracingConfiguration().enabled()).isFalse();
        assertThat(d.encryptionConfiguration().type()).isEqualTo(EncryptionType.AWS_OWNED_KEY);
        assertThat(d.encryptionConfiguration().kmsKeyId()).isNull();
        assertThat(d.revisionId()).isNull(); // the first revision has no id on AWS
        sfn.updateStateMachine(b -> b.stateMachineArn(arn).tracingConfiguration(t -> t.enabled(false)));
        assertThat(sfn.describeStateMachine(b -> b.stateMachineArn(arn)).revisionId()).isNotBlank();
    }

    @Test
    void settingsGivenAtCreateAreDescribedAndUpdateChangesOnlyWhatItNames() {
        String arn = sfn.createStateMachine(b -> b.name("settings-given").definition(HELLO).roleArn(ROLE)
                .loggingConfiguration(l -> l.level(LogLevel.ERROR).destinations(d -> d.cloudWatchLogsLogGroup(g -> g.logGroupArn(GROUP))))
                .tracingConfiguration(t -> t.enabled(true))
                .encryptionConfiguration(e -> e.type(EncryptionType.CUSTOMER_MANAGED_KMS_KEY).kmsKeyId(KEY))).stateMachineArn();
        DescribeStateMachineResponse d = sfn.describeStateMachine(b -> b.stateMachineArn(arn));
        assertThat(d.loggingConfiguration().level()).isEqualTo(LogLevel.ERROR);
        assertThat(d.loggingConfiguration().includeExecutionData()).isFalse();
        assertThat(d.loggingConfiguration().destinations().get(0).cloudWatchLogsLogGroup().logGroupArn()).isEqualTo(GROUP);
        assertThat(d.tracingConfiguration().enabled()).isTrue();
        assertThat(d.encryptionConfiguration().kmsKeyId()).isEqualTo(KEY);
        assertThat(d.encryptionConfiguration().kmsDataKeyReusePeriodSeconds()).isEqualTo(300);

        sfn.updateStateMachine(b -> b.stateMachineArn(arn).tracingConfiguration(t -> t.enabled(false)));
        DescribeStateMachineResponse after = sfn.describeStateMachine(b -> b.stateMachineArn(arn));
        assertThat(after.tracingConfiguration().enabled()).isFalse();
        assertThat(after.loggingConfiguration().level()).isEqualTo(LogLevel.ERROR);
        assertThat(after.encryptionConfiguration().type()).isEqualTo(EncryptionType.CUSTOMER_MANAGED_KMS_KEY);
        assertThat(after.revisionId()).isNotBlank();

        String exec = sfn.startExecution(b -> b.stateMachineArn(arn).input("{\"name\":\"x\"}")).executionArn();
        DescribeStateMachineForExecutionResponse forExec = sfn.describeStateMachineForExecution(b -> b.executionArn(exec));
        assertThat(forExec.name()).isEqualTo("settings-given");
        assertThat(forExec.encryptionConfiguration().kmsKeyId()).isEqualTo(KEY);
        assertThat(forExec.loggingConfiguration().level()).isEqualTo(LogLevel.ERROR);
        assertThat(forExec.tracingConfiguration().enabled()).isFalse();
    }

    @Test
    void badSettingsAreRefusedWithAwsErrors() {
        assertThatThrownBy(() -> sfn.createStateMachine(b -> b.name("settings-bad-log").definition(HELLO).roleArn(ROLE)
                .loggingConfiguration(l -> l.level(LogLevel.ALL))))
                .isInstanceOf(InvalidLoggingConfigurationException.class).hasMessageContaining("exactly one Log Destination");
        assertThatThrownBy(() -> sfn.createStateMachine(b -> b.name("settings-bad-group").definition(HELLO).roleArn(ROLE)
                .loggingConfiguration(l -> l.level(LogLevel.ALL).destinations(d -> d.cloudWatchLogsLogGroup(g -> g.logGroupArn("nope"))))))
                .isInstanceOf(InvalidLoggingConfigurationException.class).hasMessageContaining("Log Destination not found.");
        assertThatThrownBy(() -> sfn.createStateMachine(b -> b.name("settings-bad-key").definition(HELLO).roleArn(ROLE)
                .encryptionConfiguration(e -> e.type(EncryptionType.CUSTOMER_MANAGED_KMS_KEY))))
                .isInstanceOf(InvalidEncryptionConfigurationException.class).hasMessageContaining("kmsKeyId");
        assertThatThrownBy(() -> sfn.createStateMachine(b -> b.name("settings-bad-reuse").definition(HELLO).roleArn(ROLE)
                .encryptionConfiguration(e -> e.type(EncryptionType.CUSTOMER_MANAGED_KMS_KEY).kmsKeyId(KEY).kmsDataKeyReusePeriodSeconds(10))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("greater than or equal to 60");
    }

    @Test
    void creatingAgainWithOtherSettingsIsAlreadyExists() {
        createMachine("settings-again", HELLO);
        assertThat(createMachine("settings-again", HELLO)).endsWith(":settings-again"); // same settings: idempotent
        assertThatThrownBy(() -> sfn.createStateMachine(b -> b.name("settings-again").definition(HELLO).roleArn(ROLE)
                .tracingConfiguration(t -> t.enabled(true)))).isInstanceOf(StateMachineAlreadyExistsException.class);
    }

    @Test
    void describeActivityShowsItsEncryption() {
        String arn = sfn.createActivity(b -> b.name("settings-activity")).activityArn();
        assertThat(sfn.describeActivity(b -> b.activityArn(arn)).encryptionConfiguration().type()).isEqualTo(EncryptionType.AWS_OWNED_KEY);
    }

    @Test
    void aTaskTokenThatIsNoTokenIsInvalidToken() {
        assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken("not a token").output("{}")))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("Invalid Token");
        assertThatThrownBy(() -> sfn.sendTaskFailure(b -> b.taskToken("not a token"))).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> sfn.sendTaskHeartbeat(b -> b.taskToken("not a token"))).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void namesFollowAwsRulesAliasesTheStricterOnes() {
        String arn = createMachine("名前-unicode", HELLO);
        assertThat(arn).endsWith(":名前-unicode");
        assertThatThrownBy(() -> createMachine("tab\there", HELLO)).isInstanceOf(InvalidNameException.class);
        String version = sfn.publishStateMachineVersion(b -> b.stateMachineArn(arn)).stateMachineVersionArn();
        assertThatThrownBy(() -> sfn.createStateMachineAlias(b -> b.name("12345")
                .routingConfiguration(r -> r.stateMachineVersionArn(version).weight(100)))).isInstanceOf(InvalidNameException.class);
    }
}
