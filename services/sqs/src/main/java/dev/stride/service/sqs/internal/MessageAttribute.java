package dev.stride.service.sqs.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One message attribute: a String or Number (carried as text) or a Binary (carried as bytes),
 * its data type possibly with a custom suffix ({@code Number.float}).
 */
record MessageAttribute(String name, String dataType, String stringValue, byte[] binaryValue) implements Comparable<MessageAttribute> {
    boolean binary() { return binaryValue != null; }

    /** What the attribute adds to the message's size, as AWS counts: name, type and value bytes. */
    int size() {
        int value = binary() ? binaryValue.length : utf8Length(stringValue);
        return utf8Length(name) + utf8Length(dataType) + value;
    }

    /** The API's MessageAttributeValue shape. */
    ObjectNode toJson() {
        ObjectNode o = Json.object();
        if (binary()) {
            o.put("BinaryValue", Base64.getEncoder().encodeToString(binaryValue));
        } else {
            o.put("StringValue", stringValue);
        }
        o.put("DataType", dataType);
        return o;
    }

    @Override
    public int compareTo(MessageAttribute o) { return name.compareTo(o.name); }

    static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) n += 1;
            else if (c < 0x800) n += 2;
            else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else n += 3;
        }
        return n;
    }

    static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }
}
