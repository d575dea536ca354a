package dev.stride.cli.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.cli.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code aws dynamodb} command line against a real {@code stride server}: the commands
 * a user types and the JSON they read back. Holds for aws-cli v1 and v2 (see {@link AwsCli}).
 */
class DynamoDbCliTest {
    @TempDir
    static Path data;
    @TempDir
    static Path cliDir;
    static ServerProcess server;
    static AwsCli aws;

    @BeforeAll
    static void start() throws Exception {
        AwsCli.Installation installed = AwsCli.installed();
        server = ServerProcess.start(data);
        aws = AwsCli.against(installed, server.endpoint(), cliDir);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
    }

    @Test
    void aTableIsCreatedWaitedForDescribedListedAndDeleted() {
        JsonNode created = aws.json("dynamodb", "create-table", "--table-name", "cli-tables",
                "--attribute-definitions", "AttributeName=id,AttributeType=S", "AttributeName=at,AttributeType=N",
                "--key-schema", "AttributeName=id,KeyType=HASH", "AttributeName=at,KeyType=RANGE",
                "--billing-mode", "PAY_PER_REQUEST").path("TableDescription");
        assertThat(created.path("TableName").asText()).isEqualTo("cli-tables");
        assertThat(created.path("TableArn").asText()).isEqualTo("arn:aws:dynamodb:us-east-1:123456789012:table/cli-tables");
        aws.json("dynamodb", "wait", "table-exists", "--table-name", "cli-tables");

        JsonNode table = aws.json("dynamodb", "describe-table", "--table-name", "cli-tables").path("Table");
        assertThat(table.path("TableStatus").asText()).isEqualTo("ACTIVE");
        assertThat(table.path("ItemCount").asLong(-1)).isZero();
        assertThat(table.path("BillingModeSummary").path("BillingMode").asText()).isEqualTo("PAY_PER_REQUEST");
        assertThat(texts(table.path("KeySchema"), "AttributeName")).containsExactly("id", "at");
        assertThat(texts(table.path("KeySchema"), "KeyType")).containsExactly("HASH", "RANGE");
        assertThat(texts(aws.json("dynamodb", "list-tables").path("TableNames"))).contains("cli-tables");

        JsonNode deleted = aws.json("dynamodb", "delete-table", "--table-name", "cli-tables").path("TableDescription");
        assertThat(deleted.path("TableName").asText()).isEqualTo("cli-tables");
        assertThat(texts(aws.json("dynamodb", "list-tables").path("TableNames"))).doesNotContain("cli-tables");
        AwsCli.Result missing = aws.fails("dynamodb", "describe-table", "--table-name", "cli-tables");
        assertThat(missing.stderr()).contains("ResourceNotFoundException").contains("Requested resource not found");
    }

