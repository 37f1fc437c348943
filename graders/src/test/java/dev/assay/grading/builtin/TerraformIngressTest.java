package dev.assay.grading.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.CheckResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** noIngressFrom and noIngressPorts: security group ingress in every form AWS's provider takes. */
class TerraformIngressTest {
    private static final Map<String, Object> RULES = Map.of("noIngressFrom", "public", "noIngressPorts", List.of("22"));

    @TempDir
    Path dir;

    private CheckResult grade(String module) {
        return new TerraformModules(dir).grade(RULES, "main.tf", module);
    }

    @Test
    @DisplayName("an inline ingress block open to 0.0.0.0/0 on port 22 breaks both rules")
    void inlineBlock() {
        CheckResult result = grade("""
                resource "aws_security_group" "db" {
                  ingress {
                    from_port   = 22
                    to_port     = 22
                    protocol    = "tcp"
                    cidr_blocks = ["0.0.0.0/0"]
                  }
                }
                """);
        assertThat(result.verdict().status()).isEqualTo("fail");
        assertThat(result.message())
                .contains(
                        "aws_security_group.db (main.tf:2) admits 0.0.0.0/0",
                        "aws_security_group.db (main.tf:2) admits port 22");
    }

    @Test
    @DisplayName("a standalone rule whose port range holds 22 admits SSH, from anywhere")
    void standaloneRange() {
        CheckResult result = grade("""
                resource "aws_security_group_rule" "all_tcp" {
                  type              = "ingress"
                  from_port         = 0
                  to_port           = 65535
                  protocol          = "tcp"
                  cidr_blocks       = ["10.0.0.0/8"]
                  security_group_id = "sg-1"
                }
                resource "aws_security_group_rule" "out" {
                  type              = "egress"
                  from_port         = 0
                  to_port           = 0
                  protocol          = "-1"
                  cidr_blocks       = ["0.0.0.0/0"]
                  security_group_id = "sg-1"
                }
                """);
        assertThat(result.verdict().credit()).contains(0.5);
        assertThat(result.message())
                .contains("aws_security_group_rule.all_tcp", "port 22")
                .doesNotContain("out");
    }

    @Test
    @DisplayName("a VPC ingress rule for all protocols from ::/0, and the attribute form of ingress, are found")
    void allProtocolsAndAttributes() {
        CheckResult result = grade("""
                resource "aws_vpc_security_group_ingress_rule" "all" {
                  security_group_id = "sg-1"
                  ip_protocol       = "-1"
                  cidr_ipv6         = "::/0"
                }
                resource "aws_security_group" "legacy" {
                  ingress = [{
                    from_port        = 20
                    to_port          = 25
                    protocol         = "6"
                    cidr_blocks      = ["203.0.113.0/24"]
                    ipv6_cidr_blocks = []
                    prefix_list_ids  = []
                    security_groups  = []
                    self             = false
                    description      = "office"
                  }]
                }
                """);
        assertThat(result.verdict().status()).isEqualTo("fail");
        assertThat(result.message())
                .contains("aws_vpc_security_group_ingress_rule.all (main.tf:1) admits ::/0")
                .contains("aws_security_group.legacy (main.tf:7) admits 203.0.113.0/24")
                .contains("aws_security_group.legacy (main.tf:7) admits port 22");
    }

    @Test
    @DisplayName("Postgres from the application's group or private subnets holds both; a CIDR it cannot read does not")
    void privateOnly() {
        CheckResult result = grade("""
                resource "aws_vpc_security_group_ingress_rule" "app" {
                  security_group_id            = "sg-1"
                  referenced_security_group_id = var.app_sg
                  from_port                    = 5432
                  to_port                      = 5432
                  ip_protocol                  = "tcp"
                }
                resource "aws_security_group_rule" "subnets" {
                  type              = "ingress"
                  from_port         = 5432
                  to_port           = 5432
                  protocol          = "tcp"
                  cidr_blocks       = ["10.0.1.0/24", "172.16.0.0/12", "192.168.4.0/22"]
                  security_group_id = "sg-1"
                }
                variable "app_sg" {
                  type = string
                }
                """);
        assertThat(result.verdict().status()).as(result.message()).isEqualTo("pass");

        CheckResult unknown = grade("""
                resource "aws_vpc_security_group_ingress_rule" "pg" {
                  for_each          = toset(var.cidrs)
                  security_group_id = "sg-1"
                  cidr_ipv4         = each.value
                  from_port         = 5432
                  to_port           = 5432
                  ip_protocol       = "tcp"
                }
                variable "cidrs" {
                  type = list(string)
                }
                """);
        assertThat(unknown.verdict().credit()).contains(0.5);
        assertThat(unknown.message()).contains("cannot tell", "var.cidrs has no value");
    }

    @Test
    @DisplayName("reachablePorts: some ingress admits the port from a security group or private addresses")
    void reachable() {
        Map<String, Object> rules = Map.of("reachablePorts", List.of("5432"));
        TerraformModules modules = new TerraformModules(dir);
        CheckResult group = modules.grade(rules, "main.tf", """
                resource "aws_security_group" "db" {
                  ingress {
                    from_port       = 5432
                    to_port         = 5432
                    protocol        = "tcp"
                    security_groups = [var.app_sg]
                  }
                }
                variable "app_sg" {
                  type = string
                }
                """);
        assertThat(group.verdict().status()).as(group.message()).isEqualTo("pass");

        CheckResult none = modules.grade(rules, "main.tf", """
                resource "aws_vpc_security_group_ingress_rule" "pg" {
                  security_group_id = "sg-1"
                  cidr_ipv4         = "0.0.0.0/0"
                  from_port         = 5432
                  to_port           = 5432
                  ip_protocol       = "tcp"
                }
                """);
        assertThat(none.message()).contains("no ingress admits port 5432 from a security group or private addresses");
    }
}
