package dev.assay.service.catalog;

import java.util.List;

/**
 * A hiring role, read from {@code labs/roles/<id>.yaml}: the skills it needs (must-have or nice-to-have),
 * its interview stages with the labs of each, and the rating cuts of its scoring.
 */
public record Role(String id, String title, String source, List<Skill> skills, List<Stage> stages, List<Double> cuts) {

    /** The five-point scale the cuts separate. */
    public static final List<String> RATINGS = List.of("definitely-not", "no", "mixed", "yes", "strong-yes");

    /** The design's defaults (DESIGN.md, Scoring model). */
    public static final List<Double> DEFAULT_CUTS = List.of(0.20, 0.45, 0.60, 0.85);

    public record Skill(String id, String title, boolean mustHave, String description) {}

    public record Stage(String id, String title, List<String> labs) {}

    public boolean hasSkill(String id) {
        return skills.stream().anyMatch(skill -> skill.id().equals(id));
    }
}
