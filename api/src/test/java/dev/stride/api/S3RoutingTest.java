package dev.stride.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import dev.stride.service.AwsService;
import dev.stride.service.ServiceCall;
import dev.stride.service.ServiceRequest;
import dev.stride.service.ServiceResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which requests are S3's before their bodies are read: signed for s3, a virtual host, or unsigned and nobody else's. */
class S3RoutingTest {
    static AwsService service(String name, List<String> targets, Set<String> actions, List<String> paths) {
        return new AwsService() {
            @Override
            public String signingName() { return name; }

            @Override
            public List<String> targetPrefixes() { return targets; }

            @Override
            public Set<String> queryActions() { return actions; }

            @Override
            public List<String> restPathPrefixes() { return paths; }

            @Override
            public ServiceResponse serve(ServiceRequest request) { return null; }

            @Override
            public JsonNode call(ServiceCall call) { return null; }
        };
    }

    final AwsService s3 = service("s3", List.of(), Set.of(), List.of());
    final AwsService sqs = service("sqs", List.of("AmazonSQS."), Set.of("SendMessage"), List.of());
    final AwsService batch = service("batch", List.of(), Set.of(), List.of("/v1/"));
    final ServiceRouter router = new ServiceRouter(List.of(sqs, s3, batch));

    static Headers headers(String... kv) {
        Headers h = new Headers();
        for (int i = 0; i < kv.length; i += 2) h.add(kv[i], kv[i + 1]);
        return h;
    }

    @Test
    void signedForS3OrPresignedIsS3AndSignedForAnotherServiceIsNot() {
        assertThat(router.s3For(headers(), "PUT", "/b/k", null, new ServiceRouter.Scope("test", "us-east-1", "s3"))).isSameAs(s3);
        assertThat(router.s3For(headers(), "GET", "/b/k", null, new ServiceRouter.Scope("test", "us-east-1", "sqs"))).isNull();
        String presigned = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=test%2F20260101%2Fus-east-1%2Fs3%2Faws4_request";
        assertThat(router.s3For(headers(), "GET", "/b/k", presigned, ServiceRouter.scope(headers(), presigned))).isSameAs(s3);
    }

    @Test
    void aVirtualHostIsS3EvenForPostSlash() {
        for (String host : List.of("photos.localhost:8083", "photos.s3.localhost", "my.photos.s3.eu-west-1.localhost:1")) {
            assertThat(router.s3For(headers("Host", host), "POST", "/", null, null)).as(host).isSameAs(s3);
        }
        assertThat(router.s3For(headers("Host", "s3.localhost:8083"), "POST", "/", null, null)).isNull();
        assertThat(router.s3For(headers("Host", "localhost:8083"), "POST", "/", null, null)).isNull();
    }

    @Test
    void anUnsignedRequestNobodyElseClaimsFallsBackToS3() {
        assertThat(router.s3For(headers(), "GET", "/bucket/key.txt", null, null)).isSameAs(s3);
        assertThat(router.s3For(headers(), "GET", "/", null, null)).isSameAs(s3);
        assertThat(router.s3For(headers(), "POST", "/", null, null)).as("Step Functions").isNull();
        assertThat(router.s3For(headers("X-Amz-Target", "AmazonSQS.SendMessage"), "POST", "/q", null, null)).isNull();
        assertThat(router.s3For(headers(), "GET", "/123/q", "Action=SendMessage", null)).isNull();
        assertThat(router.s3For(headers("Content-Type", "application/x-www-form-urlencoded"), "POST", "/123/q", null, null)).isNull();
        assertThat(router.s3For(headers(), "POST", "/v1/submitjob", null, null)).as("Batch's path").isNull();
        assertThat(router.s3For(headers("Content-Type", "application/x-www-form-urlencoded"), "PUT", "/b/k", null, null))
                .as("curl --data-binary sends a form type").isSameAs(s3);
    }
}
