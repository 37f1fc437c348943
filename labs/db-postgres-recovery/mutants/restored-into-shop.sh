#!/bin/sh
# Near miss: the restore "test" run over the production database itself (--clean), and no restored copy left to
# check. It happened to work; had the dump been bad, the shop would be gone.
set -eu
cd /tmp
su postgres -s /bin/sh -c 'umask 077 && pg_dump --format=custom --file=/var/backups/shop/shop.dump shop'
su postgres -s /bin/sh -c 'pg_restore --clean --if-exists --exit-on-error --dbname=shop /var/backups/shop/shop.dump'
su postgres -s /bin/sh -c 'psql -X -q -v ON_ERROR_STOP=1 -d shop' <<'SQL'
CREATE INDEX orders_customer_id_created_at_idx ON orders (customer_id, created_at);
SQL
