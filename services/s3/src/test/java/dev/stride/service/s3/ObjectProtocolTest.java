package dev.stride.service.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.service.ServiceResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectProtocolTest {
    @TempDir
    Path dir;
    S3Service service;
    S3 s3;

    @BeforeEach
    void start() {
        service = new S3Service(dir.resolve("s3"), new MapRecordStore(), System::currentTimeMillis);
        s3 = new S3(service);
        assertThat(s3.send("PUT", "/docs", "").status()).isEqualTo(200);
    }

    @AfterEach
    void stop() { service.close(); }

    @Test
    void anObjectIsPutWithItsHeadersAndMetadataAndReadBack() throws Exception {
        ServiceResponse put = s3.send("PUT", "/docs/a/b.txt", "hello world", "Content-Type", "text/plain",
                "x-amz-meta-Owner", "ann", "Cache-Control", "no-cache", "Content-Disposition", "inline");
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest("hello world".getBytes(StandardCharsets.UTF_8)));
        assertThat(put.headers().get("ETag")).isEqualTo("\"" + md5 + "\"");

        ServiceResponse get = s3.send("GET", "/docs/a/b.txt", "");
        assertThat(get.status()).isEqualTo(200);
        assertThat(S3.text(get)).isEqualTo("hello world");
        assertThat(get.contentType()).isEqualTo("text/plain");
        assertThat(get.headers()).containsEntry("x-amz-meta-owner", "ann").containsEntry("cache-control", "no-cache")
                .containsEntry("content-disposition", "inline").containsEntry("ETag", "\"" + md5 + "\"");
        assertThat(s3.send("HEAD", "/docs/a/b.txt", "").body()).isEmpty();
    }

    @Test
    void aRangeIsPartialContentAndOnePastTheEndIsInvalidRange() {
        s3.send("PUT", "/docs/r", "0123456789");
        ServiceResponse part = s3.send("GET", "/docs/r", "", "Range", "bytes=2-4");
        assertThat(part.status()).isEqualTo(206);
        assertThat(S3.text(part)).isEqualTo("234");
        assertThat(part.headers()).containsEntry("Content-Range", "bytes 2-4/10");
        assertThat(S3.text(s3.send("GET", "/docs/r", "", "Range", "bytes=-3"))).isEqualTo("789");
        assertThat(S3.text(s3.send("GET", "/docs/r", "", "Range", "bytes=7-"))).isEqualTo("789");
        ServiceResponse bad = s3.send("GET", "/docs/r", "", "Range", "bytes=10-20");
        assertThat(bad.status()).isEqualTo(416);
        assertThat(S3.text(bad)).contains("<Code>InvalidRange</Code>").contains("<ActualObjectSize>10</ActualObjectSize>");
    }

    @Test
    void conditionalReadsAnswerNotModifiedAndPreconditionFailed() {
        String etag = s3.send("PUT", "/docs/c", "x").headers().get("ETag");
        assertThat(s3.send("GET", "/docs/c", "", "If-None-Match", etag).status()).isEqualTo(304);
        assertThat(s3.send("GET", "/docs/c", "", "If-Match", etag).status()).isEqualTo(200);
        ServiceResponse failed = s3.send("GET", "/docs/c", "", "If-Match", "\"other\"");
        assertThat(failed.status()).isEqualTo(412);
        assertThat(S3.text(failed)).contains("<Code>PreconditionFailed</Code>");
        assertThat(s3.send("GET", "/docs/c", "", "If-Modified-Since", "Sun, 01 Jan 2090 00:00:00 GMT").status()).isEqualTo(304);
        assertThat(s3.send("GET", "/docs/c", "", "If-Unmodified-Since", "Mon, 01 Jan 2001 00:00:00 GMT").status()).isEqualTo(412);
        assertThat(s3.send("PUT", "/docs/c", "y", "If-None-Match", "*").status()).isEqualTo(412);
    }

    @Test
    void aWrongContentMd5OrChecksumIsBadDigestAndLeavesNothingBehind() {
        String wrong = Base64.getEncoder().encodeToString(new byte[16]);
        ServiceResponse bad = s3.send("PUT", "/docs/m", "data", "Content-MD5", wrong);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(S3.text(bad)).contains("<Code>BadDigest</Code>");
        assertThat(s3.send("PUT", "/docs/m", "data", "x-amz-checksum-crc32", "AAAAAA==").status()).isEqualTo(400);
        assertThat(s3.send("GET", "/docs/m", "").status()).isEqualTo(404);

        CRC32 crc = new CRC32();
        crc.update("data".getBytes(StandardCharsets.UTF_8));
        String good = Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        ServiceResponse ok = s3.send("PUT", "/docs/m", "data", "x-amz-checksum-crc32", good);
        assertThat(ok.headers()).containsEntry("x-amz-checksum-crc32", good);
        assertThat(s3.send("GET", "/docs/m", "", "x-amz-checksum-mode", "ENABLED").headers()).containsEntry("x-amz-checksum-crc32", good);
    }

    @Test
    void anAwsChunkedBodyWithATrailingChecksumIsDecoded() {
        CRC32 crc = new CRC32();
        crc.update("hello chunks".getBytes(StandardCharsets.UTF_8));
        String sum = Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        String body = "6\r\nhello \r\n6\r\nchunks\r\n0\r\nx-amz-checksum-crc32:" + sum + "\r\n\r\n";
        ServiceResponse put = s3.send("PUT", "/docs/chunked", body, "Content-Encoding", "aws-chunked",
                "x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER", "x-amz-decoded-content-length", "12",
                "x-amz-trailer", "x-amz-checksum-crc32");
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.headers()).containsEntry("x-amz-checksum-crc32", sum);
        ServiceResponse get = s3.send("GET", "/docs/chunked", "");
        assertThat(S3.text(get)).isEqualTo("hello chunks");
        assertThat(get.headers()).doesNotContainKey("content-encoding");
    }

    @Test
    void copyKeepsOrReplacesMetadataAndDeleteObjectsReportsEachKey() {
        s3.send("PUT", "/docs/src", "body", "Content-Type", "text/csv", "x-amz-meta-a", "1");
        s3.send("PUT", "/docs/copy1", "", "x-amz-copy-source", "/docs/src");
        assertThat(s3.send("GET", "/docs/copy1", "").headers()).containsEntry("x-amz-meta-a", "1");
        s3.send("PUT", "/docs/copy2", "", "x-amz-copy-source", "docs/src", "x-amz-metadata-directive", "REPLACE", "x-amz-meta-b", "2");
        ServiceResponse replaced = s3.send("GET", "/docs/copy2", "");
        assertThat(replaced.headers()).containsEntry("x-amz-meta-b", "2").doesNotContainKey("x-amz-meta-a");
        assertThat(S3.text(s3.send("PUT", "/docs/src", "", "x-amz-copy-source", "docs/src"))).contains("InvalidRequest");

        String delete = "<Delete><Object><Key>copy1</Key></Object><Object><Key>missing</Key></Object></Delete>";
        String result = S3.text(s3.send("POST", "/docs?delete", delete));
        assertThat(result).contains("<Deleted><Key>copy1</Key></Deleted>").contains("<Deleted><Key>missing</Key></Deleted>");
        String quiet = S3.text(s3.send("POST", "/docs?delete", "<Delete><Quiet>true</Quiet><Object><Key>copy2</Key></Object></Delete>"));
        assertThat(quiet).doesNotContain("<Deleted>");
        assertThat(s3.send("GET", "/docs/copy2", "").status()).isEqualTo(404);
    }

    @Test
    void aKeyWithDotDotStaysDataInsideTheBucket() throws Exception {
        assertThat(s3.send("PUT", "/docs/../../escape", "x").status()).isEqualTo(200);
        assertThat(s3.send("PUT", "/docs//etc/passwd", "y").status()).isEqualTo(200);
        assertThat(S3.text(s3.send("GET", "/docs/../../escape", ""))).isEqualTo("x");
        assertThat(S3.text(s3.send("GET", "/docs//etc/passwd", ""))).isEqualTo("y");
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).allMatch(f -> f.startsWith(dir.resolve("s3").resolve("docs")))).isTrue();
        }
    }

    @Test
    void aPresignedUrlPastItsExpiryIsAccessDenied() {
        s3.send("PUT", "/docs/shared", "x");
        String query = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=test%2F20200101%2Fus-east-1%2Fs3%2Faws4_request"
                + "&X-Amz-Date=20200101T000000Z&X-Amz-SignedHeaders=host&X-Amz-Signature=00";
        ServiceResponse expired = s3.send("GET", "/docs/shared?" + query + "&X-Amz-Expires=60", "");
        assertThat(expired.status()).isEqualTo(403);
        assertThat(S3.text(expired)).contains("<Code>AccessDenied</Code><Message>Request has expired</Message>");
        assertThat(S3.text(s3.send("GET", "/docs/shared?" + query + "&X-Amz-Expires=604801", ""))).contains("AuthorizationQueryParametersError");
    }

    @Test
    void errorsHaveS3sShape() {
        String missing = S3.text(s3.send("GET", "/nobucket/k", ""));
        assertThat(missing).contains("<Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message>"
                + "<BucketName>nobucket</BucketName><Resource>/nobucket/k</Resource><RequestId>");
        ServiceResponse noKey = s3.send("GET", "/docs/none", "");
        assertThat(noKey.status()).isEqualTo(404);
        assertThat(S3.text(noKey)).contains("<Code>NoSuchKey</Code>");
        ServiceResponse head = s3.send("HEAD", "/docs/none", "");
        assertThat(head.status()).isEqualTo(404);
        assertThat(head.body()).isEmpty();
    }
}
