name        = "shop"
environment = "prod"
cidrs       = ["10.0.1.0/24", "10.0.2.0/24"]
tags = {
  Project = "shop"
  Owner   = "team-a"
}
enabled = true
size    = 20
