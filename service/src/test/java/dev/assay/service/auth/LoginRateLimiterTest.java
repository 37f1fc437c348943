package dev.assay.service.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginRateLimiterTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    private final LoginRateLimiter limiter = new LoginRateLimiter(3, Duration.ofMinutes(1), clock);

    @Test
    void refusesOnceTheBurstIsSpentAndSaysForHowLong() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("client:a")).isEmpty();
        }
        assertThat(limiter.tryAcquire("client:a")).contains(Duration.ofMinutes(1));
        assertThat(limiter.tryAcquire("client:b")).isEmpty();
    }

    @Test
    void oneAttemptComesBackPerRefillPeriod() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("k");
        }
        clock.advance(Duration.ofSeconds(30));
        assertThat(limiter.tryAcquire("k")).contains(Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(30));
        assertThat(limiter.tryAcquire("k")).isEmpty();
        assertThat(limiter.tryAcquire("k")).isPresent();
    }

    @Test
    void aRefusedAttemptTakesNothingAndASuccessGivesItsTokensBack() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("client:x");
        }
        assertThat(limiter.tryAcquire("account:y", "client:x")).isPresent();
        assertThat(limiter.tryAcquire("account:y")).isEmpty(); // the refused attempt left account:y alone
        limiter.refund("client:x");
        assertThat(limiter.tryAcquire("client:x")).isEmpty();
    }

    @Test
    void concurrentAttemptsNeverExceedTheBurst() throws InterruptedException {
        java.util.concurrent.atomic.AtomicInteger granted = new java.util.concurrent.atomic.AtomicInteger();
        Thread[] threads = new Thread[16];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 50; i++) {
                    if (limiter.tryAcquire("client:z").isEmpty()) {
                        granted.incrementAndGet();
                    }
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(granted).hasValue(3);
    }

    @Test
    void keysStandForTheClientsNetwork() {
        assertThat(LoginRateLimiter.clientKey("10.1.2.3")).isEqualTo("client:10.1.2.3");
        assertThat(LoginRateLimiter.clientKey("2001:db8:1:2:aaaa::1"))
                .isEqualTo(LoginRateLimiter.clientKey("2001:db8:1:2:bbbb::9"))
                .isNotEqualTo(LoginRateLimiter.clientKey("2001:db8:1:3::1"));
        assertThat(LoginRateLimiter.accountKey("a@b.c", "10.1.2.3")).isEqualTo("account:a@b.c|10.1.2.3");
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
