a = x[-1]
b = x[true]
c = x[null]
d = x[<<EOT
k
EOT
]
