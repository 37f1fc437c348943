locals {
  empty    = []
  one      = [1]
  trailing = [1, 2, 3,]
  nl = [
    1,
    2
    ,3
  ]
  mixed    = [1, "two", true, null, [3], { four = 4 }]
  nested   = [[[[]]]]
  comments = [
    1, # one
    2, // two
    /* three */ 3,
  ]
}
