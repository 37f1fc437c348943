package dev.assay.service.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every smallest selection of pool labs that, with a stage's fixed labs, meets its blueprint: a depth-first search
 * in pool order that adds a lab only while some measured skill is short and only if the lab gives that skill a
 * counted check, stops at the first selection that meets every skill, and keeps it when no one of its pool labs
 * can be dropped. Pools are small (tens of labs, a few per sitting); past {@value #MAX_OPTIONS} selections or
 * {@value #MAX_STEPS} steps the search stops with what it has, every one of which still meets the blueprint.
 */
final class Selections {
    static final int MAX_OPTIONS = 20_000;
    static final int MAX_STEPS = 2_000_000;

    /** Pool labs picked, with the whole composition's time and difficulty. */
    record Option(List<Lab> picked, Duration minutes, int difficulty) {}

    private final List<Lab> fixed;
    private final List<Lab> pool;
    private final List<String> measures;
    private final Blueprint.Evidence least;
    private final long budget;
    private final Tally[][] gives;
    private final List<Option> options = new ArrayList<>();
    private int steps;

    Selections(List<Lab> fixed, List<Lab> pool, Role.Stage stage, Predicate<Lab.Check> counts) {
        this.fixed = fixed;
        this.pool = pool;
        this.measures = stage.measures();
        this.least = stage.blueprint().evidence();
        this.budget = stage.blueprint().budget().toSeconds();
        this.gives = new Tally[pool.size()][measures.size()];
        for (int lab = 0; lab < pool.size(); lab++) {
            for (int skill = 0; skill < measures.size(); skill++) {
                gives[lab][skill] = Tally.of(pool.get(lab), measures.get(skill), counts);
            }
        }
        Tally[] base = new Tally[measures.size()];
        for (int skill = 0; skill < measures.size(); skill++) {
            base[skill] = Tally.of(fixed, measures.get(skill), counts);
        }
        long minutes = seconds(fixed);
        if (minutes <= budget) {
            search(0, new ArrayList<>(), base, minutes);
        }
    }

    List<Option> options() {
        return List.copyOf(options);
    }

    static int difficulty(Lab lab) {
        return Lab.DIFFICULTIES.indexOf(lab.difficulty()) + 1;
    }

    private void search(int from, List<Integer> picked, Tally[] sums, long seconds) {
        if (options.size() >= MAX_OPTIONS || ++steps > MAX_STEPS) {
            return;
        }
        if (meetsAll(sums)) {
            if (minimal(picked, sums)) {
                options.add(option(picked, seconds));
            }
            return;
        }
        for (int lab = from; lab < pool.size(); lab++) {
            long after = seconds + pool.get(lab).timeLimit().toSeconds();
            if (after > budget || !helpsShortSkill(lab, sums)) {
                continue;
            }
            Tally[] next = sums.clone();
            for (int skill = 0; skill < next.length; skill++) {
                next[skill] = next[skill].plus(gives[lab][skill]);
            }
            picked.add(lab);
            search(lab + 1, picked, next, after);
            picked.remove(picked.size() - 1);
        }
    }

    private boolean helpsShortSkill(int lab, Tally[] sums) {
        for (int skill = 0; skill < sums.length; skill++) {
            if (!sums[skill].meets(least) && gives[lab][skill].checks() > 0) {
                return true;
            }
        }
        return false;
    }

    private boolean meetsAll(Tally[] sums) {
        for (Tally sum : sums) {
            if (!sum.meets(least)) {
                return false;
            }
        }
        return true;
    }

    /** No pool lab of the selection can be dropped with the blueprint still met. */
    private boolean minimal(List<Integer> picked, Tally[] sums) {
        for (int lab : picked) {
            Tally[] without = sums.clone();
            for (int skill = 0; skill < without.length; skill++) {
                without[skill] = without[skill].minus(gives[lab][skill]);
            }
            if (meetsAll(without)) {
                return false;
            }
        }
        return true;
    }

    private Option option(List<Integer> picked, long seconds) {
        List<Lab> labs = picked.stream().map(pool::get).toList();
        int difficulty = fixed.stream().mapToInt(Selections::difficulty).sum()
                + labs.stream().mapToInt(Selections::difficulty).sum();
        return new Option(labs, Duration.ofSeconds(seconds), difficulty);
    }

    private static long seconds(List<Lab> labs) {
        return labs.stream().mapToLong(lab -> lab.timeLimit().toSeconds()).sum();
    }
}
