package dev.stride.engine.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.asl.model.IntField;
import dev.stride.asl.model.ItemReader;
import dev.stride.engine.spi.ObjectStorage;
import dev.stride.expr.ErrorNames;
import dev.stride.expr.Json;
import dev.stride.expr.StatesError;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A distributed Map's ItemReader: reads the items from the object store, streamed (a JSON array
 * of a million items goes through Jackson's streaming parser one element at a time; CSV and JSON
 * Lines one row at a time), up to MaxItems. Every failure is States.ItemReaderFailed with the cause
 * AWS gives where it is known.
 */
final class ItemSource {
    /** AWS: an ItemReader file may be at most 10 GB; one item at most 256 KiB (a child's input quota). */
    static final long MAX_FILE_BYTES = 10L * 1024 * 1024 * 1024;
    static final long MAX_ITEMS = 100_000_000L;
    private static final String JSON_ITERABLE = "Attempting to map over non-iterable node.";

    private final ObjectStorage storage;
    private final int maxItemBytes;
    private final ItemReader reader;
    private final long limit;
    private final ArrayNode out = Json.NODES.arrayNode();

    private ItemSource(ObjectStorage storage, ItemReader reader, long limit, int maxItemBytes) {
        this.storage = storage;
        this.reader = reader;
        this.limit = limit <= 0 ? MAX_ITEMS : Math.min(limit, MAX_ITEMS);
        this.maxItemBytes = maxItemBytes;
    }

    /** MaxItems as given (a path's value is checked to be an integer here: States.Runtime), or 0 when absent. */
    static long maxItems(Interpreter in, ExecutionRecord ex, Frame f, IntField field) {
        if (!field.present()) return 0;
        if (field.constant() != null) return field.constant();
        if (field.path() != null) {
            JsonNode v = field.path().read(in.scope(ex, f, f.effectiveInput, null));
            if (v == null || !v.isIntegralNumber()) {
                String shown = v == null ? "null" : v.isTextual() ? v.textValue() : Json.write(v);
                throw new StatesError(ErrorNames.RUNTIME, "The MaxItemsPath field refers to value \"" + shown
                        + "\" which is not a valid integer: " + field.path().text());
            }
            return v.longValue();
        }
        JsonNode v = field.jsonata().evaluate(StateIo.states(f.rawInput, null, null, ContextObject.build(ex, f, null)),
                new FrameVariables(ex, f), in.budget);
        if (v == null || !v.isIntegralNumber()) {
            throw new StatesError(ErrorNames.QUERY_EVALUATION_ERROR, "The MaxItems field must be an integer but was: "
                    + (v == null ? "undefined" : Json.write(v)));
        }
        return v.longValue();
    }

    /** The reader's Parameters (JSONPath) or Arguments (JSONata), evaluated. */
    static JsonNode parameters(Interpreter in, ExecutionRecord ex, Frame f, dev.stride.expr.template.PayloadTemplate p,
                               dev.stride.expr.jsonata.JsonataTemplate a) {
        if (p != null) return p.evaluate(in.scope(ex, f, f.effectiveInput, null));
        if (a != null) {
            return a.evaluate(StateIo.states(f.rawInput, null, null, ContextObject.build(ex, f, null)), new FrameVariables(ex, f), in.budget);
        }
        return Json.NODES.objectNode();
    }

    /**
     * Reads every item (up to MaxItems).
     *
     * @throws StatesError States.ItemReaderFailed
     */
    static ArrayNode read(ObjectStorage storage, ItemReader reader, JsonNode params, long maxItems, int maxItemBytes) {
        if (maxItems < 0) throw failed("field MaxItems must be positive");
        ItemSource source = new ItemSource(storage, reader, maxItems, maxItemBytes);
        String bucket = params.path("Bucket").asText(null);
        if (bucket == null || bucket.isEmpty()) throw failed("The field 'Bucket' is required in the ItemReader's parameters");
        try {
            if (reader.listsObjects()) {
                source.listing(bucket, params.path("Prefix").asText(""));
            } else {
                String key = params.path("Key").asText(null);
                if (key == null) throw failed("The field 'Key' is required in the ItemReader's parameters");
                source.file(bucket, key, reader.inputType() == null ? "JSON" : reader.inputType());
            }
        } catch (ObjectStorage.Failure e) {
            throw failed(s3Cause(e));
        } catch (IOException | UncheckedIOException e) {
            throw failed("Failed to read the ItemReader's object: " + e.getMessage());
        }
        return source.out;
    }

