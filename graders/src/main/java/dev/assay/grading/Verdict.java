package dev.assay.grading;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one check. A verdict is either a credit between 0 and 1 ({@link Pass}, {@link Fail},
 * {@link Partial}) or {@link NotGradable}: the grader or the environment could not establish the facts,
 * so the check is left out of the score instead of being counted against the candidate.
 */
public sealed interface Verdict {

    /** The credit earned, 0..1; empty when the check could not be graded. */
    Optional<Double> credit();

    /** The stable name used in result JSON and the database: pass, fail, partial, error. */
    String status();

    static Verdict pass() {
        return Pass.INSTANCE;
    }

    static Verdict fail() {
        return Fail.INSTANCE;
    }

    /** A partial credit; 0 and 1 collapse to {@link Fail} and {@link Pass}. */
    static Verdict partial(double credit) {
        if (Double.isNaN(credit) || credit < 0.0 || credit > 1.0) {
            throw new IllegalArgumentException("partial credit must lie in 0..1, got " + credit);
        }
        if (credit == 0.0) {
            return fail();
        }
        if (credit == 1.0) {
            return pass();
        }
        return new Partial(credit);
    }

    static Verdict notGradable(String reason) {
        return new NotGradable(reason);
    }

    /** Reads a stored verdict back; {@code credit} is required for partial and ignored otherwise. */
    static Verdict of(String status, @Nullable Double credit, @Nullable String reason) {
        return switch (status) {
            case "pass" -> pass();
            case "fail" -> fail();
            case "partial" -> partial(Objects.requireNonNull(credit, "a partial verdict needs its credit"));
            case "error" -> notGradable(reason == null ? "not gradable" : reason);
            default ->
                throw new IllegalArgumentException(
                        "unknown verdict status '" + status + "' (expected pass, fail, partial or error)");
        };
    }

    enum Pass implements Verdict {
        INSTANCE;

        @Override
        public Optional<Double> credit() {
            return Optional.of(1.0);
        }

        @Override
        public String status() {
            return "pass";
        }
    }

    enum Fail implements Verdict {
        INSTANCE;

        @Override
        public Optional<Double> credit() {
            return Optional.of(0.0);
        }

        @Override
        public String status() {
            return "fail";
        }
    }

    record Partial(double value) implements Verdict {
        @Override
        public Optional<Double> credit() {
            return Optional.of(value);
        }

        @Override
        public String status() {
            return "partial";
        }
    }

    record NotGradable(String reason) implements Verdict {
        public NotGradable {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Optional<Double> credit() {
            return Optional.empty();
        }

        @Override
        public String status() {
            return "error";
        }
    }
}
