package dev.assay.service;

import dev.assay.service.auth.AccountService;
import dev.assay.service.auth.LoginRateLimiter;
import dev.assay.service.auth.PasswordHasher;
import dev.assay.service.core.Role;
import dev.assay.service.db.Persistence;
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
    private static final Pattern JSON_TOKEN = Pattern.compile("\"(?:token|csrfToken)\"\\s*:\\s*\"([^\"]+)\"");
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private final String dbUrl;
    private final DropwizardAppExtension<AssayConfiguration> extension;

    private TestApp(String dbUrl, DropwizardAppExtension<AssayConfiguration> extension) {
        this.dbUrl = dbUrl;
        this.extension = extension;
    }

    public static TestApp create(ConfigOverride... extra) {
        Path db = Path.of("target", "it-db", UUID.randomUUID().toString(), "assay")
                .toAbsolutePath();
        String url = "jdbc:h2:file:" + db + ";WRITE_DELAY=0";
        List<ConfigOverride> overrides = new ArrayList<>(List.of(
                ConfigOverride.config("database.url", url),
                ConfigOverride.config("labs.dir", "../labs"),
                ConfigOverride.config("environments.instance", "it-app-" + UUID.randomUUID()),
                ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                ConfigOverride.config("server.applicationConnectors[0].useForwardedHeaders", "true"),
                ConfigOverride.config("server.adminConnectors[0].port", "0"),
                ConfigOverride.config("logging.level", "WARN")));
        overrides.addAll(List.of(extra));
        return new TestApp(
                url,
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
