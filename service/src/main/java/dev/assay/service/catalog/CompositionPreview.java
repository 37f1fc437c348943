package dev.assay.service.catalog;

import dev.assay.service.core.InvalidInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a labs stage would give one candidate before anyone is invited: the labs (picked by staff, or one example of
 * what composition gives), their time against the stage's budget, the evidence per skill as the scoring model
 * counts it, and warnings in words (over the budget, a measured skill the labs do not decide, no labs). Staff may
 * still invite with labs that draw warnings; a lab outside the stage is refused.
 */
public record CompositionPreview(
        String role,
        String stage,
        String composition,
        @Nullable Long exampleSeed,
        String note,
        List<LabLine> labs,
        long minutes,
        long budget,
        int difficulty,
        List<SkillLine> skills,
        List<String> warnings) {

    /** A lab of the preview: its time limit in minutes, difficulty, skills, and whether every candidate gets it. */
    public record LabLine(
            String id, String title, long minutes, String difficulty, List<String> skills, boolean fixed) {}

    /**
     * A skill the labs give evidence for, or the stage measures: counted checks, coverage, points, and whether it is
     * {@code decided} (it meets the blueprint's least evidence; for a skill the stage does not measure, information).
     */
    public record SkillLine(
            String skill, boolean measured, int checks, double coverage, double points, boolean decided) {
        /** "aws: 2 counted check(s), coverage 100%, 4.0 points, decided". */
        public String text() {
            return String.format(
                    Locale.ROOT,
                    "%s: %d counted check(s), coverage %.0f%%, %.1f points, %s",
                    skill,
                    checks,
                    coverage * 100,
                    points,
                    !measured ? "not measured by this stage" : decided ? "decided" : "short");
        }
    }

    /** Whether anything is wrong with the labs (they may still be invited with). */
    public boolean warned() {
        return !warnings.isEmpty();
    }

    /**
     * The preview of {@code picked} labs of a role's labs stage, or, when {@code picked} is null, of the labs that
     * composition gives for {@code seed} (one example: each candidate is composed from their own seed).
     */
    public static CompositionPreview of(
            LabCatalog catalog, String roleId, String stageId, @Nullable List<String> picked, long seed) {
        Role role = catalog.role(roleId)
                .orElseThrow(() -> new InvalidInputException("roleId: there is no role '" + printable(roleId)
                        + "'; roles are the files in labs/roles/ ('./assay labs list' shows them)"));
        Role.Stage stage = role.stages().stream()
                .filter(s -> s.id().equals(stageId))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("stage: role " + role.id() + " has no stage '"
                        + printable(stageId) + "'; its stages are "
                        + role.stages().stream().map(Role.Stage::id).toList()));
        if (stage.kind() != Role.Kind.LABS) {
            throw new InvalidInputException(
                    "stage: " + stage.id() + " is an interview; it has no labs to preview (its kit is rated instead)");
        }
        if (picked == null) {
            Composition drawn = Composer.compose(role, stage, catalog, seed);
            return of(catalog, role, stage, drawn.labs(), seed);
        }
        return of(catalog, role, stage, checked(stage, picked), null);
    }

    private static CompositionPreview of(
            LabCatalog catalog, Role role, Role.Stage stage, List<String> ids, @Nullable Long seed) {
        List<Lab> labs = ids.stream().flatMap(id -> catalog.lab(id).stream()).toList();
        Composition composition = Composer.composition(role, stage, labs, catalog::counts);
        Blueprint.Evidence least = stage.blueprint().evidence();
        List<SkillLine> skills = composition.evidence().values().stream()
                .map(e -> new SkillLine(
                        e.skill(),
                        stage.measures().contains(e.skill()),
                        e.checks(),
                        e.coverage(),
                        e.points(),
                        e.meets(least)))
                .toList();
        List<String> warnings = new ArrayList<>();
        if (labs.isEmpty()) {
            warnings.add("no labs: the candidate would have nothing to do; pick at least one lab of the stage");
        }
        long minutes = composition.minutes().toMinutes();
        long budget = composition.budget().toMinutes();
        if (composition.minutes().compareTo(composition.budget()) > 0) {
            warnings.add("over the budget: the labs take " + minutes + " minutes, the stage's budget is " + budget
                    + " minutes (one sitting)");
        }
        for (SkillLine skill : skills) {
            if (skill.measured() && !skill.decided()) {
                warnings.add(String.format(
                        Locale.ROOT,
                        "%s is short: the labs give %d counted check(s), coverage %.0f%%, %.1f points; the stage"
                                + " needs at least %d, %.0f%%, %.1f to decide it",
                        skill.skill(),
                        skill.checks(),
                        skill.coverage() * 100,
                        skill.points(),
                        least.checks(),
                        least.coverage() * 100,
                        least.points()));
            }
        }
        return new CompositionPreview(
                role.id(),
                stage.id(),
                seed == null ? "picked" : "auto",
                seed,
                seed == null
                        ? "the labs picked, as every candidate invited with them gets them"
                        : "one example (seed " + seed + "): each candidate's labs are composed from their own seed,"
                                + " so candidates get different labs that meet the same blueprint",
                labs.stream().map(lab -> line(lab, stage)).toList(),
                minutes,
                budget,
                composition.difficulty(),
                skills,
                List.copyOf(warnings));
    }

    private static LabLine line(Lab lab, Role.Stage stage) {
        return new LabLine(
                lab.id(),
                lab.title(),
                lab.timeLimit().toMinutes(),
                lab.difficulty(),
                List.copyOf(lab.skills().keySet()),
                stage.labs().contains(lab.id()));
    }

    /** Each picked lab is one of the stage's labs or its pool, and picked once. */
    private static List<String> checked(Role.Stage stage, List<String> picked) {
        Set<String> seen = new HashSet<>();
        for (String lab : picked) {
            if (lab == null || !stage.allLabs().contains(lab)) {
                throw new InvalidInputException("labs: '" + printable(String.valueOf(lab)) + "' is not a lab of stage "
                        + stage.id() + "; choose from " + stage.allLabs());
            }
            if (!seen.add(lab)) {
                throw new InvalidInputException("labs: '" + lab + "' is picked twice; list each lab once");
            }
        }
        return List.copyOf(picked);
    }

    private static String printable(String text) {
        String cut = text.length() > 80 ? text.substring(0, 80) + "..." : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
