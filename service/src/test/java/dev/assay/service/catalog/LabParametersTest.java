package dev.assay.service.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.GraderRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo lab (40 lines) with a {@code parameters:} block appended: it starts on line 41. */
@DisplayName("parameters: in lab.yaml: each kind read, each mistake refused with file and line")
class LabParametersTest {
    private static final String GOOD = """
            parameters:
              port:
                int: {min: 2000, max: 2999}
                default: 2080
              flavour:
                choice: ["a b", c, d]
                default: c
              user:
                word: [ana, ben, cy]
                default: ben
              token:
                hex: 8
                default: 0123abcd
              code:
                base32: 10
                default: abcdefgh27
              address:
                derived: "{{user}}@{{port}}"
                default: ben@2080
            """;

    private LabCatalog load(Path dir, String block) throws Exception {
        Path labs = BrokenLabsTest.copyBase(dir);
        Path lab = labs.resolve("demo/lab.yaml");
        Files.writeString(lab, Files.readString(lab) + block);
        return LabCatalog.load(labs, GraderRegistry.discover());
    }

    private List<String> problems(Path dir, String block) throws Exception {
        return load(dir, block).problems().stream().map(Problem::toString).toList();
    }

    private static String at(Path dir, int line) {
        return dir.resolve("demo/lab.yaml") + ":" + line + ":";
    }

    @Test
    @DisplayName("every kind is read, with its default, derived ones after what they name")
    void everyKind(@TempDir Path dir) throws Exception {
        LabCatalog catalog = load(dir, GOOD);
        assertThat(catalog.problems()).isEmpty();
        LabParameters parameters = catalog.lab("demo").orElseThrow().parameters();
        assertThat(parameters.names()).containsExactly("port", "flavour", "user", "token", "code", "address");
        assertThat(parameters.defaults())
                .containsEntry("port", "2080")
                .containsEntry("flavour", "c")
                .containsEntry("address", "ben@2080");
        assertThat(parameters.parameters().get(3).variable()).isEqualTo("ASSAY_P_TOKEN");
    }

    @Test
    @DisplayName("a derived parameter may come before the ones it names")
    void derivedFirst(@TempDir Path dir) throws Exception {
        LabCatalog catalog = load(dir, """
                parameters:
                  both:
                    derived: "{{a}}-{{b}}"
                    default: x-y
                  a: {choice: [x, z], default: x}
                  b: {word: [y, w], default: y}
                """);
        assertThat(catalog.problems()).isEmpty();
        assertThat(catalog.lab("demo").orElseThrow().parameters().names()).containsExactly("a", "b", "both");
    }

    @Test
    void unknownKeyWithSuggestion(@TempDir Path dir) throws Exception {
        assertThat(problems(dir, "parameters:\n  port:\n    int: {min: 1, max: 2}\n    defualt: 1\n"))
                .anySatisfy(
                        p -> assertThat(p).startsWith(at(dir, 44)).contains("unknown key", "did you mean 'default'"));
    }

    @Test
    void badNamesAndReservedNames(@TempDir Path dir) throws Exception {
        List<String> problems = problems(dir, """
                parameters:
                  Port: {int: {min: 1, max: 2}, default: 1}
                  timeLimit: {int: {min: 1, max: 2}, default: 1}
                """);
        assertThat(problems)
                .anySatisfy(p -> assertThat(p).startsWith(at(dir, 42)).contains("not a parameter name"));
        assertThat(problems)
                .anySatisfy(p -> assertThat(p).startsWith(at(dir, 43)).contains("the instructions' own variables"));
    }

    @Test
    void kindMissingOrTwo(@TempDir Path dir) throws Exception {
        List<String> problems = problems(dir, """
                parameters:
                  a: {default: 1}
                  b: {hex: 4, base32: 4, default: abcd}
                """);
        assertThat(problems)
                .anySatisfy(p -> assertThat(p).startsWith(at(dir, 42)).contains("has no kind"));
        assertThat(problems)
                .anySatisfy(p -> assertThat(p).startsWith(at(dir, 43)).contains("more than one kind"));
    }

