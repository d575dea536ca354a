package dev.stride.service.sqs.internal;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * A receipt handle names one receive of one message: the message's sequence in its queue and
 * a random number drawn for that receive. Sequences are never reused (they grow with the clock),
 * so a stale handle can only ever name its own message.
 */
record ReceiptHandle(long seq, long receipt) {
    private static final int BYTES = 17;
    private static final byte VERSION = 1;

    String encode() {
        ByteBuffer b = ByteBuffer.allocate(BYTES).put(VERSION).putLong(seq).putLong(receipt);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    /** The handle's parts, or ReceiptHandleIsInvalid for text no receive handed out. */
    static ReceiptHandle decode(String text) {
        if (text == null || text.isEmpty()) throw Errors.missing("ReceiptHandle");
        try {
            byte[] raw = Base64.getUrlDecoder().decode(text);
            if (raw.length == BYTES && raw[0] == VERSION) {
                ByteBuffer b = ByteBuffer.wrap(raw, 1, BYTES - 1);
                return new ReceiptHandle(b.getLong(), b.getLong());
            }
        } catch (IllegalArgumentException notBase64) {
            // falls through to AWS's error
        }
        throw Errors.receiptHandleIsInvalid(text);
    }
}
