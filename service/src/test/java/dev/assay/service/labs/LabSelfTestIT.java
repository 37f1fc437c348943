package dev.assay.service.labs;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.grading.GraderRegistry;
import dev.assay.service.DockerCli;
import dev.assay.service.catalog.Lab;
import dev.assay.service.catalog.LabCatalog;
import dev.assay.service.db.AssessmentDao;
import dev.assay.service.db.EnvironmentHandleDao;
import dev.assay.service.db.LabSession;
import dev.assay.service.db.SessionState;
import dev.assay.service.db.TestDatabases;
import dev.assay.service.environment.EnvironmentDriver;
import dev.assay.service.environment.EnvironmentHandle;
import dev.assay.service.environment.ExecRequest;
import dev.assay.service.environment.ExecResult;
import dev.assay.service.environment.WarmPool;
import dev.assay.service.environment.docker.DockerEnvironmentDriver;
import dev.assay.service.environment.kubernetes.KubeCluster;
import dev.assay.service.environment.kubernetes.KubeDrivers;
import dev.assay.service.environment.kubernetes.KubernetesEnvironmentDriver;
import dev.assay.service.grading.Grading;
import dev.assay.service.grading.GradingEngine;
import dev.assay.service.grading.LabResult;
import dev.assay.service.scoring.AuditKey;
import dev.assay.service.scoring.GradeLog;
import dev.assay.service.scoring.Scoring;
import dev.assay.service.sessions.HandIn;
import dev.assay.service.sessions.LabEvents;
import dev.assay.service.sessions.LabSessions;
import dev.assay.service.sessions.SessionEnvironments;
import dev.assay.service.sessions.Variants;
import dev.assay.service.sessions.WarmPools;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/**
 * The self-test of every lab in {@code labs/} (labs/README.md, "The self-test"), on the real Docker engine (and the test
 * cluster, started only when a selected lab runs on Kubernetes) and the real graders, through the same sessions and grading the service uses: the untouched environment scores at
 * most the lab's free-points ceiling; the reference solution and every alternative ({@code
 * solution/alternative-*.sh}) earn every point; each mutant fails exactly the checks it names and passes the rest.
 * Prints, per lab and case, the setup time (provisioning and the lab's setup steps), the grading time and the
 * score. A lab's setup must take at most {@value #MAX_SETUP_SECONDS} s on its own; while cases run side by side on the
 * same cores, half as much again per extra case.
 */
@DisplayName("Every lab is solvable, not free, and its near misses fail what they name")
class LabSelfTestIT {
    static final int MAX_SETUP_SECONDS = 10;

    /** How long one solution, alternative, mutant or tamper script may run. */
    private static final Duration SCRIPT_LIMIT = Duration.ofMinutes(5);

    static final String SEED_PROPERTY = SelfTestSeeds.SEED_PROPERTY;
    private static final dev.assay.service.catalog.Variant DRAW = SelfTestSeeds.DRAW;
    private static final String ROLE = "selftest";
    private static final String INSTANCE = "selftest-" + Long.toHexString(System.nanoTime());
    private static final Clock CLOCK = Clock.systemUTC();

    @SuppressWarnings("NullAway.Init") // set in @BeforeAll
    private static Jdbi jdbi;

    @SuppressWarnings("NullAway.Init") // set in @BeforeAll
    private static LabCatalog catalog;

    /** The test cluster, started only when a selected lab runs on Kubernetes. */
    @RegisterExtension
    static final KubeCluster CLUSTER =
            new KubeCluster(() -> selected(LabCatalog.load(Path.of("../labs"), GraderRegistry.discover()))
                    .anyMatch(LabSelfTestIT::onKubernetes));

    @SuppressWarnings("NullAway.Init") // set in @BeforeAll
    private static DockerEnvironmentDriver driver;

    private static @org.jspecify.annotations.Nullable KubernetesEnvironmentDriver kubernetes;

    @SuppressWarnings("NullAway.Init") // set in @BeforeAll
    private static GradingEngine engine;

    @SuppressWarnings("NullAway.Init") // set in @BeforeAll
    private static LabSessions sessions;

