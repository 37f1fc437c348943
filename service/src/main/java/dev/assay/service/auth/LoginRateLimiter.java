package dev.assay.service.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets for failed logins, one per client address and one per account name: each failure takes a
 * token, a token comes back every {@code refill}, and an empty bucket refuses attempts before any password
 * is checked. Buckets live in memory per replica; the limit holds per replica.
 */
public final class LoginRateLimiter {
    private static final int MAX_TRACKED = 100_000;

    private final int burst;
    private final Duration refill;
    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private record Bucket(double tokens, Instant at) {}

    public LoginRateLimiter(int burst, Duration refill, Clock clock) {
        this.burst = burst;
        this.refill = refill;
        this.clock = clock;
    }

    /** How long the caller must wait before another attempt with these keys, if it must. */
    public Optional<Duration> blockedFor(String... keys) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        for (String key : keys) {
            Bucket bucket = buckets.get(key);
            if (bucket == null) {
                continue;
            }
            double tokens = refilled(bucket, now);
            if (tokens < 1.0) {
                Duration wait = Duration.ofMillis((long) Math.ceil((1.0 - tokens) * refill.toMillis()));
                longest = wait.compareTo(longest) > 0 ? wait : longest;
            }
        }
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    public void recordFailure(String... keys) {
        Instant now = clock.instant();
        if (buckets.size() > MAX_TRACKED) {
            buckets.entrySet().removeIf(e -> refilled(e.getValue(), now) >= burst);
        }
        for (String key : keys) {
            buckets.compute(key, (k, old) -> {
                double tokens = old == null ? burst : refilled(old, now);
                return new Bucket(Math.max(0.0, tokens - 1.0), now);
            });
        }
    }

    public void recordSuccess(String key) {
        buckets.remove(key);
    }

    private double refilled(Bucket bucket, Instant now) {
        double elapsed = Duration.between(bucket.at(), now).toMillis() / (double) refill.toMillis();
        return Math.min(burst, bucket.tokens() + Math.max(0.0, elapsed));
    }
}
