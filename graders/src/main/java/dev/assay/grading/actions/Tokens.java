package dev.assay.grading.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The permissions a job's token gets: its own, else its workflow's; in a reusable workflow that declares none, the
 * token of the job that calls it (GitHub passes the caller's down). Missing means the repository's default.
 */
final class Tokens {
    private Tokens() {}

    static JsonNode of(Repository repository, Workflow.Job job) {
        return of(repository, job, 0);
    }

    private static JsonNode of(Repository repository, Workflow.Job job, int depth) {
        JsonNode declared = job.permissions();
        if (!declared.isMissingNode() || depth > 4) {
            return declared;
        }
        List<Workflow.Job> callers = callers(repository, job.workflow());
        return callers.isEmpty() ? declared : of(repository, callers.get(0), depth + 1);
    }

    /** The jobs of the repository view that call this workflow ({@code uses: ./.github/workflows/...}). */
    static List<Workflow.Job> callers(Repository repository, Workflow workflow) {
        List<Workflow.Job> callers = new ArrayList<>();
        for (Workflow.Job job : repository.jobs()) {
            if (job.calls()
                    .flatMap(Repository::localPath)
                    .filter(workflow.path()::equals)
                    .isPresent()) {
                callers.add(job);
            }
        }
        return callers;
    }

    static boolean idTokenWrite(JsonNode permissions) {
        return permissions.path("id-token").asText("").equals("write")
                || permissions.asText("").equals("write-all");
    }

    static JsonNode missing() {
        return MissingNode.getInstance();
    }
}
