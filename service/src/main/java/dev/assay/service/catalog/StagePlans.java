package dev.assay.service.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The checks of a role's stages that need the labs: every lab named exists (and, in a stage of a role file that
 * predates blueprints, is of that lab stage), every must-have is measured by some stage, and every labs stage's
 * blueprint can be met by some selection of its labs and pool within its budget. Returns the role as served: a
 * stage of an old role file that says nothing of what it measures measures what its labs give counted checks to.
 */
final class StagePlans {
    private final RoleReader.Read read;
    private final Map<String, Lab> labs;
    private final Predicate<Lab.Check> counts;
    private final YamlSource source;

    StagePlans(RoleReader.Read read, Map<String, Lab> labs, Predicate<Lab.Check> counts, YamlSource source) {
        this.read = read;
        this.labs = labs;
        this.counts = counts;
        this.source = source;
    }

    Optional<Role> check(Set<String> broken) {
        int before = source.problems().size();
        List<Role.Stage> stages = read.role().stages();
        for (int i = 0; i < stages.size(); i++) {
            labsExist(i, stages.get(i), broken);
        }
        if (source.problems().size() > before) {
            return Optional.empty();
        }
        List<Role.Stage> served = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            served.add(completed(i, stages.get(i)));
        }
        for (Map.Entry<String, org.yaml.snakeyaml.nodes.Node> mustHave :
                read.mustHaveNodes().entrySet()) {
            if (served.stream().noneMatch(stage -> stage.measures().contains(mustHave.getKey()))) {
                source.problem(
                        mustHave.getValue(),
                        "skills.mustHave",
                        "'" + mustHave.getKey() + "' is a must-have that no stage measures",
                        "list it under the measures: of the stage that decides it");
            }
        }
        for (int i = 0; i < served.size(); i++) {
            Role.Stage stage = served.get(i);
            // A stage naming a broken lab is not judged: the lab's own problems are reported, and echoing them here
            // as an unmet blueprint would mislead.
            boolean judged = stage.allLabs().stream().noneMatch(broken::contains);
            if (stage.kind() == Role.Kind.LABS && judged && !satisfiable(stage)) {
                source.problem(
                        read.stageNodes().get(i),
                        "stages[" + i + "]",
                        "no selection of its labs meets the blueprint: " + missing(stage),
                        "raise the budget, add labs to the pool that measure it, or ask for less evidence");
            }
        }
        Role role = read.role();
        return source.problems().size() > before
                ? Optional.empty()
                : Optional.of(new Role(role.id(), role.title(), role.source(), role.skills(), served, role.cuts()));
    }

    private void labsExist(int i, Role.Stage stage, Set<String> broken) {
        String kind = read.stageKinds().get(i);
        for (String id : stage.allLabs()) {
            Lab lab = labs.get(id);
            String field = "stages[" + i + "]." + (stage.labs().contains(id) ? "labs" : "pool");
            if (lab == null && !broken.contains(id)) {
                source.problem(
                        read.stageNodes().get(i),
                        field,
                        "no lab '" + id + "'",
                        "create labs/" + id + "/lab.yaml or remove it from the list");
            } else if (lab != null && read.legacy(i) && !lab.stage().equals(kind)) {
                source.problem(
                        read.stageNodes().get(i),
                        field,
                        "lab '" + id + "' is a " + lab.stage() + " lab, this stage is " + kind,
                        "list it under a " + lab.stage() + " stage, or make the stage kind: labs");
            }
        }
    }

    private Role.Stage completed(int i, Role.Stage stage) {
        if (!read.legacy(i) || !stage.measures().isEmpty()) {
            return stage;
        }
        List<Lab> all = served(stage.allLabs());
        List<String> measured = read.role().skills().stream()
                .map(Role.Skill::id)
                .filter(skill -> Tally.of(all, skill, counts).checks() > 0)
                .toList();
        return new Role.Stage(stage.id(), stage.title(), stage.kind(), measured, stage.blueprint(), stage.kit());
    }

    private boolean satisfiable(Role.Stage stage) {
        return !new Selections(fixed(stage), pool(stage), stage, counts)
                .options()
                .isEmpty();
    }

    /** Why nothing meets the stage: the fixed labs alone are over budget, or a skill short even with every lab. */
    private String missing(Role.Stage stage) {
        Blueprint blueprint = stage.blueprint();
        long budget = blueprint.budget().toMinutes();
        long fixedMinutes = fixed(stage).stream()
                .mapToLong(lab -> lab.timeLimit().toMinutes())
                .sum();
        if (fixedMinutes > budget) {
            return "the labs every candidate gets take " + fixedMinutes + "m, over the budget of " + budget + "m";
        }
        List<String> short_ = new ArrayList<>();
        for (String skill : stage.measures()) {
            List<Lab> fitting = pool(stage).stream()
                    .filter(lab -> lab.timeLimit().toMinutes() <= budget - fixedMinutes)
                    .filter(lab -> Tally.of(lab, skill, counts).checks() > 0)
                    .toList();
            Tally best = Tally.of(fixed(stage), skill, counts).plus(Tally.of(fitting, skill, counts));
            if (!best.meets(blueprint.evidence())) {
                short_.add(skill + ": the pool has " + fitting.size() + " lab(s) measuring it within " + budget
                        + "m (with the fixed labs at most " + best.evidence(skill) + "), the stage needs "
                        + needs(blueprint.evidence()));
            }
        }
        return short_.isEmpty()
                ? "each measured skill can be met alone within " + budget + "m, but no selection meets all of them"
                : String.join("; ", short_);
    }

    static String needs(Blueprint.Evidence least) {
        List<String> parts = new ArrayList<>();
        if (least.checks() > 0) {
            parts.add(least.checks() + " counted checks");
        }
        if (least.coverage() > 0) {
            parts.add(String.format(Locale.ROOT, "coverage %.0f%%", least.coverage() * 100));
        }
        if (least.points() > 0) {
            parts.add(String.format(Locale.ROOT, "%.1f points", least.points()));
        }
        return String.join(", ", parts);
    }

    private List<Lab> fixed(Role.Stage stage) {
        return served(stage.labs());
    }

    private List<Lab> pool(Role.Stage stage) {
        return served(stage.pool());
    }

    /** The labs served of these ids (a broken lab is reported on its own and left out). */
    private List<Lab> served(List<String> ids) {
        return ids.stream()
                .flatMap(id -> Optional.ofNullable(labs.get(id)).stream())
                .toList();
    }
}
