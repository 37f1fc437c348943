package dev.assay.service.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.service.auth.Actor;
import dev.assay.service.catalog.InterviewKit;
import dev.assay.service.core.InvalidInputException;
import dev.assay.service.core.Role;
import dev.assay.service.db.User;
import dev.assay.service.scopes.Assignments;
import dev.assay.service.scoring.KitReviews;
import dev.assay.service.web.AssessmentScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Automation of an interview stage's kit: read its questions with their anchors and the ratings so far, and rate
 * one question (1 to 5, with notes). Interviewers reach only the assessments they are assigned to.
 */
@Path("/api/v1/assessments/{id}/kit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.STAFF_ADMIN, Role.STAFF_INTERVIEWER})
@AssessmentScoped
public class KitApiResource {
    private static final Set<String> FIELDS = Set.of("rating", "notes");

    private final KitReviews kits;
    private final Assignments assignments;

    public KitApiResource(KitReviews kits, Assignments assignments) {
        this.kits = kits;
        this.assignments = assignments;
    }

    /** A rating as the API shows it: who (id and name), when, the rating and the notes. */
    public record Given(long userId, String by, Instant at, int rating, String notes) {}

    /** A question of the kit with the interviewers' latest ratings and the credit they make (null: not rated). */
    public record Question(
            String id,
            String text,
            Map<String, Double> skills,
            List<String> values,
            double points,
            List<String> anchors,
            String notesPrompt,
            @Nullable Double credit,
            List<Given> ratings) {}

    /** The kit of one assessment's interview stage. */
    public record Kit(long assessmentId, String roleId, String stage, String title, List<Question> questions) {}

    @GET
    public Kit kit(@PathParam("id") long id) {
        KitReviews.Sheet sheet = kits.sheet(id);
        return new Kit(
                id,
                sheet.assessment().roleId(),
                sheet.stage().id(),
                sheet.stage().title(),
                sheet.kit().questions().stream().map(q -> question(sheet, q)).toList());
    }

    /** Rates a question: body {@code {"rating": 1..5, "notes": "..."}}; answers the question as it stands now. */
    @PUT
    @Path("{questionId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Question rate(
            @Context SecurityContext security,
            @PathParam("id") long id,
            @PathParam("questionId") String questionId,
            @Nullable JsonNode body) {
        User me = Actor.staffOf(security);
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("body: a JSON object {\"rating\": 1..5, \"notes\": \"...\"}");
        }
        body.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw new InvalidInputException("body: unknown field '" + field + "'; send only rating and notes");
            }
        });
        JsonNode rating = body.path("rating");
        if (!rating.isMissingNode() && !rating.isIntegralNumber()) {
            throw new InvalidInputException("rating: a whole number from 1 to 5, got " + rating);
        }
        JsonNode notes = body.path("notes");
        if (!notes.isMissingNode() && !notes.isNull() && !notes.isTextual()) {
            throw new InvalidInputException("notes: a string");
        }
        kits.rate(
                id,
                me.id(),
                questionId,
                rating.isMissingNode() || !rating.canConvertToInt() ? null : rating.intValue(),
                notes.isTextual() ? notes.textValue() : null);
        KitReviews.Sheet sheet = kits.sheet(id);
        return sheet.kit().questions().stream()
                .filter(q -> q.id().equals(questionId))
                .map(q -> question(sheet, q))
                .findFirst()
                .orElseThrow();
    }

    private Question question(KitReviews.Sheet sheet, InterviewKit.Question question) {
        return new Question(
                question.id(),
                question.text(),
                question.skills(),
                question.values(),
                question.points(),
                question.anchors(),
                question.notes(),
                sheet.credit(question.id()),
                sheet.ratingsOf(question.id()).stream()
                        .map(entry -> new Given(
                                java.util.Objects.requireNonNull(entry.actor()),
                                name(entry.actor()),
                                entry.at(),
                                entry.value().rating(),
                                entry.value().notes()))
                        .toList());
    }

    private String name(@Nullable Long user) {
        return user == null
                ? "Assay"
                : assignments.user(user).map(User::displayName).orElse("user " + user);
    }
}
