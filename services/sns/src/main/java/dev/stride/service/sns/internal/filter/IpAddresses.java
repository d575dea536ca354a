package dev.stride.service.sns.internal.filter;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Parses literal IP addresses without ever resolving a host name (InetAddress would look one up). */
final class IpAddresses {
    private IpAddresses() {}

    /** The address's bytes (4 or 16), or null when the text is not a literal address. */
    static byte[] parse(String text) {
        if (text.isEmpty()) return null;
        if (text.indexOf(':') >= 0) return parseV6(text);
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) return null;
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(Character::isDigit)) return null;
            int n = Integer.parseInt(parts[i]);
            if (n > 255) return null;
            out[i] = (byte) n;
        }
        return out;
    }

    private static byte[] parseV6(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean hex = Character.digit(c, 16) >= 0;
            if (!hex && c != ':' && c != '.') return null;
        }
        try {
            byte[] b = InetAddress.getByName(text).getAddress(); // only hex digits and colons reach here: no lookup
            return b.length == 16 ? b : null;
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
