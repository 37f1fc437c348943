locals {
  ids      = aws_instance.web.*.id
  first    = aws_instance.web.0.id
  full     = aws_instance.web[*].network_interface[0].id
  attronly = var.list.*.a.b.0
  nested   = var.list[*].items[*].name
  keys     = keys(var.map)[0]
}
