package dev.stride.service.sqs.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The checksums SQS returns and the SDKs verify: MD5 of the body's UTF-8 bytes, and MD5 of the
 * message attributes in AWS's encoding — attributes sorted by name, each written as
 * length-prefixed name, length-prefixed data type, one transport byte (1 string, 2 binary) and
 * length-prefixed value, lengths as 4-byte big-endian.
 */
final class Digests {
    private static final MessageDigest MD5 = prototype("MD5");
    private static final MessageDigest SHA256 = prototype("SHA-256");

    private Digests() {}

    private static MessageDigest prototype(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A fresh digest: cloning skips the provider lookup of getInstance on every message. */
    private static MessageDigest fresh(MessageDigest prototype) {
        try {
            return (MessageDigest) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(prototype.getAlgorithm() + " digest cannot be cloned", e);
        }
    }

    private static MessageDigest md5() { return fresh(MD5); }

    static String md5Hex(byte[] bytes) { return HexFormat.of().formatHex(md5().digest(bytes)); }

    /** SHA-256 of the body: a FIFO queue's content-based deduplication id. */
    static String sha256Hex(byte[] bytes) { return HexFormat.of().formatHex(fresh(SHA256).digest(bytes)); }

    /** MD5 of attributes already sorted by name; null for none, as AWS omits the member then. */
    static String attributes(List<MessageAttribute> sorted) {
        if (sorted.isEmpty()) return null;
        MessageDigest d = md5();
        ByteBuffer len = ByteBuffer.allocate(4);
        for (MessageAttribute a : sorted) {
            field(d, len, a.name().getBytes(StandardCharsets.UTF_8));
            field(d, len, a.dataType().getBytes(StandardCharsets.UTF_8));
            if (a.binary()) {
                d.update((byte) 2);
                field(d, len, a.binaryValue());
            } else {
                d.update((byte) 1);
                field(d, len, a.stringValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(d.digest());
    }

    private static void field(MessageDigest d, ByteBuffer len, byte[] bytes) {
        len.clear();
        len.putInt(bytes.length);
        d.update(len.array());
        d.update(bytes);
    }
}
