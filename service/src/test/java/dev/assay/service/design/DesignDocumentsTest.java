package dev.assay.service.design;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Design previews: the grader's problems for a draft, a drawing for a valid design")
class DesignDocumentsTest {
    static final String VALID = """
            design: 1
            name: "<b>edge</b> & co"
            entry: [edge]
            slo: {availability: 99.9, rpo: 15m, rto: 1h}
            load: {requestsPerSecond: 100}
            components:
              - {name: edge, kind: load-balancer, instanceType: alb, replicas: 1, zones: [a, b], dependsOn: [app]}
              - {name: app, kind: forge, instanceType: m6g.large, replicas: 2, zones: [a, b], dependsOn: [db]}
            stores:
              - {name: db, engine: postgres, instanceType: db.r6g.large, replicas: 2, zones: [a, b],
                 replication: sync, backupInterval: 5m, storageGB: 100, storageType: rds-gp3}
            """;

    @Test
    @DisplayName("a valid design is drawn in layers from its entry, every name escaped")
    void drawsAValidDesign() {
        DesignDocuments.Preview preview = DesignDocuments.preview(VALID);
        assertThat(preview.problems()).isEmpty();
        assertThat(preview.svg())
                .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("data-name=\"edge\"", "data-name=\"app\"", "data-name=\"db\"")
                .doesNotContain("<b>")
                .contains("2 × m6g.large", "zones: a, b");
        assertThat(java.util.Objects.requireNonNull(preview.svg()).split("<line class=\"edge\"", -1))
                .hasSize(3); // edge->app, app->db
    }

    @Test
    @DisplayName("text is escaped for SVG: markup the candidate writes stays text")
    void escapes() {
        assertThat(DesignDiagram.escape("<script>alert('x')</script> & \"q\""))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
    }

    @Test
    @DisplayName("a malformed design gets problems with their line and no drawing")
    void problemsForAMalformedDesign() {
        DesignDocuments.Preview preview =
                DesignDocuments.preview("design: 1\ncomponents:\n  - {name: a, replicas: many}\n");
        assertThat(preview.problems()).isNotEmpty();
        assertThat(preview.problems()).allSatisfy(p -> assertThat(p.line()).isPositive());
        assertThat(preview.svg()).isNull();
        assertThat(DesignDocuments.preview("components: [").problems()).isNotEmpty();
    }

    @Test
    @DisplayName("an oversized design is refused before it is parsed")
    void oversized() {
        String big = "# " + "x".repeat(DesignDocuments.MAX_DESIGN_BYTES) + "\n";
        assertThat(DesignDocuments.preview(big).problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("more than"));
    }

    @Test
    @DisplayName("layers: entry first, a part one below its deepest caller, unreachable parts last")
    void layers() {
        var design = new dev.assay.grading.design.DesignValidator()
                .read(VALID.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .valid();
        assertThat(design).isPresent();
        var layers = DesignDiagram.layers(design.get(), design.get().nodes());
        assertThat(layers).containsEntry("edge", 0).containsEntry("db", 2);
    }
}
