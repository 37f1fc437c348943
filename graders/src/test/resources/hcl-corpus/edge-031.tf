a = <<EOT
x
  EOT
