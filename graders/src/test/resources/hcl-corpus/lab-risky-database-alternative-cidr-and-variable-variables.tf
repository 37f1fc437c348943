variable "name" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "private_cidrs" {
  type = list(string)
}

variable "db_password" {
  type      = string
  sensitive = true
}
