package dev.assay.grading.actions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One workflow file as GitHub reads it. {@code file} names it in messages (such as {@code ci.yml}); {@code path}
 * is its path in the repository ({@code .github/workflows/ci.yml}).
 */
public record Workflow(String file, String path, JsonNode root) {

    /** The triggers. SnakeYAML reads the key {@code on} by YAML 1.1 rules, as the boolean true. */
    public JsonNode on() {
        return root.has("on") ? root.get("on") : root.path("true");
    }

    public boolean hasOn() {
        return root.has("on") || root.has("true");
    }

    public List<Job> jobs() {
        List<Job> jobs = new ArrayList<>();
        root.path("jobs").fields().forEachRemaining(e -> jobs.add(new Job(this, e.getKey(), e.getValue())));
        return jobs;
    }

    public Optional<Job> job(String id) {
        return jobs().stream().filter(j -> j.id().equals(id)).findFirst();
    }

    /** A job of a workflow. */
    public record Job(Workflow workflow, String id, JsonNode node) {
        public String where() {
            return workflow.file() + " jobs." + id;
        }

        /** The job's own permissions if it has them, else the workflow's; missing when neither declares any. */
        public JsonNode permissions() {
            return node.has("permissions")
                    ? node.get("permissions")
                    : workflow.root().path("permissions");
        }

        public List<String> needs() {
            JsonNode needs = node.path("needs");
            List<String> ids = new ArrayList<>();
            if (needs.isTextual()) {
                ids.add(needs.asText());
            } else {
                needs.forEach(n -> ids.add(n.asText()));
            }
            return ids;
        }

        /** The reusable workflow this job calls ({@code jobs.<id>.uses}), trimmed; empty for a job with steps. */
        public Optional<String> calls() {
            return node.path("uses").isTextual()
                    ? Optional.of(node.get("uses").asText().strip())
                    : Optional.empty();
        }

        public String shellDefault() {
            JsonNode own = node.path("defaults").path("run").path("shell");
            JsonNode inherited = workflow.root().path("defaults").path("run").path("shell");
            return own.isTextual() ? own.asText() : inherited.isTextual() ? inherited.asText() : "";
        }
    }
}
