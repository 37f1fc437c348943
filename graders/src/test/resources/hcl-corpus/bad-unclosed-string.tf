a = "open
