package dev.assay.service.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GradingJobDaoTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    static Stream<Named<Jdbi>> databases() {
        return TestDatabases.both();
    }

    private static List<Long> handedIn(Jdbi jdbi, int count, String replica, Instant leaseUntil) {
        long assessment = jdbi.withExtension(
                AssessmentDao.class,
                dao -> dao.insertAssessment(
                        dao.insertCandidate("jobs@example.com", "Jobs", null, NOW),
                        "devops-engineer",
                        "technical",
                        null,
                        NOW));
        List<Long> sessions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String lab = "lab-" + i;
            long id = jdbi.withExtension(LabSessionDao.class, dao -> dao.insert(assessment, lab, "1", 1, NOW));
            jdbi.useExtension(GradingJobDao.class, dao -> dao.insertClaimed(id, replica, leaseUntil, NOW));
            sessions.add(id);
        }
        return sessions;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aHeldJobIsNotDueAndAnExpiredOneIsClaimedOnce(Jdbi jdbi) {
        List<Long> held = handedIn(jdbi, 1, "a", NOW.plusSeconds(60));
        List<Long> left = handedIn(jdbi, 1, "dead", NOW.minusSeconds(1));
        jdbi.useExtension(GradingJobDao.class, dao -> {
            assertThat(dao.claimDue("b", NOW, NOW.plusSeconds(60), 10)).containsExactlyElementsOf(left);
            assertThat(dao.claimDue("c", NOW, NOW.plusSeconds(60), 10))
                    .as("b holds it now")
                    .isEmpty();
            assertThat(dao.renew(left.get(0), "dead", NOW.plusSeconds(60)))
                    .as("the replica that lost its lease cannot renew it")
                    .isZero();
            assertThat(dao.finish(held.get(0), "b", NOW))
                    .as("only the holder finishes")
                    .isZero();
            assertThat(dao.finish(left.get(0), "b", NOW)).isOne();
            assertThat(dao.describe(left.get(0))).containsExactly("b 2 done");
        });
    }

    /** Four replicas claim 40 left jobs at once: SKIP LOCKED hands each to exactly one of them. */
    @ParameterizedTest
    @MethodSource("databases")
    void concurrentClaimsNeverShareAJob(Jdbi jdbi) throws Exception {
        List<Long> left = handedIn(jdbi, 40, "dead", NOW.minusSeconds(1));
        ExecutorService replicas = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Long> claimed = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                String replica = "replica-" + r;
                runs.add(replicas.submit(() -> {
                    go.await();
                    for (List<Long> batch = List.of(0L); !batch.isEmpty(); ) {
                        batch = jdbi.withExtension(
                                GradingJobDao.class, dao -> dao.claimDue(replica, NOW, NOW.plusSeconds(60), 3));
                        claimed.addAll(batch);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            replicas.shutdownNow();
        }
        assertThat(claimed).hasSize(40).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(left);
    }
}