    @SuppressWarnings("NullAway.Init") // set in @BeforeAll
    private static Grading grading;

    @BeforeAll
    static void start() {
        jdbi = TestDatabases.h2();
        catalog = LabCatalog.load(SelfTestLabs.everyLabInItsStage(Path.of("../labs"), ROLE), GraderRegistry.discover());
        assertThat(catalog.problems()).as("every lab and role validates").isEmpty();
        String host = System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock");
        driver = new DockerEnvironmentDriver(
                URI.create(host), INSTANCE, Duration.ofSeconds(2), Duration.ofSeconds(30), new ObjectMapper());
        List<EnvironmentDriver> drivers = new ArrayList<>(List.of(driver));
        if (selected(catalog).anyMatch(LabSelfTestIT::onKubernetes)) {
            KubernetesEnvironmentDriver cluster = KubeDrivers.driver(CLUSTER, INSTANCE);
            kubernetes = cluster;
            drivers.add(cluster);
        }
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
        sessions = new LabSessions(
                jdbi,
                catalog,
                environments,
                pools,
                Variants.keyed(jdbi, SelfTestSeeds.VARIANT_KEY),
                Duration.ofHours(1),
                CLOCK,
                metrics);
        engine = new GradingEngine(GraderRegistry.discover(), CLOCK);
        AuditKey key = AuditKey.of(new byte[32]);
        Scoring scoring = new Scoring(jdbi, catalog, new GradeLog(jdbi, CLOCK, key), new ObjectMapper());
        LabEvents events = new LabEvents();
        events.onGraded(graded -> scoring.record(graded.assessmentId()));
        grading = new Grading(jdbi, catalog, environments, engine, CLOCK, new ObjectMapper(), metrics, events);
    }

    @AfterAll
    static void stop() {
        SelfTestReport.print(SEED_PROPERTY);
        if (cases != null) {
            cases.shutdownNow();
        }
        if (kubeCases != null) {
            kubeCases.shutdownNow();
        }
        if (engine != null) {
            engine.close();
        }
        KubernetesEnvironmentDriver cluster = kubernetes;
        if (cluster != null) {
            cluster.listManaged().forEach(env -> cluster.destroy(env.handle()));
            cluster.close();
        }
        for (String instance : List.of(INSTANCE, INSTANCE + "-k8s")) {
            DockerCli.removeInstance(instance);
        }
        DockerCli.run("volume", "rm", "-f", "assay-relay-" + INSTANCE + "-k8s");
        if (driver != null) {
            driver.close();
        }
    }

    /**
     * Cases run {@value #DEFAULT_PARALLEL} at a time by default ({@code ASSAY_SELFTEST_PARALLEL}): a case mostly
     * waits (container starts, a solution's rollout, a steadiness watch), so two on two cores keep the 10 s setup
     * limit and nearly halve the run. Kubernetes labs' cases have a pool of their own, beside it
     * ({@code ASSAY_SELFTEST_KUBE_PARALLEL}, default {@value #DEFAULT_KUBE_PARALLEL}): they wait on the cluster
     * (rollouts, steadiness) for a third of the run, while container cases keep the cores busy. Every case is
     * queued at once, in report order; each dynamic test waits for its own and reports it, so a failure is still
     * named by lab and case.
     */
    private static final int DEFAULT_PARALLEL = 2;

    private static final int DEFAULT_KUBE_PARALLEL = 2;

    @SuppressWarnings("NullAway.Init") // set in everyLab
    private static ExecutorService cases;

    @SuppressWarnings("NullAway.Init") // set in everyLab
    private static ExecutorService kubeCases;

    private static int parallelCases = 1;

