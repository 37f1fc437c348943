#!/bin/sh
# Near miss (after the reference solution): the index is right, but sequential scans are also switched off for
# the whole shop database "to be sure", which the instructions rule out (every other query of the shop is
# planned without them now).
set -eu
cd /tmp
su postgres -s /bin/sh -c "psql -X -q -v ON_ERROR_STOP=1 -c 'ALTER DATABASE shop SET enable_seqscan = off'"
