package dev.assay.grading.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.grading.CheckResult;
import dev.assay.grading.FileResult;
import dev.assay.grading.LabView;
import dev.assay.grading.ParameterSpec;
import dev.assay.grading.ParameterSpec.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a GitHub Actions workflow (through the archive API) and checks the rules a check asks for: triggers,
 * job order through {@code needs}, least-privilege permissions, actions pinned by commit SHA, OIDC instead of
 * long-lived cloud keys, no secret echoed, caching and concurrency. All rules held pass; some held earn that
 * share.
 */
public final class GithubActionsGrader extends BuiltinGrader {
    private static final ParameterSpec PARAMETERS = ParameterSpec.builder()
            .required("path", Type.STRING, "the workflow file, such as /repo/.github/workflows/ci.yml")
            .optional("triggers", Type.STRING_LIST, "events that must trigger it, such as [pull_request, push]")
            .optional("needs", Type.STRING_MAP, "job: job it must wait for (directly or through others)")
            .optional("pinnedActions", Type.BOOLEAN, "every action pinned to a full 40-character commit SHA")
            .optional("leastPrivilege", Type.BOOLEAN, "permissions declared, never write-all, writes only allowWrite")
            .optional("allowWrite", Type.STRING_LIST, "permission scopes that may be write, such as [id-token]")
            .optional("oidc", Type.BOOLEAN, "cloud access through OIDC (id-token: write), no long-lived keys")
            .optional("noSecretEcho", Type.BOOLEAN, "no run step prints a secret")
            .optional("caching", Type.BOOLEAN, "dependencies cached (actions/cache or a setup action's cache)")
            .optional("concurrency", Type.BOOLEAN, "a concurrency group on the workflow or a job")
            .rule(values -> values.keySet().stream().anyMatch(k -> !k.equals("path") && !k.equals("allowWrite"))
                    ? List.of()
                    : List.of(new ParameterSpec.Problem(
                            "path", "name at least one rule to check, such as pinnedActions")))
            .build();

    private static final Pattern SHA = Pattern.compile("[^@\\s]+@[0-9a-f]{40}");
    private static final Pattern ECHOED_SECRET =
            Pattern.compile("(echo|printf|cat|tee)[^\\n]*\\$\\{\\{\\s*secrets\\.", Pattern.CASE_INSENSITIVE);
    private static final Pattern LONG_LIVED_KEY =
            Pattern.compile("secrets\\.AWS_(SECRET_)?ACCESS_KEY", Pattern.CASE_INSENSITIVE);

    public GithubActionsGrader() {
        super(
                "github-actions",
                "1",
                "rules on a GitHub Actions workflow: triggers, needs, permissions, SHA pins, OIDC, secrets, cache",
                PARAMETERS);
    }

    @Override
    public CheckResult grade(LabView lab, Map<String, Object> parameters) {
        String path = Text.string(parameters, "path", "");
        CheckResult.Builder check = CheckResult.builder(true).observe("workflow", path);
        FileResult.Content content = Text.candidateFile(lab, path, check);
        if (content == null) {
            return check.build();
        }
        Documents.Parsed parsed = Documents.yaml(content.text());
        if (!(parsed instanceof Documents.Parsed.Document document)
                || !document.root().isObject()) {
            String why = parsed instanceof Documents.Parsed.Unreadable u ? u.reason() : "not a YAML mapping";
            return check.expect(false, path + " is " + why).build();
        }
        Workflow workflow = new Workflow(document.root(), content.text());
        Map<String, String> results = new LinkedHashMap<>();
        for (Map.Entry<String, Object> rule : parameters.entrySet()) {
            String failure = workflow.failure(rule.getKey(), rule.getValue(), parameters);
            if (failure != null) {
                results.put(rule.getKey(), failure);
            }
        }
        return Rules.verdict(check, results);
    }

    /** A parsed workflow and the rules on it. */
    private record Workflow(JsonNode root, String text) {

        /** For a rule parameter: null if it is not a rule, "" if it holds, else what is wrong. */
        @org.jspecify.annotations.Nullable
        String failure(String rule, Object value, Map<String, Object> parameters) {
            if (value instanceof Boolean flag && !flag) {
                return null; // a rule switched off
            }
            return switch (rule) {
                case "triggers" -> triggers(strings(value));
                case "needs" -> needs((Map<?, ?>) value);
                case "pinnedActions" -> pinned();
                case "leastPrivilege" ->
                    leastPrivilege(parameters.get("allowWrite") instanceof List<?> l ? strings(l) : List.of());
                case "oidc" -> oidc();
                case "noSecretEcho" -> ECHOED_SECRET.matcher(runs()).find() ? "a run step prints a secret" : "";
                case "caching" -> caching();
                case "concurrency" ->
                    root.has("concurrency") || jobs().stream().anyMatch(j -> j.has("concurrency"))
                            ? ""
                            : "no concurrency group";
                default -> null;
            };
        }

