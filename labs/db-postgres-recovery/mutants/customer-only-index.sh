#!/bin/sh
# Near miss (after the reference solution): an index on customer_id alone. Much better than a scan, but the date
# range is filtered and the rows sorted after fetching every order of the customer.
set -eu
cd /tmp
su postgres -s /bin/sh -c 'psql -X -q -v ON_ERROR_STOP=1 -d shop' <<'SQL'
DROP INDEX orders_customer_id_created_at_idx;
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
SQL
