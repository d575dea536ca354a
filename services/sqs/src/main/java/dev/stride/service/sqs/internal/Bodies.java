package dev.stride.service.sqs.internal;

/**
 * What SQS allows in a message body: the characters XML 1.0 can carry (#x9 #xA #xD
 * #x20-#xD7FF #xE000-#xFFFD #x10000-#x10FFFF), since the query protocol returns bodies in XML.
 */
final class Bodies {
    private Bodies() {}

    static void checkCharacters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0xD800) continue; // the common case first: one comparison pair per character
            if (c == 0x9 || c == 0xA || c == 0xD) continue;
            if (c < 0x20) throw Errors.invalidContents(c);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw Errors.invalidContents(c);
            }
            if (Character.isLowSurrogate(c) || c == 0xFFFE || c == 0xFFFF) throw Errors.invalidContents(c);
        }
    }

    /** AWS's limit check: the body and the attributes together against the queue's MaximumMessageSize. */
    static void checkSize(int bodyBytes, int attributeBytes, int maximum) {
        if ((long) bodyBytes + attributeBytes > maximum) {
            throw Errors.invalidValue("One or more parameters are invalid. Reason: Message must be shorter than " + maximum + " bytes.");
        }
    }
}
