package dev.assay.service.scopes;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.service.auth.AccountService;
import dev.assay.service.core.InvalidInputException;
import dev.assay.service.core.Role;
import dev.assay.service.db.AssessmentDao;
import dev.assay.service.db.AssessmentSummary;
import dev.assay.service.db.AssignmentDao;
import dev.assay.service.db.User;
import dev.assay.service.db.UserDao;
import dev.assay.service.scoring.GradeEvents;
import dev.assay.service.scoring.GradeLog;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * Staff scopes: which assessments a staff member sees and acts on. Admins: every one. Interviewers: those they are
 * assigned to. The admin who invites a candidate is assigned at once; admins assign and unassign anyone on staff
 * later. Each change commits together with its grade-log event ({@link GradeEvents#ASSIGNED}, {@link
 * GradeEvents#UNASSIGNED}), which names who made it, whom it concerns and when.
 */
public final class Assignments {
    private final Jdbi jdbi;
    private final GradeLog log;
    private final ObjectMapper json;
    private final Clock clock;

    public Assignments(Jdbi jdbi, GradeLog log, ObjectMapper json, Clock clock) {
        this.jdbi = jdbi;
        this.log = log;
        this.json = json;
        this.clock = clock;
    }

    /** Whether this staff member may see and act on the assessment (false for one that does not exist). */
    public boolean mayOpen(User user, long assessmentId) {
        if (user.role() == Role.ADMIN) {
            return true;
        }
        return user.role() == Role.INTERVIEWER
                && jdbi.withExtension(AssignmentDao.class, dao -> dao.assigned(assessmentId, user.id()));
    }

    /** The newest assessments this staff member may open, newest first. */
    public List<AssessmentSummary> recent(User user, int limit) {
        if (user.role() == Role.ADMIN) {
            return jdbi.withExtension(AssessmentDao.class, dao -> dao.recent(limit));
        }
        return jdbi.withExtension(AssignmentDao.class, dao -> dao.recentAssignedTo(user.id(), limit));
    }

    public List<AssignmentDao.Assignee> assignees(long assessmentId) {
        return jdbi.withExtension(AssignmentDao.class, dao -> dao.assignees(assessmentId));
    }

    /** Whoever has this account id, to name them in a log (disabled accounts too). */
    public java.util.Optional<User> user(long userId) {
        return jdbi.withExtension(UserDao.class, dao -> dao.findById(userId));
    }

    /** Staff accounts that can be assigned (not disabled). */
    public List<User> assignable() {
        return jdbi.withExtension(AssignmentDao.class, AssignmentDao::activeStaff);
    }

    /** The active staff account with this email; a clear refusal otherwise. */
    public User staff(String email) {
        String normalized = AccountService.normalizeEmail(email);
        User user = jdbi.withExtension(UserDao.class, dao -> dao.findByEmail(normalized))
                .orElseThrow(() -> new InvalidInputException("no staff account " + normalized
                        + "; create it with ./assay user add " + normalized + " --role interviewer"));
        if (!user.active()) {
            throw new InvalidInputException("the account " + normalized + " is disabled; it cannot be assigned");
        }
        return user;
    }

    /** Assigns a staff member; false when they were assigned already (nothing is logged then). */
    public boolean assign(long assessmentId, User user, @Nullable Long by) {
        String payload = GradeEvents.write(json, new GradeEvents.Assignment(user.id(), user.email()));
        return log.appendWith(assessmentId, GradeEvents.ASSIGNED, by, payload, handle -> {
            AssignmentDao dao = handle.attach(AssignmentDao.class);
            if (dao.assigned(assessmentId, user.id())) {
                return false;
            }
            dao.insert(assessmentId, user.id(), by, clock.instant());
            return true;
        });
    }

    /** Unassigns the staff member with this email; false when they were not assigned. */
    public boolean unassign(long assessmentId, String email, long by) {
        String normalized = AccountService.normalizeEmail(email);
        User user = jdbi.withExtension(UserDao.class, dao -> dao.findByEmail(normalized))
                .orElseThrow(() -> new InvalidInputException("no staff account " + normalized));
        String payload = GradeEvents.write(json, new GradeEvents.Assignment(user.id(), user.email()));
        return log.appendWith(
                assessmentId,
                GradeEvents.UNASSIGNED,
                by,
                payload,
                handle -> handle.attach(AssignmentDao.class).delete(assessmentId, user.id()) == 1);
    }
}
