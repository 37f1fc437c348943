package dev.assay.grading.builtin;

import dev.assay.grading.GraderFactory;
import dev.assay.grading.ParameterSpec;
import dev.assay.grading.ParameterSpec.Type;
import java.util.List;
import java.util.Set;

/** Looks at listening sockets and their processes from a probe container joined to the lab's namespaces. */
public final class PortGraderFactory implements GraderFactory {
    private static final ParameterSpec PARAMETERS = ParameterSpec.builder()
            .required("port", Type.INTEGER, "the port number, 1 to 65535")
            .oneOf("protocol", false, Set.of("tcp", "udp"), "tcp (default) or udp")
            .optional("listening", Type.BOOLEAN, "whether something must listen (default true) or must not")
            .optional("address", Type.STRING, "the address it must listen on, such as 0.0.0.0 or 127.0.0.1")
            .optional("executable", Type.STRING, "the absolute path of the listening process's executable")
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

    @Override
    public String id() {
        return "port";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public String description() {
        return "listening sockets and the executable behind them, read by a probe (process names are not trusted)";
    }

    @Override
    public ParameterSpec parameters() {
        return PARAMETERS;
    }
}
