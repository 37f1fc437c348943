package dev.assay.service.grading;

import dev.assay.grading.Evidence;
import dev.assay.grading.Observation;
import dev.assay.service.catalog.Lab;
import dev.assay.service.db.LabSession;
import dev.assay.service.db.StoredCheckResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds a {@link LabResult} from stored rows and the lab's checks (points, visibility, gates). */
final class Results {
    private Results() {}

    static LabResult of(
            LabSession session,
            Lab lab,
            Map<String, String> parameters,
            String run,
            List<StoredCheckResult> rows,
            Function<String, List<Observation>> observations,
            Function<String, List<Evidence>> evidence) {
        Map<String, Lab.Check> checks =
                lab.checks().stream().collect(Collectors.toMap(Lab.Check::id, c -> c, (a, b) -> a));
        List<LabResult.Test> tests = new ArrayList<>();
        double earned = 0;
        double counted = 0;
        for (StoredCheckResult row : rows) {
            Lab.Check check = checks.get(row.checkId());
            double points = check == null ? 0 : check.points();
            Double credit = row.credit();
            boolean counts = row.trusted() && credit != null;
            double got = credit != null && counts ? points * credit : 0;
            if (counts) {
                earned += got;
                counted += points;
            }
            tests.add(new LabResult.Test(
                    row.checkId(),
                    check == null ? row.checkId() : check.title(),
                    row.status(),
                    row.credit(),
                    points,
                    got,
                    counts,
                    row.trusted(),
                    check != null && check.gate(),
                    check == null ? Lab.Visibility.HIDDEN : check.visibility(),
                    row.message() == null ? "" : row.message(),
                    row.output() == null ? "" : row.output(),
                    row.outputTruncated(),
                    row.graderId(),
                    row.graderVersion(),
                    observations.apply(row.observations()),
                    evidence.apply(row.evidenceRefs())));
        }
        double total = lab.points();
        return new LabResult(
                LabResult.SCHEMA,
                session.id(),
                session.labId(),
                session.labVersion(),
                parameters,
                run,
                rows.get(0).purpose(),
                counted == 0 ? null : earned / counted,
                earned,
                counted,
                total,
                total == 0 ? 0 : counted / total,
                tests);
    }
}
