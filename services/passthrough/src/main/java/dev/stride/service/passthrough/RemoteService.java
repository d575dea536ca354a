package dev.stride.service.passthrough;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.service.AwsService;
import dev.stride.service.ServiceCall;
import dev.stride.service.ServiceException;
import dev.stride.service.ServiceRequest;
import dev.stride.service.ServiceResponse;
import dev.stride.service.passthrough.internal.RequestForwarder;
import dev.stride.service.passthrough.internal.ServiceClient;
import java.util.List;
import java.util.Set;

/**
 * A service whose work is done by a remote AWS (or AWS-compatible) endpoint instead of Stride's
 * local one. It keeps the local service's routing identity, so the endpoint routes to it exactly
 * as before, and:
 * <ul>
 * <li>{@link #serve} forwards a client's request as it came, signed anew with SigV4 for the
 *   remote's region and credentials, and hands back the remote's reply;</li>
 * <li>{@link #call} runs a Task state's action through the service's AWS SDK v2 client, found
 *   and driven by reflection, so any service whose SDK client is on the classpath works with no
 *   code of its own.</li>
 * </ul>
 * <pre>{@code
 * AwsService sqs = RemoteService.of(localSqs, Remote.of(null, "eu-west-1", key, secret));
 * }</pre>
 */
public final class RemoteService implements AwsService, AutoCloseable {
    private final AwsService local;
    private final Remote remote;
    private final RequestForwarder forwarder;
    private volatile ServiceClient client;

    private RemoteService(AwsService local, Remote remote) {
        this.local = local;
        this.remote = remote;
        this.forwarder = new RequestForwarder(local.signingName(), remote);
    }

    /** The local service's work sent to the remote instead. */
    public static RemoteService of(AwsService local, Remote remote) {
        if (local == null || remote == null) throw new IllegalArgumentException("a remote service needs the local service and the remote");
        return new RemoteService(local, remote);
    }

    public Remote remote() { return remote; }

    @Override
    public String signingName() { return local.signingName(); }

    @Override
    public List<String> targetPrefixes() { return local.targetPrefixes(); }

    @Override
    public Set<String> queryActions() { return local.queryActions(); }

    /** Errors in the local service's shape, so clients cannot tell the two apart by their errors. */
    @Override
    public ServiceResponse refuse(ServiceRequest request, ServiceException e) { return local.refuse(request, e); }

    /** The remote's reply; an unreachable remote is a 503 ServiceUnavailable in the request's protocol. */
    @Override
    public ServiceResponse serve(ServiceRequest request) {
        try {
            return forwarder.forward(request);
        } catch (ServiceException e) {
            return refuse(request, e);
        }
    }

    @Override
    public JsonNode call(ServiceCall call) { return client().invoke(call); }

    /** Made on first use: a service only served (never called) needs no SDK client on the classpath. */
    private ServiceClient client() {
        ServiceClient c = client;
        if (c != null) return c;
        synchronized (this) {
            if (client == null) client = ServiceClient.open(signingName(), remote);
            return client;
        }
    }

    /** Closes the SDK client, if one was made. */
    @Override
    public void close() {
        ServiceClient c;
        synchronized (this) {
            c = client;
            client = null;
        }
        if (c != null) c.close();
    }

    @Override
    public String toString() { return "RemoteService[" + signingName() + " -> " + remote + "]"; }
}
