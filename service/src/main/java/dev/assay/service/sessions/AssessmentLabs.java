package dev.assay.service.sessions;

import dev.assay.service.catalog.Role;
import dev.assay.service.db.AssessmentDao;
import dev.assay.service.db.AssessmentSummary;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Which labs an assessment has: its own, composed or picked at invitation and stored with it; for an assessment
 * made before labs were per candidate, its stage's fixed labs. Starting labs, scoring, the review page and the
 * webhook all ask here, so a lab the candidate never had counts nowhere.
 */
public final class AssessmentLabs {
    private AssessmentLabs() {}

    public static List<String> of(Jdbi jdbi, AssessmentSummary assessment, Optional<Role> role) {
        List<String> own = jdbi.withExtension(AssessmentDao.class, dao -> dao.labsOf(assessment.assessmentId()));
        if (!own.isEmpty()) {
            return own;
        }
        return role.stream()
                .flatMap(r -> r.stages().stream())
                .filter(stage -> stage.id().equals(assessment.stage()))
                .flatMap(stage -> stage.labs().stream())
                .toList();
    }
}
