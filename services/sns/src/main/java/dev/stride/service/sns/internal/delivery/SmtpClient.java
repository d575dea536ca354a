package dev.stride.service.sns.internal.delivery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Just enough SMTP (RFC 5321, no TLS, no authentication) to hand a mail to a local catcher such
 * as MailHog or Mailpit: one connection per mail.
 */
public final class SmtpClient {
    private static final int TIMEOUT_MILLIS = 10_000;

    private final String host;
    private final int port;

    public SmtpClient(String host, int port) {
        this.host = host;
        this.port = port;
    }

    void send(String from, String to, String mail) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            expect(in, 220);
            command(out, in, "HELO stride", 250);
            command(out, in, "MAIL FROM:<" + from + ">", 250);
            command(out, in, "RCPT TO:<" + to + ">", 250);
            command(out, in, "DATA", 354);
            // a line that starts with a dot is doubled so the server does not read it as the end
            String body = mail.replace("\r\n.", "\r\n..");
            if (body.startsWith(".")) body = "." + body;
            out.write(body.getBytes(StandardCharsets.UTF_8));
            command(out, in, ".", 250);
            command(out, in, "QUIT", 221);
        }
    }

    private static void command(OutputStream out, BufferedReader in, String line, int expected) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        expect(in, expected);
    }

    /** Reads a reply, continuation lines ({@code 250-...}) included, and checks its code. */
    private static void expect(BufferedReader in, int expected) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) throw new IOException("the SMTP server closed the connection");
        } while (line.length() > 3 && line.charAt(3) == '-');
        if (!line.startsWith(Integer.toString(expected))) throw new IOException("SMTP server answered: " + line);
    }
}
