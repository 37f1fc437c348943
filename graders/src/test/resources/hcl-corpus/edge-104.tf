l "x" y {}
l2 y "x" {
}
