package dev.assay.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.service.auth.Tokens;
import dev.assay.service.web.Browser;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("Candidate invitations")
class InvitationIT {
    static final TestApp APP = TestApp.create();
    static final DropwizardAppExtension<AssayConfiguration> EXT = APP.extension();

    @BeforeAll
    static void prepare() throws Exception {
        APP.prepare();
    }

    @Test
    @DisplayName("the token is stored only as its SHA-256")
    void tokenIsStoredHashed() {
        String path = APP.invite("Hashed").link();
        String token = path.substring("/i/".length());
        List<String> stored = APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT token_hash FROM invitations")
                        .mapTo(String.class)
                        .list());
        assertThat(token).hasSizeGreaterThanOrEqualTo(43); // 256 bits in base64url
        assertThat(stored).contains(Tokens.hash(token)).noneMatch(s -> s.contains(token));
    }

    @Test
    @DisplayName("the link works once: accept opens the assessment; a replay, from any browser, gets 410")
    void linkWorksOnce() {
        String path = APP.invite("Once").link();
        Browser candidate = APP.browser();
        assertThat(candidate.get(path).statusCode()).isEqualTo(200);
        assertThat(candidate.get(path).statusCode())
                .as("opening the link does not use it")
                .isEqualTo(200);

        HttpResponse<String> accepted = candidate.postForm(path + "/accept", Map.of(), true);
        assertThat(accepted.statusCode()).isEqualTo(303);
        assertThat(accepted.headers().allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("assay_candidate=").contains("HttpOnly", "SameSite=Lax"));
        HttpResponse<String> overview = candidate.get("/assessment");
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("Once: Technical interview (AWS, Kubernetes, CI/CD");

        Browser replay = APP.browser();
        assertThat(replay.get(path).statusCode()).isEqualTo(410);
        assertThat(replay.postForm(path + "/accept", Map.of(), true).statusCode())
                .isEqualTo(410);
        candidate.get(path);
        assertThat(candidate.postForm(path + "/accept", Map.of(), true).statusCode())
                .isEqualTo(410);
    }

    @Test
    @DisplayName("an expired link gets 410 and opens nothing")
    void expiredLinkIsGone() {
        String path = APP.invite("Late").link();
        String token = path.substring("/i/".length());
        APP.jdbi()
                .useHandle(h -> h.createUpdate("UPDATE invitations SET expires_at = :past WHERE token_hash = :hash")
                        .bind("past", Instant.now().minusSeconds(1))
                        .bind("hash", Tokens.hash(token))
                        .execute());
        Browser candidate = APP.browser();
        HttpResponse<String> landing = candidate.get(path);
        assertThat(landing.statusCode()).isEqualTo(410);
        assertThat(landing.body()).contains("expired");
        assertThat(candidate.postForm(path + "/accept", Map.of(), true).statusCode())
                .isEqualTo(410);
        assertThat(candidate.getJson("/api/v1/assessments").statusCode()).isEqualTo(401);
        assertThat(candidate.get("/assessment").headers().firstValue("Location"))
                .get()
                .asString()
                .contains("/login");
    }

    @Test
    @DisplayName("an unknown token is 404, not 410")
    void unknownTokenIsNotFound() {
        assertThat(APP.browser().get("/i/" + Tokens.newToken()).statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("names are escaped wherever a page shows them")
    void outputIsEscaped() {
        String path = APP.invite("<script>alert(1)</script>").link();
        Browser candidate = APP.browser();
        String landing = candidate.get(path).body();
        assertThat(landing).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert");

        Browser admin = APP.browser();
        admin.get("/login");
        admin.postForm("/login", Map.of("email", TestApp.ADMIN, "password", TestApp.PASSWORD), true);
        String dashboard = admin.get("/admin").body();
        assertThat(dashboard).contains("&lt;script&gt;").doesNotContain("<script>alert");
    }

    @Test
    @DisplayName("the admin form invites and shows the link once")
    void adminFormInvites() {
        Browser admin = APP.browser();
        admin.get("/login");
        admin.postForm("/login", Map.of("email", TestApp.ADMIN, "password", TestApp.PASSWORD), true);
        admin.get("/admin");
        HttpResponse<String> created = admin.postForm(
                "/admin/invitations",
                Map.of("name", "Form Person", "email", "form@test.local", "target", "devops-engineer/system-design"),
                true);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("/i/", "Form Person");
        String dashboard = admin.get("/admin").body();
        assertThat(dashboard).contains("Form Person").doesNotContain("/i/");
        assertThat(dashboard)
                .contains("<option value=\"devops-engineer/technical\">DevOps Engineer: Technical interview");

        HttpResponse<String> bad = admin.postForm(
                "/admin/invitations",
                Map.of("name", "X", "email", "not-an-email", "target", "devops-engineer/technical"),
                true);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("is not an email address");
    }
}
