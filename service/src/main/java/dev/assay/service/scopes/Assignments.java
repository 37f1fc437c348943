package dev.assay.service.scopes;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.service.auth.AccountService;
import dev.assay.service.core.InvalidInputException;
import dev.assay.service.core.Role;
import dev.assay.service.db.AssessmentDao;
import dev.assay.service.db.AssessmentSummary;
import dev.assay.service.db.AssignmentDao;
import dev.assay.service.db.StaffListDao;
import dev.assay.service.db.StaffSearch;
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

    /**
     * The assessments this staff member may open whose candidate's name or e-mail matches {@code search}: {@code
     * limit} of them from {@code offset}, newest first.
     */
    public List<AssessmentSummary> assessments(User user, StaffSearch search, long offset, int limit) {
        return jdbi.withExtension(
                StaffListDao.class, dao -> dao.assessments(search.pattern(), everyone(user), user.id(), limit, offset));
    }

    /** How many assessments {@link #assessments} lists in all. */
    public long countAssessments(User user, StaffSearch search) {
        return jdbi.withExtension(
                StaffListDao.class, dao -> dao.countAssessments(search.pattern(), everyone(user), user.id()));
    }

    /**
     * The hiring plans (a candidate's assessments for one role) with at least one assessment this staff member may
     * open, whose candidate matches {@code search}: {@code limit} from {@code offset}, the plan with the newest
     * assessment first.
     */
    public List<StaffListDao.Plan> plans(User user, StaffSearch search, long offset, int limit) {
        return jdbi.withExtension(
                StaffListDao.class, dao -> dao.plans(search.pattern(), everyone(user), user.id(), limit, offset));
    }

    /** How many plans {@link #plans} lists in all. */
    public long countPlans(User user, StaffSearch search) {
        return jdbi.withExtension(
                StaffListDao.class, dao -> dao.countPlans(search.pattern(), everyone(user), user.id()));
    }

    private static boolean everyone(User user) {
        return user.role() == Role.ADMIN;
    }

    /** The assessments of one plan this staff member may open, newest first (one query for the scope). */
    public List<AssessmentSummary> planOf(User user, StaffListDao.Plan plan) {
        List<AssessmentSummary> all =
                jdbi.withExtension(AssessmentDao.class, dao -> dao.ofCandidate(plan.email(), plan.roleId()));
        java.util.Set<Long> mine = everyone(user)
                ? all.stream().map(AssessmentSummary::assessmentId).collect(java.util.stream.Collectors.toSet())
                : assignedAmong(user, all);
        List<AssessmentSummary> newestFirst = new java.util.ArrayList<>();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (mine.contains(all.get(i).assessmentId())) {
                newestFirst.add(all.get(i));
            }
        }
        return newestFirst;
    }

    private java.util.Set<Long> assignedAmong(User user, List<AssessmentSummary> assessments) {
        if (user.role() != Role.INTERVIEWER || assessments.isEmpty()) {
            return java.util.Set.of();
        }
        List<Long> ids =
                assessments.stream().map(AssessmentSummary::assessmentId).toList();
        return java.util.Set.copyOf(jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT assessment_id FROM assessment_staff WHERE user_id = :u AND assessment_id IN (<ids>)")
                .bind("u", user.id())
                .bindList("ids", ids)
                .mapTo(Long.class)
                .list()));
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
