locals {
  plain     = "hello"
  interp    = "${var.a}-${var.b}"
  wrapped   = "${var.only}"
  escaped   = "quote \" backslash \\ tab \t newline \n unicode \u00e9 \U0001F600"
  dollars   = "$${literal} %%{literal} $$${var.x} 100%"
  nested    = "${lookup(var.m, "key", "${var.fallback}")}"
  strip     = "a ${~ var.x ~} b"
  directive = "%{ if var.on }on%{ else }off%{ endif }"
  loop      = "%{ for i, v in var.list }${i}=${v},%{ endfor }"
  trimloop  = <<-EOT
    %{~ for name in var.names ~}
    ${name}
    %{~ endfor ~}
  EOT
  empty     = ""
  braces    = "${ { a = "}" }.a }"
  cond      = "${var.x ? "yes" : "no"}"
}
