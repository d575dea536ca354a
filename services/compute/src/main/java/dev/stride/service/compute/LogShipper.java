package dev.stride.service.compute;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.AwsService;
import dev.stride.service.JsonProtocol;
import dev.stride.service.ServiceCall;
import dev.stride.service.ServiceException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Ships a run's output lines to a CloudWatch Logs stream through the Logs service's facade (as
 * the awslogs driver does for Batch and ECS): lines are gathered for a few milliseconds and put
 * in one PutLogEvents, and whatever is left is put when the process ends, before its exit is
 * reported. Without a Logs service the lines are dropped.
 */
public final class LogShipper implements OutputSink {
    private static final long LINGER_MILLIS = 20;
    private static final ScheduledExecutorService FLUSHER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "stride-log-shipper");
        t.setDaemon(true);
        return t;
    });

    private final AwsService logs;
    private final String group;
    private final String stream;
    private final String region;
    private final String account;
    private final List<long[]> times = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private boolean flushScheduled;

    private LogShipper(AwsService logs, String group, String stream, String region, String account) {
        this.logs = logs;
        this.group = group;
        this.stream = stream;
        this.region = region;
        this.account = account;
    }

    /** Creates the group (when missing) and the stream, and returns a sink writing to it. */
    public static OutputSink open(AwsService logs, String group, String stream, String region, String account) {
        if (logs == null) return OutputSink.DISCARD;
        LogShipper s = new LogShipper(logs, group, stream, region, account);
        s.createIgnoringExisting("CreateLogGroup", JsonProtocol.MAPPER.createObjectNode().put("logGroupName", group));
        s.createIgnoringExisting("CreateLogStream", JsonProtocol.MAPPER.createObjectNode().put("logGroupName", group).put("logStreamName", stream));
        return s;
    }

    private void createIgnoringExisting(String action, ObjectNode params) {
        try {
            logs.call(new ServiceCall(action, params, region, account, null, null));
        } catch (ServiceException e) {
            if (!e.type().equals("ResourceAlreadyExistsException")) throw e;
        }
    }

    @Override
    public synchronized void line(long timestampMillis, String text) {
        times.add(new long[] {timestampMillis});
        lines.add(text);
        if (!flushScheduled) {
            flushScheduled = true;
            FLUSHER.schedule(this::flush, LINGER_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() { flush(); }

    private void flush() {
        ObjectNode params = JsonProtocol.MAPPER.createObjectNode().put("logGroupName", group).put("logStreamName", stream);
        ArrayNode events = params.putArray("logEvents");
        synchronized (this) {
            flushScheduled = false;
            if (lines.isEmpty()) return;
            for (int i = 0; i < lines.size(); i++) events.addObject().put("timestamp", times.get(i)[0]).put("message", lines.get(i));
            times.clear();
            lines.clear();
        }
        try {
            logs.call(new ServiceCall("PutLogEvents", params, region, account, null, null));
        } catch (RuntimeException e) {
            System.getLogger(LogShipper.class.getName()).log(System.Logger.Level.WARNING, "cannot ship log lines to " + group + " " + stream, e);
        }
    }
}
