#!/usr/bin/env bash
# README.rst of every addon generated from its readme/*.md fragments (scripts/gen_readme.py,
# OCA's README layout). `make readme` writes them; `--check` regenerates into a temporary
# directory and fails, naming the addon, when a committed README.rst is out of date.
set -euo pipefail
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"
cd "$ROOT"
python=$PY
[ -x "$python" ] || python=python3
mapfile -t names < <(bash scripts/addons.sh)
addons=("${names[@]/#/addons/}")
gen=("$python" scripts/gen_readme.py --org-name crm-suite --repo-name crm-suite --branch 19.0)

if [ "${1:-}" = "--check" ]; then
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    "${gen[@]}" --out-dir "$tmp" "${addons[@]}"
    stale=0
    for addon in "${addons[@]}"; do
        name=$(basename "$addon")
        if ! cmp -s "$tmp/$name/README.rst" "$addon/README.rst"; then
            echo "$addon/README.rst is out of date with $addon/readme/: run 'make readme'" >&2
            stale=1
        fi
    done
    exit "$stale"
fi
"${gen[@]}" "${addons[@]}"
