#!/bin/sh
# Near miss (after the reference solution): exactly the two commands, but sudo asks CI for a password it does not
# have.
set -eu
printf 'deploy ALL=(root) /usr/sbin/service nodered restart, /usr/sbin/service nodered status\n' > /etc/sudoers.d/deploy
chmod 0440 /etc/sudoers.d/deploy
