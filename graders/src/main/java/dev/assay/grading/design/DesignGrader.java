package dev.assay.grading.design;

import dev.assay.grading.CheckResult;
import dev.assay.grading.Evidence;
import dev.assay.grading.FileResult;
import dev.assay.grading.Grader;
import dev.assay.grading.LabView;
import dev.assay.grading.ParameterSpec;
import dev.assay.grading.ParameterSpec.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Grades a system design document (labs/README.md, "Design documents") read through the engine's archive API,
 * against the scenario file the lab ships: one computation per check, chosen by {@code check}, each showing its
 * arithmetic as observations. A missing or invalid design fails; a wrong scenario file is the author's error and
 * makes the check not gradable.
 */
public final class DesignGrader implements Grader {
    static final String DEFAULT_DESIGN = "/root/design.yaml";
    static final String DEFAULT_SCENARIO = "checks/scenario.yaml";
    private static final int MAX_LISTED_PROBLEMS = 20;
    private static final Map<String, DesignCheck> CHECKS = Map.of(
            "capacity", new CapacityCheck(),
            "availability", new AvailabilityCheck(),
            "cost", new CostCheck(),
            "recovery", new RecoveryCheck(),
            "single-points", new SinglePointCheck());
    private static final ParameterSpec PARAMETERS = ParameterSpec.builder()
            .oneOf(
                    "check",
                    true,
                    java.util.Set.of("valid", "capacity", "availability", "cost", "recovery", "single-points"),
                    "what to compute: valid, capacity, availability, cost, recovery or single-points")
            .optional("design", Type.STRING, "the design document in the lab (default /root/design.yaml)")
            .optional("scenario", Type.STRING, "the scenario file in the lab's folder (default checks/scenario.yaml)")
            .optional(
                    "cheaperThan",
                    Type.NUMBER,
                    "$ a month the design must cost less than, or the check fails whatever it computes: for labs"
                            + " whose task is a cut, so that the starting design, copied, earns nothing")
            .optional(
                    "carrying",
                    Type.BOOLEAN,
                    "true: a design that does not carry the scenario's load (the capacity check) fails, whatever"
                            + " else holds: a platform too small to serve is not a cut, however cheap")
            .rule(values -> values.get("design") instanceof String path && !path.startsWith("/")
                    ? List.of(new ParameterSpec.Problem("design", "must be an absolute path"))
                    : List.of())
            .build();

    private final DesignValidator validator = new DesignValidator();

    @Override
    public String id() {
        return "design";
    }

    @Override
    public String version() {
        return "2";
    }

    @Override
    public String description() {
        return "reads a design document through the Docker archive API and computes capacity, availability, cost,"
                + " recovery or single points against the lab's scenario";
    }

    @Override
    public ParameterSpec parameters() {
        return PARAMETERS;
    }

    @Override
    public CheckResult grade(LabView lab, Map<String, Object> parameters) {
        String path = String.valueOf(parameters.getOrDefault("design", DEFAULT_DESIGN));
        String which = String.valueOf(parameters.get("check"));
        CheckResult.Builder check = CheckResult.builder(true).observe("design", path);
        FileResult read = lab.readFile(path, DesignValidator.MAX_BYTES + 1L);
        if (!(read instanceof FileResult.Content content)) {
            check.observe(
                    "exists",
                    read instanceof FileResult.Refused refused ? "not a regular file: " + refused.reason() : "no");
            return check.expect(
                            false,
                            "no design at " + path + ": write it there (format: labs/README.md, Design documents)")
                    .build();
        }
        check.evidence(new Evidence("file", path, content.sha256(), content.size()));
        DesignValidator.Reading reading =
                validator.read(content.truncated() ? new byte[DesignValidator.MAX_BYTES + 1] : content.bytes());
        if (reading.design() == null) {
            return invalid(check, reading.problems());
        }
        Design design = reading.design();
        check.observe(
                "parts",
                design.components().size() + " components, " + design.queues().size() + " queues, "
                        + design.stores().size() + " stores; request path: "
                        + String.join(
                                ", ",
                                Topology.requestPath(design).stream()
                                        .map(Design.Node::name)
                                        .toList()));
        Object cheaperThan = parameters.get("cheaperThan");
        if (which.equals("valid") && cheaperThan == null && parameters.get("carrying") == null) {
            return check.success("the design is a valid document").build();
        }
        String scenarioFile = String.valueOf(parameters.getOrDefault("scenario", DEFAULT_SCENARIO));
        try {
            Scenario scenario = ScenarioReader.read(new String(lab.labFile(scenarioFile), StandardCharsets.UTF_8));
            if (cheaperThan instanceof Number before) {
                TaskConditions.cut(design, scenario, before.doubleValue(), check);
            }
            if (Boolean.TRUE.equals(parameters.get("carrying"))) {
                TaskConditions.carrying(design, scenario, check);
            }
            if (which.equals("valid")) {
                return check.success("the design is a valid document, and meets the lab's conditions")
                        .build();
            }
            DesignCheck computation = CHECKS.get(which);
            if (computation == null) {
                throw new IllegalStateException("no design check " + which + " (the parameter spec lets it through)");
            }
            computation.run(design, scenario, check);
        } catch (ScenarioException e) {
            return CheckResult.notGradable(
                    "the lab's scenario file " + scenarioFile + " is wrong: " + e.getMessage() + "; fix the lab");
        }
        return check.success(which + ": every target met").build();
    }

    private static CheckResult invalid(CheckResult.Builder check, List<Problem> problems) {
        problems.stream().limit(MAX_LISTED_PROBLEMS).forEach(problem -> check.observe("problem", problem.toString()));
        if (problems.size() > MAX_LISTED_PROBLEMS) {
            check.observe("problems not listed", problems.size() - MAX_LISTED_PROBLEMS);
        }
        return check.expect(
                        false,
                        "the design is not valid (" + problems.size() + " problem(s)); first: " + problems.get(0))
                .build();
    }
}
