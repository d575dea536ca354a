package dev.stride.service.s3.internal;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * The checksum algorithms S3 verifies and returns ({@code x-amz-checksum-<name>}, base64 of the
 * big-endian value). SDKs send one on every upload since 2025 (the Java SDK v2 from 2.30 sends
 * CRC32 by default); CRC64NVME is S3's default for objects uploaded without one.
 */
enum ChecksumAlgorithm {
    CRC32, CRC32C, CRC64NVME, SHA1, SHA256;

    /** The header carrying it: {@code x-amz-checksum-crc32}. */
    String header() { return "x-amz-checksum-" + name().toLowerCase(Locale.ROOT); }

    /** The algorithm of a name as requests spell it ({@code crc32}, {@code CRC32}), or null. */
    static ChecksumAlgorithm of(String name) {
        if (name == null) return null;
        for (ChecksumAlgorithm a : values()) {
            if (a.name().equalsIgnoreCase(name.strip())) return a;
        }
        return null;
    }

    /** A running digest of this algorithm. */
    Digest start() {
        return switch (this) {
            case CRC32 -> new Crc(new CRC32(), 4);
            case CRC32C -> new Crc(new CRC32C(), 4);
            case CRC64NVME -> new Crc64Nvme();
            case SHA1 -> new Hash("SHA-1");
            case SHA256 -> new Hash("SHA-256");
        };
    }

    /** A digest fed as bytes arrive. */
    interface Digest {
        void update(byte[] b, int off, int len);

        byte[] finish();
    }

    static Digest md5() { return new Hash("MD5"); }

    private record Crc(Checksum crc, int bytes) implements Digest {
        public void update(byte[] b, int off, int len) { crc.update(b, off, len); }

        public byte[] finish() { return ByteBuffer.allocate(4).putInt((int) crc.getValue()).array(); }
    }

    private static final class Hash implements Digest {
        private final MessageDigest md;

        Hash(String algorithm) {
            try {
                md = MessageDigest.getInstance(algorithm);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(algorithm + " unavailable", e);
            }
        }

        public void update(byte[] b, int off, int len) { md.update(b, off, len); }

        public byte[] finish() { return md.digest(); }
    }

    /** CRC-64/NVME (reflected, polynomial 0xad93d23594c93659, init and xorout all ones); the JDK has none. */
    private static final class Crc64Nvme implements Digest {
        private static final long[] TABLE = new long[256];

        static {
            long poly = 0x9a6c9329ac4bc9b5L; // the polynomial bit-reversed, for the reflected form
            for (int i = 0; i < 256; i++) {
                long c = i;
                for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? (c >>> 1) ^ poly : c >>> 1;
                TABLE[i] = c;
            }
        }

        private long crc = -1L;

        public void update(byte[] b, int off, int len) {
            long c = crc;
            for (int i = off; i < off + len; i++) c = TABLE[(int) ((c ^ b[i]) & 0xff)] ^ (c >>> 8);
            crc = c;
        }

        public byte[] finish() { return ByteBuffer.allocate(8).putLong(~crc).array(); }
    }
}
