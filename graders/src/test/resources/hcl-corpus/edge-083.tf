a = x​y
