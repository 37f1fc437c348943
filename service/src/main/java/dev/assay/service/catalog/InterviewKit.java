package dev.assay.service.catalog;

import java.util.List;
import java.util.Map;

/**
 * The questions of an interview stage. A question is shaped like a rubric criterion of the {@code interviewer}
 * grader: skill weights that sum to 1, points, and five anchors that say what a rating of 1 to 5 looks like, so
 * interviewers rate it the way they rate a lab's rubric. {@code values} names company values (the role's
 * {@code values:}) the question probes; {@code notes} prompts what the interviewer writes down.
 */
public record InterviewKit(List<Question> questions) {

    public record Question(
            String id,
            String text,
            Map<String, Double> skills,
            List<String> values,
            double points,
            List<String> anchors,
            String notes) {}

    /** The questions that weigh a skill. */
    public long questionsMeasuring(String skill) {
        return questions.stream().filter(q -> q.skills().containsKey(skill)).count();
    }
}
