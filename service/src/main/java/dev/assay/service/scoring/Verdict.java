package dev.assay.service.scoring;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a scorecard recommends, and an interviewer decides: advance, review (a person looks) or reject. */
public enum Verdict {
    ADVANCE,
    REVIEW,
    REJECT;

    /** The name on the wire, in the grade log and the CSV ("advance"). */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return wire();
    }

    public static Optional<Verdict> parse(String wire) {
        return Arrays.stream(values()).filter(v -> v.wire().equals(wire)).findFirst();
    }

    /** A verdict the grade log holds (written only after {@link #parse} accepted it). */
    public static Verdict stored(String wire) {
        return parse(wire).orElseThrow(() -> new IllegalStateException("not a verdict: " + wire));
    }

    public static List<String> wires() {
        return Arrays.stream(values()).map(Verdict::wire).toList();
    }
}
