package dev.assay.grading.builtin;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 CIDR block, and whether it reaches beyond private address space (RFC 1918, shared 100.64/10,
 * loopback, link-local; IPv6 unique local, link-local, loopback).
 */
record Cidr(BigInteger network, int prefix, int bits) {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final List<String> PRIVATE = List.of(
            "10.0.0.0/8",
            "172.16.0.0/12",
            "192.168.0.0/16",
            "100.64.0.0/10",
            "127.0.0.0/8",
            "169.254.0.0/16",
            "fc00::/7",
            "fe80::/10",
            "::1/128");

    static Optional<Cidr> parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String address = text.substring(0, slash);
        if (!IPV4.matcher(address).matches() && !IPV6.matcher(address).matches()) {
            return Optional.empty();
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            int prefix = Integer.parseInt(text.substring(slash + 1));
            int bits = bytes.length * 8;
            if (prefix < 0
                    || prefix > bits
                    || (bits == 32) != IPV4.matcher(address).matches()) {
                return Optional.empty();
            }
            BigInteger value = new BigInteger(1, bytes);
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE.shiftLeft(bits - prefix));
            return Optional.of(new Cidr(value.and(mask), prefix, bits));
        } catch (UnknownHostException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Every address of the family: 0.0.0.0/0 or ::/0. */
    boolean world() {
        return prefix == 0;
    }

    /** Whether some of its addresses are outside private address space. */
    boolean publicAddresses() {
        return PRIVATE.stream()
                .map(Cidr::parse)
                .flatMap(Optional::stream)
                .noneMatch(range -> range.bits == bits && range.prefix <= prefix && within(range));
    }

    private boolean within(Cidr range) {
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE.shiftLeft(bits - range.prefix));
        return network.and(mask).equals(range.network);
    }
}
