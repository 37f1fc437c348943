#!/bin/sh
# Near miss (after the reference solution): any arguments to service, so deploy can start, stop or run any init script as root.
set -eu
printf 'deploy ALL=(root) NOPASSWD: /usr/sbin/service\n' > /etc/sudoers.d/deploy
chmod 0440 /etc/sudoers.d/deploy
