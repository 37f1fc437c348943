package dev.assay.service.catalog;

import dev.assay.grading.Grader;
import dev.assay.grading.GraderRegistry;
import dev.assay.grading.ParameterSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads and checks one {@code lab.yaml}. Every problem found is recorded; the lab is returned only if there
 * were none. {@code skills} are the skills the lab may name (those of the roles that use it).
 */
final class LabReader {
    private static final Set<String> KEYS = Set.of(
            "id",
            "version",
            "title",
            "summary",
            "stage",
            "difficulty",
            "timeLimit",
            "skills",
            "environment",
            "instructions",
            "interviewerNotes",
            "checks",
            "freePoints",
            "solution",
            "mutants",
            "tampers",
            "parameters");
    private static final Set<String> CHECK_KEYS =
            Set.of("id", "title", "grader", "with", "points", "skills", "visibility", "hint", "timeout", "gate");
    private static final Set<String> MUTANT_KEYS = Set.of("id", "description", "script", "fails", "onSolution");
    private static final Set<String> TAMPER_KEYS = Set.of("id", "description", "script");
    private static final double TOLERANCE = 1e-6;
    private static final InstructionsRenderer RENDERER = new InstructionsRenderer();

    private final YamlSource source;
    private final GraderRegistry graders;
    private final Set<String> skills;
    private LabParameters labParameters = LabParameters.NONE;

    private LabReader(YamlSource source, GraderRegistry graders, Set<String> skills) {
        this.source = source;
        this.graders = graders;
        this.skills = skills;
    }

    static Optional<Lab> read(
            Path file, Path shown, GraderRegistry graders, Set<String> skills, List<Problem> problems) {
        int before = problems.size();
        YamlSource source = new YamlSource(shown, problems);
        Optional<MapReader> root =
                SafeYaml.parse(file, shown, problems).flatMap(n -> MapReader.of(source, n, "", KEYS));
        if (root.isEmpty()) {
            return Optional.empty();
        }
        Path directory =
                java.util.Objects.requireNonNull(file.toAbsolutePath().getParent(), "a lab.yaml lies in a folder");
        Lab lab = new LabReader(source, graders, skills).lab(root.get(), directory);
        return problems.size() > before ? Optional.empty() : Optional.of(lab);
    }

    private String id(MapReader map, Path directory) {
        String id = map.required("id", "give the lab's id: its folder's name");
        if (!id.isEmpty() && !id.equals(directory.getFileName().toString())) {
            source.problem(
                    map.value("id").orElseThrow(),
                    "id",
                    "'" + id + "' does not match the folder name",
                    "rename the folder or the id");
        } else if (!id.isEmpty() && !id.matches(RoleReader.SLUG)) {
            source.problem(
                    map.value("id").orElseThrow(),
                    "id",
                    "'" + id + "' is not a slug",
                    "use lower case, digits and dashes");
        }
        return id;
    }

