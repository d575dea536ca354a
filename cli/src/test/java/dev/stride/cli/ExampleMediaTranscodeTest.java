package dev.stride.cli;

import static dev.stride.cli.ExampleHarness.stride;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * examples/media-transcode end to end on a real server: the thumbnails the Batch jobs wrote are
 * in the bucket, each a real 160-pixel-wide image, and the distributed Map's manifest names the bucket.
 */
class ExampleMediaTranscodeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    private static ServerProcess server;
    private static S3Client s3;

    @BeforeAll
    static void start() throws Exception {
        server = ServerProcess.start(dir.resolve("data"));
        s3 = S3Client.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
        server.close();
    }

    @Test
    void everyImageInTheBucketBecomesAThumbnailWrittenByItsOwnJob() throws Exception {
        ExampleHarness.Result r = stride("example", "media-transcode", "--endpoint=" + server.endpoint());
        assertThat(r.exitCode()).as(r.output()).isZero();
        // A guard against a hang, not a speed test: six real image conversions took 16 s on a quiet
        // 2-core machine and 20-30 s while other builds shared it.
        assertThat(r.took()).isLessThan(Duration.ofSeconds(120));
        assertThat(r.lastLine()).isEqualTo("SUCCEEDED");
        String bucket = r.lines().stream().filter(l -> l.startsWith("Created S3 bucket ")).findFirst().orElseThrow().split(" ")[3];

        List<S3Object> thumbnails = s3.listObjectsV2(b -> b.bucket(bucket).prefix("thumbnails/")).contents();
        assertThat(thumbnails).extracting(S3Object::key)
                .containsExactlyInAnyOrder("thumbnails/photo-1.png", "thumbnails/photo-2.png", "thumbnails/photo-3.png",
                        "thumbnails/photo-4.png", "thumbnails/photo-5.png", "thumbnails/photo-6.png");
        for (S3Object o : thumbnails) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(s3.getObjectAsBytes(b -> b.bucket(bucket).key(o.key())).asByteArray()));
            assertThat(image.getWidth()).as(o.key()).isEqualTo(160);
            int n = Integer.parseInt(o.key().replaceAll("\\D", "")); // photo-N was (640 + 80 N) x 480: the aspect is kept
            assertThat(image.getHeight()).as(o.key()).isEqualTo(480 * 160 / (640 + 80 * n));
        }
        S3Object manifest = s3.listObjectsV2(b -> b.bucket(bucket).prefix("results/")).contents().stream()
                .filter(o -> o.key().endsWith("manifest.json")).findFirst().orElseThrow();
        JsonNode m = JSON.readTree(s3.getObjectAsBytes(b -> b.bucket(bucket).key(manifest.key())).asByteArray());
        assertThat(m.path("DestinationBucket").asText()).isEqualTo(bucket);
        assertThat(m.path("MapRunArn").asText()).contains(":mapRun:");
    }
}
