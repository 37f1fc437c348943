package dev.assay.service.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.GraderRegistry;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each file in {@code catalog/broken/} is the valid demo lab with one defect, and says on its first line
 * which line the loader must blame and what it must say. The lab must be left out; the role still loads.
 */
@DisplayName("A broken lab is reported with file, line and field, and is not served")
class BrokenLabsTest {
    private static final Pattern EXPECT = Pattern.compile("# expect line (\\d+): (.*)");

    static Path resource(String name) throws URISyntaxException {
        return Path.of(BrokenLabsTest.class.getResource("/catalog/" + name).toURI());
    }

    static Stream<Named<Path>> cases() throws Exception {
        try (Stream<Path> files = Files.list(resource("broken"))) {
            return files.sorted().map(file -> Named.of(file.getFileName().toString(), file)).toList().stream();
        }
    }

    /** The base content (the fixture role and the demo lab) copied into {@code dir}. */
    static Path copyBase(Path dir) throws Exception {
        Path base = resource("base");
        try (Stream<Path> files = Files.walk(base)) {
            for (Path source : files.toList()) {
                Path target = dir.resolve(base.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return dir;
    }

    @Test
    void thereAreAtLeastFifteenCases() throws Exception {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(15);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void reportsTheDefectWhereItIs(Path brokenLab, @TempDir Path dir) throws Exception {
        Matcher expect = expectation(brokenLab);
        Path labs = copyBase(dir);
        Files.copy(brokenLab, labs.resolve("demo/lab.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        LabCatalog catalog = LabCatalog.load(labs, GraderRegistry.discover());

        assertThat(catalog.lab("demo")).as("a broken lab is not served").isEmpty();
        assertThat(catalog.brokenLabs()).containsExactly("demo");
        assertThat(catalog.role("data-platform-engineer"))
                .as("the role still loads")
                .isPresent();
        List<String> reported =
                catalog.problems().stream().map(Problem::toString).toList();
        String where = labs.resolve("demo/lab.yaml") + ":" + expect.group(1) + ":";
        assertThat(reported)
                .as("problems reported for %s", brokenLab.getFileName())
                .anySatisfy(problem -> assertThat(problem).startsWith(where).contains(expect.group(2)));
    }

    private static Matcher expectation(Path file) throws IOException {
        String first = Files.readAllLines(file).get(0);
        Matcher matcher = EXPECT.matcher(first);
        assertThat(matcher.matches())
                .as("first line of %s: '# expect line N: text'", file)
                .isTrue();
        return matcher;
    }
}
