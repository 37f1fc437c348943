#!/bin/sh
# Near miss (after the reference solution): the RCA is complete except for prevention, left as a placeholder.
set -eu
python3 - <<'PY'
import re
path = "/root/rca.md"
text = open(path).read()
text = re.sub(r"## Prevention\n.*\Z", "## Prevention\n\nTBD\n", text, flags=re.S)
open(path, "w").write(text)
PY