    @TestFactory
    Stream<DynamicNode> everyLab() {
        int parallel = Integer.parseInt(
                System.getenv().getOrDefault("ASSAY_SELFTEST_PARALLEL", Integer.toString(DEFAULT_PARALLEL)));
        int kubeParallel = Math.max(
                1,
                Integer.parseInt(System.getenv()
                        .getOrDefault("ASSAY_SELFTEST_KUBE_PARALLEL", Integer.toString(DEFAULT_KUBE_PARALLEL))));
        cases = Executors.newFixedThreadPool(Math.max(1, parallel));
        kubeCases = Executors.newFixedThreadPool(kubeParallel);
        boolean anyKube = selected(catalog).anyMatch(LabSelfTestIT::onKubernetes);
        parallelCases = Math.max(1, parallel) + (anyKube ? kubeParallel : 0);
        List<DynamicNode> labs = selected(catalog)
                .sorted(java.util.Comparator.comparing(Lab::id))
                .map(lab -> (DynamicNode) DynamicContainer.dynamicContainer(
                        lab.id(),
                        cases(lab).stream()
                                .map(c -> queued(lab, c, onKubernetes(lab) ? kubeCases : cases))
                                .toList()))
                .toList();
        return labs.stream();
    }

    /** One case of a lab: its name and what it checks. */
    private record Case(String name, Executable body) {}

    /** Queues the case now and gives the dynamic test that waits for it. */
    private static DynamicTest queued(Lab lab, Case item, ExecutorService pool) {
        Future<?> running = pool.submit(() -> {
            try {
                item.body().execute();
                SelfTestReport.outcome(lab.id(), item.name(), null);
            } catch (Exception | Error e) {
                SelfTestReport.outcome(lab.id(), item.name(), e);
                throw e;
            } catch (Throwable other) {
                SelfTestReport.outcome(lab.id(), item.name(), other);
                throw new IllegalStateException(other);
            }
            return null;
        });
        return DynamicTest.dynamicTest(item.name(), () -> {
            try {
                running.get();
            } catch (ExecutionException e) {
                throw e.getCause() == null ? e : e.getCause();
            }
        });
    }

    /** Every lab, or those named in {@code ASSAY_SELFTEST_LABS} (comma-separated ids). */
    private static Stream<Lab> selected(LabCatalog labs) {
        String only = System.getenv().getOrDefault("ASSAY_SELFTEST_LABS", "");
        return labs.labs().stream()
                .filter(lab -> only.isBlank() || List.of(only.split(",")).contains(lab.id()));
    }

    private static boolean onKubernetes(Lab lab) {
        return "kubernetes".equals(lab.environment().kind());
    }

    private static List<Case> cases(Lab lab) {
        if (lab.parameters().isEmpty()) {
            return cases(lab, null);
        }
        List<Case> cases = new ArrayList<>();
        for (long seed : SelfTestSeeds.seeds()) {
            for (Case item : cases(lab, seed)) {
                cases.add(new Case(item.name() + " (seed " + seed + ")", item.body()));
            }
        }
        return cases;
    }

    /** The cases of one variant of the lab: {@code seed} null for a lab without parameters. */
    private static List<Case> cases(Lab lab, @org.jspecify.annotations.Nullable Long seed) {
        List<Case> cases = new ArrayList<>();
        SelfTestVariant variant = new SelfTestVariant(seed, null);
        cases.add(new Case("untouched scores at most the free points", () -> untouched(lab, variant)));
        cases.add(new Case("the reference solution earns every point", () -> solved(lab, lab.solution(), variant)));
        List<Path> alternatives = SelfTestLabs.alternatives(lab);
        cases.add(new Case(
                "it has a correct alternative solution",
                () -> assertThat(alternatives).isNotEmpty()));
        for (Path alternative : alternatives) {
            cases.add(new Case(
                    "alternative " + alternative.getFileName() + " earns every point",
                    () -> solved(lab, alternative, variant)));
        }
        cases.add(new Case(
                "it has at least 2 mutants", () -> assertThat(lab.mutants()).hasSizeGreaterThanOrEqualTo(2)));
        for (Lab.Mutant mutant : lab.mutants()) {
            cases.add(new Case(
                    "mutant " + mutant.id() + " fails exactly " + mutant.fails(), () -> mutant(lab, mutant, variant)));
        }
        for (Lab.Tamper tamper : lab.tampers()) {
            cases.add(new Case(
                    "tamper " + tamper.id() + " scores no more than untouched", () -> tamper(lab, tamper, variant)));
        }
        if (seed != null) {
            cases.add(new Case(
                    "transfer: the solution for another variant fails a gate and scores at most half",
                    () -> transfer(lab, seed)));
        }
        return cases;
    }

