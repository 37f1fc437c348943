a = <<1EOT
1EOT
