package dev.assay.grading.terraform;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether something holds: yes, no, or cannot tell (a value this grader cannot read), with why. A rule never
 * passes on "cannot tell".
 */
public record Truth(State state, List<String> reasons) {
    public enum State {
        YES,
        NO,
        UNKNOWN
    }

    public static final Truth YES = new Truth(State.YES, List.of());
    public static final Truth NO = new Truth(State.NO, List.of());

    public static Truth yes(String what) {
        return new Truth(State.YES, List.of(what));
    }

    public static Truth no(String why) {
        return new Truth(State.NO, List.of(why));
    }

    public static Truth unknown(String why) {
        return new Truth(State.UNKNOWN, List.of(why));
    }

    public static Truth of(boolean holds, String whyNot) {
        return holds ? YES : no(whyNot);
    }

    public boolean yes() {
        return state == State.YES;
    }

    public boolean no() {
        return state == State.NO;
    }

    /** Both hold: no if either is no, else cannot tell if either cannot, else yes. */
    public Truth and(Truth other) {
        if (state == other.state) {
            return state == State.YES ? YES : new Truth(state, join(reasons, other.reasons));
        }
        if (no() || other.no()) {
            return no() ? this : other;
        }
        return state == State.UNKNOWN ? this : other;
    }

    /** Either holds: yes if either is yes, else cannot tell if either cannot, else no. */
    public Truth or(Truth other) {
        if (yes() && other.yes()) {
            return new Truth(State.YES, join(reasons, other.reasons));
        }
        if (yes() || other.yes()) {
            return yes() ? this : other;
        }
        if (state == other.state) {
            return new Truth(state, join(reasons, other.reasons));
        }
        return state == State.UNKNOWN ? this : other;
    }

    /** Yes becomes cannot tell (for something that may not exist). */
    public Truth unless(String doubt) {
        return yes() ? unknown(doubt) : this;
    }

    public String why() {
        return String.join("; ", reasons);
    }

    private static List<String> join(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        b.stream().filter(r -> !all.contains(r)).forEach(all::add);
        return List.copyOf(all);
    }
}
