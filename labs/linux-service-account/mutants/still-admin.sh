#!/bin/sh
# Near miss (after the reference solution): the rule is narrow, but membership of sudo still grants everything (with a password).
set -eu
usermod --append --groups sudo deploy
