variable "region" {
  type        = string
  description = "AWS region of the bucket"
  default     = "eu-central-1"
}

variable "name" {
  type        = string
  description = "Site name, used in resource names"
  validation {
    condition     = can(regex("^[a-z0-9-]{3,40}$", var.name))
    error_message = "Lower-case letters, digits and dashes, 3 to 40 characters."
  }
}

variable "environment" {
  type    = string
  default = "prod"
}

variable "kms_key_arn" {
  type = string
}

variable "log_bucket" {
  type = string
}

variable "allowed_countries" {
  type    = list(string)
  default = []
}

/* Outputs live here too, to keep the example short. */
output "distribution_domain" {
  value = aws_cloudfront_distribution.site.domain_name
}
