#!/usr/bin/env bash
# The project's two entry points on a fresh machine (see README.md):
#   bash run.sh demo   set up .venv, then validate and render the bundled example
#   bash run.sh test   set up .venv, then run the test suite
# Set-up is idempotent: the virtual environment is (re)installed only when pyproject.toml changes.
set -euo pipefail
cd "$(dirname "$0")"

PYTHON="${PYTHON:-python3}"
VENV="${VENV:-.venv}"

setup() {
  if ! command -v "$PYTHON" >/dev/null 2>&1; then
    echo "python3 tidak ditemukan / python3 not found (Python >= 3.11 is required)" >&2
    exit 2
  fi
  if ! "$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)'; then
    echo "Python >= 3.11 diperlukan / is required; found $("$PYTHON" --version 2>&1)" >&2
    exit 2
  fi
  local stamp="$VENV/.probis-installed"
  local want
  want="$(cat pyproject.toml | "$PYTHON" -c 'import hashlib,sys; print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest())')"
  if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
  fi
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "== Memasang probis dan dependensinya ke $VENV / installing into $VENV" >&2
    "$VENV/bin/python" -m pip install --quiet --upgrade pip >&2
    "$VENV/bin/python" -m pip install --quiet -e '.[test]' >&2
    echo "$want" > "$stamp"
  fi
}

case "${1:-}" in
  demo)
    setup
    shift
    echo "== probis validate examples/kota-contoh"
    "$VENV/bin/probis" validate examples/kota-contoh "$@"
    echo
    echo "== probis render examples/kota-contoh --out build/kota-contoh"
    "$VENV/bin/probis" render examples/kota-contoh --out build/kota-contoh "$@"
    ;;
  test)
    setup
    shift
    exec "$VENV/bin/python" -m pytest "$@"
    ;;
  *)
    echo "usage: bash run.sh demo|test [extra arguments]" >&2
    exit 2
    ;;
esac
