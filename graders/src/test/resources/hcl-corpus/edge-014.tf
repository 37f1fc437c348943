a = 1x
