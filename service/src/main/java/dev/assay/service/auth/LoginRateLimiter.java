package dev.assay.service.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Token buckets for sign-in attempts. Each attempt takes a token from every bucket it names before the
 * password is checked (so parallel guesses cannot slip past), a successful sign-in gives its tokens back,
 * and a token returns every {@code refill}. Buckets live in memory per replica.
 *
 * <p>Keys are built by {@link #clientKey} and {@link #accountKey}: per client network (an IPv4 address, an
 * IPv6 /64) and per account <em>from that network</em>, so an attacker exhausts only their own buckets and
 * cannot lock a staff member out from elsewhere.
 */
public final class LoginRateLimiter {
    private static final int MAX_TRACKED = 100_000;

    private final int burst;
    private final Duration refill;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new HashMap<>();

    private record Bucket(double tokens, Instant at) {}

    public LoginRateLimiter(int burst, Duration refill, Clock clock) {
        this.burst = burst;
        this.refill = refill;
        this.clock = clock;
    }

    public static String clientKey(String address) {
        return "client:" + network(address);
    }

    public static String accountKey(String normalizedEmail, String address) {
        return "account:" + normalizedEmail + "|" + network(address);
    }

    /**
     * Takes one token from each bucket and returns empty, or, when any bucket is empty, takes nothing and
     * returns how long until every bucket has a token again.
     */
    public synchronized Optional<Duration> tryAcquire(String... keys) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        for (String key : keys) {
            double tokens = tokens(key, now);
            if (tokens < 1.0) {
                Duration wait = Duration.ofMillis((long) Math.ceil((1.0 - tokens) * refill.toMillis()));
                longest = wait.compareTo(longest) > 0 ? wait : longest;
            }
        }
        if (!longest.isZero()) {
            return Optional.of(longest);
        }
        if (buckets.size() > MAX_TRACKED) {
            buckets.keySet().removeIf(key -> tokens(key, now) >= burst);
        }
        for (String key : keys) {
            buckets.put(key, new Bucket(tokens(key, now) - 1.0, now));
        }
        return Optional.empty();
    }

    /** Gives back the tokens of an attempt that succeeded. */
    public synchronized void refund(String... keys) {
        Instant now = clock.instant();
        for (String key : keys) {
            double tokens = Math.min(burst, tokens(key, now) + 1.0);
            if (tokens >= burst) {
                buckets.remove(key);
            } else {
                buckets.put(key, new Bucket(tokens, now));
            }
        }
    }

    private double tokens(String key, Instant now) {
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            return burst;
        }
        double elapsed = Duration.between(bucket.at(), now).toMillis() / (double) refill.toMillis();
        return Math.min(burst, bucket.tokens() + Math.max(0.0, elapsed));
    }

    /** The network an address stands for: itself for IPv4, its /64 for IPv6 (one host usually owns a /64). */
    static String network(String address) {
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length == 16) {
                StringBuilder prefix = new StringBuilder();
                for (int i = 0; i < 8; i += 2) {
                    prefix.append(String.format("%02x%02x:", bytes[i], bytes[i + 1]));
                }
                return prefix.append(":/64").toString();
            }
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return address; // not an IP literal (a test double or a proxy's label): use it as it is
        }
    }
}
