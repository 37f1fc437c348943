package dev.assay.grading.builtin;

import dev.assay.grading.CheckResult;
import dev.assay.grading.LabView;
import dev.assay.grading.ParameterSpec;
import dev.assay.grading.ParameterSpec.Type;
import java.util.List;
import java.util.Map;

/** Finds processes by the executable the kernel mapped, read by a probe: renamed or hidden processes do not fool it. */
public final class ProcessGrader extends BuiltinGrader {
    private static final ParameterSpec PARAMETERS = ParameterSpec.builder()
            .required("executable", Type.STRING, "the absolute path of the executable, such as /usr/sbin/nginx")
            .optional("running", Type.BOOLEAN, "whether it must run (default true) or must not")
            .optional("user", Type.STRING, "the numeric user id at least one such process must run as")
            .optional("minCount", Type.INTEGER, "the fewest such processes (default 1)")
            .rule(values -> String.valueOf(values.get("executable")).startsWith("/")
                    ? List.of()
                    : List.of(new ParameterSpec.Problem(
                            "executable", "must be an absolute path: process names can be faked, paths cannot")))
            .rule(values -> values.get("user") instanceof String user && !user.matches("\\d{1,10}")
                    ? List.of(new ParameterSpec.Problem(
                            "user", "must be a numeric uid such as 33 (names live in the lab)"))
                    : List.of())
            .build();

    public ProcessGrader() {
        super(
                "process",
                "3",
                "processes by executable path (and uid), read from /proc by a probe; names and ps output are not trusted",
                PARAMETERS);
    }

    @Override
    public CheckResult grade(LabView lab, Map<String, Object> parameters) {
        String executable = Text.string(parameters, "executable", "");
        boolean mustRun = Text.flag(parameters, "running", true);
        List<ProcTable.Process> found = ProcTable.read(lab).processes().stream()
                .filter(p -> ProcTable.path(p).equals(executable))
                .toList();
        CheckResult.Builder check = CheckResult.builder(true)
                .observe("executable", executable)
                .observe(
                        "processes",
                        found.isEmpty()
                                ? "none"
                                : found.stream()
                                        .map(p -> "pid " + p.pid() + " uid " + p.uid())
                                        .toList());
        if (!mustRun) {
            return check.expect(found.isEmpty(), executable + " runs (" + found.size() + " processes)")
                    .build();
        }
        long min = Text.number(parameters, "minCount", 1);
        check.expect(
                found.size() >= min,
                found.isEmpty()
                        ? executable + " does not run"
                        : found.size() + " processes of " + executable + ", expected at least " + min);
        ProgramIdentity.problems(lab, executable, found, check).forEach(problem -> check.expect(false, problem));
        if (parameters.get("user") instanceof String uid) {
            check.expect(
                    found.stream().anyMatch(p -> Integer.toString(p.uid()).equals(uid)),
                    "no " + executable + " process runs as uid " + uid);
        }
        return check.build();
    }
}
