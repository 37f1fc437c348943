package dev.assay.service.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one stage of a role file. The kinds {@code technical} and {@code system-design} of role files that predate
 * blueprints still read, as labs stages whose labs must be of that lab stage, with no budget or evidence limits
 * unless given; what they measure, when not given, is what their labs measure (filled in by the catalog).
 */
final class StageReader {
    static final String LABS = "labs";
    static final String INTERVIEW = "interview";
    static final Set<String> KEYS =
            Set.of("id", "title", "kind", "measures", "budget", "labs", "pool", "evidence", "exposure", "questions");
    private static final Set<String> BLUEPRINT_KEYS = Set.of("budget", "labs", "pool", "evidence", "exposure");
    private static final Set<String> EVIDENCE_KEYS = Set.of("checks", "coverage", "points");
    private static final Duration LONGEST_SITTING = Duration.ofHours(8);

    private final YamlSource source;
    private final Set<String> skills;
    private final Set<String> values;

    StageReader(YamlSource source, Set<String> skills, Set<String> values) {
        this.source = source;
        this.skills = skills;
        this.values = values;
    }

    /** The stage, and its kind as written. */
    record Read(Role.Stage stage, String kind) {}

    Read read(MapReader stage, String field) {
        String id = stage.required("id", "give the stage an id such as 'technical'");
        String title = stage.required("title", "give the stage a title");
        String kind = stage.required("kind", "set kind: to labs (hands-on labs) or interview (an interview kit)");
        boolean legacy = Lab.STAGES.contains(kind);
        if (!kind.isEmpty() && !legacy && !kind.equals(LABS) && !kind.equals(INTERVIEW)) {
            source.problem(
                    stage.value("kind").orElseThrow(),
                    field + ".kind",
                    "'" + kind + "' is not a stage kind",
                    "set kind: to labs or interview");
        }
        List<String> measures = measures(stage, field, !legacy);
        if (kind.equals(INTERVIEW)) {
            for (String key : BLUEPRINT_KEYS) {
                stage.value(key)
                        .ifPresent(node -> source.problem(
                                node,
                                field + "." + key,
                                "only labs stages have " + key,
                                "remove it, or make the stage kind: labs"));
            }
            InterviewKit kit = new KitReader(source, skills, values).read(stage, field, measures);
            return new Read(new Role.Stage(id, title, Role.Kind.INTERVIEW, measures, Blueprint.none(), kit), kind);
        }
        stage.value("questions")
                .ifPresent(node -> source.problem(
                        node, field + ".questions", "only interview stages have questions", "remove them"));
        return new Read(
                new Role.Stage(id, title, Role.Kind.LABS, measures, blueprint(stage, field, legacy), null), kind);
    }

    private List<String> measures(MapReader stage, String field, boolean required) {
        if (!stage.has("measures")) {
            if (required) {
                source.problem(
                        stage.node(),
                        field + ".measures",
                        "missing",
                        "list the skills this stage must decide, such as [linux, git]");
            }
            return List.of();
        }
        List<String> measures = stage.texts("measures");
        Set<String> seen = new HashSet<>();
        for (String skill : measures) {
            if (!skills.contains(skill)) {
                source.problem(
                        stage.value("measures").orElseThrow(),
                        field + ".measures",
                        "'" + skill + "' is not one of the role's skills",
                        "use one of " + YamlSource.sample(new java.util.TreeSet<>(skills)));
            } else if (!seen.add(skill)) {
                source.problem(
                        stage.value("measures").orElseThrow(),
                        field + ".measures",
                        "'" + skill + "' is listed twice",
                        "keep one");
            }
        }
        if (required && measures.isEmpty() && stage.list("measures").isEmpty()) {
            source.problem(
                    stage.value("measures").orElseThrow(),
                    field + ".measures",
                    "a stage must decide at least one skill",
                    "list the skills it decides");
        }
        return measures;
    }

