#!/usr/bin/env bash
# Takes the README's screenshots of the web application again: runs the browser test in headless Chromium with
# OPTIMA_SCREENSHOTS pointing at docs/images/web.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p docs/images/web
OPTIMA_SCREENSHOTS="$(pwd)/docs/images/web" swift test --filter WebApplicationBrowserTests
