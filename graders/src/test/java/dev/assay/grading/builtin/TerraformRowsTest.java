package dev.assay.grading.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.CheckResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a row of resources or forbidden judges a resource: nested blocks, lists, dynamic blocks, absence. */
class TerraformRowsTest {
    @TempDir
    Path dir;

    private static final Map<String, Object> NO_WORLD_SSH = Map.of(
            "forbidden",
            List.of(Map.of(
                    "type",
                    "aws_security_group",
                    "attributes",
                    Map.of("ingress.from_port", "22", "ingress.cidr_blocks", "0\\.0\\.0\\.0/0"),
                    "reason",
                    "SSH open to the world")));

    private CheckResult grade(Map<String, Object> rules, String... files) {
        return new TerraformModules(dir).grade(rules, files);
    }

    @Nested
    @DisplayName("when a resource has several nested blocks of a type")
    class NestedBlocks {
        @Test
        @DisplayName("each block is judged on its own: 443 to the world and 22 inside is not SSH to the world")
        void eachBlockOnItsOwn() {
            Map<String, Object> rules = Map.of(
                    "forbidden",
                    List.of(Map.of(
                            "type",
                            "aws_security_group",
                            "attributes",
                            Map.of("ingress.from_port", "22", "ingress.cidr_blocks", ".*0\\.0\\.0\\.0/0.*"))));
            CheckResult result = grade(rules, "main.tf", """
                    resource "aws_security_group" "web" {
                      ingress {
                        from_port   = 443
                        to_port     = 443
                        protocol    = "tcp"
                        cidr_blocks = ["0.0.0.0/0"]
                      }
                      ingress {
                        from_port   = 22
                        to_port     = 22
                        protocol    = "tcp"
                        cidr_blocks = ["10.0.0.0/8"]
                      }
                    }
                    """);
            assertThat(result.verdict().status()).as(result.message()).isEqualTo("pass");
        }

        @Test
        @DisplayName("a list attribute matches when one of its elements matches")
        void listElements() {
            CheckResult result = grade(NO_WORLD_SSH, "main.tf", """
                    resource "aws_security_group" "web" {
                      ingress {
                        from_port   = 22
                        to_port     = 22
                        protocol    = "tcp"
                        cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"]
                      }
                    }
                    """);
            assertThat(result.verdict().status()).isEqualTo("fail");
            assertThat(result.message()).contains("SSH open to the world: aws_security_group.web (main.tf:1)");

            CheckResult methods = grade(
                    Map.of(
                            "resources",
                            List.of(Map.of(
                                    "type",
                                    "aws_cloudfront_distribution",
                                    "attributes",
                                    Map.of("default_cache_behavior.allowed_methods", "GET")))),
                    "main.tf",
                    """
                    resource "aws_cloudfront_distribution" "cdn" {
                      default_cache_behavior {
                        allowed_methods = ["GET", "HEAD"]
                      }
                    }
                    """);
            assertThat(methods.verdict().status()).as(methods.message()).isEqualTo("pass");
        }
    }

    @Nested
    @DisplayName("when nested blocks come from a dynamic block")
    class DynamicBlocks {
        @Test
        @DisplayName("a literal for_each or one read from variables expands like Terraform")
        void expanded() {
            CheckResult result = grade(NO_WORLD_SSH, "main.tf", """
                    variable "ports" {
                      type    = list(number)
                      default = [443, 22]
                    }
                    resource "aws_security_group" "web" {
                      dynamic "ingress" {
                        for_each = var.ports
                        iterator = port
                        content {
                          from_port   = port.value
                          to_port     = port.value
                          protocol    = "tcp"
                          cidr_blocks = ["0.0.0.0/0"]
                        }
                      }
                    }
                    """);
            assertThat(result.verdict().status()).isEqualTo("fail");
            assertThat(result.message()).contains("SSH open to the world: aws_security_group.web");
        }

        @Test
        @DisplayName("a for_each that cannot be read is said so and never passes the rule")
        void unresolved() {
            CheckResult result = grade(NO_WORLD_SSH, "main.tf", """
                    variable "ports" {
                      type = list(number)
                    }
                    resource "aws_security_group" "web" {
                      dynamic "ingress" {
                        for_each = var.ports
                        content {
                          from_port   = ingress.value
                          to_port     = ingress.value
                          protocol    = "tcp"
                          cidr_blocks = ["0.0.0.0/0"]
                        }
                      }
                    }
                    """);
            assertThat(result.verdict().status()).isEqualTo("fail");
            assertThat(result.message()).contains("cannot tell", "var.ports has no value");
        }
    }

