package dev.assay.service.design;

import dev.assay.grading.design.DesignValidator;
import dev.assay.grading.design.Problem;
import dev.assay.service.environment.EnvironmentDriver;
import dev.assay.service.environment.EnvironmentException;
import dev.assay.service.environment.EnvironmentHandle;
import dev.assay.service.environment.ExecRequest;
import dev.assay.service.environment.ExecResult;
import dev.assay.service.environment.FileRead;
import dev.assay.service.sessions.SessionEnvironments;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * A system-design candidate's documents: the structured design (/root/design.yaml) and their notes
 * (/root/design.md) in the lab, where the design grader reads them through the engine. The editor page loads
 * them from there, checks a draft with the grader's own validator and draws it, and saves both back.
 */
public final class DesignDocuments {
    public static final String DESIGN = "/root/design.yaml";
    public static final String NOTES = "/root/design.md";
    /** What the editor takes at most: well above any design, well under one exec argument. */
    public static final int MAX_DESIGN_BYTES = 64 * 1024;

    public static final int MAX_NOTES_BYTES = 32 * 1024;

    private final Jdbi jdbi;
    private final SessionEnvironments environments;
    private static final DesignValidator VALIDATOR = new DesignValidator();

    public DesignDocuments(Jdbi jdbi, SessionEnvironments environments) {
        this.jdbi = jdbi;
        this.environments = environments;
    }

    /** The problems of a draft (path, line, what is wrong, how to fix it) and, when it has none, its drawing. */
    public record Preview(List<Problem> problems, @Nullable String svg) {}

    public static Preview preview(String yaml) {
        byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_DESIGN_BYTES) {
            return new Preview(
                    List.of(new Problem(
                            "",
                            1,
                            1,
                            "the design is " + bytes.length + " bytes, more than " + MAX_DESIGN_BYTES,
                            "describe tiers, not every machine: a component has replicas")),
                    null);
        }
        DesignValidator.Reading reading = VALIDATOR.read(bytes);
        return new Preview(
                reading.problems(), reading.valid().map(DesignDiagram::svg).orElse(null));
    }

    /** The documents as they are in the lab now (empty when not written yet). */
    public Map<String, String> load(long sessionId) {
        Target target = target(sessionId);
        return Map.of(
                "yaml", text(target, DESIGN, MAX_DESIGN_BYTES),
                "notes", text(target, NOTES, MAX_NOTES_BYTES));
    }

    /**
     * Writes both documents into the lab (each replaced whole, through a temporary file), whatever the draft's
     * problems: a candidate keeps work in progress, and the grader judges what is there at hand-in.
     */
    public void save(long sessionId, String yaml, String notes) {
        byte[] design = yaml.getBytes(StandardCharsets.UTF_8);
        byte[] text = notes.getBytes(StandardCharsets.UTF_8);
        if (design.length > MAX_DESIGN_BYTES || text.length > MAX_NOTES_BYTES) {
            throw new IllegalArgumentException("the design may have " + MAX_DESIGN_BYTES + " bytes and the notes "
                    + MAX_NOTES_BYTES + "; these have " + design.length + " and " + text.length);
        }
        Target target = target(sessionId);
        String script = "set -e; for f in \"$1:$2\" \"$3:$4\"; do path=${f%%:*};"
                + " printf %s \"${f#*:}\" | base64 -d > \"$path.saving\"; mv -f \"$path.saving\" \"$path\"; done";
        ExecResult result = target.driver.exec(
                target.handle,
                new ExecRequest(
                        List.of(
                                "sh",
                                "-c",
                                script,
                                "save",
                                DESIGN,
                                Base64.getEncoder().encodeToString(design),
                                NOTES,
                                Base64.getEncoder().encodeToString(text)),
                        Duration.ofSeconds(10),
                        4096));
        if (!result.succeeded()) {
            throw new EnvironmentException("saving the design in the lab failed (" + result.exitCode() + "): "
                    + result.stderr().strip() + ". Check that /root is writable (df -h /root) and save again.");
        }
    }

    private record Target(EnvironmentDriver driver, EnvironmentHandle handle) {}

    private Target target(long sessionId) {
        if (environments.stored(sessionId).isEmpty()) {
            throw new EnvironmentException.NotFound("the lab has no environment");
        }
        SessionEnvironments.Bound bound = environments.require(sessionId);
        return new Target(bound.driver(), bound.handle());
    }

    private static String text(Target target, String path, int max) {
        FileRead read = target.driver.readFile(target.handle, path, max);
        return read instanceof FileRead.Content content ? content.text() : "";
    }
}