    private Lab lab(MapReader map, Path directory) {
        LabFiles files = new LabFiles(source, directory);
        String id = id(map, directory);
        String version = map.required("version", "give a version such as '1'; raise it when grading changes");
        String stage = oneOf(map, "stage", Lab.STAGES, true, "technical");
        String difficulty = oneOf(map, "difficulty", Lab.DIFFICULTIES, true, "medium");
        Duration timeLimit = duration(source, map, "timeLimit", "", Duration.ofMinutes(45), Duration.ofHours(8));
        if (!map.has("timeLimit")) {
            source.problem(map.node(), "timeLimit", "missing", "give the time a candidate has, such as 45m");
        }
        labParameters = ParameterReader.read(source, map);
        Map<String, Double> labSkills = weights(map, "skills", skills, "the role's skills");
        Lab.Environment environment = EnvironmentReader.read(source, map, files);
        Path instructions = files.existing(
                map.value("instructions").orElse(map.node()),
                "instructions",
                map.text("instructions").orElse("README.md"));
        Path notes = files.existing(
                map.value("interviewerNotes").orElse(map.node()),
                "interviewerNotes",
                map.text("interviewerNotes").orElse("interviewer.md"));
        checkInstructions(map, instructions, timeLimit);
        List<Lab.Check> checks = checks(map, labSkills.keySet());
        kubernetesChecksNeedKubernetes(map, environment, checks);
        double freePoints = map.number("freePoints").orElse(0.0);
        if (freePoints < 0 || freePoints >= 1) {
            source.problem(
                    map.value("freePoints").orElseThrow(),
                    "freePoints",
                    "must lie in [0, 1), got " + freePoints,
                    "the share of points an untouched environment may score, such as 0.1");
        }
        Path solution = files.existing(
                map.value("solution").orElse(map.node()),
                "solution",
                map.required("solution", "name the reference solution script, such as solution/solve.sh"));
        List<Lab.Mutant> mutants = mutants(map, files, checks);
        List<Lab.Tamper> tampers = tampers(map, files);
        return new Lab(
                id,
                version,
                map.required("title", "give the lab a title"),
                map.required("summary", "say in a line what the candidate does"),
                stage,
                difficulty,
                timeLimit,
                labSkills,
                environment,
                instructions,
                notes,
                checks,
                freePoints,
                solution,
                mutants,
                tampers,
                directory,
                labParameters);
    }

    private void checkInstructions(MapReader map, Path instructions, Duration timeLimit) {
        if (java.nio.file.Files.isRegularFile(instructions)) {
            RENDERER.check(instructions, timeLimit, labParameters.defaults())
                    .ifPresent(problem -> source.problem(
                            map.value("instructions").orElse(map.node()),
                            "instructions",
                            problem,
                            "see labs/README.md, Instructions, for the variables "
                                    + InstructionsRenderer.variableNames()));
        }
    }

    private List<Lab.Check> checks(MapReader map, Set<String> labSkills) {
        List<Lab.Check> checks = new ArrayList<>();
        List<Node> items = map.list("checks");
        if (items.isEmpty()) {
            source.problem(
                    map.node(),
                    "checks",
                    "a lab needs at least one check",
                    "add checks: with grader, points and skills");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String field = "checks[" + i + "]";
            MapReader.of(source, items.get(i), field, CHECK_KEYS).ifPresent(check -> {
                String id = check.required("id", "give the check an id such as 'service-answers'");
                if (!id.isEmpty() && !ids.add(id)) {
                    source.problem(
                            check.value("id").orElseThrow(),
                            field + ".id",
                            "duplicate check id '" + id + "'",
                            "give each check its own id");
                }
                double points = check.number("points").orElse(0.0);
                if (points <= 0) {
                    source.problem(
                            check.value("points").orElse(check.node()),
                            field + ".points",
                            check.has("points") ? "must be more than 0" : "missing",
                            "give the check points: 1 or more");
                }
                Lab.Visibility visibility =
                        Lab.Visibility.of(oneOf(check, "visibility", Lab.Visibility.wires(), false, "candidate"));
                String hint = check.text("hint").orElse(null);
                if (hint != null && visibility != Lab.Visibility.CANDIDATE) {
                    source.problem(
                            check.value("hint").orElseThrow(),
                            field + ".hint",
                            "only candidate-visible checks show hints",
                            "remove the hint or make the check visible");
                }
                checks.add(new Lab.Check(
                        id,
                        check.required("title", "give the check a title the reviewer reads"),
                        grader(check, field),
                        parameters(check, field),
                        points,
                        weights(check, "skills", labSkills, "the lab's skills"),
                        visibility,
                        hint,
                        duration(source, check, "timeout", field, Duration.ofSeconds(30), Duration.ofMinutes(5)),
                        check.bool("gate").orElse(false)));
            });
        }
        return checks;
    }

