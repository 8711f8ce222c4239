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

# The model is named after a hash of everything that shapes it, so an unchanged assistant is not retrained.
hash=$(cat config.yml domain.yml bot/*.py $(find data/nlu data/rules data/stories -name '*.yml' | sort) | sha256sum | cut -c1-16)
model="models/${hash}.tar.gz"
if [ ! -f "$model" ]; then
    say "training $model"
    start=$(date +%s)
    "$RASA" train --config config.yml --domain domain.yml --data "${NLU_DATA[@]}" --out models --fixed-model-name "$hash"
    say "trained in $(( $(date +%s) - start )) s"
else
    say "model $model is up to date"
fi

say "test stories"
"$RASA" test core --stories tests/bot/ --fail-on-prediction-errors --model "$model" --out var/rasa-results

say "action tests"
.venv-rasa/bin/pytest -q tests/actions

if [ "${BENCH:-0}" = "1" ]; then
    say "NLU bench (held-out)"
    .venv-rasa/bin/python bench/nlu/run_bench.py --model "$model"
fi
say "all Rasa tests passed"
