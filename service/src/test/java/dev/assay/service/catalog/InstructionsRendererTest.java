package dev.assay.service.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstructionsRendererTest {
    private final InstructionsRenderer renderer = new InstructionsRenderer();

    private String render(Path dir, String markdown, String firstName) throws Exception {
        Path file = Files.writeString(dir.resolve("README.md"), markdown);
        return renderer.render(
                file,
                new InstructionsRenderer.Variables(
                        firstName, Duration.ofMinutes(20), Map.of("web", "web-1.lab"), "/home/candidate/.kube/config"));
    }

    @Test
    @DisplayName("headings sit under the page's own h1")
    void headingsShiftDown(@TempDir Path dir) throws Exception {
        assertThat(render(dir, "# Title\n\n## Part\n\n###### Deepest\n", "Ana"))
                .contains("<h2>Title</h2>", "<h3>Part</h3>", "<h6>Deepest</h6>")
                .doesNotContain("<h1>");
    }

    @Test
    @DisplayName("variables are filled in, in text and in code")
    void variables(@TempDir Path dir) throws Exception {
        String html = render(
                dir,
                "Hi {{candidate.firstName}}, {{timeLimit}}.\n\n```sh\ncurl http://{{hosts.web}}/\nkubectl --kubeconfig {{kubeconfig}} get pods\n```\n",
                "Ana");
        assertThat(html)
                .contains("<p>Hi Ana, 20 minutes.</p>")
                .contains(
                        "<code class=\"language-sh\">curl http://web-1.lab/\nkubectl --kubeconfig /home/candidate/.kube/config get pods\n</code>");
    }

    @Test
    @DisplayName("a candidate's name can inject neither HTML nor Markdown")
    void hostileNames(@TempDir Path dir) throws Exception {
        assertThat(render(dir, "Hi {{candidate.firstName}}!", "<script>alert(1)</script>"))
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>");
        assertThat(render(dir, "Hi {{candidate.firstName}}!", "[click](javascript:alert(1))"))
                .contains("[click](javascript:alert(1))")
                .doesNotContain("<a ");
    }

    @Test
    @DisplayName("raw HTML and javascript: links in the instructions themselves are neutralised")
    void unsafeMarkdown(@TempDir Path dir) throws Exception {
        String html = render(dir, "<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))\n", "Ana");
        assertThat(html).doesNotContain("<img").contains("&lt;img").doesNotContain("href=\"javascript:");
    }

    @Test
    @DisplayName("code blocks come with a copy button")
    void copyButton(@TempDir Path dir) throws Exception {
        assertThat(render(dir, "    ls -l\n", "Ana"))
                .contains("<div class=\"code\"><button")
                .contains("class=\"copy\"")
                .contains(">Copy</button><pre><code>ls -l\n</code></pre></div>");
    }

    @Test
    @DisplayName("unescaped output and partials are refused")
    void unsafeTemplates(@TempDir Path dir) throws Exception {
        for (String markdown : new String[] {
            "{{{candidate.firstName}}}",
            "{{& candidate.firstName}}",
            "{{> /etc/passwd}}",
            "Hi {\\{{candidate.firstName}}}!",
            "Hi &#123;{{candidate.firstName}}}!"
        }) {
            assertThatThrownBy(() -> render(dir, markdown, "Ana")).hasMessageContaining("only escaped {{variables}}");
        }
        Path file = Files.writeString(dir.resolve("x.md"), "{{#hosts}}unclosed");
        assertThat(renderer.check(file, Duration.ofMinutes(5))).get().asString().contains("template error");
    }
}
