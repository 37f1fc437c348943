package dev.assay.service.catalog;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Turns a lab's candidate instructions (Markdown with Mustache variables) into HTML. Markdown is rendered
 * first, with raw HTML escaped and unsafe link schemes removed; the variables are filled in afterwards with
 * HTML escaping, so a candidate's name can inject neither HTML nor Markdown. Code blocks get a copy button
 * ({@code button.copy}, wired by the page's script). Triple braces, {@code {{&}}} and partials are refused.
 */
public final class InstructionsRenderer {
    private static final Pattern UNSAFE = Pattern.compile("\\{\\{\\{|\\{\\{\\s*&|\\{\\{\\s*>|\\{\\{\\s*=");

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .nodeRendererFactory(CopyableCode::new)
            .build();

    /** What the instructions may refer to; the Mustache names are in {@link #scope()}. */
    public record Variables(
            String candidateFirstName,
            Duration timeLimit,
            Map<String, String> hosts,
            String kubeconfig,
            Map<String, String> parameters) {
        /** Variables of a lab without parameters. */
        public Variables(String candidateFirstName, Duration timeLimit, Map<String, String> hosts, String kubeconfig) {
            this(candidateFirstName, timeLimit, hosts, kubeconfig, Map.of());
        }

        public static Variables sample(Duration timeLimit, Map<String, String> parameters) {
            return new Variables("Alex", timeLimit, Map.of("lab", "lab"), "/root/.kube/config", parameters);
        }

        /**
         * {@code candidate.firstName}, {@code timeLimit} ("20 minutes"), {@code hosts.<name>}, {@code kubeconfig},
         * and each of the session's lab parameters by its name.
         */
        Map<String, Object> scope() {
            long minutes = timeLimit.toMinutes();
            Map<String, Object> scope = new java.util.HashMap<>(parameters);
            scope.putAll(Map.of(
                    "candidate",
                    Map.of("firstName", candidateFirstName),
                    "timeLimit",
                    minutes + (minutes == 1 ? " minute" : " minutes"),
                    "hosts",
                    hosts,
                    "kubeconfig",
                    kubeconfig));
            return scope;
        }
    }

    public String render(Path markdown, Variables variables) throws IOException {
        if (!Files.isRegularFile(markdown) || Files.size(markdown) > SafeYaml.MAX_BYTES) {
            throw new IllegalArgumentException(
                    markdown + ": must be a regular file of at most " + SafeYaml.MAX_BYTES + " bytes");
        }
        String source = Files.readString(markdown, StandardCharsets.UTF_8);
        Optional<String> problem = problem(source);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(markdown + ": " + problem.get());
        }
        Node document = parser.parse(source);
        // The page's own title is its one h1: the instructions' headings sit one level under it.
        document.accept(new org.commonmark.node.AbstractVisitor() {
            @Override
            public void visit(org.commonmark.node.Heading heading) {
                heading.setLevel(Math.min(6, heading.getLevel() + 1));
                visitChildren(heading);
            }
        });
        String html = renderer.render(document);
        // Markdown escapes (\{, &#123;) can turn into braces: check again what Mustache will actually see.
        problem = problem(html);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(markdown + ": " + problem.get() + " (after Markdown escapes)");
        }
        Mustache template = new DefaultMustacheFactory().compile(new StringReader(html), markdown.toString());
        StringWriter out = new StringWriter();
        template.execute(out, variables.scope());
        return out.toString();
    }

    /** What is wrong with these instructions of a lab without parameters, if anything. */
    public Optional<String> check(Path markdown, Duration timeLimit) {
        return check(markdown, timeLimit, Map.of());
    }

    /** What is wrong with these instructions, if anything (checked when the catalog loads, with the defaults). */
    public Optional<String> check(Path markdown, Duration timeLimit, Map<String, String> parameters) {
        try {
            render(markdown, Variables.sample(timeLimit, parameters));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.ofNullable(e.getMessage()).map(m -> m.substring(m.indexOf(": ") + 2));
        } catch (MustacheException | StackOverflowError e) {
            return Optional.of("template error: "
                    + (e instanceof StackOverflowError ? "sections nested too deeply" : e.getMessage()));
        } catch (IOException | UncheckedIOException e) {
            return Optional.of("cannot read: " + e.getMessage());
        }
    }

    private static Optional<String> problem(String source) {
        return UNSAFE.matcher(source).find()
                ? Optional.of(
                        "uses {{{...}}}, {{&...}}, {{>...}} or {{=...}}; only escaped {{variables}} and sections are allowed")
                : Optional.empty();
    }

    /** Code blocks as {@code <div class="code"><button class="copy">Copy</button><pre><code>...}. */
    private static final class CopyableCode implements NodeRenderer {
        private final HtmlWriter html;

        CopyableCode(HtmlNodeRendererContext context) {
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(FencedCodeBlock.class, IndentedCodeBlock.class);
        }

        @Override
        public void render(Node node) {
            String literal;
            String language = "";
            if (node instanceof FencedCodeBlock fenced) {
                literal = fenced.getLiteral();
                String info = fenced.getInfo() == null ? "" : fenced.getInfo().trim();
                language = info.isEmpty() ? "" : info.split("\\s+")[0];
            } else {
                literal = ((IndentedCodeBlock) node).getLiteral();
            }
            html.line();
            html.tag("div", Map.of("class", "code"));
            html.tag("button", Map.of("type", "button", "class", "copy", "aria-label", "Copy to clipboard"));
            html.text("Copy");
            html.tag("/button");
            html.tag("pre");
            html.tag("code", language.isEmpty() ? Map.of() : Map.of("class", "language-" + language));
            html.text(literal);
            html.tag("/code");
            html.tag("/pre");
            html.tag("/div");
            html.line();
        }
    }

    static List<String> variableNames() {
        return List.of("candidate.firstName", "timeLimit", "hosts.<name>", "kubeconfig");
    }
}