    /**
     * The untouched lab's result, graded once per lab: the untouched case and every tamper attempt compare with it
     * (whichever asks first grades it; the others wait for that run).
     */
    private static final Map<String, CompletableFuture<LabResult>> UNTOUCHED = new ConcurrentHashMap<>();

    private static LabResult untouchedResult(Lab lab, SelfTestVariant variant) {
        CompletableFuture<LabResult> mine = new CompletableFuture<>();
        CompletableFuture<LabResult> first = UNTOUCHED.putIfAbsent(lab.id() + "@" + variant.seed(), mine);
        if (first != null) {
            return first.join();
        }
        try {
            mine.complete(run(lab, "untouched", List.of(), variant));
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        }
        return mine.join();
    }

    private static void untouched(Lab lab, SelfTestVariant variant) {
        LabResult result = untouchedResult(lab, variant);
        double share = result.earned() / lab.points();
        assertThat(share)
                .as(
                        "an untouched %s scores %.2f of its points; its ceiling is %.2f",
                        lab.id(), share, lab.freePointsCeiling())
                .isLessThanOrEqualTo(lab.freePointsCeiling() + 1e-9);
    }

    /** Items of the interviewer's rubric: people rate them, so no script earns or loses them. */
    private static java.util.Set<String> rated(Lab lab) {
        return lab.checks().stream()
                .filter(check -> check.grader().equals("interviewer"))
                .map(Lab.Check::id)
                .collect(Collectors.toSet());
    }

    private static void solved(Lab lab, Path script, SelfTestVariant variant) {
        LabResult result = run(lab, script.getFileName().toString(), List.of(script), variant);
        assertThat(result.tests())
                .filteredOn(test -> !rated(lab).contains(test.id()))
                .allSatisfy(test -> assertThat(test.status())
                        .as("%s: %s (%s)", test.id(), test.message(), test.output())
                        .isEqualTo("pass"));
        assertThat(result.score()).as("every counted point").isEqualTo(1.0);
    }

    private static void mutant(Lab lab, Lab.Mutant mutant, SelfTestVariant variant) {
        List<Path> scripts = mutant.onSolution() ? List.of(lab.solution(), mutant.script()) : List.of(mutant.script());
        LabResult result = run(lab, "mutant " + mutant.id(), scripts, variant);
        // A named check must lose credit (fail, or partial for a grader that gives part of it); the rest pass.
        Map<String, String> statuses = new TreeMap<>(result.tests().stream()
                .collect(
                        Collectors.toMap(LabResult.Test::id, t -> t.status().equals("partial") ? "fail" : t.status())));
        Map<String, String> expected = new TreeMap<>();
        for (Lab.Check check : lab.checks()) {
            expected.put(check.id(), mutant.fails().contains(check.id()) ? "fail" : "pass");
        }
        rated(lab).forEach(id -> {
            statuses.remove(id);
            expected.remove(id);
        });
        assertThat(statuses).as("%s: %s", mutant.id(), messages(result)).isEqualTo(expected);
    }

    /**
     * A tamper attempt earns no more counted points than the untouched lab, and no check it touches drops out of the
     * count (an error it caused would raise the share of what is left).
     */
    private static void tamper(Lab lab, Lab.Tamper tamper, SelfTestVariant variant) {
        LabResult untouched = untouchedResult(lab, variant);
        LabResult result = run(lab, "tamper " + tamper.id(), List.of(tamper.script()), variant);
        assertThat(result.earned())
                .as(
                        "%s: tamper %s earned %.2f points, untouched %.2f: %s",
                        lab.id(), tamper.id(), result.earned(), untouched.earned(), messages(result))
                .isLessThanOrEqualTo(untouched.earned() + 1e-9);
        assertThat(result.countedPoints())
                .as("%s: tamper %s made checks drop out of the count: %s", lab.id(), tamper.id(), messages(result))
                .isGreaterThanOrEqualTo(untouched.countedPoints() - 1e-9);
    }

    private static String messages(LabResult result) {
        return result.tests().stream()
                .map(t -> t.id() + "=" + t.status() + " (" + t.message() + ")")
                .collect(Collectors.joining("; "));
    }

