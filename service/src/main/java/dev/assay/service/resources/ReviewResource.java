package dev.assay.service.resources;

import dev.assay.grading.Evidence;
import dev.assay.grading.Observation;
import dev.assay.service.auth.Actor;
import dev.assay.service.catalog.Lab;
import dev.assay.service.catalog.LabCatalog;
import dev.assay.service.catalog.Role;
import dev.assay.service.core.InvalidInputException;
import dev.assay.service.db.AssessmentSummary;
import dev.assay.service.db.GradeEventDao;
import dev.assay.service.db.LabSession;
import dev.assay.service.db.RecordingDao;
import dev.assay.service.db.User;
import dev.assay.service.db.UserDao;
import dev.assay.service.grading.Grading;
import dev.assay.service.grading.LabResult;
import dev.assay.service.scoring.GradeEvents;
import dev.assay.service.scoring.Rubric;
import dev.assay.service.scoring.Scorecard;
import dev.assay.service.scoring.Scoring;
import dev.assay.service.views.Inert;
import dev.assay.service.views.ReviewView;
import dev.assay.service.web.BrowserSessionFilter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * The interviewer's review of one assessment: the scorecard with every check's evidence, terminal replays,
 * overrides of a check or of the recommendation (a reason code and a comment required), notes, and the
 * interviewer's own five-point rating, optionally given blind. Every change is an event in the grade log.
 */
