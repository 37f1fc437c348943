package dev.assay.service.resources;

import dev.assay.grading.Evidence;
import dev.assay.grading.Observation;
import dev.assay.service.auth.Actor;
import dev.assay.service.catalog.Lab;
import dev.assay.service.catalog.LabCatalog;
import dev.assay.service.catalog.Role;
import dev.assay.service.core.Inert;
import dev.assay.service.db.AssessmentSummary;
import dev.assay.service.db.AssignmentDao;
import dev.assay.service.db.GradeEventDao;
import dev.assay.service.db.LabSession;
import dev.assay.service.db.User;
import dev.assay.service.grading.Grading;
import dev.assay.service.grading.LabResult;
import dev.assay.service.scopes.Assignments;
import dev.assay.service.scoring.GradeEvents;
import dev.assay.service.scoring.Rubric;
import dev.assay.service.scoring.RubricYaml;
import dev.assay.service.scoring.Scorecard;
import dev.assay.service.scoring.Scoring;
import dev.assay.service.terminal.Recordings;
import dev.assay.service.views.ReviewView;
import dev.assay.service.web.BrowserSessionFilter;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Builds the review page of one assessment for one staff member: blind (replays and the rating form only) until
 * they have revealed the automated grade, then the scorecard, every check with its evidence made inert and
 * weighed by the active rubric, overrides, notes, ratings and the grade log with its verification.
 */
final class ReviewPages {
    /** How many observations of one check the page shows at most. */
    static final int MAX_OBSERVATIONS = 50;

    private final Recordings recordings;
    private final LabCatalog catalog;
    private final Scoring scoring;
    private final Grading grading;
    private final Assignments assignments;

    ReviewPages(Recordings recordings, LabCatalog catalog, Scoring scoring, Grading grading, Assignments assignments) {
        this.recordings = recordings;
        this.catalog = catalog;
        this.scoring = scoring;
        this.grading = grading;
        this.assignments = assignments;
    }

    ReviewView view(ContainerRequestContext request, long id, @Nullable String error) {
        AssessmentSummary assessment = scoring.assessment(id);
        User me = Actor.staffOf(request.getSecurityContext());
        GradeEvents.Review review = scoring.review(id);
        boolean blind = !review.seenBy().contains(me.id());
        Role role = scoring.role(assessment);
        Scorecard card = blind ? null : scoring.current(id);
        Rubric rubric = scoring.activeRubric(role, assessment.stage());
        Map<Long, String> names = new HashMap<>();
        List<GradeEventDao.Event> events = scoring.events(id);
        int broken = scoring.log().verify(events);
        String chain = broken < 0
                ? "The grade log's " + events.size() + " events verify."
                : "The grade log is broken at event " + broken + ": it was changed outside Assay.";
        List<ReviewView.Entry> notes = review.notes().stream()
                .map(n -> entry(n, names, Inert.text(n.value().text())))
                .toList();
        List<ReviewView.Entry> log = events.stream()
                .map(e -> new ReviewView.Entry(name(e.actorUserId(), names), at(e.createdAt()), logLine(e)))
                .toList();
        List<ReviewView.SkillChoice> skills = role.skills().stream()
                .filter(s -> measured(assessment, s.id()))
                .map(s -> new ReviewView.SkillChoice(s.id(), s.title()))
                .toList();
        return new ReviewView(
                BrowserSessionFilter.csrfToken(request),
                new ReviewView.Model(
                        assessment,
                        blind,
                        card,
                        labs(assessment, rubric, review, names, blind),
                        blind ? List.of() : notes,
                        blind ? mine(review, me.id(), names) : ratings(review, names),
                        blind ? List.of() : log,
                        chain,
                        skills,
                        staffing(id, me, names),
                        role.stages().stream()
                                .anyMatch(s -> s.id().equals(assessment.stage()) && s.kind() == Role.Kind.INTERVIEW),
                        composition(events),
                        error));
    }

