package dev.stride.cli.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.cli.ServerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * A server with access keys configured checks every service's SigV4 signature: the real aws CLI
 * signing with the right keys is served; a wrong key id, a wrong secret and (signed by the SDK's
 * own signer with a clock 20 minutes slow) an expired date are refused with each service's own
 * error names, as AWS answers them.
 */
class SignedEndpointCliTest {
    private static final String KEY = "AKIASTRIDETEST0001";
    private static final String SECRET = "right-secret";
    @TempDir static Path data;
    @TempDir static Path cliDir;
    static ServerProcess server;
    static AwsCli aws;

    @BeforeAll
    static void start() throws Exception {
        AwsCli.Installation installed = AwsCli.installed();
        Path settings = data.resolveSibling(data.getFileName() + "-settings.yaml");
        Files.writeString(settings, "accessKeys: {" + KEY + ": " + SECRET + "}\n");
        server = ServerProcess.start(data, "--settings", settings.toString());
        aws = AwsCli.against(installed, server.endpoint(), cliDir).signingWith(KEY, SECRET);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
    }

    /** One harmless call per service, and the error names it answers a wrong key id and a wrong secret with. */
    record Call(List<String> args, String unknownKey, String wrongSecret) {}

    private static final List<Call> CALLS = List.of(
            new Call(List.of("stepfunctions", "list-state-machines"), "UnrecognizedClientException", "InvalidSignatureException"),
            new Call(List.of("sqs", "list-queues"), "InvalidClientTokenId", "SignatureDoesNotMatch"),
            new Call(List.of("sns", "list-topics"), "InvalidClientTokenId", "SignatureDoesNotMatch"),
            new Call(List.of("dynamodb", "list-tables"), "UnrecognizedClientException", "InvalidSignatureException"),
            new Call(List.of("s3api", "list-buckets"), "InvalidAccessKeyId", "SignatureDoesNotMatch"),
            new Call(List.of("logs", "describe-log-groups"), "UnrecognizedClientException", "InvalidSignatureException"),
            new Call(List.of("ecs", "list-clusters"), "UnrecognizedClientException", "InvalidSignatureException"),
            new Call(List.of("batch", "describe-job-queues"), "UnrecognizedClientException", "InvalidSignatureException"));

    @Test
    void theRightKeysAreServedByEveryService() {
        for (Call c : CALLS) aws.json(c.args().toArray(String[]::new));
    }

    @Test
    void anUnknownAccessKeyIdIsRefusedInEachServicesOwnWords() {
        AwsCli stranger = aws.signingWith("AKIANOBODYKNOWS0000", SECRET);
        for (Call c : CALLS) {
            AwsCli.Result r = stranger.fails(c.args().toArray(String[]::new));
            assertThat(r.stderr()).as(r.describe()).contains("(" + c.unknownKey() + ")");
        }
    }

    @Test
    void aWrongSecretIsRefusedInEachServicesOwnWords() {
        AwsCli forger = aws.signingWith(KEY, "wrong-secret");
        for (Call c : CALLS) {
            AwsCli.Result r = forger.fails(c.args().toArray(String[]::new));
            assertThat(r.stderr()).as(r.describe()).contains("(" + c.wrongSecret() + ")");
        }
    }

    @Test
    void aRequestSignedTwentyMinutesAgoIsRefusedAsExpired() throws Exception {
        Clock slow = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-20));
        HttpResponse<String> sfn = send(slow, "states", SdkHttpMethod.POST, "/", "{}",
                "X-Amz-Target", "AWSStepFunctions.ListStateMachines", "Content-Type", "application/x-amz-json-1.0");
        assertThat(sfn.statusCode()).isEqualTo(400);
        assertThat(sfn.body()).contains("\"__type\":\"InvalidSignatureException\"").contains("Signature expired");

        HttpResponse<String> sns = send(slow, "sns", SdkHttpMethod.POST, "/", "Action=ListTopics&Version=2010-03-31",
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(sns.statusCode()).isEqualTo(403);
        assertThat(sns.body()).contains("<Code>SignatureDoesNotMatch</Code>").contains("Signature expired");

        HttpResponse<String> s3 = send(slow, "s3", SdkHttpMethod.GET, "/", "", "x-amz-content-sha256", "UNSIGNED-PAYLOAD");
        assertThat(s3.statusCode()).isEqualTo(403);
        assertThat(s3.body()).contains("<Code>RequestTimeTooSkewed</Code>");

        HttpResponse<String> fresh = send(Clock.systemUTC(), "states", SdkHttpMethod.POST, "/", "{}",
                "X-Amz-Target", "AWSStepFunctions.ListStateMachines", "Content-Type", "application/x-amz-json-1.0");
        assertThat(fresh.statusCode()).as(fresh.body()).isEqualTo(200);
    }

    /** Signed by the SDK's SigV4 signer with the given clock, sent as it was signed. */
    private static HttpResponse<String> send(Clock clock, String service, SdkHttpMethod method, String path, String body,
                                             String... headers) throws Exception {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(method).uri(server.endpoint().resolve(path));
        for (int i = 0; i < headers.length; i += 2) request.putHeader(headers[i], headers[i + 1]);
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(KEY, SECRET))
                .request(request.build())
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, !"s3".equals(service))
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock));
        HttpRequest.Builder out = HttpRequest.newBuilder(URI.create(signed.request().getUri().toString()));
        Set<String> restricted = Set.of("host", "content-length");
        signed.request().headers().forEach((name, values) -> {
            if (!restricted.contains(name.toLowerCase())) values.forEach(v -> out.header(name, v));
        });
        out.method(method.name(), body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(out.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
