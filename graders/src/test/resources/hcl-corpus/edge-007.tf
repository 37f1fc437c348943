a = <<-EOT
    hi ${x}
  there
  EOT
