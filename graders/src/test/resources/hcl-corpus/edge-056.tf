a = x.y(1)
