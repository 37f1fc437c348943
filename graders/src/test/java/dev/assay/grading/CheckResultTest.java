package dev.assay.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A check result's text can be stored anywhere")
class CheckResultTest {

    @Test
    @DisplayName("NUL bytes from a binary file or a command become \\x00 (PostgreSQL text refuses NUL)")
    void nulBecomesVisible() {
        CheckResult result = CheckResult.builder(true)
                .observe("first bytes", "PGDMP\0\1")
                .output("PGDMP\0\0\1", false)
                .expect(false, "found \0 where text was expected")
                .build();
        assertThat(result.output()).isEqualTo("PGDMP\\x00\\x00\1").doesNotContain("\0");
        assertThat(result.message()).isEqualTo("found \\x00 where text was expected");
        assertThat(result.observations()).containsExactly(new Observation("first bytes", "PGDMP\\x00\1"));
        assertThat(CheckResult.builder(true).output("plain text", false).build().output())
                .isEqualTo("plain text");
        assertThat(List.of(result.message(), result.output())).noneMatch(text -> text.indexOf('\0') >= 0);
    }
}
