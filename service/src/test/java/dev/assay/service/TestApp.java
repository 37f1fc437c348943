package dev.assay.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.service.auth.AccountService;
import dev.assay.service.auth.LoginRateLimiter;
import dev.assay.service.auth.PasswordHasher;
import dev.assay.service.core.Role;
import dev.assay.service.db.Persistence;
import dev.assay.service.db.TestDatabases;
import dev.assay.service.web.Browser;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.File;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** The real application on random ports over a fresh H2 file database under target/, with two staff users. */
public final class TestApp {
    public static final String PASSWORD = "a-long-test-password";
    public static final String ADMIN = "admin@test.local";
    public static final String INTERVIEWER = "interviewer@test.local";
    /** An interviewer assigned to nothing: sees no assessment until an admin assigns them. */
    public static final String OUTSIDER = "outsider@test.local";

    private static final Pattern JSON_TOKEN = Pattern.compile("\"(?:token|csrfToken)\"\\s*:\\s*\"([^\"]+)\"");
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private final String dbUrl;
    private final String instance;
    private final DropwizardAppExtension<AssayConfiguration> extension;

    private TestApp(String dbUrl, String instance, DropwizardAppExtension<AssayConfiguration> extension) {
        this.dbUrl = dbUrl;
        this.instance = instance;
        this.extension = extension;
    }

    /** An invitation made through the API, and the candidate's browser once they accepted it. */
    public record Candidate(long assessmentId, String link, Browser browser) {}

    public static TestApp create(ConfigOverride... extra) {
        return create("../labs", extra);
    }

    /** An application serving the labs in {@code labsDir} (a test's own copy of the pack, say). */
    public static TestApp create(String labsDir, ConfigOverride... extra) {
        Path db = Path.of("target", "it-db", UUID.randomUUID().toString(), "assay")
                .toAbsolutePath();
        String url = "jdbc:h2:file:" + db + ";WRITE_DELAY=0";
        String instance = "it-app-" + UUID.randomUUID().toString().substring(0, 13);
        TestDatabases.migrate(url, "assay", "assay"); // the service expects its schema when it starts
        List<ConfigOverride> overrides = new ArrayList<>(List.of(
                ConfigOverride.config("database.url", url),
                ConfigOverride.config(
                        "auditKeyFile", db.resolveSibling("audit.key").toString()),
                ConfigOverride.config(
                        "operatorKeyFile", db.resolveSibling("operator.key").toString()),
                ConfigOverride.config(
                        "variantKeyFile", db.resolveSibling("variant.key").toString()),
                ConfigOverride.config("labs.dir", labsDir),
                ConfigOverride.config("environments.instance", instance),
                ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                ConfigOverride.config("server.applicationConnectors[0].useForwardedHeaders", "true"),
                ConfigOverride.config("server.adminConnectors[0].port", "0"),
                ConfigOverride.config("logging.level", "WARN")));
        overrides.addAll(List.of(extra));
        return new TestApp(
                url,
                instance,
                new DropwizardAppExtension<>(
                        AssayApplication.class, configPath(), overrides.toArray(ConfigOverride[]::new)));
    }

    public static String configPath() {
        return new File("config.yml").getAbsolutePath();
    }

    public DropwizardAppExtension<AssayConfiguration> extension() {
        return extension;
    }

    /** Runs {@code db migrate} through the application's own command, then adds an admin and an interviewer. */
    public void prepare() throws Exception {
        extension.getApplication().run("db", "migrate", configPath());
        AccountService accounts = new AccountService(
                jdbi(),
                new PasswordHasher(),
                new LoginRateLimiter(5, Duration.ofMinutes(1), Clock.systemUTC()),
                Duration.ofHours(1),
                Clock.systemUTC());
        accounts.createUser(ADMIN, "Admin", Role.ADMIN, PASSWORD);
        accounts.createUser(INTERVIEWER, "Interviewer", Role.INTERVIEWER, PASSWORD);
        accounts.createUser(OUTSIDER, "Outsider", Role.INTERVIEWER, PASSWORD);
    }

