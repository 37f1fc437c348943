locals {
  bare      = { a = 1, b = 2 }
  colons    = { a: 1, b: 2 }
  quoted    = { "with space" = 1, "dots.in.key" = 2 }
  computed  = { (var.key) = 1 }
  traversal = { var.key = 1 }
  numeric   = { 1 = "one", true = "yes" }
  multiline = {
    a = 1
    b = 2,
    c = 3
  }
  trailing  = { a = 1, }
  empty     = {}
  emptyml   = {
  }
  nested = {
    inner = {
      deep = {
        value = [1, 2, 3]
      }
    }
  }
  comments = {
    # a comment
    a = 1 // another
    /* block */ b = 2
  }
  dupkeys = { a = 1, a = 2 }
}
