#!/bin/sh
# Near miss (after the reference solution): rather than group access, the flows (and their credentials) are made
# readable by every user of the machine.
set -eu
gpasswd -d flowbackup nodered >/dev/null 2>&1 || true
chmod o+rx /srv/nodered /srv/nodered/flows
chmod o+r /srv/nodered/flows/* /srv/nodered/flows/.config.runtime.json
