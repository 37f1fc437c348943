package dev.assay.grading.builtin;

import dev.assay.grading.CheckResult;
import dev.assay.grading.LabView;
import dev.assay.grading.ParameterSpec;
import dev.assay.grading.ParameterSpec.Type;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Looks at listening sockets and their processes from a probe container joined to the lab's namespaces. */
public final class PortGrader extends BuiltinGrader {
    private static final ParameterSpec PARAMETERS = ParameterSpec.builder()
            .required("port", Type.INTEGER, "the port number, 1 to 65535")
            .oneOf("protocol", false, Set.of("tcp", "udp"), "tcp (default) or udp")
            .optional("listening", Type.BOOLEAN, "whether something must listen (default true) or must not")
            .optional("address", Type.STRING, "the address it must listen on, such as 0.0.0.0 or 127.0.0.1")
            .optional(
                    "executable",
                    Type.STRING,
                    "the absolute path of the listener's executable, which must also be the image's own program"
                            + " (unchanged, its libraries too, no loader overrides)")
            .rule(values -> {
                long port = values.get("port") instanceof Number number ? number.longValue() : 0;
                if (port < 1 || port > 65535) {
                    return List.of(new ParameterSpec.Problem("port", "must lie between 1 and 65535, got " + port));
                }
                Object executable = values.get("executable");
                if (executable instanceof String path && !path.startsWith("/")) {
                    return List.of(new ParameterSpec.Problem(
                            "executable", "must be an absolute path: process names can be faked, paths cannot"));
                }
                return List.of();
            })
            .build();

    public PortGrader() {
        super(
                "port",
                "3",
                "listening sockets and the executable behind them, read by a probe (process names are not trusted)",
                PARAMETERS);
    }

    @Override
    public CheckResult grade(LabView lab, Map<String, Object> parameters) {
        int port = (int) Text.number(parameters, "port", 0);
        String protocol = Text.string(parameters, "protocol", "tcp");
        boolean mustListen = Text.flag(parameters, "listening", true);
        ProcTable table = ProcTable.read(lab);
        List<ProcTable.Socket> listeners = table.sockets().stream()
                .filter(s -> s.listening() && s.port() == port && s.protocol().startsWith(protocol))
                .toList();
        CheckResult.Builder check = CheckResult.builder(true).observe("port", protocol + "/" + port);
        check.observe(
                "listeners",
                listeners.isEmpty()
                        ? "none"
                        : listeners.stream()
                                .map(s -> s.address() + " held by "
                                        + (s.holders().isEmpty()
                                                ? "an unknown process"
                                                : s.holders().stream()
                                                        .map(p -> p.executable() + " (pid " + p.pid() + ")")
                                                        .distinct()
                                                        .toList()))
                                .toList());
        if (!mustListen) {
            return check.expect(listeners.isEmpty(), "something listens on " + protocol + "/" + port)
                    .build();
        }
        check.expect(!listeners.isEmpty(), "nothing listens on " + protocol + "/" + port);
        if (parameters.get("address") instanceof String address) {
            check.expect(
                    listeners.stream().anyMatch(s -> s.address().equals(address)),
                    "no listener on " + address + ":" + port);
        }
        if (parameters.get("executable") instanceof String executable) {
            List<ProcTable.Process> holders = listeners.stream()
                    .flatMap(s -> s.holders().stream())
                    .filter(p -> ProcTable.path(p).equals(executable))
                    .distinct()
                    .toList();
            check.expect(!holders.isEmpty(), "port " + port + " is not held by " + executable);
            ProgramIdentity.problems(lab, executable, holders, check).forEach(problem -> check.expect(false, problem));
        }
        return check.build();
    }
}
