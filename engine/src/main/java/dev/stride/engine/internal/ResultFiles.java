package dev.stride.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.asl.model.ResultWriter;
import dev.stride.engine.spi.ObjectStorage;
import dev.stride.expr.ErrorNames;
import dev.stride.expr.Json;
import dev.stride.expr.StatesError;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * ResultWriter: the child executions' results as AWS writes them under
 * {@code Prefix/MAP_RUN_UUID/}: {@code SUCCEEDED_0.json}, {@code FAILED_0.json}, {@code PENDING_0.json}
 * (only those with results) and {@code manifest.json} naming them, each file streamed to the
 * object store (a million results never sit in memory as one text). With only WriterConfig the
 * results are transformed and become the Map's output instead.
 */
final class ResultFiles {
    /** One child execution as its result record describes it; {@code output} is {Error, Cause} when it failed. */
    record Child(String executionArn, String name, boolean failed, JsonNode input, JsonNode output, long start, long stop) {}

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private ResultFiles() {}

    static boolean exports(ResultWriter w) { return w.resource() != null; }

    /** WriterConfig only: the results, transformed, as the Map's output. */
    static ArrayNode transformed(ResultWriter w, String childMachineArn, int count, IntFunction<Child> children) {
        ArrayNode out = Json.NODES.arrayNode();
        String how = w.transformation() == null ? "COMPACT" : w.transformation();
        for (int i = 0; i < count; i++) add(out, how, childMachineArn, children.apply(i));
        return out;
    }

    private static void add(ArrayNode out, String how, String childMachineArn, Child c) {
        if (c.failed || "NONE".equals(how)) out.add(record(childMachineArn, c));
        else if ("FLATTEN".equals(how) && c.output != null && c.output.isArray()) out.addAll((ArrayNode) c.output);
        else out.add(c.output);
    }

    /**
     * Writes the result files and the manifest; returns the Map's output.
     *
     * @throws StatesError States.ResultWriterFailed when the bucket cannot be written
     */
    static ObjectNode write(ObjectStorage storage, ResultWriter w, JsonNode params, String mapRunArn, String childMachineArn,
                            int count, IntFunction<Child> children) {
        String bucket = params.path("Bucket").asText(null);
        if (bucket == null || bucket.isEmpty()) throw failed("The field 'Bucket' is required in the ResultWriter's parameters");
        String prefix = params.path("Prefix").asText("");
        String uuid = mapRunArn.substring(mapRunArn.lastIndexOf(':') + 1);
        String folder = (prefix.isEmpty() ? "" : prefix.endsWith("/") ? prefix : prefix + "/") + uuid + "/";
        String how = w.transformation() == null ? "NONE" : w.transformation();
        boolean lines = "JSONL".equals(w.outputType());
        ObjectNode manifest = Json.NODES.objectNode().put("DestinationBucket", bucket).put("MapRunArn", mapRunArn);
        ObjectNode files = manifest.putObject("ResultFiles");
        try {
            for (String status : List.of("FAILED", "PENDING", "SUCCEEDED")) {
                ArrayNode listed = files.putArray(status);
                List<Integer> which = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    Child c = children.apply(i);
                    String s = c == null ? "PENDING" : c.failed ? "FAILED" : "SUCCEEDED";
                    if (s.equals(status)) which.add(i);
                }
                if (which.isEmpty()) continue;
                String key = folder + status + "_0." + (lines ? "jsonl" : "json");
                Counted body = new Counted(which, i -> {
                    ArrayNode one = Json.NODES.arrayNode();
                    add(one, how, childMachineArn, children.apply(i));
                    return one;
                }, lines);
                storage.put(bucket, key, body);
                listed.addObject().put("Key", key).put("Size", body.written);
            }
            storage.put(bucket, folder + "manifest.json", new java.io.ByteArrayInputStream(Json.write(manifest).getBytes(StandardCharsets.UTF_8)));
        } catch (ObjectStorage.Failure e) {
            throw failed(ItemSource.s3Cause(e));
        }
        ObjectNode out = Json.NODES.objectNode().put("MapRunArn", mapRunArn);
        out.putObject("ResultWriterDetails").put("Bucket", bucket).put("Key", folder + "manifest.json");
        return out;
    }

    private static StatesError failed(String cause) { return new StatesError(ErrorNames.RESULT_WRITER_FAILED, cause); }

    /** A child's result record (Transformation NONE), with the fields AWS writes. */
    static ObjectNode record(String childMachineArn, Child c) {
        ObjectNode o = Json.NODES.objectNode();
        if (c.failed) {
            o.put("Cause", c.output.path("Cause").asText(null));
            o.put("Error", c.output.path("Error").asText(null));
        }
        o.put("ExecutionArn", c.executionArn);
        o.put("Input", Json.write(c.input));
        o.putObject("InputDetails").put("Included", true);
        o.put("Name", c.name);
        if (!c.failed) {
            o.put("Output", Json.write(c.output));
            o.putObject("OutputDetails").put("Included", true);
        }
        o.put("RedriveCount", 0);
        o.put("RedriveStatus", c.failed ? "REDRIVABLE_BY_MAP_RUN" : "NOT_REDRIVABLE");
        o.put("RedriveStatusReason", c.failed ? "Execution can be redriven by its Map Run" : "Execution is SUCCEEDED and cannot be redriven");
        o.put("StartDate", DATE.format(Instant.ofEpochMilli(c.start)));
        o.put("StateMachineArn", childMachineArn);
        o.put("Status", c.failed ? "FAILED" : "SUCCEEDED");
        o.put("StopDate", DATE.format(Instant.ofEpochMilli(c.stop)));
        return o;
    }

    /** A result file made as it is read: a JSON array (or JSON Lines) of the chosen children's entries. */
    private static final class Counted extends InputStream {
        private final List<Integer> which;
        private final IntFunction<ArrayNode> entries;
        private final boolean lines;
        private int next;
        private byte[] chunk = new byte[0];
        private int pos;
        private boolean closed;
        private boolean first = true;
        long written;

        Counted(List<Integer> which, IntFunction<ArrayNode> entries, boolean lines) {
            this.which = which;
            this.entries = entries;
            this.lines = lines;
            if (!lines) chunk = new byte[] {'['};
        }

        private boolean fill() {
            while (pos >= chunk.length) {
                if (closed) return false;
                StringBuilder sb = new StringBuilder();
                int upto = Math.min(which.size(), next + 256);
                for (; next < upto; next++) {
                    for (JsonNode e : entries.apply(which.get(next))) {
                        if (lines) sb.append(Json.write(e)).append('\n');
                        else sb.append(first ? "" : ",").append(Json.write(e));
                        first = false;
                    }
                }
                if (next >= which.size()) {
                    if (!lines) sb.append(']');
                    closed = true;
                }
                chunk = sb.toString().getBytes(StandardCharsets.UTF_8);
                pos = 0;
            }
            return true;
        }

        @Override
        public int read() {
            if (!fill()) return -1;
            written++;
            return chunk[pos++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) return 0;
            if (!fill()) return -1;
            int n = Math.min(len, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off, n);
            pos += n;
            written += n;
            return n;
        }
    }
}
