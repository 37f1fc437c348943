package dev.assay.service.environment.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Links inside a directory's tar are followed as the kernel walks them, never out of it")
class TreeLinksTest {
    private static final String ROOT = "/etc/nginx";

    @Test
    void aRelativeLinkToASiblingDirectory() {
        assertThat(TreeLinks.resolve("sites-enabled/shop", "../sites-available/shop", ROOT, Map.of()))
                .isEqualTo("sites-available/shop");
    }

    @Test
    void anAbsoluteLinkInsideTheDirectory() {
        assertThat(TreeLinks.resolve("sites-enabled/shop", "/etc/nginx/sites-available/shop", ROOT, Map.of()))
                .isEqualTo("sites-available/shop");
    }

    @Test
    void aChainOfLinks() {
        Map<String, String> links = Map.of("a", "b", "b", "sites-available/shop");
        assertThat(TreeLinks.resolve("x", "a", ROOT, links)).isEqualTo("sites-available/shop");
    }

    @Test
    void linksThatLeaveTheDirectoryOrLoopAreNotFollowed() {
        assertThat(TreeLinks.resolve("sites-enabled/shop", "../../passwd", ROOT, Map.of()))
                .isNull();
        assertThat(TreeLinks.resolve("shop", "/etc/passwd", ROOT, Map.of())).isNull();
        assertThat(TreeLinks.resolve("shop", "/etc/nginxother/x", ROOT, Map.of()))
                .isNull();
        assertThat(TreeLinks.resolve("a", "b", ROOT, Map.of("b", "a", "a", "b")))
                .isNull();
    }
}
