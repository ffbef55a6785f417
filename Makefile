# Tocsin: the two commands a newcomer needs are `make demo` and `make test`.
# Each bootstraps the virtualenv (pinned by requirements.lock), the broker jars and the broker.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
KAFKA  := deploy/kafka/kafka.sh
export TOCSIN_PYTHON := $(abspath $(PY))

.PHONY: venv kafka-up kafka-down kafka-status demo test test-unit lint bench clean

$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is required"'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -c requirements.lock -e '.[dev]'
	touch $@

venv: $(VENV)/.installed

kafka-up: venv
	bash $(KAFKA) start

kafka-down:
	bash $(KAFKA) stop

kafka-status:
	bash $(KAFKA) status

demo: kafka-up
	$(VENV)/bin/tocsin demo

test: kafka-up
	$(PY) -m pytest

test-unit: venv
	$(PY) -m pytest tests/unit

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

bench: kafka-up
	$(PY) -m bench.run

clean: kafka-down
	rm -rf $(VENV) deploy/kafka/.state .state
