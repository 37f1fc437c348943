package dev.assay.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.service.web.Browser;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
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
        @DisplayName("an account under attack from many addresses is limited too")
        void accountBucketHoldsAcrossAddresses() {
            for (int i = 0; i < 5; i++) {
                loginForm(APP.browser(), "target@test.local", "guess-" + i);
            }
            assertThat(loginForm(APP.browser(), "target@test.local", "guess").statusCode())
                    .isEqualTo(429);
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
        @DisplayName("behind a TLS proxy (X-Forwarded-Proto: https) the session cookie is also Secure")
        void cookieIsSecureBehindTls() {
            Browser browser = APP.browser();
            browser.get("/login");
            browser.with("X-Forwarded-Proto", "https");
            HttpResponse<String> response =
                    browser.postForm("/login", Map.of("email", TestApp.ADMIN, "password", TestApp.PASSWORD), true);
            assertThat(response.statusCode()).isEqualTo(303);
            assertThat(sessionCookie(response.headers().allValues("Set-Cookie")))
                    .contains("HttpOnly", "SameSite=Lax", "Secure");
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
