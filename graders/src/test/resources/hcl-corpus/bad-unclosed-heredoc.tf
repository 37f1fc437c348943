a = <<EOT
no end