        private static List<String> strings(Object value) {
            return value instanceof List<?> list
                    ? list.stream().map(String::valueOf).toList()
                    : List.of();
        }

        /** SnakeYAML reads the key {@code on} as YAML 1.1's true. */
        private JsonNode on() {
            return root.has("on") ? root.get("on") : root.path("true");
        }

        private String triggers(List<String> wanted) {
            JsonNode on = on();
            Set<String> events = new HashSet<>();
            if (on.isTextual()) {
                events.add(on.asText());
            } else if (on.isArray()) {
                on.forEach(e -> events.add(e.asText()));
            } else {
                on.fieldNames().forEachRemaining(events::add);
            }
            List<String> missing =
                    wanted.stream().filter(e -> !events.contains(e)).toList();
            return missing.isEmpty() ? "" : "not triggered by " + missing + " (triggers: " + events + ")";
        }

        private List<JsonNode> jobs() {
            List<JsonNode> jobs = new ArrayList<>();
            root.path("jobs").forEach(jobs::add);
            return jobs;
        }

        private String needs(Map<?, ?> order) {
            List<String> wrong = new ArrayList<>();
            order.forEach((job, before) -> {
                if (!upstream(String.valueOf(job)).contains(String.valueOf(before))) {
                    wrong.add(job + " does not wait for " + before);
                }
            });
            return String.join(", ", wrong);
        }

        /** Every job {@code job} waits for, directly or through others. */
        private Set<String> upstream(String job) {
            Set<String> seen = new HashSet<>();
            Deque<String> queue = new ArrayDeque<>(List.of(job));
            while (!queue.isEmpty()) {
                JsonNode needs = root.path("jobs").path(queue.pop()).path("needs");
                List<String> direct = new ArrayList<>();
                if (needs.isTextual()) {
                    direct.add(needs.asText());
                } else {
                    needs.forEach(n -> direct.add(n.asText()));
                }
                for (String next : direct) {
                    if (seen.add(next)) {
                        queue.push(next);
                    }
                }
            }
            return seen;
        }

        private List<String> uses() {
            List<String> uses = new ArrayList<>();
            for (JsonNode job : jobs()) {
                if (job.has("uses")) {
                    uses.add(job.get("uses").asText());
                }
                job.path("steps").forEach(step -> {
                    if (step.has("uses")) {
                        uses.add(step.get("uses").asText());
                    }
                });
            }
            return uses;
        }

        private String pinned() {
            List<String> loose = uses().stream()
                    .filter(u -> !u.startsWith("./") && !u.startsWith("docker://"))
                    .filter(u -> !SHA.matcher(u).matches())
                    .toList();
            return loose.isEmpty() ? "" : "not pinned to a commit SHA: " + loose;
        }

        private String leastPrivilege(List<String> allowWrite) {
            List<String> problems = new ArrayList<>();
            if (!root.has("permissions") && jobs().stream().anyMatch(j -> !j.has("permissions"))) {
                problems.add("permissions are not declared (the default token may write)");
            }
            List<JsonNode> blocks = new ArrayList<>();
            blocks.add(root.path("permissions"));
            jobs().forEach(j -> blocks.add(j.path("permissions")));
            for (JsonNode block : blocks) {
                if (block.isTextual() && block.asText().equals("write-all")) {
                    problems.add("permissions: write-all");
                }
                block.fields().forEachRemaining(scope -> {
                    if (scope.getValue().asText().equals("write") && !allowWrite.contains(scope.getKey())) {
                        problems.add(scope.getKey() + ": write");
                    }
                });
            }
            return String.join(", ", problems);
        }

        private String oidc() {
            boolean idToken = root.path("permissions").path("id-token").asText().equals("write")
                    || jobs().stream()
                            .anyMatch(j -> j.path("permissions")
                                    .path("id-token")
                                    .asText()
                                    .equals("write"));
            if (LONG_LIVED_KEY.matcher(text).find() || text.contains("aws-secret-access-key")) {
                return "uses long-lived AWS keys from secrets";
            }
            return idToken ? "" : "no job may request an OIDC token (permissions: id-token: write)";
        }

        private String runs() {
            StringBuilder runs = new StringBuilder();
            jobs().forEach(j -> j.path("steps")
                    .forEach(s -> runs.append(s.path("run").asText()).append('\n')));
            return runs.toString();
        }

        private String caching() {
            for (JsonNode job : jobs()) {
                for (JsonNode step : job.path("steps")) {
                    String uses = step.path("uses").asText();
                    if (uses.startsWith("actions/cache@")
                            || (uses.contains("/setup-") && step.path("with").has("cache"))) {
                        return "";
                    }
                }
            }
            return "nothing is cached";
        }
    }
}
