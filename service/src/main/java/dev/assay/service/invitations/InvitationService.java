package dev.assay.service.invitations;

import dev.assay.service.auth.AccountService;
import dev.assay.service.auth.Tokens;
import dev.assay.service.catalog.Role;
import dev.assay.service.core.InvalidInputException;
import dev.assay.service.db.AssessmentDao;
import dev.assay.service.db.CandidateReads;
import dev.assay.service.db.Invitation;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * Invites candidates to a role stage and turns an invitation link into a candidate session, once.
 *
 * <p>Opening the link (GET) only shows the invitation, so mail scanners that fetch links do not burn it;
 * accepting it (POST) consumes it atomically. A second accept, or one after expiry, is {@link Gone}.
 */
public final class InvitationService {
    /** An invitation just made: the token appears here once and is never stored. */
    public record Created(long candidateId, long assessmentId, long invitationId, URI link, Instant expiresAt) {}

    /** A candidate session opened by accepting an invitation. */
    public record Accepted(long assessmentId, String sessionToken, Instant expiresAt) {}

    /** The invitation was used already or has expired. */
    public static final class Gone extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Gone(String message) {
            super(message);
        }
    }

    /** No invitation has this token. */
    public static final class Unknown extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Unknown() {
            super("this invitation link is not valid; check that it was copied whole");
        }
    }

    private final Jdbi jdbi;
    private final CandidateReads reads;
    private final Function<String, Optional<Role>> roles;
    private final URI publicUrl;
    private final Duration invitationTtl;
    private final Duration candidateSessionTtl;
    private final Clock clock;

    /** {@code roles} finds the roles candidates can be invited to (the lab catalog's). */
    public InvitationService(
            Jdbi jdbi,
            Function<String, Optional<Role>> roles,
            URI publicUrl,
            Duration invitationTtl,
            Duration candidateSessionTtl,
            Clock clock) {
        this.jdbi = jdbi;
        this.reads = new CandidateReads(jdbi);
        this.roles = roles;
        this.publicUrl = publicUrl;
        this.invitationTtl = invitationTtl;
        this.candidateSessionTtl = candidateSessionTtl;
        this.clock = clock;
    }

    /** Creates the candidate, the assessment and its invitation in one transaction. */
    public Created invite(String email, String fullName, String roleId, String stage, @Nullable Long invitedBy) {
        String normalizedEmail = AccountService.normalizeEmail(email);
        AccountService.checkName(fullName, "the candidate's name");
        Role role = roles.apply(roleId)
                .orElseThrow(() -> new InvalidInputException("there is no role '" + AccountService.printable(roleId)
                        + "'; roles are the files in labs/roles/ ('./assay labs list' shows them)"));
        if (role.stages().stream().noneMatch(s -> s.id().equals(stage))) {
            throw new InvalidInputException(
                    "role " + roleId + " has no stage '" + AccountService.printable(stage) + "'; its stages are "
                            + role.stages().stream().map(Role.Stage::id).toList());
        }
        String token = Tokens.newToken();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(invitationTtl);
        return jdbi.inTransaction(handle -> {
            AssessmentDao dao = handle.attach(AssessmentDao.class);
            long candidateId = dao.insertCandidate(normalizedEmail, fullName.trim(), invitedBy, now);
            long assessmentId = dao.insertAssessment(candidateId, roleId, stage, invitedBy, now);
            long invitationId = dao.insertInvitation(assessmentId, Tokens.hash(token), invitedBy, now, expiresAt);
            return new Created(candidateId, assessmentId, invitationId, linkFor(token), expiresAt);
        });
    }

    public URI linkFor(String token) {
        return publicUrl.resolve("/i/" + token);
    }

    /** The invitation behind a link, if it is still usable. */
    public Invitation open(String token) {
        Invitation invitation = jdbi.withExtension(AssessmentDao.class, dao -> dao.findInvitation(Tokens.hash(token)))
                .orElseThrow(Unknown::new);
        if (!invitation.usableAt(clock.instant())) {
            throw goneFor(invitation);
        }
        return invitation;
    }

    /** Consumes the invitation and opens a candidate session; only the first call succeeds. */
    public Accepted accept(String token) {
        String tokenHash = Tokens.hash(token);
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            AssessmentDao dao = handle.attach(AssessmentDao.class);
            Invitation invitation = dao.findInvitation(tokenHash).orElseThrow(Unknown::new);
            if (dao.acceptInvitation(tokenHash, now) != 1) {
                // read again: a concurrent accept may have won since the first read
                throw goneFor(dao.findInvitation(tokenHash).orElse(invitation));
            }
            dao.updateStatus(invitation.assessmentId(), "accepted");
            String sessionToken = Tokens.newToken();
            Instant expiresAt = now.plus(candidateSessionTtl);
            dao.insertCandidateSession(Tokens.hash(sessionToken), invitation.assessmentId(), now, expiresAt);
            return new Accepted(invitation.assessmentId(), sessionToken, expiresAt);
        });
    }

    public Optional<Long> assessmentForSession(String sessionToken) {
        return reads.assessmentForSession(Tokens.hash(sessionToken), clock.instant());
    }

    private static Gone goneFor(Invitation invitation) {
        return new Gone(
                invitation.acceptedAt() != null
                        ? "this invitation has been used already; ask the hiring team for a new link if that was not you"
                        : "this invitation expired; ask the hiring team for a new link");
    }
}
