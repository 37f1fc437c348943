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
            assertThat(limiter.blockedFor("client:a")).isEmpty();
            limiter.recordFailure("client:a");
        }
        assertThat(limiter.blockedFor("client:a")).contains(Duration.ofMinutes(1));
        assertThat(limiter.blockedFor("client:b")).isEmpty();
    }

    @Test
    void oneAttemptComesBackPerRefillPeriod() {
        for (int i = 0; i < 3; i++) {
            limiter.recordFailure("account:x");
        }
        clock.advance(Duration.ofSeconds(30));
        assertThat(limiter.blockedFor("account:x")).contains(Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(30));
        assertThat(limiter.blockedFor("account:x")).isEmpty();
        limiter.recordFailure("account:x");
        assertThat(limiter.blockedFor("account:x")).isPresent();
    }

    @Test
    void anyBlockedKeyBlocksTheAttempt() {
        for (int i = 0; i < 3; i++) {
            limiter.recordFailure("account:victim", "client:" + i);
        }
        assertThat(limiter.blockedFor("account:victim", "client:fresh")).isPresent();
        limiter.recordSuccess("account:victim");
        assertThat(limiter.blockedFor("account:victim", "client:fresh")).isEmpty();
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
