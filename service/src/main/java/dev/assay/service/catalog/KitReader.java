package dev.assay.service.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** Reads an interview stage's {@code questions:} into its {@link InterviewKit}. */
final class KitReader {
    /** Ratings a skill an interview decides needs: two, as a lab's decision needs two counted checks. */
    static final int MIN_QUESTIONS = 2;

    private static final Set<String> QUESTION_KEYS =
            Set.of("id", "text", "skills", "values", "points", "anchors", "notes");
    private static final double TOLERANCE = 1e-6;

    private final YamlSource source;
    private final Set<String> skills;
    private final Set<String> values;

    KitReader(YamlSource source, Set<String> skills, Set<String> values) {
        this.source = source;
        this.skills = skills;
        this.values = values;
    }

    InterviewKit read(MapReader stage, String field, List<String> measures) {
        List<Node> items = stage.list("questions");
        if (items.isEmpty()) {
            source.problem(
                    stage.value("questions").orElse(stage.node()),
                    field + ".questions",
                    "an interview stage needs questions",
                    "add questions with id, text, skills, anchors and notes");
        }
        List<InterviewKit.Question> questions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String at = field + ".questions[" + i + "]";
            MapReader.of(source, items.get(i), at, QUESTION_KEYS).ifPresent(q -> {
                InterviewKit.Question question = question(q, at);
                if (!question.id().isEmpty() && !seen.add(question.id())) {
                    source.problem(
                            q.node(), at + ".id", "question '" + question.id() + "' is listed twice", "keep one");
                }
                questions.add(question);
            });
        }
        InterviewKit kit = new InterviewKit(List.copyOf(questions));
        for (String skill : measures) {
            long asking = kit.questionsMeasuring(skill);
            if (!items.isEmpty() && asking < MIN_QUESTIONS) {
                source.problem(
                        stage.value("measures").orElse(stage.node()),
                        field + ".measures",
                        skill + ": " + asking + " question(s) weigh it, deciding it needs " + MIN_QUESTIONS,
                        "weigh it in more questions' skills, or do not list it under measures");
            }
        }
        return kit;
    }

    private InterviewKit.Question question(MapReader q, String at) {
        String id = q.required("id", "give the question a short id such as 'failed-deploy'");
        if (!id.isEmpty() && !id.matches(RoleReader.SLUG)) {
            source.problem(
                    q.value("id").orElseThrow(),
                    at + ".id",
                    "'" + id + "' is not a slug",
                    "use lower case, digits and dashes");
        }
        String text = q.required("text", "write the question as the interviewer asks it");
        Map<String, Double> weights = weights(q, at);
        List<String> named = q.texts("values");
        for (String value : named) {
            if (!values.contains(value)) {
                source.problem(
                        q.value("values").orElseThrow(),
                        at + ".values",
                        "'" + value + "' is not one of the role's values",
                        values.isEmpty()
                                ? "list the company's values under the role's values:"
                                : "use one of " + YamlSource.sample(new java.util.TreeSet<>(values)));
            }
        }
        double points = q.number("points").orElse(1.0);
        if (points <= 0 || points > 100) {
            source.problem(
                    q.value("points").orElseThrow(),
                    at + ".points",
                    "must lie in (0, 100], got " + points,
                    "use 1 to 5");
        }
        List<String> anchors = q.texts("anchors");
        if (anchors.size() != 5 || anchors.stream().anyMatch(String::isBlank)) {
            source.problem(
                    q.value("anchors").orElse(q.node()),
                    at + ".anchors",
                    "needs exactly five anchors, one per rating from 1 to 5, got " + anchors.size(),
                    "write five lines: what a rating of 1, 2, 3, 4 and 5 looks like, in that order");
        }
        String notes = q.required("notes", "say what the interviewer should write down");
        return new InterviewKit.Question(id, text, weights, List.copyOf(named), points, List.copyOf(anchors), notes);
    }

    private Map<String, Double> weights(MapReader q, String at) {
        Map<String, Double> weights = q.weights("skills");
        Node node = q.value("skills").orElse(q.node());
        if (!q.has("skills") || weights.isEmpty()) {
            source.problem(node, at + ".skills", "missing", "weigh role skills that sum to 1, such as {cicd: 1}");
            return Map.of();
        }
        weights.forEach((skill, weight) -> {
            if (!skills.contains(skill)) {
                source.problem(
                        node,
                        at + ".skills." + skill,
                        "'" + skill + "' is not one of the role's skills",
                        "use one of " + YamlSource.sample(new java.util.TreeSet<>(skills)));
            }
            if (weight <= 0 || weight > 1) {
                source.problem(
                        node,
                        at + ".skills." + skill,
                        "weight must lie in (0, 1], got " + weight,
                        "use a share such as 0.5");
            }
        });
        double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        if (Math.abs(sum - 1.0) > TOLERANCE) {
            source.problem(node, at + ".skills", "weights sum to " + sum + ", not 1", "make the shares add up to 1");
        }
        return java.util.Collections.unmodifiableMap(weights);
    }
}
