#!/bin/sh
# Near miss, on top of the reference solution: the database stays publicly accessible.
set -eu
sed -i 's/publicly_accessible         = false/publicly_accessible         = true/' /root/review/main.tf
grep -q 'publicly_accessible         = true' /root/review/main.tf
