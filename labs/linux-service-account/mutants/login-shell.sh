#!/bin/sh
# Near miss (after the reference solution): flowbackup can log in with a shell.
set -eu
usermod --shell /bin/bash flowbackup
