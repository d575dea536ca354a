package dev.stride.integrations.internal;

import java.net.http.HttpClient;
import java.util.function.Supplier;

/**
 * An HTTP client made on first use. Building one loads the JDK's TLS stack (about 800 classes in all),
 * which was 40% of the start-up time of `stride run` on a machine that calls nothing over HTTP.
 */
public final class LazyHttpClient {
    private final Supplier<HttpClient> factory;
    private HttpClient client;

    public LazyHttpClient(Supplier<HttpClient> factory) { this.factory = factory; }

    public synchronized HttpClient get() {
        if (client == null) client = factory.get();
        return client;
    }

    /** Closes the client if one was made. */
    public synchronized void close() {
        if (client != null) client.close();
    }
}
