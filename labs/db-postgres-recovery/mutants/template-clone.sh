#!/bin/sh
# Near miss (after the reference solution): shop_restore_check made as a copy of shop (CREATE DATABASE ... TEMPLATE
# shop). Same rows, but the dump was never read: it proves nothing about the backup.
set -eu
cd /tmp
su postgres -s /bin/sh -c 'dropdb shop_restore_check && createdb --template=shop shop_restore_check'
