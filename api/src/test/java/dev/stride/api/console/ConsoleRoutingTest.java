package dev.stride.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Only a browser's unsigned page load of {@code /} is the console's; every AWS request stays where it was. */
class ConsoleRoutingTest {
    @Test
    void anUnsignedGetOfSlashAskingForHtmlIsTheConsole() {
        assertThat(Console.wantsConsole("GET", "/", "text/html,application/xhtml+xml,*/*;q=0.8", null, null)).isTrue();
    }

    @Test
    void signedRequestsQueriesOtherMethodsPathsAndAcceptsAreNot() {
        String html = "text/html";
        assertThat(Console.wantsConsole("GET", "/", html, "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/s3/aws4_request", null)).isFalse();
        assertThat(Console.wantsConsole("GET", "/", html, null, "Action=ListQueues")).isFalse();
        assertThat(Console.wantsConsole("GET", "/", html, null, "X-Amz-Algorithm=AWS4-HMAC-SHA256")).isFalse();
        assertThat(Console.wantsConsole("POST", "/", html, null, null)).isFalse();
        assertThat(Console.wantsConsole("HEAD", "/", html, null, null)).isFalse();
        assertThat(Console.wantsConsole("GET", "/bucket", html, null, null)).isFalse();
        assertThat(Console.wantsConsole("GET", "/", "*/*", null, null)).isFalse();
        assertThat(Console.wantsConsole("GET", "/", null, null, null)).isFalse();
    }
}
