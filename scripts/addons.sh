#!/usr/bin/env bash
# Our addons, one a line, crm_core first (the others depend on it).
set -euo pipefail
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"
for m in "$ROOT"/addons/*/__manifest__.py; do
    basename "$(dirname "$m")"
done | sort | awk '$0 == "crm_core" {print; next} {rest = rest $0 "\n"} END {printf "%s", rest}'
