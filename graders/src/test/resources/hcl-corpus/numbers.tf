locals {
  int      = 42
  zero     = 0
  float    = 3.14159
  exp      = 1e10
  expneg   = 2.5E-3
  exppos   = 6.02e+23
  dotexp   = 1.e5
  leading0 = 007
  big      = 123456789012345678901234567890
  neg      = -0.5
  negzero  = -0
  port     = 65535
}
