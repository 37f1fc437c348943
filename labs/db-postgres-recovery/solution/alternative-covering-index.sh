#!/bin/sh
# Correct alternative: sudo -u postgres with long options, the restore target made from template0 in SQL and
# restored in one transaction without owners, then a covering index in descending date order, built concurrently.
set -eu
cd /tmp
sudo -u postgres sh -c 'umask 077 && pg_dump --format=c --compress=9 --dbname=shop --file=/var/backups/shop/shop.dump'
sudo -u postgres pg_restore --list /var/backups/shop/shop.dump >/dev/null
sudo -u postgres psql -X -q -v ON_ERROR_STOP=1 -c 'CREATE DATABASE shop_restore_check TEMPLATE template0'
sudo -u postgres pg_restore --single-transaction --exit-on-error --no-owner --dbname=shop_restore_check \
  /var/backups/shop/shop.dump
for db in shop shop_restore_check; do
  sudo -u postgres psql -X -At -d "$db" -c 'SELECT count(*), sum(total_cents) FROM orders'
done
sudo -u postgres psql -X -q -v ON_ERROR_STOP=1 -d shop \
  -c 'CREATE INDEX CONCURRENTLY orders_recent_by_customer ON orders (customer_id, created_at DESC) INCLUDE (status, total_cents)'
sudo -u postgres psql -X -q -d shop -c 'ANALYZE orders'