    /** Who is assigned, by whom and when; for an admin, the active staff not assigned yet. */
    private ReviewView.Staffing staffing(long id, User me, Map<Long, String> names) {
        List<AssignmentDao.Assignee> assigned = assignments.assignees(id);
        List<ReviewView.Assignee> rows = assigned.stream()
                .map(a -> new ReviewView.Assignee(
                        a.email(), a.displayName(), a.role(), name(a.assignedBy(), names), at(a.assignedAt())))
                .toList();
        boolean admin = me.role() == dev.assay.service.core.Role.ADMIN;
        List<ReviewView.Option> others = !admin
                ? List.of()
                : assignments.assignable().stream()
                        .filter(u -> assigned.stream().noneMatch(a -> a.userId() == u.id()))
                        .map(u -> new ReviewView.Option(u.email(), u.displayName() + " (" + u.email() + ")"))
                        .toList();
        return new ReviewView.Staffing(rows, others, admin);
    }

    /** How the labs were chosen, from the grade log's record of it: "picked: a, b" or "composed (auto, seed 7): a, b". */
    private static @Nullable String composition(List<GradeEventDao.Event> events) {
        for (GradeEventDao.Event event : events) {
            if (event.eventType().equals(GradeEvents.COMPOSED)) {
                try {
                    var payload = JSON.readTree(event.payload());
                    List<String> labs = new ArrayList<>();
                    payload.path("labs").forEach(lab -> labs.add(Inert.text(lab.asText(), 80)));
                    String how = Inert.text(payload.path("composition").asText(), 16);
                    return (how.equals("auto")
                                    ? "composed (auto, seed "
                                            + payload.path("seed").asText() + ")"
                                    : how)
                            + ": " + String.join(", ", labs);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    return "(unreadable record of the composition)";
                }
            }
        }
        return null;
    }

