#!/bin/sh
# Correct alternative: the dump written by postgres and then made read-only (0400), a parallel restore (-j 2) into
# a database made with createdb from template0, and a plain two-column index followed by VACUUM ANALYZE.
set -eu
cd /tmp
su - postgres -c 'pg_dump -Fc -f /var/backups/shop/shop.dump shop && chmod 0400 /var/backups/shop/shop.dump'
su - postgres -c 'createdb --template=template0 shop_restore_check'
su - postgres -c 'pg_restore -j 2 -d shop_restore_check /var/backups/shop/shop.dump'
su - postgres -c "psql -X -q -v ON_ERROR_STOP=1 -d shop" <<'SQL'
CREATE INDEX orders_customer_recent_idx ON orders USING btree (customer_id, created_at);
VACUUM ANALYZE orders;
SQL
