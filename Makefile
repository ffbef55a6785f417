# Tocsin: the two commands a newcomer needs are `make demo` and `make test`.
# Each bootstraps the virtualenv (pinned by requirements.lock), the broker jars and the broker.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
KAFKA  := deploy/kafka/kafka.sh
export TOCSIN_PYTHON := $(abspath $(PY))

.PHONY: venv browser setup kafka-up kafka-down kafka-status demo test test-unit lint bench soak clean

$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is required"'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -c requirements.lock -e '.[dev]'
	touch $@

venv: $(VENV)/.installed

# The live page's browser tests drive Debian's chromium through Playwright (Playwright's own browser
# download cannot work here). Installed when missing; without it the browser tests fail, never skip.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing Debian's chromium for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium is missing: run 'sudo apt-get install -y chromium'"; exit 1; fi; }
	@command -v chromium >/dev/null

setup: venv browser

kafka-up: venv
	bash $(KAFKA) start

kafka-down:
	bash $(KAFKA) stop

kafka-status:
	bash $(KAFKA) status

# DEMO_ARGS=--follow keeps the worker, the live page and the feed site running until Ctrl-C.
demo: kafka-up
	$(VENV)/bin/tocsin demo $(DEMO_ARGS)

test: kafka-up browser
	$(PY) -m pytest

test-unit: venv
	$(PY) -m pytest tests/unit

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

bench: kafka-up
	$(PY) -m bench.run
	$(PY) -m bench.failover

# The crash-window test again and again (SOAK_RUNS times, 6 kill points each): it must never fail.
SOAK_RUNS ?= 20
soak: kafka-up
	@mkdir -p .state; pass=0; for i in $$(seq $(SOAK_RUNS)); do \
	  if $(PY) -m pytest -q -p no:cacheprovider tests/e2e/test_crash_window.py > .state/soak-$$i.log 2>&1; \
	  then pass=$$((pass+1)); echo "soak run $$i: passed"; else echo "soak run $$i: FAILED (.state/soak-$$i.log)"; fi; \
	done; echo "soak: $$pass of $(SOAK_RUNS) runs passed"; test $$pass -eq $(SOAK_RUNS)

clean: kafka-down
	rm -rf $(VENV) deploy/kafka/.state .state
