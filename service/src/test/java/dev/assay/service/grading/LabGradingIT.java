package dev.assay.service.grading;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.grading.GraderRegistry;
import dev.assay.service.DockerCli;
import dev.assay.service.catalog.Lab;
import dev.assay.service.catalog.LabCatalog;
import dev.assay.service.db.AssessmentDao;
import dev.assay.service.db.EnvironmentHandleDao;
import dev.assay.service.db.GradeEventDao;
import dev.assay.service.db.LabSession;
import dev.assay.service.db.SessionState;
import dev.assay.service.db.TestDatabases;
import dev.assay.service.environment.EnvironmentDriver;
import dev.assay.service.environment.EnvironmentHandle;
import dev.assay.service.environment.ExecRequest;
import dev.assay.service.environment.ExecResult;
import dev.assay.service.environment.WarmPool;
import dev.assay.service.environment.docker.DockerEnvironmentDriver;
import dev.assay.service.scoring.GradeLog;
import dev.assay.service.scoring.Rubric;
import dev.assay.service.scoring.Scorecard;
import dev.assay.service.scoring.Scoring;
import dev.assay.service.scoring.Verdict;
import dev.assay.service.sessions.HandIn;
import dev.assay.service.sessions.LabEvents;
import dev.assay.service.sessions.LabSessions;
import dev.assay.service.sessions.SessionEnvironments;
import dev.assay.service.sessions.WarmPools;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The linux-web-outage lab graded end to end on the real engine: untouched, solved, each near miss, and an
 * untouched lab whose candidate forged the tools graders could have trusted. Every figure comes from real
 * containers and real probes.
 */
@DisplayName("Grading the nginx lab: the solution passes, near misses fail, forged tools change nothing")
class LabGradingIT {
    private static final String LAB = "linux-web-outage";
    private static final String INSTANCE =
            "it-grading-" + UUID.randomUUID().toString().substring(0, 8);
    private static final Clock CLOCK = Clock.systemUTC();
    private static final dev.assay.service.scoring.AuditKey KEY = dev.assay.service.scoring.AuditKey.of(new byte[32]);

    private static Jdbi jdbi;
    private static LabCatalog catalog;
    private static DockerEnvironmentDriver driver;
    private static GradingEngine engine;
    private static LabSessions sessions;
    private static Grading grading;

    @BeforeAll
    static void start() {
        jdbi = TestDatabases.h2();
        catalog = LabCatalog.load(Path.of("../labs"), GraderRegistry.discover());
        String host = System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock");
        driver = new DockerEnvironmentDriver(
                URI.create(host), INSTANCE, Duration.ofSeconds(2), Duration.ofSeconds(30), new ObjectMapper());
        List<EnvironmentDriver> drivers = List.of(driver);
        MetricRegistry metrics = new MetricRegistry();
        WarmPools pools = new WarmPools(
                Map.of(),
                catalog,
                driver,
                WarmPool.Ledger.local(),
                Duration.ofMinutes(5),
                Duration.ofHours(1),
                CLOCK,
                metrics);
        SessionEnvironments environments = new SessionEnvironments(jdbi, drivers);
        sessions = new LabSessions(jdbi, catalog, environments, pools, Duration.ofHours(1), CLOCK, metrics);
        engine = new GradingEngine(GraderRegistry.discover(), CLOCK);
        Scoring scoring = new Scoring(jdbi, catalog, new GradeLog(jdbi, CLOCK, KEY), new ObjectMapper());
        LabEvents events = new LabEvents();
        events.onGraded(graded -> scoring.record(graded.assessmentId()));
        grading = new Grading(jdbi, catalog, environments, engine, CLOCK, new ObjectMapper(), metrics, events);
    }

    @AfterAll
    static void stop() {
        engine.close();
        DockerCli.removeInstance(INSTANCE);
        driver.close();
    }

