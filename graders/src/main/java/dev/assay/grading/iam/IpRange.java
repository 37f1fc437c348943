package dev.assay.grading.iam;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address or CIDR range, parsed from literal text only: host names are never resolved (a policy
 * naming {@code localhost} is refused, a request from {@code localhost} is no address). A bare address is a /32
 * or /128; host bits under the prefix are ignored.
 */
record IpRange(BigInteger network, int prefix, int bits) {
    private static final Pattern OCTET = Pattern.compile("0|[1-9][0-9]{0,2}");
    private static final Pattern GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
    private static final Pattern PREFIX = Pattern.compile("0|[1-9][0-9]{0,2}");

    /** A range in CIDR form or a bare address; empty when the text is neither. */
    static Optional<IpRange> parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        Optional<IpRange> host = address(address);
        if (host.isEmpty() || slash < 0) {
            return host;
        }
        String length = text.substring(slash + 1);
        if (!PREFIX.matcher(length).matches()
                || Integer.parseInt(length) > host.get().bits()) {
            return Optional.empty();
        }
        int prefix = Integer.parseInt(length);
        return Optional.of(new IpRange(
                mask(host.get().network(), prefix, host.get().bits()),
                prefix,
                host.get().bits()));
    }

    /** A single address (no prefix), as a request carries it. */
    static Optional<IpRange> address(String text) {
        Optional<BigInteger> v4 = ipv4(text);
        if (v4.isPresent()) {
            return Optional.of(new IpRange(v4.get(), 32, 32));
        }
        return ipv6(text).map(value -> new IpRange(value, 128, 128));
    }

    boolean contains(IpRange address) {
        return address.bits() == bits() && mask(address.network(), prefix, bits).equals(network);
    }

    BigInteger last() {
        return network.or(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
    }

    /** The address {@code value} written in this range's family, or empty when it falls outside the family. */
    Optional<String> format(BigInteger value) {
        if (value.signum() < 0 || value.bitLength() > bits) {
            return Optional.empty();
        }
        if (bits == 32) {
            long v = value.longValue();
            return Optional.of((v >> 24) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255));
        }
        StringBuilder out = new StringBuilder();
        for (int group = 7; group >= 0; group--) {
            out.append(Integer.toHexString(value.shiftRight(group * 16).intValue() & 0xffff));
            out.append(group > 0 ? ":" : "");
        }
        return Optional.of(out.toString());
    }

    private static BigInteger mask(BigInteger value, int prefix, int bits) {
        BigInteger hostBits = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
        return value.andNot(hostBits);
    }

    private static Optional<BigInteger> ipv4(String text) {
        String[] octets = text.split("\\.", -1);
        if (octets.length != 4) {
            return Optional.empty();
        }
        long value = 0;
        for (String octet : octets) {
            if (!OCTET.matcher(octet).matches() || Integer.parseInt(octet) > 255) {
                return Optional.empty();
            }
            value = value << 8 | Integer.parseInt(octet);
        }
        return Optional.of(BigInteger.valueOf(value));
    }

    private static Optional<BigInteger> ipv6(String text) {
        int gap = text.indexOf("::");
        if (gap != text.lastIndexOf("::") || text.isEmpty()) {
            return Optional.empty();
        }
        String head = gap < 0 ? text : text.substring(0, gap);
        String tail = gap < 0 ? "" : text.substring(gap + 2);
        Optional<int[]> before = groups(head, gap < 0);
        Optional<int[]> after = groups(tail, true);
        if (before.isEmpty() || after.isEmpty()) {
            return Optional.empty();
        }
        int count = before.get().length + after.get().length;
        if (gap < 0 ? count != 8 : count > 7) {
            return Optional.empty();
        }
        BigInteger value = BigInteger.ZERO;
        for (int group : before.get()) {
            value = value.shiftLeft(16).or(BigInteger.valueOf(group));
        }
        value = value.shiftLeft(16 * (8 - count));
        for (int group : after.get()) {
            value = value.shiftLeft(16).or(BigInteger.valueOf(group));
        }
        return Optional.of(value);
    }

    /** Colon-separated hex groups; the last may be a dotted IPv4 address when {@code mayEndInIpv4}. */
    private static Optional<int[]> groups(String text, boolean mayEndInIpv4) {
        if (text.isEmpty()) {
            return Optional.of(new int[0]);
        }
        String[] parts = text.split(":", -1);
        boolean dotted = mayEndInIpv4 && parts[parts.length - 1].contains(".");
        int[] groups = new int[parts.length + (dotted ? 1 : 0)];
        for (int i = 0; i < parts.length; i++) {
            if (dotted && i == parts.length - 1) {
                Optional<BigInteger> v4 = ipv4(parts[i]);
                if (v4.isEmpty()) {
                    return Optional.empty();
                }
                groups[i] = v4.get().intValue() >>> 16;
                groups[i + 1] = v4.get().intValue() & 0xffff;
            } else if (GROUP.matcher(parts[i]).matches()) {
                groups[i] = Integer.parseInt(parts[i], 16);
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(groups);
    }
}
