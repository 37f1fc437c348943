package dev.assay.grading.builtin;

import dev.assay.grading.CheckResult;
import dev.assay.grading.CommandResult;
import dev.assay.grading.LabView;
import dev.assay.grading.ParameterSpec;
import dev.assay.grading.ParameterSpec.Type;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Runs a command and judges its exit code and output. Advisory inside the lab; trusted in a probe container. */
public final class CommandGrader extends BuiltinGrader {
    private static final ParameterSpec PARAMETERS = ParameterSpec.builder()
            .required("run", Type.STRING, "the command, run with /bin/sh -c")
            .oneOf(
                    "where",
                    false,
                    Set.of("lab", "probe"),
                    "lab (default; advisory) or probe (our tools: busybox, psql, mosquitto clients, openssl; trusted)")
            .optional("exitCode", Type.INTEGER, "the exit code expected (default 0)")
            .optional("stdout", Type.REGEX, "a regular expression standard output must match (find, not whole)")
            .optional("stderr", Type.REGEX, "a regular expression standard error must match")
            .optional("jsonPath", Type.STRING, "a JSON pointer into standard output, such as /status/phase")
            .optional("equals", Type.STRING, "the value expected at jsonPath")
            .optional("user", Type.STRING, "the user to run as inside the lab (default root; not with where: probe)")
            .rule(values -> values.containsKey("jsonPath") == values.containsKey("equals")
                    ? List.of()
                    : List.of(new ParameterSpec.Problem("jsonPath", "jsonPath and equals go together")))
            .rule(values -> values.containsKey("user") && "probe".equals(values.get("where"))
                    ? List.of(new ParameterSpec.Problem(
                            "user", "probes run as their own user; drop user or use where: lab"))
                    : List.of())
            .rule(values -> {
                Object user = values.get("user");
                return user instanceof String name && !name.matches("[a-z_][a-z0-9_-]{0,31}")
                        ? List.of(new ParameterSpec.Problem("user", "must be a plain user name such as www-data"))
                        : List.of();
            })
            .build();

    public CommandGrader() {
        super(
                "command",
                "1",
                "runs a command; exit code, stdout/stderr regex, JSON pointer; trusted only with where: probe",
                PARAMETERS);
    }

    @Override
    public CheckResult grade(LabView lab, Map<String, Object> parameters) {
        String run = Text.string(parameters, "run", "");
        boolean probe = "probe".equals(parameters.get("where"));
        Object user = parameters.get("user");
        List<String> command = user == null
                ? List.of("/bin/sh", "-c", run)
                : List.of("su", "-s", "/bin/sh", "-c", run, String.valueOf(user));
        CommandResult result = probe ? lab.inProbe(command, lab.timeLeft()) : lab.inLab(command, lab.timeLeft());
        CheckResult.Builder check = CheckResult.builder(probe)
                .observe("command", (probe ? "in a probe: " : "in the lab: ") + run)
                .observe("exit code", result.timedOut() ? "none (did not finish)" : result.exitCode())
                .observe("stdout", Text.excerpt(result.stdout()))
                .observe("stderr", Text.excerpt(result.stderr()))
                .output(result.stdout() + result.stderr(), result.truncated());
        if (result.timedOut()) {
            return check.expect(false, "did not finish within " + result.took().toMillis() + " ms")
                    .build();
        }
        long exitCode = Text.number(parameters, "exitCode", 0);
        check.expect(result.exitCode() == exitCode, "exited " + result.exitCode() + ", expected " + exitCode);
        matches(check, "stdout", parameters.get("stdout"), result.stdout());
        matches(check, "stderr", parameters.get("stderr"), result.stderr());
        if (parameters.get("jsonPath") instanceof String pointer) {
            String expected = Text.string(parameters, "equals", "");
            Documents.expectAt(check, Documents.json(result.stdout()), "stdout", pointer, expected);
        }
        return check.build();
    }

    private static void matches(CheckResult.Builder check, String stream, @Nullable Object regex, String text) {
        if (regex instanceof String pattern) {
            check.expect(
                    Pattern.compile(pattern, Pattern.MULTILINE).matcher(text).find(),
                    stream + " does not match /" + pattern + "/");
        }
    }
}
