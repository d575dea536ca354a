package dev.stride.service.sns.internal.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** POSTs a delivery to an http/https endpoint with the headers SNS sends; any 2xx reply is a success. */
public final class HttpTransport implements Transport {
    private final HttpClient client;
    private final Duration timeout;

    public HttpTransport(HttpClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    @Override
    public void send(PendingDelivery d) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(d.endpoint())).timeout(timeout)
                .header("Content-Type", "text/plain; charset=UTF-8")
                .header("x-amz-sns-message-type", d.type())
                .header("x-amz-sns-message-id", d.messageId())
                .header("x-amz-sns-topic-arn", d.topicArn())
                .header("User-Agent", "Amazon Simple Notification Service Agent")
                .POST(HttpRequest.BodyPublishers.ofString(d.body()));
        if (d.type().equals(PendingDelivery.NOTIFICATION)) request.header("x-amz-sns-subscription-arn", d.subscriptionArn());
        if (d.raw()) request.header("x-amz-sns-rawdelivery", "true");
        HttpResponse<Void> reply = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
        if (reply.statusCode() / 100 != 2) throw new IOException(d.endpoint() + " answered HTTP " + reply.statusCode());
    }
}
