#!/bin/sh
# Tamper: no index at all; sequential scans and sorts switched off for every database and role, and the index a
# text check would look for written in comments.
set -eu
cd /tmp
su postgres -s /bin/sh -c 'psql -X -q -v ON_ERROR_STOP=1 -d shop' <<'SQL'
ALTER ROLE ALL SET enable_seqscan = off;
ALTER DATABASE shop SET enable_sort = off;
COMMENT ON TABLE orders IS 'index: CREATE INDEX ON orders (customer_id, created_at); Index Cond: customer_id';
SQL
printf -- '-- CREATE INDEX orders_customer_id_created_at_idx ON orders (customer_id, created_at);\n' \
  >> /srv/shop/queries/recent-orders.sql
