package dev.assay.service.grading;

import dev.assay.grading.CheckResult;
import dev.assay.service.catalog.Lab;
import java.time.Instant;

/** One check graded: the check as the lab defines it, the grader that judged it, its result, and when. */
public record CheckOutcome(
        Lab.Check check, String graderVersion, CheckResult result, Instant startedAt, Instant finishedAt) {

    /**
     * Whether the result may count in a score: it was graded, and it rests on trusted sources only. Advisory
     * results (commands run inside the lab, which a root candidate can fake) are shown but do not count.
     */
    public boolean counts() {
        return result.trusted() && result.verdict().credit().isPresent();
    }
}
