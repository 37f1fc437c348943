a = "a ${~ x ~} b"
