#!/bin/sh
# Tamper: a file that starts with pg_dump's magic and holds the lines a listing of a custom archive shows, mode 0600
# as asked; and shop_restore_check made as a copy of shop, so row counts agree. No backup, no restore.
set -eu
cd /tmp
{ printf 'PGDMP\001\016\000\004\010\001\001'
  printf '\n; Archive created at 2026-01-01\n;     dbname: shop\n;     Format: CUSTOM\n'
  printf '3349; 0 16386 TABLE DATA public customers postgres\n3350; 0 16395 TABLE DATA public orders postgres\n'
} > /var/backups/shop/shop.dump
chown postgres:postgres /var/backups/shop/shop.dump
chmod 0600 /var/backups/shop/shop.dump
su postgres -s /bin/sh -c 'createdb --template=shop shop_restore_check'
