package dev.stride.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With access keys configured, the console shows nothing until the browser signs in with one of them. */
class ConsoleSignInTest extends ApiFixture {
    final HttpClient http = HttpClient.newHttpClient();

    @Override
    ServerConfig config() { return super.config().withAccessKeys(Map.of("stride", "stride", "AKIDCONSOLE", "console-secret")); }

    @Test
    void everyPageSendsTheBrowserToSignInAndTheApiPartsAnswer401() throws Exception {
        String sm = createMachine("guarded", HELLO);
        HttpResponse<String> list = get("/_stride/console/", null);
        assertThat(list.statusCode()).isEqualTo(303);
        assertThat(list.headers().firstValue("Location")).contains("/_stride/console/sign-in?then=%2F_stride%2Fconsole%2F");
        assertThat(list.body()).doesNotContain("guarded");
        HttpResponse<String> machine = get("/_stride/console/machine?arn=" + enc(sm), null);
        assertThat(machine.statusCode()).isEqualTo(303);
        assertThat(machine.body()).doesNotContain("guarded");
        assertThat(get("/_stride/console/api/picture?arn=x", null).statusCode()).isEqualTo(401);
        assertThat(get("/_stride/console/events?arn=x", null).statusCode()).isEqualTo(401);
        assertThat(get("/_stride/console/resources", null).statusCode()).isEqualTo(303);
        assertThat(get("/_stride/console/assets/console.css", null).statusCode()).isEqualTo(200);
        assertThat(get("/_stride/console/sign-in", null).body()).contains("id=\"sign-in\"").contains("Secret access key");
    }

    @Test
    void aWrongKeyIsRefusedAndARightOneOpensTheConsoleReadOnly() throws Exception {
        String sm = createMachine("opened", HELLO);
        HttpResponse<String> wrong = signIn("AKIDCONSOLE", "not-it", "/_stride/console/");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
        HttpResponse<String> right = signIn("AKIDCONSOLE", "console-secret", "https://elsewhere.example/");
        assertThat(right.statusCode()).isEqualTo(303);
        assertThat(right.headers().firstValue("Location")).contains("/_stride/console/"); // never sent elsewhere
        String cookie = right.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/_stride/console/");
        String session = cookie.substring(0, cookie.indexOf(';'));
        HttpResponse<String> page = get("/_stride/console/machine?arn=" + enc(sm), session);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("opened");
        assertThat(get("/_stride/console/", "stride-console=forged").statusCode()).isEqualTo(303);
        HttpResponse<String> start = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/_stride/console/api/start"))
                .header("Cookie", session).header("X-Stride-Console", "1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"stateMachineArn\":\"" + sm + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(start.statusCode()).as("signed in, the console still only reads").isEqualTo(403);
    }

    HttpResponse<String> signIn(String id, String secret, String then) throws Exception {
        String form = "accessKeyId=" + enc(id) + "&secretAccessKey=" + enc(secret) + "&then=" + enc(then);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/_stride/console/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).header("Accept", "text/html");
        if (cookie != null) b.header("Cookie", cookie);
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }
}
