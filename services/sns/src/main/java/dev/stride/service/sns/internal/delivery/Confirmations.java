package dev.stride.service.sns.internal.delivery;

import dev.stride.service.sns.internal.Subscription;

/**
 * The confirmation request an http/https or email subscription is sent when it is made: it
 * carries the SubscribeURL, a GET of which (at Stride's endpoint) confirms the subscription.
 */
public final class Confirmations {
    private Confirmations() {}

    public static String subscribeUrl(String endpoint, Subscription s) {
        return endpoint + "/?Action=ConfirmSubscription&TopicArn=" + s.topicArn() + "&Token=" + s.token();
    }

    public static PendingDelivery render(Subscription s, String messageId, long millis, String endpoint) {
        String url = subscribeUrl(endpoint, s);
        String body = switch (s.protocol()) {
            case "email" -> "You have chosen to subscribe to the topic: \n" + s.topicArn()
                    + "\n\nTo confirm this subscription, click or visit the link below (If this was in error no action is necessary):\n"
                    + "Confirm subscription:\n" + url + "\n\nPlease do not reply directly to this email.\n";
            default -> Envelope.confirmation(messageId, s, url, millis, endpoint);
        };
        return new PendingDelivery("confirm/" + s.arn(), PendingDelivery.CONFIRMATION, s.protocol(), s.endpoint(), s.arn(),
                s.topicArn(), messageId, "AWS Notification - Subscription Confirmation", body, false);
    }
}