    /** A check whose grader reads Kubernetes objects cannot run in a lab without a namespace. */
    private void kubernetesChecksNeedKubernetes(MapReader map, Lab.Environment environment, List<Lab.Check> checks) {
        if ("kubernetes".equals(environment.kind())) {
            return;
        }
        for (int i = 0; i < checks.size(); i++) {
            Lab.Check check = checks.get(i);
            if (graders.find(check.grader()).map(Grader::needsKubernetes).orElse(false)) {
                source.problem(
                        map.list("checks").get(i),
                        "checks[" + i + "].grader",
                        "the " + check.grader() + " grader reads Kubernetes objects, and this lab has no namespace",
                        "set environment.kind: kubernetes, or check the lab with another grader");
            }
        }
    }

    private String grader(MapReader check, String field) {
        String id = check.required("grader", "name a grader: one of " + graders.ids());
        if (!id.isEmpty() && graders.find(id).isEmpty()) {
            source.problem(
                    check.value("grader").orElseThrow(),
                    field + ".grader",
                    "no grader '" + id + "'",
                    "use one of " + graders.ids());
        }
        return id;
    }

    private Map<String, Object> parameters(MapReader check, String field) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        check.plainValue("with").ifPresent(value -> {
            if (value instanceof Map<?, ?> map) {
                map.forEach((k, v) -> parameters.put(String.valueOf(k), v));
            } else {
                source.problem(
                        check.value("with").orElseThrow(),
                        field + ".with",
                        "must be a map of parameters",
                        "write 'name: value' lines under with:");
            }
        });
        Node at = check.value("with").orElse(check.node());
        unknownPlaceholders(parameters, at, field + ".with");
        Optional<Grader> factory = check.text("grader").flatMap(graders::find);
        if (factory.isPresent()) {
            Map<String, Object> filled = labParameters.substitute(parameters, labParameters.defaults());
            for (ParameterSpec.Problem problem : factory.get().parameters().check(filled)) {
                source.problem(
                        at,
                        field + ".with." + problem.parameter(),
                        problem.message(),
                        "see the " + factory.get().id() + " grader's parameters in labs/README.md");
            }
        }
        return parameters;
    }

    /** Every {@code {{name}}} in a check's {@code with:} must name one of the lab's parameters. */
    private void unknownPlaceholders(@org.jspecify.annotations.Nullable Object value, Node at, String field) {
        if (value instanceof String text) {
            java.util.regex.Matcher matcher = LabParameters.PLACEHOLDER.matcher(text);
            while (matcher.find()) {
                if (!labParameters.names().contains(matcher.group(1))) {
                    source.problem(
                            at,
                            field,
                            "no parameter '" + matcher.group(1) + "'",
                            labParameters.isEmpty()
                                    ? "declare it under parameters:"
                                    : "name one of " + labParameters.names());
                }
            }
        } else if (value instanceof List<?> list) {
            list.forEach(item -> unknownPlaceholders(item, at, field));
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> {
                unknownPlaceholders(String.valueOf(key), at, field);
                unknownPlaceholders(item, at, field);
            });
        }
    }

    private List<Lab.Mutant> mutants(MapReader map, LabFiles files, List<Lab.Check> checks) {
        Set<String> checkIds = new HashSet<>();
        checks.forEach(check -> checkIds.add(check.id()));
        List<Lab.Mutant> mutants = new ArrayList<>();
        List<Node> items = map.list("mutants");
        for (int i = 0; i < items.size(); i++) {
            String field = "mutants[" + i + "]";
            MapReader.of(source, items.get(i), field, MUTANT_KEYS).ifPresent(m -> {
                String id = m.required("id", "give the mutant an id");
                Path script = files.existing(
                        m.value("script").orElse(m.node()),
                        field + ".script",
                        m.required("script", "name the script that applies it"));
                List<String> fails = m.texts("fails");
                if (fails.isEmpty()) {
                    source.problem(
                            m.node(),
                            field + ".fails",
                            "a mutant must name the checks it fails",
                            "list them: fails: [check-id]");
                }
                for (String check : fails) {
                    if (!checkIds.contains(check)) {
                        source.problem(
                                m.value("fails").orElseThrow(),
                                field + ".fails",
                                "no check '" + check + "'",
                                "name one of " + YamlSource.sample(checkIds));
                    }
                }
                mutants.add(new Lab.Mutant(
                        id,
                        m.required("description", "say what is wrong in it"),
                        script,
                        fails,
                        m.bool("onSolution").orElse(false)));
            });
        }
        return mutants;
    }

    private List<Lab.Tamper> tampers(MapReader map, LabFiles files) {
        List<Lab.Tamper> tampers = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<Node> items = map.list("tampers");
        for (int i = 0; i < items.size(); i++) {
            String field = "tampers[" + i + "]";
            MapReader.of(source, items.get(i), field, TAMPER_KEYS).ifPresent(t -> {
                String id = t.required("id", "give the tamper attempt an id");
                if (!ids.add(id)) {
                    source.problem(
                            t.value("id").orElseThrow(),
                            field + ".id",
                            "'" + id + "' is used twice",
                            "give each its own id");
                }
                Path script = files.existing(
                        t.value("script").orElse(t.node()),
                        field + ".script",
                        t.required("script", "name the script that makes the attempt"));
                tampers.add(new Lab.Tamper(id, t.required("description", "say what it fakes"), script));
            });
        }
        return tampers;
    }

    /** Skill weights: names among {@code allowed}, each in (0, 1], summing to 1. */
    private Map<String, Double> weights(MapReader map, String key, Set<String> allowed, String whose) {
        Map<String, Double> weights = map.weights(key);
        Node at = map.value(key).orElse(map.node());
        if (!map.has(key)) {
            source.problem(
                    at, map.field(key), "missing", "give skill weights that sum to 1, such as {linux: 0.7, git: 0.3}");
            return weights;
        }
        weights.forEach((skill, weight) -> {
            if (!allowed.contains(skill)) {
                source.problem(
                        at,
                        map.field(key) + "." + skill,
                        "'" + skill + "' is not one of " + whose,
                        "use one of " + YamlSource.sample(new java.util.TreeSet<>(allowed)));
            }
            if (weight <= 0 || weight > 1) {
                source.problem(
                        at,
                        map.field(key) + "." + skill,
                        "weight must lie in (0, 1], got " + weight,
                        "use a share such as 0.5");
            }
        });
        double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        if (!weights.isEmpty() && Math.abs(sum - 1.0) > TOLERANCE) {
            source.problem(
                    at,
                    map.field(key),
                    "weights sum to "
                            + java.math.BigDecimal.valueOf(sum)
                                    .round(new java.math.MathContext(6))
                                    .stripTrailingZeros()
                                    .toPlainString()
                            + ", not 1",
                    "scale them so they add up to 1");
        }
        return weights;
    }

    private String oneOf(MapReader map, String key, List<String> allowed, boolean required, String fallback) {
        Optional<String> value = map.text(key);
        if (value.isEmpty()) {
            if (required && !map.has(key)) {
                source.problem(map.node(), map.field(key), "missing", "use one of " + allowed);
            }
            return fallback;
        }
        if (!allowed.contains(value.get())) {
            source.problem(
                    map.value(key).orElseThrow(),
                    map.field(key),
                    "'" + value.get() + "' is not allowed",
                    "use one of " + allowed);
            return fallback;
        }
        return value.get();
    }

    static Duration duration(
            YamlSource source, MapReader map, String key, String field, Duration fallback, Duration max) {
        Optional<String> text = map.text(key);
        if (text.isEmpty()) {
            return fallback;
        }
        Optional<Duration> duration = Values.duration(text.get());
        if (duration.isEmpty() || duration.get().compareTo(max) > 0) {
            source.problem(
                    map.value(key).orElseThrow(),
                    MapReader.join(field, key),
                    "'" + text.get() + "' is not a duration up to " + max.toMinutes() + "m",
                    "write it like 30s, 45m or 1h30m");
            return fallback;
        }
        return duration.get();
    }
}
