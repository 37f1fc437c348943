resource "aws_db_subnet_group" "db" {
  name       = "db"
  subnet_ids = var.private_subnet_ids
}

resource "aws_db_parameter_group" "pg" {
  name   = "pg16"
  family = "postgres16"
  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }
  parameter {
    name         = "log_min_duration_statement"
    value        = "500"
    apply_method = "immediate"
  }
}

resource "aws_db_instance" "main" {
  identifier                  = "main"
  engine                      = "postgres"
  engine_version              = "16.4"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  max_allocated_storage       = 100
  storage_encrypted           = true
  kms_key_id                  = aws_kms_key.db.arn
  manage_master_user_password = true
  username                    = "app"
  db_subnet_group_name        = aws_db_subnet_group.db.name
  parameter_group_name        = aws_db_parameter_group.pg.name
  vpc_security_group_ids      = [aws_security_group.db.id]
  backup_retention_period     = 7
  deletion_protection         = true
  publicly_accessible         = false
  multi_az                    = var.environment == "prod"
  skip_final_snapshot         = false
  final_snapshot_identifier   = "main-final-${formatdate("YYYYMMDDhhmmss", timestamp())}"
  performance_insights_enabled = true
}
