#!/bin/sh
# Set up and run the whole test suite on a fresh machine (what CI runs).
#   sh tests/run.sh [pytest args]
# Creates .venv, installs the package with its test extras, installs the system
# packages the browser and PostgreSQL tests need when missing (Debian, as root),
# then runs pytest, which includes the quality gate on ../shared/eval.
set -eu
cd "$(dirname "$0")/.."
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    need=""
    [ -x /usr/bin/chromium ] || need="$need chromium"
    [ -x /usr/lib/postgresql/15/bin/initdb ] || need="$need postgresql-15"
    if [ -n "$need" ]; then
        echo "installing system packages:$need"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
    fi
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
exec .venv/bin/python -m pytest "$@"