    static String s3Cause(ObjectStorage.Failure e) {
        return e.getMessage() + " (Service: S3, Status Code: " + e.status() + ", Error Code: " + e.code() + ")";
    }

    static StatesError failed(String cause) { return new StatesError(ErrorNames.ITEM_READER_FAILED, cause); }

    private boolean full() { return out.size() >= limit; }

    private void add(JsonNode item) {
        if (maxItemBytes > 0 && PayloadSize.exceeds(item, maxItemBytes)) {
            throw failed("The item at index " + out.size() + " exceeds the maximum size of " + maxItemBytes + " bytes");
        }
        out.add(item);
    }

    private void listing(String bucket, String prefix) throws IOException {
        String token = null;
        boolean load = "LOAD_AND_FLATTEN".equals(reader.transformation());
        do {
            ObjectStorage.Page page = storage.list(bucket, prefix.isEmpty() ? null : prefix, token);
            for (ObjectStorage.Listed o : page.objects()) {
                if (full()) return;
                if (load) {
                    file(bucket, o.key(), reader.inputType() == null ? "JSON" : reader.inputType());
                    continue;
                }
                ObjectNode item = Json.NODES.objectNode();
                item.put("Etag", o.eTag());
                item.put("LastModified", o.lastModifiedMillis() / 1000.0);
                item.put("Key", o.key());
                item.put("Size", o.size());
                item.put("StorageClass", o.storageClass() == null ? "STANDARD" : o.storageClass());
                add(item);
            }
            token = page.nextToken();
        } while (token != null && !full());
    }

    private void file(String bucket, String key, String type) throws IOException {
        ObjectStorage.Body body = storage.open(bucket, key);
        try (InputStream raw = body.stream()) {
            if (body.size() > MAX_FILE_BYTES) {
                throw failed("The object " + key + " is " + body.size() + " bytes; an ItemReader reads at most " + MAX_FILE_BYTES + " bytes");
            }
            InputStream in = key.endsWith(".gz") && !"MANIFEST".equals(type) ? new GZIPInputStream(raw, 1 << 16) : raw;
            switch (type) {
                case "JSON" -> json(in);
                case "JSONL" -> jsonLines(in);
                case "CSV" -> csv(reader(in), reader.csvHeaders(), reader.csvDelimiter());
                case "MANIFEST" -> manifest(in);
                default -> throw failed("Unsupported InputType: " + type);
            }
        }
    }

    private static Reader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    private void json(InputStream in) throws IOException {
        try (JsonParser p = Json.MAPPER.getFactory().createParser(in)) {
            JsonToken t = p.nextToken();
            if (reader.itemsPointer() != null && !reader.itemsPointer().isEmpty()) t = descend(p, t, reader.itemsPointer());
            if (t != JsonToken.START_ARRAY) throw failed(JSON_ITERABLE);
            while (!full() && p.nextToken() != JsonToken.END_ARRAY) {
                add(p.readValueAsTree());
            }
        } catch (JsonProcessingException e) {
            throw failed("The JSON file is malformed: " + e.getOriginalMessage());
        }
    }

