package dev.stride.service.dynamodb.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.NavigableMap;

/**
 * A parallel Scan's Segment of TotalSegments: an equal share of the 32-bit partition-key hash
 * space. Items sort by that hash first, so a segment is one contiguous range of the map.
 */
final class Segments {
    private Segments() {}

    static NavigableMap<Key, byte[]> range(ObjectNode p, NavigableMap<Key, byte[]> map, Key start) {
        boolean hasSeg = p.hasNonNull("Segment"), hasTotal = p.hasNonNull("TotalSegments");
        NavigableMap<Key, byte[]> range = map;
        if (hasSeg || hasTotal) {
            if (!hasSeg || !hasTotal) {
                throw Errors.validation("The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
            }
            int total = p.get("TotalSegments").asInt(), seg = p.get("Segment").asInt();
            if (total < 1 || total > 1_000_000) {
                throw Errors.validation("1 validation error detected: Value '" + total + "' at 'totalSegments' failed to satisfy constraint: "
                        + "Member must have value " + (total < 1 ? "greater than or equal to 1" : "less than or equal to 1000000"));
            }
            if (seg < 0 || seg >= total) {
                throw Errors.validation("The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: " + seg
                        + " is not less than TotalSegments: " + total);
            }
            Key lo = Key.hashBound((int) ((1L << 32) * seg / total));
            range = seg == total - 1 ? map.tailMap(lo, true) : map.subMap(lo, true, Key.hashBound((int) ((1L << 32) * (seg + 1) / total)), false);
        }
        if (start == null) return range;
        if (!range.isEmpty() && start.compareTo(range.firstKey()) < 0) return range;
        try {
            return range.tailMap(start, false);
        } catch (IllegalArgumentException outside) {
            throw Errors.validation("The provided starting key is invalid: Exclusive start key must lie within the segment");
        }
    }
}
