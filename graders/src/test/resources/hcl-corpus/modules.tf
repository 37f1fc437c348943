module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.5.1"

  name = var.name
  cidr = "10.0.0.0/16"

  azs             = ["eu-west-1a", "eu-west-1b"]
  private_subnets = ["10.0.1.0/24", "10.0.2.0/24"]

  enable_nat_gateway = true
  tags               = local.tags
}

module "local" {
  source   = "./modules/app"
  for_each = toset(["a", "b"])
  name     = each.key
  depends_on = [module.vpc]
}

moved {
  from = aws_instance.old
  to   = aws_instance.new
}

import {
  to = aws_s3_bucket.logs
  id = "acme-logs"
}
