locals {
  upper       = [for s in var.list : upper(s)]
  filtered    = [for s in var.list : s if s != ""]
  indexed     = [for i, s in var.list : "${i}:${s}"]
  to_map      = { for s in var.list : s => length(s) }
  grouped     = { for k, v in var.map : v => k... }
  grouped_if  = { for k, v in var.map : v => k... if k != "x" }
  multiline = [
    for subnet in var.subnets : subnet.id
    if subnet.public
  ]
  nested = {
    for name, cfg in var.services :
    name => [for p in cfg.ports : p.number]
  }
  object_for = {
    for pair in setproduct(var.a, var.b) :
    "${pair[0]}-${pair[1]}" => {
      a = pair[0]
      b = pair[1]
    }
  }
}
