#!/usr/bin/env bash
# Tests of the Rasa assistant: data validation, training (only when its inputs changed), test stories,
# action unit tests. Run from the repo root; exits non-zero on any failure.
#   scripts/test_rasa.sh            all of the above
#   BENCH=1 scripts/test_rasa.sh    also the held-out NLU bench (bench/nlu/run_bench.py)
set -euo pipefail
cd "$(dirname "$0")/.."

RASA=.venv-rasa/bin/rasa
export RASA_TELEMETRY_ENABLED=false
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
NLU_DATA=(data/nlu data/rules data/stories)

say() { printf '\033[1m[rasa-test]\033[0m %s\n' "$*" >&2; }

say "validating data"
"$RASA" data validate --fail-on-warnings --domain domain.yml --config config.yml --data "${NLU_DATA[@]}"

# One model per content hash of its inputs (helpline/training.py): trained only when they changed,
# and the same model `make run` serves.
.venv/bin/helpline train
model=$(.venv/bin/python -c 'from helpline.training import model_path; print(model_path())')

say "test stories"
"$RASA" test core --stories tests/bot/ --fail-on-prediction-errors --model "$model" --out var/rasa-results

say "action tests and Rasa extension tests"
HELPLINE_MODEL="$model" .venv-rasa/bin/pytest -q -c tests/actions/pytest.ini tests/actions tests/bot

if [ "${BENCH:-0}" = "1" ]; then
    say "NLU bench (held-out)"
    .venv-rasa/bin/python bench/nlu/run_bench.py --model "$model"
fi
say "all Rasa tests passed"
