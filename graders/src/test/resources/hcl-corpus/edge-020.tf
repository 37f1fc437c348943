a = a-b
