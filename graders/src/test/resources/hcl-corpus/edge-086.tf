a = xÿ