    /** A grade-log line: sequence and type, and whom an assignment change concerns. */
    private static String logLine(GradeEventDao.Event event) {
        String line = event.seq() + " " + event.eventType();
        if (event.eventType().equals(GradeEvents.ASSIGNED) || event.eventType().equals(GradeEvents.UNASSIGNED)) {
            try {
                line += " "
                        + Inert.text(
                                JSON.readTree(event.payload()).path("email").asText(), 320);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                line += " (unreadable payload)";
            }
        }
        if (event.eventType().equals(GradeEvents.COMPOSED)) {
            try {
                var payload = JSON.readTree(event.payload());
                line += " " + Inert.text(payload.path("composition").asText(), 16) + " "
                        + Inert.text(payload.path("labs").toString(), 2000);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                line += " (unreadable payload)";
            }
        }
        return line;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private boolean measured(AssessmentSummary assessment, String skill) {
        return scoring.labsOf(assessment).stream()
                .flatMap(lab -> catalog.lab(lab).stream())
                .anyMatch(lab -> lab.skills().getOrDefault(skill, 0.0) > 0);
    }

    /** Every interviewer's ratings: the blind one when they gave one, and the latest when it differs. */
    private List<ReviewView.Entry> ratings(GradeEvents.Review review, Map<Long, String> names) {
        List<ReviewView.Entry> entries = new ArrayList<>();
        review.ratings().forEach((user, latest) -> {
            var blind = review.blindRatings().get(user);
            if (blind != null && blind.seq() != latest.seq()) {
                entries.add(entry(blind, names, ratingText(blind.value())));
            }
            entries.add(entry(latest, names, ratingText(latest.value())));
        });
        return entries;
    }

    /** While blind, one sees only one's own ratings. */
    private List<ReviewView.Entry> mine(GradeEvents.Review review, long me, Map<Long, String> names) {
        var latest = review.ratings().get(me);
        return latest == null ? List.of() : List.of(entry(latest, names, ratingText(latest.value())));
    }

    private List<ReviewView.LabBlock> labs(
            AssessmentSummary assessment,
            Rubric rubric,
            GradeEvents.Review review,
            Map<Long, String> names,
            boolean blind) {
        long id = assessment.assessmentId();
        Map<String, LabSession> sessions = scoring.latestSessions(id);
        List<ReviewView.LabBlock> blocks = new ArrayList<>();
        for (String labId : scoring.labsOf(assessment)) {
            Optional<Lab> lab = catalog.lab(labId).map(rubric::applyTo);
            LabSession session = sessions.get(labId);
            Optional<LabResult> result = session == null ? Optional.empty() : grading.finalResult(session.id());
            Map<String, Lab.Check> weighed = lab.map(
                            l -> l.checks().stream().collect(Collectors.toMap(Lab.Check::id, c -> c, (a, b) -> a)))
                    .orElse(Map.of());
            List<ReviewView.CheckRow> rows = session == null
                    ? List.of()
                    : result.map(r -> r.tests().stream()
                                    // blind: only the rubric's items, which hold no automated judgement
                                    .filter(t -> !blind || t.grader().equals("interviewer"))
                                    .map(t -> row(session.id(), labId, t, weighed.get(t.id()), review, names))
                                    .toList())
                            .orElse(List.of());
            boolean recorded =
                    session != null && recordings.header(session.id()).isPresent();
            blocks.add(new ReviewView.LabBlock(
                    labId,
                    lab.map(Lab::title).orElse(labId),
                    session == null ? "not started" : state(session),
                    session == null ? null : session.id(),
                    recorded,
                    session == null ? "" : "/api/v1/assessments/" + id + "/sessions/" + session.id() + "/recording",
                    rows));
        }
        return blocks;
    }

    /** "graded, version 3", and the session's variant when the lab has parameters ("variant port 8453, site store"). */
    private String state(LabSession session) {
        String variant = grading.variantOf(session.id());
        return session.state().wire() + ", version " + session.labVersion()
                + (variant.isEmpty() ? "" : ", variant " + variant);
    }

    private ReviewView.CheckRow row(
            long session,
            String labId,
            LabResult.Test test,
            Lab.@Nullable Check weighed,
            GradeEvents.Review review,
            Map<Long, String> names) {
        var override = review.override(session, labId, test.id());
        ReviewView.Overridden overridden = null;
        String status = test.trusted() ? test.status() : test.status() + ", advisory: not counted";
        if (override != null) {
            var o = override.value();
            overridden = new ReviewView.Overridden(
                    credit(o.from()),
                    credit(o.to()),
                    label(o.reason()),
                    Inert.text(o.comment()),
                    name(override.actor(), names),
                    at(override.at()));
            status = o.to() >= 1 ? "pass" : o.to() <= 0 ? "fail" : "partial";
        }
        double points = weighed == null ? test.points() : weighed.points();
        return new ReviewView.CheckRow(
                labId,
                test.id(),
                test.title(),
                status,
                credit(test.credit()),
                RubricYaml.num(points),
                weighed == null ? "" : skills(weighed.skills()),
                weighed == null ? test.gate() : weighed.gate(),
                test.visibility().wire(),
                test.grader() + " " + test.graderVersion(),
                Inert.text(test.message()),
                test.observations().stream()
                        .limit(MAX_OBSERVATIONS)
                        .map((Observation o) -> new ReviewView.Line(Inert.text(o.what(), 200), Inert.text(o.value())))
                        .toList(),
                Inert.text(test.output()),
                test.outputTruncated(),
                test.evidence().stream()
                        .limit(MAX_OBSERVATIONS)
                        .map((Evidence e) -> new ReviewView.Line(
                                Inert.text(e.kind(), 50),
                                Inert.text(e.ref(), 500) + " (" + e.size() + " bytes, sha256 "
                                        + Inert.text(e.sha256(), 64) + ")"))
                        .toList(),
                overridden);
    }

    private static String skills(Map<String, Double> skills) {
        return skills.entrySet().stream()
                .map(e -> e.getKey() + " " + RubricYaml.num(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String ratingText(GradeEvents.Rating rating) {
        String skills = rating.skills().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return "overall " + rating.overall() + (skills.isEmpty() ? "" : "; " + skills)
                + (rating.blind() ? " (rated blind, before seeing the automated grade)" : "");
    }

    private <T> ReviewView.Entry entry(GradeEvents.Entry<T> entry, Map<Long, String> names, String text) {
        return new ReviewView.Entry(name(entry.actor(), names), at(entry.at()), text);
    }

    private String name(@Nullable Long user, Map<Long, String> names) {
        if (user == null) {
            return "Assay";
        }
        return names.computeIfAbsent(
                user, u -> assignments.user(u).map(User::displayName).orElse("user " + u));
    }

    static String at(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' ');
    }

    static String credit(@Nullable Double credit) {
        return credit == null ? "not graded" : String.format(Locale.ROOT, "%.2f", credit);
    }

    private static String label(String reason) {
        return GradeEvents.REASONS.getOrDefault(reason, reason);
    }
}
