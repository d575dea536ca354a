package dev.stride.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.asl.model.ItemBatcher;
import dev.stride.asl.model.MapState;
import dev.stride.expr.ErrorNames;
import dev.stride.expr.Json;
import dev.stride.expr.StatesError;

/**
 * ItemBatcher: groups the (selected) items into child inputs {@code {"BatchInput": ..., "Items": [...]}},
 * at most MaxItemsPerBatch items and MaxInputBytesPerBatch bytes of JSON each (a single item
 * larger than the byte limit goes alone). ItemSelector applies to each item before batching.
 */
final class ItemBatches {
    private ItemBatches() {}

    static ArrayNode of(Interpreter in, ExecutionRecord ex, Frame f, MapState mp, ArrayNode items) {
        ItemBatcher b = mp.itemBatcher();
        long maxItems = positive(in, ex, f, mp, b.maxItemsPerBatch(), "MaxItemsPerBatch");
        long maxBytes = positive(in, ex, f, mp, b.maxInputBytesPerBatch(), "MaxInputBytesPerBatch");
        if (maxBytes == 0 || maxBytes > PayloadSize.MAX_PAYLOAD_BYTES) maxBytes = PayloadSize.MAX_PAYLOAD_BYTES;
        JsonNode batchInput = batchInput(in, ex, f, b);
        long baseBytes = Json.write(envelope(batchInput)).length() + 2;
        ArrayNode batches = Json.NODES.arrayNode();
        ObjectNode current = null;
        long bytes = 0;
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = MapItems.select(in, ex, f, mp, i, items.get(i));
            long size = PayloadSize.bytes(item) + 1;
            ArrayNode list = current == null ? null : (ArrayNode) current.get("Items");
            if (current == null || maxItems > 0 && list.size() >= maxItems || bytes + size > maxBytes && !list.isEmpty()) {
                current = envelope(batchInput);
                batches.add(current);
                bytes = baseBytes;
                list = (ArrayNode) current.get("Items");
            }
            list.add(item);
            bytes += size;
        }
        return batches;
    }

    private static ObjectNode envelope(JsonNode batchInput) {
        ObjectNode o = Json.NODES.objectNode();
        if (batchInput != null) o.set("BatchInput", batchInput);
        o.putArray("Items");
        return o;
    }

    private static JsonNode batchInput(Interpreter in, ExecutionRecord ex, Frame f, ItemBatcher b) {
        if (b.batchInput() != null) return b.batchInput().evaluate(in.scope(ex, f, f.effectiveInput, null));
        if (b.batchInputExpr() != null) {
            return b.batchInputExpr().evaluate(StateIo.states(f.rawInput, null, null, ContextObject.build(ex, f, null)),
                    new FrameVariables(ex, f), in.budget);
        }
        return null;
    }

    private static long positive(Interpreter in, ExecutionRecord ex, Frame f, MapState mp, dev.stride.asl.model.IntField field, String name) {
        long v = MapItems.count(in, ex, f, mp, field, name);
        if (v < 0) throw new StatesError(ErrorNames.RUNTIME, name + " cannot be negative.");
        return v;
    }
}
