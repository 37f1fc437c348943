package dev.assay.service.terminal;

import dev.assay.service.db.LabSession;
import dev.assay.service.db.LabSessionDao;
import dev.assay.service.db.SessionState;
import dev.assay.service.db.StoredHandle;
import dev.assay.service.environment.EnvironmentDriver;
import dev.assay.service.sessions.SessionEnvironments;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * Decides who may open which terminal, before the WebSocket upgrade: the request must come from a page of this
 * site (Origin, against cross-site WebSocket hijacking), carry a valid candidate session cookie, and name a lab
 * of that candidate's own assessment whose session is active. Anything else is refused with a status and no
 * hint of whether another candidate's session exists.
 */
final class TerminalGate {
    static final Pattern PATH = Pattern.compile("/terminal/([a-z0-9][a-z0-9-]{0,99})");

    /** What the gate decided. */
    sealed interface Decision permits Admission, Refusal {}

    /** Let in: the session and what its terminal runs on. */
    record Admission(LabSession session, StoredHandle handle, EnvironmentDriver driver) implements Decision {}

    /** Kept out: the HTTP status and why. */
    record Refusal(int status, String reason) implements Decision {}

    private final Jdbi jdbi;
    private final Function<String, Optional<Long>> assessmentForToken;
    private final Function<Boolean, String> candidateCookieName;
    private final SessionEnvironments environments;
    private final java.time.Clock clock;

    TerminalGate(
            Jdbi jdbi,
            Function<String, Optional<Long>> assessmentForToken,
            Function<Boolean, String> candidateCookieName,
            SessionEnvironments environments,
            java.time.Clock clock) {
        this.clock = clock;
        this.jdbi = jdbi;
        this.assessmentForToken = assessmentForToken;
        this.candidateCookieName = candidateCookieName;
        this.environments = environments;
    }

    Decision decide(HttpServletRequest request) {
        if (!sameOrigin(request.getHeader("Origin"), request.getHeader("Host"))) {
            return new Refusal(403, "the terminal opens only from this site's own lab page");
        }
        Matcher path = PATH.matcher(request.getRequestURI());
        String token = candidateToken(request);
        Optional<Long> assessment = token == null ? Optional.empty() : assessmentForToken.apply(token);
        if (!path.matches() || assessment.isEmpty()) {
            return new Refusal(404, "no such terminal");
        }
        Optional<LabSession> session =
                jdbi.withExtension(LabSessionDao.class, dao -> dao.latest(assessment.get(), path.group(1)));
        if (session.isEmpty() || !stillOpen(session.get(), clock.instant())) {
            return new Refusal(404, "no active lab " + path.group(1) + " in this assessment");
        }
        return environments
                .of(session.get().id())
                .<Decision>map(bound -> new Admission(session.get(), bound.stored(), bound.driver()))
                .orElseGet(() -> new Refusal(404, "the lab has no environment"));
    }

    /** Active, and its time not up (the deadline keeper hands it in within a second of that). */
    static boolean stillOpen(LabSession session, java.time.Instant now) {
        return session.state() == SessionState.ACTIVE
                && (session.deadlineAt() == null || now.isBefore(session.deadlineAt()));
    }

    /** True when the Origin names the host the request was sent to (browsers always send Origin on upgrades). */
    static boolean sameOrigin(@Nullable String origin, @Nullable String host) {
        if (origin == null || host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getRawAuthority() != null
                    && uri.getRawAuthority().equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private @Nullable String candidateToken(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        String name = candidateCookieName.apply(request.isSecure());
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(name) && !cookie.getValue().isEmpty()) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
