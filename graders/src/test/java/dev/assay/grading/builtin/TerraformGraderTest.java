package dev.assay.grading.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.CheckResult;
import dev.assay.grading.FixtureLab;
import dev.assay.grading.GraderContract;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The S3 + CloudFront module of the iac lab: the reference, near misses, and correct alternatives. */
class TerraformGraderTest {
    private static final Map<String, Object> RULES = Map.of(
            "path", "/root/infra",
            "resources",
                    List.of(
                            Map.of("type", "aws_s3_bucket"),
                            Map.of(
                                    "type", "aws_s3_bucket_versioning",
                                    "references", "aws_s3_bucket",
                                    "attributes", Map.of("versioning_configuration.status", "Enabled")),
                            Map.of(
                                    "type", "aws_s3_bucket_server_side_encryption_configuration",
                                    "references", "aws_s3_bucket",
                                    "attributes",
                                            Map.of(
                                                    "rule.apply_server_side_encryption_by_default.sse_algorithm",
                                                    "aws:kms|AES256")),
                            Map.of(
                                    "type", "aws_s3_bucket_public_access_block",
                                    "references", "aws_s3_bucket",
                                    "attributes",
                                            Map.of(
                                                    "block_public_acls", "true",
                                                    "block_public_policy", "true",
                                                    "ignore_public_acls", "true",
                                                    "restrict_public_buckets", "true")),
                            Map.of("type", "aws_s3_bucket_logging", "references", "aws_s3_bucket"),
                            Map.of(
                                    "type", "aws_cloudfront_distribution",
                                    "references", "aws_cloudfront_origin_access_control",
                                    "attributes",
                                            Map.of(
                                                    "default_cache_behavior.viewer_protocol_policy",
                                                    "redirect-to-https|https-only"))),
            "forbidden",
                    List.of(Map.of(
                            "type",
                            "aws_s3_bucket_acl",
                            "attributes",
                            Map.of("acl", "public-.*"),
                            "reason",
                            "a public ACL")),
            "typedVariables", true,
            "noHardcodedSecrets", true,
            "tags", List.of("Project", "Environment"),
            "taggable", List.of("aws_s3_bucket", "aws_cloudfront_distribution"));

    private final TerraformGrader grader = new TerraformGrader();

    @TempDir
    Path module;

