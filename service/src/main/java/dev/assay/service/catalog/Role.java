package dev.assay.service.catalog;

import java.util.List;

/**
 * A hiring role, read from {@code labs/roles/<id>.yaml}: the skills it needs (must-have or nice-to-have),
 * its interview stages with the labs of each, and the rating cuts of its scoring.
 */
public record Role(String id, String title, String source, List<Skill> skills, List<Stage> stages, List<Double> cuts) {

    /** The scoring model's defaults (docs/decisions.md, "Scoring"). */
    public static final List<Double> DEFAULT_CUTS = List.of(0.20, 0.45, 0.60, 0.85);

    public record Skill(String id, String title, boolean mustHave, String description) {}

    /**
     * A stage: {@code labs} are the labs every candidate of the stage gets; {@code pool} are more labs the stage
     * may draw on (validated and self-tested like the others, counted by the coverage report, not yet assigned to
     * candidates).
     */
    public record Stage(String id, String title, List<String> labs, List<String> pool) {
        public Stage(String id, String title, List<String> labs) {
            this(id, title, labs, List.of());
        }

        /** The given labs, then the pool. */
        public List<String> allLabs() {
            List<String> all = new java.util.ArrayList<>(labs);
            pool.stream().filter(lab -> !labs.contains(lab)).forEach(all::add);
            return List.copyOf(all);
        }
    }

    public boolean hasSkill(String id) {
        return skills.stream().anyMatch(skill -> skill.id().equals(id));
    }
}
