package dev.assay.service.environment.kubernetes;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The candidate's kubeconfig: the API server through the workbench's forwarder, their namespace, their token. */
final class Kubeconfig {
    private Kubeconfig() {}

    static String candidate(String caPem, int port, String namespace, String token) {
        String ca = Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.UTF_8));
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: assay
                  cluster:
                    server: https://127.0.0.1:%d
                    certificate-authority-data: %s
                users:
                - name: candidate
                  user:
                    token: %s
                contexts:
                - name: lab
                  context:
                    cluster: assay
                    user: candidate
                    namespace: %s
                current-context: lab
                """.formatted(port, ca, token, namespace);
    }
}