    private Blueprint blueprint(MapReader stage, String field, boolean legacy) {
        List<String> labs = stage.texts("labs");
        List<String> pool = stage.texts("pool");
        Set<String> seen = new HashSet<>();
        for (String lab : concat(labs, pool)) {
            if (!seen.add(lab)) {
                source.problem(
                        stage.value(labs.contains(lab) && pool.contains(lab) ? "pool" : "labs")
                                .orElse(stage.node()),
                        field,
                        "lab '" + lab + "' is listed twice",
                        "list it once, under labs (everyone gets it) or pool (compositions may pick it)");
            }
        }
        Duration budget = budget(stage, field, legacy);
        Blueprint.Evidence evidence = stage.value("evidence")
                .flatMap(node -> MapReader.of(source, node, field + ".evidence", EVIDENCE_KEYS))
                .map(map -> evidence(map))
                .orElse(legacy ? Blueprint.Evidence.NONE : DEFAULT_EVIDENCE);
        if (!legacy && evidence.checks() < 1) {
            source.problem(
                    stage.value("evidence").orElse(stage.node()),
                    field + ".evidence.checks",
                    "a labs stage decides a skill on at least one counted check, got " + evidence.checks(),
                    "ask for 2, as the scoring model does");
        }
        double exposure = stage.number("exposure").orElse(1.0);
        if (exposure <= 0 || exposure > 1) {
            source.problem(
                    stage.value("exposure").orElseThrow(),
                    field + ".exposure",
                    "must lie in (0, 1], got " + exposure,
                    "the largest share of compositions one pool lab may appear in, such as 0.5");
        }
        return new Blueprint(budget, List.copyOf(labs), List.copyOf(pool), evidence, exposure);
    }

    /** What a decision of the scoring model needs: two counted checks and 60 % coverage. */
    static final Blueprint.Evidence DEFAULT_EVIDENCE = new Blueprint.Evidence(2, 0.6, 0);

    private Duration budget(MapReader stage, String field, boolean legacy) {
        Optional<String> text = stage.text("budget");
        if (text.isEmpty()) {
            if (!legacy && !stage.has("budget")) {
                source.problem(stage.node(), field + ".budget", "missing", "give the sitting's length, such as 90m");
            }
            return Blueprint.UNBOUNDED;
        }
        Optional<Duration> budget = Values.duration(text.get());
        if (budget.isEmpty()
                || budget.get().compareTo(Duration.ofMinutes(1)) < 0
                || budget.get().compareTo(LONGEST_SITTING) > 0) {
            source.problem(
                    stage.value("budget").orElseThrow(),
                    field + ".budget",
                    "'" + text.get() + "' is not a duration from 1m to 8h",
                    "write minutes or hours such as 90m or 1h30m");
            return Blueprint.UNBOUNDED;
        }
        return budget.get();
    }

    private Blueprint.Evidence evidence(MapReader map) {
        double checks = map.number("checks").orElse(0.0);
        if (checks < 0 || checks > 100 || checks != Math.rint(checks)) {
            source.problem(
                    map.value("checks").orElseThrow(),
                    map.field("checks"),
                    "must be a whole number from 0 to 100, got " + checks,
                    "the least counted checks per skill, such as 2");
        }
        double coverage = map.number("coverage").orElse(0.0);
        if (coverage < 0 || coverage > 1) {
            source.problem(
                    map.value("coverage").orElseThrow(),
                    map.field("coverage"),
                    "must lie in [0, 1], got " + coverage,
                    "the least counted share of a skill's points, such as 0.6");
        }
        double points = map.number("points").orElse(0.0);
        if (points < 0) {
            source.problem(
                    map.value("points").orElseThrow(),
                    map.field("points"),
                    "must not be negative, got " + points,
                    "the least skill-weighted counted points, such as 3");
        }
        return new Blueprint.Evidence((int) checks, coverage, points);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
