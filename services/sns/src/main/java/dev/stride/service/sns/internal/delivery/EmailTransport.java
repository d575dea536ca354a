package dev.stride.service.sns.internal.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.function.LongSupplier;

/**
 * Mails a delivery to an email/email-json subscriber: through an SMTP server when one is
 * configured, else as an {@code .eml} file in {@code <mailbox>/<address>/}, where a developer
 * (or a test) reads it and finds the confirmation link.
 */
public final class EmailTransport implements Transport {
    static final String FROM = "no-reply@sns.amazonaws.com";

    private final Path mailbox;
    private final SmtpClient smtp;
    private final LongSupplier clock;

    /** @param smtp null to write into the mailbox folder instead */
    public EmailTransport(Path mailbox, SmtpClient smtp, LongSupplier clock) {
        this.mailbox = mailbox;
        this.smtp = smtp;
        this.clock = clock;
    }

    @Override
    public void send(PendingDelivery d) throws IOException {
        String mail = render(d);
        if (smtp != null) {
            smtp.send(FROM, d.endpoint(), mail);
            return;
        }
        if (mailbox == null) throw new IOException("neither an SMTP server nor a mailbox folder is configured for email to " + d.endpoint());
        String address = d.endpoint();
        if (address.contains("/") || address.contains("\\") || address.contains("..")) throw new IOException("not a mailbox name: " + address);
        Path folder = Files.createDirectories(mailbox.resolve(address));
        // written aside and moved, so a reader never sees half a mail; the name keeps mails in sending order
        String name = String.format("%013d-%s.eml", clock.getAsLong(), d.messageId());
        Path partial = Files.writeString(folder.resolve(name + ".part"), mail, StandardCharsets.UTF_8);
        Files.move(partial, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    String render(PendingDelivery d) {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochMilli(clock.getAsLong()).atOffset(ZoneOffset.UTC));
        String subject = d.subject() == null ? "AWS Notification Message" : d.subject();
        return "From: AWS Notifications <" + FROM + ">\r\n"
                + "To: " + d.endpoint() + "\r\n"
                + "Subject: " + encodeHeader(subject) + "\r\n"
                + "Date: " + date + "\r\n"
                + "Message-ID: <" + d.messageId() + "@sns.amazonaws.com>\r\n"
                + "X-Amz-Sns-Message-Type: " + d.type() + "\r\n"
                + "X-Amz-Sns-Topic-Arn: " + d.topicArn() + "\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: " + (d.protocol().equals("email-json") ? "application/json" : "text/plain") + "; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n"
                + "\r\n"
                + d.body().replace("\r\n", "\n").replace("\n", "\r\n") + "\r\n";
    }

    /** RFC 2047: a subject that is not plain ASCII travels base64-encoded. */
    private static String encodeHeader(String text) {
        boolean ascii = text.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        return ascii ? text : "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
    }
}
