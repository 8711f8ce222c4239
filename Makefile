# The helpline's commands. `make run` and `make test` are the contract (see README.md).
SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV := .venv/bin

.PHONY: help setup run train test lint typecheck test-main test-rasa bench clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

setup:  ## create or update .venv (Python >= 3.11) and .venv-rasa (Python 3.10, Rasa 3.6.21)
	@scripts/bootstrap.sh all

run: setup  ## set everything up and run the helpline until Ctrl-C
	@exec $(VENV)/helpline up

train: setup  ## train the Rasa model if config.yml, domain.yml, data/ or bot/ changed
	@$(VENV)/helpline train

lint: setup  ## ruff on the main runtime, the bot extensions and the actions
	$(VENV)/ruff check .
	$(VENV)/ruff format --check .

typecheck: setup  ## strict mypy on the main runtime
	$(VENV)/mypy

test-main: setup  ## pytest for the main runtime, integration tests included (PYTEST_ARGS adds to its command line)
	@scripts/system_deps.sh
	$(VENV)/helpline train
	$(VENV)/pytest $(PYTEST_ARGS)

test-rasa: setup  ## rasa data validate, story tests and action tests in the Rasa runtime
	scripts/test_rasa.sh

test: lint typecheck test-main test-rasa  ## every test: lint, types, main runtime, Rasa runtime

bench: setup  ## run every benchmark under bench/ and print its figures
	$(VENV)/helpline train
	@set -e; for script in bench/*/run.py; do echo "=== $$script"; $(VENV)/python "$$script"; done
	@echo "=== bench/nlu/run_bench.py (Rasa runtime)"
	@PYTHONPATH=. .venv-rasa/bin/python bench/nlu/run_bench.py --model "$$($(VENV)/python -c 'from helpline.training import model_path; print(model_path())')"

clean:  ## remove the environments, models and local state (var/)
	rm -rf .venv .venv-rasa models var .rasa .pytest_cache .mypy_cache .ruff_cache
