resource "aws_instance" "web" {
  count         = var.enabled ? 2 : 0
  ami           = data.aws_ami.ubuntu.id
  instance_type = count.index == 0 ? "t3.small" : "t3.micro"
  tags = {
    Name = "web-${count.index}"
  }
}

resource "aws_s3_bucket" "each" {
  for_each = toset(var.buckets)
  bucket   = "${var.prefix}-${each.key}"
}

resource "aws_s3_bucket" "map" {
  for_each = {
    logs = { versioned = false }
    data = { versioned = true }
  }
  bucket = each.key
}
