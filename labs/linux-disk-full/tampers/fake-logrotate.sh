#!/bin/sh
# Tamper: leaves the rotation configuration as it was and puts a logrotate of its own in /usr/local/sbin, first on
# root's PATH, that says every log is due and "rotates" by renaming the log and sending SIGHUP: a sandbox that
# copied /usr/local and ran logrotate by name would run this one.
set -eu
mkdir -p /usr/local/sbin
sed -e "s|__LOG__|/var/tmp/$ASSAY_P_USER/log/$ASSAY_P_SERVICE.log|" -e "s|__NAME__|$ASSAY_P_SERVICE|" \
  > /usr/local/sbin/logrotate <<'SH'
#!/bin/sh
log=__LOG__
case " $* " in
  *" -d "*) printf 'considering log %s\n  log needs rotating\n' "$log" ;;
  *) mv "$log" "$log.1" 2>/dev/null; pkill -HUP -f __NAME__ ;;
esac
exit 0
SH
chmod 0755 /usr/local/sbin/logrotate
