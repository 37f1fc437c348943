#!/bin/sh
# Near miss: empties the deleted file through the process's descriptor, which frees the space, but the forwarder
# keeps writing to a file nobody can see or rotate.
set -eu
pid=$(cat "/run/$ASSAY_P_SERVICE.pid")
for fd in /proc/"$pid"/fd/*; do
  case "$(readlink "$fd")" in *'(deleted)') : > "$fd" ;; esac
done
cat > "/etc/logrotate.d/$ASSAY_P_SERVICE" <<CONF
/var/tmp/$ASSAY_P_USER/log/$ASSAY_P_SERVICE.log {
    size 5M
    rotate 4
    compress
    missingok
    copytruncate
}
CONF
