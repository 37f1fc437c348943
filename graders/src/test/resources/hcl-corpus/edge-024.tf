a = ~x
