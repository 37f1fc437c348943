package dev.assay.service.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InertTest {

    @Test
    void controlsAndEscapesBecomeVisible() {
        assertThat(Inert.text("\u001b[31mred\u001b[0m\u0007\r\n\tok\u009b"))
                .isEqualTo("\\x1b[31mred\\x1b[0m\\x07\\x0d\n\tok\\x9b");
    }

    @Test
    void bidiAndInvisibleCharactersAreNamed() {
        assertThat(Inert.text("invoice\u202Egpj.exe")).isEqualTo("invoice<U+202E>gpj.exe");
        assertThat(Inert.text("a\u200Bb\u2066c\u2069d\uFEFFe\u2028f\u3164g"))
                .isEqualTo("a<U+200B>b<U+2066>c<U+2069>d<U+FEFF>e<U+2028>f<U+3164>g");
        assertThat(Inert.text("tag\uDB40\uDC41")).as("a tag character").isEqualTo("tag<U+E0041>");
    }

    @Test
    void markupIsLeftToTheTemplateToEscape() {
        assertThat(Inert.text("<script>alert(1)</script> שלום")).isEqualTo("<script>alert(1)</script> שלום");
    }

    @Test
    void longTextIsCutAtTheCapOfWhatIsShown() {
        assertThat(Inert.text("abcdefghij", 4)).isEqualTo("abcd\n… 6 more characters not shown");
        String escapes = "\u202E".repeat(100);
        assertThat(Inert.text(escapes, 20))
                .startsWith("<U+202E><U+202E><U+202E>")
                .contains("97 more characters");
        assertThat(Inert.text(null)).isEmpty();
    }
}
