variable "name" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "app_security_group_id" {
  type        = string
  description = "The application's security group: the only one that may reach the database"
}

variable "kms_key_arn" {
  type = string
}
