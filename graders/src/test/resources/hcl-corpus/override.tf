resource "aws_db_instance" "main" {
  publicly_accessible = true
  storage_encrypted   = false
}

locals {
  environment = "dev"
}
