package dev.assay.grading.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DesignValidatorTest {
    static final String VALID = """
            design: 1
            entry: [alb]
            slo: {availability: 99.95, latencyP99: 300ms, rpo: 15m, rto: 1h}
            load: {requestsPerSecond: 8000, connections: 40000}
            components:
              - {name: alb, kind: load-balancer, instanceType: alb, replicas: 1, zones: [a, b, c], dependsOn: [web]}
              - name: web
                kind: ingress
                instanceType: c6i.xlarge
                replicas: 3
                zones: [a, b, c]
                dependsOn: [db, events]
                pricing: savings-plan
            queues:
              - {name: events, engine: sqs, instanceType: sqs, replicas: 1, zones: [a, b, c]}
            stores:
              - name: db
                engine: postgres
                instanceType: db.r6g.large
                replicas: 2
                zones: [a, b]
                replication: sync
                backupInterval: 5m
                restoreTime: 50m
                storageGB: 400
                storageType: rds-gp3
            """;

    private final DesignValidator validator = new DesignValidator();

    private List<Problem> problems(String yaml) {
        return validator.validate(yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCompleteDesignIsReadIntoRecords() {
        DesignValidator.Reading reading = validator.read(VALID.getBytes(StandardCharsets.UTF_8));
        assertThat(reading.problems()).isEmpty();
        Design design = reading.valid().orElseThrow();
        assertThat(design.nodes()).extracting(Design.Node::name).containsExactly("alb", "web", "events", "db");
        assertThat(design.slo().rpo()).hasMinutes(15);
        assertThat(design.stores().get(0).backupInterval()).hasMinutes(5);
        assertThat(design.components().get(1).pricing()).isEqualTo("savings-plan");
        assertThat(design.components().get(0).pricing()).isEqualTo("on-demand");
        assertThat(design.load()).containsEntry("connections", 40000.0);
    }

    static Stream<Arguments> brokenDesigns() {
        return Stream.of(
                Arguments.of("replicas: 3", "replicas: three", "components[1].replicas", 10, "must be a whole number"),
                Arguments.of("replicas: 3", "replicas: 0", "components[1].replicas", 10, "outside 1..100000"),
                Arguments.of("pricing: savings", "pricng: savings", "components[1].pricng", 13, "unknown field"),
                Arguments.of("backupInterval: 5m", "backupInterval: 5", "stores[0].backupInterval", 23, "a duration"),
                Arguments.of(
                        "replication: sync", "replication: semi", "stores[0].replication", 22, "'semi' is not one"),
                Arguments.of("dependsOn: [db, ev", "dependsOn: [dq, ev", "components[1].dependsOn", 7, "'dq' is not"),
                Arguments.of("entry: [alb]", "entry: [lb]", "entry[0]", 0, "'lb' is not defined"),
                Arguments.of("availability: 99.95", "availability: 100", "slo.availability", 3, "outside 50..99.99999"),
                Arguments.of("replicas: 2\n", "replicas: 1\n", "stores[0].replication", 17, "is sync but there is no"),
                Arguments.of("replication: sync", "replication: none", "stores[0].replication", 17, "hold no copy"),
                Arguments.of("pricing: savings-plan", "pricing: reserved", "components[1].pricing", 13, "not one of"),
                Arguments.of("name: web", "name: Web", "components[1].name", 7, "is not a name"),
                Arguments.of("{name: events,", "{name: db,", "stores[0].name", 17, "'db' is used twice"),
                Arguments.of("rto: 1h}", "rto: 1h, rto: 2h}", "slo.rto", 3, "is given twice"));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("brokenDesigns")
    @DisplayName("a broken field is a problem with its path, line, what is wrong and a fix")
    void aBrokenFieldIsOneClearProblem(String from, String to, String path, int line, String message) {
        List<Problem> problems = problems(VALID.replace(from, to));
        assertThat(problems).as(problems.toString()).first().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo(path);
            assertThat(problem.message()).contains(message);
            assertThat(problem.fix()).isNotBlank();
            if (line > 0) {
                assertThat(problem.line()).isEqualTo(line);
            }
        });
    }

    @Test
    void everyProblemIsReportedInOnePass() {
        List<Problem> problems = problems("""
                entry: alb
                slo: {availability: high}
                components:
                  - {name: alb, replicas: -1, zones: []}
                """);
        assertThat(problems)
                .extracting(Problem::path)
                .contains(
                        "slo.availability",
                        "slo.rpo",
                        "slo.rto",
                        "load",
                        "components[0].kind",
                        "components[0].instanceType",
                        "components[0].replicas",
                        "components[0].zones");
        assertThat(problems.get(0).toString()).matches("\\d+:\\d+: .+: .+ \\(fix: .+\\)");
    }

    @Test
    void aDependencyCycleIsNamed() {
        String cyclic = VALID.replace("{name: events, engine: sqs,", "{name: events, engine: sqs, dependsOn: [web],");
        assertThat(problems(cyclic))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("dependency cycle: web -> events -> web"));
    }

    @Test
    void notYamlSaysWhere() {
        assertThat(problems("components: [a, b\nslo: {")).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("is not valid YAML");
            assertThat(p.line()).isPositive();
        });
    }

    @Test
    void hostileDocumentsAreRefusedQuickly() {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 0; i < 30; i++) {
            bomb.append((char) ('b' + i % 20))
                    .append(i)
                    .append(": &n")
                    .append(i)
                    .append(" [*")
                    .append(i == 0 ? "a" : "n" + (i - 1))
                    .append(", *")
                    .append(i == 0 ? "a" : "n" + (i - 1))
                    .append("]\n");
        }
        assertThat(problems(bomb.toString()))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("not valid YAML"));
        assertThat(validator.validate(new byte[DesignValidator.MAX_BYTES + 1]))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("more than"));
        assertThat(validator.validate(new byte[] {(byte) 0xc3, (byte) 0x28}))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("is not UTF-8 text"));
        assertThat(problems(""))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("is empty"));
        assertThat(problems("- a\n- b"))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("must be a mapping"));
    }
}
