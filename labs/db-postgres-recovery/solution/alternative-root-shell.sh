#!/bin/sh
# A correct alternative, the way many do it from a root shell: sudo for the database work, the dump written by
# the root shell's redirection (so root owns it) under umask 077, the new database from template0, the restore
# read from standard input without owners and in one transaction, and a covering index in the query's sort
# order (the planner can answer from the index alone).
set -eu
cd /tmp
umask 077
# shellcheck disable=SC2024 # on purpose: root's shell writes (and owns) the file
sudo -u postgres pg_dump -Fc shop > /var/backups/shop/shop.dump
pg_restore -l /var/backups/shop/shop.dump | grep -q 'TABLE DATA public customers'
sudo -u postgres psql -X -q -v ON_ERROR_STOP=1 -c 'CREATE DATABASE shop_restore_check TEMPLATE template0'
# shellcheck disable=SC2024 # on purpose: root's shell reads the file
sudo -u postgres pg_restore --no-owner --single-transaction --exit-on-error -d shop_restore_check \
  < /var/backups/shop/shop.dump
sudo -u postgres psql -X -q -v ON_ERROR_STOP=1 -d shop <<'SQL'
CREATE INDEX orders_recent_by_customer ON orders (customer_id, created_at DESC) INCLUDE (status, total_cents);
VACUUM (ANALYZE) orders;
SQL
# The restored copy has the same rows as the source.
for db in shop shop_restore_check; do
  sudo -u postgres psql -X -At -d "$db" -c 'SELECT count(*), sum(total_cents) FROM orders'
done
