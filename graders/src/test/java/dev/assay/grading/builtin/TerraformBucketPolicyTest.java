package dev.assay.grading.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.CheckResult;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bucketPolicy: cloudfront-only, in the forms a bucket policy is written in Terraform. */
class TerraformBucketPolicyTest {
    private static final Map<String, Object> RULES = Map.of("bucketPolicy", "cloudfront-only");

    private static final String BASE = """
            resource "aws_s3_bucket" "site" {
              bucket = "site"
            }
            resource "aws_cloudfront_distribution" "cdn" {
              enabled = true
            }
            """;

    @TempDir
    Path dir;

    private CheckResult grade(String policy) {
        return new TerraformModules(dir).grade(RULES, "main.tf", BASE + policy);
    }

    @Test
    @DisplayName(
            "a policy document for the CloudFront service on the distribution's ARN holds; from anyone it does not")
    void document() {
        String document = """
                data "aws_iam_policy_document" "read" {
                  statement {
                    actions   = ["s3:GetObject"]
                    resources = ["${aws_s3_bucket.site.arn}/*"]
                    principals {
                      type        = "Service"
                      identifiers = ["cloudfront.amazonaws.com"]
                    }
                    condition {
                      test     = "StringEquals"
                      variable = "AWS:SourceArn"
                      values   = [aws_cloudfront_distribution.cdn.arn]
                    }
                  }
                }
                resource "aws_s3_bucket_policy" "site" {
                  bucket = aws_s3_bucket.site.id
                  policy = data.aws_iam_policy_document.read.json
                }
                """;
        CheckResult good = grade(document);
        assertThat(good.verdict().status()).as(good.message()).isEqualTo("pass");

        CheckResult anyone = grade(document.replace("type        = \"Service\"", "type        = \"*\"")
                .replace("\"cloudfront.amazonaws.com\"", "\"*\""));
        assertThat(anyone.message()).contains("aws_s3_bucket_policy.site", "lets anyone read");

        CheckResult noCondition = grade(document.replaceAll("(?s)condition \\{.*?\\n    \\}", ""));
        assertThat(noCondition.message()).contains("not only", "AWS:SourceArn");
    }

    @Test
    @DisplayName("jsonencode and a JSON string are read too; no policy at all does not hold")
    void inlineJson() {
        CheckResult encoded = grade("""
                resource "aws_s3_bucket_policy" "site" {
                  bucket = aws_s3_bucket.site.id
                  policy = jsonencode({
                    Version = "2012-10-17"
                    Statement = [{
                      Effect    = "Allow"
                      Principal = { Service = "cloudfront.amazonaws.com" }
                      Action    = "s3:GetObject"
                      Resource  = "${aws_s3_bucket.site.arn}/*"
                      Condition = { StringEquals = { "AWS:SourceArn" = aws_cloudfront_distribution.cdn.arn } }
                    }]
                  })
                }
                """);
        assertThat(encoded.verdict().status()).as(encoded.message()).isEqualTo("pass");

        CheckResult literal = grade("""
                resource "aws_s3_bucket_policy" "site" {
                  bucket = aws_s3_bucket.site.id
                  policy = <<EOF
                {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}]}
                EOF
                }
                """);
        assertThat(literal.message()).contains("lets anyone read");
        assertThat(grade("").message()).contains("no aws_s3_bucket_policy");
    }
}
