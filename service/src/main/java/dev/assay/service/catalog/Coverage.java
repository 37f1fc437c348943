package dev.assay.service.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * How well a role's labs cover its skills: per skill, the labs and checks that measure it and the points they
 * carry (each check's points times the skill's weight in it). Must-have skills measured by fewer than
 * {@link #MIN_LABS} labs are flagged: one lab is one opinion.
 */
public record Coverage(Role role, List<Line> lines) {
    public static final int MIN_LABS = 2;

    public record Line(Role.Skill skill, List<String> labs, int checks, double points) {
        public boolean thin() {
            return skill.mustHave() && labs.size() < MIN_LABS;
        }
    }

    public static Coverage of(Role role, LabCatalog catalog) {
        List<Lab> used = role.stages().stream()
                .flatMap(stage -> stage.allLabs().stream())
                .distinct()
                .flatMap(id -> catalog.lab(id).stream())
                .toList();
        List<Line> lines = new ArrayList<>();
        for (Role.Skill skill : role.skills()) {
            List<String> labs = new ArrayList<>();
            int checks = 0;
            double points = 0;
            for (Lab lab : used) {
                boolean measures = false;
                for (Lab.Check check : lab.checks()) {
                    Double weight = check.skills().get(skill.id());
                    if (weight != null) {
                        checks++;
                        points += weight * check.points();
                        measures = true;
                    }
                }
                if (measures) {
                    labs.add(lab.id());
                }
            }
            lines.add(new Line(skill, labs, checks, points));
        }
        return new Coverage(role, lines);
    }

    /** A plain-text table, one skill a line, flagged lines marked. */
    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%s (%s)%n", role.title(), role.id()));
        out.append(String.format("  %-12s %-12s %5s %7s %7s  %s%n", "skill", "kind", "labs", "checks", "points", ""));
        for (Line line : lines) {
            out.append(String.format(
                    java.util.Locale.ROOT,
                    "  %-12s %-12s %5d %7d %7.1f  %s%n",
                    line.skill().id(),
                    line.skill().mustHave() ? "must-have" : "nice-to-have",
                    line.labs().size(),
                    line.checks(),
                    line.points(),
                    line.thin() ? "<- fewer than " + MIN_LABS + " labs" : ""));
        }
        return out.toString();
    }
}