    private static Lab lab() {
        return catalog.lab(LAB).orElseThrow();
    }

    /** A started session of the lab, for a new candidate. */
    private static LabSession started() {
        long assessment = jdbi.withExtension(AssessmentDao.class, dao -> {
            long id = dao.insertAssessment(
                    dao.insertCandidate("grading@test.local", "Grading", null, Instant.now()),
                    "devops-engineer",
                    "technical",
                    null,
                    Instant.now());
            dao.insertLab(id, 0, LAB); // the lab the candidate was given
            return id;
        });
        LabSession session = sessions.start(assessment, LAB);
        assertThat(session.state()).isEqualTo(SessionState.ACTIVE);
        return session;
    }

    private static EnvironmentHandle handle(LabSession session) {
        return jdbi.withExtension(EnvironmentHandleDao.class, dao -> dao.forSession(session.id()))
                .orElseThrow()
                .handle();
    }

    private static void runInLab(LabSession session, String script) {
        ExecResult result = driver.exec(handle(session), ExecRequest.shell(script, Duration.ofSeconds(60)));
        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
    }

    /** A lab's script, with the session's parameter values as setup gets them ($ASSAY_P_<NAME>). */
    private static void runFile(LabSession session, Path script) throws Exception {
        var lab = catalog.lab(session.labId()).orElseThrow();
        var values = dev.assay.service.sessions.Variants.recorded(jdbi, session.id())
                .orElseGet(() -> lab.parameters().defaults());
        runInLab(session, lab.parameters().shellPrologue(values) + Files.readString(script));
    }

    /** Submits and returns the final result, check id to status. */
    private static LabResult submit(LabSession session) {
        EnvironmentHandle environment = handle(session);
        long started = System.nanoTime();
        LabSession after = grading.submit(session.id(), HandIn.submitted());
        System.out.printf("final grading of %s: %d ms%n", LAB, (System.nanoTime() - started) / 1_000_000);
        assertThat(after.state()).isEqualTo(SessionState.GRADED);
        assertThat(driver.status(environment).name())
                .as("the environment is removed after grading")
                .isEqualTo("GONE");
        return grading.finalResult(session.id()).orElseThrow();
    }

    private static Map<String, String> statuses(LabResult result) {
        return result.tests().stream().collect(Collectors.toMap(LabResult.Test::id, LabResult.Test::status));
    }

