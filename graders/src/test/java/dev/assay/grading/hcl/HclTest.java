package dev.assay.grading.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.grading.hcl.Hcl.Block;
import dev.assay.grading.hcl.Hcl.Body;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HclTest {

    @Test
    void blocksLabelsAndLiteralAttributes() {
        Body body = Hcl.parse("""
                resource "aws_s3_bucket" "site" {
                  bucket        = "shop-site" # a comment
                  force_destroy = false
                  count         = 2
                  ratio         = -0.5
                  nothing       = null
                }
                """, "main.tf");
        Block bucket = body.blocks().get(0);
        assertThat(bucket.type()).isEqualTo("resource");
        assertThat(bucket.labels()).containsExactly("aws_s3_bucket", "site");
        assertThat(bucket.line()).isEqualTo(1);
        assertThat(bucket.body().attribute("bucket").orElseThrow().value())
                .isInstanceOfSatisfying(
                        Expression.Template.class, t -> assertThat(t.literal()).contains("shop-site"));
        assertThat(bucket.body()
                        .attribute("force_destroy")
                        .orElseThrow()
                        .value()
                        .text())
                .isEqualTo("false");
        assertThat(((Expression.Literal)
                                bucket.body().attribute("count").orElseThrow().value())
                        .value())
                .isEqualTo(new BigDecimal("2"));
        assertThat(bucket.body().attribute("ratio").orElseThrow().value())
                .isInstanceOfSatisfying(
                        Expression.Operation.class,
                        o -> assertThat(o.operator()).isEqualTo("neg"));
        assertThat(bucket.body().attribute("nothing").orElseThrow().value().text())
                .isEqualTo("null");
        assertThat(bucket.body().attribute("nothing").orElseThrow().line()).isEqualTo(6);
    }

    @Test
    void templatesReferencesCollectionsAndOtherExpressions() {
        Body body = Hcl.parse("""
                locals {
                  name    = "${var.app}-${lookup(var.m, "k", "}")}"
                  escaped = "$${not} \\"quoted\\" \\u00e9"
                  ref     = aws_s3_bucket.site.id
                  indexed = var.subnets[0].id
                  list    = ["a", "b",
                             "c"]
                  tags    = { Project = "shop", "Cost Center": "42"
                              Owner = var.owner }
                  merged  = merge(local.tags, { Name = "x" })
                  cond    = var.on ? 1 : 0
                  each    = [for s in var.list : upper(s)]
                  policy  = <<-EOT
                    {"Version": "2012-10-17"}
                  EOT
                }
                """, "locals.tf");
        Body locals = body.blocks().get(0).body();
        assertThat(locals.attribute("name").orElseThrow().value())
                .isInstanceOfSatisfying(
                        Expression.Template.class,
                        t -> assertThat(t.parts()).hasSize(3).element(2).isInstanceOf(Expression.Call.class));
        assertThat(locals.attribute("escaped").orElseThrow().value().text()).isEqualTo("${not} \"quoted\" é");
        assertThat(locals.attribute("ref").orElseThrow().value())
                .isInstanceOfSatisfying(
                        Expression.Reference.class,
                        r -> assertThat(r.steps())
                                .containsExactly(new Expression.Attr("site"), new Expression.Attr("id")));
        assertThat(locals.attribute("indexed").orElseThrow().value())
                .isInstanceOfSatisfying(
                        Expression.Reference.class,
                        r -> assertThat(r.steps())
                                .containsExactly(
                                        new Expression.Attr("subnets"),
                                        new Expression.Key(BigDecimal.ZERO),
                                        new Expression.Attr("id")));
        assertThat(locals.attribute("list").orElseThrow().value())
                .isInstanceOfSatisfying(
                        Expression.Tuple.class,
                        t -> assertThat(t.items()).extracting(Expression::text).containsExactly("a", "b", "c"));
        assertThat(locals.attribute("tags").orElseThrow().value())
                .isInstanceOfSatisfying(
                        Expression.ObjectValue.class,
                        o -> assertThat(o.keys()).containsExactly("Project", "Cost Center", "Owner"));
        assertThat(locals.attribute("merged").orElseThrow().value())
                .isInstanceOfSatisfying(
                        Expression.Call.class,
                        c -> assertThat(c.arguments())
                                .hasSize(2)
                                .element(1)
                                .isInstanceOf(Expression.ObjectValue.class));
        assertThat(locals.attribute("cond").orElseThrow().value()).isInstanceOf(Expression.Conditional.class);
        assertThat(locals.attribute("each").orElseThrow().value()).isInstanceOf(Expression.For.class);
        assertThat(locals.attribute("policy").orElseThrow().value().text())
                .isEqualTo("{\"Version\": \"2012-10-17\"}\n");
        assertThat(locals.attributes()).hasSize(10);
    }

    @Test
    void nestedAndOneLineBlocksAndBlockComments() {
        Body body = Hcl.parse("""
                /* a module
                   of two blocks */
                resource "aws_cloudfront_distribution" "cdn" {
                  restrictions {
                    geo_restriction { restriction_type = "none" }
                  }
                  origin { domain_name = "a" }
                  origin {
                    domain_name = "b"
                  }
                }
                terraform {}
                """, "cdn.tf");
        Block cdn = body.blocks().get(0);
        assertThat(cdn.line()).isEqualTo(3);
        assertThat(cdn.body().blocks("origin")).hasSize(2);
        assertThat(cdn.body()
                        .blocks("restrictions")
                        .get(0)
                        .body()
                        .blocks("geo_restriction")
                        .get(0)
                        .body()
                        .attribute("restriction_type")
                        .orElseThrow()
                        .value()
                        .text())
                .isEqualTo("none");
        assertThat(body.blocks().get(1).type()).isEqualTo("terraform");
    }

    @Test
    void mangledInputEitherParsesOrSaysWhereNeverAnythingElse() throws Exception {
        String module;
        try (var in = HclTest.class.getResourceAsStream("/terraform/site/main.tf")) {
            module = new String(java.util.Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
        }
        java.util.Random random = new java.util.Random(42);
        String alphabet = "{}[]()\"=,.:?<>-$%#/*\n \\aZ0";
        int failures = 0;
        for (int i = 0; i < 3000; i++) {
            StringBuilder mangled = new StringBuilder(module);
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                int at = random.nextInt(mangled.length());
                if (random.nextBoolean()) {
                    mangled.deleteCharAt(at);
                } else {
                    mangled.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            try {
                Hcl.parse(mangled.toString(), "main.tf");
            } catch (HclException expected) {
                assertThat(expected.getMessage()).matches("main\\.tf:\\d+:\\d+: .+");
                failures++;
            }
        }
        assertThat(failures).as("most edits break the syntax").isGreaterThan(1000);
        assertThatThrownBy(() -> Hcl.parse("a = " + "[".repeat(10_000), "deep.tf"))
                .hasMessageContaining("nest more than 100 deep");
        assertThatThrownBy(() -> Hcl.parse("a {\n".repeat(10_000), "deep.tf"))
                .hasMessageContaining("nest more than 100 deep");
    }

    @Test
    void errorsSayWhereAndWhat() {
        assertThatThrownBy(() -> Hcl.parse("resource \"a\" \"b\" {\n  bucket = \n}\n", "main.tf"))
                .isInstanceOf(HclException.class)
                .hasMessage("main.tf:2:12: expected a value, found the end of the line");
        assertThatThrownBy(() -> Hcl.parse("resource \"a\" \"b\" {\n  x = 1\n", "main.tf"))
                .hasMessageStartingWith("main.tf:3:1: the block opened on line 1 is not closed with }");
        assertThatThrownBy(() -> Hcl.parse("a = \"open\n", "x.tf"))
                .hasMessageContaining("x.tf:1:10: a quoted string cannot span lines");
        assertThatThrownBy(() -> Hcl.parse("resource \"a\" {\n  tags = [1, 2\n}\n", "x.tf"))
                .hasMessage("x.tf:3:1: expected ',' between the items of the list opened on line 2, found '}'");
        assertThatThrownBy(() -> Hcl.parse("bucket \"x\" = 1\n", "x.tf"))
                .hasMessageContaining("x.tf:1:12: expected '{' to open the block bucket");
        assertThatThrownBy(() -> Hcl.parse("a = 1 b = 2\n", "x.tf")).hasMessageContaining("x.tf:1:7");
        assertThatThrownBy(() -> Hcl.parse("}\n", "x.tf")).hasMessageContaining("closes no block");
        assertThatThrownBy(() -> Hcl.parse("a = 1 @\n", "x.tf")).hasMessageContaining("U+0040 is not used in HCL");
        assertThatThrownBy(() -> Hcl.parse("a = 'x'\n", "x.tf")).hasMessageContaining("x.tf:1:5: single quotes");
    }

    @Test
    void aForExpressionOverSeveralLinesIsNotATuple() {
        Body body = Hcl.parse("ports = [\n  for p in var.ports : p\n  if p != 22\n]\n", "main.tf");
        assertThat(body.attribute("ports").orElseThrow().value()).isInstanceOf(Expression.For.class);
    }

    @Test
    void aByteOrderMarkIsIgnored() {
        assertThat(Hcl.parse("\uFEFFa = 1\n", "bom.tf").attribute("a")).isPresent();
        assertThat(Hcl.parse(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', '=', '1'}, "bom.tf")
                        .attribute("a"))
                .isPresent();
    }

    @Test
    void aTraversalIsAnObjectKey() {
        assertThat(Hcl.parse("a = { var.key = 1 }\n", "key.tf")
                        .attribute("a")
                        .orElseThrow()
                        .value())
                .isInstanceOfSatisfying(
                        Expression.ObjectValue.class,
                        o -> assertThat(o.entries())
                                .singleElement()
                                .satisfies(e -> assertThat(e.key()).isInstanceOf(Expression.Reference.class)));
    }

    @Test
    void anArgumentSetTwiceIsRefused() {
        assertThatThrownBy(() -> Hcl.parse("resource \"a\" \"b\" {\n  x = 1\n  x = 2\n}\n", "main.tf"))
                .isInstanceOf(HclException.class)
                .hasMessageContaining("main.tf:3:3");
    }

    @Test
    void anUnquotedCidrIsRefused() {
        assertThatThrownBy(() -> Hcl.parse("cidr_blocks = [0.0.0.0/0]\n", "main.tf"))
                .isInstanceOf(HclException.class)
                .hasMessageContaining("main.tf:1:16");
    }
}
