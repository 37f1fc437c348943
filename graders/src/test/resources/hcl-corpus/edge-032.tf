a = <<EOT
x
EOTX
EOT
