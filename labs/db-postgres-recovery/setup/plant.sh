#!/bin/sh
# Plants the shop's PostgreSQL 15: the cluster started (small: the machine has 384 MiB), the `shop` database with
# 5,000 customers and 100,000 orders over the last 90 days and no index for the account page's query (a
# sequential scan, in the slow-query log), no backup yet, and the graders' role `assay_probe`: password login over
# TCP from 127.0.0.1, reads every table and the backup file through the server (it reads no file itself).
set -eu
cd /tmp

su postgres -s /bin/sh -c 'cat > /etc/postgresql/15/main/conf.d/10-shop.conf' <<'CONF'
# The shop's settings (this VM has 384 MiB of memory).
listen_addresses = '127.0.0.1'
max_connections = 20
shared_buffers = 32MB
work_mem = 4MB
maintenance_work_mem = 32MB
max_wal_size = 256MB
jit = off
log_min_duration_statement = 5ms
CONF
# Only while loading: no fsync (removed, and the configuration reloaded, once the data is in).
su postgres -s /bin/sh -c 'printf "fsync = off\nfull_page_writes = off\n" > /etc/postgresql/15/main/conf.d/99-loading.conf'
# The graders' line first, so that later edits of the lines below do not lock them out.
# shellcheck disable=SC2016 # expanded by the inner shell, as postgres
su postgres -s /bin/sh -c 'hba=/etc/postgresql/15/main/pg_hba.conf; { printf "%s\n%s\n" \
  "# Assay graders (read-only role): leave this line as it is." \
  "host    all             assay_probe     127.0.0.1/32            scram-sha-256"; cat "$hba"; } > "$hba.new" \
  && mv "$hba.new" "$hba" && chmod 0640 "$hba"'

# pg_ctl waits for the server with a short poll (pg_ctlcluster sleeps about 2 s more); both keep the same files.
install -d -o postgres -g postgres -m 2775 /var/run/postgresql
su postgres -s /bin/sh -c '/usr/lib/postgresql/15/bin/pg_ctl start -w -t 8 -s -D /var/lib/postgresql/15/main \
  -l /var/log/postgresql/postgresql-15-main.log -o "-c config_file=/etc/postgresql/15/main/postgresql.conf"'

su postgres -s /bin/sh -c 'psql -X -q -v ON_ERROR_STOP=1' <<'SQL'
CREATE ROLE assay_probe LOGIN PASSWORD 'probe-7f3c9b1e2d'
  IN ROLE pg_read_all_data, pg_read_server_files;
GRANT EXECUTE ON FUNCTION pg_read_binary_file(text) TO assay_probe;
GRANT EXECUTE ON FUNCTION pg_stat_file(text, boolean) TO assay_probe;
CREATE DATABASE shop STRATEGY = FILE_COPY;   -- a copy and a checkpoint: faster than WAL_LOG here
\c shop
CREATE TABLE customers (
  id         integer PRIMARY KEY,
  email      text NOT NULL UNIQUE,
  name       text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE TABLE orders (
  id          bigint NOT NULL,
  customer_id integer NOT NULL,
  created_at  timestamptz NOT NULL,
  status      text NOT NULL,
  total_cents integer NOT NULL
);
COMMENT ON TABLE orders IS 'Orders of the last 90 days; older ones are archived to S3 every night.';
INSERT INTO customers
SELECT i, 'customer' || i || '@example.com', 'Customer ' || i, now() - interval '3 years' + i * interval '2 hours'
FROM generate_series(1, 5000) AS i;
-- In time order, as a shop inserts them: order 100000 is the newest, order 1 is 90 days old.
INSERT INTO orders
SELECT i, 1 + (i * 7919) % 5000, now() - (100000 - i) * interval '77.76 seconds',
       (ARRAY['paid', 'shipped', 'delivered', 'refunded'])[1 + (i * 13) % 4], 500 + (i * 31) % 20000
FROM generate_series(1, 100000) AS i;
-- Keys after the load: one index build and one join instead of 100,000 lookups.
ALTER TABLE orders ADD PRIMARY KEY (id),
  ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id);
ANALYZE customers, orders;
-- The account page, as the team saw it in the slow-query log.
SELECT id, created_at, status, total_cents FROM orders
WHERE customer_id = 4242 AND created_at >= now() - interval '30 days' ORDER BY created_at DESC \g /dev/null
\! rm /etc/postgresql/15/main/conf.d/99-loading.conf
SELECT pg_reload_conf() \g /dev/null
SQL

install -d -o root -g postgres -m 0770 /var/backups/shop
mkdir -p /srv/shop/queries
cat > /srv/shop/queries/recent-orders.sql <<'QUERY'
-- The account page's "your orders of the last 30 days". The application sends it with the customer's id;
-- try it with: psql -d shop -v customer_id=4242 -f /srv/shop/queries/recent-orders.sql
SELECT id, created_at, status, total_cents
FROM orders
WHERE customer_id = :customer_id
  AND created_at >= now() - interval '30 days'
ORDER BY created_at DESC;
QUERY
