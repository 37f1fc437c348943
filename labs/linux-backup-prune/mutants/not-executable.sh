#!/bin/sh
# Near miss (after the reference solution): the fixed script saved to a new file and moved into place with the
# new file's mode, 0644: cron's exec of it fails every night.
set -eu
cp /usr/local/bin/prune-backups /tmp/prune-backups.new
chmod 0644 /tmp/prune-backups.new
mv /tmp/prune-backups.new /usr/local/bin/prune-backups
