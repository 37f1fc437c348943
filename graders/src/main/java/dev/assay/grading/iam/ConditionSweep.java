package dev.assay.grading.iam;

import dev.assay.grading.iam.IamPolicy.Decision;
import dev.assay.grading.iam.IamPolicy.Outcome;
import dev.assay.grading.iam.IamPolicy.Request;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Decides a request that must be denied over every context its row leaves open. The row pins some condition
 * keys (given values, or given as absent); every other key the policy's applicable statements mention (in
 * conditions or as policy variables) is varied: absent, and present with the values that tell the policy's
 * comparisons apart (each listed value and its neighbours: booleans both ways, addresses at and beyond each CIDR's
 * edges, dates and numbers a step either side, strings matching and not matching each pattern, sets of them for
 * keys under ForAnyValue:/ForAllValues:). Every combination is decided; the first that is not denied (fewest keys
 * present) is the escape an attacker who controls those keys would use.
 */
public final class ConditionSweep {
    /** The most contexts swept for one request; a policy needing more is not judged (and so not credited). */
    public static final int MAX_CONTEXTS = 20_000;

    private ConditionSweep() {}

    /** A context that was not denied: the varied keys' values (empty when absent) and its outcome. */
    public record Escape(Map<String, Optional<List<String>>> varied, Outcome outcome) {
        /** The varied keys, e.g. {@code aws:SecureTransport=true, aws:SourceIp absent}. */
        public String describe() {
            if (varied.isEmpty()) {
                return "in the row's own context";
            }
            boolean few = varied.size() <= 4;
            String shown = varied.entrySet().stream()
                    .filter(e -> few || e.getValue().isPresent())
                    .map(e -> e.getValue()
                            .map(v -> e.getKey() + "=" + (v.size() == 1 ? v.get(0) : v.toString()))
                            .orElse(e.getKey() + " absent"))
                    .collect(Collectors.joining(", "));
            return "when " + (shown.isEmpty() ? "every varied key is absent" : shown)
                    + (few ? "" : " (the other varied keys absent)");
        }
    }

    /** How many contexts were decided, which keys were varied, and the escape if one was found. */
    public record Result(
            int contexts, List<String> keysVaried, @Nullable Escape escape, long needed) {
        public boolean tooMany() {
            return needed > MAX_CONTEXTS;
        }

        public boolean deniedEverywhere() {
            return escape == null && !tooMany();
        }
    }

    /** Sweeps {@code request}: its context is pinned, as is every key in {@code absent} (kept absent). */
    public static Result sweep(IamPolicy policy, Request request, Set<String> absent) {
        List<Statement> relevant = policy.statements().stream()
                .filter(s -> s.actionMatches(request.action()))
                .toList();
        Set<String> pinned = new LinkedHashSet<>();
        request.context().keySet().forEach(k -> pinned.add(k.toLowerCase(Locale.ROOT)));
        absent.forEach(k -> pinned.add(k.toLowerCase(Locale.ROOT)));
        Map<String, List<Optional<List<String>>>> domains =
                new SweepValues(relevant, request.context(), request.resource()).domains(pinned);
        long needed = 1;
        for (List<Optional<List<String>>> domain : domains.values()) {
            needed = Math.min(needed * domain.size(), Integer.MAX_VALUE);
        }
        List<String> keys = List.copyOf(domains.keySet());
        if (needed > MAX_CONTEXTS) {
            return new Result(0, keys, null, needed);
        }
        return enumerate(policy, request, keys, List.copyOf(domains.values()), needed);
    }

    private static Result enumerate(
            IamPolicy policy,
            Request request,
            List<String> keys,
            List<List<Optional<List<String>>>> domains,
            long needed) {
        int[] index = new int[keys.size()];
        Escape best = null;
        int bestPresent = Integer.MAX_VALUE;
        int decided = 0;
        do {
            Map<String, List<String>> context = new LinkedHashMap<>(request.context());
            Map<String, Optional<List<String>>> varied = new LinkedHashMap<>();
            int present = 0;
            for (int k = 0; k < keys.size(); k++) {
                Optional<List<String>> value = domains.get(k).get(index[k]);
                varied.put(keys.get(k), value);
                if (value.isPresent()) {
                    context.put(keys.get(k), value.get());
                    present++;
                }
            }
            Outcome outcome = policy.decide(new Request(request.action(), request.resource(), context));
            decided++;
            if (outcome.decision() != Decision.EXPLICIT_DENY
                    && outcome.decision() != Decision.IMPLICIT_DENY
                    && present < bestPresent) {
                best = new Escape(varied, outcome);
                bestPresent = present;
            }
        } while (bestPresent > 1 && next(index, domains));
        return new Result(decided, keys, best, needed);
    }

    private static boolean next(int[] index, List<List<Optional<List<String>>>> domains) {
        for (int k = index.length - 1; k >= 0; k--) {
            if (++index[k] < domains.get(k).size()) {
                return true;
            }
            index[k] = 0;
        }
        return false;
    }
}
