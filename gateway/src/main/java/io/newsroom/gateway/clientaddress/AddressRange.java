package io.newsroom.gateway.clientaddress;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address or CIDR range ({@code 10.0.0.0/8}, {@code ::1}); only IP literals, never host names. */
record AddressRange(byte[] network, int prefixBits) {

    static AddressRange parse(String cidr) {
        int slash = cidr.indexOf('/');
        String address = slash < 0 ? cidr : cidr.substring(0, slash);
        byte[] bytes = literal(address);
        if (bytes == null) {
            throw new IllegalArgumentException("Not an IP address or CIDR range: " + cidr);
        }
        int bits = slash < 0 ? bytes.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
        if (bits < 0 || bits > bytes.length * 8) {
            throw new IllegalArgumentException("Bad prefix length in " + cidr);
        }
        return new AddressRange(bytes, bits);
    }

    boolean contains(String address) {
        byte[] candidate = literal(address);
        if (candidate == null || candidate.length != network.length) {
            return false;
        }
        int fullBytes = prefixBits / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixBits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    /** The address bytes, or null when the text is not an IP literal (so no DNS lookup can ever happen). */
    static byte[] literal(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return null;
        }
        boolean plausible = text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')
                && (text.indexOf(':') >= 0 || text.chars().filter(c -> c == '.').count() == 3);
        if (!plausible) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
