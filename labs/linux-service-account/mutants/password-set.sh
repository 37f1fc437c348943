#!/bin/sh
# Near miss (after the reference solution): the service account was given a password, so anyone who learns it can
# authenticate as flowbackup (su, ssh with a shell override, PAM services).
set -eu
echo 'flowbackup:Backup-2026!' | chpasswd
