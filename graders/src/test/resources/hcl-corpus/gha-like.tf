job "build" {
  runs_on = "ubuntu-latest"
  step "checkout" {
    uses = "actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11"
  }
  step "test" {
    run = <<-SH
      set -eu
      make test
    SH
    env = {
      CI = "true"
    }
  }
}
