package dev.stride.cli.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.cli.ServerProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.MapRunStatus;

/**
 * A distributed Map whose Standard child executions each add 1 to their item's counter in
 * DynamoDB, killed with SIGKILL twice while its children run: after each restart the Map Run
 * goes on, and in the end every item's counter is exactly 1, the Map Run counts every item once,
 * and ListExecutions by the Map Run lists each child once, SUCCEEDED.
 */
class DistributedMapThroughCrashTest {
    private static final int ITEMS = 200;
    @TempDir
    Path data;

    @Test
    void aMapRunKilledTwiceMidRunCompletesWithEveryItemProcessedExactlyOnce() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        try (ServerProcess server = ServerProcess.start(data); DynamoDbClient ddb = DynamoDbClients.dynamoDb(server)) {
            ddb.createTable(b -> b.tableName("hits").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
            String exec;
            try (SfnClient sfn = Clients.sfn(server)) {
                String sm = sfn.createStateMachine(b -> b.name("counted").definition(DEFINITION)
                        .roleArn("arn:aws:iam::123456789012:role/r")).stateMachineArn();
                String items = IntStream.range(0, ITEMS).mapToObj(String::valueOf).collect(Collectors.joining(","));
                exec = sfn.startExecution(b -> b.stateMachineArn(sm).input("{\"items\": [" + items + "]}")).executionArn();
            }
            List<Long> doneAtKills = new ArrayList<>();
            for (int k = 1; k <= 2; k++) {
                long killAt = k * ITEMS / 3 + random.nextInt(20) - 10;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                long done = counted(ddb);
                while (done < killAt) {
                    assertThat(System.nanoTime()).as("items counted pass %d (seed %d)", killAt, seed).isLessThan(deadline);
                    Thread.sleep(random.nextInt(20));
                    done = counted(ddb);
                }
                server.kill();
                doneAtKills.add(done);
                server.restart();
            }
            assertThat(doneAtKills).as("kills in the middle of the run (seed %d)", seed).allMatch(done -> done < ITEMS);

            try (SfnClient sfn = Clients.sfn(server)) {
                DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(exec));
                for (int i = 0; i < 1200 && d.status() == ExecutionStatus.RUNNING; i++) {
                    Thread.sleep(50);
                    d = sfn.describeExecution(b -> b.executionArn(exec));
                }
                assertThat(d.status()).as("%s: %s (seed %d)", d.error(), d.cause(), seed).isEqualTo(ExecutionStatus.SUCCEEDED);

                Map<String, String> hits = ddb.scanPaginator(b -> b.tableName("hits")).items().stream()
                        .collect(Collectors.toMap(i -> i.get("id").s(), i -> i.get("hits").n()));
                assertThat(hits).as("seed %d", seed).hasSize(ITEMS).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo("1"));

                String runArn = sfn.listMapRuns(b -> b.executionArn(exec)).mapRuns().getFirst().mapRunArn();
                DescribeMapRunResponse run = sfn.describeMapRun(b -> b.mapRunArn(runArn));
                assertThat(run.status()).isEqualTo(MapRunStatus.SUCCEEDED);
                assertThat(run.itemCounts().total()).isEqualTo(ITEMS);
                assertThat(run.itemCounts().succeeded()).isEqualTo(ITEMS);
                assertThat(run.itemCounts().failed()).isZero();

                List<ExecutionListItem> children = sfn.listExecutionsPaginator(b -> b.mapRunArn(runArn).maxResults(37))
                        .executions().stream().toList();
                assertThat(children).hasSize(ITEMS).allMatch(c -> c.status() == ExecutionStatus.SUCCEEDED);
                assertThat(children.stream().map(ExecutionListItem::executionArn).distinct()).hasSize(ITEMS);
            }
        }
    }

    /** Each child: count its item (ADD is not idempotent: a second run would show as 2), then wait a little. */
    private static final String DEFINITION = """
        {"StartAt":"Fan","States":{"Fan":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":20,
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
            "StartAt":"Count","States":{
              "Count":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:updateItem",
                "Parameters":{"TableName":"hits","Key":{"id":{"S.$":"States.Format('item-{}', $)"}},
                  "UpdateExpression":"ADD hits :one","ExpressionAttributeValues":{":one":{"N":"1"}}},
                "ResultPath":null,"Next":"Rest"},
              "Rest":{"Type":"Wait","Seconds":1,"End":true}}},
          "ResultPath":null,"End":true}}}""";

    private static long counted(DynamoDbClient ddb) {
        return ddb.describeTable(b -> b.tableName("hits")).table().itemCount();
    }

}
