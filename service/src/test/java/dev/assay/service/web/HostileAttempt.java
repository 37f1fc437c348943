package dev.assay.service.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.service.db.CheckResultDao;
import dev.assay.service.db.RecordingDao;
import dev.assay.service.db.StoredCheckResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * A graded attempt whose every candidate-made field holds hostile text: what a candidate who is root in their lab
 * can make a grader report (outputs, messages, observations, file names) and what their terminal recorded.
 */
final class HostileAttempt {
    private HostileAttempt() {}

    static long seed(Jdbi jdbi, long assessment, String lab, String hostile) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Instant now = Instant.now();
        long session = GradedLabs.gradedSession(jdbi, assessment, lab, "1", now);
        String observations = json.writeValueAsString(List.of(Map.of("what", hostile, "value", hostile)));
        String evidence = json.writeValueAsString(
                List.of(Map.of("kind", "file", "ref", "/srv/" + hostile, "sha256", "0".repeat(64), "size", 1)));
        for (String check : List.of("config-serves-80", "serves-shop", "nginx-listens", "nginx-test-in-lab")) {
            jdbi.useExtension(
                    CheckResultDao.class,
                    dao -> dao.insert(new StoredCheckResult(
                            session,
                            "final-" + session,
                            "final",
                            check,
                            "file",
                            "1",
                            "fail",
                            0.0,
                            true,
                            hostile,
                            observations,
                            evidence,
                            hostile,
                            false,
                            now,
                            now)));
        }
        String events = json.writeValueAsString(List.of(0.1, "o", hostile + "\r\n")) + "\n"
                + json.writeValueAsString(List.of(0.2, "i", "echo " + hostile + "\r")) + "\n";
        jdbi.useExtension(RecordingDao.class, dao -> {
            dao.insertHeader(session, now, 80, 24);
            dao.append(session, events, events.getBytes(StandardCharsets.UTF_8).length, 1 << 20, "");
        });
        return session;
    }
}
