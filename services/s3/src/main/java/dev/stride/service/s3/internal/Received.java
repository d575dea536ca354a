package dev.stride.service.s3.internal;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;

/**
 * A body received into a temp file and checked: its size, MD5 and the checksums the client asked
 * for (all verified against what it declared).
 *
 * @param checksums algorithm name to base64 value
 */
record Received(Path temp, long size, byte[] md5, Map<String, String> checksums) {
    String eTag() { return "\"" + HexFormat.of().formatHex(md5) + "\""; }
}
