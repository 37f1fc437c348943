block {}
block "one" {}
block "one" "two" {
}
block ident "mixed" other {
}
oneline { a = 1 }
oneline2 { b = "x" }
nested {
  inner {
    deeper {
      value = true
    }
  }
  inner {
    value = false
  }
}
labelled "a\nb" "é" {}
