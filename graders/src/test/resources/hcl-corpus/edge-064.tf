a = "${x ~}\n  a"
