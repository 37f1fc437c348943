package dev.assay.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.service.db.AssessmentDao;
import dev.assay.service.db.EnvironmentHandleDao;
import dev.assay.service.db.LabSession;
import dev.assay.service.db.LabSessionDao;
import dev.assay.service.sessions.Variants;
import dev.assay.service.web.Browser;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("Two candidates of a lab with parameters get their own variant, recorded, and nothing of another's leaks")
class LabVariantsIT {
    private static final String LAB = "linux-web-outage";
    private static final String IMAGE = "assay/workbench:latest";
    /** Where a value could be left behind in a lab: configuration, home, scratch, state (package data aside). */
    private static final String PLACES = "/etc /root /tmp /var";

    private static final ObjectMapper JSON = new ObjectMapper();

    static final TestApp APP = TestApp.create();
    static final DropwizardAppExtension<AssayConfiguration> EXT = APP.extension();

    @BeforeAll
    static void prepare() throws Exception {
        APP.prepare();
    }

    @AfterAll
    static void removeLabs() {
        APP.removeEnvironments();
    }

    private record Started(
            long assessmentId,
            long seed,
            LabSession session,
            Map<String, String> values,
            String container,
            Browser browser) {}

    private static Started start(String name) {
        TestApp.Candidate candidate = APP.acceptedCandidate(name);
        assertThat(candidate
                        .browser()
                        .postForm("/assessment/labs/" + LAB + "/start", Map.of(), true)
                        .statusCode())
                .isEqualTo(303);
        LabSession session = APP.jdbi()
                .withExtension(LabSessionDao.class, dao -> dao.latest(candidate.assessmentId(), LAB))
                .orElseThrow();
        long seed = APP.jdbi()
                .withExtension(AssessmentDao.class, dao -> dao.seedOf(candidate.assessmentId()))
                .orElseThrow(() -> new AssertionError("an assessment of picked labs has a seed too"));
        Map<String, String> values = Variants.recorded(APP.jdbi(), session.id())
                .orElseThrow(() -> new AssertionError("the session records its values"));
        String container = APP.jdbi()
                .withExtension(EnvironmentHandleDao.class, dao -> dao.forSession(session.id()))
                .orElseThrow()
                .handle()
                .externalId();
        String page = candidate.browser().get("/assessment/labs/" + LAB).body();
        assertThat(page)
                .as("the instructions show the session's own values")
                .contains("port " + values.get("port"), "/var/www/" + values.get("site"));
        return new Started(candidate.assessmentId(), seed, session, values, container, candidate.browser());
    }

    /** Files under {@link #PLACES} holding any of {@code needles} as a word, in the container or a fresh image. */
    private static TreeSet<String> holding(List<String> needles, String... where) {
        StringBuilder script = new StringBuilder("for n in");
        needles.forEach(n -> script.append(" '").append(n).append("'"));
        script.append("; do grep -rIlwF -e \"$n\" " + PLACES + " 2>/dev/null | grep -v '^/var/lib/dpkg/'"
                + " | sed \"s|^|$n |\"; done; true");
        List<String> command = new ArrayList<>(List.of(where));
        command.addAll(List.of("sh", "-c", script.toString()));
        String out = DockerCli.run(command.toArray(String[]::new));
        return new TreeSet<>(out.lines().filter(line -> !line.isBlank()).toList());
    }

    @Test
    @DisplayName("different values per candidate, recorded; no seed, key, ASSAY_P_ or the other's values in the lab")
    void eachCandidateHasTheirOwnVariant() throws Exception {
        Started first = start("Ada Variant");
        Started second = start("Bea Variant");

        assertThat(first.values().keySet()).containsExactly("port", "site", "broken");
        assertThat(first.values()).as("two seeds, two variants").isNotEqualTo(second.values());
        assertThat(DockerCli.run(
                        "exec",
                        first.container(),
                        "sh",
                        "-c",
                        "cat /etc/nginx/sites-enabled/" + first.values().get("site")))
                .as("setup planted the first candidate's site")
                .contains("root /var/www/" + first.values().get("site"));

        String key =
                Files.readString(EXT.getConfiguration().getVariantKeyFile()).strip();
        List<String> secrets = List.of(
                key, key.substring(0, 16), Long.toString(first.seed()), Long.toString(second.seed()), "ASSAY_P_");
        String environ = DockerCli.run(
                "exec",
                first.container(),
                "sh",
                "-c",
                "for f in /proc/[0-9]*/environ; do tr '\\0' '\\n' < $f; done 2>/dev/null; true");
        for (String secret : secrets) {
            assertThat(environ)
                    .as("no process of the lab has %s in its environment", secret)
                    .doesNotContain(secret);
        }
        // broken (root or index) is a word every variant's configuration holds: the port and the site tell variants
        // apart
        for (String value : List.of(first.values().get("port"), first.values().get("site"))) {
            assertThat(environ.lines())
                    .as("no process of the lab has the value %s in its environment", value)
                    .noneMatch(line -> line.endsWith("=" + value));
        }

        List<String> foreign = new ArrayList<>(secrets);
        second.values().forEach((name, value) -> {
            if (!name.equals("broken") && !value.equals(first.values().get(name))) {
                foreign.add(value);
            }
        });
        String commandLines = DockerCli.run(
                "exec",
                first.container(),
                "sh",
                "-c",
                "for f in /proc/[0-9]*/cmdline; do tr '\\0' ' ' < $f; echo; done 2>/dev/null; true");
        for (String value : foreign) {
            assertThat(commandLines)
                    .as("no process of the lab runs with %s on its command line", value)
                    .doesNotContain(value);
        }
        TreeSet<String> inLab = holding(foreign, "exec", first.container());
        TreeSet<String> inImage = holding(foreign, "run", "--rm", "--network", "none", IMAGE);
        inLab.removeAll(inImage);
        assertThat(inLab)
                .as("files of the first candidate's lab naming the seed, the key or the second's values %s", foreign)
                .isEmpty();
    }

    @Test
    @DisplayName("the graded result and the review page carry the candidate's own values")
    void resultAndReviewRecordTheVariant() throws Exception {
        Started started = start("Cai Variant");
        assertThat(started.browser()
                        .postForm("/assessment/labs/" + LAB + "/submit", Map.of(), true)
                        .statusCode())
                .isEqualTo(303);
        Browser staff = APP.browser();
        TestApp.signIn(staff, TestApp.INTERVIEWER);
        String api = "/api/v1/assessments/" + started.assessmentId() + "/sessions/"
                + started.session().id();
        JsonNode result = awaitResult(staff, api + "/result");
        Map<String, String> recorded = new java.util.TreeMap<>();
        result.path("parameters")
                .fields()
                .forEachRemaining(e -> recorded.put(e.getKey(), e.getValue().asText()));
        assertThat(recorded)
                .as("the stored result records the variant")
                .isEqualTo(new java.util.TreeMap<>(started.values()));

        String review =
                staff.get("/admin/assessments/" + started.assessmentId()).body();
        assertThat(review)
                .as("the review page shows the session's values")
                .contains("variant port " + started.values().get("port") + ", site "
                        + started.values().get("site") + ", broken "
                        + started.values().get("broken"));
    }

    /** The session's final result, once grading has stored it (within two minutes). */
    private static JsonNode awaitResult(Browser staff, String path) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
        HttpResponse<String> response = staff.getJson(path);
        while (response.statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            response = staff.getJson(path);
        }
        assertThat(response.statusCode())
                .as("the graded result within two minutes: %s", response.body())
                .isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
