package dev.stride.service.sqs.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.ServiceException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What every batch action checks first (1 to 10 entries, valid distinct ids) and how it reports an entry that failed. */
final class BatchEntries {
    static final int MAX_ENTRIES = 10;

    private BatchEntries() {}

    static List<ObjectNode> read(ObjectNode params, String entryName) {
        List<ObjectNode> entries = Params.objects(params, "Entries");
        if (entries.isEmpty()) throw Errors.emptyBatch(entryName);
        if (entries.size() > MAX_ENTRIES) throw Errors.tooManyEntries(entries.size());
        Set<String> ids = new HashSet<>();
        for (ObjectNode e : entries) {
            String id = Params.text(e, "Id");
            if (id == null || id.isEmpty() || !validId(id)) throw Errors.invalidBatchEntryId();
            if (!ids.add(id)) throw Errors.idsNotDistinct(id);
        }
        return entries;
    }

    private static boolean validId(String id) {
        if (id.length() > 80) return false;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
        }
        return true;
    }

    /** A BatchResultErrorEntry. */
    static void fail(ArrayNode failed, String id, ServiceException e) {
        failed.addObject().put("Id", id).put("SenderFault", e.sender()).put("Code", e.code()).put("Message", e.getMessage());
    }
}
