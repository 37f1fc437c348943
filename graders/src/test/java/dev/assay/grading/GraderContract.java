package dev.assay.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The contract every grader keeps, as a kit for grader authors: call {@link #verify} with the grader and one set
 * of parameters it accepts. It checks the declared metadata, that the parameters pass the grader's own spec, that
 * a grade states observations, and that an unreachable lab propagates as {@link LabUnavailableException} (the
 * engine turns that into "not gradable") instead of becoming a fail.
 */
public final class GraderContract {
    private GraderContract() {}

    public static void verify(Grader grader, Map<String, Object> validParameters) {
        assertThat(grader.id()).matches("[a-z][a-z0-9-]*");
        assertThat(grader.version()).isNotBlank();
        assertThat(grader.description()).isNotBlank().doesNotContain("\n");
        assertThat(grader.parameters().parameters()).isNotEmpty();
        assertThat(grader.parameters().parameters().values())
                .allSatisfy(parameter -> assertThat(parameter.help()).isNotBlank());
        assertThat(grader.parameters().check(validParameters))
                .as("the example parameters are valid")
                .isEmpty();

        CheckResult onEmptyLab = grader.grade(new FixtureLab(), validParameters);
        assertThat(onEmptyLab.verdict()).isNotNull();
        assertThat(onEmptyLab.message()).isNotBlank();
        assertThat(onEmptyLab.observations()).as("a grade says what it read").isNotEmpty();

        assertThatThrownBy(() -> grader.grade(new UnreachableLab(), validParameters))
                .isInstanceOf(LabUnavailableException.class);
    }

    /** A lab whose engine does not answer. */
    private static final class UnreachableLab implements LabView {
        private static LabUnavailableException gone() {
            return new LabUnavailableException("engine unreachable", new IllegalStateException("test"));
        }

        @Override
        public CommandResult inLab(List<String> command, Duration timeout) {
            throw gone();
        }

        @Override
        public CommandResult inProbe(List<String> command, Duration timeout) {
            throw gone();
        }

        @Override
        public FileResult readFile(String path, long maxBytes) {
            throw gone();
        }

        @Override
        public List<String> kubernetesObjects(String apiVersion, String kind, @Nullable String name) {
            throw gone();
        }

        @Override
        public boolean kubernetesAllows(String subject, String verb, String apiGroup, String resource) {
            throw gone();
        }

        @Override
        public FileResult readTree(String path, long maxBytes) {
            throw gone();
        }

        @Override
        public java.util.Set<String> changedFromImage() {
            throw gone();
        }

        @Override
        public CommandResult inSandbox(Map<String, byte[]> files, List<String> command, Duration timeout) {
            throw gone();
        }

        @Override
        public byte[] labFile(String relativePath) {
            throw gone();
        }

        @Override
        public Duration timeLeft() {
            return Duration.ofSeconds(10);
        }
    }
}
