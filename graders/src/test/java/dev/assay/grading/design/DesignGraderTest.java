package dev.assay.grading.design;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.CheckResult;
import dev.assay.grading.FixtureLab;
import dev.assay.grading.GraderContract;
import dev.assay.grading.Observation;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The design grader on the worked examples of docs/system-design.md (design-nodered-scale's figures). */
class DesignGraderTest {
    static final String SCENARIO = """
            hoursPerMonth: 730
            zoneAvailability: 0.999
            instanceAvailability: 0.995
            pricing: {on-demand: 1.0, savings-plan: 0.72}
            instances:
              c6i.xlarge:   {vcpu: 4,  memoryGiB: 8,  hourly: 0.192}
              m6g.4xlarge:  {vcpu: 16, memoryGiB: 64, hourly: 0.688}
              db.r6g.large: {vcpu: 2,  memoryGiB: 16, hourly: 0.26}
              alb:          {hourly: 0.0252, managed: true, availability: 0.9999}
            storagePrices: {rds-gp3: 0.138}
            fixedMonthly: {EKS control plane: 73}
            targets: {availability: 99.95, rpo: 15m, rto: 1h, budget: 25000}
            load:
              peaks: {requestsPerSecond: 8000, instances: 6000}
              headroom: 0.25
              zoneLoss: true
            capacity:
              ingress: {requestsPerSecond: {perVcpu: 1000}}
              nodered-host: {instances: {perVcpu: 10, perGiB: 2.5}}
            storage: {horizonMonths: 12, engines: {postgres: {nowGB: 60, growthGBPerMonth: 20}}}
            recovery:
              postgres: {failoverMinutes: 2, asyncLagSeconds: 30, restoreFixedMinutes: 20, restoreGBPerHour: 600}
            """;
    static final String DESIGN = """
            design: 1
            entry: [alb]
            slo: {availability: 99.95, rpo: 15m, rto: 1h}
            load: {requestsPerSecond: 8000, instances: 6000}
            components:
              - {name: alb, kind: load-balancer, instanceType: alb, replicas: 1, zones: [a, b, c], dependsOn: [ingress]}
              - {name: ingress, kind: ingress, instanceType: c6i.xlarge, replicas: 3, zones: [a, b, c],
                 dependsOn: [nodered-hosts]}
              - {name: nodered-hosts, kind: nodered-host, instanceType: m6g.4xlarge, replicas: 57, zones: [a, b, c],
                 pricing: savings-plan, dependsOn: [forge-db]}
            stores:
              - {name: forge-db, engine: postgres, instanceType: db.r6g.large, replicas: 2, zones: [a, b],
                 replication: sync, backupInterval: 5m, storageGB: 400, storageType: rds-gp3}
            """;

    private final DesignGrader grader = new DesignGrader();

    private CheckResult grade(String check, String design) {
        FixtureLab lab = new FixtureLab().file("/root/design.yaml", design).labFile("checks/scenario.yaml", SCENARIO);
        return grader.grade(lab, Map.of("check", check));
    }

    private static String observed(CheckResult result, String what) {
        return result.observations().stream()
                .filter(o -> o.what().equals(what))
                .map(Observation::value)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no observation '" + what + "' in " + result.observations()));
    }

    @Test
    void keepsTheContract() {
        GraderContract.verify(grader, Map.of("check", "capacity"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workedExamples")
    void theWorkedExamplesPassAndShowTheirArithmetic(String check, String what, String arithmetic) {
        CheckResult result = grade(check, DESIGN);
        assertThat(result.verdict().status()).as(result.message()).isEqualTo("pass");
        assertThat(result.trusted()).isTrue();
        assertThat(result.evidence())
                .singleElement()
                .satisfies(e -> assertThat(e.ref()).isEqualTo("/root/design.yaml"));
        assertThat(observed(result, what)).isEqualTo(arithmetic);
    }

    static Stream<Arguments> workedExamples() {
        return Stream.of(
                Arguments.of(
                        "capacity",
                        "capacity nodered-host instances",
                        "nodered-hosts: 57 x 160 (m6g.4xlarge: min of 16 vCPU x 10, 64 GiB x 2.5) = 9120 against peak"
                                + " 6000 x (1 + 0.25 headroom) = 7500: enough"),
                Arguments.of(
                        "capacity",
                        "capacity nodered-host instances after losing zone a",
                        "9120 - 3040 = 6080 against peak 6000: enough"),
                Arguments.of(
                        "capacity",
                        "storage postgres",
                        "60 GB now + 20 GB/month x 12 months = 300 GB against 400 GB provisioned (forge-db 400 GB):"
                                + " enough"),
                Arguments.of(
                        "availability",
                        "availability forge-db",
                        "2 x db.r6g.large over a, b (1+1), instance 0.995, zone 0.999: 1 - (1 - 0.999 x (1 -"
                                + " 0.005^1))^2 = 99.996406 %"),
                Arguments.of(
                        "availability",
                        "request path in series",
                        "99.99 % x 99.999978 % x 100 % x 99.996406 % = 99.986385 % against the SLO 99.95 %: met"),
                Arguments.of(
                        "cost",
                        "cost nodered-hosts",
                        "57 x m6g.4xlarge at $0.688/h x 730 h x 0.72 (savings-plan) = $20,611.93"),
                Arguments.of(
                        "cost",
                        "monthly total",
                        "$21,613.81 against the budget $25,000.00: within, $3,386.19 to spare"),
                Arguments.of("recovery", "restore forge-db", "20 min + 300 GB / 600 GB/h = 50m; using 50m"),
                Arguments.of("recovery", "recovery forge-db worst case", "lose 5m (RPO 15m), down 50m (RTO 1h)"),
                Arguments.of(
                        "single-points", "single point forge-db", "2 x db.r6g.large over a, b (1+1): no single point"));
    }

    static Stream<Arguments> nearMisses() {
        return Stream.of(
                Arguments.of(
                        "capacity",
                        "replicas: 57",
                        "replicas: 48",
                        "nodered-host carries only 5120 instances after losing zone a, the peak is 6000"),
                Arguments.of(
                        "capacity",
                        "storageGB: 400",
                        "storageGB: 250",
                        "postgres stores provision 250 GB, the data reaches 300 GB in 12 months"),
                Arguments.of(
                        "availability",
                        "replicas: 3, zones: [a, b, c]",
                        "replicas: 3, zones: [a]",
                        "the request path is available 99.886407 %, the SLO is 99.95 %"),
                Arguments.of(
                        "cost",
                        "pricing: savings-plan, ",
                        "",
                        "the design costs $29,629.56 a month, the budget is $25,000.00"),
                Arguments.of(
                        "recovery",
                        "backupInterval: 5m",
                        "backupInterval: 1h",
                        "forge-db can lose 1h of data, the RPO is 15m"),
                Arguments.of(
                        "recovery",
                        "storageGB: 400",
                        "storageGB: 400, restoreTime: 2h",
                        "forge-db can be down 2h, the RTO is 1h"),
                Arguments.of(
                        "single-points",
                        "replicas: 3, zones: [a, b, c]",
                        "replicas: 1, zones: [a]",
                        "ingress runs one replica"),
                Arguments.of(
                        "single-points",
                        "replicas: 3, zones: [a, b, c]",
                        "replicas: 3, zones: [b]",
                        "ingress runs all 3 replicas in zone b"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("nearMisses")
    void nearMissesFailWithTheFigureThatMissed(String check, String from, String to, String message) {
        String design = DESIGN.replace(from, to);
        assertThat(design).isNotEqualTo(DESIGN);
        CheckResult result = grade(check, design);
        assertThat(result.verdict().status()).isEqualTo("fail");
        assertThat(result.message()).isEqualTo(message);
    }

    @Test
    void aDatabaseLeftOffTheDrawnPathStillCountsForSinglePointsAndAvailability() {
        String undrawn = DESIGN.replace("pricing: savings-plan, dependsOn: [forge-db]}", "pricing: savings-plan}")
                .replace("replicas: 2, zones: [a, b],\n", "replicas: 1, zones: [a],\n")
                .replace("replication: sync,", "replication: none,");
        assertThat(undrawn).doesNotContain("dependsOn: [forge-db]").contains("replicas: 1, zones: [a]");
        CheckResult single = grade("single-points", undrawn);
        assertThat(single.verdict().status()).isEqualTo("fail");
        assertThat(single.message()).isEqualTo("forge-db runs one replica");
        assertThat(observed(single, "single point forge-db")).contains("off the drawn path, counted");
        assertThat(grade("availability", undrawn).verdict().status()).isEqualTo("fail");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checksOfTheWholeDesign")
    @DisplayName("a part the scenario's data needs, left out of the design, fails every check that cannot judge it")
    void aDatabaseLeftOutOfTheDesignFailsTheChecksThatWouldNeedIt(String check) {
        String withoutDatabase =
                DESIGN.substring(0, DESIGN.indexOf("stores:")).replace(", dependsOn: [forge-db]}", "}");
        assertThat(withoutDatabase).doesNotContain("forge-db").doesNotContain("postgres");
        CheckResult result = grade(check, withoutDatabase);
        assertThat(result.verdict().status()).as(result.message()).isEqualTo("fail");
        assertThat(result.message())
                .isEqualTo("the design has no part of kind postgres, which the scenario's load or data needs");
        assertThat(observed(result, "missing postgres")).contains("cannot be judged");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checksOfTheWholeDesign")
    @DisplayName(
            "a part that carries load or is recovered, put on a managed type, fails rather than counting as managed")
    void aTenantFleetOrADatabaseOnAManagedTypeIsNotManaged(String check) {
        String onManaged = DESIGN.replace("instanceType: m6g.4xlarge", "instanceType: alb")
                .replace("instanceType: db.r6g.large", "instanceType: alb")
                .replace("backupInterval: 5m", "backupInterval: 1d");
        CheckResult result = grade(check, onManaged);
        assertThat(result.verdict().status()).as(result.message()).isEqualTo("fail");
        assertThat(result.message())
                .contains("forge-db: instance type 'alb' is a managed service, not instances to run postgres on");
        if (!check.equals("recovery")) { // recovery judges the stores only
            assertThat(result.message())
                    .contains("nodered-hosts: instance type 'alb' is a managed service, not instances to run"
                            + " nodered-host on");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.assay.grading.design.DesignGraderTest#everyCheck")
    @DisplayName("the only part of a kind on a type the scenario lacks fails every check that judges it, never throws")
    void aMisspeltInstanceTypeFailsAndNeverThrows(String check) {
        String misspelt = DESIGN.replace("instanceType: m6g.4xlarge", "instanceType: m6g.4xlarg");
        CheckResult result = grade(check, misspelt);
        boolean judgesTheFleet = !check.equals("valid") && !check.equals("recovery"); // recovery: the stores only
        assertThat(result.verdict().status()).as(result.message()).isEqualTo(judgesTheFleet ? "fail" : "pass");
        if (judgesTheFleet) {
            assertThat(result.message())
                    .contains("nodered-hosts: instance type 'm6g.4xlarg' is not in the scenario's table");
        }
    }

    static Stream<String> checksOfTheWholeDesign() {
        return Stream.of("availability", "single-points", "recovery", "cost");
    }

    @Nested
    @DisplayName("with cheaperThan (a lab whose task is a cut)")
    class WhenTheTaskIsACut {
        private CheckResult gradeCut(String check, double cheaperThan) {
            FixtureLab lab =
                    new FixtureLab().file("/root/design.yaml", DESIGN).labFile("checks/scenario.yaml", SCENARIO);
            return grader.grade(lab, Map.of("check", check, "cheaperThan", cheaperThan));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.assay.grading.design.DesignGraderTest#everyCheck")
        void aDesignThatCutsNothingEarnsNothing(String check) {
            CheckResult result = gradeCut(check, 21_613.81);
            assertThat(result.verdict().status()).as(result.message()).isEqualTo("fail");
            assertThat(result.message())
                    .isEqualTo("the design costs $21,613.81 a month, not less than the $21,613.81 it had to cut");
            assertThat(observed(result, "cut")).isEqualTo("$21,613.81 a month against $21,613.81 before: NO CUT");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.assay.grading.design.DesignGraderTest#everyCheck")
        void aDesignThatCutsIsJudgedAsBefore(String check) {
            CheckResult result = gradeCut(check, 21_613.82);
            assertThat(result.verdict().status()).as(result.message()).isEqualTo("pass");
            assertThat(observed(result, "cut")).isEqualTo("$21,613.81 a month against $21,613.82 before: cheaper");
        }
    }

    @Test
    @DisplayName("with carrying, a design too small for the peak fails a check it would pass, cost included")
    void aCostIsJudgedOnlyOnADesignThatCarriesThePeak() {
        String small = DESIGN.replace("replicas: 57", "replicas: 48");
        FixtureLab lab = new FixtureLab().file("/root/design.yaml", small).labFile("checks/scenario.yaml", SCENARIO);
        assertThat(grade("cost", small).verdict().status()).isEqualTo("pass");
        CheckResult result = grader.grade(lab, Map.of("check", "cost", "carrying", true));
        assertThat(result.verdict().status()).isEqualTo("fail");
        assertThat(result.message())
                .isEqualTo("the design does not carry the scenario's load (nodered-host carries only 5120 instances"
                        + " after losing zone a, the peak is 6000); this check judges only a design that does");
        FixtureLab sound = new FixtureLab().file("/root/design.yaml", DESIGN).labFile("checks/scenario.yaml", SCENARIO);
        assertThat(grader.grade(sound, Map.of("check", "cost", "carrying", true))
                        .verdict()
                        .status())
                .isEqualTo("pass");
    }

    static Stream<String> everyCheck() {
        return Stream.of("valid", "capacity", "availability", "cost", "recovery", "single-points");
    }

    @Nested
    class WhenTheDesignIsNotThere {
        @Test
        void aMissingDesignFailsAndSaysWhereToWriteIt() {
            CheckResult result = grader.grade(new FixtureLab(), Map.of("check", "cost"));
            assertThat(result.verdict().status()).isEqualTo("fail");
            assertThat(result.message()).startsWith("no design at /root/design.yaml: write it there");
        }

        @Test
        void anInvalidDesignFailsEveryCheckWithItsProblems() {
            CheckResult result = grade("valid", DESIGN.replace("replicas: 57", "replicas: lots"));
            assertThat(result.verdict().status()).isEqualTo("fail");
            assertThat(result.message()).contains("the design is not valid (1 problem(s))", "components[2].replicas");
            assertThat(observed(result, "problem")).startsWith("9:84:").contains("must be a whole number");
        }

        @Test
        void anUnknownInstanceTypeNamesTheTableItComesFrom() {
            CheckResult result = grade("cost", DESIGN.replace("c6i.xlarge", "c7i.xlarge"));
            assertThat(result.message()).contains("ingress: instance type 'c7i.xlarge' is not in the scenario's table");
        }
    }

    @Test
    void aBrokenScenarioIsTheAuthorsErrorNotTheCandidates() {
        FixtureLab lab =
                new FixtureLab().file("/root/design.yaml", DESIGN).labFile("checks/scenario.yaml", "targets: 3");
        CheckResult result = grader.grade(lab, Map.of("check", "cost"));
        assertThat(result.verdict().status()).isEqualTo("error");
        assertThat(result.message()).contains("checks/scenario.yaml is wrong: targets: must be a mapping");
    }

    @Test
    void validNeedsNoScenario() {
        CheckResult result = grader.grade(new FixtureLab().file("/root/design.yaml", DESIGN), Map.of("check", "valid"));
        assertThat(result.verdict().status()).isEqualTo("pass");
        assertThat(observed(result, "parts"))
                .isEqualTo("3 components, 0 queues, 1 stores; request path: alb, ingress, nodered-hosts, forge-db");
    }
}
