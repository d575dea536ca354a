package dev.stride.cli.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.cli.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code aws s3} and {@code aws s3api} command lines against a real {@code stride server}:
 * a bucket made, a 20 MB file copied up (multipart) and down, a folder synced, listed, removed.
 * Holds for aws-cli v1 and v2 (see {@link AwsCli}).
 */
class S3CliTest {
    @TempDir
    static Path data;
    @TempDir
    static Path cliDir;
    @TempDir
    static Path files;
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
    void aLargeFileGoesUpInPartsAndComesBackTheSameThenTheBucketIsEmptiedAndRemoved() throws Exception {
        assertThat(aws.run("s3", "mb", "s3://cli-big").stdout()).contains("make_bucket: cli-big");
        assertThat(aws.run("s3", "ls").stdout()).contains("cli-big");

        Path big = files.resolve("big.bin");
        byte[] body = new byte[20 * 1024 * 1024];
        new Random(11).nextBytes(body);
        Files.write(big, body);
        assertSucceeded(aws.run("s3", "cp", big.toString(), "s3://cli-big/in/big.bin"));
        JsonNode head = aws.json("s3api", "head-object", "--bucket", "cli-big", "--key", "in/big.bin");
        assertThat(head.path("ContentLength").asLong()).isEqualTo(body.length);
        assertThat(head.path("ETag").asText()).matches("\"[0-9a-f]{32}-\\d+\""); // uploaded in parts

        Path back = files.resolve("back.bin");
        assertSucceeded(aws.run("s3", "cp", "s3://cli-big/in/big.bin", back.toString()));
        assertThat(Files.readAllBytes(back)).isEqualTo(body);

        assertSucceeded(aws.run("s3", "rm", "s3://cli-big", "--recursive"));
        assertThat(aws.run("s3", "ls", "s3://cli-big").stdout()).isBlank();
        assertThat(aws.run("s3", "rb", "s3://cli-big").stdout()).contains("remove_bucket: cli-big");
    }

    @Test
    void aFolderIsSyncedOnceAndListedByPrefix() throws Exception {
        aws.run("s3", "mb", "s3://cli-sync");
        Path dir = Files.createDirectories(files.resolve("site/css"));
        Files.writeString(files.resolve("site/index.html"), "<h1>hi</h1>");
        Files.writeString(dir.resolve("main.css"), "h1{}");
        AwsCli.Result first = aws.run("s3", "sync", files.resolve("site").toString(), "s3://cli-sync/site");
        assertSucceeded(first);
        assertThat(first.stdout()).contains("site/index.html").contains("site/css/main.css");
        AwsCli.Result second = aws.run("s3", "sync", files.resolve("site").toString(), "s3://cli-sync/site");
        assertThat(second.stdout()).doesNotContain("upload:"); // nothing changed: same sizes and times

        String top = aws.run("s3", "ls", "s3://cli-sync/site/").stdout();
        assertThat(top).contains("PRE css/").contains("index.html");
        // the CLI pages list-objects-v2 itself and merges the pages: read the keys, not KeyCount
        assertThat(aws.json("s3api", "list-objects-v2", "--bucket", "cli-sync").path("Contents")).hasSize(2);
        JsonNode html = aws.json("s3api", "head-object", "--bucket", "cli-sync", "--key", "site/index.html");
        assertThat(html.path("ContentType").asText()).isEqualTo("text/html");
    }

    @Test
    void aMissingBucketIsNoSuchBucket() {
        AwsCli.Result r = aws.fails("s3api", "head-object", "--bucket", "cli-none", "--key", "k");
        assertThat(r.stderr()).contains("404");
        assertThat(aws.fails("s3", "ls", "s3://cli-none").stderr()).contains("NoSuchBucket");
    }

    private static void assertSucceeded(AwsCli.Result r) {
        assertThat(r.succeeded()).as(r.describe()).isTrue();
    }
}
