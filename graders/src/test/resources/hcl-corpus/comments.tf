# hash comment
// slash comment
/* block
   comment */
a = 1 # trailing hash
b = 2 // trailing slashes
c /* inline */ = /* here */ 3
/* before */ d = 4
block {
  # inside
  e = 5 /* after */
}
# last line without newline