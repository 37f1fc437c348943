a = <<EOT_1-x
EOT_1-x
