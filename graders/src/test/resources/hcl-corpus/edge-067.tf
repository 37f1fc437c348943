a = <<EOT
${x
}
EOT
