name_é = "café"
λ = "lambda"
emoji = "😀"
cjk = "漢字"
mixed-ident_1 = "ok"
_under = 1
