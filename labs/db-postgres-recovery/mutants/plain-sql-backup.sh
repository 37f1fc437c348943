#!/bin/sh
# Near miss: a plain SQL dump (pg_dump's default format) saved under the .dump name, restored with psql.
# It restores, but it is not the custom-format archive asked for (no pg_restore, no selective or parallel restore).
set -eu
cd /tmp
su postgres -s /bin/sh -c 'umask 077 && pg_dump --file=/var/backups/shop/shop.dump shop'
su postgres -s /bin/sh -c 'createdb shop_restore_check'
su postgres -s /bin/sh -c 'psql -X -q -v ON_ERROR_STOP=1 -d shop_restore_check -f /var/backups/shop/shop.dump' >/dev/null
su postgres -s /bin/sh -c 'psql -X -q -v ON_ERROR_STOP=1 -d shop' <<'SQL'
CREATE INDEX orders_customer_id_created_at_idx ON orders (customer_id, created_at);
SQL
