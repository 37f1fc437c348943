block = {
}
block2 "x" = 1
