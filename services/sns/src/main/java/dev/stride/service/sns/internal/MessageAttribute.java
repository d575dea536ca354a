package dev.stride.service.sns.internal;

/**
 * One message attribute as published.
 *
 * @param dataType    String, String.Array, Number or Binary, possibly with a custom suffix ({@code Number.float})
 * @param stringValue the value for String, String.Array and Number types
 * @param binaryValue the base64 text of a Binary value
 */
public record MessageAttribute(String dataType, String stringValue, String binaryValue) {
    public boolean binary() { return dataType.startsWith("Binary"); }

    public boolean number() { return dataType.startsWith("Number"); }

    public boolean stringArray() { return dataType.startsWith("String.Array"); }

    /** The envelope's {@code Type} (its data type as published). */
    public String envelopeType() { return dataType; }

    /** The envelope's {@code Value}: the string value, or the binary value's base64 text. */
    public String envelopeValue() { return binary() ? binaryValue : stringValue; }
}
