#!/bin/sh
# Near miss: pg_dump without a database name dumps the one named after the user, `postgres`, which is empty.
# The archive is valid and "restores" without an error, into an empty database.
set -eu
cd /tmp
su postgres -s /bin/sh -c 'umask 077 && pg_dump --format=custom --file=/var/backups/shop/shop.dump'
su postgres -s /bin/sh -c 'createdb shop_restore_check'
su postgres -s /bin/sh -c 'pg_restore --exit-on-error --dbname=shop_restore_check /var/backups/shop/shop.dump'
su postgres -s /bin/sh -c 'psql -X -q -v ON_ERROR_STOP=1 -d shop' <<'SQL'
CREATE INDEX orders_customer_id_created_at_idx ON orders (customer_id, created_at);
SQL
