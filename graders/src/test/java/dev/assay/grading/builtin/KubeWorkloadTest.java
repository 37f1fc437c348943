package dev.assay.grading.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.CheckResult;
import dev.assay.grading.FixtureLab;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The runs, healthProbes and envSource rules: what a container really runs, how it is watched, where env comes from. */
class KubeWorkloadTest {
    private static final String CODE = "require('http').createServer(handle).listen(8080);\n";
    private static final String CODE_MAP = configMap("worker-code", "\"telemetry-worker.js\": " + quoted(CODE));
    private static final String SETTINGS = configMap("worker-settings", "\"broker-url\": \"mqtt://broker:1883\"");

    /** The planted pod, fixed the reference's way; each test changes one thing in it. */
    private static final String POD = """
            {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "worker-1", "uid": "u1"},
             "spec": {"containers": [{"name": "worker", "image": "assay/workbench:latest",
                "command": ["node", "/app/telemetry-worker.js"],
                "env": [{"name": "BROKER_URL", "valueFrom": {"configMapKeyRef": {"name": "worker-settings", "key": "broker-url"}}}],
                "ports": [{"name": "health", "containerPort": 8080}],
                "readinessProbe": {"httpGet": {"path": "/healthz", "port": 8080}, "periodSeconds": 2},
                "livenessProbe": {"httpGet": {"path": "/healthz", "port": 8080}, "periodSeconds": 3},
                "volumeMounts": [{"name": "code", "mountPath": "/app", "readOnly": true}]}],
              "volumes": [{"name": "code", "configMap": {"name": "worker-code"}}]}}
            """;

    private static final Map<String, Object> CHECK = Map.of(
            "kind", "Pod",
            "runs", Map.of("container", "worker", "program", "node", "sha256", sha256(CODE)),
            "healthProbes", Map.of("container", "worker", "path", "/healthz", "port", "8080"),
            "envSource", Map.of("container", "worker", "name", "BROKER_URL", "configMap", "worker-settings"),
            "partialCredit", false);

    private final KubernetesGrader grader = new KubernetesGrader();

    private CheckResult grade(String pod, String... more) {
        FixtureLab lab = new FixtureLab().kube(pod, CODE_MAP, SETTINGS);
        lab.kube(more);
        return grader.grade(lab, CHECK);
    }

    @Test
    void theReferenceFixHoldsEveryRule() {
        CheckResult result = grade(POD);
        assertThat(result.verdict().status())
                .as(result.observations().toString())
                .isEqualTo("pass");
        assertThat(result.message()).isEqualTo("all 3 rules hold");
    }

    @Test
    @DisplayName("the catalog refuses a rule without its keys")
    void parametersNeedTheirKeys() {
        assertThat(grader.parameters().check(Map.of("kind", "Pod", "runs", Map.of("container", "worker"))))
                .anySatisfy(problem -> assertThat(problem.toString()).contains("needs the keys"));
    }

    @Nested
    class CorrectAlternativesPass {
        @Test
        void programInCommandAndScriptInArgs() {
            assertThat(status(POD.replace(
                            "\"command\": [\"node\", \"/app/telemetry-worker.js\"]",
                            "\"command\": [\"/usr/bin/node\"], \"args\": [\"/app/telemetry-worker.js\"]")))
                    .isEqualTo("pass");
        }

        @Test
        void argsAloneOnAnImageWithoutEntrypoint() {
            assertThat(status(POD.replace("\"command\"", "\"args\""))).isEqualTo("pass");
        }

        @Test
        void aShellLineThatExecsTheScript() {
            assertThat(status(POD.replace(
                            "[\"node\", \"/app/telemetry-worker.js\"]",
                            "[\"sh\", \"-c\", \"exec node /app/telemetry-worker.js\"]")))
                    .isEqualTo("pass");
        }

        @Test
        void theCommandKeptAndTheConfigMapGivenTheKeyItNames() {
            String pod = POD.replace("/app/telemetry-worker.js", "/app/worker.js");
            String code = configMap(
                    "worker-code", "\"telemetry-worker.js\": " + quoted(CODE) + ", \"worker.js\": " + quoted(CODE));
            FixtureLab lab = new FixtureLab().kube(pod, code, SETTINGS);
            assertThat(grader.grade(lab, CHECK).verdict().status()).isEqualTo("pass");
        }

        @Test
        void aVolumeItemMappingTheKeyToTheNameTheCommandUses() {
            String pod = POD.replace("/app/telemetry-worker.js", "/app/worker.js")
                    .replace(
                            "{\"name\": \"worker-code\"}",
                            "{\"name\": \"worker-code\", \"items\": [{\"key\": \"telemetry-worker.js\", \"path\": \"worker.js\"}]}");
            assertThat(status(pod)).isEqualTo("pass");
        }

        @Test
        void aRelativeScriptWithAWorkingDirectoryAndProbesOnTheNamedPort() {
            String pod = POD.replace(
                            "\"/app/telemetry-worker.js\"]", "\"telemetry-worker.js\"], \"workingDir\": \"/app\"")
                    .replace("\"port\": 8080", "\"port\": \"health\"");
            assertThat(status(pod)).isEqualTo("pass");
        }

        @Test
        void theVariableFromEnvFromOfAConfigMapGivenAnEnvStyleKey() {
            String pod = POD.replace(
                    "\"env\": [{\"name\": \"BROKER_URL\", \"valueFrom\": {\"configMapKeyRef\": {\"name\": \"worker-settings\", \"key\": \"broker-url\"}}}]",
                    "\"envFrom\": [{\"configMapRef\": {\"name\": \"worker-settings\"}}]");
            String settings = configMap("worker-settings", "\"BROKER_URL\": \"mqtt://broker:1883\"");
            FixtureLab lab = new FixtureLab().kube(pod, CODE_MAP, settings);
            assertThat(grader.grade(lab, CHECK).verdict().status()).isEqualTo("pass");
        }
    }