    /** The application's database, opened beside it (same JVM, same H2 file). */
    public Jdbi jdbi() {
        Jdbi jdbi = Jdbi.create(dbUrl, "assay", "assay");
        jdbi.installPlugin(new SqlObjectPlugin());
        return Persistence.configure(jdbi);
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + extension.getLocalPort() + "/");
    }

    public URI admin() {
        return URI.create("http://127.0.0.1:" + extension.getAdminPort() + "/");
    }

    /** A new browser with a client address of its own, so one test's rate limit leaves the others alone. */
    public Browser browser() {
        int n = CLIENTS.incrementAndGet();
        return new Browser(base()).with("X-Forwarded-For", "10.9." + (n / 250) + "." + (n % 250 + 1));
    }

    /**
     * Invites a candidate to the devops-engineer technical stage as the admin, and assigns {@link #INTERVIEWER} to it
     * (as an admin would); returns the assessment and the link's path.
     */
    public Candidate invite(String name) {
        return invite(name, "technical");
    }

    /**
     * Invites a candidate to a stage of the devops-engineer role with fixed picks, so tests know the labs: the
     * technical stage gets linux-web-outage, the system-design stage design-nodered-scale and design-incident.
     */
    public Candidate invite(String name, String stage) {
        return invite(
                name,
                stage,
                stage.equals("technical")
                        ? "[\"linux-web-outage\"]"
                        : "[\"design-nodered-scale\",\"design-incident\"]");
    }

    /** Invites a candidate to a stage of the devops-engineer role with the labs given (a JSON array). */
    public Candidate invite(String name, String stage, String labsJson) {
        Browser admin = browser();
        String csrf = signIn(admin, ADMIN);
        HttpResponse<String> created = admin.postJson(
                "/api/v1/assessments",
                "{\"email\":\"cand@test.local\",\"name\":\"" + name + "\",\"roleId\":\"devops-engineer\",\"stage\":\""
                        + stage + "\",\"labs\":" + labsJson + "}",
                csrf);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("invitation failed: " + created.statusCode() + " " + created.body());
        }
        try {
            JsonNode body = new ObjectMapper().readTree(created.body());
            String link = URI.create(body.path("link").asText()).getPath();
            long assessment = body.path("assessmentId").asLong();
            HttpResponse<String> assigned =
                    admin.sendJson("PUT", "/api/v1/assessments/" + assessment + "/assignees/" + INTERVIEWER, csrf);
            if (assigned.statusCode() != 200) {
                throw new IllegalStateException("assigning failed: " + assigned.statusCode() + " " + assigned.body());
            }
            return new Candidate(assessment, link, browser());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable answer " + created.body(), e);
        }
    }

    /** A candidate who accepted their invitation: the browser holds their session. */
    public Candidate acceptedCandidate(String name) {
        Candidate candidate = invite(name);
        candidate.browser().get(candidate.link());
        HttpResponse<String> accepted = candidate.browser().postForm(candidate.link() + "/accept", Map.of(), true);
        if (accepted.statusCode() != 303) {
            throw new IllegalStateException("accepting failed: " + accepted.statusCode() + " " + accepted.body());
        }
        candidate.browser().get("/assessment");
        return candidate;
    }

    /** The {@code environments.instance} label of this application's containers. */
    public String instance() {
        return instance;
    }

    /** Removes every container this application made (its labs outlive it otherwise); for {@code @AfterAll}. */
    public void removeEnvironments() {
        DockerCli.removeInstance(instance);
    }

    /** Signs in through the JSON API; returns the session's CSRF token. */
    public static String signIn(Browser browser, String email) {
        return signIn(browser, email, PASSWORD);
    }

    /** Signs in with a given password; returns the session's CSRF token. */
    public static String signIn(Browser browser, String email, String password) {
        String preToken = jsonToken(browser.getJson("/api/v1/csrf"));
        HttpResponse<String> response = browser.postJson(
                "/api/v1/session", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", preToken);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("sign-in failed: " + response.statusCode() + " " + response.body());
        }
        return jsonToken(response);
    }

    public static String jsonToken(HttpResponse<String> response) {
        Matcher matcher = JSON_TOKEN.matcher(response.body());
        if (!matcher.find()) {
            throw new IllegalStateException("no token in " + response.body());
        }
        return matcher.group(1);
    }
}
