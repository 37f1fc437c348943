package dev.assay.service.resources;

import dev.assay.service.auth.Actor;
import dev.assay.service.catalog.InterviewKit;
import dev.assay.service.core.Inert;
import dev.assay.service.core.InvalidInputException;
import dev.assay.service.db.User;
import dev.assay.service.scopes.Assignments;
import dev.assay.service.scoring.KitReviews;
import dev.assay.service.scoring.RubricYaml;
import dev.assay.service.views.KitView;
import dev.assay.service.web.AssessmentScoped;
import dev.assay.service.web.BrowserSessionFilter;
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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The interview kit page of an interview-stage assessment, linked from its review page: every question with what
 * it probes, its anchors and notes prompt, a rating form, and the ratings given so far. Saving a rating appends a
 * {@code kit-rated} event to the grade log. Interviewers reach only the assessments they are assigned to.
 */
@Path("/admin/assessments/{id}/kit")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({dev.assay.service.core.Role.STAFF_ADMIN, dev.assay.service.core.Role.STAFF_INTERVIEWER})
@AssessmentScoped
public class KitResource {
    private final KitReviews kits;
    private final Assignments assignments;

    public KitResource(KitReviews kits, Assignments assignments) {
        this.kits = kits;
        this.assignments = assignments;
    }

    @GET
    public KitView page(@Context ContainerRequestContext request, @PathParam("id") long id) {
        return view(request, id, null);
    }

    /** Rates a question: form fields {@code question}, {@code rating} (1..5) and {@code notes}. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rate(
            @Context ContainerRequestContext request, @PathParam("id") long id, MultivaluedMap<String, String> form) {
        User me = Actor.staffOf(request.getSecurityContext());
        String question = String.valueOf(form.getFirst("question"));
        try {
            kits.rate(id, me.id(), question, rating(form.getFirst("rating")), form.getFirst("notes"));
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(view(request, id, e.getMessage()))
                    .build();
        }
        return Response.seeOther(URI.create("/admin/assessments/" + id + "/kit#question-" + question))
                .build();
    }

    private static Integer rating(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("rating: choose one from 1 to 5");
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("rating: a whole number from 1 to 5");
        }
    }

    private KitView view(ContainerRequestContext request, long id, @Nullable String error) {
        KitReviews.Sheet sheet = kits.sheet(id);
        long me = Actor.staffOf(request.getSecurityContext()).id();
        List<KitView.Question> questions = new ArrayList<>();
        int number = 0;
        for (InterviewKit.Question q : sheet.kit().questions()) {
            var mine = sheet.ratings().getOrDefault(q.id(), java.util.Map.of()).get(me);
            List<KitView.Anchor> anchors = new ArrayList<>();
            for (int i = 0; i < q.anchors().size(); i++) {
                anchors.add(new KitView.Anchor(
                        i + 1, q.anchors().get(i), mine != null && mine.value().rating() == i + 1));
            }
            List<KitView.Given> given = sheet.ratingsOf(q.id()).stream()
                    .map(entry -> new KitView.Given(
                            name(entry.actor()),
                            ReviewPages.at(entry.at()),
                            entry.value().rating(),
                            anchor(q, entry.value().rating()),
                            Inert.text(entry.value().notes())))
                    .toList();
            questions.add(new KitView.Question(
                    q.id(),
                    ++number,
                    q.text(),
                    q.skills().entrySet().stream()
                            .map(e -> e.getKey() + " " + RubricYaml.num(e.getValue()))
                            .collect(Collectors.joining(", ")),
                    String.join(", ", q.values()),
                    RubricYaml.num(q.points()),
                    anchors,
                    q.notes(),
                    ReviewPages.credit(sheet.credit(q.id())),
                    given,
                    mine == null ? "" : mine.value().notes()));
        }
        return new KitView(
                BrowserSessionFilter.csrfToken(request),
                new KitView.Model(sheet.assessment(), sheet.stage().title(), questions, error));
    }

    private static String anchor(InterviewKit.Question question, int rating) {
        return rating >= 1 && rating <= question.anchors().size()
                ? question.anchors().get(rating - 1)
                : "";
    }

    private String name(@Nullable Long user) {
        return user == null
                ? "Assay"
                : assignments.user(user).map(User::displayName).orElse("user " + user);
    }
}
