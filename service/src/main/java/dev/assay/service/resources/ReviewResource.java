package dev.assay.service.resources;

import dev.assay.service.auth.Actor;
import dev.assay.service.catalog.LabCatalog;
import dev.assay.service.catalog.Role;
import dev.assay.service.core.Inert;
import dev.assay.service.core.InvalidInputException;
import dev.assay.service.db.AssessmentSummary;
import dev.assay.service.db.LabSession;
import dev.assay.service.db.User;
import dev.assay.service.grading.Grading;
import dev.assay.service.scopes.Assignments;
import dev.assay.service.scoring.GradeEvents;
import dev.assay.service.scoring.Scorecard;
import dev.assay.service.scoring.Scoring;
import dev.assay.service.terminal.Recordings;
import dev.assay.service.views.ReviewView;
import dev.assay.service.web.AssessmentScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The interviewer's review of one assessment: the scorecard with every check's evidence, terminal replays,
 * overrides of a check or of the recommendation (a reason code and a comment required), notes, and the
 * interviewer's own five-point rating, optionally given blind, and who on staff is assigned (admins change that).
 * Every change is an event in the grade log. Interviewers reach only the assessments they are assigned to.
 */
@Path("/admin/assessments/{id}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({dev.assay.service.core.Role.STAFF_ADMIN, dev.assay.service.core.Role.STAFF_INTERVIEWER})
@AssessmentScoped
public class ReviewResource {
    static final int MAX_COMMENT = 2000;
    static final int MAX_NOTE = 4000;

    private final LabCatalog catalog;
    private final Scoring scoring;
    private final ReviewPages pages;
    private final Assignments assignments;

    public ReviewResource(
            Recordings recordings, LabCatalog catalog, Scoring scoring, Grading grading, Assignments assignments) {
        this.catalog = catalog;
        this.scoring = scoring;
        this.assignments = assignments;
        this.pages = new ReviewPages(recordings, catalog, scoring, grading, assignments);
    }

    /**
     * The review page. Until this interviewer has seen the automated grade it opens blind: the replays and the
     * rating form alone, so a rating given now is not anchored by the grade. Showing the grade is a POST to
     * {@code reveal}, logged once per interviewer; reading the page changes nothing.
     */
    @GET
    public ReviewView page(@Context ContainerRequestContext request, @PathParam("id") long id) {
        return pages.view(request, id, null);
    }

    /** Shows this interviewer the automated grade from now on, and logs that they have seen it. */
    @POST
    @Path("reveal")
    public Response reveal(@Context ContainerRequestContext request, @PathParam("id") long id) {
        scoring.assessment(id);
        scoring.markSeen(id, Actor.staffOf(request.getSecurityContext()).id(), "review page");
        return seeOther(id);
    }

    /** Overrides a check ({@code target} = lab/check, {@code credit} 0..1) or the recommendation ({@code verdict}). */
    @POST
    @Path("overrides")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response override(
            @Context ContainerRequestContext request, @PathParam("id") long id, MultivaluedMap<String, String> form) {
        User me = Actor.staffOf(request.getSecurityContext());
        AssessmentSummary assessment = scoring.assessment(id);
        return change(request, id, () -> {
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
        });
    }

    private void decide(long id, User me, String verdict, String reason, String comment) {
        if (!GradeEvents.VERDICTS.contains(verdict)) {
            throw new InvalidInputException("verdict: one of " + GradeEvents.VERDICTS);
        }
        Scorecard card = scoring.current(id);
        var last = scoring.review(id).decision();
        var decision = new GradeEvents.Decision(card.finalVerdict().wire(), verdict, reason, comment);
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
        if (parts.length != 2 || !scoring.labsOf(assessment).contains(parts[0])) {
            throw new InvalidInputException("target: " + target + " is not a lab/check of this assessment");
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
        var last = scoring.review(id).override(session.id(), parts[0], parts[1]);
        var event = new GradeEvents.CheckOverride(session.id(), parts[0], parts[1], automated, credit, reason, comment);
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
        return change(request, id, () -> {
            String text = required(form, "text", MAX_NOTE);
            List<GradeEvents.Entry<GradeEvents.Note>> notes = scoring.review(id).notes();
            boolean again = !notes.isEmpty()
                    && notes.get(notes.size() - 1).value().text().equals(text)
                    && java.util.Objects.equals(notes.get(notes.size() - 1).actor(), me.id());
            if (!again) { // a double submit adds the note once
                scoring.append(id, GradeEvents.NOTE, me.id(), new GradeEvents.Note(text));
            }
        });
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
        return change(request, id, () -> {
            String overall = required(form, "overall", 20);
            if (!dev.assay.service.core.Rating.labels().contains(overall)) {
                throw new InvalidInputException("overall: one of " + dev.assay.service.core.Rating.labels());
            }
            Map<String, String> skills = new LinkedHashMap<>();
            for (Role.Skill skill : role.skills()) {
                String value = form.getFirst("skill." + skill.id());
                if (value != null && !value.isBlank()) {
                    if (!dev.assay.service.core.Rating.labels().contains(value)) {
                        throw new InvalidInputException(
                                "skill." + skill.id() + ": one of " + dev.assay.service.core.Rating.labels());
                    }
                    skills.put(skill.id(), value);
                }
            }
            boolean blind = !scoring.review(id).seenBy().contains(me.id());
            scoring.append(id, GradeEvents.RATED, me.id(), new GradeEvents.Rating(overall, skills, blind));
        });
    }

    /** Assigns a staff member ({@code email}) to the assessment. */
    @POST
    @Path("assignees")
    @RolesAllowed(dev.assay.service.core.Role.STAFF_ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assign(
            @Context ContainerRequestContext request, @PathParam("id") long id, MultivaluedMap<String, String> form) {
        User me = Actor.staffOf(request.getSecurityContext());
        scoring.assessment(id);
        return change(
                request, id, () -> assignments.assign(id, assignments.staff(required(form, "email", 320)), me.id()));
    }

    /** Unassigns a staff member ({@code email}) from the assessment. */
    @POST
    @Path("assignees/remove")
    @RolesAllowed(dev.assay.service.core.Role.STAFF_ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unassign(
            @Context ContainerRequestContext request, @PathParam("id") long id, MultivaluedMap<String, String> form) {
        User me = Actor.staffOf(request.getSecurityContext());
        scoring.assessment(id);
        return change(request, id, () -> assignments.unassign(id, required(form, "email", 320), me.id()));
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

    /** Runs a change: 303 back to the page, or the page with what to fix (400) when the input was wrong. */
    private Response change(ContainerRequestContext request, long id, Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(pages.view(request, id, e.getMessage()))
                    .build();
        }
        return seeOther(id);
    }

    private static Response seeOther(long id) {
        return Response.seeOther(URI.create("/admin/assessments/" + id)).build();
    }
}