    @Nested
    @DisplayName("when a row needs an attribute absent, or a value the grader cannot read")
    class AbsentAndUnknown {
        @Test
        @DisplayName("absent holds only when the attribute is not set (or null)")
        void absent() {
            Map<String, Object> rules =
                    Map.of("resources", List.of(Map.of("type", "aws_db_instance", "absent", List.of("password"))));
            CheckResult set = grade(rules, "main.tf", """
                    resource "aws_db_instance" "db" {
                      password = var.password
                    }
                    variable "password" {
                      type = string
                    }
                    """);
            assertThat(set.verdict().status()).isEqualTo("fail");
            assertThat(set.message()).contains("password is set");

            CheckResult unset = grade(rules, "main.tf", """
                    resource "aws_db_instance" "db" {
                      manage_master_user_password = true
                    }
                    """);
            assertThat(unset.verdict().status()).as(unset.message()).isEqualTo("pass");
        }

        @Test
        @DisplayName("a value read from a variable's default counts; a value that cannot be read never passes")
        void variables() {
            Map<String, Object> rules = Map.of(
                    "resources",
                    List.of(Map.of(
                            "type",
                            "aws_s3_bucket_versioning",
                            "attributes",
                            Map.of("versioning_configuration.status", "Enabled"))),
                    "forbidden",
                    List.of(Map.of("type", "aws_s3_bucket_acl", "attributes", Map.of("acl", "public-.*"))));
            String module = """
                    resource "aws_s3_bucket_versioning" "v" {
                      versioning_configuration {
                        status = var.status
                      }
                    }
                    resource "aws_s3_bucket_acl" "a" {
                      acl = var.acl
                    }
                    variable "acl" {
                      type = string
                    }
                    """;
            CheckResult known = grade(
                    rules, "main.tf", module, "variables.tf", "variable \"status\" {\n  default = \"Enabled\"\n}\n");
            assertThat(known.message()).doesNotContain("aws_s3_bucket_versioning");
            assertThat(known.message()).contains("cannot tell", "var.acl has no value");
            assertThat(known.verdict().credit()).contains(0.5);
        }
    }

    @Nested
    @DisplayName("when every instance must be as required, or the check gives no partial credit")
    class EveryAndAllOrNothing {
        private static final String TWO_DATABASES = """
                resource "aws_db_instance" "public" {
                  publicly_accessible = true
                }
                resource "aws_db_instance" "private" {
                  publicly_accessible = false
                }
                """;

        @Test
        @DisplayName("every: true fails on one instance that is not as required, and on none at all")
        void every() {
            Map<String, Object> rules = Map.of(
                    "resources",
                    List.of(Map.of(
                            "type",
                            "aws_db_instance",
                            "every",
                            true,
                            "attributes",
                            Map.of("publicly_accessible", "false"),
                            "defaults",
                            Map.of("publicly_accessible", "false"))));
            CheckResult one = grade(rules, "main.tf", TWO_DATABASES);
            assertThat(one.verdict().status()).isEqualTo("fail");
            assertThat(one.message()).contains("aws_db_instance.public: publicly_accessible is true");
            assertThat(grade(rules, "main.tf", "locals {}\n").message())
                    .contains("no aws_db_instance resource is declared");
            assertThat(grade(rules, "main.tf", TWO_DATABASES.replace("= true", "= false"))
                            .verdict()
                            .status())
                    .isEqualTo("pass");
        }

        @Test
        @DisplayName("partialCredit: false fails the check when one of its rules is broken")
        void allOrNothing() {
            Map<String, Object> rules = Map.of(
                    "partialCredit",
                    false,
                    "resources",
                    List.of(Map.of("type", "aws_db_instance"), Map.of("type", "aws_kms_key")));
            CheckResult result = grade(rules, "main.tf", TWO_DATABASES);
            assertThat(result.verdict().status()).isEqualTo("fail");
            assertThat(result.verdict().credit()).contains(0.0);
            assertThat(result.message()).contains("no aws_kms_key resource is declared");
        }
    }
}
