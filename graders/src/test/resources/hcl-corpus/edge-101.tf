a = <<-EOT
    a
   ${~x}
  EOT
