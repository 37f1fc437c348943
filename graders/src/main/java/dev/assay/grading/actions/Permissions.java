package dev.assay.grading.actions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The leastPrivilege rule, on the token each job gets as GitHub computes it: the job's own {@code permissions},
 * else the workflow's, else the repository's default (which may write). {@code read-all} and {@code write-all}
 * grant every scope; a write is allowed only for the scopes a check names, and {@code id-token: write} only
 * where a step asks for an OIDC token.
 */
final class Permissions {
    static final Set<String> SCOPES = Set.of(
            "actions",
            "artifact-metadata",
            "attestations",
            "checks",
            "contents",
            "deployments",
            "discussions",
            "id-token",
            "issues",
            "models",
            "packages",
            "pages",
            "pull-requests",
            "repository-projects",
            "security-events",
            "statuses");
    private static final Set<String> LEVELS = Set.of("read", "write", "none");

    private Permissions() {}

    static List<String> findings(Repository repository, List<String> allowWrite, Map<String, List<Step>> stepsByJob) {
        List<String> findings = new ArrayList<>();
        for (Workflow.Job job : repository.jobs()) {
            JsonNode permissions = Tokens.of(repository, job);
            String where = job.where();
            if (permissions.isMissingNode()) {
                findings.add(where + ": no permissions in the job or the workflow, so it gets the repository's"
                        + " default token (which may write)");
            } else if (permissions.isTextual()) {
                findings.addAll(named(where, permissions.asText()));
            } else if (permissions.isObject()) {
                boolean asks = job.calls().isPresent() || Oidc.asksForToken(stepsByJob.getOrDefault(where, List.of()));
                findings.addAll(scopes(where, permissions, allowWrite, asks));
            } else {
                findings.add(where + ": permissions " + permissions + " is neither a map nor read-all/write-all");
            }
        }
        return findings;
    }

    private static List<String> named(String where, String value) {
        return switch (value) {
            case "write-all" -> List.of(where + ": permissions write-all (every scope may write)");
            case "read-all" -> List.of(where + ": permissions read-all (reads every scope; name the scopes it needs)");
            default -> List.of(where + ": permissions '" + value + "' is not read-all, write-all or a map");
        };
    }

    private static List<String> scopes(String where, JsonNode permissions, List<String> allowWrite, boolean asks) {
        List<String> findings = new ArrayList<>();
        permissions.fields().forEachRemaining(scope -> {
            String level = scope.getValue().asText();
            if (!LEVELS.contains(level)) {
                findings.add(where + ": " + scope.getKey() + ": " + level + " is not read, write or none");
            } else if (level.equals("write") && !allowWrite.contains(scope.getKey())) {
                findings.add(where + ": " + scope.getKey() + ": write");
            } else if (level.equals("write") && scope.getKey().equals("id-token") && !asks) {
                findings.add(where + ": id-token: write, but no step of the job asks for an OIDC token");
            }
        });
        return findings;
    }
}
