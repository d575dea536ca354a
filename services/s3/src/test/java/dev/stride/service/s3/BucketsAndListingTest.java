package dev.stride.service.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.service.ServiceResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BucketsAndListingTest {
    @TempDir
    Path dir;
    S3Service service;
    S3 s3;

    @BeforeEach
    void start() {
        service = new S3Service(dir, new MapRecordStore(), System::currentTimeMillis);
        s3 = new S3(service);
    }

    @AfterEach
    void stop() { service.close(); }

    @Test
    void aBucketIsCreatedInItsRegionListedTaggedAndDeletedOnlyWhenEmpty() {
        String config = "<CreateBucketConfiguration><LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>";
        assertThat(s3.send("PUT", "/euro", config).status()).isEqualTo(200);
        assertThat(S3.text(s3.send("GET", "/euro?location", ""))).contains(">eu-west-1</LocationConstraint>");
        ServiceResponse again = s3.send("PUT", "/euro", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(S3.text(again)).contains("BucketAlreadyOwnedByYou");
        assertThat(s3.send("PUT", "/Bad_Name", "").status()).isEqualTo(400);
        assertThat(S3.text(s3.send("GET", "/", ""))).contains("<Name>euro</Name>");
        assertThat(s3.send("HEAD", "/euro", "").headers()).containsEntry("x-amz-bucket-region", "eu-west-1");

        assertThat(S3.text(s3.send("GET", "/euro?tagging", ""))).contains("NoSuchTagSet");
        s3.send("PUT", "/euro?tagging", "<Tagging><TagSet><Tag><Key>team</Key><Value>data</Value></Tag></TagSet></Tagging>");
        assertThat(S3.text(s3.send("GET", "/euro?tagging", ""))).contains("<Key>team</Key><Value>data</Value>");

        s3.send("PUT", "/euro/k", "v");
        ServiceResponse notEmpty = s3.send("DELETE", "/euro", "");
        assertThat(notEmpty.status()).isEqualTo(409);
        assertThat(S3.text(notEmpty)).contains("BucketNotEmpty");
        s3.send("DELETE", "/euro/k", "");
        assertThat(s3.send("DELETE", "/euro", "").status()).isEqualTo(204);
        assertThat(s3.send("HEAD", "/euro", "").status()).isEqualTo(404);
    }

    @Test
    void listingV2PagesWithADelimiterRollingUpCommonPrefixes() {
        s3.send("PUT", "/list", "");
        for (String k : new String[] {"a/1", "a/2", "b/1", "c", "d", "e/x/y"}) s3.send("PUT", "/list/" + k, "x");
        String first = S3.text(s3.send("GET", "/list?list-type=2&delimiter=/&max-keys=2", ""));
        assertThat(first).contains("<Prefix>a/</Prefix>").contains("<Prefix>b/</Prefix>").contains("<KeyCount>2</KeyCount>")
                .contains("<IsTruncated>true</IsTruncated>").doesNotContain("<Key>");
        String token = first.replaceAll("(?s).*<NextContinuationToken>(.*)</NextContinuationToken>.*", "$1");
        String second = S3.text(s3.send("GET", "/list?list-type=2&delimiter=/&max-keys=2&continuation-token=" + token, ""));
        assertThat(second).contains("<Key>c</Key>").contains("<Key>d</Key>").contains("<IsTruncated>true</IsTruncated>");
        String token2 = second.replaceAll("(?s).*<NextContinuationToken>(.*)</NextContinuationToken>.*", "$1");
        String third = S3.text(s3.send("GET", "/list?list-type=2&delimiter=/&max-keys=2&continuation-token=" + token2, ""));
        assertThat(third).contains("<Prefix>e/</Prefix>").contains("<IsTruncated>false</IsTruncated>");

        assertThat(S3.text(s3.send("GET", "/list?list-type=2&prefix=a/&start-after=a/1", ""))).contains("<Key>a/2</Key>").doesNotContain("<Key>a/1</Key>");
        String v1 = S3.text(s3.send("GET", "/list?marker=b/1&max-keys=1&delimiter=/", ""));
        assertThat(v1).contains("<Key>c</Key>").contains("<NextMarker>c</NextMarker>").contains("<Marker>b/1</Marker>");
        s3.send("PUT", "/list/with%20space", "x");
        s3.send("PUT", "/list/with space+plus", "x");
        assertThat(S3.text(s3.send("GET", "/list?list-type=2&prefix=with&encoding-type=url", ""))).contains("<Key>with+space%2Bplus</Key>");
    }

    @Test
    void aMultipartUploadIsAssembledWithItsMultipartETagAndSmallPartsAreRefused() {
        s3.send("PUT", "/mpu", "");
        String init = S3.text(s3.send("POST", "/mpu/big?uploads", "", "Content-Type", "text/plain"));
        String id = init.replaceAll("(?s).*<UploadId>(.*)</UploadId>.*", "$1");
        byte[] five = new byte[5 * 1024 * 1024];
        String e1 = s3.send("PUT", "/mpu/big?partNumber=1&uploadId=" + id, five).headers().get("ETag");
        String e2 = s3.send("PUT", "/mpu/big?partNumber=2&uploadId=" + id, "tail").headers().get("ETag");
        assertThat(S3.text(s3.send("GET", "/mpu/big?uploadId=" + id, ""))).contains("<PartNumber>1</PartNumber>").contains("<PartNumber>2</PartNumber>");
        assertThat(S3.text(s3.send("GET", "/mpu?uploads", ""))).contains("<UploadId>" + id + "</UploadId>");

        String outOfOrder = "<CompleteMultipartUpload><Part><PartNumber>2</PartNumber><ETag>" + e2 + "</ETag></Part>"
                + "<Part><PartNumber>1</PartNumber><ETag>" + e1 + "</ETag></Part></CompleteMultipartUpload>";
        assertThat(S3.text(s3.send("POST", "/mpu/big?uploadId=" + id, outOfOrder))).contains("InvalidPartOrder");
        String wrongTag = "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>\"00\"</ETag></Part></CompleteMultipartUpload>";
        assertThat(S3.text(s3.send("POST", "/mpu/big?uploadId=" + id, wrongTag))).contains("InvalidPart");

        String done = "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>" + e1 + "</ETag></Part>"
                + "<Part><PartNumber>2</PartNumber><ETag>" + e2 + "</ETag></Part></CompleteMultipartUpload>";
        String result = S3.text(s3.send("POST", "/mpu/big?uploadId=" + id, done));
        assertThat(result).containsPattern("<ETag>&quot;[0-9a-f]{32}-2&quot;</ETag>");
        ServiceResponse head = s3.send("HEAD", "/mpu/big", "");
        assertThat(head.contentType()).isEqualTo("text/plain");
        assertThat(S3.text(s3.send("GET", "/mpu/big", "", "Range", "bytes=-4"))).isEqualTo("tail");
        assertThat(S3.text(s3.send("GET", "/mpu/big?uploadId=" + id, ""))).contains("NoSuchUpload");

        String small = S3.text(s3.send("POST", "/mpu/small?uploads", "")).replaceAll("(?s).*<UploadId>(.*)</UploadId>.*", "$1");
        String s1 = s3.send("PUT", "/mpu/small?partNumber=1&uploadId=" + small, "tiny").headers().get("ETag");
        String s2 = s3.send("PUT", "/mpu/small?partNumber=2&uploadId=" + small, "tiny").headers().get("ETag");
        String tooSmall = "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>" + s1 + "</ETag></Part>"
                + "<Part><PartNumber>2</PartNumber><ETag>" + s2 + "</ETag></Part></CompleteMultipartUpload>";
        assertThat(S3.text(s3.send("POST", "/mpu/small?uploadId=" + small, tooSmall))).contains("EntityTooSmall");
        assertThat(s3.send("DELETE", "/mpu/small?uploadId=" + small, "").status()).isEqualTo(204);
        assertThat(S3.text(s3.send("GET", "/mpu?uploads", ""))).doesNotContain("<Upload>");
    }
}
