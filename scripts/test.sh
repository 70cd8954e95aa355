#!/usr/bin/env bash
# Runs every test of Optima against real databases: a SQLite file per test and a local
# PostgreSQL server, which this script installs (Debian) and starts when needed.
# Usage: scripts/test.sh [extra `swift test` arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Build dependencies: SQLite and zlib headers; PostgreSQL for the server tests.
missing=()
[ -f /usr/include/sqlite3.h ] || missing+=(libsqlite3-dev)
[ -f /usr/include/zlib.h ] || missing+=(zlib1g-dev)
command -v pg_ctlcluster >/dev/null || missing+=(postgresql)
# The shells a user runs `optima cohort sql` in; a test does the same.
command -v sqlite3 >/dev/null || missing+=(sqlite3)
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]}" >&2
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The independent references (Python lifelines, statsmodels, scikit-learn; cryptography for the secure-aggregation
# and signature vectors; html5lib for the HTML validator), as import:pip names; without them those tests are skipped.
for pair in lifelines:lifelines statsmodels:statsmodels sklearn:scikit-learn cryptography:cryptography html5lib:html5lib; do
    module=${pair%%:*} package=${pair#*:}
    if command -v python3 >/dev/null && ! python3 -c "import $module" 2>/dev/null; then
        echo "installing $package (pip)" >&2
        python3 -m pip install -q "$package" 2>/dev/null || python3 -m pip install -q --user --break-system-packages "$package" \
            || echo "could not install $package: the tests that compare with it will be skipped" >&2
    fi
done

# The independent cohort reference (circe-be's SQL through the duckcdm port); without it that test is skipped.
if command -v python3 >/dev/null && ! python3 -c "import duckcdm" 2>/dev/null; then
    echo "installing duckcdm (pip)" >&2
    python3 -m pip install -q duckcdm==0.4.7 2>/dev/null || python3 -m pip install -q --user --break-system-packages duckcdm==0.4.7 \
        || echo "could not install duckcdm: the circe equivalence test will be skipped" >&2
fi

# Headless Chromium for the browser tests of the web UI (OPTIMA_CHROMIUM names another binary); without it they
# are skipped with a message.
if [ -z "${OPTIMA_CHROMIUM:-}" ] && ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null \
    && ! command -v google-chrome >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing chromium" >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >/dev/null 2>&1 \
        || echo "could not install chromium: the browser tests will be skipped" >&2
fi

if [ -z "${OPTIMA_TEST_POSTGRES:-}" ]; then
    version=$(ls /etc/postgresql | sort -n | tail -1)
    as_root pg_ctlcluster "$version" main start 2>/dev/null || true
    for _ in $(seq 1 30); do
        pg_isready -q -h 127.0.0.1 && break
        sleep 1
    done
    pg_isready -h 127.0.0.1
    # Suites run in parallel, each database with a pool of up to 8 connections: the default 100 is too few.
    if [ "$(as_root su postgres -c "psql -tAc 'SHOW max_connections'")" -lt 400 ]; then
        as_root su postgres -c "psql -qc 'ALTER SYSTEM SET max_connections = 400'"
        as_root pg_ctlcluster "$version" main restart
        for _ in $(seq 1 30); do
            pg_isready -q -h 127.0.0.1 && break
            sleep 1
        done
    fi
    as_root su postgres -c "psql -q -v ON_ERROR_STOP=1" <<'SQL'
SELECT 'CREATE ROLE optima LOGIN PASSWORD ''optima'''
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'optima')\gexec
SELECT 'CREATE DATABASE optima_test OWNER optima'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'optima_test')\gexec
SQL
    export OPTIMA_TEST_POSTGRES="postgres://optima:optima@127.0.0.1:5432/optima_test"
fi
echo "PostgreSQL tests run against ${OPTIMA_TEST_POSTGRES%%:*}://…@${OPTIMA_TEST_POSTGRES#*@}" >&2

export OPTIMA_REFERENCE_DATA="${OPTIMA_REFERENCE_DATA:-$(cd .. && pwd)/shared/data}"
swift build --product optima
if [ $# -eq 0 ]; then
    # The federation suites time the nodes' answers (timeouts, retries, a hanging node) and the browser suites wait for
    # pages in Chromium: each group runs on its own after the rest, which on two cores otherwise starves an in-process
    # node or the browser of CPU for minutes.
    browser="BrowserSmokeTests|WebApplicationBrowserTests"
    swift test --skip "FederationTests|$browser"
    swift test --filter FederationTests
    swift test --filter "$browser"
else
    swift test "$@"
fi
