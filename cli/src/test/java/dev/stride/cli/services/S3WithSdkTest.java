package dev.stride.cli.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stride.cli.ServerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The SDK v2 S3 client against a real {@code stride server} that requires SigV4 (keys test/test),
 * so every request's signature is checked: path-style and virtual-hosted, SDK's default
 * aws-chunked uploads with trailing CRC32, multipart, presigned URLs, ranges, paging, restarts.
 */
class S3WithSdkTest {
    @TempDir
    static Path data;
    @TempDir
    static Path config;
    static ServerProcess server;
    static S3Client s3;
    static S3Client hosted;

    @BeforeAll
    static void start() throws Exception {
        Path settings = config.resolve("settings.yaml");
        Files.writeString(settings, "accessKeys: {test: test}\n");
        server = ServerProcess.start(data, "--settings", settings.toString());
        s3 = S3Clients.pathStyle(server);
        hosted = S3Clients.virtualHosted(server);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
    }

    @Test
    void pathStyleAndVirtualHostedClientsSeeTheSameObjects() {
        s3.createBucket(b -> b.bucket("sdk-both").createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.EU_WEST_1)));
        s3.putObject(b -> b.bucket("sdk-both").key("dir/hello.txt").contentType("text/plain").metadata(Map.of("owner", "ann")),
                RequestBody.fromString("hello"));
        ResponseBytes<GetObjectResponse> got = hosted.getObjectAsBytes(b -> b.bucket("sdk-both").key("dir/hello.txt"));
        assertThat(got.asUtf8String()).isEqualTo("hello");
        assertThat(got.response().contentType()).isEqualTo("text/plain");
        assertThat(got.response().metadata()).containsEntry("owner", "ann");
        assertThat(hosted.getBucketLocation(b -> b.bucket("sdk-both")).locationConstraintAsString()).isEqualTo("eu-west-1");
        assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).contains("sdk-both");

        hosted.copyObject(b -> b.sourceBucket("sdk-both").sourceKey("dir/hello.txt").destinationBucket("sdk-both").destinationKey("copy.txt")
                .metadataDirective(MetadataDirective.REPLACE).metadata(Map.of("copied", "yes")).contentType("text/markdown"));
        HeadObjectResponse head = s3.headObject(b -> b.bucket("sdk-both").key("copy.txt"));
        assertThat(head.metadata()).containsEntry("copied", "yes").doesNotContainKey("owner");
        assertThat(head.contentType()).isEqualTo("text/markdown");
        assertThat(head.contentLength()).isEqualTo(5);

        assertThatThrownBy(() -> s3.getObject(b -> b.bucket("sdk-both").key("none"))).isInstanceOf(NoSuchKeyException.class);
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket("sdk-both").key("none"))).isInstanceOf(NoSuchKeyException.class);
        assertThatThrownBy(() -> hosted.listObjectsV2(b -> b.bucket("sdk-missing"))).isInstanceOf(NoSuchBucketException.class);
        assertThatThrownBy(() -> s3.deleteBucket(b -> b.bucket("sdk-both")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BucketNotEmpty"));
    }

    @Test
    void aTwentyMegabyteMultipartUploadAndRangesReadBackByteForByte() {
        s3.createBucket(b -> b.bucket("sdk-big"));
        byte[] body = new byte[20 * 1024 * 1024];
        new Random(7).nextBytes(body);
        int partSize = 5 * 1024 * 1024;
        String id = s3.createMultipartUpload(b -> b.bucket("sdk-big").key("big.bin")).uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        for (int i = 0; i < body.length / partSize; i++) {
            int n = i + 1;
            byte[] part = Arrays.copyOfRange(body, i * partSize, (i + 1) * partSize);
            String etag = s3.uploadPart(b -> b.bucket("sdk-big").key("big.bin").uploadId(id).partNumber(n), RequestBody.fromBytes(part)).eTag();
            parts.add(CompletedPart.builder().partNumber(n).eTag(etag).build());
        }
        assertThat(s3.listParts(b -> b.bucket("sdk-big").key("big.bin").uploadId(id)).parts()).hasSize(4);
        String etag = s3.completeMultipartUpload(b -> b.bucket("sdk-big").key("big.bin").uploadId(id)
                .multipartUpload(m -> m.parts(parts))).eTag();
        assertThat(etag).endsWith("-4\"");

        byte[] back = s3.getObjectAsBytes(b -> b.bucket("sdk-big").key("big.bin")).asByteArray();
        assertThat(back).isEqualTo(body);
        ResponseBytes<GetObjectResponse> range = hosted.getObjectAsBytes(b -> b.bucket("sdk-big").key("big.bin").range("bytes=100-199"));
        assertThat(range.asByteArray()).isEqualTo(Arrays.copyOfRange(body, 100, 200));
        assertThat(range.response().contentRange()).isEqualTo("bytes 100-199/" + body.length);
    }

    /** The SDK sends PutObject over http as aws-chunked with a signed payload and a trailing CRC32 by default. */
    @Test
    void theSdksDefaultChunkedUploadWithATrailingChecksumIsStoredAndReturned() {
        s3.createBucket(b -> b.bucket("sdk-chunked"));
        byte[] body = new byte[300_000];
        new Random(3).nextBytes(body);
        List<String> sent = new ArrayList<>();
        ExecutionInterceptor watch = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                SdkHttpRequest r = context.httpRequest();
                sent.add(r.firstMatchingHeader("x-amz-content-sha256").orElse("") + " " + r.firstMatchingHeader("Content-Encoding").orElse(""));
            }
        };
        String crc;
        try (S3Client watched = S3Clients.watched(server, watch)) {
            crc = watched.putObject(b -> b.bucket("sdk-chunked").key("c.bin"), RequestBody.fromBytes(body)).checksumCRC32();
        }
        assertThat(sent).singleElement().asString().startsWith("STREAMING-").contains("aws-chunked");
        assertThat(crc).isNotBlank();
        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket("sdk-chunked").key("c.bin")
                .checksumMode(ChecksumMode.ENABLED));
        assertThat(got.asByteArray()).isEqualTo(body);
        assertThat(got.response().checksumCRC32()).isEqualTo(crc);
    }

    @Test
    void aPresignedGetWorksWithoutTheSdkUntilTamperedWith() throws Exception {
        s3.createBucket(b -> b.bucket("sdk-presign"));
        s3.putObject(b -> b.bucket("sdk-presign").key("a file.txt"), RequestBody.fromString("shared"));
        URI url;
        try (var presigner = S3Clients.presigner(server)) {
            url = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket("sdk-presign").key("a file.txt"))).url().toURI();
        }
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("shared");

        URI tampered = URI.create(url.toString().replace("X-Amz-Signature=", "X-Amz-Signature=0"));
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(tampered).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("<Code>SignatureDoesNotMatch</Code>");
        HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/sdk-presign/a%20file.txt")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(unsigned.body()).contains("<Code>AccessDenied</Code>");
    }

    @Test
    void listingPagesWithADelimiterAndObjectsSurviveAKill() throws Exception {
        s3.createBucket(b -> b.bucket("sdk-pages"));
        for (int i = 0; i < 7; i++) {
            String key = "logs/2026/" + i + ".txt";
            s3.putObject(b -> b.bucket("sdk-pages").key(key), RequestBody.fromString("line " + key));
        }
        s3.putObject(b -> b.bucket("sdk-pages").key("readme"), RequestBody.fromString("r"));
        s3.putObject(b -> b.bucket("sdk-pages").key("img/a.png"), RequestBody.fromString("png"));

        List<String> keys = new ArrayList<>();
        for (ListObjectsV2Response page : s3.listObjectsV2Paginator(b -> b.bucket("sdk-pages").prefix("logs/2026/").maxKeys(3))) {
            assertThat(page.keyCount()).isLessThanOrEqualTo(3);
            page.contents().stream().map(S3Object::key).forEach(keys::add);
        }
        assertThat(keys).hasSize(7).isSorted();
        ListObjectsV2Response top = s3.listObjectsV2(b -> b.bucket("sdk-pages").delimiter("/"));
        assertThat(top.commonPrefixes()).extracting(p -> p.prefix()).containsExactly("img/", "logs/");
        assertThat(top.contents()).extracting(S3Object::key).containsExactly("readme");

        server.kill();
        server.restart();
        assertThat(s3.getObjectAsBytes(b -> b.bucket("sdk-pages").key("logs/2026/3.txt")).asString(StandardCharsets.UTF_8))
                .isEqualTo("line logs/2026/3.txt");
        assertThat(s3.listObjectsV2(b -> b.bucket("sdk-pages")).keyCount()).isEqualTo(9);
    }
}