    /** The setup limit: {@value #MAX_SETUP_SECONDS} s alone, half as much again for each case running beside it. */
    private static long setupLimitMs() {
        return MAX_SETUP_SECONDS * 1000L * (parallelCases + 1) / 2;
    }

    /** The reference solution of seed A in a lab of another seed B fails a gate and scores at most half. */
    private static void transfer(Lab lab, long seedA) {
        long seedB = SelfTestSeeds.differing(DRAW, lab, seedA);
        Map<String, String> valuesA = DRAW.values(seedA, lab.id(), lab.parameters());
        LabResult result = run(lab, "transfer", List.of(lab.solution()), new SelfTestVariant(seedB, valuesA));
        SelfTestVariant.assertTransferFails(lab, seedA, seedB, result, messages(result));
    }

    /** The scripts as root, in order, with the values as setup gets them; {@code mustSucceed}: each exits 0. */
    private static void runScripts(
            Lab lab, LabSession session, List<Path> scripts, Map<String, String> values, boolean mustSucceed) {
        for (Path script : scripts) {
            EnvironmentHandle handle = jdbi.withExtension(
                            EnvironmentHandleDao.class, dao -> dao.forSession(session.id()))
                    .orElseThrow()
                    .handle();
            String text;
            try {
                text = Files.readString(script);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            KubernetesEnvironmentDriver cluster = kubernetes;
            EnvironmentDriver on = cluster != null && handle.kind().equals(cluster.kind()) ? cluster : driver;
            // Five minutes: a Kubernetes solution waits for its rollout (up to 4 minutes in its own timeouts), slower
            // when the self-test runs cases side by side on two cores.
            ExecResult ran =
                    on.exec(handle, ExecRequest.shell(lab.parameters().shellPrologue(values) + text, SCRIPT_LIMIT));
            if (mustSucceed) {
                assertThat(ran.exitCode())
                        .as("%s exits 0: %s %s", script, ran.stdout(), ran.stderr())
                        .isZero();
            }
        }
    }

    /** Starts a fresh session of the lab, runs {@code scripts} in it as root, in order (none: untouched), and grades. */
    private static LabResult run(Lab lab, String label, List<Path> scripts, SelfTestVariant variant) {
        long assessment = jdbi.withExtension(AssessmentDao.class, dao -> {
            long id = dao.insertAssessment(
                    dao.insertCandidate("selftest@test.local", "Self Test", null, Instant.now()),
                    ROLE,
                    lab.stage(),
                    null,
                    Instant.now());
            if (variant.seed() != null) {
                dao.setSeed(id, variant.seed());
            }
            return id;
        });
        long started = System.nanoTime();
        LabSession session = sessions.start(assessment, lab.id());
        long setupMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(session.state()).isEqualTo(SessionState.ACTIVE);
        Map<String, String> recorded = Variants.recorded(jdbi, session.id()).orElse(Map.of());
        if (variant.seed() != null) {
            assertThat(recorded)
                    .as("the session records the values of its seed")
                    .isEqualTo(DRAW.values(variant.seed(), lab.id(), lab.parameters()));
        }
        runScripts(
                lab,
                session,
                scripts,
                variant.scriptValues() == null ? recorded : variant.scriptValues(),
                variant.scriptValues() == null);
        long grading0 = System.nanoTime();
        LabSession after = grading.submit(session.id(), HandIn.submitted());
        long gradeMs = (System.nanoTime() - grading0) / 1_000_000;
        assertThat(after.state()).isEqualTo(SessionState.GRADED);
        LabResult result = grading.finalResult(session.id()).orElseThrow();
        SelfTestReport.run(
                lab.id(),
                label,
                variant.seed() == null ? "-" : variant.seed(),
                setupMs,
                gradeMs,
                result.score() == null ? 0 : result.score(),
                result.earned() / lab.points());
        assertThat(setupMs)
                .as(
                        "%s: setup took %d ms; at most %d ms with %d cases at a time",
                        lab.id(), setupMs, setupLimitMs(), parallelCases)
                .isLessThanOrEqualTo(setupLimitMs());
        return result;
    }
}
