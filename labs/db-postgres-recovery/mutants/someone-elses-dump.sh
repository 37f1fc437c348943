#!/bin/sh
# Near miss (after the reference solution): mode 0600 as asked, but the file handed to another account (here
# www-data, "so the web team can fetch it"): that account can read every customer's name and e-mail.
set -eu
chown www-data /var/backups/shop/shop.dump
chmod 0600 /var/backups/shop/shop.dump
chmod o+x /var/backups/shop
