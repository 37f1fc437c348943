package dev.assay.service.labs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.service.catalog.Lab;
import dev.assay.service.grading.LabResult;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The variant a self-test case runs: the assessment's seed (null: none, the lab's defaults), and the values its
 * scripts get when not the session's own (the transfer case: another seed's).
 */
record SelfTestVariant(@Nullable Long seed, @Nullable Map<String, String> scriptValues) {

    /**
     * The reference solution as one candidate of seed A would post it (A's values written in), run in a lab of seed
     * B whose every value differs from A's, must fail at least one gate and earn at most half the lab's points.
     */
    static void assertTransferFails(Lab lab, long seedA, long seedB, LabResult result, String messages) {
        Set<String> gates =
                lab.checks().stream().filter(Lab.Check::gate).map(Lab.Check::id).collect(Collectors.toSet());
        SelfTestReport.transfer(
                lab.id(),
                seedA,
                seedB,
                result.tests().stream()
                        .filter(test ->
                                gates.contains(test.id()) && !test.status().equals("pass"))
                        .map(LabResult.Test::id)
                        .sorted()
                        .toList(),
                result.earned() / lab.points());
        assertThat(result.tests())
                .as(
                        "%s: the solution of seed %d in the lab of seed %d fails a gate: %s",
                        lab.id(), seedA, seedB, messages)
                .anySatisfy(test -> {
                    assertThat(gates).contains(test.id());
                    assertThat(test.status()).isNotEqualTo("pass");
                });
        assertThat(result.earned() / lab.points())
                .as(
                        "%s: the solution of seed %d in the lab of seed %d scores at most half: %s",
                        lab.id(), seedA, seedB, messages)
                .isLessThanOrEqualTo(0.5);
    }
}
