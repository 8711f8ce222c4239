#!/usr/bin/env bash
# Creates or updates the two Python environments of the project, only when their inputs changed.
#   .venv       Python >= 3.11: the helpline service (channels/, triage/, helpline/) and its tools
#   .venv-rasa  Python 3.10:    Rasa 3.6.21 (bot/) and the action server (actions/)
# Usage: scripts/bootstrap.sh [main|rasa|all]   (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

python_at_least() {  # $1 = interpreter, $2 = minor version of 3.x
    "$1" -c "import sys; sys.exit(0 if sys.version_info[:2] >= (3, $2) else 1)" 2>/dev/null
}

python_exactly() {  # $1 = interpreter, $2 = minor version of 3.x
    "$1" -c "import sys; sys.exit(0 if sys.version_info[:2] == (3, $2) else 1)" 2>/dev/null
}

pyenv_pythons() {  # interpreters installed under pyenv, newest last
    local root="${PYENV_ROOT:-}"
    if [ -z "$root" ] && command -v pyenv >/dev/null 2>&1; then root="$(pyenv root)"; fi
    [ -n "$root" ] || root="$HOME/.pyenv"
    ls -d "$root"/versions/3.*/bin/python3 2>/dev/null | sort -V || true
}

find_main_python() {
    local candidate
    for candidate in "${HELPLINE_PYTHON:-}" python3.13 python3.12 python3.11 python3 $(pyenv_pythons | tac); do
        [ -n "$candidate" ] || continue
        if command -v "$candidate" >/dev/null 2>&1 && python_at_least "$candidate" 11; then
            echo "$candidate"; return 0
        fi
    done
    return 1
}

find_rasa_python() {
    local candidate
    for candidate in "${RASA_PYTHON:-}" python3.10 $(pyenv_pythons | tac); do
        [ -n "$candidate" ] || continue
        if command -v "$candidate" >/dev/null 2>&1 && python_exactly "$candidate" 10; then
            echo "$candidate"; return 0
        fi
    done
    return 1
}

inputs_hash() { cat "$@" "$0" | sha256sum | cut -c1-16; }

# uv installs in parallel and caches wheels, which brings a cold setup from minutes to well under one.
# HELPLINE_INSTALLER=pip falls back to plain pip.
UV_VERSION=0.13.9
UV="var/tools/bin/uv"

ensure_uv() {  # $1 = any interpreter, used once to fetch uv itself
    [ "${HELPLINE_INSTALLER:-uv}" = "uv" ] || return 0
    if [ -x "$UV" ] && [ "$("$UV" --version | cut -d' ' -f2)" = "$UV_VERSION" ]; then return 0; fi
    say "fetching uv $UV_VERSION (the package installer)"
    "$1" -m pip install --quiet --disable-pip-version-check --target var/tools/uv-pkg "uv==$UV_VERSION"
    mkdir -p var/tools/bin
    ln -sf ../uv-pkg/bin/uv "$UV"
}

ensure_venv() {  # $1 = dir, $2 = interpreter, $3 = hash, then the install arguments
    local dir="$1" python="$2" hash="$3"; shift 3
    if [ -f "$dir/.installed" ] && [ "$(cat "$dir/.installed")" = "$hash" ]; then
        return 0
    fi
    if [ ! -x "$dir/bin/python" ]; then
        say "creating $dir with $("$python" --version 2>&1)"
        "$python" -m venv "$dir"
    fi
    say "installing packages into $dir"
    if [ "${HELPLINE_INSTALLER:-uv}" = "uv" ]; then
        "$UV" pip install --python "$dir/bin/python" "$@"
    else
        "$dir/bin/python" -m pip install --disable-pip-version-check --progress-bar on "$@"
    fi
    echo "$hash" > "$dir/.installed"
    say "$dir is ready"
}

main_python() {
    local python
    if ! python="$(find_main_python)"; then
        say "no Python >= 3.11 found. Install one (for example 'pyenv install 3.11') or set HELPLINE_PYTHON."
        exit 1
    fi
    echo "$python"
}

rasa_python() {
    local python
    if ! python="$(find_rasa_python)"; then
        say "Rasa 3.6 needs Python 3.10, and none was found on PATH or under pyenv."
        say "Install it (for example 'pyenv install 3.10' or 'apt-get install python3.10 python3.10-venv'), or set RASA_PYTHON."
        exit 1
    fi
    echo "$python"
}

setup_main() {  # $1 = interpreter
    ensure_venv .venv "$1" "$(inputs_hash pyproject.toml requirements/main-constraints.txt)" \
        -e ".[dev]" -c requirements/main-constraints.txt
}

setup_rasa() {  # $1 = interpreter
    ensure_venv .venv-rasa "$1" "$(inputs_hash requirements/rasa.txt requirements/rasa-constraints.txt)" \
        -r requirements/rasa.txt -c requirements/rasa-constraints.txt
}

setup_all() {  # both environments at once: the downloads overlap
    local main rasa main_pid rasa_pid status=0
    main="$(main_python)"; rasa="$(rasa_python)"
    ensure_uv "$main"
    setup_main "$main" & main_pid=$!
    setup_rasa "$rasa" & rasa_pid=$!
    wait "$main_pid" || status=$?
    wait "$rasa_pid" || status=$?
    return "$status"
}

case "${1:-all}" in
    main) python="$(main_python)"; ensure_uv "$python"; setup_main "$python" ;;
    rasa) python="$(rasa_python)"; ensure_uv "$(main_python)"; setup_rasa "$python" ;;
    all) setup_all ;;
    *) say "usage: $0 [main|rasa|all]"; exit 2 ;;
esac