    /** The reference module, with each pair of texts replaced (each must be found). */
    private FixtureLab lab(String... replacements) throws IOException {
        for (String name : List.of("main.tf", "variables.tf")) {
            String text = resource(name);
            for (int i = 0; i < replacements.length; i += 2) {
                if (text.contains(replacements[i])) {
                    text = text.replace(replacements[i], replacements[i + 1]);
                    replacements[i] = "\0done";
                }
            }
            Files.writeString(module.resolve(name), text);
        }
        for (int i = 0; i < replacements.length; i += 2) {
            assertThat(replacements[i])
                    .as("the fixture holds the text to replace")
                    .isEqualTo("\0done");
        }
        Files.createDirectories(module.resolve(".terraform"));
        Files.writeString(module.resolve(".terraform/ignored.tf"), "not = [valid");
        Files.writeString(module.resolve("README.md"), "not HCL at all {");
        return new FixtureLab().tree("/root/infra", module);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in =
                Objects.requireNonNull(TerraformGraderTest.class.getResourceAsStream("/terraform/site/" + name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void keepsTheContract() {
        GraderContract.verify(grader, RULES);
    }

    @Test
    void theReferenceModuleHoldsEveryRule() throws IOException {
        CheckResult result = grader.grade(lab(), RULES);
        assertThat(result.verdict().status()).as(result.message()).isEqualTo("pass");
        assertThat(result.message()).isEqualTo("all 10 rules hold");
        assertThat(result.observations().toString())
                .contains("main.tf, variables.tf")
                .doesNotContain("ignored.tf");
        assertThat(result.evidence())
                .singleElement()
                .satisfies(e -> assertThat(e.ref()).isEqualTo("/root/infra"));
    }

    @Test
    void nearMissesLoseExactlyTheirRules() throws IOException {
        CheckResult result = grader.grade(
                lab(
                        "status = \"Enabled\"",
                        "status = \"Suspended\"",
                        "ignore_public_acls      = true",
                        "ignore_public_acls      = false"),
                RULES);
        assertThat(result.verdict().status()).isEqualTo("partial");
        assertThat(result.verdict().credit()).contains(8 / 10.0);
        assertThat(result.message())
                .contains("versioning_configuration.status is Suspended", "ignore_public_acls is false");

        CheckResult noOac =
                grader.grade(lab("origin_access_control_id = aws_cloudfront_origin_access_control.site.id", ""), RULES);
        assertThat(noOac.message())
                .contains(
                        "aws_cloudfront_distribution.site: it does not refer to any aws_cloudfront_origin_access_control");
    }

    @Test
    void correctAlternativesPass() throws IOException {
        CheckResult alternative = grader.grade(
                lab(
                        "sse_algorithm     = \"aws:kms\"",
                        "sse_algorithm     = \"AES256\"",
                        "default_tags {\n    tags = local.tags\n  }",
                        "",
                        "bucket = \"${var.name}-${var.environment}-site\"",
                        "bucket = \"${var.name}-${var.environment}-site\"\n  tags   = merge(local.tags, { Name = var.name })",
                        "enabled             = true",
                        "enabled             = true\n  tags = { Project = \"shop\", Environment = var.environment }",
                        "viewer_protocol_policy = \"redirect-to-https\"",
                        "viewer_protocol_policy = \"https-only\""),
                RULES);
        assertThat(alternative.verdict().status()).as(alternative.message()).isEqualTo("pass");

        CheckResult untagged = grader.grade(lab("default_tags {\n    tags = local.tags\n  }", ""), RULES);
        assertThat(untagged.message())
                .contains("aws_s3_bucket.site lacks Project, Environment", "aws_cloudfront_distribution.site lacks");
    }

    @Test
    void hardCodedSecretsAreFoundWithoutQuotingThem() throws IOException {
        CheckResult result = grader.grade(
                lab(
                        "region = var.region",
                        "region     = var.region\n  access_key = \"AKIAIOSFODNN7EXAMPLE\"\n  secret_key = var.secret",
                        "variable \"environment\" {",
                        "variable \"db_password\" {\n  type    = string\n  default = \"hunter2-prod\"\n}\n\n"
                                + "variable \"secret\" {\n  type = string\n}\n\nvariable \"environment\" {"),
                RULES);
        assertThat(result.verdict().status()).isEqualTo("partial");
        assertThat(result.message())
                .contains("main.tf:13 access_key", "variables.tf:") // where, never what
                .doesNotContain("AKIAIOSFODNN7EXAMPLE")
                .doesNotContain("hunter2")
                .doesNotContain("secret_key");
    }

    @Test
    void untypedVariablesAndForbiddenSettingsAreNamed() throws IOException {
        CheckResult result = grader.grade(
                lab(
                        "variable \"log_bucket\" {\n  type = string\n}",
                        "variable \"log_bucket\" {}",
                        "resource \"aws_s3_bucket_logging\"",
                        "resource \"aws_s3_bucket_acl\" \"site\" {\n  bucket = aws_s3_bucket.site.id\n"
                                + "  acl    = \"public-read\"\n}\n\nresource \"aws_s3_bucket_logging\""),
                RULES);
        assertThat(result.message())
                .contains("variables without a type: log_bucket", "a public ACL: aws_s3_bucket_acl.site (main.tf:");
        assertThat(result.verdict().credit()).contains(8 / 10.0);
    }

    @Test
    void aSyntaxErrorFailsWithFileLineAndColumn() throws IOException {
        CheckResult result = grader.grade(lab("block_public_acls       = true", "block_public_acls       = "), RULES);
        assertThat(result.verdict().status()).isEqualTo("fail");
        assertThat(result.message()).contains("the module does not parse: main.tf:49:29: expected a value");
    }

    @Test
    void oneFileNoFilesARefusedTreeOrNothingAtAll() throws IOException {
        lab();
        Map<String, Object> oneFile = new HashMap<>(RULES);
        oneFile.put("path", "/root/infra/main.tf");
        FixtureLab single = new FixtureLab().file("/root/infra/main.tf", Files.readString(module.resolve("main.tf")));
        CheckResult alone = grader.grade(single, oneFile);
        assertThat(alone.verdict().status()).as(alone.message()).isEqualTo("pass");
        assertThat(alone.observations().toString()).contains("what=files, value=read: main.tf");

        Path empty = module.resolve("empty");
        Files.createDirectories(empty);
        assertThat(grader.grade(new FixtureLab().tree("/root/infra", empty), RULES)
                        .message())
                .contains("there are no .tf files in /root/infra");
        assertThat(grader.grade(new FixtureLab().refusedTree("/root/infra", "its files add up to more"), RULES)
                        .message())
                .contains("was not read: its files add up to more");
        assertThat(grader.grade(new FixtureLab(), RULES).message()).contains("there is no directory /root/infra");
    }

    @Test
    void parametersAreCheckedWhenTheCatalogLoads() {
        assertThat(grader.parameters().check(Map.of("path", "/root/infra"))).isNotEmpty();
        assertThat(grader.parameters().check(Map.of("path", "infra", "typedVariables", true)))
                .extracting(p -> p.parameter())
                .containsExactly("path");
        assertThat(grader.parameters().check(Map.of("path", "/i", "tags", List.of("Project"))))
                .extracting(p -> p.parameter())
                .containsExactly("taggable");
        assertThat(grader.parameters()
                        .check(Map.of("path", "/i", "resources", List.of(Map.of("attributes", Map.of("a", "b"))))))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("needs a type"));
        assertThat(grader.parameters()
                        .check(Map.of(
                                "path",
                                "/i",
                                "resources",
                                List.of(Map.of("type", "t", "attributes", Map.of("a", "("))))))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("not a regular expression"));
    }

    @Test
    void mangledModulesFailOrPassButNeverThrow() throws IOException {
        String main = resource("main.tf");
        java.util.Random random = new java.util.Random(7);
        String alphabet = "{}[]()\"=,.:?<>-$%#/*~\n \\aZ0";
        for (int i = 0; i < 100; i++) {
            StringBuilder mangled = new StringBuilder(main);
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                int at = random.nextInt(mangled.length());
                if (random.nextBoolean()) {
                    mangled.deleteCharAt(at);
                } else {
                    mangled.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            Files.writeString(module.resolve("main.tf"), mangled.toString());
            Files.writeString(module.resolve("variables.tf"), resource("variables.tf"));
            CheckResult result = grader.grade(new FixtureLab().tree("/root/infra", module), RULES);
            assertThat(result.verdict().status()).isIn("pass", "partial", "fail");
        }
    }
}
