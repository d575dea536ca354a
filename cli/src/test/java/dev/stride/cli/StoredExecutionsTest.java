package dev.stride.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionRedriveFilter;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineType;

/**
 * `stride server` on its durable default reads executions from the store: lists, filters and
 * pages are the same before and after a kill -9, versions and redrives included, and Express
 * executions leave nothing behind.
 */
class StoredExecutionsTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/r";
    private static final String FAILS_ON_INPUT = """
            {"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.fail","BooleanEquals":true,"Next":"F"}],
             "Default":"P"},"F":{"Type":"Fail","Error":"Boom","Cause":"asked to"},"P":{"Type":"Pass","End":true}}}""";

    @TempDir Path data;

    private static SfnClient client(ServerProcess server) {
        return SfnClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(ServerProcess.CREDENTIALS).httpClient(ApacheHttpClient.create()).build();
    }

    private static List<String> walk(SfnClient sfn, String machine, int pageSize, ExecutionStatus status) {
        List<String> names = new ArrayList<>();
        for (ListExecutionsResponse page : sfn.listExecutionsPaginator(b -> b.stateMachineArn(machine).maxResults(pageSize)
                .statusFilter(status))) {
            page.executions().forEach(e -> names.add(e.name()));
        }
        return names;
    }

    @Test
    void listsFiltersAndPagesComeFromTheStoreBeforeAndAfterAKill() throws Exception {
        try (ServerProcess server = ServerProcess.start(data)) {
            String machine;
            String version;
            List<String> expected = new ArrayList<>();
            try (SfnClient sfn = client(server)) {
                var created = sfn.createStateMachine(b -> b.name("m").definition(FAILS_ON_INPUT).roleArn(ROLE).publish(true));
                machine = created.stateMachineArn();
                version = created.stateMachineVersionArn();
                for (int i = 0; i < 25; i++) {
                    String name = "e" + i;
                    boolean fail = i % 5 == 0;
                    String target = i % 2 == 0 ? version : machine;
                    sfn.startExecution(b -> b.stateMachineArn(target).name(name).input("{\"fail\":" + fail + "}"));
                    expected.addFirst(name);
                }
                String failed = machine.replace(":stateMachine:", ":execution:") + ":e5";
                sfn.redriveExecution(b -> b.executionArn(failed));
            }
            String failedArn = machine.replace(":stateMachine:", ":execution:") + ":e5";
            for (int round = 0; round < 2; round++) {
                try (SfnClient sfn = client(server)) {
                    awaitNoneRunning(sfn, machine);
                    for (int size : new int[] {1, 7, 25, 1000}) {
                        assertThat(walk(sfn, machine, size, null)).as("page size %d, round %d", size, round).isEqualTo(expected);
                    }
                    assertThat(walk(sfn, machine, 2, ExecutionStatus.FAILED)).containsExactly("e20", "e15", "e10", "e5", "e0");
                    assertThat(walk(sfn, machine, 100, ExecutionStatus.SUCCEEDED)).hasSize(20);
                    assertThat(sfn.listExecutions(b -> b.stateMachineArn(machine).redriveFilter(ExecutionRedriveFilter.REDRIVEN))
                            .executions()).extracting(ExecutionListItem::name).containsExactly("e5");
                    assertThat(sfn.listExecutions(b -> b.stateMachineArn(machine).redriveFilter(ExecutionRedriveFilter.NOT_REDRIVEN))
                            .executions()).hasSize(24);
                    var ofVersion = sfn.listExecutions(b -> b.stateMachineArn(version)).executions();
                    assertThat(ofVersion).extracting(ExecutionListItem::name).containsExactly("e24", "e22", "e20", "e18", "e16", "e14",
                            "e12", "e10", "e8", "e6", "e4", "e2", "e0");
                    assertThat(ofVersion).allSatisfy(e -> assertThat(e.stateMachineVersionArn()).isEqualTo(version));

                    var redriven = sfn.describeExecution(b -> b.executionArn(failedArn));
                    assertThat(redriven.status()).isEqualTo(ExecutionStatus.FAILED);
                    assertThat(redriven.redriveCount()).isEqualTo(1);
                    assertThat(redriven.redriveDate()).isNotNull();
                    assertThat(redriven.error()).isEqualTo("Boom");
                    var even = sfn.describeExecution(b -> b.executionArn(failedArn.replace(":e5", ":e4")));
                    assertThat(even.stateMachineVersionArn()).isEqualTo(version);
                    assertThat(even.input()).isEqualTo("{\"fail\":false}");
                    var ran = sfn.describeStateMachineForExecution(b -> b.executionArn(failedArn.replace(":e5", ":e4")));
                    assertThat(ran.roleArn()).isEqualTo(ROLE);
                    assertThat(ran.definition()).isEqualTo(FAILS_ON_INPUT);

                    // A token is bound to its query: another machine's or a made-up one is refused.
                    String token = sfn.listExecutions(b -> b.stateMachineArn(machine).maxResults(3)).nextToken();
                    assertThat(token).isNotNull();
                    assertThatThrownBy(() -> sfn.listExecutions(b -> b.stateMachineArn(machine).maxResults(3)
                            .statusFilter(ExecutionStatus.FAILED).nextToken(token))).isInstanceOf(InvalidTokenException.class);
                    assertThatThrownBy(() -> sfn.listExecutions(b -> b.stateMachineArn(machine).nextToken("bm90IGEgdG9rZW4")))
                            .isInstanceOf(InvalidTokenException.class);
                    // Same name and input while it runs is idempotent; a finished one's name is taken.
                    assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(machine).name("e1").input("{\"fail\":false}")))
                            .hasMessageContaining("Execution Already Exists");
                }
                server.restart(); // kill -9, then the same data folder
            }
        }
    }

    @Test
    void expressExecutionsLeaveNothingBehind() throws Exception {
        try (ServerProcess server = ServerProcess.start(data); SfnClient sfn = client(server)) {
            String express = sfn.createStateMachine(b -> b.name("x").type(StateMachineType.EXPRESS).roleArn(ROLE)
                    .definition("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}")).stateMachineArn();
            Set<String> arns = new HashSet<>();
            for (int i = 0; i < 20; i++) arns.add(sfn.startExecution(b -> b.stateMachineArn(express).input("{}")).executionArn());
            assertThat(arns).hasSize(20).allSatisfy(a -> assertThat(a).contains(":express:x:"));
            for (String arn : arns) {
                for (int tries = 0; ; tries++) { // ended at once (one Pass state); forgotten as it ends
                    try {
                        sfn.describeExecution(b -> b.executionArn(arn));
                    } catch (ExecutionDoesNotExistException gone) {
                        break;
                    }
                    assertThat(tries).as("%s still described", arn).isLessThan(50);
                    Thread.sleep(20);
                }
            }
        }
    }

    private static void awaitNoneRunning(SfnClient sfn, String machine) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (sfn.listExecutions(b -> b.stateMachineArn(machine).statusFilter(ExecutionStatus.RUNNING)).executions().isEmpty()) return;
            Thread.sleep(50);
        }
        throw new AssertionError("executions still running");
    }
}
