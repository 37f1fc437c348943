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
                    Set.of("lab", "probe", "sandbox"),
                    "lab (default; advisory), probe (our tools: busybox, psql, mosquitto clients, openssl; trusted) or"
                            + " sandbox (the workbench's real tools on the files copied in; trusted)")
            .optional(
                    "files",
                    Type.STRING_LIST,
                    "with where: sandbox, absolute paths of the lab copied in at the same paths before the command")
            .optional(
                    "owners",
                    Type.BOOLEAN,
                    "with where: sandbox, true: directories copied keep the lab's owners (numeric uid and gid)")
            .optional("exitCode", Type.INTEGER, "the exit code expected (default 0)")
            .optional("stdout", Type.REGEX, "a regular expression standard output must match (find, not whole)")
            .optional("stderr", Type.REGEX, "a regular expression standard error must match")
            .optional("jsonPath", Type.STRING, "a JSON pointer into standard output, such as /status/phase")
            .optional("equals", Type.STRING, "the value expected at jsonPath")
            .optional("user", Type.STRING, "the user to run as inside the lab (default root; only with where: lab)")
            .rule(values -> values.containsKey("jsonPath") == values.containsKey("equals")
                    ? List.of()
                    : List.of(new ParameterSpec.Problem("jsonPath", "jsonPath and equals go together")))
            .rule(values -> values.containsKey("owners") && !values.containsKey("files")
                    ? List.of(
                            new ParameterSpec.Problem("owners", "owners is for files copied into a sandbox: add files"))
                    : List.of())
            .rule(values -> values.containsKey("user") && !"lab".equals(values.getOrDefault("where", "lab"))
                    ? List.of(new ParameterSpec.Problem(
                            "user", "probes and sandboxes run as their own user; drop user or use where: lab"))
                    : List.of())
            .rule(values -> {
                Object files = values.get("files");
                if (files == null) {
                    return List.of();
                }
                if (!"sandbox".equals(values.get("where"))) {
                    return List.of(
                            new ParameterSpec.Problem("files", "files are copied into a sandbox: where: sandbox"));
                }
                return files instanceof List<?> paths
                                && paths.stream().allMatch(p -> p instanceof String s && s.matches(SandboxCopies.PATH))
                        ? List.of()
                        : List.of(new ParameterSpec.Problem(
                                "files",
                                "must be plain absolute paths such as /etc/nginx (letters, digits, . _ - + @)"));
            })
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
                "2",
                "runs a command; exit code, stdout/stderr regex, JSON pointer; trusted only with where: probe",
                PARAMETERS);
    }

    @Override
    public CheckResult grade(LabView lab, Map<String, Object> parameters) {
        String run = Text.string(parameters, "run", "");
        String where = Text.string(parameters, "where", "lab");
        Object user = parameters.get("user");
        List<String> command = user == null
                ? List.of("/bin/sh", "-c", run)
                : List.of("su", "-s", "/bin/sh", "-c", run, String.valueOf(user));
        CheckResult.Builder check = CheckResult.builder(!where.equals("lab"));
        CommandResult result = switch (where) {
            case "probe" -> lab.inProbe(command, lab.timeLeft());
            case "sandbox" -> inSandbox(lab, parameters, run, check);
            default -> lab.inLab(command, lab.timeLeft());
        };
        check.observe("command", "in " + (where.equals("lab") ? "the lab" : "a " + where) + ": " + run)
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

    @Override
    public boolean advisory(Map<String, Object> parameters) {
        return "lab".equals(Text.string(parameters, "where", "lab"));
    }

    private static CommandResult inSandbox(
            LabView lab, Map<String, Object> parameters, String run, CheckResult.Builder check) {
        List<String> paths = parameters.get("files") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of();
        SandboxCopies copies = SandboxCopies.read(lab, paths, Text.flag(parameters, "owners", false), check);
        return lab.inSandbox(copies.files(), List.of("/bin/sh", "-c", copies.script(run)), lab.timeLeft());
    }

    private static void matches(CheckResult.Builder check, String stream, @Nullable Object regex, String text) {
        if (regex instanceof String pattern) {
            check.expect(
                    Pattern.compile(pattern, Pattern.MULTILINE).matcher(text).find(),
                    stream + " does not match /" + pattern + "/");
        }
    }
}
