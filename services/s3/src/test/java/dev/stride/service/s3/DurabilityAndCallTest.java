package dev.stride.service.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore;
import dev.stride.service.ServiceCall;
import dev.stride.service.ServiceException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurabilityAndCallTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    @Test
    void objectsSurviveARestartAndFilesNoRecordNamesAreSwept() throws Exception {
        MapRecordStore store = new MapRecordStore();
        S3Service first = new S3Service(dir, store, System::currentTimeMillis);
        S3 s3 = new S3(first);
        s3.send("PUT", "/keep", "");
        s3.send("PUT", "/keep/a", "kept", "x-amz-meta-k", "v");
        String upload = S3.text(s3.send("POST", "/keep/b?uploads", "")).replaceAll("(?s).*<UploadId>(.*)</UploadId>.*", "$1");
        s3.send("PUT", "/keep/b?partNumber=1&uploadId=" + upload, "part");
        // what kill -9 leaves: a body moved into place whose record was never committed, a temp file
        Files.writeString(dir.resolve("keep").resolve("orphan"), "x");
        Files.writeString(dir.resolve(".incoming").resolve("half"), "x");

        S3Service second = new S3Service(dir, store, System::currentTimeMillis);
        S3 again = new S3(second);
        assertThat(S3.text(again.send("GET", "/keep/a", ""))).isEqualTo("kept");
        assertThat(again.send("GET", "/keep/a", "").headers()).containsEntry("x-amz-meta-k", "v");
        assertThat(S3.text(again.send("GET", "/keep/b?uploadId=" + upload, ""))).contains("<PartNumber>1</PartNumber>");
        assertThat(dir.resolve("keep").resolve("orphan")).doesNotExist();
        assertThat(dir.resolve(".incoming").resolve("half")).doesNotExist();
    }

    @Test
    void inMemoryUsesATempFolderDeletedOnClose() {
        S3Service memory = new S3Service(dir.resolve("unused"), RecordStore.NONE, System::currentTimeMillis);
        Path folder = memory.folder();
        assertThat(folder).exists().isNotEqualTo(dir.resolve("unused"));
        memory.close();
        assertThat(folder).doesNotExist();
    }

    @Test
    void taskStateCallsUseTheSdkShape() throws Exception {
        S3Service s3 = new S3Service(dir, new MapRecordStore(), System::currentTimeMillis);
        call(s3, "CreateBucket", "{\"Bucket\":\"calls\"}");
        JsonNode put = call(s3, "PutObject", "{\"Bucket\":\"calls\",\"Key\":\"in/doc.json\",\"Body\":{\"a\":1},\"ContentType\":\"application/json\","
                + "\"Metadata\":{\"Who\":\"me\"}}");
        assertThat(put.path("ETag").asText()).startsWith("\"");
        JsonNode got = call(s3, "GetObject", "{\"Bucket\":\"calls\",\"Key\":\"in/doc.json\"}");
        assertThat(got.path("Body").asText()).isEqualTo("{\"a\":1}");
        assertThat(got.path("ContentType").asText()).isEqualTo("application/json");
        assertThat(got.path("Metadata").path("who").asText()).isEqualTo("me");
        assertThat(call(s3, "HeadObject", "{\"Bucket\":\"calls\",\"Key\":\"in/doc.json\"}").path("ContentLength").asLong()).isEqualTo(7);
        call(s3, "CopyObject", "{\"Bucket\":\"calls\",\"Key\":\"out/doc.json\",\"CopySource\":\"calls/in/doc.json\"}");
        JsonNode list = call(s3, "ListObjectsV2", "{\"Bucket\":\"calls\",\"Delimiter\":\"/\"}");
        assertThat(list.path("CommonPrefixes").findValuesAsText("Prefix")).containsExactly("in/", "out/");
        assertThat(list.path("KeyCount").asInt()).isEqualTo(2);
        call(s3, "DeleteObject", "{\"Bucket\":\"calls\",\"Key\":\"in/doc.json\"}");
        assertThatThrownBy(() -> call(s3, "GetObject", "{\"Bucket\":\"calls\",\"Key\":\"in/doc.json\"}"))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.code()).isEqualTo("NoSuchKey");
                    assertThat(e.status()).isEqualTo(404);
                });
        try (ObjectStream stream = s3.open("calls", "out/doc.json")) {
            assertThat(stream.size()).isEqualTo(7);
            assertThat(new String(stream.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        }
        try (ObjectStream tail = s3.open("calls", "out/doc.json", 5, 6)) {
            assertThat(new String(tail.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("1}");
        }
    }

    private static JsonNode call(S3Service s3, String action, String params) throws Exception {
        return s3.call(new ServiceCall(action, (ObjectNode) JSON.readTree(params), "us-east-1", "123456789012", "http://localhost:8083", null));
    }
}
