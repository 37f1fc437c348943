#!/bin/sh
# Near miss, on top of the reference solution: the hashed password file keeps the clear passwords "for reference"
# in comments (mosquitto skips them, and so does a check that only tries the passwords).
set -eu
printf '# line1-gateway Gw-line1-4kR9tQ2mX7\n# dashboard Dash-ctrl-8vN3pL6wZ5\n' >> /etc/mosquitto/passwd
