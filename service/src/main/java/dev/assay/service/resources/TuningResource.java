package dev.assay.service.resources;

import dev.assay.service.auth.Actor;
import dev.assay.service.catalog.Lab;
import dev.assay.service.catalog.LabCatalog;
import dev.assay.service.catalog.Role;
import dev.assay.service.core.InvalidInputException;
import dev.assay.service.db.RubricDao;
import dev.assay.service.db.User;
import dev.assay.service.scoring.Rubric;
import dev.assay.service.scoring.RubricYaml;
import dev.assay.service.scoring.Rubrics;
import dev.assay.service.stats.LabStatistics;
import dev.assay.service.views.LabsView;
import dev.assay.service.views.RubricView;
import dev.assay.service.views.StatisticsView;
import dev.assay.service.web.BrowserSessionFilter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The hiring team's pages: labs with their versions and item statistics, and each role stage's rubric with its
 * draft, preview, apply and discard. Everyone on staff reads the labs and rubrics; only admins read statistics
 * (they span every candidate's attempts) and change a rubric.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({dev.assay.service.core.Role.STAFF_ADMIN, dev.assay.service.core.Role.STAFF_INTERVIEWER})
public class TuningResource {
    private static final Pattern SKILL = Pattern.compile("[a-z0-9-]{1,50}");

    private final LabCatalog catalog;
    private final LabStatistics statistics;
    private final Rubrics rubrics;

    public TuningResource(LabCatalog catalog, LabStatistics statistics, Rubrics rubrics) {
        this.catalog = catalog;
        this.statistics = statistics;
        this.rubrics = rubrics;
    }

    @GET
    @Path("labs")
    public LabsView labs(@Context ContainerRequestContext request) {
        List<LabsView.LabRow> labs = catalog.labs().stream()
                .map(lab -> new LabsView.LabRow(
                        lab.id(),
                        lab.title(),
                        lab.version(),
                        lab.stage(),
                        lab.checks().size(),
                        RubricYaml.num(lab.points())))
                .toList();
        List<LabsView.StageRow> stages = catalog.roles().stream()
                .flatMap(role -> role.stages().stream()
                        .map(stage -> new LabsView.StageRow(
                                role.id(),
                                stage.id(),
                                role.title() + ": " + stage.title(),
                                rubricLabel(rubrics.active(role, stage.id())))))
                .toList();
        return new LabsView(BrowserSessionFilter.csrfToken(request), labs, stages, isAdmin(request));
    }

    private static String rubricLabel(Rubric rubric) {
        return rubric.version() == 0 ? "lab files" : "version " + rubric.version();
    }

    @GET
    @Path("labs/{lab}/statistics")
    @RolesAllowed(dev.assay.service.core.Role.STAFF_ADMIN)
    public StatisticsView statistics(
            @Context ContainerRequestContext request,
            @PathParam("lab") String labId,
            @QueryParam("version") @Nullable String version) {
        Lab lab = catalog.lab(labId).orElseThrow(() -> new NotFoundException("no lab " + labId));
        LabStatistics.Report report =
                statistics.of(labId, version).orElseThrow(() -> new NotFoundException("no lab " + labId));
        return new StatisticsView(BrowserSessionFilter.csrfToken(request), lab.title(), report);
    }

    @GET
    @Path("rubrics/{role}/{stage}")
    public RubricView rubric(
            @Context ContainerRequestContext request,
            @PathParam("role") String roleId,
            @PathParam("stage") String stage,
            @QueryParam("preview") @DefaultValue("false") boolean preview,
            @QueryParam("applied") @Nullable Integer applied) {
        Role role = rubrics.role(roleId, stage);
        Rubrics.Preview result = null;
        String error = null;
        if (preview && isAdmin(request)) {
            try {
                result = rubrics.preview(
                        role, stage, Actor.staffOf(request.getSecurityContext()).id());
            } catch (InvalidInputException e) {
                error = e.getMessage();
            }
        }
        String notice = applied == null
                ? null
                : "Applied version " + rubrics.active(role, stage).version() + ". " + applied
                        + " attempt(s) rescored into their grade logs.";
        return view(request, role, stage, result, error, notice, null);
    }

    private RubricView view(
            ContainerRequestContext request,
            Role role,
            String stage,
            Rubrics.@Nullable Preview preview,
            @Nullable String error,
            @Nullable String notice,
            @Nullable String typed) {
        Rubric active = rubrics.active(role, stage);
        RubricDao.Stored draft = rubrics.draft(role, stage).orElse(null);
        Rubric editing =
                draft == null ? active : RubricYaml.readStored(draft.yaml(), role, stage, catalog, draft.version());
        String editingYaml = typed != null ? typed : draft != null ? draft.yaml() : RubricYaml.write(active);
        return new RubricView(
                BrowserSessionFilter.csrfToken(request),
                new RubricView.Model(
                        role.id(),
                        stage,
                        isAdmin(request),
                        active,
                        RubricYaml.write(active),
                        draft,
                        editing,
                        editingYaml,
                        preview,
                        rubrics.history(role, stage),
                        active.staleLabs(catalog),
                        error,
                        notice));
    }

    private static boolean isAdmin(ContainerRequestContext request) {
        return request.getSecurityContext().isUserInRole(dev.assay.service.core.Role.STAFF_ADMIN);
    }

    /** Saves the draft from the table ({@code mode=table}) or from the YAML text ({@code mode=yaml}). */
    @POST
    @Path("rubrics/{role}/{stage}/draft")
    @RolesAllowed(dev.assay.service.core.Role.STAFF_ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveDraft(
            @Context ContainerRequestContext request,
            @PathParam("role") String roleId,
            @PathParam("stage") String stage,
            MultivaluedMap<String, String> form) {
        Role role = rubrics.role(roleId, stage);
        User me = Actor.staffOf(request.getSecurityContext());
        String yaml = "yaml".equals(form.getFirst("mode")) ? String.valueOf(form.getFirst("yaml")) : null;
        try {
            if (yaml == null) {
                yaml = RubricYaml.write(fromTable(role, stage, form));
            }
            rubrics.saveDraft(role, stage, yaml, String.valueOf(form.getFirst("base")), me.id());
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(view(request, role, stage, null, e.getMessage(), null, yaml))
                    .build();
        }
        return Response.seeOther(URI.create("/admin/rubrics/" + roleId + "/" + stage + "?preview=true"))
                .build();
    }

    /** The draft as the table's fields say, on the structure of the draft being edited (or the active rubric). */
    private Rubric fromTable(Role role, String stage, MultivaluedMap<String, String> form) {
        Rubric base = rubrics.draft(role, stage)
                .map(d -> RubricYaml.readStored(d.yaml(), role, stage, catalog, d.version()))
                .orElseGet(() -> rubrics.active(role, stage));
        List<Double> cuts = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            cuts.add(number(form, "cut" + i));
        }
        Map<String, Rubric.LabWeights> labs = new LinkedHashMap<>();
        base.labs().forEach((labId, lab) -> {
            Map<String, Rubric.CheckWeights> checks = new LinkedHashMap<>();
            lab.checks().forEach((checkId, old) -> {
                String key = labId + "/" + checkId;
                checks.put(
                        checkId,
                        new Rubric.CheckWeights(
                                number(form, "points:" + key),
                                form.getFirst("gate:" + key) != null,
                                skills(form.getFirst("skills:" + key), key)));
            });
            labs.put(labId, new Rubric.LabWeights(lab.version(), checks));
        });
        return new Rubric(role.id(), stage, base.version(), cuts, labs);
    }

    private static double number(MultivaluedMap<String, String> form, String field) {
        String value = form.getFirst(field);
        try {
            double number = Double.parseDouble(String.valueOf(value).strip());
            if (Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInputException(field + ": \"" + value + "\" is not a number");
    }

    /** {@code linux=0.7, monitoring=0.3} to a map of shares. */
    static Map<String, Double> skills(@Nullable String text, String key) {
        Map<String, Double> skills = new LinkedHashMap<>();
        for (String part : String.valueOf(text).split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length != 2 || !SKILL.matcher(pair[0].strip()).matches()) {
                throw new InvalidInputException("skills of " + key + ": write skill=share pairs separated by commas,"
                        + " for example linux=0.7, monitoring=0.3");
            }
            try {
                double share = Double.parseDouble(pair[1].strip());
                if (!Double.isFinite(share)) {
                    throw new NumberFormatException("not finite");
                }
                skills.put(pair[0].strip(), share);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("skills of " + key + ": \"" + pair[1].strip() + "\" is not a number");
            }
        }
        return skills;
    }

    @POST
    @Path("rubrics/{role}/{stage}/apply")
    @RolesAllowed(dev.assay.service.core.Role.STAFF_ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response apply(
            @Context ContainerRequestContext request,
            @PathParam("role") String roleId,
            @PathParam("stage") String stage,
            MultivaluedMap<String, String> form) {
        Role role = rubrics.role(roleId, stage);
        try {
            int rescored = rubrics.apply(
                    role,
                    stage,
                    String.valueOf(form.getFirst("revision")),
                    Actor.staffOf(request.getSecurityContext()).id());
            return Response.seeOther(URI.create("/admin/rubrics/" + roleId + "/" + stage + "?applied=" + rescored))
                    .build();
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.CONFLICT)
                    .entity(view(request, role, stage, null, e.getMessage(), null, null))
                    .build();
        }
    }

    @POST
    @Path("rubrics/{role}/{stage}/discard")
    @RolesAllowed(dev.assay.service.core.Role.STAFF_ADMIN)
    public Response discard(
            @Context ContainerRequestContext request,
            @PathParam("role") String roleId,
            @PathParam("stage") String stage) {
        Role role = rubrics.role(roleId, stage);
        try {
            rubrics.discard(
                    role, stage, Actor.staffOf(request.getSecurityContext()).id());
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.CONFLICT)
                    .entity(view(request, role, stage, null, e.getMessage(), null, null))
                    .build();
        }
        return Response.seeOther(URI.create("/admin/rubrics/" + roleId + "/" + stage))
                .build();
    }
}