    /** Moves the parser to the value the JSON Pointer names, skipping everything before it. */
    private static JsonToken descend(JsonParser p, JsonToken t, String pointer) throws IOException {
        for (String raw : pointer.substring(pointer.startsWith("/") ? 1 : 0).split("/", -1)) {
            String part = raw.replace("~1", "/").replace("~0", "~");
            if (t == JsonToken.START_OBJECT) {
                boolean found = false;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    t = p.nextToken();
                    if (name.equals(part)) {
                        found = true;
                        break;
                    }
                    p.skipChildren();
                }
                if (!found) throw failed("The ItemsPointer " + pointer + " does not refer to a value in the file");
            } else if (t == JsonToken.START_ARRAY && part.matches("\\d+")) {
                int index = Integer.parseInt(part);
                t = p.nextToken();
                for (int i = 0; i < index && t != JsonToken.END_ARRAY; i++) {
                    p.skipChildren();
                    t = p.nextToken();
                }
                if (t == JsonToken.END_ARRAY) throw failed("The ItemsPointer " + pointer + " does not refer to a value in the file");
            } else {
                throw failed("The ItemsPointer " + pointer + " does not refer to a value in the file");
            }
        }
        return t;
    }

    private void jsonLines(InputStream in) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        long n = 0;
        for (String line; !full() && (line = lines.readLine()) != null; ) {
            n++;
            if (line.isBlank()) continue;
            try {
                add(Json.MAPPER.readTree(line));
            } catch (JsonProcessingException e) {
                throw failed("The JSON Lines file is malformed at line " + n + ": " + e.getOriginalMessage());
            }
        }
    }

    private void csv(Reader in, List<String> given, char delimiter) throws IOException {
        CsvRows rows = new CsvRows(in, delimiter);
        List<String> headers = given;
        try {
            if (headers == null) {
                headers = rows.next();
                if (headers == null) return;
            }
            if (new HashSet<>(headers).size() != headers.size()) throw failed("CSV headers cannot contain duplicates.");
            for (List<String> row; !full() && (row = rows.next()) != null; ) {
                ObjectNode item = Json.NODES.objectNode();
                for (int i = 0; i < headers.size(); i++) item.put(headers.get(i), i < row.size() ? row.get(i) : "");
                add(item);
            }
        } catch (IOException e) {
            throw failed("The CSV file is malformed: " + e.getMessage());
        }
    }

    /** An S3 Inventory manifest (manifest.json): its CSV data files, named by fileSchema's columns. */
    private void manifest(InputStream in) throws IOException {
        if ("ATHENA_DATA".equals(reader.manifestType())) {
            athena(in);
            return;
        }
        JsonNode m;
        try {
            m = Json.MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw failed("The manifest file is malformed: " + e.getOriginalMessage());
        }
        String format = m.path("fileFormat").asText("CSV");
        if (!"CSV".equalsIgnoreCase(format)) throw failed("Unsupported S3 Inventory file format: " + format + " (CSV is read)");
        List<String> columns = new ArrayList<>();
        for (String c : m.path("fileSchema").asText("").split(",")) if (!c.isBlank()) columns.add(c.trim());
        String dest = m.path("destinationBucket").asText("");
        String bucket = dest.startsWith("arn:") ? dest.substring(dest.lastIndexOf(':') + 1) : dest;
        for (JsonNode file : m.path("files")) {
            if (full()) return;
            ObjectStorage.Body body = storage.open(bucket, file.path("key").asText());
            try (InputStream raw = body.stream()) {
                InputStream data = file.path("key").asText().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
                csv(reader(data), columns, ',');
            }
        }
    }

    /** An Athena UNLOAD manifest: one {@code s3://bucket/key} per line, each a CSV file read with the given headers. */
    private void athena(InputStream in) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; !full() && (line = lines.readLine()) != null; ) {
            line = line.trim();
            if (!line.startsWith("s3://")) continue;
            String rest = line.substring(5);
            int slash = rest.indexOf('/');
            if (slash < 0) continue;
            ObjectStorage.Body body = storage.open(rest.substring(0, slash), rest.substring(slash + 1));
            try (InputStream raw = body.stream()) {
                InputStream data = line.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
                csv(reader(data), reader.csvHeaders(), reader.csvDelimiter());
            }
        }
    }
}
