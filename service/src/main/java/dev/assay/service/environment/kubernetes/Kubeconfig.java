package dev.assay.service.environment.kubernetes;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The candidate's kubeconfig: the API server as the workbench reaches it, their namespace, their token. */
final class Kubeconfig {
    private Kubeconfig() {}

    static String candidate(String caPem, String server, String namespace, String token) {
        String ca = Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.UTF_8));
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: assay
                  cluster:
                    server: %s
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
                """.formatted(server, ca, token, namespace);
    }
}
