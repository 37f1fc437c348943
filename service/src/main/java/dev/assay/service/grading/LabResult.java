package dev.assay.service.grading;

import dev.assay.grading.Evidence;
import dev.assay.grading.Observation;
import dev.assay.service.catalog.Lab;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One grading run of one lab session in the versioned result schema {@value #SCHEMA} (docs/results.md): close to
 * PrairieLearn's and Gradescope's (a score and a list of tests) so external graders can be wrapped.
 *
 * @param score earned points over the points that count (trusted and gradable), 0..1; null when none count
 * @param coverage the share of the lab's points that count
 * @param parameters the lab's parameter values this session was set up and graded with (its variant), recorded
 *     when the session was made; empty for a lab without parameters
 */
public record LabResult(
        String schema,
        long session,
        String lab,
        String labVersion,
        Map<String, String> parameters,
        String run,
        String purpose,
        @Nullable Double score,
        double earned,
        double countedPoints,
        double totalPoints,
        double coverage,
        List<Test> tests) {

    public static final String SCHEMA = "assay.result/1";

    /**
     * One check: {@code status} pass, fail, partial or error (not gradable); {@code counted} false for errors and
     * for advisory results (they rest on something the candidate controls).
     */
    public record Test(
            String id,
            String title,
            String status,
            @Nullable Double credit,
            double points,
            double earned,
            boolean counted,
            boolean trusted,
            boolean gate,
            Lab.Visibility visibility,
            String message,
            String output,
            boolean outputTruncated,
            String grader,
            String graderVersion,
            List<Observation> observations,
            List<Evidence> evidence) {}
}