@Path("/admin/assessments/{id}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({dev.assay.service.core.Role.STAFF_ADMIN, dev.assay.service.core.Role.STAFF_INTERVIEWER})
public class ReviewResource {
    static final int MAX_COMMENT = 2000;
    static final int MAX_NOTE = 4000;

    private final Jdbi jdbi;
    private final LabCatalog catalog;
    private final Scoring scoring;
    private final Grading grading;

    public ReviewResource(Jdbi jdbi, LabCatalog catalog, Scoring scoring, Grading grading) {
        this.jdbi = jdbi;
        this.catalog = catalog;
        this.scoring = scoring;
        this.grading = grading;
    }

    /**
     * The review page. Until this interviewer has seen the automated grade it opens blind: the replays and the
     * rating form alone, so a rating given now is not anchored by the grade. {@code show=true} shows the grade,
     * and seeing it is logged once per interviewer.
     */
    @GET
    public ReviewView page(
            @Context ContainerRequestContext request,
            @PathParam("id") long id,
            @QueryParam("show") @DefaultValue("false") boolean show) {
        return view(request, id, show, null);
    }

    private ReviewView view(ContainerRequestContext request, long id, boolean show, @Nullable String error) {
        AssessmentSummary assessment = scoring.assessment(id);
        User me = Actor.staffOf(request.getSecurityContext());
        GradeEvents.Review review = scoring.review(id);
        boolean seen = review.seenBy().contains(me.id());
        boolean blindNow = !show && !seen;
        if (!blindNow && !seen) {
            scoring.append(id, GradeEvents.SEEN, me.id(), Map.of("page", "review"));
            review = scoring.review(id);
        }
        Role role = scoring.role(assessment);
        Scorecard card = blindNow ? null : scoring.current(id);
        Map<Long, String> names = new HashMap<>();
        List<GradeEventDao.Event> events = jdbi.withExtension(GradeEventDao.class, dao -> dao.all(id));
        int broken = scoring.log().verify(events);
        String chain = broken < 0
                ? "The grade log's " + events.size() + " events verify."
                : "The grade log is broken at event " + broken + ": it was changed outside Assay.";
        List<ReviewView.Entry> notes = review.notes().stream()
                .map(n -> entry(n, names, Inert.text(n.value().text())))
                .toList();
        List<ReviewView.Entry> ratings = review.ratings().values().stream()
                .map(r -> entry(r, names, ratingText(r.value())))
                .toList();
        List<ReviewView.Entry> log = events.stream()
                .map(e -> new ReviewView.Entry(
                        name(e.actorUserId(), names), at(e.createdAt()), e.seq() + " " + e.eventType()))
                .toList();
        List<ReviewView.SkillChoice> skills = role.skills().stream()
                .filter(s -> measured(role, assessment.stage(), s.id()))
                .map(s -> new ReviewView.SkillChoice(s.id(), s.title()))
                .toList();
        return new ReviewView(
                BrowserSessionFilter.csrfToken(request),
                new ReviewView.Model(
                        assessment,
                        blindNow,
                        card,
                        labs(id, role, assessment.stage(), card, review, names, blindNow),
                        blindNow ? List.of() : notes,
                        blindNow ? List.of() : ratings,
                        blindNow ? List.of() : log,
                        chain,
                        skills,
                        error));
    }

    private boolean measured(Role role, String stage, String skill) {
        return Rubric.labsOf(role, stage).stream()
                .flatMap(lab -> catalog.lab(lab).stream())
                .anyMatch(lab -> lab.skills().getOrDefault(skill, 0.0) > 0);
    }

    private List<ReviewView.LabBlock> labs(
            long id,
            Role role,
            String stage,
            @Nullable Scorecard card,
            GradeEvents.Review review,
            Map<Long, String> names,
            boolean blind) {
        Map<String, LabSession> sessions = scoring.latestSessions(id);
        List<ReviewView.LabBlock> blocks = new ArrayList<>();
        for (String labId : Rubric.labsOf(role, stage)) {
            Optional<Lab> lab = catalog.lab(labId);
            LabSession session = sessions.get(labId);
            Optional<LabResult> result =
                    session == null || blind ? Optional.empty() : grading.finalResult(session.id());
            List<ReviewView.CheckRow> rows = result.map(r -> r.tests().stream()
                            .map(t -> row(labId, t, review, names))
                            .toList())
                    .orElse(List.of());
            boolean recorded = session != null
                    && jdbi.withExtension(RecordingDao.class, dao -> dao.header(session.id()))
                            .isPresent();
            blocks.add(new ReviewView.LabBlock(
                    labId,
                    lab.map(Lab::title).orElse(labId),
                    session == null ? "not started" : session.state(),
                    session == null ? null : session.id(),
                    recorded,
                    session == null ? "" : "/api/v1/assessments/" + id + "/sessions/" + session.id() + "/recording",
                    rows));
        }
        return blocks;
    }

    private ReviewView.CheckRow row(
            String labId, LabResult.Test test, GradeEvents.Review review, Map<Long, String> names) {
        var override = review.override(labId, test.id());
        ReviewView.Overridden overridden = null;
        String status = test.status();
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
        return new ReviewView.CheckRow(
                labId,
                test.id(),
                test.title(),
                status,
                credit(test.credit()),
                dev.assay.service.scoring.RubricYaml.num(test.points()),
                "",
                test.gate(),
                test.visibility(),
                test.grader() + " " + test.graderVersion(),
                Inert.text(test.message()),
                test.observations().stream()
                        .map((Observation o) -> new ReviewView.Line(Inert.text(o.what(), 200), Inert.text(o.value())))
                        .toList(),
                Inert.text(test.output()),
                test.outputTruncated(),
                test.evidence().stream()
                        .map((Evidence e) -> new ReviewView.Line(
                                e.kind(),
                                Inert.text(e.ref(), 500) + " (" + e.size() + " bytes, sha256 " + e.sha256() + ")"))
                        .toList(),
                overridden);
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
                user,
                u -> jdbi.withExtension(UserDao.class, dao -> dao.findById(u))
                        .map(User::displayName)
                        .orElse("user " + u));
    }

    static String at(java.time.Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString()
                .replace('T', ' ');
    }

    static String credit(@Nullable Double credit) {
        return credit == null ? "not graded" : String.format(Locale.ROOT, "%.2f", credit);
    }

    private static String label(String reason) {
        return GradeEvents.REASONS.getOrDefault(reason, reason);
    }

    /** Overrides a check ({@code target} = lab/check, {@code credit} 0..1) or the recommendation ({@code verdict}). */
    @POST
    @Path("overrides")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response override(
            @Context ContainerRequestContext request, @PathParam("id") long id, MultivaluedMap<String, String> form) {
        User me = Actor.staffOf(request.getSecurityContext());
        AssessmentSummary assessment = scoring.assessment(id);
        try {
            String reason = required(form, "reason", 50);
            if (!GradeEvents.REASONS.containsKey(reason)) {
                throw new InvalidInputException("reason: choose one of " + GradeEvents.REASONS.keySet());
            }
            String comment = required(form, "comment", MAX_COMMENT);
            String target = required(form, "target", 300);
            if (target.equals("recommendation")) {
                decide(id, me, required(form, "verdict", 20), reason, comment);
            } else {
                overrideCheck(id, assessment, me, target, required(form, "credit", 10), reason, comment);
            }
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(view(request, id, true, e.getMessage()))
                    .build();
        }
        return seeOther(id);
    }

    private void decide(long id, User me, String verdict, String reason, String comment) {
        if (!GradeEvents.VERDICTS.contains(verdict)) {
            throw new InvalidInputException("verdict: one of " + GradeEvents.VERDICTS);
        }
        Scorecard card = scoring.current(id);
        var last = scoring.review(id).decision();
        var decision = new GradeEvents.Decision(card.finalVerdict(), verdict, reason, comment);
        if (last == null || !sameDecision(last.value(), decision)) {
            scoring.append(id, GradeEvents.DECIDED, me.id(), decision);
        }
    }

    private static boolean sameDecision(GradeEvents.Decision a, GradeEvents.Decision b) {
        return a.to().equals(b.to())
                && a.reason().equals(b.reason())
                && a.comment().equals(b.comment());
    }

    private void overrideCheck(
            long id,
            AssessmentSummary assessment,
            User me,
            String target,
            String creditText,
            String reason,
            String comment) {
        String[] parts = target.split("/", 2);
        Role role = scoring.role(assessment);
        if (parts.length != 2 || !Rubric.labsOf(role, assessment.stage()).contains(parts[0])) {
            throw new InvalidInputException("target: " + target + " is not a lab/check of this stage");
        }
        LabSession session = scoring.latestSessions(id).get(parts[0]);
        var rows = scoring.finalRows(session);
        if (session == null || rows.isEmpty()) {
            throw new InvalidInputException(parts[0] + " has not been graded yet; override it once it has");
        }
        if (catalog.lab(parts[0]).stream().flatMap(l -> l.checks().stream()).noneMatch(c -> c.id().equals(parts[1]))) {
            throw new InvalidInputException("target: " + parts[0] + " has no check " + parts[1]);
        }
        double credit;
        try {
            credit = Double.parseDouble(creditText);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("credit: a number from 0 (fail) to 1 (pass)");
        }
        if (!(credit >= 0 && credit <= 1)) {
            throw new InvalidInputException("credit: a number from 0 (fail) to 1 (pass)");
        }
        var row = rows.get(parts[1]);
        Double automated = row != null && row.trusted() ? row.credit() : null;
        var last = scoring.review(id).override(parts[0], parts[1]);
        var event = new GradeEvents.CheckOverride(parts[0], parts[1], automated, credit, reason, comment);
        if (last == null || !last.value().equals(event)) {
            scoring.append(id, GradeEvents.CHECK_OVERRIDDEN, me.id(), event);
        }
    }

    @POST
    @Path("notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response note(
            @Context ContainerRequestContext request, @PathParam("id") long id, MultivaluedMap<String, String> form) {
        User me = Actor.staffOf(request.getSecurityContext());
        scoring.assessment(id);
        try {
            scoring.append(id, GradeEvents.NOTE, me.id(), new GradeEvents.Note(required(form, "text", MAX_NOTE)));
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(view(request, id, true, e.getMessage()))
                    .build();
        }
        return seeOther(id);
    }

    /**
     * The interviewer's own rating: overall (required) and per skill (optional), on the five-point scale. It is
     * recorded as blind when the grade log shows this interviewer had not seen the automated grade before.
     */
    @POST
    @Path("rating")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rate(
            @Context ContainerRequestContext request, @PathParam("id") long id, MultivaluedMap<String, String> form) {
        User me = Actor.staffOf(request.getSecurityContext());
        AssessmentSummary assessment = scoring.assessment(id);
        Role role = scoring.role(assessment);
        try {
            String overall = required(form, "overall", 20);
            if (!Role.RATINGS.contains(overall)) {
                throw new InvalidInputException("overall: one of " + Role.RATINGS);
            }
            Map<String, String> skills = new LinkedHashMap<>();
            for (Role.Skill skill : role.skills()) {
                String value = form.getFirst("skill." + skill.id());
                if (value != null && !value.isBlank()) {
                    if (!Role.RATINGS.contains(value)) {
                        throw new InvalidInputException("skill." + skill.id() + ": one of " + Role.RATINGS);
                    }
                    skills.put(skill.id(), value);
                }
            }
            boolean blind = !scoring.review(id).seenBy().contains(me.id());
            scoring.append(id, GradeEvents.RATED, me.id(), new GradeEvents.Rating(overall, skills, blind));
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(view(request, id, false, e.getMessage()))
                    .build();
        }
        return seeOther(id);
    }

    private static String required(MultivaluedMap<String, String> form, String field, int max) {
        String value = form.getFirst(field);
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field + ": required");
        }
        if (value.length() > max) {
            throw new InvalidInputException(field + ": at most " + max + " characters, got " + value.length());
        }
        String text = value.replace("\r\n", "\n").strip();
        if (!Inert.text(text, max).equals(text)) {
            throw new InvalidInputException(field + ": remove the control or bidirectional formatting characters"
                    + " (they can hide or reorder what others read)");
        }
        return text;
    }

    private static Response seeOther(long id) {
        return Response.seeOther(URI.create("/admin/assessments/" + id + "?show=true"))
                .build();
    }
}
