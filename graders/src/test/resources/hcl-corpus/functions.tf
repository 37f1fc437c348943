locals {
  a = lower("ABC")
  b = format("%s-%03d", var.name, 7)
  c = join(",", concat(var.a, ["x"]))
  d = try(var.obj.missing, "default")
  e = can(regex("^a", var.s))
  f = coalesce(var.x, var.y, "z")
  g = templatefile("${path.module}/tpl.tftpl", { name = var.name })
  h = file("${path.module}/policy.json")
  i = cidrsubnet("10.0.0.0/16", 8, 1)
  j = merge(
    local.base_tags,
    {
      Name = var.name
    },
  )
  k = lookup(var.m, "k", null)
  l = element(var.list, length(var.list) - 1)
  m = f()
  n = f(
  )
}
