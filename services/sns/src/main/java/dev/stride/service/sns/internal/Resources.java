package dev.stride.service.sns.internal;

import dev.stride.service.ServiceCall;

/**
 * Finds the topic or subscription an ARN parameter names, as AWS answers: a malformed ARN or
 * one of another region is {@code InvalidParameter}, another account's is
 * {@code AuthorizationError}, an unknown one {@code NotFound}.
 */
public final class Resources {
    private final SnsState state;

    public Resources(SnsState state) { this.state = state; }

    public Topic topic(ServiceCall call, String param, String arn, String action) {
        if (arn == null || arn.isEmpty()) throw SnsErrors.invalidParameter(param);
        SnsArn parsed = SnsArn.parse(arn, "sns");
        if (parsed == null || parsed.resource().contains(":")) throw SnsErrors.invalidParameter(param);
        check(call, parsed, param, action, arn);
        Topic t = state.topics().get(arn);
        if (t == null) throw SnsErrors.topicNotFound();
        return t;
    }

    public Subscription subscription(ServiceCall call, String arn, String action) {
        if (arn == null || arn.isEmpty()) throw SnsErrors.invalidParameter("SubscriptionArn");
        SnsArn parsed = SnsArn.parse(arn, "sns");
        if (parsed == null || !parsed.resource().contains(":")) throw SnsErrors.invalidParameter("SubscriptionArn");
        check(call, parsed, "SubscriptionArn", action, arn);
        Subscription s = state.subscriptions().get(arn);
        if (s == null) throw SnsErrors.subscriptionNotFound();
        return s;
    }

    private static void check(ServiceCall call, SnsArn parsed, String param, String action, String arn) {
        if (!parsed.region().equals(call.region())) throw SnsErrors.invalidParameter(param);
        if (!parsed.account().equals(call.account())) throw SnsErrors.authorization(call.account(), action, arn);
    }
}
