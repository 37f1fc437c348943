package dev.assay.service.scoring;

import dev.assay.service.catalog.Lab;
import dev.assay.service.catalog.LabCatalog;
import dev.assay.service.catalog.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How one role stage is weighed: per lab version, each check's points, gate and skill shares, and the rating
 * cuts. Version 0 is the lab files' own values; the hiring team's versions (drafts, then active) are stored in
 * {@code rubric_versions} as YAML ({@link RubricYaml}). A rubric speaks for the lab version it was written
 * against only: when a lab's files move to a new version, that lab is weighed by its files until a new rubric
 * version covers it.
 */
public record Rubric(String roleId, String stage, int version, List<Double> cuts, Map<String, LabWeights> labs) {

    /** The weights of one lab version's checks, by check id, in the lab's order. */
    public record LabWeights(String version, Map<String, CheckWeights> checks) {}

    /** A check's points, whether failing it rejects, and its skill shares (summing to 1). */
    public record CheckWeights(double points, boolean gate, Map<String, Double> skills) {}

    /** The lab files' own rubric of a role stage (version 0). */
    public static Rubric ofFiles(Role role, String stage, LabCatalog catalog) {
        Map<String, LabWeights> labs = new LinkedHashMap<>();
        for (String labId : labsOf(role, stage)) {
            catalog.lab(labId).ifPresent(lab -> {
                Map<String, CheckWeights> checks = new LinkedHashMap<>();
                for (Lab.Check check : lab.checks()) {
                    checks.put(check.id(), new CheckWeights(check.points(), check.gate(), check.skills()));
                }
                labs.put(labId, new LabWeights(lab.version(), checks));
            });
        }
        return new Rubric(role.id(), stage, 0, role.cuts(), labs);
    }

    /**
     * Every lab a candidate of a role's stage may get (its fixed labs, then its pool), in the role's order: a
     * rubric weighs them all, and each candidate is scored on the labs they had.
     */
    public static List<String> labsOf(Role role, String stage) {
        return role.stages().stream()
                .filter(s -> s.id().equals(stage))
                .flatMap(s -> s.allLabs().stream())
                .toList();
    }

    /** The role with this rubric's cuts. */
    public Role applyTo(Role role) {
        return new Role(role.id(), role.title(), role.source(), role.skills(), role.stages(), cuts);
    }

    /**
     * The lab as this rubric weighs it: its checks with the rubric's points, gate and skills when the rubric was
     * written for this version of the lab, else the lab as its files say.
     */
    public Lab applyTo(Lab lab) {
        LabWeights weights = labs.get(lab.id());
        if (weights == null || !weights.version().equals(lab.version())) {
            return lab;
        }
        List<Lab.Check> checks = new ArrayList<>();
        for (Lab.Check check : lab.checks()) {
            CheckWeights w = weights.checks().get(check.id());
            checks.add(
                    w == null
                            ? check
                            : new Lab.Check(
                                    check.id(),
                                    check.title(),
                                    check.grader(),
                                    check.parameters(),
                                    w.points(),
                                    w.skills(),
                                    check.visibility(),
                                    check.hint(),
                                    check.timeout(),
                                    w.gate()));
        }
        return new Lab(
                lab.id(),
                lab.version(),
                lab.title(),
                lab.summary(),
                lab.stage(),
                lab.difficulty(),
                lab.timeLimit(),
                lab.skills(),
                lab.environment(),
                lab.instructions(),
                lab.interviewerNotes(),
                checks,
                lab.freePointsCeiling(),
                lab.solution(),
                lab.mutants(),
                lab.tampers(),
                lab.directory(),
                lab.parameters());
    }

    /** Labs of the stage whose files have moved past the version this rubric weighs (their files count). */
    public List<String> staleLabs(LabCatalog catalog) {
        List<String> stale = new ArrayList<>();
        labs.forEach((id, weights) -> {
            Optional<Lab> lab = catalog.lab(id);
            if (lab.isPresent() && !lab.get().version().equals(weights.version())) {
                stale.add(id + " (rubric for " + weights.version() + ", files at "
                        + lab.get().version() + ")");
            }
        });
        return stale;
    }

    /** What the scorecard's versions call this rubric. */
    public String label() {
        return roleId + "/" + stage + "@" + version;
    }

    /** The same weights as another version number. */
    public Rubric asVersion(int newVersion) {
        return new Rubric(roleId, stage, newVersion, cuts, labs);
    }

    /** A check's weights, if the rubric has the lab and check. */
    public @Nullable CheckWeights check(String lab, String check) {
        LabWeights weights = labs.get(lab);
        return weights == null ? null : weights.checks().get(check);
    }
}
