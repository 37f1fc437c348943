package dev.assay.service.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StaffSearchTest {
    @Test
    @DisplayName("the text is trimmed and its LIKE wildcards and escape character made literal")
    void pattern() {
        assertThat(StaffSearch.of(null).pattern()).isEqualTo("%%");
        assertThat(StaffSearch.of("   ").isBlank()).isTrue();
        assertThat(StaffSearch.of(" Dee@Example.COM ").pattern()).isEqualTo("%Dee@Example.COM%");
        assertThat(StaffSearch.of("100%_!x").pattern()).isEqualTo("%100!%!_!!x%");
    }
}
