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
 * {@value #CONNECTIONS} connections; next to the service's {@code /ping} under the same load as the floor. wrk
 * when installed, else {@link JavaLoad}.
 */
final class StatusBench {
    static final int CONNECTIONS = 32;
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
        load(base.resolve("/ping"), cookie, Duration.ofSeconds(Math.min(5, length.toSeconds()))); // JIT warm-up
        load(status, cookie, Duration.ofSeconds(Math.min(5, length.toSeconds())));
        LoadResult floor = load(base.resolve("/ping"), cookie, length);
        LoadResult measured = load(status, cookie, length);
        boolean met = measured.errors() == 0 && measured.perSecond() >= 2000 && measured.p99Millis() <= 50;
        String errors = measured.errors() == 0 ? "" : ", " + measured.errors() + " errors";
        return new Figure(
                "status",
                "candidate status page under load (" + CONNECTIONS + " conns, " + measured.tool() + errors + ")",
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

    static LoadResult load(URI url, String cookie, Duration length) throws Exception {
        String wrk = wrk();
        if (wrk == null) {
            return JavaLoad.run(url, cookie, CONNECTIONS, length);
        }
        Process process = new ProcessBuilder(List.of(
                        wrk,
                        "-t2",
                        "-c" + CONNECTIONS,
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
