package dev.assay.service.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.grading.GraderRegistry;
import dev.assay.service.DockerCli;
import dev.assay.service.catalog.LabCatalog;
import dev.assay.service.db.AssessmentDao;
import dev.assay.service.db.LabSession;
import dev.assay.service.db.LabSessionDao;
import dev.assay.service.db.LabSessionEvent;
import dev.assay.service.db.SessionState;
import dev.assay.service.db.TestDatabases;
import dev.assay.service.environment.EnvironmentHandle;
import dev.assay.service.environment.WarmPool;
import dev.assay.service.environment.docker.DockerEnvironmentDriver;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Fault injection: the database fails while a warm environment is being bound to the session. */
@DisplayName("A start that fails for any reason ends as provision_failed, never stuck in provisioning")
class FailedStartIT {
    private static final String LAB = "git-merge-conflict"; // a lab without parameters: those have no pool

    /** Records nothing and refuses every bind, as a database that went away would. */
    private static final class BrokenLedger implements WarmPool.Ledger {
        @Override
        public void ready(String labId, WarmPool.Entry entry, Instant expiresAt) {}

        @Override
        public boolean bind(EnvironmentHandle handle, String sessionId) {
            throw new IllegalStateException("database gone while binding " + handle.externalId());
        }

        @Override
        public void destroyed(EnvironmentHandle handle) {}

        @Override
        public List<WarmPool.Entry> unclaimed(String labId) {
            return List.of();
        }
    }

    @Test
    void aBindingFailureIsRecorded() throws Exception {
        String instance = "it-failed-start-" + UUID.randomUUID().toString().substring(0, 8);
        Jdbi jdbi = TestDatabases.h2();
        LabCatalog catalog = LabCatalog.load(Path.of("../labs"), GraderRegistry.discover());
        String host = System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock");
        MetricRegistry metrics = new MetricRegistry();
        try (DockerEnvironmentDriver driver = new DockerEnvironmentDriver(
                URI.create(host), instance, Duration.ofSeconds(2), Duration.ofSeconds(30), new ObjectMapper())) {
            WarmPools pools = new WarmPools(
                    Map.of(LAB, 1),
                    catalog,
                    driver,
                    new BrokenLedger(),
                    Duration.ofMinutes(5),
                    Duration.ofHours(1),
                    Clock.systemUTC(),
                    metrics);
            pools.start();
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (pools.ready(LAB) < 1 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(pools.ready(LAB)).isEqualTo(1);
                LabSessions sessions = new LabSessions(
                        jdbi,
                        catalog,
                        new SessionEnvironments(jdbi, List.of(driver)),
                        pools,
                        Duration.ofHours(1),
                        Clock.systemUTC(),
                        metrics);
                long assessment = assessmentWithTheLab(jdbi);

                assertThatThrownBy(() -> sessions.start(assessment, LAB)).hasMessageContaining("database gone");

                LabSession session = jdbi.withExtension(LabSessionDao.class, dao -> dao.latest(assessment, LAB))
                        .orElseThrow();
                assertThat(session.state()).isEqualTo(SessionState.PROVISION_FAILED);
                List<LabSessionEvent> events = jdbi.withExtension(LabSessionDao.class, dao -> dao.events(session.id()));
                assertThat(events)
                        .extracting(LabSessionEvent::detail)
                        .anySatisfy(detail -> assertThat(detail).contains("database gone"));
            } finally {
                pools.stop();
                DockerCli.removeInstance(instance);
            }
        }
    }

    /** An assessment whose candidate was given {@link #LAB}, as an invitation records it. */
    private static long assessmentWithTheLab(Jdbi jdbi) {
        return jdbi.withExtension(AssessmentDao.class, dao -> {
            long id = dao.insertAssessment(
                    dao.insertCandidate("broken@test.local", "Broken", null, Instant.now()),
                    "devops-engineer",
                    "technical",
                    null,
                    Instant.now());
            dao.insertLab(id, 0, LAB);
            return id;
        });
    }
}
