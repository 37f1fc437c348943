a = "%{for x in y}%{endfor}"
