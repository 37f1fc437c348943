package dev.assay.service.invitations;

import dev.assay.service.auth.AccountService;
import dev.assay.service.auth.Tokens;
import dev.assay.service.catalog.Role;
import dev.assay.service.core.InvalidInputException;
import dev.assay.service.db.AssessmentDao;
import dev.assay.service.db.CandidateReads;
import dev.assay.service.db.Invitation;
import dev.assay.service.scoring.GradeEvents;
import dev.assay.service.scoring.GradeLog;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
    /**
     * An invitation just made: the token appears here once and is never stored. {@code labs} are the candidate's
     * labs (none for an interview stage), chosen as {@code composition} says ("auto" from {@code seed}, "picked");
     * the seed, given for every labs stage, also draws the labs' parameter values.
     */
    public record Created(
            long candidateId,
            long assessmentId,
            long invitationId,
            URI link,
            Instant expiresAt,
            List<String> labs,
            @Nullable String composition,
            @Nullable Long seed) {}

    /** Draws a candidate's labs for a labs stage from a seed so that they meet the stage's blueprint. */
    @FunctionalInterface
    public interface StageComposer {
        List<String> compose(Role role, Role.Stage stage, long seed);
    }

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
    private final StageComposer composer;
    private final GradeLog log;
    private final SecureRandom seeds = new SecureRandom();
    private final URI publicUrl;
    private final Duration invitationTtl;
    private final Duration candidateSessionTtl;
    private final Clock clock;

    /**
     * {@code roles} finds the roles candidates can be invited to (the lab catalog's); {@code composer} draws a
     * candidate's labs (the catalog's Composer).
     */
    public InvitationService(
            Jdbi jdbi,
            Function<String, Optional<Role>> roles,
            StageComposer composer,
            GradeLog log,
            URI publicUrl,
            Duration invitationTtl,
            Duration candidateSessionTtl,
            Clock clock) {
        this.jdbi = jdbi;
        this.reads = new CandidateReads(jdbi);
        this.roles = roles;
        this.composer = composer;
        this.log = log;
        this.publicUrl = publicUrl;
        this.invitationTtl = invitationTtl;
        this.candidateSessionTtl = candidateSessionTtl;
        this.clock = clock;
    }

    /** Invites with labs composed for the candidate (the default). */
    public Created invite(String email, String fullName, String roleId, String stage, @Nullable Long invitedBy) {
        return invite(email, fullName, roleId, stage, invitedBy, LabChoice.auto());
    }

    /**
     * Creates the candidate, the assessment with its own labs (composed or picked) and its invitation in one
     * transaction.
     */
    public Created invite(
            String email, String fullName, String roleId, String stageId, @Nullable Long invitedBy, LabChoice choice) {
        String normalizedEmail = AccountService.normalizeEmail(email);
        AccountService.checkName(fullName, "the candidate's name");
        Role role = roles.apply(roleId)
                .orElseThrow(() -> new InvalidInputException("there is no role '" + AccountService.printable(roleId)
                        + "'; roles are the files in labs/roles/ ('./assay labs list' shows them)"));
        Role.Stage stage = role.stages().stream()
                .filter(s -> s.id().equals(stageId))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("role " + roleId + " has no stage '"
                        + AccountService.printable(stageId) + "'; its stages are "
                        + role.stages().stream().map(Role.Stage::id).toList()));
        // every labs stage's assessment gets a seed, picked labs too: it draws the composition ('auto') and each
        // lab's parameter values (labs/README.md, Parameters)
        Long seed = stage.kind() == Role.Kind.LABS ? seeds.nextLong() : null;
        List<String> labs = labsFor(role, stage, choice, seed);
        String composition = stage.kind() == Role.Kind.LABS ? choice.wire() : null;
        String token = Tokens.newToken();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(invitationTtl);
        return jdbi.inTransaction(handle -> {
            AssessmentDao dao = handle.attach(AssessmentDao.class);
            long candidateId = dao.insertCandidate(normalizedEmail, fullName.trim(), invitedBy, now);
            long assessmentId = dao.insertAssessment(candidateId, roleId, stageId, invitedBy, now);
            if (composition != null) {
                dao.setComposition(assessmentId, composition, seed);
                for (int i = 0; i < labs.size(); i++) {
                    dao.insertLab(assessmentId, i, labs.get(i));
                }
                log.appendIn(handle, assessmentId, GradeEvents.COMPOSED, invitedBy, composed(composition, seed, labs));
            }
            long invitationId = dao.insertInvitation(assessmentId, Tokens.hash(token), invitedBy, now, expiresAt);
            return new Created(
                    candidateId, assessmentId, invitationId, linkFor(token), expiresAt, labs, composition, seed);
        });
    }

    /** The grade log's record of a composition: {"composition": ..., "seed": ..., "labs": [...]}. */
    private static String composed(String composition, @Nullable Long seed, List<String> labs) {
        java.util.Map<String, Object> payload = new java.util.LinkedHashMap<>();
        payload.put("composition", composition);
        payload.put("seed", seed);
        payload.put("labs", labs);
        try {
            return JSON.writeValueAsString(payload);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + payload, e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /** The labs a choice gives: composed from the seed, or the picks checked against the stage's labs and pool. */
    private List<String> labsFor(Role role, Role.Stage stage, LabChoice choice, @Nullable Long seed) {
        if (stage.kind() != Role.Kind.LABS) {
            if (choice instanceof LabChoice.Picked) {
                throw new InvalidInputException(
                        "labs: stage " + stage.id() + " is an interview; it has no labs" + " to pick (leave labs out)");
            }
            return List.of();
        }
        if (choice instanceof LabChoice.Picked picked) {
            return StagePicks.check(stage, picked.labs());
        }
        return composer.compose(role, stage, java.util.Objects.requireNonNull(seed));
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
