package dev.assay.service.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InviteFormsTest {
    @Test
    @DisplayName("candidate lines: numbered as written, blank lines skipped, the last comma splits name and email")
    void lines() {
        List<InviteForms.Line> lines =
                InviteForms.lines("  Ada Lovelace, ada@test.local \r\n\n Smith, Jo, jo@test.local\nno comma\n");
        assertThat(lines)
                .containsExactly(
                        new InviteForms.Line(1, "Ada Lovelace, ada@test.local", "Ada Lovelace", "ada@test.local"),
                        new InviteForms.Line(3, "Smith, Jo, jo@test.local", "Smith, Jo", "jo@test.local"),
                        new InviteForms.Line(4, "no comma", "no comma", null));
        assertThat(InviteForms.lines(" \n ")).isEmpty();
    }

    @Test
    @DisplayName("more lines than the bulk API takes are refused with what to do")
    void tooManyLines() {
        String many = "A, a@test.local\n".repeat(InviteForms.MAX_LINES + 1);
        assertThatThrownBy(() -> InviteForms.lines(many))
                .hasMessageContaining("at most " + InviteForms.MAX_LINES + " lines")
                .hasMessageContaining("in parts");
    }
}
