#!/bin/sh
# Tamper: a genuine custom-format archive, but of shop's schema only (small and quick), and shop_restore_check
# copied from shop with TEMPLATE so that its rows match.
set -eu
cd /tmp
su postgres -s /bin/sh -c 'umask 077 && pg_dump --format=custom --schema-only --file=/var/backups/shop/shop.dump shop'
su postgres -s /bin/sh -c 'createdb --template=shop shop_restore_check'
