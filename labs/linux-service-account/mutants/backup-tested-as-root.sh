#!/bin/sh
# Near miss (after the reference solution): a last test run as root leaves root's backup as the latest.
set -eu
/usr/local/bin/backup-flows
