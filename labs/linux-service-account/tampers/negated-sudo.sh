#!/bin/sh
# Tamper: deploy keeps ALL, minus a few shells, and the two commands are named first, so a pattern that looks for
# them and for the usual shells passes; sudo still lets deploy run anything else.
set -eu
cat > /etc/sudoers.d/deploy <<'SUDO'
Cmnd_Alias SHELLS = /bin/sh, /bin/bash, /usr/bin/sh, /usr/bin/bash, /usr/bin/su
deploy ALL=(root) NOPASSWD: /usr/sbin/service nodered restart, /usr/sbin/service nodered status, ALL, !SHELLS
SUDO
chmod 0440 /etc/sudoers.d/deploy
