package dev.assay.service.cli;

import dev.assay.service.auth.Tokens;
import dev.assay.service.db.AssessmentDao;
import dev.assay.service.web.Cookies;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;

/**
 * Throughput and p99 latency of the candidate's status page ({@code GET /assessment}: the invitation cookie checked,
 * the assessment and its lab sessions read, the page rendered) on the real service, under a closed-loop load of
 * {@value #CONNECTIONS} connections; next to the service's {@code /ping} under the same load as the floor. Both are
 * measured warm (see {@link #warmUp}). wrk when installed, else {@link JavaLoad}.
 */
final class StatusBench {
    static final int CONNECTIONS = 32;
    private static final int WARM_UP_CONNECTIONS = 2;
    private static final int WARM_UP_ROUNDS = 18;
    private static final String ROLE = "devops-engineer";

    private StatusBench() {}

    static Figure run(BenchRun run, Path config, Path labs, Duration length) throws Exception {
        Path folder = run.folder();
        String url = BenchDatabase.url(folder) + ";DB_CLOSE_ON_EXIT=FALSE";
        String token = Tokens.newToken();
        Jdbi jdbi = BenchDatabase.open(url, "assay", "assay");
        long assessment = BenchDatabase.assessment(jdbi, ROLE, "technical");
        jdbi.useExtension(
                AssessmentDao.class,
                dao -> dao.insertCandidateSession(
                        Tokens.hash(token),
                        assessment,
                        Instant.now(),
                        Instant.now().plus(Duration.ofHours(2))));
        URI base = ServiceProcess.start(run, config, labs, folder, url);
        String cookie = Cookies.CANDIDATE_SESSION + "=" + token;
        URI status = base.resolve("/assessment");
        requireOk(status, cookie);
        long warmUp = warmUp(base.resolve("/ping"), status, cookie, length);
        LoadResult floor = load(base.resolve("/ping"), cookie, CONNECTIONS, length);
        LoadResult measured = load(status, cookie, CONNECTIONS, length);
        boolean met = measured.errors() == 0 && measured.perSecond() >= 2000 && measured.p99Millis() <= 50;
        String errors = measured.errors() == 0 ? "" : ", " + measured.errors() + " errors";
        return new Figure(
                "status",
                "candidate status page under load (" + CONNECTIONS + " conns, " + measured.tool() + errors + ", after "
                        + warmUp + " s warm-up)",
                (int) measured.requests(),
                values(measured),
                new Figure.Floor("GET /ping", values(floor)),
                new Figure.Target(">= 2000 req/s at p99 <= 50 ms", met));
    }

    private static List<Figure.Measure> values(LoadResult result) {
        return List.of(
                new Figure.Measure("throughput", result.perSecond(), "req/s"),
                new Figure.Measure("p50", result.p50Millis(), "ms"),
                new Figure.Measure("p99", result.p99Millis(), "ms"));
    }

    private static void requireOk(URI status, String cookie) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(status).header("Cookie", cookie).build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "the candidate status page answered " + response.statusCode() + ", not 200: " + response.body());
        }
    }

    /**
     * Brings the service to its steady state before anything is measured: a fresh JVM runs these pages at a tenth
     * of their steady speed until the JIT has compiled them, and under full load its two compiler threads get
     * 2 of some 35 runnable threads' share of the cores, so warming at full load takes minutes (measured: 150 s to
     * plateau at 32 connections, 40 s at 2). Light load, in rounds on both pages, until the status page gains less
     * than 5 % in a round; at most {@link #WARM_UP_ROUNDS} rounds (a quick run: 2). Returns the seconds spent.
     */
    private static long warmUp(URI ping, URI status, String cookie, Duration length) throws Exception {
        Duration round = Duration.ofSeconds(Math.min(5, length.toSeconds()));
        int rounds = length.toSeconds() >= 10 ? WARM_UP_ROUNDS : 2;
        long started = System.nanoTime();
        double best = 0;
        for (int i = 0; i < rounds; i++) {
            load(ping, cookie, WARM_UP_CONNECTIONS, round);
            double rate = load(status, cookie, WARM_UP_CONNECTIONS, round).perSecond();
            if (i >= 3 && rate < best * 1.05) {
                break;
            }
            best = Math.max(best, rate);
        }
        return Duration.ofNanos(System.nanoTime() - started).toSeconds();
    }

    static LoadResult load(URI url, String cookie, int connections, Duration length) throws Exception {
        String wrk = wrk();
        if (wrk == null) {
            return JavaLoad.run(url, cookie, connections, length);
        }
        Process process = new ProcessBuilder(List.of(
                        wrk,
                        "-t" + Math.min(2, connections),
                        "-c" + connections,
                        "-d" + length.toSeconds() + "s",
                        "--latency",
                        "-H",
                        "Cookie: " + cookie,
                        url.toString()))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(length.toSeconds() + 30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("wrk failed against " + url + ":\n" + output);
        }
        return LoadResult.ofWrk(output);
    }

    private static @org.jspecify.annotations.Nullable String wrk() throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(dir, "wrk");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
