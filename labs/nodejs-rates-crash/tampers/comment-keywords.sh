#!/bin/sh
# Tamper: writes what a text check would look for (process.env.PORT, RATES_FILE, a catch answering 503, a health
# check that reads the file) into comments of the planted code; changes nothing else.
set -eu
cat >> /srv/rates-api/server.js <<'JS'
// const PORT = process.env.PORT;
// const RATES_FILE = process.env.RATES_FILE;
// try { await rateFor(code) } catch (err) { send(res, err.unknown ? 404 : 503, { error: err.message }) }
// /healthz: await loadRates() -> 200, catch -> 503
JS
