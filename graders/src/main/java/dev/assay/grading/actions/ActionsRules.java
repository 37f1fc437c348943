package dev.assay.grading.actions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The github-actions grader's rules on a repository view, by parameter name. Each answers "" when it holds, else
 * what is wrong (every finding, named by file, job and step).
 */
public final class ActionsRules {
    private static final int SHOWN = 8;

    private final Repository repository;
    private final List<Step> steps;
    private final Reachability reach;

    public ActionsRules(Repository repository, String defaultBranch) {
        this.repository = repository;
        this.steps = StepWalker.all(repository);
        this.reach = new Reachability(repository, defaultBranch);
    }

    /** Every rule the parameters switch on, in their order, with its result. */
    public Map<String, String> apply(Map<String, Object> parameters) {
        Map<String, String> results = new LinkedHashMap<>();
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            String result = rule(parameter.getKey(), parameter.getValue(), parameters);
            if (result != null) {
                results.put(parameter.getKey(), result);
            }
        }
        return results;
    }

    private @Nullable String rule(String name, Object value, Map<String, Object> parameters) {
        if (value instanceof Boolean flag && !flag) {
            return null;
        }
        List<String> findings;
        try {
            findings = findings(name, value, parameters);
        } catch (RuntimeException e) {
            findings = List.of("the grader could not judge this rule ("
                    + e.getClass().getSimpleName() + "), so it does" + " not hold");
        }
        return findings == null ? null : summary(findings);
    }

    private @Nullable List<String> findings(String name, Object value, Map<String, Object> parameters) {
        return switch (name) {
            case "triggers" -> Structure.triggers(repository.graded(), strings(value));
            case "needs" -> Structure.needs(repository.graded(), map(value));
            case "jobEvents" -> Structure.jobEvents(repository.graded(), reach, map(value));
            case "valid" -> Validity.findings(repository, repository.graded());
            case "pinnedActions" -> Pinning.findings(repository, steps, strings(parameters.get("approvedActions")));
            case "leastPrivilege" -> Permissions.findings(repository, strings(parameters.get("allowWrite")), byJob());
            case "oidc" -> Oidc.findings(repository, steps);
            case "noSecretEcho" -> withUnread(SecretEcho.findings(steps));
            case "noInjection" -> Injection.findings(repository, steps);
            case "caching" -> Caching.findings(steps, parameters.get("cacheKey") instanceof String s ? s : null);
            case "concurrency" -> Structure.concurrency(repository.graded());
            case "deployOnlyFrom" -> Deploys.findings(repository, reach, deployOptions(parameters), steps);
            case "runs" -> CommandRuns.findings(repository, reach, map(value), flag(parameters, "failOnError"), steps);
            case "pullRequestIsolation" -> PullRequestSecrets.findings(repository, reach, steps);
            default -> null;
        };
    }

    private List<String> withUnread(List<String> findings) {
        List<String> all = new ArrayList<>(findings);
        all.addAll(Unread.findings(repository, steps));
        return all;
    }

    private Map<String, List<Step>> byJob() {
        Map<String, List<Step>> byJob = new LinkedHashMap<>();
        steps.forEach(s ->
                byJob.computeIfAbsent(s.job().where(), k -> new ArrayList<>()).add(s));
        return byJob;
    }

    private static Deploys.Options deployOptions(Map<String, Object> parameters) {
        return new Deploys.Options(
                String.valueOf(parameters.get("deployOnlyFrom")),
                parameters.containsKey("deployJobs") ? strings(parameters.get("deployJobs")) : List.of("deploy"),
                strings(parameters.get("deploySecrets")),
                flag(parameters, "guardOnJob"));
    }

    private static boolean flag(Map<String, Object> parameters, String name) {
        return parameters.get(name) instanceof Boolean b && b;
    }

    private static List<String> strings(@Nullable Object value) {
        return value instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of();
    }

    private static Map<String, String> map(Object value) {
        Map<String, String> map = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> map.put(String.valueOf(k), String.valueOf(v)));
        }
        return map;
    }

    private static String summary(List<String> findings) {
        List<String> distinct = findings.stream().distinct().toList();
        if (distinct.size() <= SHOWN) {
            return String.join("; ", distinct);
        }
        return String.join("; ", distinct.subList(0, SHOWN)) + " (and " + (distinct.size() - SHOWN) + " more)";
    }

    public List<String> notes() {
        return repository.notes();
    }

    public int steps() {
        return steps.size();
    }
}
