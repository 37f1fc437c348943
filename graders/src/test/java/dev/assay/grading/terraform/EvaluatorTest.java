package dev.assay.grading.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.hcl.Hcl;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Values as Terraform would plan them from the module's own files, and unknown with why when they are not. */
class EvaluatorTest {
    private static final String MODULE = """
            variable "env" {
              default = "prod"
            }
            variable "ports" {
              type    = list(number)
              default = [22, 443]
            }
            variable "size" {
              type    = number
            }
            variable "cidrs" {
              type = list(string)
            }
            locals {
              name     = "${var.env}-shop"
              tags     = merge({ Project = "shop" }, var.extra, { Env = var.env })
              public   = var.env == "prod" ? false : true
              doubled  = [for p in var.ports : p * 2 if p > 100]
              by_port  = { for p in var.ports : tostring(p) => p }
              joined   = join(",", [for c in ["a", "b"] : upper(c)])
              chain    = local.name
              loop     = local.loop
              unknown  = aws_s3_bucket.site.arn
              sized    = var.size + 1
              listed   = "%{ for p in var.ports }${p};%{ endfor }"
              splat    = [{ id = 1 }, { id = 2 }][*].id
              coalesce = coalesce("", null, "x")
              formatted = format("%s-%d", "a", 7)
            }
            variable "extra" {
              type = map(string)
            }
            """;

    private static Value local(String name) {
        Module module = ModuleLoader.load(Map.of("main.tf", MODULE.getBytes(StandardCharsets.UTF_8)), false);
        return Evaluator.eval(
                java.util.Objects.requireNonNull(module.locals().get(name)).value(), module.scope());
    }

    @Test
    @DisplayName("templates, conditionals, for expressions and functions evaluate from defaults")
    void known() {
        assertThat(local("name")).isEqualTo(new Value.Str("prod-shop"));
        assertThat(local("chain")).isEqualTo(new Value.Str("prod-shop"));
        assertThat(local("public")).isEqualTo(new Value.Bool(false));
        assertThat(local("doubled")).isEqualTo(Value.list(List.of(new Value.Num(new BigDecimal("886")))));
        assertThat(((Value.Obj) local("by_port")).entries()).containsOnlyKeys("22", "443");
        assertThat(local("joined")).isEqualTo(new Value.Str("A,B"));
        assertThat(local("listed")).isEqualTo(new Value.Str("22;443;"));
        assertThat(local("splat").show()).isEqualTo("[1, 2]");
        assertThat(local("coalesce")).isEqualTo(new Value.Str("x"));
        assertThat(local("formatted")).isEqualTo(new Value.Str("a-7"));
    }

    @Test
    @DisplayName("what the files do not decide is unknown, with why; merge keeps the keys it knows")
    void unknown() {
        assertThat(local("sized"))
                .isEqualTo(new Value.Unknown("var.size has no value (no default, no .tfvars file sets it)"));
        assertThat(local("unknown")).isEqualTo(new Value.Unknown("aws_s3_bucket.site.arn is known only after apply"));
        assertThat(local("loop")).isEqualTo(new Value.Unknown("local.loop refers to itself"));
        Value.Obj tags = (Value.Obj) local("tags");
        assertThat(tags.open()).isTrue();
        assertThat(tags.entries()).containsOnlyKeys("Project", "Env");
    }

    @Test
    @DisplayName("a module asking for endless work gets unknown, not a hang")
    void budget() {
        String greedy = "locals {\n  l = [for a in range(1) : a]\n  n = [" + "1,".repeat(3000) + "1]\n"
                + "  big = [for a in local.n : [for b in local.n : a + b]]\n}\n";
        Module module = ModuleLoader.load(Map.of("main.tf", greedy.getBytes(StandardCharsets.UTF_8)), false);
        Value big = Evaluator.eval(
                java.util.Objects.requireNonNull(module.locals().get("big")).value(), module.scope());
        assertThat(big.show()).contains("more evaluation than this grader does");
        assertThat(Hcl.parse("a = 1", "x.tf").attributes()).hasSize(1);
    }
}
