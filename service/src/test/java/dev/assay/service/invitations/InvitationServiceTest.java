package dev.assay.service.invitations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.service.catalog.Role;
import dev.assay.service.core.InvalidInputException;
import dev.assay.service.db.TestDatabases;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class InvitationServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Role ROLE = new Role(
            "devops-engineer",
            "DevOps Engineer",
            "",
            List.of(new Role.Skill("linux", "Linux", true, "Linux")),
            List.of(
                    new Role.Stage("technical", "Technical", List.of()),
                    new Role.Stage("system-design", "Design", List.of())),
            Role.DEFAULT_CUTS);
    private final Jdbi jdbi = TestDatabases.h2();

    private InvitationService at(Instant now) {
        return new InvitationService(
                jdbi,
                id -> id.equals(ROLE.id()) ? Optional.of(ROLE) : Optional.empty(),
                (role, stage, seed) -> stage.labs(),
                new dev.assay.service.scoring.GradeLog(
                        jdbi, Clock.fixed(now, ZoneOffset.UTC), dev.assay.service.scoring.AuditKey.of(new byte[32])),
                URI.create("https://assay.example"),
                Duration.ofDays(7),
                Duration.ofDays(1),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private static String tokenOf(InvitationService.Created created) {
        String path = created.link().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    @Test
    void theLinkWorksOnceAndOnlyItsHashIsStored() {
        InvitationService.Created created =
                at(NOW).invite(" Fay@Example.com ", "Fay", "devops-engineer", "technical", null);
        assertThat(created.link().toString()).startsWith("https://assay.example/i/");
        String token = tokenOf(created);

        List<String> stored = jdbi.withHandle(h -> h.createQuery("SELECT token_hash FROM invitations")
                .mapTo(String.class)
                .list());
        assertThat(stored).containsExactly(dev.assay.service.auth.Tokens.hash(token));
        assertThat(stored.get(0)).doesNotContain(token);

        assertThat(at(NOW).open(token).candidateName()).isEqualTo("Fay");
        InvitationService.Accepted accepted = at(NOW).accept(token);
        assertThat(accepted.assessmentId()).isEqualTo(created.assessmentId());
        assertThat(at(NOW).assessmentForSession(accepted.sessionToken())).contains(created.assessmentId());

        assertThatThrownBy(() -> at(NOW).accept(token))
                .isInstanceOf(InvitationService.Gone.class)
                .hasMessageContaining("used already");
        assertThatThrownBy(() -> at(NOW).open(token)).isInstanceOf(InvitationService.Gone.class);
    }

    @Test
    void anExpiredLinkIsGone() {
        String token = tokenOf(at(NOW).invite("gus@example.com", "Gus", "devops-engineer", "system-design", null));
        Instant expired = NOW.plus(Duration.ofDays(7));
        assertThatThrownBy(() -> at(expired).open(token))
                .isInstanceOf(InvitationService.Gone.class)
                .hasMessageContaining("expired");
        assertThatThrownBy(() -> at(expired).accept(token)).isInstanceOf(InvitationService.Gone.class);
    }

    @Test
    void candidateSessionsExpire() {
        String token = tokenOf(at(NOW).invite("hal@example.com", "Hal", "devops-engineer", "technical", null));
        String session = at(NOW).accept(token).sessionToken();
        assertThat(at(NOW.plus(Duration.ofDays(1))).assessmentForSession(session))
                .isEmpty();
    }

    @Test
    void unknownTokensAreNotGone() {
        assertThatThrownBy(() -> at(NOW).accept("nope")).isInstanceOf(InvitationService.Unknown.class);
    }

    @Test
    void badInputSaysWhatToFix() {
        assertThatThrownBy(() -> at(NOW).invite("not-an-email", "X", "devops-engineer", "technical", null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not an email address");
        assertThatThrownBy(() -> at(NOW).invite("x@y.z", "X", "DevOps!", "technical", null))
                .hasMessageContaining("there is no role 'DevOps!'");
        assertThatThrownBy(() -> at(NOW).invite("x@y.z", "X", "devops-engineer", "onsite", null))
                .hasMessage("role devops-engineer has no stage 'onsite'; its stages are [technical, system-design]");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {
                "Eve \u202Egnp.exe", // right-to-left override: reorders what follows
                "Eve\u200B Adams", // zero-width space
                "Eve \u2066Adams\u2069", // isolates
                "Eve\u00ADAdams", // soft hyphen, invisible
                "Eve\nAdams", // a line break splits a CSV row
                "Eve\u0085Adams" // C1 next line
            })
    void namesThatHideOrReorderTextAreRefused(String name) {
        assertThatThrownBy(() -> at(NOW).invite("eve@example.com", name, "devops-engineer", "technical", null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("bidirectional or invisible characters");
    }

    @Test
    void emailsThatHideTextAreRefused() {
        assertThatThrownBy(() -> at(NOW).invite("eve\u200b@example.com", "Eve", "devops-engineer", "technical", null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not an email address");
        assertThatThrownBy(() -> at(NOW).invite("\u202Eeve@example.com", "Eve", "devops-engineer", "technical", null))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void namesInAnyScriptAreWelcome() {
        assertThat(at(NOW).invite("zoe@example.com", "Zoë Łukasz-Nguyễn 山田 علي", "devops-engineer", "technical", null)
                        .assessmentId())
                .isPositive();
    }
}
