variable "name" {
  type = string
}

variable "vpc_id" {}
