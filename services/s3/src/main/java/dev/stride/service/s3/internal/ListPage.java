package dev.stride.service.s3.internal;

import java.util.List;

/**
 * One page of a listing: the objects and the common prefixes (a delimiter's roll-ups), in key
 * order, together at most max-keys.
 *
 * @param last the last key or common prefix on the page (where the next page starts after), or null
 */
public record ListPage(List<ObjectMeta> objects, List<String> commonPrefixes, boolean truncated, String last) {
    public int keyCount() { return objects.size() + commonPrefixes.size(); }
}
