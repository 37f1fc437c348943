variable "region" {
  default = "eu-central-1"
}

variable "name" {}
