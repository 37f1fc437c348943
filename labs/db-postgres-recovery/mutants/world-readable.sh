#!/bin/sh
# Near miss (after the reference solution): the dump left readable by every user of the machine, as a default
# umask leaves it: customers' names and e-mail addresses for anyone who can log in.
set -eu
chmod 0644 /var/backups/shop/shop.dump
