package dev.assay.service.catalog;

import java.util.List;

/**
 * A hiring role, read from {@code labs/roles/<id>.yaml}: the skills it needs (must-have or nice-to-have),
 * the stages of its hiring plan (labs or interview), and the rating cuts of its scoring.
 */
public record Role(String id, String title, String source, List<Skill> skills, List<Stage> stages, List<Double> cuts) {

    /** The scoring model's defaults (docs/decisions.md, "Scoring"). */
    public static final List<Double> DEFAULT_CUTS = List.of(0.20, 0.45, 0.60, 0.85);

    public record Skill(String id, String title, boolean mustHave, String description) {}

    /**
     * A stage of the hiring plan: what it must decide ({@code measures}, role skills) and how. A {@link Kind#LABS}
     * stage composes hands-on labs per candidate from its {@link Blueprint}; an {@link Kind#INTERVIEW} stage is a
     * conversation rated with its {@link InterviewKit}. See labs/README.md, "Roles".
     */
    public record Stage(
            String id,
            String title,
            Kind kind,
            List<String> measures,
            Blueprint blueprint,
            @org.jspecify.annotations.Nullable InterviewKit kit) {

        /** A labs stage whose every candidate gets {@code labs}, drawing on {@code pool}, with no blueprint limits. */
        public Stage(String id, String title, List<String> labs, List<String> pool) {
            this(id, title, Kind.LABS, List.of(), Blueprint.listed(labs, pool), null);
        }

        public Stage(String id, String title, List<String> labs) {
            this(id, title, labs, List.of());
        }

        /** The labs every candidate of the stage gets (none for an interview). */
        public List<String> labs() {
            return blueprint.labs();
        }

        /** More labs a composition may draw on. */
        public List<String> pool() {
            return blueprint.pool();
        }

        /** The given labs, then the pool. */
        public List<String> allLabs() {
            List<String> all = new java.util.ArrayList<>(labs());
            pool().stream().filter(lab -> !labs().contains(lab)).forEach(all::add);
            return List.copyOf(all);
        }
    }

    /** How a stage gathers its evidence. */
    public enum Kind {
        LABS,
        INTERVIEW;

        /** As the role file writes it. */
        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean hasSkill(String id) {
        return skills.stream().anyMatch(skill -> skill.id().equals(id));
    }
}
