package dev.assay.service.auth;

import dev.assay.service.core.Role;
import dev.assay.service.db.User;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling: a staff user, a candidate (through an accepted invitation), both (a staff member trying
 * an invitation in the same browser), or nobody.
 */
public record Actor(@Nullable User user, @Nullable Long assessmentId) implements Principal {

    public static final Actor ANONYMOUS = new Actor(null, null);

    public Optional<User> staff() {
        return Optional.ofNullable(user);
    }

    public Optional<Long> candidateAssessment() {
        return Optional.ofNullable(assessmentId);
    }

    public boolean anonymous() {
        return user == null && assessmentId == null;
    }

    public boolean hasRole(String role) {
        if (Role.CANDIDATE_ROLE.equals(role)) {
            return assessmentId != null;
        }
        return user != null && user.role().wire().equals(role);
    }

    @Override
    public String getName() {
        if (user != null) {
            return user.email();
        }
        return assessmentId != null ? "candidate:" + assessmentId : "anonymous";
    }

    /** The actor the request filter put on this request. */
    public static Actor of(SecurityContext context) {
        return context.getUserPrincipal() instanceof Actor actor ? actor : ANONYMOUS;
    }

    /** The staff user behind a route that only staff may reach. */
    public static User staffOf(SecurityContext context) {
        return of(context).staff().orElseThrow(() -> new IllegalStateException("route reached without a staff user"));
    }
}
