#!/bin/sh
# Near miss, on top of the reference solution: the password file left as mosquitto_passwd created it (root,
# 0644): the broker can read it, and so can every other user on the machine.
set -eu
chown root:root /etc/mosquitto/passwd
chmod 644 /etc/mosquitto/passwd
