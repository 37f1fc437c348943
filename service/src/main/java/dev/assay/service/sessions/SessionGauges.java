package dev.assay.service.sessions;

import com.codahale.metrics.CachedGauge;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import dev.assay.service.db.GradingJobDao;
import dev.assay.service.db.LabSessionDao;
import dev.assay.service.db.SessionState;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges read from the database, so every replica reports the whole installation (dashboards take the max):
 * lab sessions per live state ({@code assay.sessions.<state>}), unfinished final gradings and how long the oldest
 * has waited since its hand-in. Read at most every 10 s whatever the scrape rate; NaN while the database fails.
 */
public final class SessionGauges {
    private static final Logger LOG = LoggerFactory.getLogger(SessionGauges.class);

    record Snapshot(Map<SessionState, Integer> live, int unfinishedJobs, double oldestJobSeconds) {
        static final Snapshot UNKNOWN = new Snapshot(Map.of(), -1, Double.NaN);
    }

    private SessionGauges() {}

    public static void register(Jdbi jdbi, Clock clock, MetricRegistry metrics) {
        CachedGauge<Snapshot> snapshot = new CachedGauge<>(10, TimeUnit.SECONDS) {
            @Override
            protected Snapshot loadValue() {
                return read(jdbi, clock);
            }
        };
        for (SessionState state : SessionState.live()) {
            gauge(
                    metrics,
                    "assay.sessions." + state.wire(),
                    snapshot,
                    s -> s.live().getOrDefault(state, -1));
        }
        gauge(metrics, "assay.grading.jobs.unfinished", snapshot, Snapshot::unfinishedJobs);
        gauge(metrics, "assay.grading.jobs.oldest-unfinished-seconds", snapshot, Snapshot::oldestJobSeconds);
    }

    static Snapshot read(Jdbi jdbi, Clock clock) {
        try {
            return jdbi.withHandle(handle -> {
                LabSessionDao sessions = handle.attach(LabSessionDao.class);
                GradingJobDao jobs = handle.attach(GradingJobDao.class);
                Map<SessionState, Integer> live =
                        SessionState.live().stream().collect(Collectors.toUnmodifiableMap(s -> s, sessions::countIn));
                double oldest = jobs.oldestUnfinished()
                        .map(at -> Duration.between(at, clock.instant()).toMillis() / 1000.0)
                        .orElse(0.0);
                return new Snapshot(live, jobs.countUnfinished(), oldest);
            });
        } catch (RuntimeException e) {
            LOG.warn("cannot read session gauges: {}", e.toString());
            return Snapshot.UNKNOWN;
        }
    }

    private static void gauge(
            MetricRegistry metrics, String name, Gauge<Snapshot> snapshot, ToDoubleFunction<Snapshot> value) {
        metrics.gauge(name, () -> () -> {
            double read = value.applyAsDouble(snapshot.getValue());
            return read < 0 ? Double.NaN : read;
        });
    }
}