    @Test
    void itemsAreBatchWrittenPutReadUpdatedQueriedScannedAndKeptByAFailedConditionalDelete() throws Exception {
        aws.json("dynamodb", "create-table", "--table-name", "cli-music",
                "--attribute-definitions", "AttributeName=artist,AttributeType=S", "AttributeName=song,AttributeType=S",
                "--key-schema", "AttributeName=artist,KeyType=HASH", "AttributeName=song,KeyType=RANGE",
                "--billing-mode", "PAY_PER_REQUEST");
        Path batch = cliDir.resolve("batch.json");
        Files.writeString(batch, """
            {"cli-music": [
              {"PutRequest": {"Item": {"artist": {"S": "Nina"}, "song": {"S": "Feeling Good"}, "plays": {"N": "40"}}}},
              {"PutRequest": {"Item": {"artist": {"S": "Nina"}, "song": {"S": "Sinnerman"}, "plays": {"N": "12"}}}},
              {"PutRequest": {"Item": {"artist": {"S": "Nina"}, "song": {"S": "Four Women"}, "plays": {"N": "3"}}}},
              {"PutRequest": {"Item": {"artist": {"S": "Miles"}, "song": {"S": "So What"}, "plays": {"N": "25"}}}}
            ]}""");
        JsonNode written = aws.json("dynamodb", "batch-write-item", "--request-items", "file://" + batch);
        assertThat(written.path("UnprocessedItems").size()).isZero();

        aws.json("dynamodb", "put-item", "--table-name", "cli-music", "--item",
                "{\"artist\":{\"S\":\"Nina\"},\"song\":{\"S\":\"Ain't Got No\"},\"plays\":{\"N\":\"7\"},\"tags\":{\"SS\":[\"live\",\"1968\"]}}");
        JsonNode item = aws.json("dynamodb", "get-item", "--table-name", "cli-music", "--key",
                "{\"artist\":{\"S\":\"Nina\"},\"song\":{\"S\":\"Ain't Got No\"}}").path("Item");
        assertThat(item.path("plays").path("N").asText()).isEqualTo("7");
        assertThat(texts(item.path("tags").path("SS"))).containsExactlyInAnyOrder("live", "1968");

        JsonNode updated = aws.json("dynamodb", "update-item", "--table-name", "cli-music", "--key",
                "{\"artist\":{\"S\":\"Nina\"},\"song\":{\"S\":\"Sinnerman\"}}", "--update-expression", "SET plays = plays + :one, rating = :r",
                "--expression-attribute-values", "{\":one\":{\"N\":\"1\"},\":r\":{\"N\":\"5\"}}", "--return-values", "ALL_NEW")
                .path("Attributes");
        assertThat(updated.path("plays").path("N").asText()).isEqualTo("13");
        assertThat(updated.path("rating").path("N").asText()).isEqualTo("5");
        assertThat(updated.path("song").path("S").asText()).isEqualTo("Sinnerman");

        JsonNode query = aws.json("dynamodb", "query", "--table-name", "cli-music", "--key-condition-expression",
                "artist = :a AND song > :s", "--expression-attribute-values", "{\":a\":{\"S\":\"Nina\"},\":s\":{\"S\":\"B\"}}");
        assertThat(query.path("Count").asInt()).isEqualTo(3);
        assertThat(texts(query.path("Items"), "song", "S")).containsExactly("Feeling Good", "Four Women", "Sinnerman");

        // --page-size 2: the CLI follows LastEvaluatedKey through three pages and adds up the counts.
        JsonNode scan = aws.json("dynamodb", "scan", "--table-name", "cli-music", "--filter-expression", "plays >= :n",
                "--expression-attribute-values", "{\":n\":{\"N\":\"13\"}}", "--page-size", "2");
        assertThat(scan.path("Count").asInt()).isEqualTo(3);
        assertThat(scan.path("ScannedCount").asInt()).isEqualTo(5);
        assertThat(texts(scan.path("Items"), "song", "S")).containsExactlyInAnyOrder("Feeling Good", "Sinnerman", "So What");

        AwsCli.Result refused = aws.fails("dynamodb", "delete-item", "--table-name", "cli-music", "--key",
                "{\"artist\":{\"S\":\"Miles\"},\"song\":{\"S\":\"So What\"}}", "--condition-expression", "plays < :n",
                "--expression-attribute-values", "{\":n\":{\"N\":\"10\"}}");
        assertThat(refused.stderr()).contains("ConditionalCheckFailedException").contains("The conditional request failed");
        JsonNode table = aws.json("dynamodb", "describe-table", "--table-name", "cli-music").path("Table");
        assertThat(table.path("ItemCount").asInt()).isEqualTo(5); // the refused delete took nothing away
    }

    @Test
    void anItemCommandOnAMissingTableSaysResourceNotFound() {
        AwsCli.Result missing = aws.fails("dynamodb", "get-item", "--table-name", "cli-nowhere", "--key", "{\"id\":{\"S\":\"x\"}}");
        assertThat(missing.stderr()).contains("ResourceNotFoundException").contains("GetItem");
    }

    private static List<String> texts(JsonNode array, String... path) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : array) {
            JsonNode v = e;
            for (String p : path) v = v.path(p);
            out.add(v.asText());
        }
        return out;
    }
}
