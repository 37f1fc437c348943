a = [for k, v in m : v if k != "x"]
b = {for k, v in m : k => v... if v}
