a = a -b
