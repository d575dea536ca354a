package dev.stride.service.sns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.service.JsonProtocol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmailAndLambdaTest {
    @TempDir
    Path mailbox;
    final BlockingQueue<String[]> invocations = new LinkedBlockingQueue<>();
    SnsService service;
    Sns sns;

    void start() {
        service = new SnsService(SnsService.Options.builder().store(new MapRecordStore()).mailboxDir(mailbox)
                .lambda((function, event) -> invocations.add(new String[] {function, event})).build());
        sns = new Sns(service);
    }

    @AfterEach
    void close() { service.close(); }

    @Test
    void an_email_subscriber_gets_a_confirmation_mail_then_notifications_in_its_mailbox_folder() throws Exception {
        start();
        String topic = sns.topic("mail");
        sns.call("Subscribe", "{\"TopicArn\":\"" + topic + "\",\"Protocol\":\"email\",\"Endpoint\":\"dev@example.com\"}");
        String confirmation = awaitMails("dev@example.com", 1).get(0);
        assertThat(confirmation).contains("Subject: AWS Notification - Subscription Confirmation").contains("To: dev@example.com");
        Matcher token = Pattern.compile("Token=([0-9a-f]+)").matcher(confirmation);
        assertThat(token.find()).isTrue();
        sns.call("ConfirmSubscription", "{\"TopicArn\":\"" + topic + "\",\"Token\":\"" + token.group(1) + "\"}");

        sns.call("Publish", "{\"TopicArn\":\"" + topic + "\",\"Message\":\"Your order shipped\",\"Subject\":\"Order 42\"}");
        String mail = awaitMails("dev@example.com", 2).get(1);
        assertThat(mail).contains("Subject: Order 42").contains("\r\n\r\nYour order shipped").contains("?Action=Unsubscribe&SubscriptionArn=" + topic + ":");
    }

    @Test
    void an_email_json_subscriber_gets_the_envelope() throws Exception {
        start();
        String topic = sns.topic("mailjson");
        sns.call("Subscribe", "{\"TopicArn\":\"" + topic + "\",\"Protocol\":\"email-json\",\"Endpoint\":\"ops@example.com\"}");
        String confirmation = awaitMails("ops@example.com", 1).get(0);
        JsonNode c = JsonProtocol.MAPPER.readTree(confirmation.substring(confirmation.indexOf("\r\n\r\n") + 4));
        sns.call("ConfirmSubscription", "{\"TopicArn\":\"" + topic + "\",\"Token\":\"" + c.get("Token").asText() + "\"}");
        sns.call("Publish", "{\"TopicArn\":\"" + topic + "\",\"Message\":\"m\"}");
        String mail = awaitMails("ops@example.com", 2).get(1);
        JsonNode envelope = JsonProtocol.MAPPER.readTree(mail.substring(mail.indexOf("\r\n\r\n") + 4));
        assertThat(envelope.get("Type").asText()).isEqualTo("Notification");
        assertThat(envelope.get("Message").asText()).isEqualTo("m");
    }

    @Test
    void a_lambda_subscriber_is_invoked_with_the_sns_event() throws Exception {
        start();
        String topic = sns.topic("fn");
        String function = "arn:aws:lambda:us-east-1:123456789012:function:handler";
        String sub = sns.call("Subscribe", "{\"TopicArn\":\"" + topic + "\",\"Protocol\":\"lambda\",\"Endpoint\":\"" + function + "\"}")
                .get("SubscriptionArn").asText();
        sns.call("Publish", "{\"TopicArn\":\"" + topic + "\",\"Message\":\"go\",\"MessageAttributes\":{\"a\":{\"DataType\":\"String\",\"StringValue\":\"b\"}}}");
        String[] call = invocations.poll(5, TimeUnit.SECONDS);
        assertThat(call).isNotNull();
        assertThat(call[0]).isEqualTo(function);
        JsonNode record = JsonProtocol.MAPPER.readTree(call[1]).at("/Records/0");
        assertThat(record.get("EventSource").asText()).isEqualTo("aws:sns");
        assertThat(record.get("EventVersion").asText()).isEqualTo("1.0");
        assertThat(record.get("EventSubscriptionArn").asText()).isEqualTo(sub);
        assertThat(record.at("/Sns/Message").asText()).isEqualTo("go");
        assertThat(record.at("/Sns/Subject").isNull()).isTrue();
        assertThat(record.at("/Sns/MessageAttributes/a/Type").asText()).isEqualTo("String");
        assertThat(record.at("/Sns/UnsubscribeUrl").asText()).contains("Action=Unsubscribe");
    }

    /** The mails of an address in sending order, once there are at least {@code count}. */
    private List<String> awaitMails(String address, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            List<String> mails = mails(mailbox.resolve(address));
            if (mails.size() >= count) return mails;
            if (System.nanoTime() > deadline) throw new AssertionError("expected " + count + " mails, found " + mails.size());
            Thread.sleep(10);
        }
    }

    private static List<String> mails(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".eml")).sorted().map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }).toList();
        }
    }
}
