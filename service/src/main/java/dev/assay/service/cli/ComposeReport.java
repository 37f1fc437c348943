package dev.assay.service.cli;

import dev.assay.service.catalog.Blueprint;
import dev.assay.service.catalog.Composer;
import dev.assay.service.catalog.Composition;
import dev.assay.service.catalog.Lab;
import dev.assay.service.catalog.LabCatalog;
import dev.assay.service.catalog.Role;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code labs compose ROLE STAGE}: one seed's composition of a labs stage (labs, time, evidence per skill), or, over
 * many seeds, how often compositions meet the blueprint and budget (must be all of them), their time spread, each
 * lab's exposure and the least evidence per measured skill.
 */
final class ComposeReport {
    /** Some composition does not meet its blueprint: a fault of the composer, never of the content. */
    static final class BlueprintMissedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BlueprintMissedException(int missed, int seeds) {
            super(missed + " of " + seeds + " composition(s) miss the blueprint or the budget; see above");
        }
    }

    private final LabCatalog catalog;
    private final Role role;
    private final Role.Stage stage;
    private final Composer composer;
    private final PrintStream out;

    ComposeReport(LabCatalog catalog, String roleId, String stageId, PrintStream out) {
        this.catalog = catalog;
        this.role = catalog.role(roleId)
                .orElseThrow(() -> new IllegalArgumentException("no role '" + roleId + "'; roles: "
                        + catalog.roles().stream().map(Role::id).toList() + " ('labs validate' shows what is broken)"));
        this.stage = role.stages().stream()
                .filter(s -> s.id().equals(stageId))
                .findFirst()
                .orElseThrow(() ->
                        new IllegalArgumentException("role " + roleId + " has no stage '" + stageId + "'; its stages: "
                                + role.stages().stream().map(Role.Stage::id).toList()));
        if (stage.kind() != Role.Kind.LABS) {
            throw new IllegalArgumentException("stage " + stageId + " is an interview (a kit of " + questions()
                    + " question(s)); only labs stages are composed");
        }
        this.composer = Composer.of(role, stage, catalog);
        this.out = out;
    }

    private int questions() {
        return stage.kit() == null ? 0 : stage.kit().questions().size();
    }

    void one(long seed) {
        Composition composition = composer.compose(seed);
        out.printf(
                "%s / %s, seed %d: %d lab(s), %dm of a %dm budget, difficulty %d (one of %d selection(s))%n",
                role.id(),
                stage.id(),
                seed,
                composition.labs().size(),
                composition.minutes().toMinutes(),
                stage.blueprint().budget().toMinutes(),
                composition.difficulty(),
                composer.choices());
        for (String id : composition.labs()) {
            Lab lab = catalog.lab(id).orElseThrow();
            out.printf(
                    "  %-26s %-7s %4dm  %s%n",
                    id,
                    lab.difficulty(),
                    lab.timeLimit().toMinutes(),
                    stage.labs().contains(id) ? "(every candidate)" : "(from the pool)");
        }
        out.printf("  %-12s %-9s %6s %8s %7s%n", "skill", "", "checks", "coverage", "points");
        for (Composition.SkillEvidence line : composition.evidence().values()) {
            boolean measured = stage.measures().contains(line.skill());
            out.printf(
                    Locale.ROOT,
                    "  %-12s %-9s %6d %7.0f%% %7.1f  %s%n",
                    line.skill(),
                    measured ? "measured" : "",
                    line.checks(),
                    line.coverage() * 100,
                    line.points(),
                    measured ? (line.meets(stage.blueprint().evidence()) ? "decided" : "SHORT") : "");
        }
        List<String> missing = composition.shortOf(stage.blueprint());
        missing.forEach(what -> out.println("  misses: " + what));
        if (!missing.isEmpty()) {
            throw new BlueprintMissedException(1, 1);
        }
    }

    void many(long first, int seeds) {
        List<Composition> all = new ArrayList<>();
        for (long seed = first; seed < first + seeds; seed++) {
            all.add(composer.compose(seed));
        }
        Blueprint blueprint = stage.blueprint();
        long meeting = all.stream().filter(c -> c.shortOf(blueprint).isEmpty()).count();
        out.printf(
                "%s / %s, %d seeds (%d..%d), drawn from %d selection(s)%n",
                role.id(), stage.id(), seeds, first, first + seeds - 1, composer.choices());
        out.printf(
                Locale.ROOT,
                "  meet the blueprint and budget: %d/%d (%.0f%%)%n",
                meeting,
                seeds,
                100.0 * meeting / seeds);
        long[] minutes =
                all.stream().mapToLong(c -> c.minutes().toMinutes()).sorted().toArray();
        out.printf(
                "  time: min %dm, median %dm, max %dm (budget %dm)%n",
                minutes[0],
                minutes[minutes.length / 2],
                minutes[minutes.length - 1],
                blueprint.budget().toMinutes());
        int[] difficulty =
                all.stream().mapToInt(Composition::difficulty).sorted().toArray();
        out.printf(
                "  difficulty: min %d, median %d, max %d%n",
                difficulty[0], difficulty[difficulty.length / 2], difficulty[difficulty.length - 1]);
        exposure(all, blueprint);
        out.println("  least evidence per measured skill (needs " + needs(blueprint.evidence()) + "):");
        for (String skill : stage.measures()) {
            int checks = Integer.MAX_VALUE;
            double coverage = 1;
            double points = Double.MAX_VALUE;
            for (Composition c : all) {
                Composition.SkillEvidence e =
                        c.evidence().getOrDefault(skill, new Composition.SkillEvidence(skill, 0, 0, 0));
                checks = Math.min(checks, e.checks());
                coverage = Math.min(coverage, e.coverage());
                points = Math.min(points, e.points());
            }
            out.printf("    %-12s %s%n", skill, new Composition.SkillEvidence(skill, checks, coverage, points));
        }
        if (meeting < seeds) {
            throw new BlueprintMissedException((int) (seeds - meeting), seeds);
        }
    }

    private void exposure(List<Composition> all, Blueprint blueprint) {
        Map<String, Integer> counts = new TreeMap<>();
        all.forEach(c -> c.labs().forEach(lab -> counts.merge(lab, 1, Integer::sum)));
        out.printf(
                Locale.ROOT,
                "  exposure (share of these compositions, and expected over all seeds; cap %.0f%% where the pool"
                        + " allows):%n",
                blueprint.exposure() * 100);
        Map<String, Double> expected = composer.expectedExposure();
        for (String lab : stage.allLabs()) {
            boolean everyone = stage.labs().contains(lab);
            out.printf(
                    Locale.ROOT,
                    "    %-26s %4.0f%%  (expected %3.0f%%)%s%n",
                    lab,
                    100.0 * counts.getOrDefault(lab, 0) / all.size(),
                    everyone ? 100.0 : 100.0 * expected.getOrDefault(lab, 0.0),
                    everyone ? "  every candidate" : "");
        }
    }

    private static String needs(Blueprint.Evidence least) {
        return String.format(
                Locale.ROOT,
                "%d counted checks, coverage %.0f%%, %.1f points",
                least.checks(),
                least.coverage() * 100,
                least.points());
    }
}
