#!/bin/sh
# Tamper: writes the tags into tags_all (the provider's computed attribute, which plan would refuse as an
# argument) on every resource, hoping a grader reads any attribute that starts with tags.
set -eu
f=/root/audit-logs/main.tf
for anchor in '  deletion_window_in_days = 30' '  bucket = "${var.name}-audit-logs"' '  message_retention_seconds = 1209600'; do
  awk -v a="$anchor" '{ print } $0 == a { print "  tags_all = { team = \"platform\", \"cost-center\" = \"cc-4410\", environment = \"prod\" }" }' "$f" > "$f.new"
  mv "$f.new" "$f"
done
[ "$(grep -c tags_all "$f")" = 3 ]
