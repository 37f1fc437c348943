#!/bin/sh
# Near miss (after the reference solution): flow credentials readable by every local user.
set -eu
chmod 0755 /var/backups/flows
chmod a+r /var/backups/flows/*