    @Nested
    class StandInsFail {
        @Test
        void inlineCodeInsteadOfTheScript() {
            CheckResult result = grade(POD.replace(
                    "[\"node\", \"/app/telemetry-worker.js\"]",
                    "[\"node\", \"-e\", \"require('http').createServer((q, r) => r.end('ok')).listen(8080)\"]"));
            assertThat(result.verdict().status()).isEqualTo("fail");
            assertThat(result.verdict().credit().orElse(0.0))
                    .as("no share for the rules a stand-in holds")
                    .isZero();
            assertThat(result.observations().toString()).contains("not node on one script file");
        }

        @Test
        void aLongerShellLine() {
            assertThat(grade(POD.replace(
                                    "[\"node\", \"/app/telemetry-worker.js\"]",
                                    "[\"sh\", \"-c\", \"node /app/telemetry-worker.js || busybox httpd -f -p 8080\"]"))
                            .observations()
                            .toString())
                    .contains("is not judged");
        }

        @Test
        void aStandInScriptInTheConfigMap() {
            String code = configMap(
                    "worker-code",
                    "\"telemetry-worker.js\": "
                            + quoted("require('http').createServer((q,r)=>r.end()).listen(8080)\n"));
            FixtureLab lab = new FixtureLab().kube(POD, code, SETTINGS);
            assertThat(grader.grade(lab, CHECK).observations().toString()).contains("is not the planted code");
        }

        @Test
        void aStandInMountedOverTheScriptFromAnotherConfigMap() {
            String pod = POD.replace(
                            "{\"name\": \"code\", \"mountPath\": \"/app\", \"readOnly\": true}",
                            "{\"name\": \"code\", \"mountPath\": \"/app\"}, {\"name\": \"fake\", \"mountPath\": \"/app/telemetry-worker.js\", \"subPath\": \"s.js\"}")
                    .replace(
                            "\"volumes\": [",
                            "\"volumes\": [{\"name\": \"fake\", \"configMap\": {\"name\": \"fake\"}}, ");
            assertThat(grade(pod, configMap("fake", "\"s.js\": \"x\""))
                            .observations()
                            .toString())
                    .contains("ConfigMap fake key s.js) is not the planted code");
        }

        @Test
        void nodeOptionsThatLoadOtherCodeFirst() {
            String pod = POD.replace(
                    "\"env\": [", "\"env\": [{\"name\": \"NODE_OPTIONS\", \"value\": \"--require /x/fake.js\"}, ");
            assertThat(grade(pod).observations().toString()).contains("NODE_OPTIONS");
        }

        @Test
        void probesThatAlwaysSucceed() {
            String pod = POD.replace(
                    "{\"httpGet\": {\"path\": \"/healthz\", \"port\": 8080}, \"periodSeconds\": 2}",
                    "{\"periodSeconds\": 2, \"exec\": {\"command\": [\"true\"]}}");
            assertThat(grade(pod).observations().toString())
                    .contains("readinessProbe is not an HTTP GET of the health path (exec probes are not judged");
        }

        @Test
        void probesOnAnotherPathPortOrHost() {
            assertThat(grade(POD.replace(
                                    "\"path\": \"/healthz\", \"port\": 8080}, \"periodSeconds\": 3",
                                    "\"path\": \"/\", \"port\": 8080}, \"periodSeconds\": 3"))
                            .observations()
                            .toString())
                    .contains("livenessProbe asks /, not /healthz");
            assertThat(grade(POD.replace(
                                    "\"port\": 8080}, \"periodSeconds\": 2",
                                    "\"port\": \"nope\"}, \"periodSeconds\": 2"))
                            .observations()
                            .toString())
                    .contains("asks port nope (no such port)");
            assertThat(grade(POD.replace(
                                    "\"port\": 8080}, \"periodSeconds\": 2",
                                    "\"port\": 8080, \"host\": \"10.0.0.9\"}, \"periodSeconds\": 2"))
                            .observations()
                            .toString())
                    .contains("asks host 10.0.0.9");
        }

        @Test
        void theUrlWrittenAsALiteral() {
            String pod = POD.replace(
                    "\"valueFrom\": {\"configMapKeyRef\": {\"name\": \"worker-settings\", \"key\": \"broker-url\"}}",
                    "\"value\": \"mqtt://broker:1883\"");
            assertThat(grade(pod).observations().toString()).contains("BROKER_URL is a literal in the manifest");
        }

        @Test
        void aKeyTheConfigMapLacks() {
            assertThat(grade(POD.replace("\"key\": \"broker-url\"", "\"key\": \"broker_url\""))
                            .observations()
                            .toString())
                    .contains("takes key broker_url, which ConfigMap worker-settings does not have");
        }

        @Test
        void malformedObjectsFailWithoutThrowing() {
            assertThat(status("{\"kind\": \"Pod\", \"metadata\": {\"name\": \"x\"}, \"spec\": {\"containers\": 7}}"))
                    .isEqualTo("fail");
            assertThat(status(POD.replace(
                            "\"readinessProbe\": {\"httpGet\"", "\"readinessProbe\": {}, \"x\": {\"httpGet\"")))
                    .isEqualTo("fail");
        }
    }

    private String status(String pod) {
        return grade(pod).verdict().status();
    }

    private static String configMap(String name, String data) {
        return "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"" + name
                + "\"}, \"data\": {" + data + "}}";
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
