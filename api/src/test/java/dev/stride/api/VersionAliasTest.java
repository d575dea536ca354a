package dev.stride.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.ConflictException;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.RoutingConfigurationListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ValidationException;

class VersionAliasTest extends ApiFixture {
    static String returning(String value) {
        return "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Result\":\"" + value + "\",\"End\":true}}}";
    }

    static RoutingConfigurationListItem route(String versionArn, int weight) {
        return RoutingConfigurationListItem.builder().stateMachineVersionArn(versionArn).weight(weight).build();
    }

    @Test
    void publishingNumbersVersionsAndIsIdempotentPerRevision() {
        String sm = createMachine("ver-publish", returning("v1"));
        var v1 = sfn.publishStateMachineVersion(b -> b.stateMachineArn(sm).description("first"));
        assertThat(v1.stateMachineVersionArn()).isEqualTo(sm + ":1");
        assertThat(sfn.publishStateMachineVersion(b -> b.stateMachineArn(sm)).stateMachineVersionArn()).isEqualTo(sm + ":1");

        String revision = sfn.updateStateMachine(b -> b.stateMachineArn(sm).definition(returning("v2"))).revisionId();
        assertThatThrownBy(() -> sfn.publishStateMachineVersion(b -> b.stateMachineArn(sm).revisionId("stale")))
                .isInstanceOf(ConflictException.class);
        var v2 = sfn.publishStateMachineVersion(b -> b.stateMachineArn(sm).revisionId(revision));
        assertThat(v2.stateMachineVersionArn()).isEqualTo(sm + ":2");

        assertThat(sfn.listStateMachineVersions(b -> b.stateMachineArn(sm)).stateMachineVersions())
                .extracting(v -> v.stateMachineVersionArn()).containsExactly(sm + ":2", sm + ":1");
        assertThat(sfn.describeStateMachine(b -> b.stateMachineArn(sm + ":1")).definition()).contains("v1");

        sfn.deleteStateMachineVersion(b -> b.stateMachineVersionArn(sm + ":2"));
        assertThatThrownBy(() -> sfn.describeStateMachine(b -> b.stateMachineArn(sm + ":2")))
                .isInstanceOf(StateMachineDoesNotExistException.class);
        // Numbers are never reused.
        sfn.updateStateMachine(b -> b.stateMachineArn(sm).definition(returning("v3")));
        assertThat(sfn.publishStateMachineVersion(b -> b.stateMachineArn(sm)).stateMachineVersionArn()).isEqualTo(sm + ":3");
    }

    @Test
    void anAliasRoutesExecutionsToVersionsByWeight() {
        String sm = createMachine("alias-route", returning("one"));
        String v1 = sfn.publishStateMachineVersion(b -> b.stateMachineArn(sm)).stateMachineVersionArn();
        sfn.updateStateMachine(b -> b.stateMachineArn(sm).definition(returning("two")));
        String v2 = sfn.publishStateMachineVersion(b -> b.stateMachineArn(sm)).stateMachineVersionArn();

        String alias = sfn.createStateMachineAlias(b -> b.name("PROD").description("live")
                .routingConfiguration(route(v1, 50), route(v2, 50))).stateMachineAliasArn();
        assertThat(alias).isEqualTo(sm + ":PROD");
        // Idempotent with the same configuration.
        assertThat(sfn.createStateMachineAlias(b -> b.name("PROD").description("live")
                .routingConfiguration(route(v1, 50), route(v2, 50))).stateMachineAliasArn()).isEqualTo(alias);

        Set<String> outputs = new HashSet<>();
        for (int i = 0; i < 40 && outputs.size() < 2; i++) {
            String exec = sfn.startExecution(b -> b.stateMachineArn(alias)).executionArn();
            var done = awaitDone(exec);
            assertThat(done.stateMachineAliasArn()).isEqualTo(alias);
            assertThat(done.stateMachineVersionArn()).isIn(v1, v2);
            outputs.add(done.output());
        }
        assertThat(outputs).containsExactlyInAnyOrder("\"one\"", "\"two\"");

        sfn.updateStateMachineAlias(b -> b.stateMachineAliasArn(alias).routingConfiguration(route(v2, 100)));
        var described = sfn.describeStateMachineAlias(b -> b.stateMachineAliasArn(alias));
        assertThat(described.name()).isEqualTo("PROD");
        assertThat(described.description()).isEqualTo("live");
        assertThat(described.routingConfiguration()).containsExactly(route(v2, 100));
        String exec = sfn.startExecution(b -> b.stateMachineArn(alias)).executionArn();
        assertThat(awaitDone(exec).output()).isEqualTo("\"two\"");
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(alias)).executions()).isNotEmpty();

        assertThat(sfn.listStateMachineAliases(b -> b.stateMachineArn(sm)).stateMachineAliases())
                .extracting(a -> a.stateMachineAliasArn()).containsExactly(alias);
        assertThatThrownBy(() -> sfn.deleteStateMachineVersion(b -> b.stateMachineVersionArn(v2)))
                .isInstanceOf(ConflictException.class);
        sfn.deleteStateMachineAlias(b -> b.stateMachineAliasArn(alias));
        assertThatThrownBy(() -> sfn.describeStateMachineAlias(b -> b.stateMachineAliasArn(alias)))
                .isInstanceOf(ResourceNotFoundException.class);
        sfn.deleteStateMachineVersion(b -> b.stateMachineVersionArn(v2));
    }

    @Test
    void badRoutingIsRefused() {
        String sm = createMachine("alias-bad", returning("x"));
        String v1 = sfn.publishStateMachineVersion(b -> b.stateMachineArn(sm)).stateMachineVersionArn();
        assertThatThrownBy(() -> sfn.createStateMachineAlias(b -> b.name("A").routingConfiguration(route(v1, 60))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("equal to 100");
        assertThatThrownBy(() -> sfn.createStateMachineAlias(b -> b.name("A").routingConfiguration(route(sm + ":9", 100))))
                .isInstanceOf(ResourceNotFoundException.class);
        sfn.createStateMachineAlias(b -> b.name("A").routingConfiguration(route(v1, 100)));
        assertThatThrownBy(() -> sfn.createStateMachineAlias(b -> b.name("A").description("other").routingConfiguration(route(v1, 100))))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(sm + ":NOPE")))
                .isInstanceOf(StateMachineDoesNotExistException.class);
    }
}
