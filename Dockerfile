# Production image: the official Odoo 19.0 image plus our addons and the
# third-party addons/libraries they depend on.
FROM odoo:19.0

# Installing Python packages needs root; the base image runs as "odoo".
USER root

# OCA addons ship as wheels that install into the odoo.addons namespace, which
# Odoo 19 finds without any addons_path entry. --no-deps: Odoo itself comes from
# a Debian package that pip does not see, so the wheels' requirement on "odoo"
# must be skipped (list any library they need in this file explicitly).
# --break-system-packages: the image's Python is Debian-managed (PEP 668).
COPY requirements-addons.txt /tmp/requirements-addons.txt
RUN pip3 install --no-cache-dir --break-system-packages --no-deps \
        -r /tmp/requirements-addons.txt \
    && rm /tmp/requirements-addons.txt

# Our own addons. They stay owned by root: the server only needs to read them.
# /mnt/extra-addons is declared a VOLUME by the base image, so Docker Compose
# keeps the previous container's copy when it recreates the container; deploy
# new code with `docker compose up -d --build -V` (see README.md, "Production with docker compose").
COPY addons/ /mnt/extra-addons/

# The restore script (README.md, "Backups and restore"): a crm_backup backup into a
# new database, run with `docker compose exec odoo python3 /opt/crm-suite/restore.py`.
COPY scripts/restore.py /opt/crm-suite/restore.py

# Production settings (workers, proxy_mode, list_db, ...); ODOO_RC points here.
COPY odoo.conf /etc/odoo/odoo.conf

# Never run the server as root.
USER odoo
