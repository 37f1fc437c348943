a = {for v in l : v}
