a = var.x[0]["k"].y.0
