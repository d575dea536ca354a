package dev.stride.engine.spi;

import java.nio.charset.StandardCharsets;

/**
 * Version-4 UUID text from two random longs. {@code UUID.toString} gives the same text, but it
 * writes through byte-array view handles: before the JIT's last tier, which is where a burst of
 * executions started on a fresh JVM runs, that costs several times this plain loop.
 */
final class UuidText {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

    private UuidText() {}

    /** @param high the UUID's 64 most significant bits, before the version nibble is set */
    static String v4(long high, long low) {
        long msb = high & ~0xF000L | 0x4000L;
        long lsb = low & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        byte[] b = new byte[36];
        hex(msb >>> 32, b, 0, 8);
        b[8] = '-';
        hex(msb >>> 16, b, 9, 4);
        b[13] = '-';
        hex(msb, b, 14, 4);
        b[18] = '-';
        hex(lsb >>> 48, b, 19, 4);
        b[23] = '-';
        hex(lsb, b, 24, 12);
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** Writes the low {@code digits} hex digits of {@code value} into {@code b} at {@code at}. */
    private static void hex(long value, byte[] b, int at, int digits) {
        for (int i = at + digits - 1; i >= at; i--) {
            b[i] = HEX[(int) value & 0xF];
            value >>>= 4;
        }
    }
}
