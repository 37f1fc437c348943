cidr_blocks = [0.0.0.0/0]
