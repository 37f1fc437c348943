package dev.assay.grading.builtin;

import dev.assay.grading.GraderFactory;
import dev.assay.grading.ParameterSpec;
import dev.assay.grading.ParameterSpec.Type;
import java.util.List;
import java.util.Set;

/** Runs a command and judges its exit code and output. Advisory inside the lab; trusted in a probe container. */
public final class CommandGraderFactory implements GraderFactory {
    private static final ParameterSpec PARAMETERS = ParameterSpec.builder()
            .required("run", Type.STRING, "the command, run with /bin/sh -c")
            .oneOf(
                    "where",
                    false,
                    Set.of("lab", "probe"),
                    "lab (default; advisory) or probe (our static tools; trusted)")
            .optional("exitCode", Type.INTEGER, "the exit code expected (default 0)")
            .optional("stdout", Type.REGEX, "a regular expression standard output must match (find, not whole)")
            .optional("stderr", Type.REGEX, "a regular expression standard error must match")
            .optional("jsonPath", Type.STRING, "a JSON pointer into standard output, such as /status/phase")
            .optional("equals", Type.STRING, "the value expected at jsonPath")
            .optional("user", Type.STRING, "the user to run as (default root)")
            .rule(values -> values.containsKey("jsonPath") == values.containsKey("equals")
                    ? List.of()
                    : List.of(new ParameterSpec.Problem("jsonPath", "jsonPath and equals go together")))
            .build();

    @Override
    public String id() {
        return "command";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public String description() {
        return "runs a command; exit code, stdout/stderr regex, JSON pointer; trusted only with where: probe";
    }

    @Override
    public ParameterSpec parameters() {
        return PARAMETERS;
    }
}