    @Test
    @DisplayName("forged curl, cat, ps and nginx, ld.so.preload and renamed processes score as the untouched lab")
    void forgedToolsChangeNothing() throws Exception {
        LabResult untouched = submit(started());
        LabSession forged = started();
        runInLab(
                forged,
                String.join(
                        "\n",
                        "set -e",
                        "for tool in /usr/bin/curl /bin/cat /usr/bin/cat /bin/ps /usr/bin/ps /usr/sbin/nginx; do",
                        "  [ -e \"$tool\" ] || continue",
                        "  printf '#!/bin/sh\\necho \"Welcome to the shop\"; echo \"LISTEN 0.0.0.0:80 nginx\"; exit 0\\n'"
                                + " > \"$tool\"; chmod 755 \"$tool\"",
                        "done",
                        "echo /nonexistent/libfake.so > /etc/ld.so.preload",
                        "(exec -a nginx sleep 600 &) ; (exec -a '/usr/sbin/nginx -g daemon off;' sleep 600 &)",
                        "true"));
        LabResult result = submit(forged);
        assertThat(result.score()).as("counted score").isEqualTo(untouched.score());
        assertThat(result.earned()).isEqualTo(untouched.earned());
        assertThat(statuses(result).get("nginx-test-in-lab"))
                .as("the advisory check believed the forged nginx, and does not count")
                .isEqualTo("pass");
        assertThat(result.tests())
                .filteredOn(t -> t.id().equals("nginx-test-in-lab"))
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.counted()).isFalse();
                    assertThat(t.trusted()).isFalse();
                });
    }

    @Test
    @DisplayName("twenty submits at once: one grading run, one result")
    void concurrentSubmitsGradeOnce() throws Exception {
        LabSession session = started();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        var go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<LabSession>> submits = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            submits.add(pool.submit(() -> {
                go.await();
                return grading.submit(session.id(), HandIn.submitted());
            }));
        }
        go.countDown();
        for (var submit : submits) {
            submit.get(120, java.util.concurrent.TimeUnit.SECONDS);
        }
        pool.shutdown();
        int runs =
                jdbi.withExtension(dev.assay.service.db.CheckResultDao.class, dao -> dao.runsOf(session.id(), "final"));
        assertThat(runs).isEqualTo(1);
        assertThat(grading.finalResult(session.id()).orElseThrow().tests())
                .hasSize(lab().checks().size());
        long graded =
                jdbi.withExtension(dev.assay.service.db.LabSessionDao.class, dao -> dao.events(session.id())).stream()
                        .filter(event -> event.toState() == SessionState.GRADED)
                        .count();
        assertThat(graded).isEqualTo(1);
    }

    @Test
    @DisplayName("the stage is scored from stored results; a draft rubric rescores it without running a grader")
    void rescoreFromStoredResults() throws Exception {
        LabSession session = started();
        runFile(
                session,
                lab().mutants().stream()
                        .filter(m -> m.id().equals("not-running"))
                        .findFirst()
                        .orElseThrow()
                        .script());
        submit(session);
        Scoring scoring = new Scoring(jdbi, catalog, new GradeLog(jdbi, CLOCK, KEY), new ObjectMapper());
        Scorecard current = scoring.current(session.assessmentId());
        assertThat(current.recommendation().verdict()).isEqualTo(Verdict.REJECT);
        assertThat(current.recommendation().reasons()).contains("gate " + LAB + "/serves-shop failed");
        assertThat(current.versions())
                .containsEntry("lab:" + LAB, lab().version())
                .containsKey("grader:http");

        int rows = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM check_results")
                .mapTo(Integer.class)
                .one());
        Rubric files = Rubric.ofFiles(catalog.role("devops-engineer").orElseThrow(), "technical", catalog);
        Rubric draft = withoutTheGate(files);
        Scorecard rescored = scoring.rescore(session.assessmentId(), draft);
        assertThat(rescored.recommendation().verdict())
                .as(rescored.recommendation().reasons().toString())
                .isEqualTo(Verdict.ADVANCE);
        int after = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM check_results")
                .mapTo(Integer.class)
                .one());
        assertThat(after).as("no grader ran for the rescore").isEqualTo(rows);

        var logged = jdbi.withExtension(GradeEventDao.class, dao -> dao.all(session.assessmentId()));
        assertThat(logged).extracting(GradeEventDao.Event::eventType).containsExactly(Scoring.SCORED);
        assertThat(GradeLog.verify(KEY, logged)).isEqualTo(-1);
    }

    /**
     * The hiring team's draft: serving the shop is no longer a gate and barely weighs, nor does nginx listening;
     * the configuration check weighs 10 points; every check measures Linux only.
     */
    private static Rubric withoutTheGate(Rubric files) {
        Map<String, Rubric.CheckWeights> checks = new java.util.LinkedHashMap<>();
        Rubric.LabWeights lab = java.util.Objects.requireNonNull(files.labs().get(LAB));
        lab.checks()
                .forEach((id, w) -> checks.put(
                        id,
                        id.equals("config-serves-80")
                                ? new Rubric.CheckWeights(10, w.gate(), Map.of("linux", 1.0))
                                : new Rubric.CheckWeights(0.01, false, Map.of("linux", 1.0))));
        return new Rubric(
                files.roleId(),
                files.stage(),
                1,
                files.cuts(),
                Map.of(LAB, new Rubric.LabWeights(lab.version(), checks)));
    }
}
