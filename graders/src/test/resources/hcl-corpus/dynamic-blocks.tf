variable "ports" {
  type    = list(number)
  default = [80, 443]
}

resource "aws_security_group" "dyn" {
  name = "dyn"

  dynamic "ingress" {
    for_each = var.ports
    iterator = port
    content {
      from_port   = port.value
      to_port     = port.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }

  dynamic "egress" {
    for_each = { all = "-1" }
    content {
      from_port   = 0
      to_port     = 0
      protocol    = egress.value
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}
