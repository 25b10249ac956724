# The two commands that do everything on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
PY := .local/venv/bin/python

.PHONY: run test bench scale stop setup lint test-addon shell clean readme restore

run:                ## set-up, then the server with demo data at http://127.0.0.1:8069
	@bash scripts/run.sh

test: setup         ## every test: lint, install matrix, our tests, Odoo's crm/sale tests, tests/
	@$(PY) scripts/run_tests.py

bench: setup        ## generated data at full size, our way against the plain Odoo way: ratios
	@$(PY) scripts/run_bench.py $(BENCH_ARGS)

scale: setup        ## a streaming replica and Odoo's workers under a bounded load, 3 ways: ratios
	@$(PY) scripts/scale.py $(SCALE_ARGS)

test-addon: setup   ## one addon alone on a fresh database with its tests: make test-addon ADDON=crm_core
	@test -n "$(ADDON)" || { echo "usage: make test-addon ADDON=crm_core"; exit 2; }
	@$(PY) scripts/run_tests.py --addon "$(ADDON)"

lint: setup         ## ruff and pylint-odoo only
	@$(PY) -m ruff check addons tests scripts bench && $(PY) -m ruff format --check addons tests scripts bench
	@$(PY) -m pylint --rcfile=.pylintrc-mandatory addons/*/

restore: setup      ## a backup into a new database, neutralised: make restore FILE=x.zip DB=name [NEUTRALIZE=0] [MOVED=1]
	@test -n "$(FILE)" -a -n "$(DB)" || { echo "usage: make restore FILE=backup.zip DB=new_database [NEUTRALIZE=0] [MOVED=1]"; exit 2; }
	@$(PY) scripts/restore.py -c .local/odoo.conf --file "$(FILE)" --db "$(DB)" \
		$(if $(filter 0,$(NEUTRALIZE)),--no-neutralize) $(if $(filter 1,$(MOVED)),--moved)

readme:             ## README.rst of every addon from its readme/ fragments (--check: scripts/gen_readme.sh --check)
	@bash scripts/gen_readme.sh

setup:              ## system packages, Odoo 19.0, the virtual environment, PostgreSQL
	@bash scripts/setup.sh

stop:               ## stop the server and the private PostgreSQL
	@bash scripts/stop.sh

shell: setup        ## an Odoo shell on the demo database
	@$(PY) -m odoo shell -c .local/odoo.conf -d $${CRM_DB:-crm_demo}

clean: stop         ## remove everything the set-up made in this checkout (not the download cache)
	@rm -rf .local
