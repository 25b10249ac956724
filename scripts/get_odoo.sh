#!/usr/bin/env bash
# Provide an Odoo 19.0 source tree at $ODOO_DIR (default .local/odoo).
# ODOO_SRC set: use that checkout. Otherwise: Debian's odoo-19 package, fetched
# through the mirror this machine's apt already uses, unpacked and repaired.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/scripts/lib.sh"

if [ -n "${ODOO_SRC:-}" ]; then
    [ -f "$ODOO_SRC/odoo/release.py" ] || die "ODOO_SRC=$ODOO_SRC is not an Odoo source tree (no odoo/release.py)"
    grep -q "version_info = (19, 0" "$ODOO_SRC/odoo/release.py" || die "ODOO_SRC=$ODOO_SRC is not Odoo 19.0"
    log "Odoo from ODOO_SRC=$ODOO_SRC"
    exit 0
fi

target="$LOCAL/odoo"
if [ -f "$target/.complete" ]; then
    exit 0
fi

cache="$CACHE_DIR/deb"
mkdir -p "$cache"
deb=$(ls "$cache"/odoo-19_*_all.deb 2>/dev/null | tail -n 1 || true)
if [ -z "$deb" ] || ! dpkg-deb --info "$deb" >/dev/null 2>&1; then
    rm -f "$cache"/odoo-19_*.deb
    mirror=$(apt_mirror)
    [ -n "$mirror" ] || die "cannot find this machine's Debian mirror in /etc/apt/sources.list*; set ODOO_SRC to an Odoo 19.0 checkout instead"
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    mkdir -p "$tmp/lists/partial" "$tmp/cache/archives/partial"
    echo "deb $mirror sid main" >"$tmp/sources.list"
    aptopts=(-o "Dir::Etc::sourcelist=$tmp/sources.list" -o "Dir::Etc::sourceparts=-"
        -o "Dir::State::Lists=$tmp/lists" -o "Dir::Cache=$tmp/cache"
        -o "APT::Get::List-Cleanup=0")
    log "downloading Debian's odoo-19 package (about 120 MB)"
    apt-get "${aptopts[@]}" -qq update
    (cd "$cache" && apt-get "${aptopts[@]}" -qq download odoo-19)
    deb=$(ls "$cache"/odoo-19_*_all.deb | tail -n 1)
fi

log "unpacking $(basename "$deb")"
rm -rf "$target" "$target.tmp"
mkdir -p "$target.tmp"
dpkg-deb -x "$deb" "$target.tmp"
dist="$target.tmp/usr/lib/python3/dist-packages"
[ -d "$dist/odoo/addons/crm" ] || die "the odoo-19 package has no odoo/addons/crm"

# Debian links shared fonts and JS libraries relatively (../../../../share/...);
# unpacked elsewhere they dangle. Point each at the absolute path it meant.
find "$target.tmp" -type l | while read -r link; do
    dest=$(readlink "$link")
    case "$dest" in
    /*) continue ;;
    esac
    [ -e "$link" ] && continue
    abs="/usr/${dest##*/usr/}"
    case "$dest" in
    */share/*) abs="/usr/share/${dest##*/share/}" ;;
    esac
    ln -sfn "$abs" "$link"
done
# Debian strips this file; without it every web asset bundle fails to build.
selfie="$dist/odoo/addons/mail/static/lib/selfie_segmentation/selfie_segmentation.js"
mkdir -p "$(dirname "$selfie")"
[ -e "$selfie" ] || : >"$selfie"
mv "$target.tmp" "$target"
touch "$target/.complete"
log "Odoo unpacked in $target"
