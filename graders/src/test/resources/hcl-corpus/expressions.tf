locals {
  arithmetic = 1 + 2 * 3 - 4 / 5 % 6
  negative   = -1
  negexpr    = -var.x
  notnot     = !!var.flag
  compare    = var.a < var.b == true
  logic      = var.a && var.b || !var.c
  cond       = var.a ? var.b ? 1 : 2 : 3
  chained    = var.a ? 1 : var.b ? 2 : 3
  paren      = (1 + 2) * 3
  multiline  = (
    var.a +
    var.b
  )
  call       = max(1, 2, 3)
  expand     = min(var.numbers...)
  nested     = jsonencode({ a = [1, 2, { b = "c" }] })
  index      = var.list[0]
  index2     = var.map["key"]
  dynindex   = var.list[var.i]
  negindex   = var.list[-1]
  legacy     = var.list.0.name
  splat      = aws_instance.web[*].id
  attrsplat  = aws_instance.web.*.private_ip
  splatidx   = var.objs[*].tags["Name"]
  relative   = tolist(var.set)[0]
  getattr    = jsondecode(var.json).key.sub
  tuplecall  = [1, 2, 3][1]
}
