package dev.assay.service.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriverLabViewTest {
    @TempDir
    Path lab;

    /** Reading the lab's own files needs neither an environment nor a probe. */
    @SuppressWarnings("NullAway")
    private DriverLabView view(Map<String, String> values) {
        Clock clock = Clock.systemUTC();
        return new DriverLabView(null, null, null, clock.instant(), clock, lab, values);
    }

    @Test
    @DisplayName("a lab file a grader reads has the session's {{name}} values in, as a check's with: has")
    void labFilesCarryTheSessionsValues() throws Exception {
        Files.createDirectories(lab.resolve("checks"));
        Files.writeString(
                lab.resolve("checks/tests.yml"),
                "series: '{{metric}}_requests_total{job=\"{{ job }}\"}'\nannotation: '{{ $labels.job }}'\n");
        byte[] read = view(Map.of("metric", "api", "job", "storefront")).labFile("checks/tests.yml");
        assertThat(new String(read, StandardCharsets.UTF_8))
                .isEqualTo("series: 'api_requests_total{job=\"storefront\"}'\nannotation: '{{ $labels.job }}'\n");
    }

    @Test
    @DisplayName("a lab without parameters reads its files byte for byte")
    void withoutValuesTheBytesAreKept() throws Exception {
        byte[] bytes = {(byte) 0xff, '{', '{', 'x', '}', '}', 0};
        Files.write(lab.resolve("blob"), bytes);
        assertThat(view(Map.of()).labFile("blob")).isEqualTo(bytes);
    }
}
