a = x.y.z[0].w[*].v
