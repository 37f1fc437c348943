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

/** The grader sees the module as Terraform would plan it: the files it reads, overrides, variable values, count. */
class TerraformViewTest {
    @TempDir
    Path dir;

    private static final Map<String, Object> PRIVATE_DB = Map.of(
            "resources",
            List.of(Map.of(
                    "type",
                    "aws_db_instance",
                    "attributes",
                    Map.of("publicly_accessible", "false", "storage_encrypted", "true"))));

    private static final String DB = """
            resource "aws_db_instance" "db" {
              publicly_accessible = false
              storage_encrypted   = true
            }
            """;

    private CheckResult grade(Map<String, Object> rules, String... files) {
        return new TerraformModules(dir).grade(rules, files);
    }

    @Nested
    @DisplayName("when the module has override files")
    class Overrides {
        @Test
        @DisplayName("an override file's arguments replace those of the block it overrides")
        void overrideWins() {
            CheckResult result = grade(
                    PRIVATE_DB,
                    "main.tf",
                    DB,
                    "db_override.tf",
                    "resource \"aws_db_instance\" \"db\" {\n  publicly_accessible = true\n}\n");
            assertThat(result.verdict().status()).isEqualTo("fail");
            assertThat(result.message()).contains("publicly_accessible is true");
        }

        @Test
        @DisplayName("an override of a block that does not exist makes the module one Terraform refuses")
        void overrideWithoutBase() {
            CheckResult result =
                    grade(PRIVATE_DB, "main.tf", DB, "override.tf", "resource \"aws_db_instance\" \"other\" {\n}\n");
            assertThat(result.verdict().status()).isEqualTo("fail");
            assertThat(result.message()).contains("Terraform would not load", "aws_db_instance.other");
        }
    }

    @Nested
    @DisplayName("when values come from variables")
    class Variables {
        @Test
        @DisplayName("terraform.tfvars beats a default, and *.auto.tfvars beat terraform.tfvars")
        void precedence() {
            String db = """
                    resource "aws_db_instance" "db" {
                      publicly_accessible = var.public
                      storage_encrypted   = var.encrypted
                    }
                    variable "public" {
                      default = true
                    }
                    variable "encrypted" {
                      type = bool
                    }
                    """;
            CheckResult result = grade(
                    PRIVATE_DB,
                    "main.tf",
                    db,
                    "terraform.tfvars",
                    "public = true\nencrypted = false\n",
                    "b.auto.tfvars",
                    "public = false\n",
                    "a.auto.tfvars.json",
                    "{\"encrypted\": true}");
            assertThat(result.verdict().status()).as(result.message()).isEqualTo("pass");
        }

        @Test
        @DisplayName("default_tags may come from a variable")
        void defaultTagsFromAVariable() {
            CheckResult result = grade(
                    Map.of("tags", List.of("Project", "Environment"), "taggable", List.of("aws_s3_bucket")),
                    "main.tf",
                    """
                    provider "aws" {
                      default_tags {
                        tags = var.tags
                      }
                    }
                    variable "tags" {
                      type    = map(string)
                      default = { Project = "shop", Environment = "prod" }
                    }
                    resource "aws_s3_bucket" "site" {
                      bucket = "site"
                    }
                    """);
            assertThat(result.verdict().status()).as(result.message()).isEqualTo("pass");
        }
    }

    @Nested
    @DisplayName("when a resource has count or for_each")
    class Count {
        @Test
        @DisplayName("count = 0 and for_each over nothing declare nothing")
        void nothing() {
            CheckResult result = grade(
                    Map.of(
                            "resources", PRIVATE_DB.get("resources"),
                            "forbidden", List.of(Map.of("type", "aws_security_group_rule"))),
                    "main.tf",
                    """
                    resource "aws_db_instance" "db" {
                      count               = 0
                      publicly_accessible = false
                      storage_encrypted   = true
                    }
                    resource "aws_security_group_rule" "ssh" {
                      for_each = toset([])
                      type     = "ingress"
                    }
                    """);
            assertThat(result.message())
                    .contains("no aws_db_instance resource is declared")
                    .doesNotContain("aws_security_group_rule");
        }
    }

    @Nested
    @DisplayName("when files are ones Terraform skips or cannot load")
    class Files {
        @Test
        @DisplayName("hidden and backup files are not read, as Terraform does not read them")
        void ignored() {
            CheckResult result = grade(PRIVATE_DB, ".db.tf", DB, "db.tf~", DB, "main.tf", "locals {}\n");
            assertThat(result.message()).contains("no aws_db_instance resource is declared");
        }

        @Test
        @DisplayName("a resource declared twice, or a reference to one never declared, is a module Terraform refuses")
        void refused() {
            CheckResult twice = grade(PRIVATE_DB, "main.tf", DB, "again.tf", DB);
            assertThat(twice.message()).contains("Terraform would not load", "aws_db_instance.db is declared twice");

            CheckResult undeclared = grade(
                    PRIVATE_DB,
                    "main.tf",
                    DB.replace(
                            "storage_encrypted   = true",
                            "storage_encrypted = true\n  kms_key_id = aws_kms_key.x.arn"));
            assertThat(undeclared.message()).contains("Terraform would not load", "aws_kms_key.x");
        }

        @Test
        @DisplayName("JSON configuration files are not read, and nothing passes beside them")
        void json() {
            CheckResult result = grade(PRIVATE_DB, "main.tf", DB, "extra.tf.json", "{\"resource\": {}}");
            assertThat(result.verdict().status()).isEqualTo("fail");
            assertThat(result.message()).contains("extra.tf.json");
        }
    }

    @Nested
    @DisplayName("when credentials come from variables, variable files or locals")
    class Secrets {
        @Test
        @DisplayName("a password set in terraform.tfvars, a sensitive default or a local is written into the code")
        void written() {
            Map<String, Object> rules = Map.of("noHardcodedSecrets", true);
            String db = """
                    resource "aws_db_instance" "db" {
                      password = var.db_password
                    }
                    variable "db_password" {
                      type      = string
                      sensitive = true
                    }
                    """;
            assertThat(grade(rules, "main.tf", db, "terraform.tfvars", "db_password = \"Orders2024!\"\n")
                            .message())
                    .contains("terraform.tfvars:1 db_password")
                    .doesNotContain("Orders2024");
            assertThat(grade(rules, "main.tf", db.replace("sensitive = true", "default = \"x-Secret-1\""))
                            .message())
                    .contains("main.tf:6 db_password");
            assertThat(grade(
                                    rules,
                                    "main.tf",
                                    db.replace("var.db_password", "local.pw"),
                                    "locals.tf",
                                    "locals {\n  pw = \"hunter2-prod\"\n}\n")
                            .message())
                    .contains("main.tf:2 password");
            assertThat(grade(rules, "main.tf", db).verdict().status()).isEqualTo("pass");
        }
    }
}
