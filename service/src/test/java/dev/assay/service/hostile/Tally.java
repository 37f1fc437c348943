package dev.assay.service.hostile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every hostile attempt the suite made, whether the service held, and a table of the counts at the end. */
final class Tally {
    record Attempt(String category, String what, boolean held, String detail) {}

    private final List<Attempt> attempts = new ArrayList<>();

    synchronized void record(String category, String what, boolean held, String detail) {
        attempts.add(new Attempt(category, what, held, detail));
    }

    synchronized List<Attempt> failed(String category) {
        return attempts.stream()
                .filter(a -> a.category().equals(category) && !a.held())
                .toList();
    }

    synchronized int count(String category) {
        return (int)
                attempts.stream().filter(a -> a.category().equals(category)).count();
    }

    synchronized String table() {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Attempt attempt : attempts) {
            int[] c = counts.computeIfAbsent(attempt.category(), k -> new int[2]);
            c[0]++;
            c[1] += attempt.held() ? 1 : 0;
        }
        StringBuilder out = new StringBuilder(String.format("%n%-22s %9s %6s%n", "hostile input", "attempts", "held"));
        int total = 0;
        int held = 0;
        for (Map.Entry<String, int[]> row : counts.entrySet()) {
            out.append(String.format("%-22s %9d %6d%n", row.getKey(), row.getValue()[0], row.getValue()[1]));
            total += row.getValue()[0];
            held += row.getValue()[1];
        }
        out.append(String.format("%-22s %9d %6d%n", "all", total, held));
        out.append(String.format("hostile-input suite: %d attempts, %d held%n", total, held));
        return out.toString();
    }
}
