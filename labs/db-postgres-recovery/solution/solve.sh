#!/bin/sh
# The reference solution: back up first, before touching the schema: as postgres, in pg_dump's custom format,
# private from the start (umask 077); check that pg_restore can read it, and prove it by restoring it into a new
# database; then add the index the account page's query needs: the equality column first, then the range it
# filters and sorts on. CONCURRENTLY: the shop keeps taking orders while it builds.
set -eu
cd /tmp
su postgres -s /bin/sh -c 'umask 077 && pg_dump --format=custom --file=/var/backups/shop/shop.dump shop'
su postgres -s /bin/sh -c 'pg_restore --list /var/backups/shop/shop.dump' | grep -q 'TABLE DATA public orders'
su postgres -s /bin/sh -c 'createdb shop_restore_check'
su postgres -s /bin/sh -c 'pg_restore --exit-on-error --dbname=shop_restore_check /var/backups/shop/shop.dump'
su postgres -s /bin/sh -c 'psql -X -q -v ON_ERROR_STOP=1 -d shop' <<'SQL'
CREATE INDEX CONCURRENTLY orders_customer_id_created_at_idx ON orders (customer_id, created_at);
SQL