    @Test
    void defaultRequiredAndInRange(@TempDir Path dir) throws Exception {
        List<String> problems = problems(dir, """
                parameters:
                  a: {int: {min: 5, max: 9}}
                  b: {int: {min: 5, max: 9}, default: 10}
                  c: {choice: [x, y], default: z}
                  d: {hex: 4, default: XYZ1}
                  e: {int: {min: 9, max: 5}, default: 6}
                  f: {choice: [x], default: x}
                  g: {hex: 99, default: ab}
                """);
        assertThat(problems)
                .anySatisfy(p -> assertThat(p).startsWith(at(dir, 42)).contains("a.default: missing"));
        assertThat(problems)
                .anySatisfy(p -> assertThat(p).startsWith(at(dir, 43)).contains("'10' is not a value"));
        assertThat(problems)
                .anySatisfy(p -> assertThat(p).startsWith(at(dir, 44)).contains("'z' is not a value"));
        assertThat(problems)
                .anySatisfy(p -> assertThat(p).startsWith(at(dir, 45)).contains("'XYZ1' is not a value"));
        assertThat(problems)
                .anySatisfy(p -> assertThat(p).startsWith(at(dir, 46)).contains("min <= max"));
        assertThat(problems)
                .anySatisfy(p -> assertThat(p).startsWith(at(dir, 47)).contains("two or more"));
        assertThat(problems)
                .anySatisfy(p -> assertThat(p).startsWith(at(dir, 48)).contains("length must lie in"));
    }

    @Test
    void derivedUnknownNameAndCycle(@TempDir Path dir) throws Exception {
        List<String> problems = problems(dir, """
                parameters:
                  a: {derived: "{{nope}}", default: x}
                  b: {derived: "{{c}}", default: x}
                  c: {derived: "{{b}}", default: x}
                """);
        assertThat(problems)
                .anySatisfy(p -> assertThat(p).startsWith(at(dir, 42)).contains("no parameter 'nope'"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("cycle"));
    }

    @Test
    @DisplayName("a check's with: may name only declared parameters, and is checked with the defaults filled in")
    void placeholdersInChecks(@TempDir Path dir) throws Exception {
        Path labs = BrokenLabsTest.copyBase(dir);
        Path lab = labs.resolve("demo/lab.yaml");
        Files.writeString(
                lab,
                Files.readString(lab)
                                .replace("{run: /opt/load.sh, exitCode: 0}", "{run: \"/opt/{{script}}\", exitCode: 0}")
                                .replace("contains: \"rows=\\\\d+\"", "contains: {\"/var/{{nope}}\": rows}")
                        + "parameters:\n  port: {int: {min: 1, max: 2}, default: 1}\n");
        List<String> problems = LabCatalog.load(labs, GraderRegistry.discover()).problems().stream()
                .map(Problem::toString)
                .toList();
        assertThat(problems)
                .anySatisfy(p -> assertThat(p).startsWith(at(dir, 23)).contains("no parameter 'script'", "[port]"))
                .as("a nested map's keys are filled in, so they are checked too")
                .anySatisfy(p -> assertThat(p).startsWith(at(dir, 30)).contains("no parameter 'nope'"));
    }

    @Test
    @DisplayName("with: gets the values: texts filled in, an int placeholder alone becomes a number")
    void substitution() {
        LabParameters parameters = new LabParameters(List.of(
                new LabParameters.Parameter("port", LabParameters.Kind.INT, List.of(), 1, 9, 0, "", "1"),
                new LabParameters.Parameter("site", LabParameters.Kind.WORD, List.of("a", "b"), 0, 0, 0, "", "a")));
        Map<String, Object> with = Map.of(
                "port",
                "{{port}}",
                "url",
                "http://x:{{port}}/{{ site }}",
                "files",
                List.of("/var/{{site}}"),
                "n",
                3L,
                "modes",
                Map.of("/etc/{{site}}.conf", "0{{port}}00"));
        Map<String, Object> filled = parameters.substitute(with, Map.of("port", "7", "site", "b"));
        assertThat(filled)
                .containsEntry("port", 7L)
                .containsEntry("url", "http://x:7/b")
                .containsEntry("files", List.of("/var/b"))
                .containsEntry("n", 3L)
                .containsEntry("modes", Map.of("/etc/b.conf", "0700"));
        assertThat(parameters.shellPrologue(Map.of("port", "7", "site", "it's")))
                .isEqualTo("ASSAY_P_PORT='7'\nASSAY_P_SITE='it'\\''s'\n");
    }
}
