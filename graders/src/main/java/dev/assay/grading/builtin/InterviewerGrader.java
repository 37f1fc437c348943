package dev.assay.grading.builtin;

import dev.assay.grading.CheckResult;
import dev.assay.grading.LabView;
import dev.assay.grading.ParameterSpec;
import dev.assay.grading.ParameterSpec.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An item of the interviewer's rubric (trade-offs, communication, operability, ...): nothing automated can judge
 * it, so the grade waits for the interviewer's five-point rating on the review page (1 counts 0, 5 counts the
 * full points). Until then it is not gradable and does not count. The anchors say what each rating means, so two
 * interviewers rate alike; they are shown with the result.
 */
public final class InterviewerGrader extends BuiltinGrader {
    public static final String ID = "interviewer";

    private static final ParameterSpec PARAMETERS = ParameterSpec.builder()
            .required(
                    "anchors",
                    Type.STRING_LIST,
                    "five lines: what a rating of 1, 2, 3, 4 and 5 looks like, in that order")
            .rule(values -> values.get("anchors") instanceof List<?> anchors && anchors.size() == 5
                    ? List.of()
                    : List.of(new ParameterSpec.Problem(
                            "anchors", "needs exactly five lines, one per rating from 1 to 5")))
            .build();

    public InterviewerGrader() {
        super(
                ID,
                "1",
                "an interviewer's five-point rating against written anchors; nothing is read from the lab",
                PARAMETERS);
    }

    @Override
    public CheckResult grade(LabView lab, Map<String, Object> parameters) {
        List<String> scale = new ArrayList<>();
        if (parameters.get("anchors") instanceof List<?> anchors) {
            for (int i = 0; i < anchors.size(); i++) {
                scale.add((i + 1) + ": " + anchors.get(i));
            }
        }
        return CheckResult.notGradable(
                "awaiting the interviewer's rating (1 to 5) on the review page; anchors: " + String.join(" | ", scale));
    }
}
