a = <<EOT
a ${x ~}
   
  y
EOT
