package dev.assay.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.service.web.Browser;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("Staff sign-in")
class AuthIT {
    static final TestApp APP = TestApp.create();
    static final DropwizardAppExtension<AssayConfiguration> EXT = APP.extension();

    @BeforeAll
    static void prepare() throws Exception {
        APP.prepare();
    }

    private static HttpResponse<String> loginForm(Browser browser, String email, String password) {
        browser.get("/login");
        return browser.postForm("/login", Map.of("email", email, "password", password), true);
    }

    @Test
    @DisplayName("a pre-session cookie is set only where a form needs its CSRF token, and only once")
    void preSessionCookieOnlyWhenNeeded() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> ping = http.send(
                HttpRequest.newBuilder(APP.base().resolve("/ping")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(ping.headers().allValues("Set-Cookie")).isEmpty();

        HttpResponse<String> login = http.send(
                HttpRequest.newBuilder(APP.base().resolve("/login")).build(), HttpResponse.BodyHandlers.ofString());
        String pre = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("assay_pre="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the login form set no pre-session cookie"));
        HttpResponse<String> again = http.send(
                HttpRequest.newBuilder(APP.base().resolve("/login"))
                        .header("Cookie", pre.substring(0, pre.indexOf(';')))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(again.body())
                .contains(login.body().replaceAll("(?s).*name=\"csrf-token\" content=\"([^\"]+)\".*", "$1"));
    }

    @Nested
    @DisplayName("when the credentials are wrong")
    class WrongCredentials {
        @Test
        @DisplayName("a wrong password and an unknown account get the same 401, naming neither")
        void sameAnswerForWrongPasswordAndUnknownAccount() {
            HttpResponse<String> wrongPassword = loginForm(APP.browser(), TestApp.ADMIN, "not-the-password");
            HttpResponse<String> unknownUser = loginForm(APP.browser(), "nobody@test.local", "not-the-password");
            assertThat(wrongPassword.statusCode()).isEqualTo(401);
            assertThat(unknownUser.statusCode()).isEqualTo(401);
            assertThat(wrongPassword.body()).contains("Email or password is incorrect.");
            assertThat(unknownUser.body()).contains("Email or password is incorrect.");
            assertThat(wrongPassword.headers().allValues("Set-Cookie"))
                    .noneSatisfy(c -> assertThat(c).startsWith("assay_session="));

            Browser api = APP.browser();
            String csrf = TestApp.jsonToken(api.getJson("/api/v1/csrf"));
            HttpResponse<String> apiWrong = api.postJson(
                    "/api/v1/session", "{\"email\":\"" + TestApp.ADMIN + "\",\"password\":\"nope-nope-nope\"}", csrf);
            HttpResponse<String> apiUnknown = api.postJson(
                    "/api/v1/session", "{\"email\":\"ghost@test.local\",\"password\":\"nope-nope-nope\"}", csrf);
            assertThat(apiWrong.statusCode()).isEqualTo(401);
            assertThat(apiWrong.body()).isEqualTo(apiUnknown.body()).contains("email or password is incorrect");
        }

        @Test
        @DisplayName("repeated failures are refused with 429 and Retry-After, even with the right password")
        void repeatedFailuresAreRateLimited() {
            Browser attacker = APP.browser();
            for (int i = 0; i < 5; i++) {
                assertThat(loginForm(attacker, TestApp.INTERVIEWER, "guess-" + i)
                                .statusCode())
                        .isEqualTo(401);
            }
            HttpResponse<String> limited = loginForm(attacker, TestApp.INTERVIEWER, TestApp.PASSWORD);
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After").orElse("")).matches("\\d+");
            assertThat(limited.body()).contains("Too many failed sign-ins");
        }

        @Test
        @DisplayName("parallel guesses cannot slip past the limit: at most the burst is checked")
        void parallelGuessesAreLimited() throws Exception {
            Browser attacker = APP.browser();
            attacker.get("/login");
            ExecutorService pool = Executors.newFixedThreadPool(12);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String guess = "parallel-guess-" + i;
                answers.add(pool.submit(
                        () -> attacker.postForm("/login", Map.of("email", TestApp.ADMIN, "password", guess), true)
                                .statusCode()));
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                codes.add(answer.get(60, TimeUnit.SECONDS));
            }
            pool.shutdown();
            assertThat(codes).containsOnly(401, 429);
            assertThat(codes.stream().filter(code -> code == 401)).hasSize(5);
        }

        @Test
        @DisplayName("an attacker's failures do not lock the staff member out from their own address")
        void noLockoutFromElsewhere() {
            for (int i = 0; i < 6; i++) {
                loginForm(APP.browser().with("X-Forwarded-For", "10.66.0.1"), TestApp.ADMIN, "guess-" + i);
            }
            assertThat(loginForm(APP.browser().with("X-Forwarded-For", "10.66.0.1"), TestApp.ADMIN, TestApp.PASSWORD)
                            .statusCode())
                    .isEqualTo(429);
            assertThat(loginForm(APP.browser(), TestApp.ADMIN, TestApp.PASSWORD).statusCode())
                    .isEqualTo(303);
        }

        @Test
        @DisplayName("hostile input gets a 4xx, never a 500")
        void hostileInputIsRefusedCleanly() {
            assertThat(loginForm(APP.browser(), "a\u0000b@test.local", "x").statusCode())
                    .isEqualTo(401);
            assertThat(loginForm(APP.browser(), "x".repeat(400) + "@test.local", "x")
                            .statusCode())
                    .isEqualTo(401);

            Browser browser = APP.browser();
            browser.get("/login");
            HttpResponse<String> odd = browser.postForm(
                    "/login",
                    Map.of("email", TestApp.ADMIN, "password", TestApp.PASSWORD, "next", "/admin?a b%zz"),
                    true);
            assertThat(odd.statusCode()).isEqualTo(303);
            assertThat(odd.headers().firstValue("Location")).get().asString().endsWith("/admin");

            assertThat(browser.postRaw("/login", "application/x-www-form-urlencoded; charset=no-such-charset", "a=b")
                            .statusCode())
                    .isEqualTo(403);
            String csrf = TestApp.signIn(browser, TestApp.ADMIN);
            assertThat(browser.getJson("/api/v1/assessments?limit=abc").statusCode())
                    .isEqualTo(400);
            String tooLong = "{\"email\":\"" + "y".repeat(400)
                    + "@test.local\",\"name\":\"Y\",\"roleId\":\"devops-engineer\",\"stage\":\"technical\"}";
            HttpResponse<String> created = browser.postJson("/api/v1/assessments", tooLong, csrf);
            assertThat(created.statusCode()).isEqualTo(400);
            assertThat(created.body()).contains("is not an email address");
            String controlName =
                    "{\"email\":\"c@test.local\",\"name\":\"X\\u0000Y\",\"roleId\":\"devops-engineer\",\"stage\":\"technical\"}";
            assertThat(browser.postJson("/api/v1/assessments", controlName, csrf)
                            .statusCode())
                    .isEqualTo(400);
        }
    }

    @Nested
    @DisplayName("when the credentials are right")
    class RightCredentials {
        @Test
        @DisplayName("the session cookie is HttpOnly, SameSite=Lax, not Secure over plain HTTP")
        void cookieFlagsOverHttp() {
            HttpResponse<String> response = loginForm(APP.browser(), TestApp.ADMIN, TestApp.PASSWORD);
            assertThat(response.statusCode()).isEqualTo(303);
            assertThat(response.headers().firstValue("Location"))
                    .get()
                    .asString()
                    .endsWith("/admin");
            String cookie = sessionCookie(response.headers().allValues("Set-Cookie"));
            assertThat(cookie).contains("HttpOnly", "SameSite=Lax", "Path=/").doesNotContain("Secure");
        }

        @Test
        @DisplayName("behind a TLS proxy (X-Forwarded-Proto: https) the session cookie is Secure and __Host- prefixed")
        void cookieIsSecureBehindTls() throws Exception {
            // A cookie jar would not return Secure cookies over plain HTTP, so this client carries them by hand.
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> page = http.send(
                    HttpRequest.newBuilder(APP.base().resolve("/login"))
                            .header("X-Forwarded-Proto", "https")
                            .header("X-Forwarded-For", "10.77.0.1")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String pre = page.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("__Host-assay_pre="))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no __Host- pre-session cookie"));
            String csrf = page.body().replaceAll("(?s).*name=\"csrf-token\" content=\"([^\"]+)\".*", "$1");
            String form = "email=" + TestApp.ADMIN + "&password=" + TestApp.PASSWORD + "&csrf=" + csrf;
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(APP.base().resolve("/login"))
                            .header("X-Forwarded-Proto", "https")
                            .header("X-Forwarded-For", "10.77.0.1")
                            .header("Cookie", pre.substring(0, pre.indexOf(';')))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(303);
            String cookie = response.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("__Host-assay_session="))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no __Host- session cookie"));
            assertThat(cookie)
                    .contains("HttpOnly", "SameSite=Lax", "Secure", "Path=/")
                    .doesNotContain("Domain");
        }

        @Test
        @DisplayName("the session opens the dashboard, and signing out closes it")
        void sessionOpensDashboardUntilSignOut() {
            Browser browser = APP.browser();
            loginForm(browser, TestApp.ADMIN, TestApp.PASSWORD);
            assertThat(browser.get("/admin").statusCode()).isEqualTo(200);
            assertThat(browser.postForm("/logout", Map.of(), true).statusCode()).isEqualTo(303);
            assertThat(browser.getJson("/api/v1/assessments").statusCode()).isEqualTo(401);
        }

        @Test
        @DisplayName("an external next= is ignored: sign-in never redirects off-site")
        void noOpenRedirect() {
            Browser browser = APP.browser();
            browser.get("/login");
            HttpResponse<String> response = browser.postForm(
                    "/login",
                    Map.of("email", TestApp.ADMIN, "password", TestApp.PASSWORD, "next", "//evil.example/x"),
                    true);
            assertThat(response.headers().firstValue("Location"))
                    .get()
                    .asString()
                    .endsWith("/admin");
        }
    }

    @Nested
    @DisplayName("CSRF")
    class Csrf {
        @Test
        @DisplayName("a POST without a CSRF token gets 403, signed in or not")
        void postWithoutTokenIsForbidden() {
            Browser browser = APP.browser();
            browser.get("/login");
            assertThat(browser.postForm("/login", Map.of("email", TestApp.ADMIN, "password", TestApp.PASSWORD), false)
                            .statusCode())
                    .isEqualTo(403);

            String csrf = TestApp.signIn(browser, TestApp.ADMIN);
            String invite =
                    "{\"email\":\"x@test.local\",\"name\":\"X\",\"roleId\":\"devops-engineer\",\"stage\":\"technical\"}";
            assertThat(browser.postJson("/api/v1/assessments", invite, "").statusCode())
                    .isEqualTo(403);
            assertThat(browser.postJson("/api/v1/assessments", invite, "forged").statusCode())
                    .isEqualTo(403);
            assertThat(browser.postForm("/logout", Map.of(), false).statusCode())
                    .isEqualTo(403);
            assertThat(browser.postJson("/api/v1/assessments", invite, csrf).statusCode())
                    .isEqualTo(201);
        }

        @Test
        @DisplayName("a token taken from another browser does not work")
        void tokensAreBoundToTheirBrowser() {
            Browser victim = APP.browser();
            TestApp.signIn(victim, TestApp.ADMIN);
            Browser attacker = APP.browser();
            attacker.get("/login");
            String attackersToken = attacker.csrf();
            String invite =
                    "{\"email\":\"y@test.local\",\"name\":\"Y\",\"roleId\":\"devops-engineer\",\"stage\":\"technical\"}";
            assertThat(victim.postJson("/api/v1/assessments", invite, attackersToken)
                            .statusCode())
                    .isEqualTo(403);
        }
    }

    private static String sessionCookie(List<String> setCookies) {
        return setCookies.stream()
                .filter(c -> c.startsWith("assay_session="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + setCookies));
    }
}
