package dev.assay.grading;

import java.util.ArrayList;
import java.util.List;

/**
 * One check's result: the verdict, a message for people, the facts read, whether every fact came from a trusted
 * source (probe, engine API), an excerpt of output, and the evidence it rests on.
 */
public record CheckResult(
        Verdict verdict,
        String message,
        List<Observation> observations,
        boolean trusted,
        String output,
        boolean outputTruncated,
        List<Evidence> evidence) {

    /**
     * Text is kept printable for every store: a NUL (from a binary file or a command's output) becomes the four
     * characters {@code \x00}, since PostgreSQL's text columns refuse it.
     */
    public CheckResult {
        message = withoutNul(message);
        output = withoutNul(output);
        observations = observations.stream()
                .map(o -> new Observation(withoutNul(o.what()), withoutNul(o.value())))
                .toList();
        evidence = List.copyOf(evidence);
    }

    private static String withoutNul(String text) {
        return text.indexOf('\0') < 0 ? text : text.replace("\0", "\\x00");
    }

    /** A result that could not be established; counts neither for nor against the candidate. */
    public static CheckResult notGradable(String reason) {
        return new CheckResult(Verdict.notGradable(reason), reason, List.of(), false, "", false, List.of());
    }

    public static Builder builder(boolean trusted) {
        return new Builder(trusted);
    }

    /**
     * Collects observations and failed expectations; {@link #build()} passes when nothing failed and otherwise
     * fails with every failed expectation in the message.
     */
    public static final class Builder {
        private final boolean trusted;
        private final List<Observation> observations = new ArrayList<>();
        private final List<String> failures = new ArrayList<>();
        private final List<Evidence> evidence = new ArrayList<>();
        private String output = "";
        private boolean outputTruncated;
        private String success = "as expected";

        private Builder(boolean trusted) {
            this.trusted = trusted;
        }

        public Builder observe(String what, Object value) {
            observations.add(new Observation(what, String.valueOf(value)));
            return this;
        }

        /** Records an expectation; a false one is a failure with this message. */
        public Builder expect(boolean held, String failure) {
            if (!held) {
                failures.add(failure);
            }
            return this;
        }

        public Builder evidence(Evidence item) {
            evidence.add(item);
            return this;
        }

        public Builder output(String text, boolean truncated) {
            this.output = text;
            this.outputTruncated = truncated;
            return this;
        }

        public Builder success(String message) {
            this.success = message;
            return this;
        }

        public boolean failed() {
            return !failures.isEmpty();
        }

        /**
         * Builds with partial credit when some expectations failed: {@code credit} (0..1, from what held), and
         * the message {@code summary: failures}. With nothing failed it is {@link #build()}.
         */
        public CheckResult buildPartial(double credit, String summary) {
            if (failures.isEmpty()) {
                return build();
            }
            String message = summary + ": " + String.join("; ", failures);
            return new CheckResult(
                    Verdict.partial(credit), message, observations, trusted, output, outputTruncated, evidence);
        }

        public CheckResult build() {
            Verdict verdict = failures.isEmpty() ? Verdict.pass() : Verdict.fail();
            String message = failures.isEmpty() ? success : String.join("; ", failures);
            return new CheckResult(verdict, message, observations, trusted, output, outputTruncated, evidence);
        }
    }
}
