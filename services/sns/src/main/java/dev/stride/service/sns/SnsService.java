package dev.stride.service.sns;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.engine.spi.RecordStore;
import dev.stride.service.AwsService;
import dev.stride.service.ServiceCall;
import dev.stride.service.ServiceException;
import dev.stride.service.ServiceRequest;
import dev.stride.service.ServiceResponse;
import dev.stride.service.Xml;
import dev.stride.service.sns.internal.SnsErrors;
import dev.stride.service.sns.internal.query.QueryForm;
import dev.stride.service.sns.internal.query.QueryReply;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * Local Amazon SNS: topics, subscriptions (sqs, http/https, lambda, email, email-json), filter
 * policies, FIFO topics, durable in a {@link RecordStore}. It speaks the query protocol
 * ({@link #serve}) and runs actions in-process for Step Functions' aws-sdk integrations
 * ({@link #call}); both end in the same action code.
 * <pre>{@code
 * SnsService sns = new SnsService(SnsService.Options.builder().store(store).sqs(sqs).build());
 * sns.call(new ServiceCall("Publish", params, "us-east-1", "123456789012", "http://localhost:8083", null));
 * }</pre>
 */
public final class SnsService implements AwsService, AutoCloseable {
    private static final Logger LOG = System.getLogger(SnsService.class.getName());

    private final Options options;
    private final Wiring wiring;

    /** Reads every topic, subscription and owed delivery back from the store and resumes the deliveries. */
    public SnsService(Options options) {
        this.options = options;
        this.wiring = new Wiring(options);
    }

    @Override
    public String signingName() { return "sns"; }

    @Override
    public List<String> targetPrefixes() { return List.of(); }

    @Override
    public Set<String> queryActions() { return wiring.actions().names(); }

    @Override
    public JsonNode call(ServiceCall call) {
        return wiring.actions().run(withDefaults(call));
    }

    @Override
    public ServiceResponse serve(ServiceRequest request) {
        String requestId = UUID.randomUUID().toString();
        Map<String, String> headers = Map.of("x-amzn-RequestId", requestId);
        try {
            Map<String, String> form = request.form();
            String action = form.get("Action");
            if (action == null || !wiring.actions().has(action)) throw SnsErrors.invalidAction(action);
            ServiceCall call = new ServiceCall(action, QueryForm.params(form), request.region(), request.account(), request.endpoint(), null);
            JsonNode result = call(call);
            return new ServiceResponse(200, "text/xml", headers, QueryReply.write(action, result, requestId));
        } catch (ServiceException e) {
            return new ServiceResponse(e.status(), "text/xml", headers, Xml.error(e, requestId));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "SNS request " + requestId + " failed", e);
            return new ServiceResponse(500, "text/xml", headers, Xml.error(SnsErrors.internal(), requestId));
        }
    }

    /** Stops deliveries in flight; those not yet made stay owed in the store for the next start. */
    @Override
    public void close() { wiring.close(); }

    private ServiceCall withDefaults(ServiceCall c) {
        if (c.region() != null && c.account() != null && c.endpoint() != null) return c;
        return new ServiceCall(c.action(), c.params(), c.region() != null ? c.region() : options.defaultRegion(),
                c.account() != null ? c.account() : options.defaultAccount(),
                c.endpoint() != null ? c.endpoint() : options.defaultEndpoint(), c.idempotencyKey());
    }

    /**
     * What the service needs. Only {@code store} is required; see {@link Builder} for the defaults.
     *
     * @param store            where every change is committed before it is acknowledged
     * @param clockMillis      the time, in epoch milliseconds (timestamps, FIFO deduplication window)
     * @param sqs              the local SQS service sqs subscriptions deliver to, or null
     * @param lambda           invokes lambda subscriptions' functions, or null (their deliveries fail)
     * @param mailboxDir       folder email is written into as {@code <address>/<time>-<id>.eml} when no SMTP server is set
     * @param smtpHost         an SMTP server to send email through instead, or null
     * @param httpClient       for http/https deliveries
     * @param deliveryAttempts attempts of an http/https, lambda or email delivery before it is given up
     * @param retryDelay       the wait before the second attempt, doubled for each later one
     * @param httpTimeout      how long an http/https endpoint may take to answer
     * @param defaultRegion    region of calls that carry none
     * @param defaultAccount   account of calls that carry none
     * @param defaultEndpoint  Stride's base URL for calls that carry none (links in messages, queue URLs)
     */
    public record Options(RecordStore store, LongSupplier clockMillis, AwsService sqs, LambdaInvoker lambda, Path mailboxDir,
                          String smtpHost, int smtpPort, HttpClient httpClient, int deliveryAttempts, Duration retryDelay,
                          Duration httpTimeout, String defaultRegion, String defaultAccount, String defaultEndpoint) {
        public Options {
            if (store == null) throw new IllegalArgumentException("store is required");
            if (clockMillis == null) clockMillis = System::currentTimeMillis;
            if (httpClient == null) httpClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            if (deliveryAttempts < 1) deliveryAttempts = 3;
            if (retryDelay == null) retryDelay = Duration.ofMillis(200);
            if (httpTimeout == null) httpTimeout = Duration.ofSeconds(15);
            if (defaultRegion == null) defaultRegion = "us-east-1";
            if (defaultAccount == null) defaultAccount = "000000000000";
            if (defaultEndpoint == null) defaultEndpoint = "http://localhost:8083";
        }

        public static Builder builder() { return new Builder(); }

        /** Builds {@link Options}; everything but the store has a default. */
        public static final class Builder {
            private RecordStore store;
            private LongSupplier clockMillis;
            private AwsService sqs;
            private LambdaInvoker lambda;
            private Path mailboxDir;
            private String smtpHost;
            private int smtpPort = 25;
            private HttpClient httpClient;
            private int deliveryAttempts = 3;
            private Duration retryDelay;
            private Duration httpTimeout;
            private String defaultRegion;
            private String defaultAccount;
            private String defaultEndpoint;

            private Builder() {}

            public Builder store(RecordStore v) { store = v; return this; }

            public Builder clockMillis(LongSupplier v) { clockMillis = v; return this; }

            public Builder sqs(AwsService v) { sqs = v; return this; }

            public Builder lambda(LambdaInvoker v) { lambda = v; return this; }

            public Builder mailboxDir(Path v) { mailboxDir = v; return this; }

            public Builder smtp(String host, int port) { smtpHost = host; smtpPort = port; return this; }

            public Builder httpClient(HttpClient v) { httpClient = v; return this; }

            public Builder deliveryAttempts(int v) { deliveryAttempts = v; return this; }

            public Builder retryDelay(Duration v) { retryDelay = v; return this; }

            public Builder httpTimeout(Duration v) { httpTimeout = v; return this; }

            public Builder defaultRegion(String v) { defaultRegion = v; return this; }

            public Builder defaultAccount(String v) { defaultAccount = v; return this; }

            public Builder defaultEndpoint(String v) { defaultEndpoint = v; return this; }

            public Options build() {
                return new Options(store, clockMillis, sqs, lambda, mailboxDir, smtpHost, smtpPort, httpClient, deliveryAttempts,
                        retryDelay, httpTimeout, defaultRegion, defaultAccount, defaultEndpoint);
            }
        }
    }
}
