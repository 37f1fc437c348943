#!/bin/sh
# Tamper: writes the session's tags into tags_all (the provider's computed attribute, which plan would refuse as an
# argument) on every resource, hoping a grader reads any attribute that starts with tags.
set -eu
f=/root/audit-logs/main.tf
line="  tags_all = { \"$ASSAY_P_TEAM_KEY\" = \"platform\", \"$ASSAY_P_COST_KEY\" = \"cc-4410\", \"$ASSAY_P_ENV\" = \"prod\" }"
for anchor in '  deletion_window_in_days = 30' '  bucket = "${var.name}-audit-logs"' '  message_retention_seconds = 1209600'; do
  awk -v a="$anchor" -v l="$line" '{ print } $0 == a { print l }' "$f" > "$f.new"
  mv "$f.new" "$f"
done
[ "$(grep -c tags_all "$f")" = 3 ]
