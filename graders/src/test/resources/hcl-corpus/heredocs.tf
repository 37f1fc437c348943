resource "aws_iam_policy" "read" {
  name   = "read"
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["s3:GetObject"],
      "Resource": "${aws_s3_bucket.site.arn}/*"
    }
  ]
}
EOF
}

locals {
  indented = <<-EOT
      first
        second
      ${var.third}
    fourth
    EOT
  tabbed = <<-EOT
	tab line
	  more
	EOT
  blank_lines = <<-EOT
    a

      b
    EOT
  raw = <<EOT
  keep \n as written $${not} %%{not}
EOT
  markers = <<END_OF_TEXT
EOT
not the end
END_OF_TEXT
}
